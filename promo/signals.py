"""What the audit trail and session bookkeeping hear from Django itself: sign-ins, sign-outs,
failures, lock-outs and the admin's own log of changes. Connected in PromoConfig.ready.

Only framework events are heard here; Promo's own writes (deactivating someone, say) are
services that do their bookkeeping themselves."""

import time

from axes.signals import user_locked_out
from django.contrib.admin.models import LogEntry
from django.contrib.auth import user_logged_in, user_logged_out, user_login_failed
from django.contrib.auth.models import User
from django.db.models.signals import post_save
from django.dispatch import receiver
from django.http import HttpRequest

from promo import audit
from promo.middleware import SESSION_SEEN, SESSION_STARTED
from promo.models import SignedInSession


@receiver(user_logged_in, dispatch_uid="promo_signed_in")
def signed_in(
    sender: type[User], request: HttpRequest | None, user: User, **kwargs: object
) -> None:
    now = int(time.time())
    if request is not None and hasattr(request, "session"):
        request.session[SESSION_STARTED] = request.session[SESSION_SEEN] = now
        request.session.save()  # the key exists from here on
        SignedInSession.objects.get_or_create(
            session_key=request.session.session_key, defaults={"user": user}
        )
    audit.record(audit.SIGN_IN, actor=user)


@receiver(user_login_failed, dispatch_uid="promo_sign_in_failed")
def sign_in_failed(
    sender: str,
    credentials: dict[str, object],
    request: HttpRequest | None = None,
    **kwargs: object,
) -> None:
    # Django has already masked the password in `credentials`; only the username is kept.
    audit.record(audit.SIGN_IN_FAILED, username=str(credentials.get("username", "")))


@receiver(user_logged_out, dispatch_uid="promo_signed_out")
def signed_out(
    sender: type[User | None], request: HttpRequest, user: User | None, **kwargs: object
) -> None:
    key = getattr(getattr(request, "session", None), "session_key", None)
    if key:
        SignedInSession.objects.filter(session_key=key).delete()
    if user is not None:
        audit.record(audit.SIGN_OUT, actor=user)


@receiver(user_locked_out, dispatch_uid="promo_locked_out")
def locked_out(
    sender: str, request: HttpRequest, username: str | None, ip_address: str, **kwargs: object
) -> None:
    audit.record(audit.LOCKED_OUT, username=username or "", detail=f"from {ip_address}")


@receiver(post_save, sender=LogEntry, dispatch_uid="promo_admin_change")
def admin_change(
    sender: type[LogEntry], instance: LogEntry, created: bool, **kwargs: object
) -> None:
    if not created or kwargs.get("raw"):  # raw: a restored log entry is history, not news
        return
    verb = {1: "Added", 2: "Changed", 3: "Deleted"}.get(instance.action_flag, "Changed")
    what = instance.content_type.model if instance.content_type is not None else "object"
    detail = f"{verb} {what} “{instance.object_repr}”: {instance.get_change_message()}".strip(": ")
    audit.record(audit.ADMIN_CHANGE, actor=instance.user, detail=detail)
