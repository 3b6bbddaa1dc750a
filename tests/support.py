"""Helpers more than one test module uses (fixtures live in conftest.py, factories in
factories.py): a world of rows shared by a module's tests, the URL patterns read from the
resolver, and signing in through the form."""

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from typing import TypeVar

import time_machine
from django.apps import apps
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from promo.models import AuditEvent, Ladder
from tests.conftest import TODAY
from tests.factories import PASSWORD

T = TypeVar("T")

# --- a world built once per module (and per xdist worker) --------------------------------------


def module_world(django_db_blocker, build: Callable[[], T]) -> Iterator[T]:
    """For a module-scoped fixture: `yield from module_world(django_db_blocker, build)`.

    What `build()` makes (on the frozen test date) is committed, once, for every test of the
    module to share; each test still runs in a transaction rolled back after it (the `db`
    fixture), so no test sees another's writes. Afterwards every row made since is deleted:
    the world's, and the sessions and audit rows its tests left. Under pytest-xdist each worker
    builds its own, in its own database.
    """
    with django_db_blocker.unblock():
        existing = {m: set(m.objects.values_list("pk", flat=True)) for m in apps.get_models()}
    try:
        with django_db_blocker.unblock(), time_machine.travel(TODAY, tick=False):
            built = build()
        yield built
    finally:
        with django_db_blocker.unblock():
            # Users first (what they own goes with them), then ladders, which levels in use
            # protect, then everything else.
            for model in (get_user_model(), Ladder, *apps.get_models()):
                model.objects.exclude(pk__in=existing.get(model, ())).delete()


# --- every URL pattern, from the resolver ------------------------------------------------------

# Left out, and why:
# - admin/: Django's admin has its own gate (is_staff plus model permissions), tested in
#   tests/promo/test_admin.py; it is the one place the admin role is meant to reach.
# - accounts/ (django.contrib.auth.urls, and promo.auth_urls where Promo replaces one of its
#   views): sign-in, sign-out and password reset must answer
#   everyone, signed in or not; they show nobody's data (tests/promo/test_accounts.py).
# - accounts/sso/ (promo.sso_urls): single sign-on's start, callback and its two error pages,
#   for anyone not signed in yet; they show nobody's data (tests/promo/test_sso.py).
# - hooks/ (evidence.hook_urls): the forge webhook. Forges post to it with no session and no
#   CSRF token, by design; the hook's key and each delivery's signature are its gate, and it
#   answers 404/401/413/400 without showing anyone's data (tests/evidence/test_forges.py).
# - static files: served by whitenoise, not by URL patterns (none exist; skipped if added).
# - api/ (reviews.api_urls): the JSON API answers bearer tokens, never sessions, so the session
#   roles and the sign-in redirect these suites assume do not apply; tests/api/test_api_matrix.py
#   walks every API route with its own table (every role, no token, read and write tokens,
#   revoked and expired ones) and fails on a route without an entry.
API_URLCONF = "reviews.api_urls"
SKIPPED_APPS = {"admin"}
SKIPPED_URLCONFS = {
    "django.contrib.auth.urls",
    "promo.auth_urls",
    "promo.sso_urls",
    API_URLCONF,
    "evidence.hook_urls",
}


@dataclass(frozen=True)
class Pattern:
    name: str  # "namespace:name", or "<unnamed: route>" so a missing name shows in the failure
    route: str
    view: Callable


def url_patterns() -> dict[str, Pattern]:
    """Every pattern of the project, from the resolver, through includes."""
    found: dict[str, Pattern] = {}

    def walk(patterns, namespace: str, prefix: str) -> None:
        for p in patterns:
            if isinstance(p, URLResolver):
                module = getattr(p.urlconf_name, "__name__", p.urlconf_name)
                if p.app_name in SKIPPED_APPS or module in SKIPPED_URLCONFS:
                    continue
                inner = f"{namespace}{p.namespace}:" if p.namespace else namespace
                walk(p.url_patterns, inner, prefix + str(p.pattern))
            elif isinstance(p, URLPattern):
                route = prefix + str(p.pattern)
                if p.lookup_str.startswith("django.views.static") or route.startswith("static/"):
                    continue
                name = f"{namespace}{p.name}" if p.name else f"<unnamed: {route}>"
                found[name] = Pattern(name=name, route=route, view=p.callback)

    walk(get_resolver().url_patterns, "", "")
    return found


def accepted_methods(view: Callable) -> frozenset[str] | None:
    """The methods the view's require_http_methods (or require_GET/require_POST) lets through,
    read from that decorator's closure down the view's `__wrapped__` chain; None if it has none."""
    fn: Callable | None = view
    while fn is not None:
        code = getattr(fn, "__code__", None)
        if code is not None and code.co_qualname.startswith("require_http_methods."):
            cells = dict(zip(code.co_freevars, fn.__closure__ or (), strict=True))
            return frozenset(cells["request_method_list"].cell_contents)
        fn = getattr(fn, "__wrapped__", None)
    return None


# --- every named page of the apps, with sample arguments ---------------------------------------

PUBLIC = {
    "invitation-accept",
    "forge-hook",  # forges post without a session or CSRF token (tests/evidence/test_forges.py)
    "openid_connect_login",
    "openid_connect_callback",
    "socialaccount_login_cancelled",
    "socialaccount_login_error",
    "login",
    "logout",
    "password_reset",
    "password_reset_done",
    "password_reset_confirm",
    "password_reset_complete",
}
SAMPLE_ARGS = {"id": 1, "int": 1, "string": "engineer", "slug": "x"}


def app_urls() -> list[str]:
    """Every named URL of promo, evidence and reviews, from the resolver itself."""
    found = []

    def walk(patterns, namespace: str = "") -> None:
        for p in patterns:
            if isinstance(p, URLResolver):
                module = getattr(p.urlconf_name, "__name__", p.urlconf_name)
                if p.app_name == "admin" or module == API_URLCONF:  # the API: see SKIPPED_URLCONFS
                    continue
                walk(p.url_patterns, f"{p.namespace}:" if p.namespace else namespace)
            elif isinstance(p, URLPattern) and p.name and p.name not in PUBLIC:
                converters = p.pattern.converters
                kwargs = {
                    name: SAMPLE_ARGS[type(c).__name__.removesuffix("Converter").lower()]
                    for name, c in converters.items()
                }
                found.append(reverse(f"{namespace}{p.name}", kwargs=kwargs or None))

    walk(get_resolver().url_patterns)
    return found


# --- signing in through the form, and what the audit trail recorded ----------------------------

LOGIN = "/accounts/login/"


def sign_in(client: Client, username: str, password: str = PASSWORD, ip: str = "10.0.0.1"):
    return client.post(LOGIN, {"username": username, "password": password}, REMOTE_ADDR=ip)


def audit_actions(**filters: object) -> list[str]:
    return list(AuditEvent.objects.filter(**filters).values_list("action", flat=True))


# --- the team dashboard's rows, as its view draws them ------------------------------------------


def dashboard_rows(viewer, view: str = "reports", as_of: date | None = None, sort: str = "status"):
    """Every row of the viewer's team dashboard (all pages), as `reviews:team` draws them, on
    today (the frozen test date) unless told another."""
    from django.test import RequestFactory
    from django.utils import timezone

    from promo import access
    from reviews.readiness import dashboard

    request = RequestFactory().get("/")
    request.user = viewer
    scope = access.scope_of(viewer)
    pictures = dashboard.listing(request, scope, view, as_of or timezone.localdate())
    return dashboard.team_rows(dashboard.rows_of(dashboard.ordered(pictures, sort)))
