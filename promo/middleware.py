"""Request-wide rules: who the client is, how long a session lives, and the audit trail's context.

`client_ip` is the one answer to "where is this request from", for the sign-in lock-out and the
audit log alike. A client can put anything in X-Forwarded-For, so only the addresses our own
proxies appended are believed: with TRUSTED_PROXIES=n, the n-th from the right.
"""

import time
from collections.abc import Callable

from django.conf import settings
from django.contrib.auth import logout
from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest
from django.shortcuts import redirect
from django.urls import reverse

from promo import audit

SESSION_STARTED = "promo_started"  # epoch seconds of the sign-in
SESSION_SEEN = "promo_seen"  # epoch seconds of the last request, rounded to SEEN_GRANULARITY
SEEN_GRANULARITY = 60  # write the session at most once a minute for activity alone


def client_ip(request: HttpRequest) -> str:
    proxies = getattr(settings, "TRUSTED_PROXIES", 0)
    if proxies:
        forwarded = [a.strip() for a in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
        forwarded = [a for a in forwarded if a]
        if len(forwarded) >= proxies:
            return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR", "") or ""


def reject_nul_in_path(get_response: Callable[[HttpRequest], HttpResponse]):  # noqa: ANN201
    """A NUL in the path (/people/a%00b/) is never a real address, and PostgreSQL refuses it in
    a query: answer 400 before any view looks it up."""

    def middleware(request: HttpRequest) -> HttpResponse:
        if "\x00" in request.path:
            return HttpResponseBadRequest("Bad request: the address contains a null character.")
        return get_response(request)

    return middleware


class SessionLifetimeMiddleware:
    """Ends a signed-in session after SESSION_IDLE_SECONDS without a request, and after
    SESSION_COOKIE_AGE from sign-in however busy (the cookie's own expiry moves with each save,
    so it cannot be the absolute limit by itself). The session is flushed on the server."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
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
    relation, so a 404 there is what a refusal looks like)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        with audit.request_context(ip=client_ip(request)):
            response = self.get_response(request)
            if response.status_code == 404 and request.user.is_authenticated:
                audit.record(
                    audit.REFUSED, actor=request.user, detail=f"{request.method} {request.path}"
                )
        return response
