"""The audit trail: what is recorded (sign-ins, refusals, shares, exports, admin changes), who reads it, and how long it is kept."""

import io
from datetime import timedelta

import pytest
import time_machine
from django.core.management import CommandError, call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from promo.models import AuditEvent, Mentorship, Visibility
from tests.conftest import client_for
from tests.factories import PromoDocumentFactory, feedback_for
from tests.support import audit_actions, sign_in

Action = AuditEvent.Action


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
    assert audit_actions(actor=mentor, action__startswith="feedback") == [
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
