"""The evidence inbox on This week: merged pull requests wait as drafts for their author, who
logs each (as is, or after editing) or dismisses it. Drafts are their author's alone and count
for nothing until logged."""

import re
from datetime import UTC, date, datetime

import pytest
from django.http import Http404
from django.urls import reverse

from evidence import drafts
from evidence.models import Draft, Entry
from evidence.services import EntryData
from promo.models import Visibility
from tests.conftest import assert_flat_query_count, client_for
from tests.factories import DraftFactory, EntryFactory, PersonFactory, UserFactory

WEEK = reverse("evidence:week")
HOME = reverse("home")
MERGED = datetime(2026, 11, 10, 16, 30, tzinfo=UTC)  # a Tuesday, two weeks before "today"


def scoped(author, **fields):
    """A draft whose words sound like the Staff level's "Scope" behaviour."""
    fields = {"title": "Widened the scope of the retry worker", "merged_at": MERGED} | fields
    return DraftFactory(author=author, **fields)


def log(user, draft, behaviours=(), htmx=False):
    client = client_for(user)
    data = {"behaviours": [b.pk for b in behaviours]}
    headers = {"HX-Request": "true"} if htmx else {}
    return client.post(reverse("evidence:draft-log", args=[draft.pk]), data, headers=headers)


def test_the_inbox_shows_only_my_waiting_drafts(engineer, stranger):
    mine = scoped(engineer, title="Mine and waiting")
    scoped(engineer, title="Mine and logged", state=Draft.State.LOGGED)
    scoped(engineer, title="Mine and dismissed", state=Draft.State.DISMISSED)
    scoped(stranger, title="Someone else's")

    html = client_for(engineer).get(WEEK).content.decode()

    assert 'id="inbox"' in html
    assert "Mine and waiting" in html and mine.url in html
    assert "acme/payments" in html and "Merged 10 Nov 2026" in html
    for hidden in ("Mine and logged", "Mine and dismissed", "Someone else's"):
        assert hidden not in html


def test_no_waiting_drafts_no_inbox(engineer):
    assert 'id="inbox"' not in client_for(engineer).get(WEEK).content.decode()


def test_suggested_behaviours_are_ticked_in_the_inbox(engineer, levels):
    draft = scoped(engineer)
    scope = levels[2].behaviours.get(slug="scope")

    html = client_for(engineer).get(WEEK).content.decode()

    inbox = html[html.index(f'id="draft-{draft.pk}"') :]
    assert re.search(rf'value="{scope.pk}" checked> Scope at Staff', inbox)


def test_logging_a_draft_makes_an_entry_that_links_the_pull_request(engineer, levels):
    draft = scoped(engineer, body="Retries now back off.")
    scope = levels[2].behaviours.get(slug="scope")
    engineer.person.default_visibility = Visibility.MENTORS
    engineer.person.save()

    response = log(engineer, draft, behaviours=[scope])

    assert response.status_code == 302 and response.url == WEEK + "#inbox"
    entry = Entry.objects.get()
    assert (entry.author, entry.title, entry.body) == (engineer, draft.title, draft.body)
    assert entry.week_start == date(2026, 11, 9) and entry.shipped_on == date(2026, 11, 10)
    assert list(entry.behaviours.all()) == [scope]
    assert entry.visibility == Visibility.MENTORS  # the person's default sharing
    assert [(link.url, link.label) for link in entry.links.all()] == [
        (draft.url, f"acme/payments#{draft.number}")
    ]
    draft.refresh_from_db()
    assert (draft.state, draft.entry, draft.decided_at is not None) == ("logged", entry, True)
    assert 'id="inbox"' not in client_for(engineer).get(WEEK).content.decode()


def test_unticking_every_behaviour_logs_it_untagged(engineer, levels):
    draft = scoped(engineer)

    log(engineer, draft, behaviours=[])

    assert not Entry.objects.get().behaviours.exists()


def test_logging_with_htmx_swaps_the_draft_for_what_was_done(engineer):
    draft = scoped(engineer)

    response = log(engineer, draft, htmx=True)

    html = response.content.decode()
    assert response.status_code == 200
    assert f'id="draft-{draft.pk}"' in html and "data-draft-done" in html
    assert f"Logged “{draft.title}” in the week of 9 November." in html
    assert Entry.objects.get().get_absolute_url() in html


def test_a_behaviour_gone_from_the_ladder_is_refused_in_words(engineer):
    draft = scoped(engineer)

    response = client_for(engineer).post(
        reverse("evidence:draft-log", args=[draft.pk]), {"behaviours": ["999999"]}, follow=True
    )

    assert "no longer on the ladder" in response.content.decode()
    assert not Entry.objects.exists()
    draft.refresh_from_db()
    assert draft.state == Draft.State.WAITING


def test_dismissing_a_draft_offers_an_undo(engineer):
    draft = scoped(engineer)
    client = client_for(engineer)

    response = client.post(reverse("evidence:draft-dismiss", args=[draft.pk]))

    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.state == Draft.State.DISMISSED and not Entry.objects.exists()
    page = client.get(response.url).content.decode()
    assert f"Dismissed “{draft.title}”." in page
    assert reverse("evidence:draft-restore", args=[draft.pk]) in page

    client.post(reverse("evidence:draft-restore", args=[draft.pk]))

    draft.refresh_from_db()
    assert draft.state == Draft.State.WAITING and draft.decided_at is None


def test_dismissing_with_htmx_swaps_in_an_undo_that_brings_the_draft_back(engineer):
    draft = scoped(engineer)
    client = client_for(engineer)
    htmx = {"HX-Request": "true"}

    dismissed = client.post(reverse("evidence:draft-dismiss", args=[draft.pk]), headers=htmx)
    undone = client.post(reverse("evidence:draft-restore", args=[draft.pk]), headers=htmx)

    assert f"Dismissed “{draft.title}”." in dismissed.content.decode()
    assert "data-draft-log" in undone.content.decode()  # the draft, ready to log again
    draft.refresh_from_db()
    assert draft.state == Draft.State.WAITING


def test_edit_first_opens_the_full_form_filled_from_the_draft(engineer, levels):
    draft = scoped(engineer, body="Retries now back off.")
    scope = levels[2].behaviours.get(slug="scope")

    html = client_for(engineer).get(reverse("evidence:create") + f"?draft={draft.pk}").content
    html = html.decode()

    assert f'value="{draft.title}"' in html
    assert "Retries now back off." in html
    assert f'name="draft" value="{draft.pk}"' in html
    assert 'value="2026-11-10"' in html  # the week of, and the day it shipped: the merge
    assert f"{draft.url} acme/payments#{draft.number}" in html
    assert re.search(rf'value="{scope.pk}"[^>]*checked', html)


def test_saving_the_edited_draft_logs_it_and_keeps_the_pull_request_link(engineer):
    draft = scoped(engineer)
    client = client_for(engineer)

    response = client.post(
        reverse("evidence:create"),
        {
            "draft": draft.pk,
            "title": "Made retries gentle on the payments API",
            "kind": "weekly_win",
            "week_of": "2026-11-10",
            "visibility": Visibility.PRIVATE,
            "links": "https://docs.example.com/retries Design doc",
        },
    )

    entry = Entry.objects.get()
    assert response.status_code == 302 and response.url == entry.get_absolute_url()
    assert entry.title == "Made retries gentle on the payments API"
    assert [link.url for link in entry.links.all()] == [
        draft.url,
        "https://docs.example.com/retries",
    ]
    draft.refresh_from_db()
    assert draft.state == Draft.State.LOGGED and draft.entry == entry


@pytest.mark.parametrize("state", ["someone else's", Draft.State.LOGGED, Draft.State.DISMISSED])
def test_a_draft_that_is_not_my_waiting_one_is_not_found(engineer, stranger, state):
    theirs = state == "someone else's"
    draft = scoped(stranger) if theirs else scoped(engineer, state=state)
    client = client_for(engineer)

    answers = [
        client.post(reverse("evidence:draft-log", args=[draft.pk])).status_code,
        client.post(reverse("evidence:draft-dismiss", args=[draft.pk])).status_code,
        client.get(reverse("evidence:create") + f"?draft={draft.pk}").status_code,
    ]

    assert answers == [404, 404, 404]
    assert not Entry.objects.exists()
    draft.refresh_from_db()
    assert draft.state == ("waiting" if theirs else state)


def test_only_my_own_dismissed_draft_can_be_brought_back(engineer, stranger):
    theirs = scoped(stranger, state=Draft.State.DISMISSED)

    response = client_for(engineer).post(reverse("evidence:draft-restore", args=[theirs.pk]))

    assert response.status_code == 404
    theirs.refresh_from_db()
    assert theirs.state == Draft.State.DISMISSED


def test_the_services_refuse_someone_elses_draft(engineer, stranger):
    draft = scoped(stranger)
    data = EntryData(title="Not mine", week_of=date(2026, 11, 10))

    with pytest.raises(Http404):
        drafts.log_draft(draft=draft, by=engineer, data=data)
    with pytest.raises(Http404):
        drafts.dismiss_draft(draft=draft, by=engineer)
    assert not Entry.objects.exists()


def test_a_draft_counts_for_nothing_until_it_is_logged(engineer, manager, levels):
    scope = levels[2].behaviours.get(slug="scope")
    draft = scoped(engineer)

    week = client_for(engineer).get(WEEK).content.decode()
    counts = week[week.index('id="behaviour-counts"') :]
    assert "Scope at Staff" not in counts
    shared = client_for(manager).get(reverse("evidence:person", args=["engineer"]))
    assert draft.title not in shared.content.decode()

    log(engineer, draft, behaviours=[scope])

    week = client_for(engineer).get(WEEK).content.decode()
    assert "Scope at Staff" in week[week.index('id="behaviour-counts"') :]


def test_home_says_how_many_merged_pull_requests_wait(engineer):
    scoped(engineer)
    scoped(engineer)

    html = client_for(engineer).get(HOME).content.decode()

    need = re.search(r'<li class="need" id="need-drafts">(.*?)</li>', html, re.S)
    assert need, "no drafts need on home"
    words = " ".join(re.sub(r"<[^>]+>", " ", need.group(1)).split())
    assert "2 merged pull requests are waiting to be logged" in words
    assert f'href="{WEEK}#inbox"' in need.group(1)


def test_this_week_with_drafts_costs_the_same_however_many_wait(
    engineer, levels, django_assert_max_num_queries
):
    EntryFactory(author=engineer, behaviours=(levels[2].behaviours.first(),))

    def grow(n):
        for _ in range(n):
            scoped(engineer)

    assert_flat_query_count(
        django_assert_max_num_queries, client_for(engineer), WEEK, grow=grow, bound=30
    )


def test_the_inbox_shows_a_page_of_drafts_and_says_how_many_more_wait(engineer):
    for _ in range(drafts.INBOX_MAX + 3):
        scoped(engineer)

    html = client_for(engineer).get(WEEK).content.decode()

    assert html.count("data-draft-log") == drafts.INBOX_MAX
    assert f"{drafts.INBOX_MAX} of {drafts.INBOX_MAX + 3} shown" in html


def test_a_person_sets_their_forge_username_on_the_preferences_page(engineer):
    client = client_for(engineer)
    data = {"default_visibility": Visibility.PRIVATE, "forge_username": " amara-o "}

    assert client.post(reverse("preferences"), data).status_code == 302

    engineer.person.refresh_from_db()
    assert engineer.person.forge_username == "amara-o"


def test_a_forge_username_someone_else_has_is_refused(engineer):
    PersonFactory(user=UserFactory(username="other"), forge_username="Amara-O")
    data = {"default_visibility": Visibility.PRIVATE, "forge_username": "amara-o"}

    response = client_for(engineer).post(reverse("preferences"), data)

    assert response.status_code == 400
    assert "Someone else here already has that forge username" in response.content.decode()


def test_logging_dismissing_and_restoring_cost_the_same_however_much_there_is(
    engineer, levels, django_assert_max_num_queries
):
    """Each action touches one draft: its cost does not grow with the other drafts waiting or
    the entries already logged (htmx, so the answer is the swapped-in line)."""
    scope = levels[2].behaviours.get(slug="scope")
    client = client_for(engineer)
    htmx = {"HX-Request": "true"}

    def act(draft):
        url = reverse("evidence:draft-log", args=[draft.pk])
        with django_assert_max_num_queries(20):
            response = client.post(url, {"behaviours": [scope.pk]}, headers=htmx)
            assert response.status_code == 200
        other = scoped(engineer)
        with django_assert_max_num_queries(12):
            url = reverse("evidence:draft-dismiss", args=[other.pk])
            assert client.post(url, headers=htmx).status_code == 200
        with django_assert_max_num_queries(12):
            url = reverse("evidence:draft-restore", args=[other.pk])
            assert client.post(url, headers=htmx).status_code == 200

    act(scoped(engineer))
    for _ in range(20):
        scoped(engineer)
        EntryFactory(author=engineer, behaviours=(scope,))
    act(scoped(engineer))
