"""Mentorship flows in the UI: invitations, answers, endings, and who sees them."""

from datetime import timedelta

import pytest
import time_machine
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from promo import services
from promo.models import Mentorship, Notification
from promo.notifications import EMAIL_WINDOW_MINUTES, EMAILS_PER_WINDOW
from tests.conftest import assert_flat_query_count, client_for
from tests.factories import MentorshipFactory, PersonFactory, UserFactory

MENTORING = reverse("mentoring")


def invite(user, handle: str):
    return client_for(user).post(reverse("mentoring-invite"), {"handle": handle})


@pytest.fixture
def grace(db):
    return PersonFactory(
        user=UserFactory(
            username="grace", first_name="Grace", last_name="Adeyemi", email="grace@example.com"
        )
    ).user


def test_engineer_invites_a_mentor_by_username_or_email(engineer, grace):
    response = invite(engineer, "GRACE@example.com")
    assert response.status_code == 302
    link = Mentorship.objects.get(engineer=engineer, mentor=grace)
    assert link.state == "invited"
    assert Notification.objects.filter(recipient=grace, kind="mentorship").exists()
    mentoring_page = client_for(grace).get(MENTORING).content.decode()
    assert "asked you to mentor them" in mentoring_page


@pytest.mark.parametrize(
    ("handle", "message"),
    [
        ("nobody-here", "No one here has that username or email address."),
        ("engineer", "You cannot mentor yourself"),
        ("", "Type the username or email address of a colleague."),
    ],
)
def test_bad_invitations_are_explained_on_the_page(engineer, handle, message):
    response = invite(engineer, handle)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Mentorship.objects.filter(engineer=engineer).exists()


def test_asking_a_current_mentor_again_is_explained(engineer, mentor):
    response = invite(engineer, "mentor")
    assert "already mentors you" in response.content.decode()


def test_mentor_accepts_and_gains_access_at_once(engineer, grace):
    link = services.mentorship_invite(engineer=engineer, mentor=grace)
    person_page = reverse("evidence:person", args=["engineer"])
    assert client_for(grace).get(person_page).status_code == 404
    client_for(grace).post(reverse("mentorship-accept", args=[link.pk]))
    link.refresh_from_db()
    assert link.state == "active"
    assert client_for(grace).get(person_page).status_code == 200
    assert Notification.objects.filter(
        recipient=engineer, text__contains="is now your mentor"
    ).exists()


def test_mentor_declines(engineer, grace):
    link = services.mentorship_invite(engineer=engineer, mentor=grace)
    client_for(grace).post(reverse("mentorship-decline", args=[link.pk]))
    link.refresh_from_db()
    assert link.state == "declined"


def test_the_engineer_cannot_accept_their_own_invitation(engineer, grace):
    link = services.mentorship_invite(engineer=engineer, mentor=grace)
    assert (
        client_for(engineer).post(reverse("mentorship-accept", args=[link.pk])).status_code == 404
    )
    link.refresh_from_db()
    assert link.state == "invited"


@pytest.mark.parametrize("who", ["engineer", "mentor"])
def test_either_side_can_end_a_mentorship_and_access_goes_on_the_next_request(
    request, engineer, mentor, who
):
    link = Mentorship.objects.get(engineer=engineer, mentor=mentor)
    person_page = reverse("evidence:person", args=["engineer"])
    mentor_client = client_for(mentor)
    assert mentor_client.get(person_page).status_code == 200
    client_for(request.getfixturevalue(who)).post(reverse("mentorship-end", args=[link.pk]))
    link.refresh_from_db()
    assert link.state == "ended"
    assert mentor_client.get(person_page).status_code == 404


@pytest.mark.parametrize("role", ["manager", "stranger", "ended_mentor", "admin_user"])
@pytest.mark.parametrize("action", ["mentorship-accept", "mentorship-decline", "mentorship-end"])
def test_outsiders_cannot_touch_a_mentorship(request, engineer, mentor, role, action):
    link = Mentorship.objects.get(engineer=engineer, mentor=mentor)
    response = client_for(request.getfixturevalue(role)).post(reverse(action, args=[link.pk]))
    assert response.status_code == 404
    link.refresh_from_db()
    assert link.state == "active"


@pytest.mark.parametrize("name", ["mentoring", "notifications"])
def test_anonymous_is_sent_to_sign_in(client, db, name):
    response = client.get(reverse(name))
    assert response.status_code == 302 and response.url.startswith(reverse("login"))


def test_managers_see_who_mentors_their_reports(engineer, mentor, manager, skip_manager):
    for boss in (manager, skip_manager):
        html = client_for(boss).get(MENTORING).content.decode()
        assert "Who mentors your team" in html and mentor.get_full_name() in html


def test_a_stranger_does_not_see_who_mentors_others(engineer, mentor, stranger):
    html = client_for(stranger).get(MENTORING).content.decode()
    assert mentor.get_full_name() not in html and engineer.get_full_name() not in html


def test_mentoring_page_query_count_does_not_grow(django_assert_max_num_queries, manager, engineer):
    client = client_for(manager)

    def grow(n: int) -> None:
        for _ in range(n):
            report = PersonFactory(manager=manager.person).user
            MentorshipFactory(engineer=report)
            MentorshipFactory(mentor=manager, state="invited")

    assert_flat_query_count(django_assert_max_num_queries, client, MENTORING, grow=grow, bound=14)


def test_an_invite_and_end_loop_emails_a_colleague_at_most_five_times(
    django_capture_on_commit_callbacks, engineer, grace
):
    """Every notification stays in the app; the emails stop after a burst, and say so."""
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        for _ in range(10):
            invite(engineer, "grace")
            link = Mentorship.objects.get(engineer=engineer, mentor=grace, state="invited")
            client_for(engineer).post(reverse("mentorship-end", args=[link.pk]))
    to_grace = [m for m in mail.outbox if m.to == ["grace@example.com"]]
    assert len(to_grace) == EMAILS_PER_WINDOW == 5
    assert "wait for you in the app instead of by email" in to_grace[-1].body
    assert "wait for you in the app" not in to_grace[0].body
    assert Notification.objects.filter(recipient=grace).count() >= 10
    later = timezone.now() + timedelta(minutes=EMAIL_WINDOW_MINUTES)
    with time_machine.travel(later), django_capture_on_commit_callbacks(execute=True):
        invite(engineer, "grace")
    assert len([m for m in mail.outbox if m.to == ["grace@example.com"]]) == 6
