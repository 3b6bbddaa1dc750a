"""Who may reach which evidence page: owner, mentor, manager, stranger, anonymous.

A viewer with no right to an entry gets 404, never 403, and a refused request changes nothing.
"""

import pytest
from django.urls import reverse

from evidence import selectors
from evidence.models import Entry
from promo import access
from promo.models import Visibility
from tests.conftest import client_for
from tests.factories import EntryFactory, MentorshipFactory, PersonFactory, UserFactory

PRIVATE, MENTORS, BOTH = Visibility.PRIVATE, Visibility.MENTORS, Visibility.MENTORS_AND_MANAGERS

# Who sees an entry's detail page, by the entry's visibility.
SEES_DETAIL = {
    "engineer": {PRIVATE, MENTORS, BOTH},
    "mentor": {MENTORS, BOTH},
    "manager": {BOTH},
    "skip_manager": {BOTH},
    "ended_mentor": set(),
    "stranger": set(),
    "admin_user": set(),
}


@pytest.mark.parametrize("role", SEES_DETAIL)
@pytest.mark.parametrize("visibility", Visibility.values)
def test_entry_detail_follows_the_privacy_model(request, entries, role, visibility):
    viewer = request.getfixturevalue(role)
    response = client_for(viewer).get(entries[visibility].get_absolute_url())
    assert response.status_code == (200 if visibility in SEES_DETAIL[role] else 404)


@pytest.mark.parametrize("visibility", Visibility.values)
def test_anonymous_is_sent_to_sign_in_from_an_entry(client, entries, visibility):
    response = client.get(entries[visibility].get_absolute_url())
    assert response.status_code == 302 and response.url.startswith(reverse("login"))


def owner_only_requests(entry: Entry) -> list[tuple[str, str, dict]]:
    return [
        ("get", reverse("evidence:edit", args=[entry.pk]), {}),
        ("post", reverse("evidence:edit", args=[entry.pk]), {"title": "Hijacked", "version": 1}),
        ("post", reverse("evidence:delete", args=[entry.pk]), {}),
        ("post", reverse("evidence:restore", args=[entry.pk]), {}),
        ("post", reverse("evidence:record-impact", args=[entry.pk]), {"impact_measured": "x"}),
    ]


@pytest.mark.parametrize(
    "role", ["mentor", "manager", "skip_manager", "ended_mentor", "stranger", "admin_user"]
)
def test_only_the_author_can_change_an_entry_even_one_shared_with_them(request, entries, role):
    entry = entries[BOTH]
    client = client_for(request.getfixturevalue(role))
    for method, url, data in owner_only_requests(entry):
        assert getattr(client, method)(url, data).status_code == 404, (method, url)
    entry.refresh_from_db()
    assert (entry.title, entry.version, entry.deleted_at, entry.impact_measured) == (
        "mentors_and_managers entry",
        1,
        None,
        "",
    )


def test_anonymous_cannot_change_an_entry(client, entries):
    entry = entries[BOTH]
    for method, url, data in owner_only_requests(entry):
        response = getattr(client, method)(url, data)
        assert response.status_code == 302 and response.url.startswith(reverse("login"))
    entry.refresh_from_db()
    assert entry.version == 1 and entry.deleted_at is None


@pytest.mark.parametrize(
    ("role", "titles"),
    [
        ("engineer", {"private entry", "mentors entry", "mentors_and_managers entry"}),
        ("mentor", {"mentors entry", "mentors_and_managers entry"}),
        ("manager", {"mentors_and_managers entry"}),
        ("skip_manager", {"mentors_and_managers entry"}),
    ],
)
def test_person_page_shows_only_what_the_viewer_may_see(request, entries, role, titles):
    response = client_for(request.getfixturevalue(role)).get(
        reverse("evidence:person", args=["engineer"])
    )
    assert response.status_code == 200
    shown = {title for title in (e.title for e in entries.values()) if title in response.text}
    assert shown == titles


@pytest.mark.parametrize("role", ["ended_mentor", "stranger", "admin_user"])
def test_person_page_is_not_found_for_anyone_unrelated(request, entries, role):
    response = client_for(request.getfixturevalue(role)).get(
        reverse("evidence:person", args=["engineer"])
    )
    assert response.status_code == 404


def test_person_page_for_an_unknown_username_is_404(engineer):
    assert client_for(engineer).get(reverse("evidence:person", args=["nobody"])).status_code == 404


OWN_PAGES = ["week", "search", "impact", "trash", "import", "export-md", "export-json", "create"]


@pytest.mark.parametrize("name", OWN_PAGES)
def test_anonymous_is_sent_to_sign_in_from_every_evidence_page(client, db, name):
    response = client.get(reverse(f"evidence:{name}"))
    assert response.status_code == 302 and response.url.startswith(reverse("login"))


@pytest.mark.parametrize("role", ["mentor", "manager", "stranger"])
@pytest.mark.parametrize("name", ["week", "impact", "trash", "export-md", "export-json"])
def test_own_pages_never_show_another_persons_entries(request, entries, role, name):
    response = client_for(request.getfixturevalue(role)).get(reverse(f"evidence:{name}"))
    assert response.status_code == 200
    body = response.content.decode()
    assert not any(entry.title in body for entry in entries.values())


@pytest.mark.parametrize("role", ["mentor", "manager", "stranger", "ended_mentor"])
def test_search_shows_others_only_what_they_shared_with_the_viewer(request, entries, role):
    viewer = request.getfixturevalue(role)
    response = client_for(viewer).get(reverse("evidence:search"), {"q": "entry"})
    body = response.content.decode()
    for visibility, entry in entries.items():
        assert (entry.title in body) == (visibility in SEES_DETAIL.get(role, set()))


def test_trashed_entries_disappear_for_everyone_but_the_owners_trash(entries, engineer, manager):
    entry = entries[BOTH]
    client_for(engineer).post(reverse("evidence:delete", args=[entry.pk]))
    assert client_for(manager).get(entry.get_absolute_url()).status_code == 404
    assert client_for(engineer).get(entry.get_absolute_url()).status_code == 404
    assert entry.title in client_for(engineer).get(reverse("evidence:trash")).content.decode()


def test_list_rule_and_single_entry_rule_agree_for_every_viewer_and_entry(
    engineer, mentor, manager, skip_manager, ended_mentor, stranger, admin_user, levels
):
    """visibility_q (lists, counts, search) and may_see (one entry) must never disagree."""
    other = PersonFactory(user=UserFactory(username="other"), manager=manager.person).user
    MentorshipFactory(engineer=other, mentor=stranger)
    cast = [engineer, mentor, manager, skip_manager, ended_mentor, stranger, admin_user, other]
    made = [
        EntryFactory(author=author, visibility=visibility)
        for author in cast
        for visibility in Visibility.values
    ]
    for viewer in cast:
        listed = set(selectors.entries_visible_to(viewer).values_list("pk", flat=True))
        allowed = {e.pk for e in made if access.may_see(viewer, e.author, e.visibility)}
        assert listed == allowed, viewer.username
