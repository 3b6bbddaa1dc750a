"""Request-wide rules: who the client is, how long a session lives, what a browser may keep, and
the audit trail's context.

`client_ip` is the one answer to "where is this request from", for the sign-in lock-out and the
audit log alike. A client can put anything in X-Forwarded-For, so only the addresses our own
proxies appended are believed: with TRUSTED_PROXIES=n, the n-th from the right.
"""

import time
from collections.abc import Callable
from datetime import timedelta

from django.conf import settings
from django.contrib.auth import logout
from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.cache import add_never_cache_headers

from promo import audit
from promo.http import HtmxHttpRequest
from promo.models import AuditEvent

SESSION_STARTED = "promo_started"  # epoch seconds of the sign-in
SESSION_SEEN = "promo_seen"  # epoch seconds of the last request, rounded to SEEN_GRANULARITY
SEEN_GRANULARITY = 60  # write the session at most once a minute for activity alone
REFUSAL_REPEAT = timedelta(minutes=1)  # the same refusal of the same user: one row a minute


def client_ip(request: HttpRequest) -> str:
    proxies = getattr(settings, "TRUSTED_PROXIES", 0)
    if proxies:
        header: str = request.META.get("HTTP_X_FORWARDED_FOR", "")
        forwarded = [a.strip() for a in header.split(",")]
        forwarded = [a for a in forwarded if a]
        if len(forwarded) >= proxies:
            return forwarded[-proxies]
    return str(request.META.get("REMOTE_ADDR") or "")


Handler = Callable[[HttpRequest], HttpResponse]


def reject_nul_in_path(get_response: Handler) -> Handler:
    """A NUL in the path (/people/a%00b/) is never a real address, and PostgreSQL refuses it in
    a query: answer 400 before any view looks it up."""

    def middleware(request: HttpRequest) -> HttpResponse:
        if "\x00" in request.path:
            return HttpResponseBadRequest("Bad request: the address contains a null character.")
        return get_response(request)

    return middleware


def private_cache(get_response: Handler) -> Handler:
    """Tells browsers and proxies to keep no copy of anything Django answers: every page and
    export is someone's private record, and a copy kept after sign-out is what the back button
    of a shared computer shows the next person. Static files keep their long cache because
    whitenoise answers them before this runs; a view that sets Cache-Control itself keeps it.

    It marks every response, not only those to a signed-in user: sign-in, sign-out and an
    expired session change who is signed in halfway through a request, and Promo has no public
    page worth caching."""

    def middleware(request: HttpRequest) -> HttpResponse:
        response = get_response(request)
        if not response.has_header("Cache-Control"):
            add_never_cache_headers(response)
        return response

    return middleware


class SessionLifetimeMiddleware:
    """Ends a signed-in session after SESSION_IDLE_SECONDS without a request, and after
    SESSION_COOKIE_AGE from sign-in however busy (the cookie's own expiry moves with each save,
    so it cannot be the absolute limit by itself). The session is flushed on the server. It runs
    after HtmxMiddleware, so an htmx request is told where to sign in again."""

    def __init__(self, get_response: Handler) -> None:
        self.get_response = get_response

    def __call__(self, request: HtmxHttpRequest) -> HttpResponse:
        if request.user.is_authenticated:
            now = int(time.time())
            session = request.session
            started = session.get(SESSION_STARTED, now)
            seen = session.get(SESSION_SEEN, now)
            expired = (
                now - started > settings.SESSION_COOKIE_AGE
                or now - seen > settings.SESSION_IDLE_SECONDS
            )
            if expired:
                audit.record(audit.SESSION_EXPIRED, actor=request.user)
                logout(request)
                login = reverse(settings.LOGIN_URL)
                if request.htmx:
                    response = HttpResponse(status=204)
                    response["HX-Redirect"] = login
                    return response
                return redirect(f"{login}?next={request.path}")
            if SESSION_STARTED not in session:
                session[SESSION_STARTED] = now
            if now - seen >= SEEN_GRANULARITY or SESSION_SEEN not in session:
                session[SESSION_SEEN] = now
        return self.get_response(request)


class AuditMiddleware:
    """Gives audit records the request's address, and records refused access: a signed-in
    user answered 404 by an app page (Promo answers 404, never 403, to anyone without a
    relation, so a 404 there is what a refusal looks like).

    A refusal the trail already holds from the last minute (same user, client address, method
    and path) is not written again, so a script asking for one page in a loop adds a row a
    minute, not thousands; every other path tried, and any other client, is still recorded."""

    def __init__(self, get_response: Handler) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        ip = client_ip(request)
        with audit.request_context(ip=ip):
            response = self.get_response(request)
            if response.status_code == 404 and request.user.is_authenticated:
                detail = f"{request.method} {request.path}"[: audit.DETAIL_MAX]
                repeated = AuditEvent.objects.filter(
                    action=audit.REFUSED,
                    actor=request.user,
                    detail=detail,
                    ip=ip or None,
                    at__gte=timezone.now() - REFUSAL_REPEAT,
                )
                if not repeated.exists():
                    audit.record(audit.REFUSED, actor=request.user, detail=detail)
        return response
