"""Headers, sessions, CSRF, sign-in lock-out and the audit trail.

What a user trusts without seeing it: the browser is told to run nothing but our own scripts,
a stolen or forgotten session stops working, nobody can guess passwords for long, and every
sign-in, refusal, share and export leaves a line an admin can read.
"""

import io
from datetime import timedelta
from html.parser import HTMLParser

import pytest
import time_machine
from django.contrib.auth import get_user_model
from django.contrib.sessions.models import Session
from django.core.management import CommandError, call_command
from django.test import Client, override_settings
from django.urls import reverse
from django.utils import timezone

from promo import services as promo_services
from promo.models import AuditEvent, Mentorship, SignedInSession, Visibility
from reviews.models import PromoDocument
from tests.conftest import client_for
from tests.factories import PASSWORD, PromoDocumentFactory, feedback_for
from tests.test_anonymous import app_urls

Action = AuditEvent.Action
LOGIN = "/accounts/login/"


def sign_in(client: Client, username: str, password: str = PASSWORD, ip: str = "10.0.0.1"):  # noqa: ANN201
    return client.post(LOGIN, {"username": username, "password": password}, REMOTE_ADDR=ip)


def actions(**filters) -> list[str]:  # noqa: ANN003
    return list(AuditEvent.objects.filter(**filters).values_list("action", flat=True))


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


# --- sessions -------------------------------------------------------------------------------


def test_signing_in_starts_a_new_session(engineer):
    client = Client()
    client.get(LOGIN)
    session = client.session
    session["before"] = "anonymous"
    session.save()
    before = session.session_key
    sign_in(client, "engineer")
    assert client.session.session_key != before
    assert not Session.objects.filter(session_key=before).exists()


def test_signing_out_ends_the_session_on_the_server(engineer):
    client = Client()
    sign_in(client, "engineer")
    key = client.session.session_key
    client.post(reverse("logout"))
    assert not Session.objects.filter(session_key=key).exists()
    assert not SignedInSession.objects.filter(session_key=key).exists()


def test_deactivating_an_account_ends_its_sessions_at_once(engineer):
    laptop, phone = Client(), Client()
    sign_in(laptop, "engineer")
    sign_in(phone, "engineer", ip="10.0.0.2")
    keys = [laptop.session.session_key, phone.session.session_key]

    assert promo_services.user_deactivate(user=engineer, by=None)

    assert not Session.objects.filter(session_key__in=keys).exists()
    assert laptop.get(reverse("home")).status_code == 302
    assert Action.DEACTIVATED in actions()
    assert not promo_services.user_deactivate(user=engineer, by=None)  # already off: no news
    assert actions(action=Action.DEACTIVATED) == [Action.DEACTIVATED]


def test_deactivating_in_the_admin_ends_the_sessions_too(engineer, admin_user):
    phone = Client()
    sign_in(phone, "engineer")
    key = phone.session.session_key
    form = {
        "username": "engineer",
        "email": engineer.email,
        "date_joined_0": "2026-11-01",
        "date_joined_1": "09:00:00",
        "person-TOTAL_FORMS": "1",
        "person-INITIAL_FORMS": "1",
        "person-MIN_NUM_FORMS": "0",
        "person-MAX_NUM_FORMS": "1",
        "person-0-user": engineer.pk,
        "person-0-id": engineer.pk,
        "person-0-manager": engineer.person.manager_id,
        "person-0-current_level": engineer.person.current_level_id,
        "person-0-target_level": engineer.person.target_level_id,
        "person-0-default_visibility": engineer.person.default_visibility,
    }  # is_active left out: the box unticked
    response = client_for(admin_user).post(
        reverse("admin:auth_user_change", args=[engineer.pk]), form
    )
    assert response.status_code == 302
    engineer.refresh_from_db()
    assert not engineer.is_active
    assert not Session.objects.filter(session_key=key).exists()
    assert actions(action=Action.DEACTIVATED) == [Action.DEACTIVATED]


def test_the_admin_action_deactivates_everyone_selected(engineer, mentor, admin_user):
    phone = Client()
    sign_in(phone, "mentor")
    key = phone.session.session_key
    response = client_for(admin_user).post(
        reverse("admin:auth_user_changelist"),
        {"action": "deactivate", "_selected_action": [engineer.pk, mentor.pk]},
    )
    assert response.status_code == 302
    assert not get_user_model().objects.filter(pk__in=[engineer.pk, mentor.pk], is_active=True)
    assert not Session.objects.filter(session_key=key).exists()
    assert len(actions(action=Action.DEACTIVATED)) == 2


def test_tidy_sessions_deletes_expired_sessions_and_their_index_but_keeps_live_ones(engineer):
    live, stale = Client(), Client()
    sign_in(live, "engineer")
    sign_in(stale, "engineer", ip="10.0.0.2")
    live_key, stale_key = live.session.session_key, stale.session.session_key
    Session.objects.filter(session_key=stale_key).update(
        expire_date=timezone.now() - timedelta(seconds=1)
    )
    out = io.StringIO()
    call_command("tidy_sessions", stdout=out)
    assert "Deleted 1 expired session and 1 index row" in out.getvalue()
    assert list(Session.objects.values_list("session_key", flat=True)) == [live_key]
    assert list(SignedInSession.objects.values_list("session_key", flat=True)) == [live_key]
    assert live.get(reverse("home")).status_code == 200
    assert stale.get(reverse("home")).status_code == 302


def test_an_idle_session_ends_and_sends_the_user_to_sign_in(engineer):
    client = Client()
    sign_in(client, "engineer")
    key = client.session.session_key
    with time_machine.travel(timezone.now() + timedelta(minutes=61), tick=False):
        response = client.get(reverse("reviews:gaps"))
    assert response.status_code == 302
    assert response["Location"].startswith(LOGIN)
    assert not Session.objects.filter(session_key=key).exists()
    assert Action.SESSION_EXPIRED in actions(actor=engineer)


def test_an_idle_htmx_request_is_told_to_go_to_sign_in(engineer):
    client = Client()
    sign_in(client, "engineer")
    with time_machine.travel(timezone.now() + timedelta(minutes=61), tick=False):
        response = client.get(reverse("reviews:gaps"), HTTP_HX_REQUEST="true")
    assert response["HX-Redirect"] == LOGIN


def test_activity_keeps_a_session_alive_but_not_past_its_absolute_lifetime(engineer):
    client = Client()
    sign_in(client, "engineer")
    start = timezone.now()
    for half_hours in range(1, 24):  # a request every 30 minutes for 11.5 hours
        with time_machine.travel(start + timedelta(minutes=30 * half_hours), tick=False):
            assert client.get(reverse("home")).status_code == 200, half_hours
    with time_machine.travel(start + timedelta(hours=12, minutes=5), tick=False):
        assert client.get(reverse("home")).status_code == 302


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
        if m is not AuditEvent  # refused GETs are audited, by design
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


# --- sign-in lock-out -----------------------------------------------------------------------


def test_repeated_failures_lock_out_that_username_from_that_address(engineer):
    client = Client()
    for _ in range(4):
        assert sign_in(client, "engineer", "wrong").status_code == 200
    assert sign_in(client, "engineer", "wrong").status_code == 429  # the fifth locks
    locked = sign_in(client, "engineer")  # even the right password
    assert locked.status_code == 429
    assert "signing in is paused for 15 minutes" in locked.content.decode()
    assert "_auth_user_id" not in client.session
    assert Action.LOCKED_OUT in actions(username="engineer")


def test_a_lock_out_cannot_lock_the_user_out_from_elsewhere_or_lock_others(engineer, mentor):
    attacker = Client()
    for _ in range(6):
        sign_in(attacker, "engineer", "wrong", ip="203.0.113.9")
    assert sign_in(Client(), "engineer", ip="10.0.0.1").status_code == 302  # the real user
    assert sign_in(Client(), "mentor", ip="203.0.113.9").status_code == 302  # someone else


def test_the_lock_out_ends_after_the_cool_off(engineer):
    for _ in range(5):
        sign_in(Client(), "engineer", "wrong")
    assert sign_in(Client(), "engineer").status_code == 429
    with time_machine.travel(timezone.now() + timedelta(minutes=16), tick=False):
        assert sign_in(Client(), "engineer").status_code == 302


def test_a_forwarded_for_header_is_ignored_unless_a_proxy_is_trusted(engineer):
    """Without TRUSTED_PROXIES an attacker cannot dodge the lock-out by inventing addresses."""
    for n in range(5):
        client = Client(HTTP_X_FORWARDED_FOR=f"198.51.100.{n}")
        sign_in(client, "engineer", "wrong")
    assert sign_in(Client(HTTP_X_FORWARDED_FOR="198.51.100.99"), "engineer").status_code == 429


@override_settings(TRUSTED_PROXIES=1)
def test_behind_a_trusted_proxy_the_address_it_saw_is_used(engineer):
    for _ in range(5):
        sign_in(Client(HTTP_X_FORWARDED_FOR="spoofed, 198.51.100.7"), "engineer", "wrong")
    blocked = Client(HTTP_X_FORWARDED_FOR="198.51.100.7")
    assert sign_in(blocked, "engineer").status_code == 429
    assert sign_in(Client(HTTP_X_FORWARDED_FOR="198.51.100.8"), "engineer").status_code == 302
    assert AuditEvent.objects.filter(action=Action.SIGN_IN).get().ip == "198.51.100.8"


# --- the audit trail ------------------------------------------------------------------------


def test_sign_ins_and_failures_are_recorded_without_the_password(engineer):
    sign_in(Client(), "engineer", "hunter2-not-the-password", ip="10.1.2.3")
    sign_in(Client(), "engineer", ip="10.1.2.4")
    failed = AuditEvent.objects.get(action=Action.SIGN_IN_FAILED)
    assert (failed.username, failed.ip, failed.actor) == ("engineer", "10.1.2.3", None)
    assert AuditEvent.objects.get(action=Action.SIGN_IN).actor == engineer
    for event in AuditEvent.objects.all():
        assert "hunter2" not in f"{event.username} {event.target} {event.detail}"


def test_refused_access_is_recorded(stranger, entries):
    url = entries[Visibility.MENTORS_AND_MANAGERS].get_absolute_url()
    assert client_for(stranger).get(url).status_code == 404
    event = AuditEvent.objects.get(action=Action.REFUSED)
    assert event.actor == stranger and event.detail == f"GET {url}"


def test_visibility_and_sharing_changes_are_recorded(engineer, entries, levels):
    from evidence import services
    from evidence.services import EntryData

    entry = entries[Visibility.PRIVATE]
    data = EntryData(title=entry.title, week_of=entry.week_start, visibility=Visibility.MENTORS)
    services.entry_update(entry=entry, editor=engineer, expected_version=entry.version, data=data)
    document = PromoDocumentFactory(engineer=engineer, level=levels[2])
    client_for(engineer).post(
        reverse("reviews:document-settings", args=[document.pk]),
        {"period_start": "2025-12-01", "period_end": "2026-11-24", "share_manager": "on"},
    )
    visibility = AuditEvent.objects.get(action=Action.VISIBILITY)
    assert visibility.detail == "private → mentors"
    assert visibility.target == f"evidence.entry:{entry.pk}"
    assert AuditEvent.objects.get(action=Action.SHARING).detail == "managers: yes, mentors: no"


def test_mentorship_changes_are_recorded(engineer, stranger):
    client_for(engineer).post(reverse("mentoring-invite"), {"handle": "stranger"})
    link = Mentorship.objects.get(mentor=stranger)
    client_for(stranger).post(reverse("mentorship-accept", args=[link.pk]))
    details = list(
        AuditEvent.objects.filter(action=Action.MENTORSHIP)
        .order_by("pk")
        .values_list("actor__username", "detail")
    )
    assert details == [
        ("engineer", "invited: stranger mentoring engineer"),
        ("stranger", "active: stranger mentoring engineer"),
    ]


def test_feedback_edits_and_deletions_are_recorded(engineer, mentor, entries):
    feedback = feedback_for(entries[Visibility.MENTORS], mentor)
    client = client_for(mentor)
    client.post(
        reverse("reviews:feedback-edit", args=[feedback.pk]),
        {
            "body": "Sharper now.",
            f"verdict_{entries[Visibility.MENTORS].behaviours.get().pk}": "flashes",
        },
    )
    client.post(reverse("reviews:feedback-delete", args=[feedback.pk]))
    assert actions(actor=mentor, action__startswith="feedback") == [
        Action.FEEDBACK_DELETED,
        Action.FEEDBACK_EDITED,
    ]


def test_exports_are_recorded(engineer, manager, entries):
    client_for(engineer).get(reverse("evidence:export-json"))
    client_for(manager).get(reverse("reviews:team") + "?format=csv")
    assert sorted(
        AuditEvent.objects.filter(action=Action.EXPORT).values_list("detail", flat=True)
    ) == [
        "own entries as json",
        "team readiness CSV, 1 rows",
    ]


def test_admin_changes_are_recorded_and_admins_read_the_trail(admin_user):
    client = client_for(admin_user)
    response = client.post(reverse("admin:promo_team_add"), {"name": "Platform"})
    assert response.status_code == 302
    event = AuditEvent.objects.get(action=Action.ADMIN_CHANGE)
    assert event.actor == admin_user and event.detail.startswith("Added team “Platform”")
    trail = client.get(reverse("admin:promo_auditevent_changelist"))
    assert trail.status_code == 200 and "Changed in the admin" in trail.content.decode()


@pytest.mark.parametrize("who", ["engineer", "manager", "stranger"])
def test_only_admins_read_the_audit_trail(request, who):
    client = client_for(request.getfixturevalue(who))
    response = client.get(reverse("admin:promo_auditevent_changelist"))
    assert response.status_code == 302 and "/admin/login/" in response["Location"]


def test_nobody_edits_history_even_in_the_admin(admin_user, engineer):
    sign_in(Client(), "engineer")
    event = AuditEvent.objects.get(action=Action.SIGN_IN)
    client = client_for(admin_user)
    assert client.get(reverse("admin:promo_auditevent_add")).status_code == 403
    response = client.post(
        reverse("admin:promo_auditevent_delete", args=[event.pk]), {"post": "yes"}
    )
    assert response.status_code == 403
    assert AuditEvent.objects.filter(pk=event.pk).exists()


# --- nothing private stays in the browser's cache -------------------------------------------


def assert_no_store(response) -> None:  # noqa: ANN001
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


# --- audit retention and repeated refusals --------------------------------------------------


def _audit_rows_aged(days_ago: dict[str, int]) -> dict[str, int]:
    """One sign-in event per name, dated that many days back; the name is kept as the username."""
    ids = {}
    for name, days in days_ago.items():
        event = AuditEvent.objects.create(action=Action.SIGN_IN, username=name)
        AuditEvent.objects.filter(pk=event.pk).update(at=timezone.now() - timedelta(days=days))
        ids[name] = event.pk
    return ids


def prune_audit(*args: str) -> str:
    out = io.StringIO()
    call_command("prune_audit", *args, stdout=out)
    return out.getvalue()


def test_prune_audit_deletes_events_older_than_the_period_and_keeps_the_rest(db):
    _audit_rows_aged({"ancient": 800, "last-cycle": 401, "this-cycle": 399, "today": 0})
    said = prune_audit()
    assert "Deleted 2 audit events from before" in said and "(400 days ago)" in said
    assert sorted(AuditEvent.objects.values_list("username", flat=True)) == ["this-cycle", "today"]


def test_prune_audit_deletes_in_batches(db, monkeypatch):
    from promo.management.commands import prune_audit as command

    monkeypatch.setattr(command, "BATCH", 2)
    _audit_rows_aged({f"old-{n}": 500 + n for n in range(5)} | {"new": 1})
    assert "Deleted 5 audit events" in prune_audit()
    assert list(AuditEvent.objects.values_list("username", flat=True)) == ["new"]


def test_prune_audit_days_sets_the_period(db):
    _audit_rows_aged({"old": 40, "new": 20})
    assert "Deleted 1 audit event from before" in prune_audit("--days", "30")
    assert list(AuditEvent.objects.values_list("username", flat=True)) == ["new"]


def test_prune_audit_dry_run_says_what_would_go_and_deletes_nothing(db):
    _audit_rows_aged({"ancient": 800, "last-cycle": 401, "today": 0})
    said = prune_audit("--dry-run")
    assert "Signed in: 2" in said
    assert "Would delete 2 audit events from before" in said and "deleted nothing" in said
    assert AuditEvent.objects.count() == 3


def test_prune_audit_refuses_a_period_shorter_than_a_month(db):
    from promo.management.commands.prune_audit import MIN_DAYS, TOO_SHORT

    _audit_rows_aged({"old": 40})
    with pytest.raises(CommandError) as refused:
        prune_audit("--days", "29")
    assert str(refused.value) == TOO_SHORT.format(minimum=MIN_DAYS, days=29)
    assert AuditEvent.objects.count() == 1


def test_a_refusal_repeated_in_a_loop_is_recorded_once_a_minute(stranger, entries):
    private = entries[Visibility.MENTORS_AND_MANAGERS].get_absolute_url()
    other = entries[Visibility.PRIVATE].get_absolute_url()
    client = client_for(stranger)
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        for _ in range(20):
            assert client.get(private).status_code == 404
        client.get(other)  # another page is another refusal
        client.get(private, REMOTE_ADDR="198.51.100.7")  # and so is another client
    with time_machine.travel(start + timedelta(seconds=61), tick=False):
        client.get(private)
    rows = list(
        AuditEvent.objects.filter(action=Action.REFUSED, actor=stranger)
        .order_by("pk")
        .values_list("detail", "ip")
    )
    assert rows == [
        (f"GET {private}", "127.0.0.1"),
        (f"GET {other}", "127.0.0.1"),
        (f"GET {private}", "198.51.100.7"),
        (f"GET {private}", "127.0.0.1"),  # a minute later
    ]


def test_a_repeated_refusal_by_someone_else_is_still_recorded(stranger, manager, entries):
    url = entries[Visibility.PRIVATE].get_absolute_url()
    client_for(stranger).get(url)
    client_for(manager).get(url)
    assert sorted(
        AuditEvent.objects.filter(action=Action.REFUSED).values_list("actor__username", flat=True)
    ) == ["manager", "stranger"]
