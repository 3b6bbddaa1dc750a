"""Drafts: merged pull requests from the organisation's forge, waiting for their author.

A draft is made by `evidence.forges` when a forge reports a merged pull request. It counts for
nothing (no page, export or readiness reads drafts) until its author logs it, which makes an
ordinary entry through `evidence.services.entry_log` (one rule for logging), or dismisses it.
Only the author ever sees or decides their drafts; anyone else gets 404.
"""

from collections.abc import Sequence
from dataclasses import dataclass

from django.contrib.auth.models import User
from django.db import transaction
from django.db.models import QuerySet
from django.http import Http404
from django.utils import timezone

from evidence import services, suggestions
from evidence.forms import LINK_LABEL_MAX, links_text
from evidence.models import LINKS_MAX, TITLE_MAX, Draft, Entry, Kind
from evidence.services import EntryData
from promo.models import Behaviour, Person

INBOX_MAX = 20  # drafts shown on This week at once; the count says how many more wait
SUGGESTED = 3  # behaviours suggested per draft


def waiting_for(user: User) -> QuerySet[Draft]:
    """The user's own waiting drafts, newest merge first."""
    return Draft.objects.filter(author_id=user.pk, state=Draft.State.WAITING).order_by(
        "-merged_at", "-pk"
    )


def own_draft_or_404(user: User, pk: int) -> Draft:
    """One of the user's own waiting drafts, or 404 for anyone else's and for decided ones."""
    draft = waiting_for(user).filter(pk=pk).first()
    if draft is None:
        raise Http404("No such draft.")
    return draft


def waiting_count(user: User) -> int:
    return waiting_for(user).count()


def text_of(draft: Draft) -> str:
    """What a draft's suggestions are ranked on: its title and description."""
    return f"{draft.title}\n{draft.body}"


def suggested_for(user: User, drafts: Sequence[Draft]) -> dict[int, list[Behaviour]]:
    """Per draft id, the behaviours its title and description sound like (evidence.suggestions:
    two queries, however many drafts; none without drafts)."""
    if not drafts:
        return {}
    ranked = suggestions.suggest_many(user, [text_of(d) for d in drafts], limit=SUGGESTED)
    return {draft.pk: found for draft, found in zip(drafts, ranked, strict=True)}


@dataclass(frozen=True)
class InboxDraft:
    """A waiting draft as the inbox shows it, with the behaviours it is suggested to show."""

    draft: Draft
    suggested: tuple[Behaviour, ...]


@dataclass(frozen=True)
class Inbox:
    drafts: tuple[InboxDraft, ...]  # at most INBOX_MAX, newest merge first
    waiting: int  # all the user's waiting drafts


def inbox(user: User) -> Inbox:
    """The evidence inbox on This week: at most four queries, however many drafts wait (one
    when none does)."""
    shown = list(waiting_for(user)[: INBOX_MAX + 1])
    waiting = len(shown) if len(shown) <= INBOX_MAX else waiting_count(user)
    shown = shown[:INBOX_MAX]
    suggested = suggested_for(user, shown)
    return Inbox(
        drafts=tuple(InboxDraft(d, tuple(suggested.get(d.pk, ()))) for d in shown),
        waiting=waiting,
    )


def link_label(draft: Draft) -> str:
    """How the pull request's link is labelled on the entry: "owner/repo#12"."""
    number = f"#{draft.number}" if draft.number is not None else ""
    return f"{draft.repository}{number}"[:LINK_LABEL_MAX]


def entry_data_for(draft: Draft, *, behaviours: tuple[Behaviour, ...]) -> EntryData:
    """The entry a draft becomes when logged as it is: its title and description, the week
    and day it was merged, and a link to the pull request."""
    merged_on = timezone.localdate(draft.merged_at)
    return EntryData(
        title=draft.title[:TITLE_MAX],
        week_of=merged_on,
        kind=Kind.WEEKLY_WIN,
        body=draft.body,
        behaviours=behaviours,
        shipped_on=merged_on,
        links=((draft.url, link_label(draft)),),
    )


def initial_for(draft: Draft, writer: Person | None) -> dict[str, object]:
    """The new-entry form filled from a draft ("Edit first"), its suggested behaviours ticked."""
    data = entry_data_for(draft, behaviours=())
    suggested = (
        suggestions.suggest(draft.author, text_of(draft), limit=SUGGESTED)
        if writer is not None and writer.working_level is not None
        else []
    )
    return {
        "title": data.title,
        "body": data.body,
        "week_of": data.week_of,
        "shipped_on": data.shipped_on,
        "links": links_text(data.links),
        "behaviours": [b.pk for b in suggested],
    }


def _with_draft_link(draft: Draft, data: EntryData) -> EntryData:
    """`data` with the pull request among its links (first), so a logged draft always points
    back at what was merged, whatever the engineer edited."""
    links = tuple(link for link in data.links if link[0] != draft.url)
    links = ((draft.url, link_label(draft)), *links)[:LINKS_MAX]
    return EntryData(
        title=data.title,
        week_of=data.week_of,
        kind=data.kind,
        body=data.body,
        behaviours=data.behaviours,
        impact=data.impact,
        shipped_on=data.shipped_on,
        impact_measured=data.impact_measured,
        impact_measured_on=data.impact_measured_on,
        links=links,
        visibility=data.visibility,
    )


def _lock_own_waiting(draft: Draft, by: User) -> Draft:
    """The draft's row, locked for this transaction, if it is still `by`'s waiting draft:
    of two concurrent decisions on one draft exactly one lands, the other gets 404."""
    locked = waiting_for(by).select_for_update().filter(pk=draft.pk).first()
    if locked is None:
        raise Http404("No such draft.")
    return locked


@transaction.atomic
def log_draft(*, draft: Draft, by: User, data: EntryData) -> Entry:
    """Log the draft as an entry of `by`'s (who must be its author) and mark it logged."""
    locked = _lock_own_waiting(draft, by)
    entry = services.entry_log(author=by, data=_with_draft_link(locked, data))
    now = timezone.now()
    Draft.objects.filter(pk=locked.pk).update(state=Draft.State.LOGGED, entry=entry, decided_at=now)
    draft.state, draft.entry, draft.decided_at = Draft.State.LOGGED, entry, now
    return entry


@transaction.atomic
def dismiss_draft(*, draft: Draft, by: User) -> None:
    """Put the draft aside for good (it never comes back, even if delivered again)."""
    locked = _lock_own_waiting(draft, by)
    now = timezone.now()
    Draft.objects.filter(pk=locked.pk).update(state=Draft.State.DISMISSED, decided_at=now)
    draft.state, draft.decided_at = Draft.State.DISMISSED, now


def just_dismissed(user: User, pk: int | None) -> Draft | None:
    """The draft named by ?dismissed=, if it is the user's and dismissed: offer an Undo."""
    if pk is None:
        return None
    return Draft.objects.filter(pk=pk, author_id=user.pk, state=Draft.State.DISMISSED).first()


@transaction.atomic
def restore_draft(*, draft_pk: int, by: User) -> Draft:
    """Undo a dismissal: the user's own dismissed draft waits again; 404 otherwise."""
    restored = Draft.objects.filter(
        pk=draft_pk, author_id=by.pk, state=Draft.State.DISMISSED
    ).update(state=Draft.State.WAITING, decided_at=None)
    if not restored:
        raise Http404("No such draft.")
    return Draft.objects.get(pk=draft_pk)
