"""Telling people things: an in-app notification, and an email unless they turned email off
(or has had a burst of them already: see EMAILS_PER_WINDOW).

Any app may notify (the model lives in the core app, so the dependency direction holds).
Email goes out after the surrounding transaction commits, so a rolled-back write sends nothing,
and through a background task (promo.tasks), so no page waits on the mail server.
"""

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from functools import partial

from django.conf import settings
from django.contrib.auth.models import User
from django.db import transaction
from django.utils import timezone

from promo import tasks, throttle
from promo.models import Notification, Person

# Notification emails one person receives at most per window; the rest wait in the app.
EMAILS_PER_WINDOW = 5
EMAIL_WINDOW_MINUTES = 15
EMAILS_PAUSED = (
    "That is several emails from Promo in a short time: further notifications in the next few "
    "minutes (at most {minutes}) wait for you in the app instead of by email."
)

# "all": record nothing; "email": record in the app but send no email. For bulk loads (the demo).
_quiet: ContextVar[str | None] = ContextVar("promo_quiet_notifications", default=None)


@contextmanager
def quiet(*, emails_only: bool = False) -> Iterator[None]:
    """Inside this block notify() records nothing (or, with emails_only, sends no email)."""
    token = _quiet.set("email" if emails_only else "all")
    try:
        yield
    finally:
        _quiet.reset(token)


def notify(
    *,
    recipients: Iterable[User],
    actor: User | None,
    kind: str,
    text: str,
    url: str,
) -> list[Notification]:
    """Notify each recipient (never the actor themselves) in the app and, if wanted, by email."""
    if _quiet.get() == "all":
        return []
    people = [r for r in dict.fromkeys(recipients) if actor is None or r.pk != actor.pk]
    made = Notification.objects.bulk_create(
        Notification(recipient=r, actor=actor, kind=kind, text=text[:300], url=url) for r in people
    )
    if _quiet.get() == "email":
        return made
    opted_out = set(
        Person.objects.filter(pk__in=[r.pk for r in people], email_notifications=False).values_list(
            "pk", flat=True
        )
    )
    for recipient in people:
        if recipient.pk not in opted_out and recipient.email:
            transaction.on_commit(partial(_email, recipient, text=text, url=url))
    return made


def _email(recipient: User, *, text: str, url: str) -> None:
    """Email one notification, unless the recipient has had EMAILS_PER_WINDOW already in this
    window: then it waits in the app, so nobody can flood a colleague's inbox."""
    sent = throttle.hit(f"email:{recipient.pk}", window_seconds=EMAIL_WINDOW_MINUTES * 60)
    if sent > EMAILS_PER_WINDOW:
        return
    base = getattr(settings, "SITE_URL", "").rstrip("/")
    body = f"{text}\n\n{base}{url}\n\n"
    if sent == EMAILS_PER_WINDOW:
        body += EMAILS_PAUSED.format(minutes=EMAIL_WINDOW_MINUTES) + "\n\n"
    body += "You get this because email notifications are on in your Promo preferences."
    # Already after the commit: hand it to the workers at once.
    tasks.enqueue_email(subject=f"Promo: {text[:80]}", body=body, to=[recipient.email])


@transaction.atomic
def mark_all_read(*, user: User) -> int:
    return Notification.objects.filter(recipient_id=user.pk, read_at__isnull=True).update(
        read_at=timezone.now()
    )
