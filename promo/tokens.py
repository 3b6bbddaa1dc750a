"""Personal access tokens: how a person's scripts and the `promo` command line use the API.

A token is `promo_` followed by 43 URL-safe characters (256 random bits). It is shown once, on
the page that made it; only its SHA-256 is stored, with its first characters so its owner can
tell tokens apart. A token is usable until it expires or is revoked, and only while its owner's
account is active. Making, revoking and every use of a token go into the audit trail, whose
details never hold the token itself nor anything the person wrote.
"""

import hashlib
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.contrib.auth.models import User
from django.db import transaction
from django.db.models import Exists, F, OuterRef
from django.http import Http404

from promo import audit, throttle
from promo.models import ApiToken

TOKEN_PREFIX = "promo_"
TOKEN_LENGTH = len(TOKEN_PREFIX) + 43  # secrets.token_urlsafe(32) is 43 characters
SHOWN_PREFIX = 12  # "promo_" and six characters of the secret: enough to tell tokens apart
EXPIRY_DAYS = (30, 90, 365)
DEFAULT_EXPIRY_DAYS = 90
# Requests one token may make per window; more are refused with 429 until the window ends.
RATE_LIMIT = 120
RATE_WINDOW_SECONDS = 60
TOKENS_MAX = 20  # tokens one person may have in use at once
TOKENS_SHOWN = 50  # on the preferences page, newest first
TOO_MANY_TOKENS = "You have {limit} tokens in use; revoke one you no longer need first."


class TooManyTokens(Exception):
    def __init__(self) -> None:
        super().__init__(TOO_MANY_TOKENS.format(limit=TOKENS_MAX))


@dataclass(frozen=True)
class Made:
    """A token just made: the row, and the secret to show its owner this once."""

    token: ApiToken
    secret: str


def digest_of(raw: str) -> str:
    return hashlib.sha256(raw.encode()).hexdigest()


@transaction.atomic
def token_create(*, user: User, name: str, scope: str, days: int, now: datetime) -> Made:
    """Make a token for `user`, valid for `days` from `now`; the secret is never stored.
    Refused (TooManyTokens) when the user already has TOKENS_MAX tokens in use."""
    if ApiToken.objects.usable(now).filter(user=user).count() >= TOKENS_MAX:
        raise TooManyTokens
    secret = TOKEN_PREFIX + secrets.token_urlsafe(32)
    token = ApiToken(
        user=user,
        name=name,
        scope=scope,
        prefix=secret[:SHOWN_PREFIX],
        digest=digest_of(secret),
        expires_at=now + timedelta(days=days),
    )
    token.full_clean(exclude=["user"])
    token.save()
    audit.record(
        audit.API_TOKEN,
        actor=user,
        target=token,
        detail=f"Created “{name}” ({token.get_scope_display().lower()}), expires in {days} days",
    )
    return Made(token=token, secret=secret)


@transaction.atomic
def token_revoke(*, token: ApiToken, by: User, now: datetime) -> None:
    """Revoke one token; a token already revoked stays as it was."""
    if ApiToken.objects.filter(pk=token.pk, revoked_at__isnull=True).update(revoked_at=now):
        token.revoked_at = now
        audit.record(audit.API_TOKEN, actor=by, target=token, detail=f"Revoked “{token.name}”")


def listed(user: User) -> list[ApiToken]:
    """The user's tokens for their preferences page: the unrevoked first, each group newest
    first, at most TOKENS_SHOWN (revoked and expired ones say so on the page)."""
    order = (F("revoked_at").asc(nulls_first=True), "-created_at", "-pk")
    return list(ApiToken.objects.filter(user=user).order_by(*order)[:TOKENS_SHOWN])


def own_token_or_404(user: User, pk: int) -> ApiToken:
    """One of the user's own tokens; 404 for anyone else's."""
    token = ApiToken.objects.filter(user=user, pk=pk).first()
    if token is None:
        raise Http404("No such token.")
    return token


def looks_like_token(raw: str) -> bool:
    """Whether `raw` has a token's shape; anything else is refused before any query."""
    return (
        len(raw) == TOKEN_LENGTH
        and raw.startswith(TOKEN_PREFIX)
        and raw.isascii()
        and all(c.isalnum() or c in "-_" for c in raw[len(TOKEN_PREFIX) :])
    )


@dataclass(frozen=True)
class Found:
    """The token a secret names, and whether it may be used now (ApiToken.objects.usable)."""

    token: ApiToken
    usable: bool


def lookup(raw: str, now: datetime) -> Found | None:
    """The token whose secret is `raw` (with its user), usable or not, or None. One query:
    whether it is usable is ApiToken.objects.usable's rule, asked in the same statement."""
    if not looks_like_token(raw):
        return None
    usable = ApiToken.objects.usable(now).filter(pk=OuterRef("pk"))
    token = (
        ApiToken.objects.select_related("user")
        .filter(digest=digest_of(raw))
        .annotate(is_usable=Exists(usable))
        .first()
    )
    if token is None:
        return None
    return Found(token=token, usable=token.is_usable)  # type: ignore[attr-defined]  # annotated


def over_limit(token: ApiToken) -> int:
    """Count one request of `token`; how many it made over the limit in this window (0: none)."""
    count = throttle.hit(f"api-token:{token.pk}", window_seconds=RATE_WINDOW_SECONDS)
    return max(0, count - RATE_LIMIT)


def retry_after(now: datetime) -> int:
    """Seconds until the current rate window ends (at least 1)."""
    return max(1, RATE_WINDOW_SECONDS - int(now.timestamp()) % RATE_WINDOW_SECONDS)


def record_use(token: ApiToken, *, method: str, path: str, status: int, now: datetime) -> None:
    """Note one use of the token: when (last_used_at) and what, in the audit trail. The
    detail is the method, the path and the answer's status, never a header or a body."""
    ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
    token.last_used_at = now
    audit.record(
        audit.API_USE, actor=token.user, target=token, detail=f"{method} {path} → {status}"
    )
