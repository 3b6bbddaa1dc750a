"""The privacy model: who may see an engineer's entries of each visibility."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.http import Http404

from promo import access
from promo.access import Visibility
from promo.models import Mentorship
from tests.factories import MentorshipFactory, PersonFactory, UserFactory

PRIVATE, MENTORS, BOTH = Visibility.PRIVATE, Visibility.MENTORS, Visibility.MENTORS_AND_MANAGERS


def seen_by(viewer, engineer) -> set[str]:
    return {v for v in Visibility.values if access.may_see(viewer, engineer, v)}


def test_engineer_sees_all_of_their_own(engineer):
    assert seen_by(engineer, engineer) == {PRIVATE, MENTORS, BOTH}


def test_active_mentor_sees_entries_shared_with_mentors_but_not_private(engineer, mentor):
    assert seen_by(mentor, engineer) == {MENTORS, BOTH}


def test_direct_manager_sees_only_entries_shared_with_managers(engineer, manager):
    assert seen_by(manager, engineer) == {BOTH}


def test_skip_level_manager_sees_entries_shared_with_managers(engineer, skip_manager):
    assert seen_by(skip_manager, engineer) == {BOTH}


def test_ended_mentor_sees_nothing(engineer, ended_mentor):
    assert seen_by(ended_mentor, engineer) == set()


def test_invited_mentor_sees_nothing_until_they_accept(engineer):
    invited = UserFactory(username="invited")
    mentorship = MentorshipFactory(engineer=engineer, mentor=invited, state="invited")
    assert seen_by(invited, engineer) == set()
    mentorship.state = Mentorship.State.ACTIVE
    mentorship.save()
    assert seen_by(invited, engineer) == {MENTORS, BOTH}


def test_mentor_of_one_engineer_sees_nothing_of_another(engineer, mentor, manager):
    other = PersonFactory(user=UserFactory(username="other"), manager=manager.person).user
    assert seen_by(mentor, other) == set()


def test_stranger_sees_nothing(engineer, stranger):
    assert seen_by(stranger, engineer) == set()


def test_staff_admin_sees_nothing_without_a_relation(engineer, admin_user):
    assert seen_by(admin_user, engineer) == set()


def test_anonymous_sees_nothing(engineer):
    assert seen_by(AnonymousUser(), engineer) == set()


def test_deactivated_mentor_sees_nothing(engineer, mentor):
    mentor.is_active = False
    mentor.save()
    assert seen_by(mentor, engineer) == set()


def test_manager_who_also_mentors_sees_both_kinds_of_shared_entries(engineer, manager):
    MentorshipFactory(engineer=engineer, mentor=manager, state=Mentorship.State.ACTIVE)
    assert seen_by(manager, engineer) == {MENTORS, BOTH}


def test_report_does_not_see_their_managers_entries(engineer, manager):
    assert seen_by(engineer, manager) == set()


def test_moving_an_engineer_to_another_manager_moves_access(engineer, manager, stranger):
    engineer.person.manager = stranger.person
    engineer.person.save()
    assert seen_by(manager, engineer) == set()
    assert seen_by(stranger, engineer) == {BOTH}


def test_a_reporting_loop_in_the_data_does_not_hang(engineer, manager, skip_manager):
    # The model refuses loops; this guards against rows written around it.
    skip_manager.person.manager = engineer.person
    skip_manager.person.save()
    assert seen_by(UserFactory(username="outsider"), engineer) == set()


def test_in_a_reporting_loop_nobody_is_their_own_report(engineer, manager, skip_manager):
    skip_manager.person.manager = engineer.person  # skip -> engineer -> manager -> skip
    skip_manager.person.save()
    loop = {engineer.pk, manager.pk, skip_manager.pk}
    for person in (engineer, manager, skip_manager):
        assert set(access.scope_of(person).reports) == loop - {person.pk}
        assert set(access.report_ids(person.pk)) == loop - {person.pk}
        for other in loop - {person.pk}:
            assert access.is_manager_of(person.pk, other)
        assert not access.is_manager_of(person.pk, UserFactory().pk)


def test_scope_and_reporting_lines_are_read_in_one_query_at_any_depth(
    django_assert_num_queries, engineer, manager, skip_manager
):
    chain = [engineer]
    for n in range(6):  # six more layers above the skip-level manager
        boss = PersonFactory(user=UserFactory(username=f"boss{n}")).user
        top = chain[-1] if n else skip_manager
        top.person.manager = boss.person
        top.person.save()
        chain.append(boss)
    with django_assert_num_queries(1):
        assert engineer.pk in access.scope_of(chain[-1]).reports
    with django_assert_num_queries(1):
        assert access.is_manager_of(chain[-1].pk, engineer.pk)


def test_unknown_visibility_is_a_programming_error(engineer):
    with pytest.raises(ValueError):
        access.may_see(engineer, engineer, "everyone")


def test_no_relation_is_a_404_not_a_403(engineer, stranger):
    with pytest.raises(Http404):
        access.relation_or_404(stranger, engineer)


def test_relation_or_404_names_the_relation(engineer, mentor, manager):
    assert access.relation_or_404(mentor, engineer).is_mentor
    assert access.relation_or_404(manager, engineer).is_manager
    assert access.relation_or_404(engineer, engineer).is_self
