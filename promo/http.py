"""Request types for views, as django-htmx's example project declares them.

They exist for the type checker only: at run time every view receives Django's own
`HttpRequest`, which `HtmxMiddleware` gives an `htmx` attribute. A view behind
`@login_required` takes `AuthenticatedHttpRequest`, so `request.user` is a `User`, never an
`AnonymousUser`; a view an anonymous visitor can reach keeps `HttpRequest` (or
`HtmxHttpRequest`) and goes through `promo.access.Viewer`.
"""

from collections.abc import Callable
from typing import Any, TypeVar

from django.contrib.auth.models import User
from django.http import HttpRequest
from django_htmx.middleware import HtmxDetails

T = TypeVar("T")


class HtmxHttpRequest(HttpRequest):
    htmx: HtmxDetails


class AuthenticatedHttpRequest(HtmxHttpRequest):
    user: User


def per_request(request: HttpRequest, key: str, make: Callable[[], T]) -> T:
    """Something worked out once per request that two sections of one page show (the home
    page's strip and its panels count the same things). It lives on the request and dies with
    it, so it never outlives, nor reaches past, the reader it was worked out for."""
    memo: dict[str, Any] = request.__dict__.setdefault("_promo_per_request", {})
    if key not in memo:
        memo[key] = make()
    return memo[key]  # type: ignore[no-any-return]
