"""Notifications: who is told when an entry is shared, by email unless turned off, and the page that lists them."""

from datetime import date

from django.core import mail
from django.urls import reverse

from evidence import services as evidence_services
from evidence.services import EntryData
from promo.models import Notification
from tests.conftest import assert_flat_query_count, client_for


def share(engineer, visibility: str):
    return evidence_services.entry_log(
        author=engineer,
        data=EntryData(
            title="Big launch",
            week_of=date(2026, 11, 23),
            visibility=visibility,
        ),
    )


def test_sharing_an_entry_tells_active_mentors_only(
    django_capture_on_commit_callbacks, engineer, mentor, ended_mentor
):
    with django_capture_on_commit_callbacks(execute=True):
        share(engineer, "mentors")
    assert list(
        Notification.objects.filter(kind="shared").values_list("recipient__username", flat=True)
    ) == ["mentor"]
    assert [m.to for m in mail.outbox] == [["mentor@example.com"]]


def test_a_private_entry_tells_nobody_until_it_is_shared(engineer, mentor):
    entry = share(engineer, "private")
    assert not Notification.objects.filter(kind="shared").exists()
    data = EntryData(title=entry.title, week_of=entry.week_start, visibility="mentors_and_managers")
    evidence_services.entry_update(entry=entry, editor=engineer, expected_version=1, data=data)
    assert Notification.objects.filter(kind="shared", recipient=mentor).count() == 1


def test_email_can_be_turned_off_but_the_notification_stays(
    django_capture_on_commit_callbacks, engineer, mentor
):
    client_for(mentor).post(
        reverse("preferences"), {"default_visibility": "private"}
    )  # email box unticked
    with django_capture_on_commit_callbacks(execute=True):
        share(engineer, "mentors")
    assert Notification.objects.filter(recipient=mentor).exists()
    assert mail.outbox == []


def test_notifications_page_lists_mine_and_marks_them_read(engineer, mentor):
    share(engineer, "mentors")
    client = client_for(mentor)
    html = client.get(reverse("notifications")).content.decode()
    assert "shared “Big launch” with you" in html and 'class="count-badge"' in html
    client.post(reverse("notifications-read"))
    html = client.get(reverse("notifications")).content.decode()
    assert 'class="count-badge"' not in html
    assert "shared “Big launch” with you" in html  # still listed, no longer new
    assert "Big launch" not in client_for(engineer).get(reverse("notifications")).content.decode()


def test_reading_notifications_is_a_post(engineer):
    assert client_for(engineer).get(reverse("notifications-read")).status_code == 405


def test_notifications_page_keeps_a_flat_query_count(
    django_assert_max_num_queries, engineer, mentor
):
    def grow(n: int) -> None:
        for _ in range(n):
            share(engineer, "mentors")

    assert_flat_query_count(
        django_assert_max_num_queries,
        client_for(mentor),
        reverse("notifications"),
        grow=grow,
        bound=8,
    )
