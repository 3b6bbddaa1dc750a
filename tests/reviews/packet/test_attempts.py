"""Promotion attempts: recording a submission with the document as it stood, outcomes, and the committee's points as gaps."""

import importlib
from datetime import date, timedelta

import pytest
from django.apps import apps as django_apps
from django.urls import reverse
from django.utils import timezone

from promo.models import Visibility, display_name
from reviews.models import CommitteePoint, Narrative, PromoAttempt, PromoDocument
from reviews.packet import selectors as packet_selectors
from reviews.packet import services as packet_services
from tests.conftest import assert_flat_query_count, client_for
from tests.factories import PromoDocumentFactory, feedback_for
from tests.reviews.packet.conftest import (
    ADMIN,
    ENDED,
    MANAGER,
    MENTOR,
    OWNER,
    SKIP,
    STRANGER,
    tagged_entry,
)

# --- attempts -----------------------------------------------------------------------------------


def _attempts_url(engineer):
    return reverse("reviews:attempts", args=[engineer.username])


def _record(client, engineer, level, day="2026-11-20"):
    return client.post(_attempts_url(engineer), {"level": level.pk, "submitted_on": day})


@pytest.mark.parametrize("role", [OWNER, MANAGER, SKIP])
def test_engineer_and_managers_record_a_submission(request, engineer, levels, role):
    actor = request.getfixturevalue(role)
    response = _record(client_for(actor), engineer, levels[2])
    attempt = PromoAttempt.objects.get()
    assert response["Location"] == attempt.get_absolute_url()
    assert (attempt.recorded_by, attempt.outcome) == (actor, PromoAttempt.Outcome.PENDING)


@pytest.mark.parametrize("role", [MENTOR, ENDED, STRANGER, ADMIN])
def test_others_can_neither_see_nor_record_attempts(request, engineer, manager, levels, role):
    attempt = packet_services.attempt_record(
        actor=manager, engineer=engineer, level=levels[2], submitted_on=date(2026, 11, 2)
    )
    client = client_for(request.getfixturevalue(role))
    assert client.get(_attempts_url(engineer)).status_code == 404
    assert _record(client, engineer, levels[2]).status_code == 404
    assert client.get(attempt.get_absolute_url()).status_code == 404
    outcome = reverse("reviews:attempt-outcome", args=[attempt.pk])
    assert (
        client.post(outcome, {"outcome": "approved", "decided_on": "2026-11-23"}).status_code == 404
    )
    assert PromoAttempt.objects.get().outcome == PromoAttempt.Outcome.PENDING
    assert PromoAttempt.objects.count() == 1


def test_a_submission_cannot_be_dated_in_the_future(engineer, levels):
    response = _record(client_for(engineer), engineer, levels[2], day="2026-11-25")
    assert response.status_code == 400
    assert "That date is in the future." in response.content.decode()
    assert not PromoAttempt.objects.exists()


def _frozen_text(attempt: PromoAttempt) -> str:
    """Every word of the document an attempt keeps, sections joined."""
    sections = attempt.snapshot["document"].get("sections", [])
    return "\n".join(f"{s['behaviour']}\n{s['markdown']}" for s in sections)


def _share_with_managers(document: PromoDocument) -> None:
    document.share_manager = True
    document.save()


def test_the_snapshot_is_what_a_manager_saw_even_when_the_engineer_records_it(
    engineer, document, behaviours, levels
):
    _share_with_managers(document)
    tagged_entry(engineer, behaviours["scope"], week=date(2026, 6, 1), title="Shared work")
    tagged_entry(
        engineer, behaviours["scope"], week=date(2026, 7, 6), title="Private work",
        visibility=Visibility.PRIVATE,
    )  # fmt: skip
    _record(client_for(engineer), engineer, levels[2])
    attempt = PromoAttempt.objects.get()
    assert attempt.snapshot["document"]["state"] == packet_selectors.DOCUMENT_INCLUDED
    assert "Shared work" in _frozen_text(attempt)
    assert "Private work" not in _frozen_text(attempt)
    assert attempt.snapshot["level"] == "Staff" and attempt.snapshot["status"] == "building"


@pytest.mark.parametrize("recorder", [MANAGER, SKIP, OWNER])
def test_an_unshared_document_never_reaches_a_submission(
    request, engineer, manager, skip_manager, document, behaviours, levels, recorder
):
    """The leak this closes: a manager recorded a submission and read the unshared document
    word for word on the attempt page."""
    Narrative.objects.create(
        document=document, behaviour=behaviours["scope"], text="Only for my own eyes."
    )
    _record(client_for(request.getfixturevalue(recorder)), engineer, levels[2])
    attempt = PromoAttempt.objects.get()
    assert attempt.snapshot["document"] == {"state": packet_selectors.DOCUMENT_NOT_SHARED}
    assert "Only for my own eyes." not in str(attempt.snapshot)
    for reader in (manager, skip_manager):
        page = client_for(reader).get(attempt.get_absolute_url()).content.decode()
        assert "Only for my own eyes." not in page
        assert "had not shared their promo document with managers" in page
        assert "Share it with my managers and add it" not in page
    own = client_for(engineer).get(attempt.get_absolute_url()).content.decode()
    assert "Only for my own eyes." not in own
    assert "Share it with my managers and add it" in own


def test_a_manager_recording_without_the_document_asks_the_engineer_to_add_it(
    engineer, manager, document, levels
):
    client = client_for(manager)
    page = client.get(_record(client, engineer, levels[2])["Location"]).content.decode()
    assert (
        f"{display_name(engineer)} has not shared their promo document with managers, so it is "
        "not part of it; they have been asked to add it." in page
    )
    assert engineer.notifications.get(kind="attempt").text == (
        f"{display_name(manager)} recorded your promotion submission to Staff. Your promo "
        "document is not shared with managers, so it is not part of it: open the submission to "
        "add it."
    )


def test_the_engineer_shares_and_adds_the_document_to_a_pending_submission(
    engineer, manager, document, behaviours, levels
):
    Narrative.objects.create(document=document, behaviour=behaviours["scope"], text="My case.")
    tagged_entry(engineer, behaviours["scope"], week=date(2026, 6, 1), title="Shared work")
    _record(client_for(manager), engineer, levels[2], day="2026-11-02")
    attempt = PromoAttempt.objects.get()
    Narrative.objects.filter(document=document).update(text="My case, as it stands now.")

    response = client_for(engineer).post(reverse("reviews:attempt-document", args=[attempt.pk]))

    assert response.status_code == 302
    document.refresh_from_db()
    attempt.refresh_from_db()
    assert document.share_manager
    assert attempt.snapshot["document"]["state"] == packet_selectors.DOCUMENT_INCLUDED
    assert attempt.snapshot["document"]["added_on"] == "2026-11-24"
    assert "My case, as it stands now." in _frozen_text(attempt)
    assert "Shared work" in _frozen_text(attempt)
    page = client_for(manager).get(attempt.get_absolute_url()).content.decode()
    assert "My case, as it stands now." in page
    assert f"added by {display_name(engineer)} on 24 November 2026" in page
    assert list(manager.notifications.filter(kind="attempt").values_list("text", flat=True)) == [
        f"{display_name(engineer)} shared their promo document with their managers and added it "
        "to the submission to Staff."
    ]
    assert not manager.notifications.filter(kind="document").exists()  # one notice, not two


def test_only_the_engineer_adds_the_document_and_only_once_while_pending(
    engineer, manager, skip_manager, document, levels
):
    _record(client_for(manager), engineer, levels[2], day="2026-11-02")
    attempt = PromoAttempt.objects.get()
    url = reverse("reviews:attempt-document", args=[attempt.pk])
    for other in (manager, skip_manager):
        assert client_for(other).post(url).status_code == 404
    document.refresh_from_db()
    assert not document.share_manager

    client = client_for(engineer)
    client.post(url)
    again = client.post(url, follow=True)
    assert packet_services.ADD_ALREADY in again.content.decode()


def test_a_decided_submission_takes_no_document(engineer, manager, document, levels):
    attempt = packet_services.attempt_record(
        actor=manager, engineer=engineer, level=levels[2], submitted_on=date(2026, 11, 2)
    )
    packet_services.attempt_decide(
        attempt, actor=manager, outcome="approved", decided_on=date(2026, 11, 20), feedback=""
    )
    client = client_for(engineer)
    assert "Share it with my managers and add it" not in (
        client.get(attempt.get_absolute_url()).content.decode()
    )
    response = client.post(reverse("reviews:attempt-document", args=[attempt.pk]), follow=True)
    assert packet_services.ADD_NOT_PENDING in response.content.decode()
    attempt.refresh_from_db()
    document.refresh_from_db()
    assert attempt.snapshot["document"] == {"state": packet_selectors.DOCUMENT_NOT_SHARED}
    assert not document.share_manager


def test_old_snapshots_lose_the_text_of_documents_managers_may_not_read(
    engineer, manager, levels, behaviours
):
    """The migration that closed the leak for attempts recorded before the fix."""
    migration = importlib.import_module("reviews.migrations.0003_snapshot_document_sharing")
    unshared = PromoDocumentFactory(engineer=engineer, level=levels[2])
    shared = PromoDocumentFactory(engineer=engineer, level=levels[1], share_manager=True)
    legacy = "# Amara: the case for {}\n\nEvidence from …\n\n## Scope \\[wide\\]\n\nI led it.\n"
    old_unshared, old_shared, old_empty = (
        PromoAttempt.objects.create(
            engineer=engineer,
            level=level,
            submitted_on=date(2026, 10, 1),
            snapshot={"status": "building", "document": text},
        )
        for level, text in (
            (unshared.level, legacy.format("Staff")),
            (shared.level, legacy.format("Senior")),
            (levels[0], ""),
        )
    )

    migration.forwards(django_apps, None)

    for attempt in (old_unshared, old_shared, old_empty):
        attempt.refresh_from_db()
    assert old_unshared.snapshot == {"status": "building", "document": {"state": "not_shared"}}
    assert old_shared.snapshot["document"] == {
        "state": "included",
        "sections": [{"behaviour": "Scope [wide]", "markdown": "I led it."}],
    }
    assert old_empty.snapshot["document"] == {"state": "none"}
    page = client_for(manager).get(old_shared.get_absolute_url()).content.decode()
    assert "I led it." in page and "Scope [wide]" in page


def test_a_submitted_attempt_does_not_change_when_evidence_changes_later(
    engineer, mentor, manager, document, behaviours, levels
):
    _share_with_managers(document)
    Narrative.objects.create(document=document, behaviour=behaviours["scope"], text="Before.")
    tagged_entry(engineer, behaviours["scope"], week=date(2026, 6, 1), title="Early work")
    _record(client_for(manager), engineer, levels[2])
    attempt = PromoAttempt.objects.get()
    before = attempt.snapshot
    page_before = client_for(engineer).get(attempt.get_absolute_url()).content.decode()

    Narrative.objects.filter(document=document).update(text="After.")
    later = tagged_entry(
        engineer, behaviours["mentoring"], week=date(2026, 11, 16), title="Later work"
    )
    feedback_for(later, mentor)

    attempt.refresh_from_db()
    assert attempt.snapshot == before
    page_after = client_for(engineer).get(attempt.get_absolute_url()).content.decode()
    assert "Before." in page_after and "After." not in page_after
    assert "Later work" not in page_after
    assert page_before.count("Early work") == page_after.count("Early work") == 1


def test_a_denial_turns_each_line_of_feedback_into_a_point(engineer, manager, levels):
    attempt = packet_services.attempt_record(
        actor=manager, engineer=engineer, level=levels[2], submitted_on=date(2026, 11, 2)
    )
    response = client_for(manager).post(
        reverse("reviews:attempt-outcome", args=[attempt.pk]),
        {
            "outcome": "denied",
            "decided_on": "2026-11-20",
            "committee_feedback": "- Scope stayed inside the team\n\n2. Mentoring is one-to-one only\n",
        },
    )
    assert response.status_code == 302
    attempt.refresh_from_db()
    assert attempt.outcome == PromoAttempt.Outcome.DENIED
    assert list(attempt.points.values_list("text", flat=True)) == [
        "Scope stayed inside the team",
        "Mentoring is one-to-one only",
    ]
    assert engineer.notifications.filter(kind="attempt").exists()


def test_an_outcome_is_recorded_once(engineer, manager, levels):
    attempt = packet_services.attempt_record(
        actor=manager, engineer=engineer, level=levels[2], submitted_on=date(2026, 11, 2)
    )
    url = reverse("reviews:attempt-outcome", args=[attempt.pk])
    client = client_for(manager)
    client.post(url, {"outcome": "denied", "decided_on": "2026-11-20", "committee_feedback": "A"})
    again = client.post(url, {"outcome": "approved", "decided_on": "2026-11-21"})
    assert again.status_code == 400
    assert "already recorded" in again.content.decode()
    attempt.refresh_from_db()
    assert attempt.outcome == PromoAttempt.Outcome.DENIED and attempt.points.count() == 1


def test_a_decision_before_the_submission_is_refused(engineer, manager, levels):
    attempt = packet_services.attempt_record(
        actor=manager, engineer=engineer, level=levels[2], submitted_on=date(2026, 11, 2)
    )
    response = client_for(manager).post(
        reverse("reviews:attempt-outcome", args=[attempt.pk]),
        {"outcome": "approved", "decided_on": "2026-10-01"},
    )
    assert response.status_code == 400
    assert "before the submission" in response.content.decode()
    attempt.refresh_from_db()
    assert attempt.outcome == PromoAttempt.Outcome.PENDING


@pytest.fixture
def denied(engineer, manager, levels):
    attempt = packet_services.attempt_record(
        actor=manager, engineer=engineer, level=levels[2], submitted_on=date(2026, 10, 5)
    )
    return packet_services.attempt_decide(
        attempt,
        actor=manager,
        outcome="denied",
        decided_on=date(2026, 10, 30),
        feedback="Needs influence beyond the team",
    )


def test_a_tracked_point_shows_on_gaps_and_readiness_until_resolved(
    engineer, manager, mentor, denied, behaviours
):
    point = denied.points.get()
    client = client_for(engineer)
    client.post(
        reverse("reviews:point-track", args=[point.pk]), {"behaviour": behaviours["scope"].pk}
    )
    readiness = reverse("reviews:readiness", args=[engineer.username])

    assert "Needs influence beyond the team" in client.get(reverse("reviews:gaps")).content.decode()
    assert "Needs influence beyond the team" in client.get(readiness).content.decode()
    assert "Needs influence beyond the team" in client_for(manager).get(readiness).content.decode()
    assert (
        "Needs influence beyond the team" not in client_for(mentor).get(readiness).content.decode()
    )

    client.post(reverse("reviews:point-resolve", args=[point.pk]), {"next": "gaps"})

    point.refresh_from_db()
    assert point.resolved_at is not None
    assert (
        "Needs influence beyond the team"
        not in client.get(reverse("reviews:gaps")).content.decode()
    )
    assert "Needs influence beyond the team" not in client.get(readiness).content.decode()
    # Viewed as of a day while it was open, the readiness page still shows it.
    CommitteePoint.objects.filter(pk=point.pk).update(
        tracked_at=timezone.now() - timedelta(days=20),
        resolved_at=timezone.now() - timedelta(days=5),
    )
    while_open = (timezone.localdate() - timedelta(days=10)).isoformat()
    before = (timezone.localdate() - timedelta(days=30)).isoformat()
    html = client.get(readiness, {"as_of": while_open}).content.decode()
    assert "Needs influence beyond the team" in html
    html = client.get(readiness, {"as_of": before}).content.decode()
    assert "Needs influence beyond the team" not in html


def test_a_point_can_only_be_tracked_on_the_attempts_level(engineer, denied, levels):
    point = denied.points.get()
    wrong = levels[0].behaviours.first()
    client_for(engineer).post(
        reverse("reviews:point-track", args=[point.pk]), {"behaviour": wrong.pk}
    )
    point.refresh_from_db()
    assert point.tracked_at is None


@pytest.mark.parametrize("role", [MENTOR, STRANGER, ADMIN])
def test_others_cannot_track_or_resolve_points(request, denied, behaviours, role):
    point = denied.points.get()
    client = client_for(request.getfixturevalue(role))
    url = reverse("reviews:point-track", args=[point.pk])
    assert client.post(url, {"behaviour": behaviours["scope"].pk}).status_code == 404
    assert client.post(reverse("reviews:point-resolve", args=[point.pk])).status_code == 404
    point.refresh_from_db()
    assert point.tracked_at is None


def test_attempts_timeline_queries_do_not_grow_with_attempts(
    django_assert_max_num_queries, engineer, manager, levels, behaviours
):
    def grow(n: int) -> None:
        for _ in range(n):
            attempt = packet_services.attempt_record(
                actor=manager, engineer=engineer, level=levels[2], submitted_on=date(2026, 1, 5)
            )
            packet_services.attempt_decide(
                attempt,
                actor=manager,
                outcome="denied",
                decided_on=date(2026, 2, 1),
                feedback="A\nB",
            )
            packet_services.point_track(attempt.points.first(), behaviours["scope"])

    assert_flat_query_count(
        django_assert_max_num_queries,
        client_for(engineer),
        _attempts_url(engineer),
        grow=grow,
        bound=9,
    )


def test_committee_points_strip_list_markers_and_blank_lines():
    text = "* one\n\n  - two  \n3. three\n•four\n10.5% more reach\n"
    assert packet_services.committee_points(text) == [
        "one",
        "two",
        "three",
        "four",
        "10.5% more reach",
    ]


def test_committee_point_resolved_flag(denied, behaviours):
    point = packet_services.point_track(denied.points.get(), behaviours["scope"])
    assert point.is_open_gap
    packet_services.point_resolve(point)
    assert not CommitteePoint.objects.get().is_open_gap


def test_gaps_page_queries_do_not_grow_with_committee_gaps(
    django_assert_max_num_queries, engineer, manager, levels, behaviours
):
    def grow(n: int) -> None:
        attempt = packet_services.attempt_record(
            actor=manager, engineer=engineer, level=levels[2], submitted_on=date(2026, 1, 5)
        )
        attempt = packet_services.attempt_decide(
            attempt,
            actor=manager,
            outcome="denied",
            decided_on=date(2026, 2, 1),
            feedback="\n".join(f"Point {i}" for i in range(n)),
        )
        for point in attempt.points.all():
            packet_services.point_track(point, behaviours["scope"])

    assert_flat_query_count(
        django_assert_max_num_queries,
        client_for(engineer),
        reverse("reviews:gaps"),
        grow=grow,
        bound=5,
    )


@pytest.mark.parametrize("reader", [OWNER, MANAGER])
def test_an_attempt_page_keeps_a_flat_query_count(
    request, django_assert_max_num_queries, engineer, manager, document, levels, behaviours, reader
):
    _share_with_managers(document)
    attempt = packet_services.attempt_record(
        actor=manager, engineer=engineer, level=levels[2], submitted_on=date(2026, 1, 5)
    )
    attempt = packet_services.attempt_decide(
        attempt, actor=manager, outcome="denied", decided_on=date(2026, 2, 1), feedback="A"
    )

    def grow(n: int) -> None:
        for i in range(n):
            point = packet_services.point_add(attempt, f"Point {i}")
            packet_services.point_track(point, behaviours["scope"])

    assert_flat_query_count(
        django_assert_max_num_queries,
        client_for(request.getfixturevalue(reader)),
        attempt.get_absolute_url(),
        grow=grow,
        bound=9,
    )


def test_a_pending_attempt_without_the_document_keeps_a_flat_query_count(
    django_assert_max_num_queries, engineer, manager, document, levels
):
    attempt = packet_services.attempt_record(
        actor=manager, engineer=engineer, level=levels[2], submitted_on=date(2026, 1, 5)
    )
    client = client_for(engineer)
    with django_assert_max_num_queries(8):
        response = client.get(attempt.get_absolute_url())
    assert "Share it with my managers and add it" in response.content.decode()
