"""The engineer's weekly loop: log, edit, trash, follow up on impact, search."""

from datetime import date, timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from evidence import forms, views
from evidence.models import BODY_MAX, Entry, EntryRevision
from promo.models import Visibility
from tests.conftest import assert_flat_query_count, client_for
from tests.factories import EntryFactory

WEEK, CREATE, SEARCH = (
    reverse("evidence:week"),
    reverse("evidence:create"),
    reverse("evidence:search"),
)
HTMX = {"HTTP_HX_REQUEST": "true"}


def quick_add(client, **fields):
    data = {"quick": "1", "title": "Ran the failover dry run", "kind": "weekly_win"}
    data["visibility"] = "mentors"
    return client.post(CREATE, {**data, **fields}, **HTMX)


def test_quick_add_logs_a_win_with_two_behaviours_and_returns_the_new_card(engineer, levels):
    scope, mentoring = levels[2].behaviours.order_by("rank")
    response = quick_add(client_for(engineer), behaviours=[scope.pk, mentoring.pk])
    assert response.status_code == 200
    entry = Entry.objects.get(author=engineer)
    assert set(entry.behaviours.all()) == {scope, mentoring}
    assert entry.week_start == date(2026, 11, 23)
    html = response.content.decode()
    assert 'id="quick-add"' in html and "Ran the failover dry run" in html
    assert 'hx-swap-oob="afterbegin:#this-week-list"' in html
    assert 'id="behaviour-counts"' in html and "Scope at Staff" in html


def test_quick_add_without_javascript_redirects_back_to_the_week(engineer):
    response = client_for(engineer).post(
        CREATE, {"quick": "1", "title": "Fixed it", "kind": "weekly_win", "visibility": "private"}
    )
    assert response.status_code == 302 and response.url == WEEK
    assert Entry.objects.filter(author=engineer, title="Fixed it").exists()


def test_quick_add_keeps_the_last_sharing_choice_for_the_next_entry(engineer):
    engineer.person.default_visibility = Visibility.PRIVATE
    engineer.person.save()
    client = client_for(engineer)
    checked = '<option value="{}" selected>'.format

    def initial_sharing(html: str) -> str:
        return next(v for v in Visibility.values if checked(v) in html)

    assert initial_sharing(client.get(WEEK).content.decode()) == Visibility.PRIVATE
    answer = quick_add(client, visibility=Visibility.MENTORS_AND_MANAGERS).content.decode()
    assert initial_sharing(answer) == Visibility.MENTORS_AND_MANAGERS  # the fresh form
    assert initial_sharing(client.get(WEEK).content.decode()) == Visibility.MENTORS_AND_MANAGERS
    client.post(
        CREATE, {"quick": "1", "title": "Alone", "kind": "weekly_win", "visibility": "private"}
    )
    assert initial_sharing(client.get(WEEK).content.decode()) == Visibility.PRIVATE
    # Another session starts from the person's preference again.
    assert initial_sharing(client_for(engineer).get(WEEK).content.decode()) == Visibility.PRIVATE


def test_quick_add_error_keeps_what_was_typed_and_saves_nothing(engineer):
    response = quick_add(client_for(engineer), title="   ", body="Half a thought")
    html = response.content.decode()
    assert forms.TITLE_REQUIRED in html
    assert "Half a thought" in html
    assert not Entry.objects.exists()


def test_new_entries_default_to_the_authors_sharing_preference(engineer):
    client = client_for(engineer)
    client.post(reverse("preferences"), {"default_visibility": "mentors_and_managers"})
    assert 'value="mentors_and_managers" selected' in client.get(WEEK).content.decode()


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"title": ""}, "Give the entry a title"),
        ({"title": "x" * 201}, forms.TITLE_TOO_LONG.format(n=201, limit=200)),
        (
            {"body": "x" * (BODY_MAX + 1)},
            forms.BODY_TOO_LONG.format(n=BODY_MAX + 1, limit=BODY_MAX),
        ),
        ({"links": "https://ok.example.com Doc\nnot-a-url"}, "Link on line 2: "),
        ({"links": "javascript:alert(1)"}, "Link on line 1: "),
        ({"week_of": "2027-06-01"}, forms.WEEK_IN_FUTURE),
        ({"week_of": "1999-12-31"}, forms.WEEK_TOO_OLD),
        ({"week_of": "2026-13-45"}, "Enter a valid date."),
        ({"shipped_on": "2026-11-25"}, forms.SHIPPED_IN_FUTURE),
    ],
)
def test_bad_input_is_explained_on_the_form_and_nothing_is_saved(engineer, fields, message):
    data = {"title": "Good title", "kind": "weekly_win", "visibility": "private", **fields}
    response = client_for(engineer).post(CREATE, data)
    assert response.status_code == 400  # refused, with the form and its message
    assert message.replace("“", "&ldquo;").replace("”", "&rdquo;") in response.content.decode() or (
        message in response.content.decode()
    )
    assert not Entry.objects.exists()


def test_full_form_logs_impact_links_and_another_week(engineer):
    response = client_for(engineer).post(
        CREATE,
        {
            "title": "Cut refund latency",
            "kind": "work_summary",
            "week_of": "2026-10-07",
            "body": "Details",
            "impact": "Fewer support tickets",
            "shipped_on": "2026-10-09",
            "links": "https://docs.example.com/rfc-12 RFC 12\nhttps://example.com/pr/7",
            "visibility": "mentors",
        },
    )
    entry = Entry.objects.get(author=engineer)
    assert response.url == entry.get_absolute_url()
    assert entry.week_start == date(2026, 10, 5)
    assert [(link.url, link.label) for link in entry.links.all()] == [
        ("https://docs.example.com/rfc-12", "RFC 12"),
        ("https://example.com/pr/7", ""),
    ]


def edit(client, entry, version, **fields):
    data = {
        "title": entry.title,
        "kind": entry.kind,
        "week_of": entry.week_start.isoformat(),
        "body": entry.body,
        "visibility": entry.visibility,
        "version": version,
        **fields,
    }
    return client.post(reverse("evidence:edit", args=[entry.pk]), data)


def test_every_edit_keeps_a_revision_and_the_page_shows_what_changed(engineer):
    entry = EntryFactory(author=engineer, body="First line\nSecond line")
    client = client_for(engineer)
    edit(client, entry, 1, title="Better title", body="First line\nSecond line, clearer")
    assert list(EntryRevision.objects.filter(entry=entry).values_list("version", flat=True)) == [
        2,
        1,
    ]
    html = client.get(entry.get_absolute_url()).content.decode()
    assert "Version 2" in html and "Better title" in html
    assert '<span class="diff-del">- Second line</span>' in html
    assert '<span class="diff-add">+ Second line, clearer</span>' in html


def test_two_tabs_cannot_silently_overwrite_each_other(engineer):
    entry = EntryFactory(author=engineer, title="Original", body="Original body")
    tab_a, tab_b = client_for(engineer), client_for(engineer)
    assert edit(tab_a, entry, 1, body="Tab A's careful rewrite").status_code == 302

    response = edit(tab_b, entry, 1, body="Tab B's different words")

    assert response.status_code == 409
    html = response.content.decode()
    assert "Someone saved this entry after you opened it" in html
    assert "Tab A&#x27;s careful rewrite" in html  # the saved version, shown
    assert "Tab B&#x27;s different words" in html  # what this tab typed, kept in the form
    entry.refresh_from_db()
    assert (entry.body, entry.version) == ("Tab A's careful rewrite", 2)
    # Saving again from the conflict page is a deliberate choice, and it lands.
    assert edit(tab_b, entry, 2, body="Merged words").status_code == 302
    entry.refresh_from_db()
    assert (entry.body, entry.version) == ("Merged words", 3)


def test_delete_moves_to_trash_with_undo_and_restore_brings_it_back(engineer):
    entry = EntryFactory(author=engineer, title="Keep me")
    client = client_for(engineer)
    response = client.post(reverse("evidence:delete", args=[entry.pk]))
    assert response.url == f"{WEEK}?deleted={entry.pk}"
    week_html = client.get(response.url).content.decode()
    assert "Moved “Keep me” to the trash." in week_html
    assert reverse("evidence:restore", args=[entry.pk]) in week_html
    client.post(reverse("evidence:restore", args=[entry.pk]))
    entry.refresh_from_db()
    assert entry.deleted_at is None
    assert client.get(entry.get_absolute_url()).status_code == 200


def test_purge_removes_only_entries_trashed_30_or_more_days_ago(engineer):
    old, recent, live = (EntryFactory(author=engineer) for _ in range(3))
    Entry.objects.filter(pk=old.pk).update(deleted_at=timezone.now() - timedelta(days=30))
    Entry.objects.filter(pk=recent.pk).update(deleted_at=timezone.now() - timedelta(days=29))
    call_command("purge_trash", stdout=StringIO())
    assert set(Entry.objects.values_list("pk", flat=True)) == {recent.pk, live.pk}


def test_impact_follow_up_lists_work_shipped_eight_or_more_weeks_ago_and_unmeasured(engineer):
    due = EntryFactory(author=engineer, title="Due", shipped_on=date(2026, 9, 29))
    EntryFactory(author=engineer, title="Too recent", shipped_on=date(2026, 9, 30))
    EntryFactory(
        author=engineer,
        title="Followed up already",
        shipped_on=date(2026, 1, 5),
        impact_measured="Halved p99",
    )
    EntryFactory(author=engineer, title="Never shipped")
    html = client_for(engineer).get(reverse("evidence:impact")).content.decode()
    assert ">Due<" in html
    assert (
        "Too recent" not in html
        and "Followed up already" not in html
        and "Never shipped" not in html
    )
    response = client_for(engineer).post(
        reverse("evidence:record-impact", args=[due.pk]),
        {"impact_measured": "Tickets down 40%"},
        **HTMX,
    )
    assert "recorded" in response.content.decode()
    due.refresh_from_db()
    assert (due.impact_measured, due.impact_measured_on) == ("Tickets down 40%", date(2026, 11, 24))
    assert due.version == 2


def test_recording_an_empty_impact_is_refused_with_a_message(engineer):
    due = EntryFactory(author=engineer, shipped_on=date(2026, 1, 5))
    response = client_for(engineer).post(
        reverse("evidence:record-impact", args=[due.pk]), {"impact_measured": " "}
    )
    assert "Say what it achieved" in response.content.decode()
    due.refresh_from_db()
    assert due.impact_measured == ""


def titles(response) -> set[str]:
    return {entry.title for entry in response.context["results"]}


def test_search_by_text_behaviour_kind_dates_and_sharing(engineer, levels):
    scope = levels[2].behaviours.get(slug="scope")
    EntryFactory(
        author=engineer,
        title="Refund ledger migration",
        body="Moved the ledger",
        behaviours=(scope,),
    )
    EntryFactory(
        author=engineer,
        title="Design review for payouts",
        kind="work_summary",
        week_of=date(2026, 3, 4),
        visibility="mentors",
    )
    client = client_for(engineer)
    assert titles(client.get(SEARCH, {"q": "ledger"})) == {"Refund ledger migration"}
    assert titles(client.get(SEARCH, {"q": "ledger migration"})) == {"Refund ledger migration"}
    assert titles(client.get(SEARCH, {"behaviour": scope.pk})) == {"Refund ledger migration"}
    assert titles(client.get(SEARCH, {"kind": "work_summary"})) == {"Design review for payouts"}
    assert titles(client.get(SEARCH, {"start": "2026-03-01", "end": "2026-03-31"})) == {
        "Design review for payouts"
    }
    assert titles(client.get(SEARCH, {"visibility": "mentors"})) == {"Design review for payouts"}


def test_search_with_dates_the_wrong_way_round_says_so(engineer):
    response = client_for(engineer).get(SEARCH, {"start": "2026-05-01", "end": "2026-01-01"})
    assert "is after" in response.content.decode()


def test_markdown_in_an_entry_is_rendered_without_anything_executable(engineer):
    entry = EntryFactory(
        author=engineer,
        body='**Bold** <script>alert(1)</script> [x](javascript:alert(2)) <img src=x onerror="alert(3)">',
    )
    html = client_for(engineer).get(entry.get_absolute_url()).content.decode()
    assert "<strong>Bold</strong>" in html
    assert "<script>alert(1)" not in html and 'href="javascript' not in html and "<img" not in html


def test_preview_renders_sanitised_markdown(engineer):
    response = client_for(engineer).post(
        reverse("evidence:preview"), {"body": "*hi* <b onclick=x>"}, **HTMX
    )
    html = response.content.decode()
    assert "<em>hi</em>" in html and "<b onclick" not in html


OVER_LIMIT = "![" * (BODY_MAX // 2) + "x"  # slow to parse, and one character too many


@pytest.mark.parametrize("htmx", [True, False], ids=["htmx", "page"])
def test_a_preview_over_the_length_limit_says_so_and_renders_nothing(engineer, htmx):
    response = client_for(engineer).post(
        reverse("evidence:preview"), {"body": OVER_LIMIT}, **(HTMX if htmx else {})
    )
    html = response.content.decode()
    assert forms.BODY_TOO_LONG.format(n=BODY_MAX + 1, limit=BODY_MAX) in html
    assert "Preview</p>" not in html and "![" not in html


@pytest.mark.parametrize("path", ["create", "edit"])
def test_the_full_forms_preview_keeps_the_text_and_explains_the_limit(engineer, path):
    entry = EntryFactory(author=engineer, title="Kept as saved")
    url = CREATE if path == "create" else reverse("evidence:edit", args=[entry.pk])
    data = {"title": "Draft", "kind": "weekly_win", "visibility": "private", "version": "1"}
    response = client_for(engineer).post(url, {**data, "body": OVER_LIMIT, "preview": "1"})
    assert response.status_code == 400
    html = response.content.decode()
    assert forms.BODY_TOO_LONG.format(n=BODY_MAX + 1, limit=BODY_MAX) in html
    assert html.count(OVER_LIMIT) == 1  # in the textarea, as typed; not rendered
    assert Entry.objects.get().title == "Kept as saved"


def test_timeline_pages_back_through_earlier_weeks(engineer):
    for weeks_ago in range(1, 10):
        EntryFactory(
            author=engineer,
            title=f"Week -{weeks_ago}",
            week_of=date(2026, 11, 23) - timedelta(weeks=weeks_ago),
        )
    client = client_for(engineer)
    first = client.get(WEEK).content.decode()
    assert (
        "Week -1" in first and f"Week -{views.WEEKS_PER_PAGE}" in first and "Week -9" not in first
    )
    older = client.get(WEEK, {"before": "2026-10-12"}, **HTMX).content.decode()
    assert "Week -7" in older and "Week -9" in older and "Week -1<" not in older


def build_history(engineer, mentor, levels, n: int) -> None:
    scope, mentoring = levels[2].behaviours.order_by("rank")
    for i in range(n):
        EntryFactory(
            author=engineer,
            week_of=date(2026, 11, 23) - timedelta(weeks=i),
            visibility=Visibility.MENTORS,
            behaviours=(scope, mentoring),
            links=(("https://example.com/x", "doc"),),
        )


@pytest.mark.parametrize(
    ("who", "url", "queries"),
    [
        ("engineer", WEEK, 11),  # this week and the timeline in one read; cards skip links
        ("engineer", SEARCH + "?q=improvement", 11),
        (
            "engineer",
            reverse("evidence:export-json"),
            8,
        ),  # +1: the export is written to the audit log
        ("engineer", reverse("evidence:export-md"), 8),
        ("mentor", reverse("evidence:person", args=["engineer"]), 14),
    ],
)
def test_query_count_does_not_grow_with_the_number_of_entries(
    django_assert_max_num_queries, engineer, mentor, levels, request, who, url, queries
):
    client = client_for(request.getfixturevalue(who))
    build_history(engineer, mentor, levels, 3)
    with django_assert_max_num_queries(queries):
        assert client.get(url).status_code == 200
    build_history(engineer, mentor, levels, 30)
    with django_assert_max_num_queries(queries):
        assert client.get(url).status_code == 200


def test_quick_add_rereads_nothing_it_wrote_and_keeps_a_flat_query_count(
    django_assert_max_num_queries, engineer, mentor, levels
):
    """The new card comes from what was saved (its behaviours read once, for the revision),
    and an unchanged sharing choice is not written to the session again."""
    client = client_for(engineer)
    tags = list(levels[2].behaviours.values_list("pk", flat=True))
    quick_add(client, behaviours=tags)  # the first remembers the sharing choice
    build_history(engineer, mentor, levels, 3)
    with django_assert_max_num_queries(20):
        assert "Logged" in quick_add(client, behaviours=tags).content.decode()
    build_history(engineer, mentor, levels, 30)
    with django_assert_max_num_queries(20):
        assert "Logged" in quick_add(client, behaviours=tags).content.decode()


@pytest.mark.skipif(connection.vendor != "postgresql", reason="full-text search is PostgreSQL's")
def test_postgresql_search_matches_word_forms_and_ranks_titles_first(engineer):
    EntryFactory(author=engineer, title="Notes", body="We deployed the new canary pipeline")
    EntryFactory(author=engineer, title="Canary deploys for the ledger", body="Rollout notes")
    found = list(client_for(engineer).get(SEARCH, {"q": "deploy canary"}).context["results"])
    assert [e.title for e in found] == ["Canary deploys for the ledger", "Notes"]


def test_edit_page_shows_saved_dates_and_an_unchanged_save_keeps_them(engineer):
    entry = EntryFactory(author=engineer, week_of=date(2025, 6, 30), shipped_on=date(2025, 7, 8))
    client = client_for(engineer)
    page = client.get(reverse("evidence:edit", args=[entry.pk]))
    assert 'type="date" name="week_of" value="2025-06-30"' in page.content.decode()
    assert 'type="date" name="shipped_on" value="2025-07-08"' in page.content.decode()
    form = page.context["form"]
    data = {name: form[name].value() for name in form.fields}
    data["week_of"], data["shipped_on"] = "2025-06-30", "2025-07-08"  # as the browser sends them
    data["behaviours"] = []
    client.post(reverse("evidence:edit", args=[entry.pk]), data)
    entry.refresh_from_db()
    assert (entry.week_start, entry.shipped_on, entry.version) == (
        date(2025, 6, 30),
        date(2025, 7, 8),
        2,
    )


@pytest.mark.parametrize(("name", "bound"), [("evidence:trash", 10), ("evidence:impact", 12)])
def test_trash_and_impact_pages_keep_a_flat_query_count(
    django_assert_max_num_queries, engineer, levels, name, bound
):
    scope = levels[2].behaviours.get(slug="scope")

    def grow(n: int) -> None:
        for _ in range(n):
            EntryFactory(
                author=engineer,
                shipped_on=date(2026, 1, 5),
                behaviours=(scope,),
                links=(("https://example.com", "x"),),
            )
            gone = EntryFactory(author=engineer)
            client_for(engineer).post(reverse("evidence:delete", args=[gone.pk]))

    assert_flat_query_count(
        django_assert_max_num_queries, client_for(engineer), reverse(name), grow=grow, bound=bound
    )


def test_entry_page_with_a_long_history_keeps_a_flat_query_count(
    django_assert_max_num_queries, engineer
):
    entry = EntryFactory(author=engineer, body="v1")
    client = client_for(engineer)

    def grow(n: int) -> None:
        for _ in range(n):
            entry.refresh_from_db()
            edit(client, entry, entry.version, body=f"{entry.body}\nmore")

    assert_flat_query_count(
        django_assert_max_num_queries, client, entry.get_absolute_url(), grow=grow, bound=16
    )
