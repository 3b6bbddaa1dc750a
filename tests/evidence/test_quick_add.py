"""Logging fast: the quick add on This week, on home and in the dialog `c` opens anywhere."""

import re
from datetime import date

from django.urls import reverse

from evidence import quick_add
from evidence.models import Entry
from evidence.selectors import behaviour_choices
from promo.models import Visibility
from tests.conftest import client_for
from tests.factories import EntryFactory

WEEK, CREATE, HOME = reverse("evidence:week"), reverse("evidence:create"), reverse("home")
DIALOG = reverse("evidence:quick-add")
HTMX = {"HTTP_HX_REQUEST": "true"}
OFF_LADDER = "you are not on the ladder"


def post(client, where, **fields):
    data = {"quick": "1", "where": where, "title": "Ran the failover dry run"}
    data |= {"kind": "weekly_win", "visibility": Visibility.MENTORS}
    return client.post(CREATE, {**data, **fields}, **HTMX)


def status_of(html: str) -> str:
    found = re.search(r'<p id="quick-add-status"[^>]*>(.*?)</p>', html, re.S)
    assert found, "no quick-add status in the answer"
    return found.group(1).strip()


def test_dialog_url_renders_only_the_form_in_a_few_queries(
    django_assert_max_num_queries, engineer, levels
):
    client = client_for(engineer)
    with django_assert_max_num_queries(5):  # session, user, profile, behaviours, roles-free
        response = client.get(DIALOG, **HTMX)
    html = response.content.decode()
    assert response.status_code == 200
    assert "<html" not in html and "site-header" not in html
    assert 'id="quick-add"' in html and 'name="where" value="dialog"' in html
    assert "data-close-dialog" in html and 'id="quick-add-heading"' in html
    assert html.count('name="behaviours"') == sum(len(b) for _, b in behaviour_choices(levels[2]))


def test_dialog_url_opened_as_a_page_goes_to_the_form_on_this_week(engineer):
    response = client_for(engineer).get(DIALOG)
    assert response.status_code == 302 and response.url == WEEK + "#quick-add"


def test_logging_from_the_dialog_says_what_was_logged_beside_the_button(
    django_assert_max_num_queries, engineer, levels
):
    scope, mentoring = levels[2].behaviours.order_by("rank")
    client = client_for(engineer)
    post(client, "dialog")  # the first of a run remembers the sharing choice
    with django_assert_max_num_queries(18):
        response = post(client, "dialog", behaviours=[scope.pk, mentoring.pk])
    html = response.content.decode()
    entry = Entry.objects.filter(author=engineer).latest("pk")
    assert set(entry.behaviours.all()) == {scope, mentoring}
    assert status_of(html).startswith(
        "Logged “Ran the failover dry run” for the week of 23 November, shared with your mentors."
    )
    assert reverse("evidence:edit", args=[entry.pk]) in status_of(html)
    assert 'hx-swap-oob="innerHTML"' in html  # the live region stays; only its words change
    # A fresh form for the next win, the title focused; nothing else on the page changes.
    assert 'name="title" value=' not in html and "autofocus" in html
    assert "#this-week-list" not in html and "behaviour-counts" not in html


def test_logging_on_this_week_adds_the_card_and_counts_and_says_so_by_the_form(engineer, levels):
    html = post(client_for(engineer), "week", visibility=Visibility.PRIVATE).content.decode()
    assert status_of(html).startswith("Logged “Ran the failover dry run” for the week of")
    assert "kept private" in status_of(html)
    assert 'hx-swap-oob="afterbegin:#this-week-list"' in html and 'id="behaviour-counts"' in html


def test_logging_on_home_adds_the_card_to_home(engineer, levels):
    html = post(client_for(engineer), "home").content.decode()
    assert 'hx-swap-oob="afterbegin:#home-week-list"' in html
    assert "behaviour-counts" not in html


def test_logging_on_home_without_javascript_goes_back_home_and_says_so(engineer, levels):
    client = client_for(engineer)
    response = client.post(
        CREATE,
        {"quick": "1", "where": "home", "title": "Fixed it", "kind": "weekly_win"}
        | {"visibility": Visibility.MENTORS_AND_MANAGERS},
    )
    assert response.status_code == 302 and response.url == HOME
    page = client.get(HOME).content.decode()
    assert (
        "Logged “Fixed it” for the week of 23 November, shared with your mentors and managers."
        in page
    )


def test_an_unknown_place_is_this_week(engineer, levels):
    html = post(client_for(engineer), "<script>").content.decode()
    assert 'name="where" value="week"' in html


def test_a_refused_quick_add_keeps_the_text_and_clears_the_last_confirmation(engineer, levels):
    html = post(client_for(engineer), "dialog", title=" ", body="Half a thought").content.decode()
    assert "Half a thought" in html and status_of(html) == ""
    assert not Entry.objects.exists()


def test_home_has_the_quick_add_for_an_engineer_without_taking_the_focus(engineer, levels):
    html = client_for(engineer).get(HOME).content.decode()
    assert 'id="quick-add"' in html and 'name="where" value="home"' in html
    assert "autofocus" not in html
    assert 'id="home-week-list"' in html


def test_this_week_form_takes_the_focus_and_has_the_status_beside_its_button(engineer, levels):
    html = client_for(engineer).get(WEEK).content.decode()
    form_end = html.index("</form>", html.index('id="quick-add"'))
    assert "autofocus" in html[:form_end]
    assert html.index('id="quick-add-status"') < html.index('id="this-week-heading"')


def test_someone_off_the_ladder_gets_no_picker_says_why_and_still_logs(manager):
    client = client_for(manager)
    for html in (client.get(WEEK).content.decode(), client.get(DIALOG, **HTMX).content.decode()):
        assert OFF_LADDER in html and 'name="behaviours"' not in html
        assert re.search(r"Ask your manager, [^,<]+, or an administrator", html)
    assert 'id="quick-add"' not in client.get(HOME).content.decode()
    html = post(client, "dialog").content.decode()
    assert Entry.objects.filter(author=manager, title="Ran the failover dry run").exists()
    assert status_of(html).startswith("Logged “Ran the failover dry run”")


def test_staff_off_the_ladder_are_sent_to_the_people_page(admin_user):
    html = client_for(admin_user).get(DIALOG, **HTMX).content.decode()
    assert OFF_LADDER in html and f'href="{reverse("people")}"' in html


def test_someone_at_the_top_of_the_ladder_tags_with_their_own_level(engineer, levels):
    person = engineer.person
    person.current_level, person.target_level = levels[2], None
    person.save()
    html = client_for(engineer).get(WEEK).content.decode()
    assert OFF_LADDER not in html and 'name="behaviours"' in html


def test_behaviour_choices_are_one_query_with_the_working_level_first(
    django_assert_num_queries, levels
):
    with django_assert_num_queries(1):
        groups = behaviour_choices(levels[1])
        names = [(level, [b.name for b in bs]) for level, bs in groups]
    assert [level for level, _ in names] == [levels[1].name, levels[0].name, levels[2].name]
    assert all(len(bs) == 2 for _, bs in names)


def test_the_picker_offers_a_filter_and_number_keys_only_with_javascript(engineer, levels):
    html = client_for(engineer).get(WEEK).content.decode()
    assert re.search(r'<div class="picker-filter" data-picker-filter hidden>', html)
    assert '<label for="behaviour-filter">' in html and 'id="behaviour-filter"' in html


def test_logged_message_names_the_week_and_the_sharing(engineer):
    entry = EntryFactory(
        author=engineer, title="Wrote the RFC", week_of=date(2026, 11, 4), visibility="mentors"
    )
    assert quick_add.logged_message(entry) == (
        "Logged “Wrote the RFC” for the week of 2 November, shared with your mentors."
    )
