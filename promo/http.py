"""Request types for views, as django-htmx's example project declares them.

They exist for the type checker only: at run time every view receives Django's own
`HttpRequest`, which `HtmxMiddleware` gives an `htmx` attribute. A view behind
`@login_required` takes `AuthenticatedHttpRequest`, so `request.user` is a `User`, never an
`AnonymousUser`; a view an anonymous visitor can reach keeps `HttpRequest` (or
`HtmxHttpRequest`) and goes through `promo.access.Viewer`.
"""

from django.contrib.auth.models import User
from django.http import HttpRequest
from django_htmx.middleware import HtmxDetails


class HtmxHttpRequest(HttpRequest):
    htmx: HtmxDetails


class AuthenticatedHttpRequest(HtmxHttpRequest):
    user: User
