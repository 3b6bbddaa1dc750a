"""Home and ladder pages for every role, the navigation, and their query counts."""

import pytest
from django.urls import reverse

from promo.models import Mentorship
from tests.conftest import client_for
from tests.factories import (
    BehaviourFactory,
    EntryFactory,
    LadderFactory,
    LevelFactory,
    MentorshipFactory,
    PersonFactory,
    UserFactory,
)

HOME, LADDER = reverse("home"), reverse("ladder")


def page(user, url: str) -> str:
    response = client_for(user).get(url)
    assert response.status_code == 200
    return response.content.decode()


def nav(html: str) -> str:
    return html.split('<nav class="nav"', 1)[1].split("</nav>", 1)[0]


def test_engineer_home_shows_target_level_behaviours_and_mentors(engineer, mentor):
    html = page(engineer, HOME)
    assert "Staff" in html and "Scope at Staff" in html and "Mentoring at Staff" in html
    assert "Scope at Junior" not in html
    assert mentor.get_full_name() in html


def test_mentor_home_lists_mentees_not_strangers(engineer, mentor, stranger):
    html = page(mentor, HOME)
    assert "People you mentor" in html and engineer.get_full_name() in html
    assert stranger.get_full_name() not in html


def test_ended_mentor_home_no_longer_lists_the_engineer(engineer, ended_mentor):
    assert engineer.get_full_name() not in page(ended_mentor, HOME)


def test_manager_home_summarises_the_readiness_of_direct_and_indirect_reports(
    engineer, manager, skip_manager
):
    html = page(skip_manager, HOME)
    assert 'id="home-team-heading">Your team<' in html
    # By name, not only by number: the indirect report, and the manager below who has no
    # target level (listed, not assessed).
    assert engineer.get_full_name() in html and manager.get_full_name() in html
    assert "1 of 2 people assessed" in html
    assert reverse("reviews:team") in html


def test_stranger_home_shows_no_one_else(engineer, stranger):
    html = page(stranger, HOME)
    assert engineer.get_full_name() not in html
    assert 'id="home-team-heading"' not in html and "People you mentor" not in html


def test_user_without_a_profile_is_told_how_to_get_one(db):
    html = page(UserFactory(), HOME)
    assert "You are not on the ladder yet" in html


@pytest.mark.parametrize("url", [HOME, LADDER])
def test_anonymous_is_sent_to_sign_in(client, db, url):
    response = client.get(url)
    assert response.status_code == 302 and response.url.startswith(reverse("login"))


@pytest.mark.parametrize("url", [HOME, LADDER])
def test_pages_refuse_state_changing_methods(engineer, url):
    assert client_for(engineer).post(url).status_code == 405


def test_navigation_fits_each_role(engineer, mentor, manager, admin_user):
    engineer_nav = nav(page(engineer, HOME))
    assert "Ladder" in engineer_nav and "Mentoring" in engineer_nav
    assert ">Inbox<" not in engineer_nav
    assert ">Team<" not in engineer_nav and ">Admin<" not in engineer_nav
    assert ">Inbox<" in nav(page(mentor, HOME))
    assert ">Team<" in nav(page(manager, HOME))
    assert ">Admin<" in nav(page(admin_user, HOME))


def test_pages_carry_the_csrf_header_for_htmx_and_load_vendored_htmx(engineer):
    html = page(engineer, HOME)
    assert '<body hx-headers=\'{"X-CSRFToken": "' in html
    assert "/static/vendor/htmx/htmx-2.0.11.min.js" in html
    assert "<script>" not in html  # no inline scripts, so a strict CSP can hold


def test_ladder_page_shows_every_level_and_marks_yours(engineer):
    html = page(engineer, LADDER)
    for name in ["Junior", "Senior", "Staff", "Scope at Junior", "Mentoring at Staff"]:
        assert name in html
    assert "your level" in html and "your target" in html
    assert "Did the thing for the payments team" in html


def test_ladder_page_explains_how_to_import_when_empty(db):
    assert "ladder_import" in page(UserFactory(), LADDER)


def test_home_query_count_does_not_grow_with_the_team(
    django_assert_max_num_queries, engineer, manager, skip_manager, levels
):
    def grow(n: int) -> None:
        for _ in range(n):
            report = PersonFactory(
                manager=manager.person, current_level=levels[0], target_level=levels[1]
            )
            MentorshipFactory(
                engineer=report.user, mentor=skip_manager, state=Mentorship.State.ACTIVE
            )

    grow(3)
    client = client_for(skip_manager)
    # The "needs you" strip (impact, merged pull requests waiting, reviews, addressed threads,
    # gap notes, questions, the team's fallen and quiet people) and the team panel by name cost
    # a query each, whatever the team's size.
    with django_assert_max_num_queries(33):
        client.get(HOME)
    grow(20)
    with django_assert_max_num_queries(33):
        assert client.get(HOME).status_code == 200


def test_engineer_home_reads_their_profile_once_for_every_panel(
    django_assert_max_num_queries, engineer, mentor, levels
):
    """The readiness panel reads the target level and its ladder off the profile the page
    already read, and someone who mentors nobody costs the mentor sections one query (the
    strip's count of merged pull requests waiting to be logged is one more)."""
    for i in range(3):
        EntryFactory(
            author=engineer, title=f"Win {i}", behaviours=tuple(levels[1].behaviours.all())
        )
    client = client_for(engineer)
    with django_assert_max_num_queries(21):
        assert client.get(HOME).status_code == 200


def test_ladder_query_count_does_not_grow_with_the_ladder(
    django_assert_max_num_queries, engineer, levels
):
    client = client_for(engineer)
    with django_assert_max_num_queries(9):
        assert client.get(LADDER).status_code == 200
    for level in LevelFactory.create_batch(4, ladder=LadderFactory()):
        BehaviourFactory.create_batch(6, level=level)
    with django_assert_max_num_queries(9):
        assert client.get(LADDER).status_code == 200


def test_preferences_set_the_default_sharing_for_new_entries(engineer):
    client = client_for(engineer)
    assert client.get(reverse("preferences")).status_code == 200
    response = client.post(reverse("preferences"), {"default_visibility": "mentors"})
    assert response.status_code == 302
    engineer.person.refresh_from_db()
    assert engineer.person.default_visibility == "mentors"


def test_preferences_refuse_an_unknown_choice_and_keep_the_old_one(engineer):
    response = client_for(engineer).post(reverse("preferences"), {"default_visibility": "everyone"})
    assert "Select a valid choice" in response.content.decode()
    engineer.person.refresh_from_db()
    assert engineer.person.default_visibility == "private"


def test_preferences_need_sign_in(client, db):
    response = client.get(reverse("preferences"))
    assert response.status_code == 302 and response.url.startswith(reverse("login"))


def test_preferences_create_a_profile_for_a_user_without_one(db):
    user = UserFactory()
    client_for(user).post(reverse("preferences"), {"default_visibility": "mentors"})
    assert user.person.default_visibility == "mentors"


def test_staff_off_the_ladder_are_not_told_to_wait_for_an_administrator(db):
    html = page(UserFactory(is_staff=True), HOME)
    assert "An administrator places you" not in html
    assert "give yourself one on" in html and f'href="{reverse("people")}"' in html


def test_the_target_levels_behaviours_fold_behind_one_line_on_home(engineer):
    html = page(engineer, HOME)
    fold = html.split('<details class="behaviours-fold">', 1)[1].split("</details>", 1)[0]
    assert "The 2 behaviours a promotion committee looks for at Staff" in fold
    assert "Scope at Staff" in fold and "Mentoring at Staff" in fold
