"""Offboarding, across the apps: deactivating a person ends their sessions, their mentorships
(both ways) and the clerical-error checks still open about them, keeps their history, and lets
staff download their entries to hand to them."""

import json

import pytest
from django.urls import reverse

from evidence.models import Entry
from promo import people, services
from promo.models import AuditEvent, Mentorship, Visibility
from reviews.checks import services as check_services
from reviews.models import CheckQuestion, ClericalCheck, Feedback
from tests.conftest import client_for
from tests.factories import (
    EntryFactory,
    MentorshipFactory,
    PersonFactory,
    UserFactory,
    feedback_for,
)


@pytest.fixture
def leaver(engineer, mentor, levels):
    """The engineer, mentored by `mentor`, mentoring someone themselves, with an open check."""
    mentee = PersonFactory(user=UserFactory(username="mentee"), current_level=levels[0]).user
    MentorshipFactory(engineer=mentee, mentor=engineer, state=Mentorship.State.ACTIVE)
    MentorshipFactory(
        engineer=PersonFactory(user=UserFactory(username="asked")).user,
        mentor=engineer,
        state=Mentorship.State.INVITED,
    )
    respondent = PersonFactory(user=UserFactory(username="respondent")).user
    check = check_services.check_create(
        engineer=engineer, asked_by=engineer, respondents=[respondent]
    )
    question = CheckQuestion.objects.get(clerical_check=check)
    check_services.check_answer(question=question, respondent=respondent, answer="no")
    entry = EntryFactory(author=engineer, visibility=Visibility.MENTORS)
    feedback_for(entry, mentor, verdict="demonstrated")
    EntryFactory(author=engineer, visibility=Visibility.PRIVATE, title="Only mine")
    return engineer


def test_deactivation_ends_mentorships_both_ways_and_open_checks_and_keeps_history(leaver, mentor):
    assert services.user_deactivate(user=leaver, by=None)
    links = Mentorship.objects.filter(engineer=leaver) | Mentorship.objects.filter(mentor=leaver)
    assert {link.state for link in links} == {Mentorship.State.ENDED}
    assert all(link.ended_at is not None for link in links) and links.count() == 3
    check = ClericalCheck.objects.get(engineer=leaver)
    assert check.withdrawn_at is not None and not check.is_open()
    assert CheckQuestion.objects.get(clerical_check=check).answer == "no"  # answers stay
    assert Entry.objects.filter(author=leaver).count() == 2  # nothing deleted
    assert Feedback.objects.filter(entry__author=leaver).count() == 1


def test_a_full_sync_that_leaves_someone_out_offboards_them_the_same_way(leaver, levels):
    staff = UserFactory(username="admin", is_staff=True)
    plan = people.plan(f"email\n{staff.email}\nmentee@example.com\n", sync=True)
    assert people.DEACTIVATE in {c.kind for c in plan.changes}
    people.apply(plan, by=staff)
    leaver.refresh_from_db()
    assert not leaver.is_active
    assert not Mentorship.objects.filter(mentor=leaver, state=Mentorship.State.ACTIVE).exists()
    assert not ClericalCheck.objects.get(engineer=leaver).is_open()


def test_staff_download_a_leavers_entries_private_ones_included_to_hand_to_them(leaver):
    staff = UserFactory(username="admin", is_staff=True)
    url = reverse("evidence:leaver-export", args=[leaver.username])
    assert client_for(staff).get(url).status_code == 404  # still at work: never
    services.user_deactivate(user=leaver, by=staff)
    response = client_for(staff).get(url)
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith(
        f'attachment; filename="promo-{leaver.username}-'
    )
    titles = {entry["title"] for entry in json.loads(response.content)["entries"]}
    assert "Only mine" in titles and len(titles) == 2
    event = AuditEvent.objects.get(action=AuditEvent.Action.EXPORT)
    assert (event.actor, event.detail) == (staff, "a leaver's entries, on their behalf")
    page = client_for(staff).get(reverse("people"), {"status": "deactivated"}).content.decode()
    assert f'href="{url}"' in page


def test_nobody_but_staff_may_download_a_leavers_entries(leaver, mentor, manager):
    services.user_deactivate(user=leaver, by=None)
    url = reverse("evidence:leaver-export", args=[leaver.username])
    for someone in (mentor, manager):
        assert client_for(someone).get(url).status_code == 404
