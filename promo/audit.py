"""The audit trail: who did what, when and from where, for admins to read.

Any app records an event with `record(...)`; the request's address comes from
promo.middleware.AuditMiddleware through a context variable, so services need not be handed the
request. Details are short human-readable strings and never hold a secret (no passwords, no
tokens, no entry or feedback text).
"""

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from django.contrib.auth.models import User
from django.db import models

from promo.models import AuditEvent

_ip: ContextVar[str] = ContextVar("promo_audit_ip", default="")

SIGN_IN = AuditEvent.Action.SIGN_IN
SIGN_IN_FAILED = AuditEvent.Action.SIGN_IN_FAILED
SIGN_OUT = AuditEvent.Action.SIGN_OUT
SESSION_EXPIRED = AuditEvent.Action.SESSION_EXPIRED
LOCKED_OUT = AuditEvent.Action.LOCKED_OUT
REFUSED = AuditEvent.Action.REFUSED
VISIBILITY = AuditEvent.Action.VISIBILITY
SHARING = AuditEvent.Action.SHARING
MENTORSHIP = AuditEvent.Action.MENTORSHIP
FEEDBACK_EDITED = AuditEvent.Action.FEEDBACK_EDITED
FEEDBACK_DELETED = AuditEvent.Action.FEEDBACK_DELETED
EXPORT = AuditEvent.Action.EXPORT
ADMIN_CHANGE = AuditEvent.Action.ADMIN_CHANGE
DEACTIVATED = AuditEvent.Action.DEACTIVATED
PEOPLE_IMPORT = AuditEvent.Action.PEOPLE_IMPORT
INVITATION = AuditEvent.Action.INVITATION
LEVEL_CHANGED = AuditEvent.Action.LEVEL_CHANGED
API_TOKEN = AuditEvent.Action.API_TOKEN
API_USE = AuditEvent.Action.API_USE
WEBHOOK = AuditEvent.Action.WEBHOOK

DETAIL_MAX = 300


@contextmanager
def request_context(*, ip: str) -> Iterator[None]:
    token = _ip.set(ip)
    try:
        yield
    finally:
        _ip.reset(token)


def record(
    action: str,
    *,
    actor: User | None = None,
    target: models.Model | None = None,
    detail: str = "",
    username: str = "",
) -> AuditEvent:
    """Write one event. `username` names who was tried when there is no actor (a failed
    sign-in); `target` is any saved row, stored as "app.model:pk"."""
    actor = actor if actor is not None and actor.is_authenticated else None
    return AuditEvent.objects.create(
        action=action,
        actor=actor,
        username=(actor.get_username() if actor else username)[:150],
        target=f"{target._meta.label_lower}:{target.pk}" if target is not None else "",
        detail=detail[:DETAIL_MAX],
        ip=_ip.get() or None,
    )
