from django.http import HttpRequest
from django.utils.functional import SimpleLazyObject

from promo.selectors import Roles, roles_of


def navigation(request: HttpRequest) -> dict[str, object]:
    """The viewer's roles for the navigation, queried only when a template asks."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"roles": Roles(is_mentor=False, is_manager=False, is_admin=False)}
    return {"roles": SimpleLazyObject(lambda: roles_of(user))}
