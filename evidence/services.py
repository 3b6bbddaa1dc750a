"""Writes to evidence. One function per write, keyword-only, atomic.

Every save of an entry bumps its `version` and keeps a revision. An edit names the version it
started from; if someone saved in between, the edit is refused with `EditConflict` and the
caller shows both versions, so nothing is silently overwritten and nothing typed is lost.
"""

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import TypedDict

from django.contrib.auth import get_user_model
from django.contrib.auth.models import User
from django.db import transaction
from django.db.models import F, prefetch_related_objects
from django.urls import reverse
from django.utils import timezone

from evidence import selectors
from evidence.models import (
    TRASH_DAYS,
    Entry,
    EntryBehaviour,
    EntryLink,
    EntryRevision,
    Kind,
    month_index,
    week_start,
)
from promo import access, audit
from promo.models import Behaviour, Notification, Person, Visibility, display_name
from promo.notifications import notify


@dataclass(frozen=True)
class EntryData:
    """What the engineer typed, already checked by a form."""

    title: str
    week_of: date
    kind: str = Kind.WEEKLY_WIN
    body: str = ""
    behaviours: tuple[Behaviour, ...] = ()
    impact: str = ""
    shipped_on: date | None = None
    impact_measured: str = ""
    impact_measured_on: date | None = None  # None: today, when the text is new or changed
    links: tuple[tuple[str, str], ...] = ()
    visibility: str | None = None  # None: the author's default


class EditConflict(Exception):
    """Someone saved the entry after this edit began; `current` is what is saved now."""

    def __init__(self, current: Entry) -> None:
        super().__init__(f"Entry {current.pk} is at version {current.version}")
        self.current = current


def default_visibility(author: User) -> str:
    return sharing_default(Person.objects.filter(pk=author.pk).first())


def sharing_default(person: Person | None) -> str:
    """Who sees a new entry unless its author says: their preference, else only them."""
    return (person.default_visibility if person else "") or Visibility.PRIVATE


class EntrySnapshot(TypedDict):
    """What EntryRevision.snapshot holds, as JSON (dates as ISO strings)."""

    title: str
    kind: str
    week_start: str
    body: str
    behaviours: list[str]  # names, in ladder order
    impact: str
    shipped_on: str | None
    impact_measured: str
    impact_measured_on: str | None
    links: list[list[str]]  # [url, label] pairs
    visibility: str


def snapshot(entry: Entry) -> EntrySnapshot:
    """The entry's content as plain JSON, for revisions and their diffs. Its behaviours and
    links are read as pages read them and kept on the entry, so a page showing the entry just
    saved reads them no more (an entry whose related rows changed since they were read must
    be refreshed first, as the services here do)."""
    prefetch_related_objects([entry], *selectors.related_lookups())
    return EntrySnapshot(
        title=entry.title,
        kind=entry.kind,
        week_start=entry.week_start.isoformat(),
        body=entry.body,
        behaviours=[b.name for b in entry.behaviours.all()],
        impact=entry.impact,
        shipped_on=entry.shipped_on.isoformat() if entry.shipped_on else None,
        impact_measured=entry.impact_measured,
        impact_measured_on=(
            entry.impact_measured_on.isoformat() if entry.impact_measured_on else None
        ),
        links=[[link.url, link.label] for link in entry.links.all()],
        visibility=entry.visibility,
    )


class EntryFields(TypedDict):
    """An entry's own columns, as a new entry is made and an edit updates them."""

    title: str
    week_start: date
    month_index: int
    kind: str
    body: str
    impact: str
    shipped_on: date | None
    impact_measured: str
    impact_measured_on: date | None
    visibility: str


def _fields(data: EntryData, *, author: User, previous: Entry | None) -> EntryFields:
    measured = data.impact_measured.strip()
    if not measured:
        measured_on = None
    elif data.impact_measured_on is not None:
        measured_on = data.impact_measured_on
    elif previous is not None and previous.impact_measured == measured:
        measured_on = previous.impact_measured_on
    else:
        measured_on = timezone.localdate()
    week = week_start(data.week_of)
    return {
        "title": data.title.strip(),
        "week_start": week,
        "month_index": month_index(week),
        "kind": data.kind,
        "body": data.body,
        "impact": data.impact.strip(),
        "shipped_on": data.shipped_on,
        "impact_measured": measured,
        "impact_measured_on": measured_on,
        "visibility": data.visibility or default_visibility(author),
    }


def _save_related(entry: Entry, data: EntryData, *, editor: User, new: bool = False) -> None:
    """Tags, links and the revision of a saved entry; a `new` one has no old tags or links."""
    wanted = {b.pk for b in data.behaviours}
    have: set[int] = set()
    if not new:
        EntryBehaviour.objects.filter(entry=entry).exclude(behaviour_id__in=wanted).delete()
        have = set(
            EntryBehaviour.objects.filter(entry=entry).values_list("behaviour_id", flat=True)
        )
        EntryLink.objects.filter(entry=entry).delete()
    EntryBehaviour.objects.bulk_create(
        EntryBehaviour(entry=entry, behaviour_id=pk) for pk in sorted(wanted - have)
    )
    EntryLink.objects.bulk_create(
        EntryLink(entry=entry, rank=rank, url=url, label=label)
        for rank, (url, label) in enumerate(data.links, start=1)
    )
    EntryRevision.objects.create(
        entry=entry, version=entry.version, editor=editor, snapshot=snapshot(entry)
    )


def _tell_mentors(author: User, *, text: str, url: str) -> None:
    mentors = get_user_model().objects.filter(
        mentees_links__engineer=author, mentees_links__state="active"
    )
    notify(recipients=mentors, actor=author, kind=Notification.Kind.SHARED, text=text, url=url)


def _shared_with_mentors(entry: Entry, *, before: str | None) -> None:
    """Tell the author's active mentors when an entry becomes visible to them."""
    if entry.visibility in access.MENTOR_SEES and before not in access.MENTOR_SEES:
        name = display_name(entry.author)
        _tell_mentors(
            entry.author,
            text=f"{name} shared “{entry.title}” with you.",
            url=entry.get_absolute_url(),
        )


@transaction.atomic
def entry_log(*, author: User, data: EntryData, notify_mentors: bool = True) -> Entry:
    """Log a new entry (version 1) for `author`; mentors hear of it if it is shared with them."""
    entry = Entry(author=author, **_fields(data, author=author, previous=None))
    entry.full_clean(exclude=["author"])  # the signed-in user: no need to look them up
    entry.save()
    _save_related(entry, data, editor=author, new=True)
    if notify_mentors:
        _shared_with_mentors(entry, before=None)
    return entry


@transaction.atomic
def entry_update(*, entry: Entry, editor: User, expected_version: int, data: EntryData) -> Entry:
    """Save an edit that began at `expected_version`, or raise EditConflict.

    The version check and the write are one UPDATE ... WHERE version = expected, so of two
    concurrent saves from the same starting point exactly one lands, on any database.
    """
    fields = _fields(data, author=entry.author, previous=entry)
    before = entry.visibility
    candidate = Entry(pk=entry.pk, author_id=entry.author_id, **fields)
    candidate.full_clean(exclude=["author"], validate_unique=False)
    landed = Entry.objects.filter(
        pk=entry.pk, version=expected_version, deleted_at__isnull=True
    ).update(version=F("version") + 1, updated_at=timezone.now(), **fields)
    if not landed:
        raise EditConflict(Entry.objects.get(pk=entry.pk))
    entry.refresh_from_db()
    _save_related(entry, data, editor=editor)
    _sharing_changed(entry, before=before, by=editor)
    return entry


def _sharing_changed(entry: Entry, *, before: str, by: User) -> None:
    _shared_with_mentors(entry, before=before)
    if entry.visibility != before:
        audit.record(
            audit.VISIBILITY, actor=by, target=entry, detail=f"{before} → {entry.visibility}"
        )


@transaction.atomic
def entry_share(*, entry: Entry, by: User) -> Entry:
    """Share a private entry with mentors in one step (where it says only its author can see
    it): a new version with its revision, the mentors told, the change in the audit trail. An
    entry already shared stays as it is: this never narrows who sees it."""
    before = entry.visibility
    if before != Visibility.PRIVATE:
        return entry
    Entry.objects.filter(pk=entry.pk).update(
        visibility=Visibility.MENTORS, version=F("version") + 1, updated_at=timezone.now()
    )
    entry.refresh_from_db()
    EntryRevision.objects.create(
        entry=entry, version=entry.version, editor=by, snapshot=snapshot(entry)
    )
    _sharing_changed(entry, before=before, by=by)
    return entry


@transaction.atomic
def entry_record_impact(*, entry: Entry, editor: User, text: str, on: date | None = None) -> Entry:
    """Record the impact an entry turned out to have (the follow-up the committee wants)."""
    text = text.strip()
    if not text:
        raise ValueError("The measured impact is empty.")
    measured_on = on or timezone.localdate()
    Entry.objects.filter(pk=entry.pk).update(
        impact_measured=text,
        impact_measured_on=measured_on,
        version=F("version") + 1,
        updated_at=timezone.now(),
    )
    entry.refresh_from_db()
    EntryRevision.objects.create(
        entry=entry, version=entry.version, editor=editor, snapshot=snapshot(entry)
    )
    return entry


@transaction.atomic
def entry_trash(*, entry: Entry) -> Entry:
    """Move an entry to the trash; it can be restored for TRASH_DAYS days."""
    entry.deleted_at = timezone.now()
    entry.save(update_fields=["deleted_at"])
    return entry


@transaction.atomic
def entry_restore(*, entry: Entry) -> Entry:
    entry.deleted_at = None
    entry.save(update_fields=["deleted_at"])
    return entry


@transaction.atomic
def entries_purge(*, now: datetime) -> int:
    """Delete for good the entries that have been in the trash for TRASH_DAYS days."""
    cutoff = now - timedelta(days=TRASH_DAYS)
    expired = Entry.objects.filter(deleted_at__lte=cutoff)
    count = expired.count()
    expired.delete()
    return count


@transaction.atomic
def entries_import(*, author: User, items: list[EntryData]) -> list[Entry]:
    """Create many entries at once; any failure creates none. Mentors get one summary."""
    created = [entry_log(author=author, data=item, notify_mentors=False) for item in items]
    shared = sum(1 for entry in created if entry.visibility in access.MENTOR_SEES)
    if shared:
        name = display_name(author)
        _tell_mentors(
            author,
            text=f"{name} imported {shared} entr{'y' if shared == 1 else 'ies'} shared with you.",
            url=reverse("evidence:person", args=[author.get_username()]),
        )
    return created
