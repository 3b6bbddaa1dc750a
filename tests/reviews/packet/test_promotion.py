"""An approved promotion changes something: the engineer's manager moves them to the level from
a given day (their readiness then aims at the next), the attempt keeps the picture as submitted,
and the level is never offered for another submission."""

from datetime import date
from html import unescape

import pytest
from django.urls import reverse

from promo.models import AuditEvent, Person
from reviews.models import PromoAttempt
from reviews.packet import services as packet_services
from tests.conftest import client_for


@pytest.fixture
def approved(engineer, manager, levels):
    """Amara (Senior, aiming for Staff) approved for Staff on 20 November 2026."""
    attempt = packet_services.attempt_record(
        actor=manager, engineer=engineer, level=levels[2], submitted_on=date(2026, 11, 2)
    )
    packet_services.attempt_decide(
        attempt, actor=manager, outcome="approved", decided_on=date(2026, 11, 20), feedback=""
    )
    return PromoAttempt.objects.get(pk=attempt.pk)


def move(client, attempt, day="2026-11-23"):
    return client.post(reverse("reviews:attempt-promote", args=[attempt.pk]), {"on": day})


def test_the_manager_is_offered_the_move_and_it_changes_the_level_and_target(
    approved, engineer, manager, levels
):
    client = client_for(manager)
    page = client.get(approved.get_absolute_url()).content.decode()
    assert "Congratulations to Amara: move them to Staff?" in page
    response = move(client, approved)
    assert response.status_code == 302
    person = Person.objects.get(user=engineer)
    assert (person.current_level, person.target_level) == (levels[2], None)  # top of the ladder
    approved.refresh_from_db()
    assert approved.moved_on == date(2026, 11, 23)
    assert approved.snapshot["status"]  # the picture as submitted is kept as it was
    event = AuditEvent.objects.get(action=AuditEvent.Action.LEVEL_CHANGED)
    assert event.detail == "Senior → Staff from 2026-11-23" and event.actor == manager
    assert engineer.notifications.filter(text__startswith="Congratulations").exists()
    after = client.get(approved.get_absolute_url()).content.decode()
    assert "is Staff, from 23 November 2026." in after and "Move Amara" not in after


def test_the_engineer_is_congratulated_but_cannot_move_themselves(approved, engineer, levels):
    client = client_for(engineer)
    page = client.get(approved.get_absolute_url()).content.decode()
    assert "The committee approved Staff. Your manager moves you to it here" in page
    assert move(client, approved).status_code == 404
    assert Person.objects.get(user=engineer).current_level == levels[1]


@pytest.mark.parametrize(
    ("day", "sentence"),
    [
        ("2026-11-19", packet_services.MOVED_BEFORE_DECISION),
        ("2026-12-01", packet_services.MOVED_IN_FUTURE),
        ("not a day", "Give the day the new level starts, as a date."),
    ],
)
def test_a_bad_day_is_refused_in_words_and_nothing_moves(
    approved, engineer, manager, levels, day, sentence
):
    response = move(client_for(manager), approved, day)
    assert response.status_code == 400 and sentence in unescape(response.content.decode())
    assert Person.objects.get(user=engineer).current_level == levels[1]


def test_a_denied_or_pending_attempt_moves_nobody(engineer, manager, levels):
    attempt = packet_services.attempt_record(
        actor=manager, engineer=engineer, level=levels[2], submitted_on=date(2026, 11, 2)
    )
    client = client_for(manager)
    response = move(client, attempt)
    assert response.status_code == 302
    page = client.get(response.url).content.decode()
    assert packet_services.NOT_APPROVED in page
    assert Person.objects.get(user=engineer).current_level == levels[1]


def test_an_approved_level_is_not_offered_for_another_submission(approved, engineer, manager):
    page = client_for(manager).get(reverse("reviews:attempts", args=[engineer.username]))
    levels_offered = [level.name for level in page.context["form"].fields["level"].queryset]
    assert "Staff" not in levels_offered
