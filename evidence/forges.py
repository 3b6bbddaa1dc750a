"""Merged pull requests from the organisation's forge: check a delivery, read it, make a draft.

A forge posts to /hooks/<key>/ (evidence.draft_views.forge_hook). The view refuses a body over
BODY_MAX before reading it, checks the forge's proof (`verify`, constant-time), reads what it
needs (`read`, one json.loads over the bounded body, then fixed-depth lookups: linear in the
body's length) and hands a `MergedPullRequest` to a background task (evidence.tasks), which
finds whose it is (`author_for`) and makes the draft (`draft_add`). Nothing but the task
writes a draft, and it only runs for a delivery whose proof was right, so a hook posted with a
wrong secret can create nothing.

What each forge sends (one small function per forge):

- GitHub and GitHub Enterprise (same payloads, any host): header `X-GitHub-Event:
  pull_request`, action "closed" with `pull_request.merged` true. Proof:
  `X-Hub-Signature-256: sha256=<hex HMAC-SHA256 of the raw body, keyed with the secret>`.
  The author is `pull_request.user.login` (who opened it, not who merged it).
- Gitea and Forgejo: header `X-Gitea-Event: pull_request` (Forgejo also sends
  `X-Forgejo-Event`), action "closed" with `pull_request.merged` true. Proof:
  `X-Gitea-Signature` (Forgejo: also `X-Forgejo-Signature`), the hex HMAC-SHA256 of the raw
  body, no prefix. The author is `pull_request.user.login`, with `user.email`.
- GitLab: header `X-Gitlab-Event: Merge Request Hook`, `object_attributes.action` "merge".
  Proof: `X-Gitlab-Token`, the secret itself, compared in constant time. GitLab's merge
  request hook does not name the merge request's author: `object_attributes.author_id` is a
  bare number, and the hook's `user` is whoever did the action, here whoever merged. So:
  * when `user.id` equals `author_id` (the author merged their own merge request, the common
    case) the draft is matched by `user.username`, then `user.email`;
  * otherwise by the e-mail of the last commit's author (`last_commit.author.email`), which is
    the author's in the usual one-person branch. When someone else pushed the last commit the
    draft goes to them; it counts for nothing until they log it, and they can dismiss it.
  The merger's username is never used for someone else's merge request: it would hand the
  reviewer's inbox everyone's work. GitLab shows `[REDACTED]` for an e-mail its owner keeps
  private, which matches no one.
  GitLab's payload had no merge time until recently: `object_attributes.merged_at` when
  present, else `updated_at`, which a merge sets.

Who a draft is for (`author_for`): the active person whose forge username (on the preferences
page or in the people import) is the forge's username, compared without case; else the active
user whose account e-mail is the forge's e-mail, compared without case. Two matches for one
name is no match: the delivery is refused, as for an unknown author, and audited.
"""

import hashlib
import hmac
import json
import secrets
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import IntegrityError, transaction
from django.utils import timezone

from evidence.models import DRAFT_BODY_MAX, TITLE_MAX, Draft, Forge, ForgeHook
from promo import audit
from promo.models import FORGE_USERNAME_MAX, Person

BODY_MAX = 1_000_000  # bytes; GitHub caps its payloads at 25 MB but a pull request is far less
URL_MAX = 500  # Draft.url
REPOSITORY_MAX = 200  # Draft.repository
EMAIL_MAX = 254

# What the webhook answers with, for forges' delivery logs (never a secret, never the body).
TOO_BIG = f"The delivery is larger than {BODY_MAX // 1_000_000} MB, so it was not read."
BAD_SIGNATURE = "The delivery's signature does not match this hook's secret."
UNREADABLE = "The delivery is not a JSON object Promo can read."
NOT_FOUND = "No such hook."


@dataclass(frozen=True)
class MergedPullRequest:
    """What a draft needs from a delivery, checked and cut to size. Plain values, so it can
    be handed to a background task as they are (`as_kwargs`)."""

    url: str
    repository: str
    number: int | None
    title: str
    body: str
    merged_at: str  # ISO 8601, timezone-aware
    username: str
    email: str

    def as_kwargs(self) -> dict[str, Any]:
        return {
            "url": self.url,
            "repository": self.repository,
            "number": self.number,
            "title": self.title,
            "body": self.body,
            "merged_at": self.merged_at,
            "username": self.username,
            "email": self.email,
        }


@dataclass(frozen=True)
class Ignored:
    """A genuine delivery about something that is not a merge (a ping, an opened pull
    request, one closed without merging): answered 200 and dropped."""

    note: str


class Unreadable(ValueError):
    """The body is not what the forge documents; the sentence says what is missing."""


# --- Proof --------------------------------------------------------------------------------

KEY_BYTES = 24  # token_urlsafe(24) is 32 characters: ForgeHook.key
SECRET_BYTES = 32


def new_key() -> str:
    """A hook's address key: random, unguessable, 32 characters."""
    return secrets.token_urlsafe(KEY_BYTES)


def new_secret() -> str:
    """A secret to paste into the forge's webhook settings, when staff leave it blank."""
    return secrets.token_urlsafe(SECRET_BYTES)


def _hmac_hex(secret: str, body: bytes) -> str:
    return hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()


def _same(given: str, expected: str) -> bool:
    return hmac.compare_digest(given.encode(), expected.encode())


def verify_github(secret: str, headers: Mapping[str, str], body: bytes) -> bool:
    given = headers.get("X-Hub-Signature-256", "")
    return bool(secret) and _same(given, "sha256=" + _hmac_hex(secret, body))


def verify_gitlab(secret: str, headers: Mapping[str, str], body: bytes) -> bool:
    return bool(secret) and _same(headers.get("X-Gitlab-Token", ""), secret)


def verify_gitea(secret: str, headers: Mapping[str, str], body: bytes) -> bool:
    given = headers.get("X-Gitea-Signature") or headers.get("X-Forgejo-Signature") or ""
    return bool(secret) and _same(given.lower(), _hmac_hex(secret, body))


def verify(hook: ForgeHook, headers: Mapping[str, str], body: bytes) -> bool:
    """Whether the delivery carries this hook's proof (constant-time comparison)."""
    check = {
        Forge.GITHUB: verify_github,
        Forge.GITLAB: verify_gitlab,
        Forge.GITEA: verify_gitea,
    }[Forge(hook.forge)]
    return check(hook.secret, headers, body)


# --- Reading ------------------------------------------------------------------------------

_url = URLValidator(schemes=["http", "https"])


def _object(value: object, name: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise Unreadable(f"The delivery has no {name}.")
    return value


def _text(value: object, name: str, *, limit: int, required: bool = True) -> str:
    if value is None and not required:
        return ""
    if isinstance(value, str):
        value = value.replace("\x00", "")  # no database keeps a NUL in text
    if not isinstance(value, str) or (required and not value.strip()):
        raise Unreadable(f"The delivery has no {name}.")
    return value.strip()[:limit]


def _link(value: object) -> str:
    url = _text(value, "pull request address", limit=URL_MAX + 1)
    if len(url) > URL_MAX:
        raise Unreadable("The pull request's address is too long.")
    try:
        _url(url)
    except ValidationError:
        raise Unreadable("The pull request's address is not a web address.") from None
    return url


def _moment(value: object) -> str:
    """A forge's time as ISO 8601: "2019-05-15T15:21:18Z", "2019-05-15T15:21:18.123+02:00"
    or GitLab's older "2013-12-03 17:23:34 UTC"."""
    text = _text(value, "merge time", limit=40)
    if text.endswith(" UTC"):
        text = text[:-4] + "+00:00"
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        raise Unreadable("The delivery's merge time is not a date and time.") from None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.isoformat()


NUMBER_MAX = 2_147_483_647  # Draft.number: a positive integer column on every database


def _number(value: object) -> int | None:
    """The pull request's number, or None for anything a number column cannot hold."""
    if isinstance(value, bool) or not isinstance(value, int):
        return None
    return value if 0 < value <= NUMBER_MAX else None


def _json(body: bytes) -> dict[str, Any]:
    try:
        payload = json.loads(body)
    except (ValueError, UnicodeDecodeError, RecursionError):  # nesting past Python's stack
        raise Unreadable(UNREADABLE) from None
    return _object(payload, "JSON object")


def _pull_request(payload: dict[str, Any], repository: str) -> MergedPullRequest:
    """GitHub's and Gitea's `pull_request` object, which share these fields."""
    pull = _object(payload.get("pull_request"), "pull request")
    user = _object(pull.get("user"), "pull request author")
    return MergedPullRequest(
        url=_link(pull.get("html_url")),
        repository=repository,
        number=_number(pull.get("number")),
        title=_text(pull.get("title"), "pull request title", limit=TITLE_MAX),
        body=_text(pull.get("body"), "description", limit=DRAFT_BODY_MAX, required=False),
        merged_at=_moment(pull.get("merged_at")),
        username=_text(user.get("login"), "author's username", limit=FORGE_USERNAME_MAX),
        email=_text(user.get("email"), "e-mail", limit=EMAIL_MAX, required=False),
    )


def _merged(payload: dict[str, Any]) -> bool:
    pull = _object(payload.get("pull_request"), "pull request")
    return payload.get("action") == "closed" and pull.get("merged") is True


def _repository(payload: dict[str, Any]) -> str:
    repository = _object(payload.get("repository"), "repository")
    return _text(repository.get("full_name"), "repository name", limit=REPOSITORY_MAX)


def _read_pull_request_event(event: str, body: bytes) -> MergedPullRequest | Ignored:
    """GitHub's and Gitea's (Forgejo's) pull_request events: the same shape, told by a
    different header."""
    if event != "pull_request":
        return Ignored(f"Promo reads pull_request events only, not “{event[:40]}”.")
    payload = _json(body)
    if not _merged(payload):
        return Ignored("Only merged pull requests become drafts.")
    return _pull_request(payload, _repository(payload))


def read_github(headers: Mapping[str, str], body: bytes) -> MergedPullRequest | Ignored:
    return _read_pull_request_event(headers.get("X-GitHub-Event", ""), body)


def read_gitea(headers: Mapping[str, str], body: bytes) -> MergedPullRequest | Ignored:
    event = headers.get("X-Gitea-Event") or headers.get("X-Forgejo-Event") or ""
    return _read_pull_request_event(event, body)


def read_gitlab(headers: Mapping[str, str], body: bytes) -> MergedPullRequest | Ignored:
    event = headers.get("X-Gitlab-Event", "")
    if event != "Merge Request Hook":
        return Ignored(f"Promo reads merge request events only, not “{event[:40]}”.")
    payload = _json(body)
    attributes = _object(payload.get("object_attributes"), "merge request")
    if attributes.get("action") != "merge":
        return Ignored("Only merged merge requests become drafts.")
    project = _object(payload.get("project"), "project")
    user = _object(payload.get("user"), "user")
    if _number(user.get("id")) is not None and user.get("id") == attributes.get("author_id"):
        username = _text(user.get("username"), "author's username", limit=FORGE_USERNAME_MAX)
        email = _text(user.get("email"), "e-mail", limit=EMAIL_MAX, required=False)
    else:
        commit = attributes.get("last_commit")
        author = commit.get("author") if isinstance(commit, dict) else None
        username = ""
        email = _text(
            author.get("email") if isinstance(author, dict) else None,
            "author's e-mail",
            limit=EMAIL_MAX,
        )
    return MergedPullRequest(
        url=_link(attributes.get("url")),
        repository=_text(project.get("path_with_namespace"), "project path", limit=REPOSITORY_MAX),
        number=_number(attributes.get("iid")),
        title=_text(attributes.get("title"), "merge request title", limit=TITLE_MAX),
        body=_text(
            attributes.get("description"), "description", limit=DRAFT_BODY_MAX, required=False
        ),
        merged_at=_moment(attributes.get("merged_at") or attributes.get("updated_at")),
        username=username,
        email=email,
    )


def read(hook: ForgeHook, headers: Mapping[str, str], body: bytes) -> MergedPullRequest | Ignored:
    """The merged pull request a verified delivery reports, or why it is ignored; raises
    Unreadable for a body that is not what the forge documents."""
    reader = {
        Forge.GITHUB: read_github,
        Forge.GITLAB: read_gitlab,
        Forge.GITEA: read_gitea,
    }[Forge(hook.forge)]
    return reader(headers, body)


# --- Drafts -------------------------------------------------------------------------------


def author_for(*, username: str, email: str) -> User | None:
    """The one active person the forge's username, else e-mail, names (without case); None
    for no one, or for two (a name two people share names neither). At most two queries."""
    if username:
        people = list(
            Person.objects.filter(
                forge_username__iexact=username, user__is_active=True
            ).select_related("user")[:2]
        )
        if len(people) == 1:
            return people[0].user
    if email and "@" in email:
        users = list(User.objects.filter(email__iexact=email, is_active=True)[:2])
        if len(users) == 1:
            return users[0]
    return None


def audit_refusal(hook: ForgeHook, *, reason: str, repository: str = "") -> None:
    """One WEBHOOK audit row: which hook, which repository, why. Never the secret or body."""
    where = f" ({repository})" if repository else ""
    audit.record(
        audit.WEBHOOK,
        target=hook,
        detail=f"{hook.get_forge_display()} “{hook.name}”{where}: {reason}",
    )


def draft_add(*, hook: ForgeHook, pull: MergedPullRequest) -> Draft | None:
    """The draft for a merged pull request, for the person it names. None, changing nothing
    but the audit trail, when it names no one; None and nothing at all when that person
    already has this pull request as a draft (a redelivery, or a second hook)."""
    author = author_for(username=pull.username, email=pull.email)
    if author is None:
        audit_refusal(
            hook,
            reason="no one in Promo has this author's forge username or e-mail",
            repository=pull.repository,
        )
        return None
    try:
        with transaction.atomic():
            draft = Draft.objects.create(
                author=author,
                hook=hook,
                url=pull.url,
                repository=pull.repository,
                number=pull.number,
                title=pull.title,
                body=pull.body,
                merged_at=datetime.fromisoformat(pull.merged_at),
            )
    except IntegrityError:
        return None
    return draft


def delivered(hook: ForgeHook) -> None:
    ForgeHook.objects.filter(pk=hook.pk).update(last_delivery_at=timezone.now())
