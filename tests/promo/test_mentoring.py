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
from tests.factories import EntryFactory, MentorshipFactory, PersonFactory, UserFactory

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


# --- ending asks first, and can be undone for a while -------------------------------------------


@pytest.fixture
def link(engineer, mentor):
    return Mentorship.objects.get(engineer=engineer, mentor=mentor)


@pytest.mark.parametrize(
    ("who", "heading", "says"),
    [
        ("engineer", "mentorship of you?", "no longer sees what you share with mentors"),
        ("mentor", "Stop mentoring", "you no longer see what Amara shares with mentors"),
    ],
)
def test_ending_asks_first_and_says_what_changes(request, link, who, heading, says):
    page = client_for(request.getfixturevalue(who)).get(reverse("mentorship-end", args=[link.pk]))
    html = page.content.decode()
    assert page.status_code == 200 and heading in html and says in html
    assert "You can undo this for 10 minutes afterwards." in html
    link.refresh_from_db()
    assert link.state == Mentorship.State.ACTIVE  # asking changed nothing


def test_whoever_ended_it_can_undo_it_and_access_comes_back(engineer, mentor, link):
    client = client_for(engineer)
    response = client.post(reverse("mentorship-end", args=[link.pk]))
    assert response.url == f"{reverse('mentoring')}?ended={link.pk}"
    page = client.get(response.url).content.decode()
    assert "You can take it back for 10 minutes." in page
    assert f'action="{reverse("mentorship-undo", args=[link.pk])}"' in page
    started = Mentorship.objects.get(pk=link.pk).started_at
    client.post(reverse("mentorship-undo", args=[link.pk]))
    link.refresh_from_db()
    assert (link.state, link.ended_at, link.ended_by, link.started_at) == (
        Mentorship.State.ACTIVE,
        None,
        None,
        started,
    )
    assert Notification.objects.filter(
        recipient=mentor, text__contains="undid ending the mentorship"
    ).exists()
    shared = EntryFactory(author=engineer, visibility="mentors")
    assert client_for(mentor).get(shared.get_absolute_url()).status_code == 200


def test_the_other_side_cannot_undo_an_ending_to_win_back_access(engineer, mentor, link):
    client_for(engineer).post(reverse("mentorship-end", args=[link.pk]))
    response = client_for(mentor).post(reverse("mentorship-undo", args=[link.pk]), follow=True)
    assert services.UNDO_TOO_LATE in response.content.decode()
    assert Mentorship.objects.get(pk=link.pk).state == Mentorship.State.ENDED
    page = client_for(mentor).get(f"{reverse('mentoring')}?ended={link.pk}").content.decode()
    assert "Undo" not in page


def test_after_ten_minutes_it_cannot_be_undone(engineer, link):
    client = client_for(engineer)
    client.post(reverse("mentorship-end", args=[link.pk]))
    with time_machine.travel(timezone.now() + timedelta(minutes=11)):
        response = client.post(reverse("mentorship-undo", args=[link.pk]), follow=True)
    assert services.UNDO_TOO_LATE in response.content.decode()
    assert Mentorship.objects.get(pk=link.pk).state == Mentorship.State.ENDED


def test_a_new_mentorship_since_stands_and_the_undo_says_so(engineer, mentor, link):
    client = client_for(engineer)
    client.post(reverse("mentorship-end", args=[link.pk]))
    services.mentorship_invite(engineer=engineer, mentor=mentor)
    response = client.post(reverse("mentorship-undo", args=[link.pk]), follow=True)
    assert services.UNDO_REPLACED in response.content.decode()
    assert Mentorship.objects.get(pk=link.pk).state == Mentorship.State.ENDED


def test_a_withdrawn_invitation_comes_back_as_an_invitation(engineer, grace):
    services.mentorship_invite(engineer=engineer, mentor=grace)
    asked = Mentorship.objects.get(mentor=grace)
    client = client_for(engineer)
    assert "Withdraw your invitation" in (
        client.get(reverse("mentorship-end", args=[asked.pk])).content.decode()
    )
    client.post(reverse("mentorship-end", args=[asked.pk]))
    client.post(reverse("mentorship-undo", args=[asked.pk]))
    asked.refresh_from_db()
    assert asked.state == Mentorship.State.INVITED and asked.started_at is None


def test_the_ending_page_takes_a_fixed_number_of_queries(
    django_assert_max_num_queries, engineer, link
):
    client = client_for(engineer)
    with django_assert_max_num_queries(8):
        client.get(reverse("mentorship-end", args=[link.pk]))
