"""The API's behaviour: what a person does weekly, through a token, as the pages do it."""

import json
from datetime import date, timedelta

import pytest
from django.urls import reverse

from evidence import forms as evidence_forms
from evidence.forms import (
    LINK_BAD,
    TITLE_REQUIRED,
    TITLE_TOO_LONG,
    WEEK_IN_FUTURE,
    EntryForm,
)
from evidence.models import TITLE_MAX, Draft, Entry
from promo.api import TOO_BIG
from promo.models import Visibility, display_name
from tests.api.conftest import ApiClient
from tests.conftest import client_for
from tests.factories import (
    DraftFactory,
    EntryFactory,
    PersonFactory,
    UserFactory,
    api_token_for,
    feedback_for,
)

WEEK = date(2026, 11, 23)  # the frozen test date's week


def form_errors(**data) -> dict[str, list[str]]:
    """What the entry form says about the same input, field by field."""
    form = EntryForm({"kind": "weekly_win", "visibility": "private", **data})
    assert not form.is_valid()
    return {field: list(messages) for field, messages in form.errors.items()}


# --- me ---------------------------------------------------------------------------------------


def test_me_names_the_person_their_levels_and_what_they_can_tag(api, engineer, levels):
    body = api.get("/api/me").json()
    assert body["username"] == "engineer"
    assert body["name"] == display_name(engineer)
    assert body["level"] == {"slug": "senior", "name": "Senior"}
    assert body["target_level"] == {"slug": "staff", "name": "Staff"}
    assert body["behaviours"] == [
        {"slug": "scope", "name": "Scope at Staff"},
        {"slug": "mentoring", "name": "Mentoring at Staff"},
    ]


def test_someone_off_the_ladder_has_no_levels_and_nothing_to_tag(db):
    user = PersonFactory(user=UserFactory(username="newcomer")).user
    body = ApiClient(api_token_for(user).secret).get("/api/me").json()
    assert body["level"] is None and body["target_level"] is None and body["behaviours"] == []


# --- logging an entry -------------------------------------------------------------------------


def test_an_entry_logged_with_behaviours_sharing_and_links_shows_on_the_persons_page(
    api, engineer, mentor
):
    response = api.post(
        "/api/entries",
        {
            "title": "Unblocked the refunds migration",
            "body": "Paired with Sam on the lock.",
            "behaviours": ["scope", "mentoring"],
            "share": "mentors",
            "links": ["https://docs.example.com/refunds"],
            "impact": "Refunds ship a week early.",
            "shipped_on": "2026-11-20",
        },
    )
    assert response.status_code == 201
    body = response.json()
    entry = Entry.objects.get(pk=body["id"])
    assert body["week_of"] == WEEK.isoformat()
    assert body["behaviours"] == ["scope", "mentoring"]
    assert body["share"] == "mentors"
    assert body["links"] == ["https://docs.example.com/refunds"]
    assert body["url"] == f"http://testserver{entry.get_absolute_url()}"
    assert {b.level.slug for b in entry.behaviours.all()} == {"staff"}
    page = client_for(mentor).get(reverse("evidence:person", args=["engineer"]))
    assert "Unblocked the refunds migration" in page.content.decode()


def test_an_entry_without_sharing_is_shared_as_the_person_prefers(api, engineer):
    engineer.person.default_visibility = Visibility.MENTORS_AND_MANAGERS
    engineer.person.save()
    body = api.post("/api/entries", {"title": "Wrote the vision doc"}).json()
    assert body["share"] == "mentors_and_managers"
    assert body["kind"] == "weekly_win"


def test_a_missing_title_is_refused_with_the_forms_sentence(api):
    response = api.post("/api/entries", {"body": "No title"})
    assert response.status_code == 422
    assert response.json()["errors"] == {"title": [TITLE_REQUIRED]} == form_errors(title="")
    assert not Entry.objects.exists()


@pytest.mark.parametrize(
    ("sent", "form_data", "field", "message"),
    [
        (
            {"title": "x" * (TITLE_MAX + 1)},
            {"title": "x" * (TITLE_MAX + 1)},
            "title",
            TITLE_TOO_LONG.format(n=TITLE_MAX + 1, limit=TITLE_MAX),
        ),
        (
            {"title": "Later", "week_of": "2027-03-01"},
            {"title": "Later", "week_of": "2027-03-01"},
            "week_of",
            WEEK_IN_FUTURE,
        ),
        (
            {"title": "Doc", "links": ["ftp://example.com/doc"]},
            {"title": "Doc", "links": "ftp://example.com/doc"},
            "links",
            LINK_BAD.format(line=1, text="ftp://example.com/doc"),
        ),
        (
            {"title": "Kind", "kind": "novel"},
            {"title": "Kind", "kind": "novel"},
            "kind",
            evidence_forms.KIND_UNKNOWN % {"value": "novel"},
        ),
        (
            {"title": "Shared", "share": "everyone"},
            {"title": "Shared", "visibility": "everyone"},
            "share",
            evidence_forms.SHARE_UNKNOWN % {"value": "everyone"},
        ),
    ],
    ids=["title-too-long", "week-in-future", "link-not-web", "kind", "share"],
)
def test_refusals_say_what_the_entry_form_says(api, sent, form_data, field, message):
    response = api.post("/api/entries", sent)
    assert response.status_code == 422
    body = response.json()
    assert body["errors"][field] == [message]
    form_field = "visibility" if field == "share" else field
    assert form_errors(**form_data)[form_field] == [message]
    assert body["detail"]


def test_a_behaviour_not_of_the_working_level_is_refused_by_name(api, levels):
    response = api.post("/api/entries", {"title": "Tagged", "behaviours": ["scope", "poetry"]})
    assert response.status_code == 422
    assert response.json()["errors"] == {
        "behaviours": [evidence_forms.BEHAVIOUR_UNKNOWN % {"value": "poetry"}]
    }


def test_a_link_with_a_space_is_refused_not_split_into_address_and_label(api):
    response = api.post("/api/entries", {"title": "Doc", "links": ["https://a.example Design"]})
    assert response.status_code == 422
    assert response.json()["errors"]["links"] == [
        LINK_BAD.format(line=1, text="https://a.example Design")
    ]


def test_a_body_that_is_not_json_gets_a_sentence(api):
    response = api.client.post(
        "/api/entries", "{not json", content_type="application/json", headers=api.headers
    )
    assert response.status_code == 400
    assert "not JSON" in response.json()["detail"]


def test_a_body_over_the_upload_limit_gets_a_sentence_not_an_html_page(api, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 10_000
    body = json.dumps({"title": "Huge", "body": "y" * 20_000})
    response = api.client.post(
        "/api/entries", body, content_type="application/json", headers=api.headers
    )
    assert response.status_code == 413
    assert response.json()["detail"] == TOO_BIG.format(limit=10_000)
    assert not Entry.objects.filter(title="Huge").exists()


def test_a_wrongly_typed_field_is_named(api):
    response = api.post("/api/entries", {"title": "Typed", "behaviours": "scope"})
    assert response.status_code == 422
    assert list(response.json()["errors"]) == ["behaviours"]


# --- reading entries --------------------------------------------------------------------------


def test_my_entries_are_listed_newest_first_and_paged(api, engineer, stranger):
    for weeks_ago in (3, 1, 2):
        EntryFactory(
            author=engineer,
            title=f"{weeks_ago} weeks ago",
            week_of=WEEK - timedelta(weeks=weeks_ago),
        )
    EntryFactory(author=stranger, title="Not mine")
    body = api.get("/api/entries", limit=2).json()
    assert body["count"] == 3
    assert [e["title"] for e in body["items"]] == ["1 weeks ago", "2 weeks ago"]
    rest = api.get("/api/entries", limit=2, offset=2).json()
    assert [e["title"] for e in rest["items"]] == ["3 weeks ago"]


def test_a_page_bigger_than_the_limit_is_refused(api):
    response = api.get("/api/entries", limit=101)
    assert response.status_code == 422
    assert list(response.json()["errors"]) == ["limit"]


def test_one_of_my_entries_reads_whole(api, entries):
    entry = entries[Visibility.MENTORS]
    body = api.get(f"/api/entries/{entry.pk}").json()
    assert body["title"] == "mentors entry"
    assert body["behaviours"] == ["scope"]


def test_another_persons_entry_is_not_found_even_when_shared_with_me(db, entries, mentor):
    shared = entries[Visibility.MENTORS]
    client = ApiClient(api_token_for(mentor).secret)
    response = client.get(f"/api/entries/{shared.pk}")
    assert response.status_code == 404
    assert response.json() == {"detail": "No such entry."}
    assert client.get("/api/entries").json()["count"] == 0


def test_a_trashed_entry_is_not_found(api, engineer):
    from evidence import services

    entry = EntryFactory(author=engineer)
    services.entry_trash(entry=entry)
    assert api.get(f"/api/entries/{entry.pk}").status_code == 404


def test_the_entry_list_costs_the_same_queries_for_many_entries(
    api, engineer, django_assert_max_num_queries
):
    for n in range(3):
        EntryFactory(author=engineer, title=f"Few {n}")
    with django_assert_max_num_queries(19):
        assert api.get("/api/entries").status_code == 200
    for n in range(30):
        EntryFactory(author=engineer, title=f"Many {n}")
    with django_assert_max_num_queries(19):
        assert len(api.get("/api/entries", limit=100).json()["items"]) == 33


# --- readiness --------------------------------------------------------------------------------


def test_readiness_is_what_my_readiness_page_shows(api, engineer, mentor, levels):
    scope = levels[2].behaviours.get(slug="scope")
    entry = EntryFactory(
        author=engineer,
        visibility=Visibility.MENTORS,
        behaviours=(scope,),
        shipped_on=date(2026, 1, 5),
        impact_measured="p99 halved",
        week_of=date(2026, 1, 5),
    )
    feedback_for(entry, mentor)
    page = client_for(engineer).get(reverse("reviews:readiness", args=["engineer"]))
    body = api.get("/api/readiness").json()
    assert body["as_of"] == "2026-11-24"
    assert body["status"] == page.context["status"]
    assert body["status_label"] == page.context["status_label"]
    assert body["reasons"] == list(page.context["assessment"].readiness.reasons)
    rows = page.context["rows"]
    assert [b["slug"] for b in body["behaviours"]] == [r["behaviour"].slug for r in rows]
    assert [b["status"] for b in body["behaviours"]] == [r["result"].status for r in rows]
    assert [b["consistency"] for b in body["behaviours"]] == [r["result"].consistency for r in rows]
    assert body["behaviours"][0]["last_demonstrated"] == "2026-01-01"


def test_readiness_with_no_target_level_says_so(db):
    user = PersonFactory(user=UserFactory(username="newcomer")).user
    body = ApiClient(api_token_for(user).secret).get("/api/readiness").json()
    assert body["behaviours"] == []
    assert body["summary"]


# --- drafts -----------------------------------------------------------------------------------


def test_waiting_drafts_are_listed_with_suggested_behaviours(api, engineer, levels):
    DraftFactory(author=engineer, title="Scope the payments roadmap", state=Draft.State.WAITING)
    DraftFactory(author=engineer, state=Draft.State.DISMISSED)
    DraftFactory(title="Someone else's")
    body = api.get("/api/drafts").json()
    assert body["count"] == 1
    (item,) = body["items"]
    assert item["title"] == "Scope the payments roadmap"
    assert item["repository"] == "acme/payments"
    assert "scope" in item["suggested"]


def test_a_draft_logged_becomes_an_entry_linking_the_pull_request(api, engineer, mentor):
    draft = DraftFactory(author=engineer)
    response = api.post(
        f"/api/drafts/{draft.pk}/log",
        {"title": "Retried webhooks", "behaviours": ["scope"], "share": "mentors"},
    )
    assert response.status_code == 201
    body = response.json()
    assert body["title"] == "Retried webhooks"
    assert body["links"] == [draft.url]
    assert body["behaviours"] == ["scope"] and body["share"] == "mentors"
    draft.refresh_from_db()
    assert draft.state == Draft.State.LOGGED and draft.entry_id == body["id"]
    assert api.get("/api/drafts").json()["count"] == 0
    assert api.post(f"/api/drafts/{draft.pk}/log").status_code == 404


def test_a_draft_logged_as_it_is_keeps_its_title(api, engineer):
    draft = DraftFactory(author=engineer)
    body = api.post(f"/api/drafts/{draft.pk}/log").json()
    assert body["title"] == draft.title and body["behaviours"] == []


def test_a_draft_logged_with_an_empty_title_is_refused_like_the_form(api, engineer):
    draft = DraftFactory(author=engineer)
    response = api.post(f"/api/drafts/{draft.pk}/log", {"title": " "})
    assert response.status_code == 422
    assert response.json()["errors"] == {"title": [TITLE_REQUIRED]}
    draft.refresh_from_db()
    assert draft.state == Draft.State.WAITING


def test_a_dismissed_draft_leaves_the_list(api, engineer):
    draft = DraftFactory(author=engineer)
    response = api.post(f"/api/drafts/{draft.pk}/dismiss")
    assert response.status_code == 204
    draft.refresh_from_db()
    assert draft.state == Draft.State.DISMISSED
    assert api.post(f"/api/drafts/{draft.pk}/dismiss").status_code == 404


def test_another_persons_draft_is_not_found(api, stranger):
    draft = DraftFactory(author=stranger)
    assert api.post(f"/api/drafts/{draft.pk}/log").status_code == 404
    assert api.post(f"/api/drafts/{draft.pk}/dismiss").status_code == 404
    draft.refresh_from_db()
    assert draft.state == Draft.State.WAITING


def test_the_draft_list_costs_the_same_queries_for_many_drafts(
    api, engineer, django_assert_max_num_queries
):
    DraftFactory.create_batch(2, author=engineer)
    with django_assert_max_num_queries(19):
        assert api.get("/api/drafts").status_code == 200
    DraftFactory.create_batch(20, author=engineer)
    with django_assert_max_num_queries(19):
        assert api.get("/api/drafts").json()["count"] == 22


# --- suggestions ------------------------------------------------------------------------------


def test_suggestions_name_behaviours_of_my_working_level(api, levels):
    body = api.get("/api/suggestions", text="Mentoring two new hires").json()
    assert body["behaviours"][0] == {"slug": "mentoring", "name": "Mentoring at Staff"}


def test_no_words_no_suggestions(api):
    assert api.get("/api/suggestions", text="  ").json() == {"behaviours": []}
