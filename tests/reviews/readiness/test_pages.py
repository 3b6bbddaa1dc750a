"""Readiness pages: who sees whose, computed only from what the viewer may see, and fast."""

import csv
import io
import random
import re
from datetime import date, timedelta

import pytest
import time_machine
from django.core.management import call_command
from django.urls import reverse

from evidence.models import Entry
from promo.models import Mentorship, Person, Visibility
from reviews.feedback import services as feedback_services
from reviews.readiness import pipeline, rules, words
from reviews.readiness.dashboard import readiness_links
from reviews.readiness.labels import STATUS_ORDER
from reviews.readiness.periods import Policy, period_index
from tests.conftest import assert_flat_query_count, client_for
from tests.factories import (
    EntryFactory,
    MentorshipFactory,
    PersonFactory,
    UserFactory,
    feedback_for,
)
from tests.support import dashboard_rows

TODAY = date(2026, 11, 24)
PRIVATE, MENTORS, BOTH = Visibility.PRIVATE, Visibility.MENTORS, Visibility.MENTORS_AND_MANAGERS


def readiness_url(username: str = "engineer") -> str:
    return reverse("reviews:readiness", args=[username])


def cell_url(behaviour, period: int, username: str = "engineer") -> str:
    return f"{reverse('reviews:readiness-cell', args=[username])}?behaviour={behaviour.pk}&period={period}"


def demonstrated(engineer, mentor, behaviours, *, weeks_ago: int, visibility=BOTH):
    """An entry a mentor confirmed, whose impact was measured and has matured."""
    on = TODAY - timedelta(weeks=weeks_ago)
    entry = EntryFactory(
        author=engineer,
        week_of=on,
        behaviours=tuple(behaviours),
        visibility=visibility,
        impact_measured="Cut p99 by half",
        impact_measured_on=min(on + timedelta(weeks=2), TODAY),
    )
    feedback_for(entry, mentor, verdict="demonstrated")
    return entry


@pytest.fixture
def steady(engineer, mentor, scope, mentoring):
    """Both behaviours confirmed in each of the last six months: ready."""
    for weeks_ago in (0, 4, 9, 13, 18, 22):
        demonstrated(engineer, mentor, [scope, mentoring], weeks_ago=weeks_ago)
    return engineer


ROLES = {
    "engineer": 200,
    "mentor": 200,
    "manager": 200,
    "skip_manager": 200,
    "ended_mentor": 404,
    "stranger": 404,
    "admin_user": 404,
}


@pytest.mark.parametrize(("role", "status"), ROLES.items())
def test_readiness_page_follows_the_relation(request, steady, role, status):
    response = client_for(request.getfixturevalue(role)).get(readiness_url())
    assert response.status_code == status


@pytest.mark.parametrize(("role", "status"), ROLES.items())
def test_heatmap_cells_follow_the_relation(request, steady, scope, role, status):
    period = period_index(TODAY, Policy())
    response = client_for(request.getfixturevalue(role)).get(cell_url(scope, period))
    assert response.status_code == status


@pytest.mark.parametrize("name", ["reviews:team"])
def test_anonymous_is_sent_to_sign_in(client, db, name):
    response = client.get(reverse(name))
    assert response.status_code == 302 and response.url.startswith(reverse("login"))


def test_anonymous_cannot_open_a_readiness_page(client, steady):
    response = client.get(readiness_url())
    assert response.status_code == 302 and response.url.startswith(reverse("login"))


def test_steady_confirmed_evidence_is_ready_and_the_page_says_why(steady):
    html = client_for(steady).get(readiness_url()).content.decode()
    assert 'class="status-pill status-ready">Ready<' in html
    assert "Every behaviour was demonstrated" in html
    assert html.count("heat-cell c-demo in-window") == 12


def test_a_cell_lists_its_entries_with_how_much_each_counted(steady, scope, engineer, mentor):
    recent = EntryFactory(
        author=engineer, week_of=TODAY, behaviours=(scope,), title="Fresh claim", visibility=BOTH
    )
    period = period_index(TODAY, Policy())
    html = (
        client_for(engineer).get(cell_url(scope, period), HTTP_HX_REQUEST="true").content.decode()
    )
    assert "Scope at Staff · Nov 2026" in html
    assert recent.title in html and "not reviewed by a mentor yet" in html
    assert "demonstrated" in html


def test_without_javascript_a_cell_is_a_whole_page_with_one_heading(steady, scope, engineer):
    period = period_index(TODAY, Policy())
    html = client_for(engineer).get(cell_url(scope, period)).content.decode()
    assert html.count("<h1") == 1 and "<h1>Scope at Staff · Nov 2026</h1>" in html
    assert '<nav class="nav" aria-label="Main">' in html and "cell-title" not in html


@pytest.mark.parametrize("role", ["steady", "mentor", "manager", "skip_manager"])
def test_a_cell_costs_the_same_however_many_entries_it_holds(
    request, django_assert_max_num_queries, steady, scope, mentor, role
):
    client = client_for(request.getfixturevalue(role))
    url = cell_url(scope, period_index(TODAY, Policy()))
    with django_assert_max_num_queries(8):
        assert client.get(url, HTTP_HX_REQUEST="true").status_code == 200
    for _ in range(12):  # many more entries in the same month
        demonstrated(steady, mentor, [scope], weeks_ago=0)
    with django_assert_max_num_queries(8):
        response = client.get(url, HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    # The htmx partial has no test-client context (nothing in it renders a sub-template):
    # count the entries it lists instead, one badge each.
    assert response.content.decode().count('-badge">demonstrated</span>') >= 12


def test_a_cell_for_another_level_is_not_found(steady, levels):
    other = levels[0].behaviours.first()
    assert client_for(steady).get(cell_url(other, 24321)).status_code == 404


def test_a_managers_numbers_do_not_change_when_the_engineer_adds_a_private_entry(
    steady, manager, scope, mentoring, engineer
):
    before = client_for(manager).get(readiness_url())
    EntryFactory(
        author=engineer,
        week_of=TODAY - timedelta(weeks=30),
        behaviours=(scope, mentoring),
        visibility=PRIVATE,
    )
    after = client_for(manager).get(readiness_url())
    assert before.context["assessment"] == after.context["assessment"]
    # The engineer, who sees everything, does see the new flash in that old month.
    mine = client_for(engineer).get(readiness_url()).context["assessment"]
    assert mine != after.context["assessment"]


def test_a_manager_sees_only_what_was_shared_with_managers(
    engineer, mentor, manager, scope, mentoring
):
    for weeks_ago in (0, 4, 9, 13, 18, 22):
        demonstrated(engineer, mentor, [scope, mentoring], weeks_ago=weeks_ago, visibility=MENTORS)
    assert client_for(mentor).get(readiness_url()).context["status"] == rules.READY
    manager_view = client_for(manager).get(readiness_url())
    # Nothing was shared with managers: for the manager there is nothing to judge yet, and
    # nothing counts against the engineer.
    assert manager_view.context["status"] == rules.NOT_STARTED
    page = manager_view.content.decode()
    assert words.NOTHING_YET.format(range="12 months").replace("'", "&#x27;") in page
    assert "Amara has no evidence you may see yet. Nothing here counts against them." in page


def test_as_of_a_past_date_shows_that_days_picture(steady):
    response = client_for(steady).get(readiness_url(), {"as_of": "2026-01-15"})
    assert response.context["as_of"] == date(2026, 1, 15)
    assert response.context["period_labels"][-1] == ("Jan 2026", True)  # in that day's window
    assert response.context["status"] == rules.NOT_STARTED  # none of that evidence existed yet


@pytest.mark.parametrize("role", ["engineer", "manager"])
def test_a_past_day_with_no_evidence_says_so_and_offers_today_not_actions(request, steady, role):
    response = client_for(request.getfixturevalue(role)).get(
        readiness_url(), {"as_of": "2026-01-15"}
    )
    text = " ".join(re.sub(r"<[^>]+>", " ", response.content.decode()).split())
    assert "Nothing to judge on 15 January 2026" in text
    assert "no evidence yet; nothing counts against it" in text
    assert 'href="?">Show today</a>' in response.content.decode()
    for action in ("Getting started", "Log this week's work", "Share it with your mentor"):
        assert action not in text
    today = client_for(request.getfixturevalue(role)).get(readiness_url()).content.decode()
    assert "Nothing to judge on" not in today and "Show today" not in today


@pytest.mark.parametrize(
    ("raw", "message"),
    [("yesterday", "That is not a date"), ("2030-01-01", "cannot be judged in the future")],
)
def test_a_bad_as_of_date_is_explained_and_today_is_shown(steady, raw, message):
    response = client_for(steady).get(readiness_url(), {"as_of": raw})
    assert message in response.content.decode()
    assert response.context["as_of"] == TODAY


def test_gap_notes_show_to_the_engineer_and_mentor_but_only_counts_to_the_manager(
    steady, engineer, mentor, manager, scope
):
    entry = EntryFactory(author=engineer, visibility=BOTH, behaviours=(scope,))
    feedback_for(
        entry,
        mentor,
        verdict="flashes",
        gap_note="Write the migration guide for the other teams",
        gap_behaviour=scope,
    )
    hidden = EntryFactory(author=engineer, visibility=MENTORS, behaviours=(scope,))
    feedback_for(hidden, mentor, verdict="gap", gap_note="Not for managers", gap_behaviour=scope)
    for viewer, sees_words, count in ((engineer, True, 2), (mentor, True, 2), (manager, False, 1)):
        response = client_for(viewer).get(readiness_url())
        assert ("Write the migration guide" in response.content.decode()) is sees_words
        counts = {row["behaviour"]: row["gaps"] for row in response.context["rows"]}
        assert counts[scope] == count, viewer.username
        assert sum(counts.values()) == count


@pytest.mark.parametrize("extra", [0, 3])
def test_the_page_lists_the_newest_gap_notes_and_counts_them_all(
    steady, engineer, mentor, scope, mentoring, extra
):
    from reviews.readiness.views import GAPS_SHOWN

    notes = GAPS_SHOWN + extra
    for n in range(notes):
        with time_machine.travel(TODAY - timedelta(days=notes - n), tick=False):
            entry = EntryFactory(author=engineer, visibility=BOTH, behaviours=(scope, mentoring))
            behaviour = scope if n % 2 else mentoring
            feedback_for(
                entry, mentor, verdict="gap", gap_note=f"Note {n}", gap_behaviour=behaviour
            )
    for viewer, more in ((engineer, "All your open gap notes"), (mentor, "Amara’s entries")):
        response = client_for(viewer).get(readiness_url())
        page = response.content.decode()
        shown = re.findall(r'<p class="gap-text">(Note \d+)</p>', page)
        assert shown == [f"Note {n}" for n in reversed(range(notes))][:GAPS_SHOWN]
        counts = {row["behaviour"]: row["gaps"] for row in response.context["rows"]}
        assert counts == {scope: notes // 2, mentoring: notes - notes // 2}
        assert (f"The {GAPS_SHOWN} newest of {notes} open notes." in page) is bool(extra)
        assert (more in page) is bool(extra)


# --- the team dashboard ----------------------------------------------------------------------


def test_dashboard_lists_direct_and_indirect_reports_with_status(steady, manager, skip_manager):
    for boss in (manager, skip_manager):
        response = client_for(boss).get(reverse("reviews:team"))
        rows = {row["person"].user.username: row for row in response.context["rows"]}
        assert rows["engineer"]["status"] == rules.READY


def test_mentors_get_the_same_view_over_their_mentees(steady, mentor):
    response = client_for(mentor).get(reverse("reviews:team"))
    assert response.context["view"] == "mentees"
    assert [row["person"].user.username for row in response.context["rows"]] == ["engineer"]


@pytest.mark.parametrize("role", ["engineer", "stranger", "ended_mentor", "admin_user"])
def test_dashboard_of_someone_with_no_team_shows_nobody(request, steady, role):
    response = client_for(request.getfixturevalue(role)).get(reverse("reviews:team"))
    assert response.status_code == 200
    assert response.context["rows"] == []


def test_dashboard_filters_by_status_team_and_level_and_sorts(steady, manager, levels):
    PersonFactory(
        user=UserFactory(username="newer", first_name="Zoe"),  # sorts after Amara
        manager=manager.person,
        current_level=levels[0],
        target_level=levels[1],
    )
    client = client_for(manager)

    def names(**params):
        return [
            r["person"].user.username
            for r in client.get(reverse("reviews:team"), params).context["rows"]
        ]

    assert names(status="ready") == ["engineer"]
    assert names(status="not_started") == ["newer"]  # no evidence yet
    assert names(level="Senior") == ["newer"]
    assert names(sort="name")[0] == "engineer"


# What each sort means, said in Python over a row's own values; the dashboard sorts in SQL.
MEANT_ORDER = {
    "name": lambda row: row["person"].display_name.lower(),
    "status": lambda row: (
        STATUS_ORDER[row["status"]] if row["assessed"] else 9,
        -row["sustained"],
        row["person"].display_name.lower(),
    ),
    "gaps": lambda row: (-row["gaps"], row["person"].display_name.lower()),
    "attention": lambda row: (
        row["trend"] != "down",
        -len(row["stale"]),
        -(STATUS_ORDER[row["status"]] if row["assessed"] else len(STATUS_ORDER)),
        -row["gaps"],
        row["person"].display_name.lower(),
    ),
    "ready_by": lambda row: (
        row["ready_by"] is None,
        row["ready_by"] or 0,
        row["person"].display_name.lower(),
    ),
}


@pytest.mark.parametrize("sort", list(MEANT_ORDER))
def test_each_dashboard_sort_orders_everyone_as_it_says(steady, manager, mentor, levels, sort):
    scope_b, mentoring_b = levels[2].behaviours.order_by("rank")
    people = {
        # Names as a person would sort them: by full name, else username, whatever the case.
        "lower": UserFactory(username="lower", first_name="bea", last_name="Quist"),
        "solo": UserFactory(username="aaron_solo", first_name="", last_name=""),
        "surname": UserFactory(username="zed", first_name="", last_name="Chandra"),
        "upper": UserFactory(username="upper", first_name="Dara", last_name="O'Neil"),
        "unassessed": UserFactory(username="unassessed", first_name="Ben"),
    }
    for key, user in people.items():
        PersonFactory(
            user=user,
            manager=manager.person,
            current_level=levels[1],
            target_level=None if key == "unassessed" else levels[2],
        )
        MentorshipFactory(engineer=user, mentor=mentor, state=Mentorship.State.ACTIVE)
    demonstrated(people["lower"], mentor, [scope_b], weeks_ago=2)
    for weeks_ago in (1, 5, 9, 14):
        demonstrated(people["upper"], mentor, [scope_b, mentoring_b], weeks_ago=weeks_ago)
    gap = EntryFactory(
        author=people["surname"], week_of=TODAY, behaviours=(scope_b,), visibility=BOTH
    )
    feedback_for(gap, mentor, verdict="gap", gap_note="Say what changed for the team.")
    rows = dashboard_rows(manager, sort=sort)
    assert len({MEANT_ORDER[sort](row) for row in rows}) == len(rows) == 6  # no ties to hide in
    assert rows == sorted(rows, key=MEANT_ORDER[sort])
    response = client_for(manager).get(reverse("reviews:team"), {"sort": sort})
    assert [r["person"].pk for r in response.context["rows"]] == [r["person"].pk for r in rows]


@pytest.mark.parametrize("username", ["plain", "ana.b+c@corp", "zoë_ø", "a-b_c", "100%"])
def test_dashboard_links_are_the_readiness_page_urls(username):
    link = readiness_links()
    assert link(username) == reverse("reviews:readiness", args=[username])


def test_dashboard_flags_behaviours_without_recent_evidence(
    engineer, mentor, manager, scope, mentoring
):
    demonstrated(engineer, mentor, [scope], weeks_ago=1)
    demonstrated(engineer, mentor, [mentoring], weeks_ago=20)
    [row] = client_for(manager).get(reverse("reviews:team")).context["rows"]
    assert row["stale"] == ["Mentoring at Staff"]


def test_csv_export_has_the_table_and_neutralises_formulas(steady, manager, engineer):
    engineer.first_name, engineer.last_name = "=HYPERLINK(1)", "Evil"
    engineer.save()
    response = client_for(manager).get(reverse("reviews:team"), {"format": "csv"})
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[0][:3] == ["Name", "Username", "Team"]
    assert rows[1][0] == "'=HYPERLINK(1) Evil" and rows[1][5] == "Ready"


# --- one rule, two implementations -----------------------------------------------------------


def test_the_dashboard_and_the_engineer_page_agree_for_random_histories(levels, manager, mentor):
    """The dashboard applies the rules in SQL; the page in Python. They must never disagree."""
    rng = random.Random(7)
    behaviours = list(levels[2].behaviours.all())
    second_mentor = UserFactory(username="second-mentor")
    people = []
    for n in range(8):
        person = PersonFactory(
            user=UserFactory(username=f"eng{n}"),
            manager=manager.person,
            current_level=levels[1],
            target_level=levels[2],
        )
        MentorshipFactory(engineer=person.user, mentor=mentor)
        MentorshipFactory(engineer=person.user, mentor=second_mentor)
        people.append(person.user)
        for _ in range(rng.randint(3, 25)):
            weeks_ago = rng.randint(0, 30)
            on = TODAY - timedelta(weeks=weeks_ago)
            shipped = on + timedelta(days=rng.randint(0, 5)) if rng.random() < 0.5 else None
            measured = rng.random() < 0.6
            entry = EntryFactory(
                author=person.user,
                week_of=on,
                behaviours=tuple(rng.sample(behaviours, rng.randint(1, 2))),
                visibility=rng.choice([PRIVATE, MENTORS, BOTH, BOTH]),
                shipped_on=min(shipped, TODAY) if shipped else None,
                impact_measured="Measured" if measured else "",
                impact_measured_on=min(on + timedelta(weeks=rng.randint(1, 16)), TODAY)
                if measured
                else None,
            )
            if entry.visibility != PRIVATE:
                for reviewer in rng.sample([mentor, second_mentor], rng.randint(0, 2)):
                    feedback_for(
                        entry,
                        reviewer,
                        verdict=rng.choice(["demonstrated", "demonstrated", "flashes", "gap"]),
                    )
                untagged = [b for b in behaviours if b not in entry.behaviours.all()]
                if untagged and rng.random() < 0.2:  # a mentor names a behaviour nobody tagged
                    extra = rng.choice(untagged)
                    feedback_services.feedback_post(
                        entry=entry,
                        mentor=rng.choice([mentor, second_mentor]),
                        data=feedback_services.FeedbackData(
                            body="This also shows another behaviour.",
                            verdicts={
                                **{b.pk: "flashes" for b in entry.behaviours.all()},
                                extra.pk: rng.choice(["demonstrated", "flashes", "gap"]),
                            },
                            extra_behaviour=extra,
                        ),
                    )
    for viewer in (manager, mentor, second_mentor):
        view = "reports" if viewer == manager else "mentees"
        rows = dashboard_rows(viewer, view)
        for row in rows:
            page = pipeline.assessment_for(viewer, row["person"].user, as_of=TODAY).readiness
            assert row["status"] == page.status, (
                viewer.username,
                row["person"].user.username,
            )
            kept = [(r[3], r[4], r[5], r[7]) for r in row["picture"].rows]
            shown = [
                (b.status, b.demonstrated_periods, b.flash_periods, b.stale)
                for b in page.behaviours
            ]
            assert kept == shown, row["person"].user.username


# --- query counts ----------------------------------------------------------------------------


def test_dashboard_query_count_does_not_grow_with_reports_or_entries(
    django_assert_max_num_queries, manager, mentor, levels
):
    scope_b = levels[2].behaviours.get(slug="scope")
    client = client_for(manager)

    def grow(n: int) -> None:
        for _ in range(n):
            person = PersonFactory(
                manager=manager.person, current_level=levels[1], target_level=levels[2]
            )
            MentorshipFactory(engineer=person.user, mentor=mentor)
            for weeks_ago in (1, 6, 12):
                demonstrated(person.user, mentor, [scope_b], weeks_ago=weeks_ago)
            EntryFactory(author=person.user, visibility=BOTH)  # waits for the mentor

    # The reviews waiting for mentors cost two queries, the counts and the people.
    assert_flat_query_count(
        django_assert_max_num_queries, client, reverse("reviews:team"), grow=grow, bound=20
    )  # Each view after growing makes every picture again, the day's most expensive view:
    # session, user, scope, the stale ones, their people, behaviours, 3 for claims, their open
    # gaps, replacing the pictures (4 with the savepoint), then the page: the tally (counts,
    # teams, levels), the page's order, its pictures with their people, the navigation.
    # A view with nothing changed reads 8 (test_summaries.py).


@pytest.mark.parametrize("role", ["steady", "mentor", "manager", "skip_manager"])
def test_readiness_page_costs_the_same_with_one_or_several_years_of_history(
    request, django_assert_max_num_queries, steady, mentor, scope, role
):
    client = client_for(request.getfixturevalue(role))
    with django_assert_max_num_queries(14):
        assert client.get(readiness_url()).status_code == 200
    for weeks_ago in range(60, 260, 3):  # four more years of older history
        demonstrated(steady, mentor, [scope], weeks_ago=weeks_ago)
    with django_assert_max_num_queries(14):
        response = client.get(readiness_url())
    assert response.status_code == 200
    # Only the months the page and its trend judge are read, not the whole history.
    picture = response.context["picture"]
    first, last = pipeline.fetch_months(TODAY, picture.policy)
    needed = Entry.objects.filter(author=steady, month_index__range=(first, last))
    assert set(picture.entries) == set(needed.values_list("pk", flat=True))
    assert Entry.objects.filter(author=steady).count() > len(picture.entries) + 60


@pytest.mark.django_db
def test_the_demo_shows_every_status_on_the_managers_dashboard():
    call_command("seed_demo", "--force", verbosity=0)
    from django.contrib.auth import get_user_model

    manager = get_user_model().objects.get(username="demo-manager")
    response = client_for(manager).get(reverse("reviews:team"))
    statuses = {row["status"] for row in response.context["rows"] if row["assessed"]}
    assert statuses == {rules.READY, rules.CLOSE, rules.BUILDING}


def test_a_quarterly_policy_draws_quarters(steady, levels):
    ladder = levels[2].ladder
    ladder.period_months, ladder.window_months = 3, 6
    ladder.save()
    response = client_for(steady).get(readiness_url())
    assert [label for label, _ in response.context["period_labels"]] == [
        "Q1 2026",
        "Q2 2026",
        "Q3 2026",
        "Q4 2026",
    ]
    assert 'class="heatmap heat-cols-4"' in response.content.decode()


def test_a_large_team_is_paged_with_counts_and_order_over_everyone(manager, mentor, levels):
    from reviews.readiness.dashboard import TEAM_PAGE_SIZE

    scope_b = levels[2].behaviours.get(slug="scope")
    people = [
        PersonFactory(manager=manager.person, current_level=levels[1], target_level=levels[2])
        for _ in range(TEAM_PAGE_SIZE + 5)
    ]
    MentorshipFactory(engineer=people[-1].user, mentor=mentor)
    demonstrated(people[-1].user, mentor, [scope_b], weeks_ago=1)  # the one with evidence
    client = client_for(manager)
    first = client.get(reverse("reviews:team"), {"sort": "status"})
    rows = first.context["rows"]
    assert len(rows) == TEAM_PAGE_SIZE
    assert rows[0]["person"] == people[-1]  # "building" sorts before "not started", page or not
    everyone = Person.objects.filter(manager=manager.person).count()  # the cast's engineer too
    assert everyone == TEAM_PAGE_SIZE + 6
    assert first.context["counts"][rules.NOT_STARTED] == everyone - 1
    assert f"1–{TEAM_PAGE_SIZE} of {everyone}" in first.content.decode()
    second = client.get(reverse("reviews:team"), {"sort": "status", "page": "2"})
    assert len(second.context["rows"]) == everyone - TEAM_PAGE_SIZE
    shown = {row["person"].pk for row in rows} | {r["person"].pk for r in second.context["rows"]}
    assert shown == set(Person.objects.filter(manager=manager.person).values_list("pk", flat=True))
    assert client.get(reverse("reviews:team"), {"page": "²"}).context["page"].number == 1
    csv_rows = list(
        csv.reader(
            io.StringIO(client.get(reverse("reviews:team"), {"format": "csv"}).content.decode())
        )
    )
    assert len(csv_rows) == everyone + 1  # the export is everyone (and a header), not a page


def test_a_verdict_given_this_evening_counts_today_in_the_sites_time_zone(
    settings, engineer, mentor, levels
):
    """Found by the equivalence tests: verdicts were dated in UTC, so in New York a verdict
    given at 20:00 on the 23rd counted only from the 24th."""
    from datetime import UTC, datetime

    import time_machine
    from django.utils import timezone

    from reviews.models import Feedback

    settings.TIME_ZONE = "America/New_York"
    scope_b = levels[2].behaviours.get(slug="scope")
    with time_machine.travel(datetime(2026, 11, 24, 3, 30, tzinfo=UTC), tick=False):  # 22:30
        entry = EntryFactory(
            author=engineer,
            week_of=date(2026, 11, 16),
            behaviours=(scope_b,),
            visibility=MENTORS,
            impact_measured="Halved p99",
            impact_measured_on=date(2026, 11, 20),
        )
        given = datetime(2026, 11, 24, 1, 0, tzinfo=UTC)  # 20:00 on the 23rd in New York
        Feedback.objects.filter(pk=feedback_for(entry, mentor).pk).update(judged_at=given)
        today = timezone.localdate()
        assert today == date(2026, 11, 23)
        [judged] = pipeline.assessment_for(engineer, engineer, as_of=today).assessment.judged
        assert judged.reviewed
        [before] = pipeline.assessment_for(
            engineer, engineer, as_of=today - timedelta(days=1)
        ).assessment.judged
        assert not before.reviewed  # the day before, it had not been given yet


# --- the dashboard's columns: each behaviour, and what is missing ----------------------------


def test_dashboard_gives_each_behaviour_its_own_column_and_says_what_is_missing(
    engineer, mentor, manager, scope, mentoring
):
    demonstrated(engineer, mentor, [scope], weeks_ago=1)
    demonstrated(engineer, mentor, [scope], weeks_ago=5)
    demonstrated(engineer, mentor, [mentoring], weeks_ago=20)
    response = client_for(manager).get(reverse("reviews:team"))
    [group] = response.context["groups"]
    assert [c.name for c in group.columns] == ["Scope at Staff", "Mentoring at Staff"]
    [row] = group.rows
    cells = [(c.name, c.state.label, c.demonstrated, c.window, c.stale) for c in row["cells"]]
    assert cells == [
        ("Scope at Staff", "Emerging", 2, 6, False),
        ("Mentoring at Staff", "Emerging", 1, 6, True),
    ]
    # The behaviour that needs the most demonstrated months first: it sets "ready by".
    assert row["missing"] == ["Mentoring at Staff: 2 more months", "Scope at Staff: 1 more month"]
    html = response.content.decode()
    assert '<th scope="col" class="b-col">Mentoring at Staff</th>' in html
    # Each state is a glyph and words, never a colour alone; the tooltip says the same.
    tip = "Mentoring at Staff: emerging, demonstrated in 1 of the last 6 months; no evidence in 90 days"
    assert f'title="{tip}"' in html and f'<span class="visually-hidden">{tip}</span>' in html
    assert html.count('<span class="b-glyph st-emerging" aria-hidden="true">◐</span>') == 2 + 1
    assert "Ready by Dec 2026 at the earliest" in html  # two more months: November, December


def test_dashboard_puts_people_judged_on_the_same_behaviours_in_one_table(steady, manager, levels):
    """Senior and Staff share their behaviours (by slug): one table. Someone with no target
    level is listed apart, not assessed."""
    PersonFactory(manager=manager.person, current_level=levels[0], target_level=levels[1])
    PersonFactory(
        user=UserFactory(username="untargeted"),
        manager=manager.person,
        current_level=levels[1],
        target_level=None,
    )
    groups = client_for(manager).get(reverse("reviews:team")).context["groups"]
    shapes = sorted((sorted(g.levels), len(g.rows), len(g.columns)) for g in groups)
    assert shapes == [([], 1, 0), (["Senior", "Staff"], 2, 2)]
    [apart] = [g for g in groups if not g.levels]
    assert apart.rows[0]["person"].user.username == "untargeted"


def test_needs_attention_is_the_default_order(steady, manager, mentor, engineer, levels, scope):
    quiet = PersonFactory(
        user=UserFactory(username="quiet"), manager=manager.person, target_level=levels[2]
    ).user
    MentorshipFactory(engineer=quiet, mentor=mentor, state=Mentorship.State.ACTIVE)
    demonstrated(quiet, mentor, [scope], weeks_ago=20)  # quiet for 90 days and more
    rows = client_for(manager).get(reverse("reviews:team")).context["rows"]
    assert rows[0]["person"].user == quiet and rows[0]["stale"] == ["Scope at Staff"]
    assert rows[-1]["status"] == rules.READY


def test_managers_see_how_long_reports_work_waits_for_mentors_as_counts_only(
    engineer, mentor, manager
):
    shared = EntryFactory(author=engineer, visibility=BOTH, title="Shared with managers")
    EntryFactory(author=engineer, visibility=Visibility.MENTORS, title="Only for mentors")
    EntryFactory(author=engineer, visibility=BOTH, title="Reviewed already")
    feedback_for(Entry.objects.get(title="Reviewed already"), mentor)
    html = client_for(manager).get(reverse("reviews:team")).content.decode()
    section = html.split('id="waiting-heading"', 1)[1].split("</section>", 1)[0]
    row = " ".join(re.sub(r"<[^>]+>", " ", section.split("<tbody>", 1)[1]).split())
    # One entry waits that the manager may see; the mentors-only one is not counted.
    assert row.startswith(f"{engineer.get_full_name()} {mentor.get_full_name()} 1")
    assert shared.title not in section and "Only for mentors" not in section
    # A mentor's view of their mentees has no such section.
    assert (
        'id="waiting-heading"'
        not in client_for(mentor).get(reverse("reviews:team")).content.decode()
    )
