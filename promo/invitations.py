"""Invitations: a signed link by e-mail that lets a person imported by staff set their password,
or sign in with single sign-on (promo.sso) where the organisation has it.

The link carries the person's id and the invitation's nonce, signed with the site's secret
(django.core.signing) and good for INVITATION_DAYS. It works once: accepting records the time,
sending again draws a new nonce (older links stop working), and revoking ends it. Nothing a
link could be rebuilt from is stored, but the e-mail itself waits for a worker as a background
task (promo.tasks), which keeps it until `prune_db_task_results` (the admin never shows it).
"""

import secrets
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import UNUSABLE_PASSWORD_PREFIX
from django.contrib.auth.models import User
from django.core import signing
from django.db import transaction
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.urls import reverse
from django.utils import timezone

from promo import audit, tasks
from promo.models import Invitation, Person, display_name, short_name

INVITATION_DAYS = 14
SALT = "promo.invitation"

EXPIRED = "This invitation has expired. Ask {inviter} to send you a new one."
USED = "This invitation has been used already. Sign in with the password you chose."
REVOKED = "This invitation was withdrawn. Ask {inviter} if you still need an account."
UNKNOWN = "This link is not a Promo invitation, or it was copied incompletely."
SUPERSEDED = "A newer invitation was sent to you since this one: use the link in the latest e-mail."
NO_EMAIL = "{name} has no e-mail address to send an invitation to."
HAS_PASSWORD = "{name} can already sign in."
SUBJECT = "You are invited to Promo"


class InvitationError(ValueError):
    """Why a link cannot be used, in a sentence for the person holding it."""


@dataclass(frozen=True)
class Sent:
    invitation: Invitation
    link: str


def can_sign_in(user: User) -> bool:
    """Whether the person has a way in already: a password, or a sign-in (single sign-on)."""
    return user.has_usable_password() or user.last_login is not None


# The same rule over many people, for the People page's "who is waiting for an invitation".
CANNOT_SIGN_IN = Q(user__password__startswith=UNUSABLE_PASSWORD_PREFIX, user__last_login=None)


def uninvited() -> QuerySet[Person]:
    """Active people with an e-mail address and no way in yet who have no pending invitation."""
    pending = Invitation.objects.filter(
        user=OuterRef("user"), accepted_at__isnull=True, revoked_at__isnull=True
    )
    return (
        Person.objects.filter(CANNOT_SIGN_IN, user__is_active=True)
        .exclude(user__email="")
        .exclude(Exists(pending))
    )


def not_accepted() -> QuerySet[Invitation]:
    """Invitations sent to people still active that nobody has used or withdrawn yet."""
    return Invitation.objects.filter(
        accepted_at__isnull=True, revoked_at__isnull=True, user__is_active=True
    )


def can_invite(user: User) -> str:
    """'' if the person can be invited; else why not."""
    if not user.email:
        return NO_EMAIL.format(name=display_name(user))
    if can_sign_in(user):
        return HAS_PASSWORD.format(name=display_name(user))
    return ""


def link_for(invitation: Invitation) -> str:
    token = signing.dumps({"u": invitation.user_id, "n": invitation.nonce}, salt=SALT)
    path = reverse("invitation-accept", args=[token])
    return settings.SITE_URL.rstrip("/") + path


@transaction.atomic
def invite(*, user: User, by: User) -> Sent:
    """Send (or send again) the person's invitation; older links stop working."""
    problem = can_invite(user)
    if problem:
        raise InvitationError(problem)
    invitation, _ = Invitation.objects.update_or_create(
        user=user,
        defaults={
            "invited_by": by,
            "sent_at": timezone.now(),
            "nonce": secrets.token_hex(16),
            "accepted_at": None,
            "revoked_at": None,
        },
    )
    link = link_for(invitation)
    body = (
        f"Hello {short_name(user)},\n\n{display_name(by)} invited you to Promo, where you log your"
        f" weekly wins against the career ladder and your mentor helps you see what is missing."
        f"\n\n{_how_to_start()} (the link works once, for {INVITATION_DAYS} days):"
        f"\n\n{link}\n\nYour username is {user.get_username()}.\n"
    )
    tasks.send_later(subject=SUBJECT, body=body, to=[user.email])
    audit.record(audit.INVITATION, actor=by, target=user, detail=f"sent to {user.email}")
    return Sent(invitation, link)


def _how_to_start() -> str:
    if not settings.SSO_ISSUER:
        return "Choose a password to start"
    if not settings.PASSWORD_SIGN_IN:
        return f"Sign in with {settings.SSO_NAME} to start"
    return f"Sign in with {settings.SSO_NAME}, or choose a password, to start"


@transaction.atomic
def revoke(*, invitation: Invitation, by: User) -> None:
    if invitation.pending:
        invitation.revoked_at = timezone.now()
        invitation.save(update_fields=["revoked_at"])
        audit.record(audit.INVITATION, actor=by, target=invitation.user, detail="revoked")


def invitation_for(token: str) -> Invitation:
    """The pending invitation a link stands for, or InvitationError saying why it cannot be
    used."""
    try:
        found = signing.loads(token, salt=SALT, max_age=INVITATION_DAYS * 24 * 3600)
    except signing.SignatureExpired:
        invitation = _unverified(token)
        raise InvitationError(EXPIRED.format(inviter=_inviter(invitation))) from None
    except signing.BadSignature:
        raise InvitationError(UNKNOWN) from None
    invitation = (
        Invitation.objects.select_related("user", "invited_by")
        .filter(user_id=found.get("u"))
        .first()
    )
    if invitation is None:
        raise InvitationError(UNKNOWN)
    if not invitation.user.is_active or invitation.revoked_at is not None:
        raise InvitationError(REVOKED.format(inviter=_inviter(invitation)))
    if invitation.accepted_at is not None:
        raise InvitationError(USED)
    if invitation.nonce != found.get("n"):
        raise InvitationError(SUPERSEDED)
    return invitation


def _unverified(token: str) -> Invitation | None:
    """The invitation an expired (but genuine) link named, to say who to ask."""
    try:
        found = signing.loads(token, salt=SALT)
    except signing.BadSignature:
        return None
    return Invitation.objects.select_related("invited_by").filter(user_id=found.get("u")).first()


def _inviter(invitation: Invitation | None) -> str:
    if invitation is None or invitation.invited_by is None:
        return "whoever runs Promo for your organisation"
    return display_name(invitation.invited_by)


@transaction.atomic
def accept(*, invitation: Invitation, password: str) -> User:
    """Set the person's password and use the invitation up."""
    user = get_user_model().objects.select_for_update().get(pk=invitation.user_id)
    locked = Invitation.objects.select_for_update().get(pk=invitation.pk)
    if locked.accepted_at is not None or locked.nonce != invitation.nonce:
        raise InvitationError(USED)
    user.set_password(password)
    user.save(update_fields=["password"])
    locked.accepted_at = timezone.now()
    locked.save(update_fields=["accepted_at"])
    audit.record(audit.INVITATION, actor=user, target=user, detail="accepted")
    return user


def used_by_sign_in(user: User) -> None:
    """The person signed in by single sign-on: a pending invitation has done its job."""
    if Invitation.objects.filter(user=user, accepted_at=None, revoked_at=None).update(
        accepted_at=timezone.now()
    ):
        audit.record(audit.INVITATION, actor=user, target=user, detail="accepted by single sign-on")
