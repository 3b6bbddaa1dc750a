"""The Django admin is usable for ladders, people and mentorships."""

import pytest
from django.urls import reverse

from promo.models import Person
from tests.conftest import client_for
from tests.factories import UserFactory

ADMIN_PAGES = [
    "admin:promo_ladder_changelist",
    "admin:promo_ladder_add",
    "admin:promo_level_changelist",
    "admin:promo_person_changelist",
    "admin:promo_person_add",
    "admin:promo_mentorship_changelist",
    "admin:promo_mentorship_add",
    "admin:promo_team_changelist",
    "admin:auth_user_add",
]


@pytest.mark.parametrize("name", ADMIN_PAGES)
def test_staff_can_open_admin_pages(admin_user, engineer, mentor, name):
    assert client_for(admin_user).get(reverse(name)).status_code == 200


def test_staff_can_open_a_level_with_its_behaviours(admin_user, levels):
    response = client_for(admin_user).get(reverse("admin:promo_level_change", args=[levels[1].pk]))
    assert "Scope at Senior" in response.content.decode()


@pytest.mark.parametrize("who", ["engineer", "mentor", "manager"])
def test_non_staff_are_sent_to_the_admin_sign_in(request, who):
    user = request.getfixturevalue(who)
    response = client_for(user).get(reverse("admin:promo_person_changelist"))
    assert response.status_code == 302 and "/admin/login/" in response.url


def test_placing_a_person_without_a_target_aims_them_at_the_next_level(admin_user, levels, manager):
    newcomer = UserFactory(username="newcomer")
    response = client_for(admin_user).post(
        reverse("admin:promo_person_add"),
        {
            "user": newcomer.pk,
            "current_level": levels[0].pk,
            "manager": manager.pk,
            "title": "Engineer",
            "default_visibility": "private",
        },
    )
    assert response.status_code == 302, response.content.decode()
    assert Person.objects.get(user=newcomer).target_level == levels[1]


def test_admin_refuses_a_reporting_loop_with_a_message(admin_user, engineer, skip_manager):
    response = client_for(admin_user).post(
        reverse("admin:promo_person_change", args=[skip_manager.pk]),
        {
            "user": skip_manager.pk,
            "manager": engineer.pk,
            "title": "Director",
            "default_visibility": "private",
        },
    )
    assert response.status_code == 200
    assert "lines cannot loop" in response.content.decode()
    skip_manager.person.refresh_from_db()
    assert skip_manager.person.manager is None
