from django.conf import settings
from django.http import HttpRequest
from django.utils.functional import SimpleLazyObject

from promo import sso
from promo.selectors import Roles, roles_of


def navigation(request: HttpRequest) -> dict[str, object]:
    """The viewer's roles and unread count for the navigation, queried only when shown."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"roles": Roles(is_mentor=False, is_manager=False, is_admin=False), "unread": 0}
    roles = SimpleLazyObject(lambda: roles_of(user))
    return {"roles": roles, "unread": SimpleLazyObject(lambda: roles.unread)}


def sign_in(request: HttpRequest) -> dict[str, object]:
    """The ways in: single sign-on (its name and where its button posts), and passwords."""
    single = {"name": settings.SSO_NAME, "url": sso.login_url()} if sso.enabled() else None
    return {"sso": single, "password_sign_in": settings.PASSWORD_SIGN_IN}
