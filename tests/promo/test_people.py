"""People, reporting lines and mentorships: the rules the model and services keep."""

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError
from django.utils import timezone

from promo import access, selectors, services
from promo.models import Mentorship, Notification
from tests.factories import MentorshipFactory, PersonFactory, UserFactory


def test_target_level_defaults_to_the_next_level(levels):
    person = services.person_save(user=UserFactory(), current_level=levels[0])
    assert person.target_level == levels[1]


def test_top_level_has_no_default_target(levels):
    person = services.person_save(user=UserFactory(), current_level=levels[2])
    assert person.target_level is None


def test_an_explicit_target_level_is_kept(levels):
    person = services.person_save(
        user=UserFactory(), current_level=levels[0], target_level=levels[2]
    )
    assert person.target_level == levels[2]


def test_target_level_below_current_is_refused(levels):
    with pytest.raises(ValidationError, match="must be above the current level"):
        services.person_save(user=UserFactory(), current_level=levels[1], target_level=levels[0])


def test_person_cannot_manage_themselves(engineer):
    with pytest.raises(ValidationError, match="cannot be their own manager"):
        services.person_save(user=engineer, manager=engineer)


def test_reporting_lines_cannot_loop(engineer, skip_manager):
    with pytest.raises(ValidationError, match="lines cannot loop"):
        services.person_save(user=skip_manager, manager=engineer)


def test_reports_include_direct_and_indirect_but_not_peers(
    engineer, manager, skip_manager, stranger
):
    assert set(access.report_ids(skip_manager.pk)) == {manager.pk, engineer.pk}
    assert access.report_ids(manager.pk) == [engineer.pk]
    assert access.report_ids(stranger.pk) == []


def test_mentorship_goes_from_invited_to_active_to_ended(engineer):
    mentor = UserFactory()
    mentorship = services.mentorship_invite(engineer=engineer, mentor=mentor)
    assert mentorship.state == Mentorship.State.INVITED
    services.mentorship_accept(mentorship=mentorship)
    assert mentorship.state == Mentorship.State.ACTIVE and mentorship.started_at
    services.mentorship_end(mentorship=mentorship)
    assert mentorship.state == Mentorship.State.ENDED and mentorship.ended_at


def test_inviting_a_current_mentor_again_is_explained(engineer, mentor):
    with pytest.raises(services.MentorshipError, match="already mentors you"):
        services.mentorship_invite(engineer=engineer, mentor=mentor)
    assert Mentorship.objects.filter(engineer=engineer, mentor=mentor).count() == 1


def test_inviting_someone_who_has_not_answered_yet_is_explained(engineer):
    mentor = UserFactory(first_name="Grace", last_name="Hopper")
    services.mentorship_invite(engineer=engineer, mentor=mentor)
    with pytest.raises(services.MentorshipError, match="You have already asked Grace Hopper"):
        services.mentorship_invite(engineer=engineer, mentor=mentor)


def test_an_ended_mentorship_cannot_be_accepted(engineer, ended_mentor):
    ended = Mentorship.objects.get(mentor=ended_mentor)
    with pytest.raises(
        services.MentorshipError, match="This mentorship is ended; it cannot be accepted."
    ):
        services.mentorship_accept(mentorship=ended)


def test_after_an_ended_mentorship_a_new_one_can_start(engineer, ended_mentor):
    fresh = services.mentorship_invite(engineer=engineer, mentor=ended_mentor)
    assert fresh.state == Mentorship.State.INVITED


def test_nobody_mentors_themselves(engineer):
    with pytest.raises(services.MentorshipError, match="You cannot mentor yourself"):
        services.mentorship_invite(engineer=engineer, mentor=engineer)


def test_database_refuses_two_live_mentorships_for_one_pair(engineer, mentor):
    with pytest.raises(IntegrityError):
        MentorshipFactory(engineer=engineer, mentor=mentor, state=Mentorship.State.INVITED)


def test_roles_follow_reports_mentorships_and_staff(
    engineer, mentor, manager, admin_user, ended_mentor
):
    assert selectors.roles_of(engineer) == selectors.Roles(
        is_mentor=False, is_manager=False, is_admin=False
    )
    assert selectors.roles_of(mentor).is_mentor
    assert not selectors.roles_of(ended_mentor).is_mentor
    assert selectors.roles_of(manager).is_manager
    assert selectors.roles_of(admin_user).is_admin


@pytest.mark.django_db
@pytest.mark.parametrize("state", Mentorship.State.values)
def test_the_navigation_calls_a_mentor_whoever_the_active_mentorships_do(state):
    link = MentorshipFactory(state=state)
    active = Mentorship.objects.active().filter(mentor=link.mentor).exists()
    assert selectors.roles_of(link.mentor).is_mentor == active


@pytest.mark.django_db
def test_the_navigation_counts_only_the_users_unread_notifications():
    user, other = UserFactory(), UserFactory()
    for recipient, read_at in ((user, None), (user, None), (user, timezone.now()), (other, None)):
        Notification.objects.create(
            recipient=recipient, kind=Notification.Kind.ACCOUNT, text="t", url="/", read_at=read_at
        )
    assert selectors.roles_of(user).unread == 2
    assert selectors.roles_of(UserFactory()).unread == 0


@pytest.mark.django_db
def test_person_without_a_level_can_still_be_a_manager():
    boss = PersonFactory(current_level=None).user
    PersonFactory(manager=boss.person)
    assert selectors.roles_of(boss).is_manager
