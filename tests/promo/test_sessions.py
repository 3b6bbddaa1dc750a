"""Sessions: a new one at sign-in, ended on the server at sign-out, on deactivation, when idle and at their absolute lifetime."""

import io
from datetime import timedelta

import time_machine
from django.contrib.auth import get_user_model
from django.contrib.sessions.models import Session
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from promo import services as promo_services
from promo.models import AuditEvent, SignedInSession
from tests.conftest import client_for
from tests.support import LOGIN, audit_actions, sign_in

Action = AuditEvent.Action


# --- sessions -------------------------------------------------------------------------------


def test_signing_in_starts_a_new_session(engineer):
    client = Client()
    client.get(LOGIN)
    session = client.session
    session["before"] = "anonymous"
    session.save()
    before = session.session_key
    sign_in(client, "engineer")
    assert client.session.session_key != before
    assert not Session.objects.filter(session_key=before).exists()


def test_signing_out_ends_the_session_on_the_server(engineer):
    client = Client()
    sign_in(client, "engineer")
    key = client.session.session_key
    client.post(reverse("logout"))
    assert not Session.objects.filter(session_key=key).exists()
    assert not SignedInSession.objects.filter(session_key=key).exists()


def test_deactivating_an_account_ends_its_sessions_at_once(engineer):
    laptop, phone = Client(), Client()
    sign_in(laptop, "engineer")
    sign_in(phone, "engineer", ip="10.0.0.2")
    keys = [laptop.session.session_key, phone.session.session_key]

    assert promo_services.user_deactivate(user=engineer, by=None)

    assert not Session.objects.filter(session_key__in=keys).exists()
    assert laptop.get(reverse("home")).status_code == 302
    assert Action.DEACTIVATED in audit_actions()
    assert not promo_services.user_deactivate(user=engineer, by=None)  # already off: no news
    assert audit_actions(action=Action.DEACTIVATED) == [Action.DEACTIVATED]


def test_deactivating_in_the_admin_ends_the_sessions_too(engineer, admin_user):
    phone = Client()
    sign_in(phone, "engineer")
    key = phone.session.session_key
    form = {
        "username": "engineer",
        "email": engineer.email,
        "date_joined_0": "2026-11-01",
        "date_joined_1": "09:00:00",
        "person-TOTAL_FORMS": "1",
        "person-INITIAL_FORMS": "1",
        "person-MIN_NUM_FORMS": "0",
        "person-MAX_NUM_FORMS": "1",
        "person-0-user": engineer.pk,
        "person-0-id": engineer.pk,
        "person-0-manager": engineer.person.manager_id,
        "person-0-current_level": engineer.person.current_level_id,
        "person-0-target_level": engineer.person.target_level_id,
        "person-0-default_visibility": engineer.person.default_visibility,
    }  # is_active left out: the box unticked
    response = client_for(admin_user).post(
        reverse("admin:auth_user_change", args=[engineer.pk]), form
    )
    assert response.status_code == 302
    engineer.refresh_from_db()
    assert not engineer.is_active
    assert not Session.objects.filter(session_key=key).exists()
    assert audit_actions(action=Action.DEACTIVATED) == [Action.DEACTIVATED]


def test_the_admin_action_deactivates_everyone_selected(engineer, mentor, admin_user):
    phone = Client()
    sign_in(phone, "mentor")
    key = phone.session.session_key
    response = client_for(admin_user).post(
        reverse("admin:auth_user_changelist"),
        {"action": "deactivate", "_selected_action": [engineer.pk, mentor.pk]},
    )
    assert response.status_code == 302
    assert not get_user_model().objects.filter(pk__in=[engineer.pk, mentor.pk], is_active=True)
    assert not Session.objects.filter(session_key=key).exists()
    assert len(audit_actions(action=Action.DEACTIVATED)) == 2


def test_tidy_sessions_deletes_expired_sessions_and_their_index_but_keeps_live_ones(engineer):
    live, stale = Client(), Client()
    sign_in(live, "engineer")
    sign_in(stale, "engineer", ip="10.0.0.2")
    live_key, stale_key = live.session.session_key, stale.session.session_key
    Session.objects.filter(session_key=stale_key).update(
        expire_date=timezone.now() - timedelta(seconds=1)
    )
    out = io.StringIO()
    call_command("tidy_sessions", stdout=out)
    assert "Deleted 1 expired session and 1 index row" in out.getvalue()
    assert list(Session.objects.values_list("session_key", flat=True)) == [live_key]
    assert list(SignedInSession.objects.values_list("session_key", flat=True)) == [live_key]
    assert live.get(reverse("home")).status_code == 200
    assert stale.get(reverse("home")).status_code == 302


def test_an_idle_session_ends_and_sends_the_user_to_sign_in(engineer):
    client = Client()
    sign_in(client, "engineer")
    key = client.session.session_key
    with time_machine.travel(timezone.now() + timedelta(minutes=61), tick=False):
        response = client.get(reverse("reviews:gaps"))
    assert response.status_code == 302
    assert response["Location"].startswith(LOGIN)
    assert not Session.objects.filter(session_key=key).exists()
    assert Action.SESSION_EXPIRED in audit_actions(actor=engineer)


def test_an_idle_htmx_request_is_told_to_go_to_sign_in(engineer):
    client = Client()
    sign_in(client, "engineer")
    with time_machine.travel(timezone.now() + timedelta(minutes=61), tick=False):
        response = client.get(reverse("reviews:gaps"), HTTP_HX_REQUEST="true")
    assert response["HX-Redirect"] == LOGIN


def test_activity_keeps_a_session_alive_but_not_past_its_absolute_lifetime(engineer):
    client = Client()
    sign_in(client, "engineer")
    start = timezone.now()
    for half_hours in range(1, 24):  # a request every 30 minutes for 11.5 hours
        with time_machine.travel(start + timedelta(minutes=30 * half_hours), tick=False):
            assert client.get(reverse("home")).status_code == 200, half_hours
    with time_machine.travel(start + timedelta(hours=12, minutes=5), tick=False):
        assert client.get(reverse("home")).status_code == 302
