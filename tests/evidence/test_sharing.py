"""A private entry says so where it is shown, and shares with one click (evidence.views.entry_share):
only its author sees the sentence and the button; sharing keeps a revision, tells the mentors and
is in the audit trail; the entry then counts where a mentor can confirm it."""

import pytest
from django.urls import reverse

from evidence.models import Entry, EntryRevision
from promo.models import AuditEvent, Notification, Visibility
from tests.conftest import client_for
from tests.factories import EntryFactory

PRIVATE, MENTORS = Visibility.PRIVATE, Visibility.MENTORS
HTMX = {"HTTP_HX_REQUEST": "true"}
SENTENCE = "Only you can see this, so it cannot count towards readiness as your mentor sees it."


@pytest.fixture
def private(engineer):
    return EntryFactory(author=engineer, visibility=PRIVATE, title="Paired on the outage")


@pytest.mark.parametrize(
    "page", [lambda e: reverse("evidence:week"), lambda e: e.get_absolute_url()]
)
def test_a_private_entry_says_only_you_can_see_it_where_it_is_shown(engineer, private, page):
    html = client_for(engineer).get(page(private)).content.decode()
    assert SENTENCE in html and "{#" not in html and "one-click share" not in html
    assert f'action="{reverse("evidence:share", args=[private.pk])}"' in html


def test_a_shared_entry_says_nothing_of_the_kind(engineer, mentor):
    shared = EntryFactory(author=engineer, visibility=MENTORS)
    assert SENTENCE not in client_for(engineer).get(shared.get_absolute_url()).content.decode()
    assert SENTENCE not in client_for(mentor).get(shared.get_absolute_url()).content.decode()


def test_one_click_shares_with_mentors_keeps_a_revision_and_tells_them(engineer, mentor, private):
    response = client_for(engineer).post(reverse("evidence:share", args=[private.pk]))
    assert response.status_code == 302 and response.url == private.get_absolute_url()
    private.refresh_from_db()
    assert private.visibility == MENTORS and private.version == 2
    assert EntryRevision.objects.filter(entry=private, version=2, editor=engineer).exists()
    assert Notification.objects.filter(
        recipient=mentor, text__contains="shared “Paired on the outage” with you"
    ).exists()
    assert AuditEvent.objects.filter(
        action=AuditEvent.Action.VISIBILITY, detail="private → mentors"
    ).exists()
    assert client_for(mentor).get(private.get_absolute_url()).status_code == 200


def test_with_htmx_the_card_comes_back_shared(engineer, private):
    response = client_for(engineer).post(reverse("evidence:share", args=[private.pk]), **HTMX)
    html = response.content.decode()
    assert response.status_code == 200 and f'id="entry-{private.pk}"' in html
    assert "Shared with your mentors" in html and SENTENCE not in html


def test_sharing_an_entry_already_shared_changes_nothing(engineer, mentor):
    entry = EntryFactory(author=engineer, visibility=Visibility.MENTORS_AND_MANAGERS)
    client_for(engineer).post(reverse("evidence:share", args=[entry.pk]))
    entry.refresh_from_db()
    assert entry.visibility == Visibility.MENTORS_AND_MANAGERS and entry.version == 1
    assert not Notification.objects.filter(recipient=mentor).exists()


@pytest.mark.parametrize("role", ["mentor", "manager", "stranger", "admin_user"])
def test_nobody_else_can_share_it(request, private, role):
    response = client_for(request.getfixturevalue(role)).post(
        reverse("evidence:share", args=[private.pk])
    )
    assert response.status_code == 404
    assert Entry.objects.get(pk=private.pk).visibility == PRIVATE


def test_sharing_takes_a_fixed_number_of_queries(django_assert_max_num_queries, engineer, mentor):
    client = client_for(engineer)
    for _ in range(2):
        entry = EntryFactory(author=engineer, visibility=PRIVATE)
        with django_assert_max_num_queries(20):
            client.post(reverse("evidence:share", args=[entry.pk]), **HTMX)
