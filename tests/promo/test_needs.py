"""The home page's "needs you" strip: what waits for each role, counted from what that role may
see, with the action that settles it, most pressing first."""

import re
from datetime import date, timedelta

import pytest
from django.urls import reverse

from promo.models import Invitation, Mentorship, Person, Visibility
from reviews.models import Feedback
from tests.conftest import client_for
from tests.factories import (
    EntryFactory,
    MentorshipFactory,
    PersonFactory,
    UserFactory,
    feedback_for,
)

HOME = reverse("home")
MENTORS = Visibility.MENTORS_AND_MANAGERS


def strip(user) -> dict[str, str]:
    """Each need on the viewer's home, by key, as words (tags dropped)."""
    html = client_for(user).get(HOME).content.decode()
    found = re.findall(r'<li class="need" id="need-([\w-]+)">(.*?)</li>', html, re.S)
    return {key: " ".join(re.sub(r"<[^>]+>", " ", body).split()) for key, body in found}


def confirmed_long_ago(author, mentor, behaviour) -> None:
    """Work a mentor confirmed 20 weeks ago, and nothing since: the behaviour has gone quiet."""
    old = EntryFactory(
        author=author,
        visibility=MENTORS,
        behaviours=(behaviour,),
        week_of=date(2026, 11, 24) - timedelta(weeks=20),
        impact_measured="Halved p99",
        impact_measured_on=date(2026, 8, 1),
    )
    feedback_for(old, mentor)


def test_nothing_waiting_shows_no_strip(engineer):
    html = client_for(engineer).get(HOME).content.decode()
    assert 'id="needs-heading"' not in html


def test_an_engineer_is_asked_to_answer_gap_notes_and_measure_impact(engineer, mentor, levels):
    scope = levels[2].behaviours.get(slug="scope")
    noted = EntryFactory(author=engineer, visibility=MENTORS, behaviours=(scope,))
    feedback_for(noted, mentor, verdict="flashes", gap_note="Say what changed for the team.")
    EntryFactory(author=engineer, shipped_on=date(2026, 9, 1))  # shipped, impact unmeasured
    needs = strip(engineer)
    assert list(needs) == ["gaps", "impact"]
    assert needs["gaps"].startswith("1 gap note waits for your answer")
    assert "Answer them" in needs["gaps"]
    assert needs["impact"].startswith("1 entry is ready for a measured impact")
    # Marked addressed: it waits for the mentor now, not for the engineer.
    Feedback.objects.filter(entry=noted).update(state=Feedback.State.ADDRESSED)
    assert "gaps" not in strip(engineer)
    assert strip(mentor)["addressed"].startswith("1 gap note was marked addressed")


def test_a_mentor_is_told_what_waits_for_review_counting_only_what_is_shared(
    engineer, mentor, levels
):
    EntryFactory(author=engineer, visibility=MENTORS)
    EntryFactory(author=engineer, visibility=MENTORS)
    EntryFactory(author=engineer, visibility=Visibility.PRIVATE)  # never counted, never seen
    needs = strip(mentor)
    assert needs["reviews"].startswith("2 entries wait for your review")
    assert f'href="{reverse("reviews:inbox")}"' in client_for(mentor).get(HOME).content.decode()


def test_a_mentoring_request_is_accepted_from_the_strip(engineer, levels):
    grace = PersonFactory(user=UserFactory(username="grace")).user
    asked = MentorshipFactory(engineer=engineer, mentor=grace, state=Mentorship.State.INVITED)
    needs = strip(grace)
    assert list(needs) == [f"mentee-{asked.pk}"]
    assert needs[f"mentee-{asked.pk}"].startswith("Amara")
    assert "asked you to mentor them" in needs[f"mentee-{asked.pk}"]
    response = client_for(grace).post(reverse("mentorship-accept", args=[asked.pk]))
    assert response.status_code == 302
    asked.refresh_from_db()
    assert asked.state == Mentorship.State.ACTIVE
    assert f"mentee-{asked.pk}" not in strip(grace)


def test_a_manager_is_told_by_name_who_has_gone_quiet(
    engineer, mentor, manager, skip_manager, levels
):
    confirmed_long_ago(engineer, mentor, levels[2].behaviours.get(slug="scope"))
    for boss in (manager, skip_manager):  # direct and indirect reports alike
        quiet = strip(boss)["quiet"]
        assert quiet.startswith("Amara")
        assert "has gone quiet" in quiet and "no evidence in 90 days" in quiet
        assert "See who and what" in quiet
    # A mentor is no manager: the team's needs are not theirs.
    assert "quiet" not in strip(mentor)


def test_staff_are_asked_to_set_up_the_organisation_and_can_invite_at_once(db, levels):
    sam = UserFactory(username="sam", is_staff=True)
    PersonFactory(user=sam)
    newcomer = PersonFactory(
        user=UserFactory(username="newcomer", email="new@example.com", password=None),
        current_level=None,
    )
    needs = strip(sam)
    assert needs["uninvited"].startswith("1 person has no way to sign in yet")
    # Sam runs Promo and the boss manages people: neither needs a level; the newcomer does.
    PersonFactory(user=UserFactory(username="boss"), current_level=None)
    PersonFactory(manager=Person.objects.get(user__username="boss"), current_level=levels[0])
    assert needs["unplaced"].startswith("1 person has no level")
    assert strip(sam)["unplaced"].startswith("1 person has no level")
    client_for(sam).post(reverse("people-invite"))
    assert Invitation.objects.filter(user=newcomer.user).exists()
    needs = strip(sam)
    assert "uninvited" not in needs
    assert needs["not-accepted"].startswith("1 invitation is not accepted yet")
    # Nobody but staff is asked about the organisation.
    assert not {"uninvited", "unplaced", "not-accepted"} & set(strip(newcomer.user))


def test_someone_waiting_on_the_viewer_comes_before_their_own_work(engineer, mentor, levels):
    EntryFactory(author=engineer, visibility=MENTORS)
    EntryFactory(author=mentor, shipped_on=date(2026, 9, 1))
    assert list(strip(mentor)) == ["reviews", "impact"]


@pytest.mark.parametrize("extra", [0, 6])
def test_the_strip_costs_the_same_however_much_waits(
    django_assert_max_num_queries, engineer, mentor, levels, extra
):
    for _ in range(1 + extra):
        entry = EntryFactory(author=engineer, visibility=MENTORS, shipped_on=date(2026, 9, 1))
        EntryFactory(author=mentor, shipped_on=date(2026, 9, 1))
        feedback_for(entry, mentor, verdict="gap", gap_note="What changed for users?")
        PersonFactory(manager=engineer.person)
    client = client_for(mentor)
    with django_assert_max_num_queries(30):
        assert client.get(HOME).status_code == 200


def test_a_large_quiet_team_is_named_in_part_and_counted(manager, mentor, levels):
    scope = levels[2].behaviours.get(slug="scope")
    for name in ("Ana", "Bo", "Chen", "Dana", "Eli", "Fay"):
        report = PersonFactory(
            user=UserFactory(username=name.lower(), first_name=name, last_name="Quist"),
            manager=manager.person,
            current_level=levels[1],
            target_level=levels[2],
        ).user
        MentorshipFactory(engineer=report, mentor=mentor, state=Mentorship.State.ACTIVE)
        confirmed_long_ago(report, mentor, scope)
    quiet = strip(manager)["quiet"]
    # Four by name in the dashboard's order (then by name), and the rest counted.
    assert quiet.startswith("Ana Quist, Bo Quist, Chen Quist, Dana Quist and 2 others have gone")
