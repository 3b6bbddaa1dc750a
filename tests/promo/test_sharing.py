"""“Who should see your work?” (promo.sharing): asked once on an engineer's home, naming their
actual mentor and manager and what each answer means for readiness; the answer becomes their
default sharing, and the question does not come back."""

import pytest
from django.urls import reverse

from promo.models import AuditEvent, Mentorship, Person, Visibility
from tests.conftest import client_for
from tests.factories import MentorshipFactory, PersonFactory, UserFactory

HOME, CHOOSE = reverse("home"), reverse("sharing-choose")


@pytest.fixture
def newcomer(levels):
    """Bo, on the ladder, managed by Sam, mentored by Priya: never asked yet."""
    sam = PersonFactory(user=UserFactory(username="sam", first_name="Sam"))
    bo = PersonFactory(
        user=UserFactory(username="bo", first_name="Bo"),
        manager=sam,
        current_level=levels[1],
        target_level=levels[2],
        sharing_chosen_at=None,
    ).user
    priya = PersonFactory(user=UserFactory(username="priya", first_name="Priya")).user
    MentorshipFactory(engineer=bo, mentor=priya, state=Mentorship.State.ACTIVE)
    return bo


def test_home_asks_once_naming_the_actual_mentor_and_manager(newcomer):
    html = client_for(newcomer).get(HOME).content.decode()
    assert "Who should see your work?" in html
    assert "Priya (your mentor) and Sam (your manager)" in html
    assert "Priya can confirm what each entry demonstrates: that is what readiness counts." in html
    assert "Nothing reaches Priya until you share an entry" in html
    assert 'value="private" checked' in html  # nothing wider than today is pre-chosen


def test_the_answer_becomes_the_default_and_the_question_goes(newcomer):
    client = client_for(newcomer)
    response = client.post(CHOOSE, {"visibility": Visibility.MENTORS_AND_MANAGERS}, follow=True)
    html = response.content.decode()
    assert "Saved: new entries are shared with Priya (your mentor) and Sam (your manager)." in html
    assert "Who should see your work?" not in html
    person = Person.objects.get(user=newcomer)
    assert person.default_visibility == Visibility.MENTORS_AND_MANAGERS
    assert person.sharing_chosen_at is not None
    assert AuditEvent.objects.filter(action=AuditEvent.Action.SHARING).exists()
    new_entry = client.get(reverse("evidence:week")).content.decode()
    assert '<option value="mentors_and_managers" selected>' in new_entry


def test_choosing_private_is_an_answer_too(newcomer):
    client = client_for(newcomer)
    response = client.post(CHOOSE, {"visibility": Visibility.PRIVATE}, follow=True)
    assert "new entries stay yours alone until you share them" in response.content.decode()
    assert "Who should see your work?" not in client.get(HOME).content.decode()


@pytest.mark.parametrize("bad", ["", "everyone", "PRIVATE"])
def test_anything_else_is_refused_in_words_and_asked_again(newcomer, bad):
    client = client_for(newcomer)
    response = client.post(CHOOSE, {"visibility": bad}, follow=True)
    html = response.content.decode()
    assert "Choose who should see your work: one of the three." in html
    assert "Who should see your work?" in html
    assert Person.objects.get(user=newcomer).sharing_chosen_at is None


def test_without_a_mentor_or_manager_the_choices_say_so(levels):
    alone = PersonFactory(current_level=levels[1], sharing_chosen_at=None).user
    html = client_for(alone).get(HOME).content.decode()
    assert "My mentors (none yet)" in html and "my managers (none in Promo yet)" in html
    assert "Managers see none of it." in html and "whoever manages you" in html


def test_people_not_on_the_ladder_and_people_who_answered_are_not_asked(engineer, levels):
    manager_only = PersonFactory(current_level=None, sharing_chosen_at=None).user
    assert "Who should see your work?" not in client_for(manager_only).get(HOME).content.decode()
    assert "Who should see your work?" not in client_for(engineer).get(HOME).content.decode()
