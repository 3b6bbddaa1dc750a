"""Invitations (promo.invitations): a signed link by e-mail that works once, for a limited time,
until it is sent again or revoked; accepting it sets a password and signs the person in."""

import re
from datetime import timedelta

import pytest
import time_machine
from django.contrib.auth import get_user_model
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from promo import invitations
from promo.models import AuditEvent, Invitation
from tests.conftest import client_for
from tests.factories import PersonFactory, UserFactory

User = get_user_model()
PASSWORD = "a long and new password"


@pytest.fixture
def staff(db):
    return UserFactory(username="admin", first_name="Sam", last_name="Whitfield", is_staff=True)


def newcomer(email: str = "ana@corp.example"):
    """Someone a people import made: an account without a password."""
    user = UserFactory(username=email, email=email, first_name="Ana", last_name="Díaz")
    user.set_unusable_password()
    user.save()
    PersonFactory(user=user)
    return user


def link_in(message) -> str:
    found = re.search(r"http://\S+/accounts/invitation/\S+/", message.body)
    assert found, message.body
    return found.group(0).split("127.0.0.1:8000", 1)[-1]


def invite(staff, user, capture) -> str:
    """Staff press "Invite"; the link in the e-mail sent (when the transaction commits)."""
    with capture(execute=True):
        response = client_for(staff).post(reverse("person-invite", args=[user.pk]))
    assert response.status_code == 302
    return link_in(mail.outbox[-1])


def accept(client, path: str, password: str = PASSWORD):
    return client.post(path, {"new_password1": password, "new_password2": password})


def test_an_invitee_chooses_a_password_and_lands_signed_in_at_home(
    staff, django_capture_on_commit_callbacks
):
    ana = newcomer()
    path = invite(staff, ana, django_capture_on_commit_callbacks)
    (message,) = mail.outbox
    assert (message.to, message.subject) == (["ana@corp.example"], "You are invited to Promo")
    assert "Sam Whitfield invited you to Promo" in message.body
    assert "Your username is ana@corp.example." in message.body
    client = Client()
    page = client.get(path)
    assert page.status_code == 200
    assert "Welcome, Ana" in page.content.decode()
    done = accept(client, path)
    assert done.status_code == 302 and done["Location"] == reverse("home")
    home = client.get(reverse("home"))
    assert home.status_code == 200 and home.context["user"] == ana
    ana.refresh_from_db()
    assert ana.check_password(PASSWORD)
    assert Invitation.objects.get(user=ana).accepted_at is not None
    details = list(
        AuditEvent.objects.filter(action=AuditEvent.Action.INVITATION)
        .order_by("pk")
        .values_list("detail", flat=True)
    )
    assert details == ["sent to ana@corp.example", "accepted"]


def test_a_link_works_once(staff, django_capture_on_commit_callbacks):
    ana = newcomer()
    path = invite(staff, ana, django_capture_on_commit_callbacks)
    accept(Client(), path)
    again = Client().get(path)
    assert again.status_code == 410
    assert invitations.USED in again.content.decode()
    assert accept(Client(), path, "another long password").status_code == 410
    ana.refresh_from_db()
    assert ana.check_password(PASSWORD)


def test_a_link_expires_and_says_whom_to_ask(staff, django_capture_on_commit_callbacks):
    ana = newcomer()
    path = invite(staff, ana, django_capture_on_commit_callbacks)
    later = timezone.now() + timedelta(days=invitations.INVITATION_DAYS, minutes=1)
    with time_machine.travel(later, tick=False):
        response = Client().get(path)
    assert response.status_code == 410
    assert invitations.EXPIRED.format(inviter="Sam Whitfield") in response.content.decode()
    with time_machine.travel(later - timedelta(minutes=2), tick=False):
        assert Client().get(path).status_code == 200


def test_sending_again_retires_the_older_link(staff, django_capture_on_commit_callbacks):
    ana = newcomer()
    first = invite(staff, ana, django_capture_on_commit_callbacks)
    second = invite(staff, ana, django_capture_on_commit_callbacks)
    assert first != second
    response = Client().get(first)
    assert response.status_code == 410 and invitations.SUPERSEDED in response.content.decode()
    assert Client().get(second).status_code == 200


def test_a_revoked_link_and_a_deactivated_person_are_refused(
    staff, django_capture_on_commit_callbacks
):
    ana, bo = newcomer(), newcomer("bo@corp.example")
    ana_link = invite(staff, ana, django_capture_on_commit_callbacks)
    bo_link = invite(staff, bo, django_capture_on_commit_callbacks)
    client = client_for(staff)
    assert client.post(reverse("invitation-revoke", args=[ana.invitation.pk])).status_code == 302
    bo.is_active = False
    bo.save()
    refused = invitations.REVOKED.format(inviter="Sam Whitfield")
    for path in (ana_link, bo_link):
        response = Client().get(path)
        assert response.status_code == 410 and refused in response.content.decode()


@pytest.mark.parametrize(
    "mangle", [lambda p: p.replace("/invitation/", "/invitation/x"), lambda p: p[:-8] + "/"]
)
def test_a_tampered_link_is_not_an_invitation(staff, django_capture_on_commit_callbacks, mangle):
    path = invite(staff, newcomer(), django_capture_on_commit_callbacks)
    response = Client().get(mangle(path))
    assert response.status_code == 410 and invitations.UNKNOWN in response.content.decode()


def test_a_weak_password_is_refused_in_words_and_the_link_still_works(
    staff, django_capture_on_commit_callbacks
):
    ana = newcomer()
    path = invite(staff, ana, django_capture_on_commit_callbacks)
    response = accept(Client(), path, "12345678")
    assert response.status_code == 400
    assert "This password is entirely numeric." in response.content.decode()
    assert Invitation.objects.get(user=ana).accepted_at is None
    assert accept(Client(), path).status_code == 302


def test_invite_everyone_waiting_sends_one_each_and_skips_who_can_sign_in(
    staff, django_capture_on_commit_callbacks
):
    waiting = [newcomer(f"p{n}@corp.example") for n in range(3)]
    PersonFactory(user=UserFactory(username="has-password"))  # can sign in already
    pending = newcomer("pending@corp.example")
    invitations.invite(user=pending, by=staff)
    mail.outbox.clear()
    client = client_for(staff)
    page = client.get(reverse("people")).content.decode()
    assert "3 people have no way to sign in and no invitation yet." in page
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("people-invite"), follow=True)
    assert "Invitations sent: 3." in response.content.decode()
    assert sorted(m.to[0] for m in mail.outbox) == sorted(u.email for u in waiting)
    assert "no password and no invitation yet" not in response.content.decode()


def test_someone_who_can_sign_in_is_not_invited(staff):
    person = PersonFactory(user=UserFactory(username="bo", first_name="Bo", last_name="Chen"))
    response = client_for(staff).post(reverse("person-invite", args=[person.pk]), follow=True)
    assert invitations.HAS_PASSWORD.format(name="Bo Chen") in response.content.decode()
    assert not Invitation.objects.exists()


def test_the_people_page_shows_who_has_not_accepted(staff):
    ana = newcomer()
    invitations.invite(user=ana, by=staff)
    page = client_for(staff).get(reverse("people")).content.decode()
    assert "Invited 24 Nov" in page and "Not accepted yet" in page
    assert "Send again" in page and "Revoke" in page
