"""Headers, CSRF and caching, on every page of every app.

What a user trusts without seeing it: the browser is told to run nothing but our own scripts,
no form is sent from another site, no GET changes anything, and nothing private stays in the
browser's cache. Sessions, the sign-in lock-out and the audit trail are promo's:
tests/promo/test_sessions.py, test_accounts.py and test_audit.py.
"""

from datetime import timedelta
from html.parser import HTMLParser

import pytest
import time_machine
from django.test import Client, override_settings
from django.urls import reverse
from django.utils import timezone

from promo.models import AuditEvent, Visibility
from reviews.models import PromoDocument, StoredPicture
from tests.conftest import client_for
from tests.factories import PASSWORD, PromoDocumentFactory, feedback_for
from tests.support import LOGIN, app_urls, sign_in

# --- headers --------------------------------------------------------------------------------


def test_every_page_sends_a_strict_content_security_policy(engineer):
    response = client_for(engineer).get(reverse("home"))
    policy = dict(
        part.strip().split(" ", 1)
        for part in response["Content-Security-Policy"].split(";")
        if part.strip()
    )
    assert policy["default-src"] == "'self'"
    assert policy["script-src"] == "'self'" and policy["style-src"] == "'self'"
    assert policy["object-src"] == "'none'"
    assert policy["base-uri"] == "'none'"
    assert policy["frame-ancestors"] == "'none'"
    assert "unsafe" not in response["Content-Security-Policy"]


class _InlineCode(HTMLParser):
    """Collects what a strict CSP would block: inline scripts, style elements and attributes,
    and event-handler attributes."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        names = {name for name, _ in attrs}
        if tag == "script" and "src" not in names:
            self.found.append("inline <script>")
        if tag == "style":
            self.found.append("<style> element")
        if "style" in names:
            self.found.append(f"style attribute on <{tag}>")
        self.found += [f"{name} on <{tag}>" for name in names if name.startswith("on")]


@pytest.mark.parametrize(
    "url",
    [
        "/",
        "/week/",
        "/entries/search/?q=entry",
        "/ladder/",
        "/settings/",
        "/reviews/gaps/",
        "/reviews/readiness/engineer/",
        "/reviews/documents/",
        "/reviews/people/engineer/attempts/",
        "/reviews/people/engineer/checks/",
        "/notifications/",
        "/mentoring/",
    ],
)
def test_pages_contain_no_inline_script_or_style(engineer, entries, url):
    parser = _InlineCode()
    parser.feed(client_for(engineer).get(url).content.decode())
    assert parser.found == []


def test_entry_and_document_pages_contain_no_inline_script_or_style(engineer, entries, levels):
    document = PromoDocumentFactory(engineer=engineer, level=levels[2])
    client = client_for(engineer)
    for url in (entries[Visibility.PRIVATE].get_absolute_url(), document.get_absolute_url()):
        parser = _InlineCode()
        parser.feed(client.get(url).content.decode())
        assert parser.found == [], url


def test_other_security_headers(engineer):
    response = client_for(engineer).get(reverse("home"))
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["X-Frame-Options"] == "DENY"
    assert response["Referrer-Policy"] == "same-origin"


@override_settings(SECURE_HSTS_SECONDS=31_536_000, SECURE_SSL_REDIRECT=False)
def test_hsts_lasts_a_year_and_covers_subdomains_over_https(engineer):
    response = client_for(engineer).get(reverse("home"), secure=True)
    assert response["Strict-Transport-Security"].startswith("max-age=31536000; includeSubDomains")


@override_settings(SESSION_COOKIE_SECURE=True, CSRF_COOKIE_SECURE=True)
def test_session_cookie_is_secure_http_only_and_same_site_lax(engineer):
    response = sign_in(Client(), "engineer")
    cookie = response.cookies["sessionid"]
    assert cookie["secure"] and cookie["httponly"]
    assert cookie["samesite"] == "Lax"


# --- CSRF and safe methods ------------------------------------------------------------------


@pytest.mark.parametrize("url", app_urls())
def test_every_post_is_refused_without_a_csrf_token(engineer, url):
    client = Client(enforce_csrf_checks=True)
    client.force_login(engineer)
    assert client.post(url, {"title": "x"}).status_code == 403


def test_sign_in_itself_needs_a_csrf_token(engineer):
    client = Client(enforce_csrf_checks=True)
    response = client.post(LOGIN, {"username": "engineer", "password": PASSWORD})
    assert response.status_code == 403
    assert "_auth_user_id" not in client.session


def test_reading_preferences_creates_no_profile(admin_user):
    """Admins may have no profile; opening the page must not make one (a GET changes nothing)."""
    from promo.models import Person

    assert client_for(admin_user).get(reverse("preferences")).status_code == 200
    assert not Person.objects.filter(pk=admin_user.pk).exists()


def _counts() -> dict[str, int]:
    from django.apps import apps

    return {
        m._meta.label: m.objects.count()
        for name in ("promo", "evidence", "reviews")
        for m in apps.get_app_config(name).get_models()
        # Refused GETs are audited, by design; a dashboard keeps the readiness pictures it made
        # for the day (a cache of what the pipeline said, not a change to anything).
        if m not in (AuditEvent, StoredPicture)
    }


def test_no_get_changes_anything(engineer, mentor, manager, entries, levels):
    """Every app page, read as each of three people with real objects behind the URLs, leaves
    every table as it was (notifications stay unread, nothing is created or touched)."""
    shared = entries[Visibility.MENTORS_AND_MANAGERS]
    feedback = feedback_for(shared, mentor)
    document = PromoDocumentFactory(engineer=engineer, level=levels[2], share_manager=True)
    args = {
        "int": shared.pk,
        "string": "engineer",
        "slug": "x",
    }
    urls = app_urls()
    clients = [client_for(user) for user in (engineer, mentor, manager)]  # signing in writes
    before = _counts()
    stamps = list(PromoDocument.objects.values_list("updated_at", flat=True))
    for client in clients:
        for url in urls:
            client.get(url.replace("/1/", f"/{args['int']}/"))
        client.get(document.get_absolute_url())
        client.get(reverse("reviews:feedback-edit", args=[feedback.pk]))
    assert _counts() == before
    assert list(PromoDocument.objects.values_list("updated_at", flat=True)) == stamps
    assert not engineer.notifications.filter(read_at__isnull=False).exists()


# --- nothing private stays in the browser's cache -------------------------------------------


def assert_no_store(response) -> None:
    directives = {part.strip() for part in response.get("Cache-Control", "").split(",")}
    assert {"no-store", "no-cache", "private", "max-age=0"} <= directives, response


@pytest.mark.parametrize("url", app_urls())
def test_every_page_a_signed_in_user_opens_says_no_store(engineer, entries, url):
    client = client_for(engineer)
    assert_no_store(client.get(url))
    assert_no_store(client.get(url, HTTP_HX_REQUEST="true"))


def test_exports_say_no_store(engineer, manager, entries, levels):
    document = PromoDocumentFactory(engineer=engineer, level=levels[2])
    downloads = [
        (engineer, reverse("evidence:export-md")),
        (engineer, reverse("evidence:export-json")),
        (engineer, reverse("reviews:document-markdown", args=[document.pk])),
        (manager, reverse("reviews:team") + "?format=csv"),
    ]
    for user, url in downloads:
        response = client_for(user).get(url)
        assert response.status_code == 200, url
        assert response["Content-Disposition"].startswith("attachment"), url
        assert_no_store(response)


def test_signing_in_and_out_and_an_ended_session_say_no_store(engineer):
    client = Client()
    assert_no_store(client.get(LOGIN))
    assert_no_store(sign_in(client, "engineer"))
    assert_no_store(client.post(reverse("logout")))
    sign_in(client, "engineer")
    with time_machine.travel(timezone.now() + timedelta(minutes=61), tick=False):
        ended = client.get(reverse("home"))
    assert ended.status_code == 302
    assert_no_store(ended)


def test_static_files_keep_their_own_cache_headers(engineer):
    response = client_for(engineer).get("/static/css/promo.css")
    assert response.status_code == 200
    assert "no-store" not in response["Cache-Control"] and "public" in response["Cache-Control"]


@override_settings(WHITENOISE_MAX_AGE=None)
def test_static_files_are_answered_before_the_no_store_rule(engineer):
    """With no max-age of its own whitenoise sends no Cache-Control; the rule still adds none,
    because whitenoise answers before it runs (the order of MIDDLEWARE)."""
    response = client_for(engineer).get("/static/css/promo.css")
    assert response.status_code == 200
    assert not response.has_header("Cache-Control")
