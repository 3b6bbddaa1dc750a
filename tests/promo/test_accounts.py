"""Signing in and out, the sign-in lock-out, changing and resetting a password."""

import re
from datetime import timedelta

import pytest
import time_machine
from django.core import mail
from django.test import Client, override_settings
from django.urls import reverse
from django.utils import timezone

from promo.forms import RESET_WINDOW_MINUTES, RESETS_PER_WINDOW
from promo.models import AuditEvent
from tests.factories import PASSWORD, UserFactory
from tests.support import audit_actions, sign_in

Action = AuditEvent.Action


@pytest.fixture
def user(db):
    return UserFactory(username="amara", email="amara@example.com")


def test_sign_in_takes_you_home(client, user):
    response = client.post(reverse("login"), {"username": "amara", "password": PASSWORD})
    assert response.status_code == 302 and response.url == reverse("home")
    assert client.get(reverse("home")).status_code == 200


def test_sign_in_returns_to_the_page_you_asked_for(client, user):
    response = client.post(
        reverse("login"), {"username": "amara", "password": PASSWORD, "next": reverse("ladder")}
    )
    assert response.url == reverse("ladder")


def test_wrong_password_shows_a_clear_error_and_keeps_you_out(client, user):
    response = client.post(reverse("login"), {"username": "amara", "password": "nope"})
    assert response.status_code == 200
    assert "Please enter a correct username and password" in response.content.decode()
    assert client.get(reverse("home")).status_code == 302


def test_inactive_user_cannot_sign_in(client, user):
    user.is_active = False
    user.save()
    response = client.post(reverse("login"), {"username": "amara", "password": PASSWORD})
    assert response.status_code == 200
    assert "_auth_user_id" not in client.session


def test_anonymous_visitor_is_sent_to_sign_in(client, db):
    response = client.get(reverse("home"))
    assert response.status_code == 302
    assert response.url == f"{reverse('login')}?next=/"


def test_sign_out_is_a_post_and_ends_the_session(client, user):
    client.force_login(user)
    assert client.get(reverse("logout")).status_code == 405
    response = client.post(reverse("logout"))
    assert response.status_code == 302
    assert client.get(reverse("home")).status_code == 302


def test_change_password(client, user):
    client.force_login(user)
    response = client.post(
        reverse("password_change"),
        {
            "old_password": PASSWORD,
            "new_password1": "plum tree 77 lantern",
            "new_password2": "plum tree 77 lantern",
        },
    )
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.check_password("plum tree 77 lantern")


def test_change_password_with_a_wrong_old_password_keeps_the_old_one(client, user):
    client.force_login(user)
    response = client.post(
        reverse("password_change"),
        {
            "old_password": "wrong",
            "new_password1": "plum tree 77 lantern",
            "new_password2": "plum tree 77 lantern",
        },
    )
    assert "Your old password was entered incorrectly" in response.content.decode()
    user.refresh_from_db()
    assert user.check_password(PASSWORD)


def test_reset_password_by_email_link(client, user):
    response = client.post(reverse("password_reset"), {"email": "amara@example.com"})
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    body = mail.outbox[0].body
    assert "Your username is amara" in body
    link = re.search(r"https?://[^/]+(/accounts/reset/\S+)", body).group(1)

    form_page = client.get(link, follow=True)
    assert "Choose a new password" in form_page.content.decode()
    done = client.post(
        form_page.redirect_chain[-1][0],
        {"new_password1": "plum tree 77 lantern", "new_password2": "plum tree 77 lantern"},
    )
    assert done.status_code == 302
    user.refresh_from_db()
    assert user.check_password("plum tree 77 lantern")


def test_reset_for_an_unknown_email_sends_nothing_and_says_the_same(client, db):
    response = client.post(reverse("password_reset"), {"email": "nobody@example.com"}, follow=True)
    assert "Check your email" in response.content.decode()
    assert mail.outbox == []


def test_password_resets_email_one_address_at_most_three_times_an_hour(client, user):
    """Asking again and again looks the same to whoever asks, but cannot fill the inbox."""
    for _ in range(5):
        response = client.post(reverse("password_reset"), {"email": "amara@example.com"})
        assert response.status_code == 302 and response.url == reverse("password_reset_done")
    assert len(mail.outbox) == RESETS_PER_WINDOW == 3
    with time_machine.travel(timezone.now() + timedelta(minutes=RESET_WINDOW_MINUTES)):
        client.post(reverse("password_reset"), {"email": "amara@example.com"})
    assert len(mail.outbox) == 4


# --- sign-in lock-out -----------------------------------------------------------------------


def test_repeated_failures_lock_out_that_username_from_that_address(engineer):
    client = Client()
    for _ in range(4):
        assert sign_in(client, "engineer", "wrong").status_code == 200
    assert sign_in(client, "engineer", "wrong").status_code == 429  # the fifth locks
    locked = sign_in(client, "engineer")  # even the right password
    assert locked.status_code == 429
    assert "signing in is paused for 15 minutes" in locked.content.decode()
    assert "_auth_user_id" not in client.session
    assert Action.LOCKED_OUT in audit_actions(username="engineer")


def test_a_lock_out_cannot_lock_the_user_out_from_elsewhere_or_lock_others(engineer, mentor):
    attacker = Client()
    for _ in range(6):
        sign_in(attacker, "engineer", "wrong", ip="203.0.113.9")
    assert sign_in(Client(), "engineer", ip="10.0.0.1").status_code == 302  # the real user
    assert sign_in(Client(), "mentor", ip="203.0.113.9").status_code == 302  # someone else


def test_the_lock_out_ends_after_the_cool_off(engineer):
    for _ in range(5):
        sign_in(Client(), "engineer", "wrong")
    assert sign_in(Client(), "engineer").status_code == 429
    with time_machine.travel(timezone.now() + timedelta(minutes=16), tick=False):
        assert sign_in(Client(), "engineer").status_code == 302


def test_a_forwarded_for_header_is_ignored_unless_a_proxy_is_trusted(engineer):
    """Without TRUSTED_PROXIES an attacker cannot dodge the lock-out by inventing addresses."""
    for n in range(5):
        client = Client(HTTP_X_FORWARDED_FOR=f"198.51.100.{n}")
        sign_in(client, "engineer", "wrong")
    assert sign_in(Client(HTTP_X_FORWARDED_FOR="198.51.100.99"), "engineer").status_code == 429


@override_settings(TRUSTED_PROXIES=1)
def test_behind_a_trusted_proxy_the_address_it_saw_is_used(engineer):
    for _ in range(5):
        sign_in(Client(HTTP_X_FORWARDED_FOR="spoofed, 198.51.100.7"), "engineer", "wrong")
    blocked = Client(HTTP_X_FORWARDED_FOR="198.51.100.7")
    assert sign_in(blocked, "engineer").status_code == 429
    assert sign_in(Client(HTTP_X_FORWARDED_FOR="198.51.100.8"), "engineer").status_code == 302
    assert AuditEvent.objects.filter(action=Action.SIGN_IN).get().ip == "198.51.100.8"
