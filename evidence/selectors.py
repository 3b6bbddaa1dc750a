"""Reads of evidence. Every list starts from `entries_visible_to`, so privacy holds everywhere."""

import difflib
from dataclasses import dataclass
from datetime import date, timedelta

from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector
from django.db import connection
from django.db.models import Count, Prefetch, Q, QuerySet
from django.http import Http404

from evidence.models import Entry, EntryBehaviour
from promo import access
from promo.models import Behaviour, Level, Person

IMPACT_FOLLOW_UP_WEEKS = 8


def _with_related(entries: QuerySet[Entry]) -> QuerySet[Entry]:
    behaviours = Behaviour.objects.select_related("level__ladder").order_by("level__rank", "rank")
    return entries.select_related("author__person").prefetch_related(
        Prefetch("behaviours", queryset=behaviours), "links"
    )


def entries_visible_to(viewer: AbstractBaseUser) -> QuerySet[Entry]:
    """Live entries the viewer may see (their own, and what others shared with them)."""
    return _with_related(Entry.objects.live().filter(access.visibility_q(viewer)))


def own_entries(user: AbstractBaseUser) -> QuerySet[Entry]:
    """The user's own live entries: what entries_visible_to(user).filter(author=user) lists,
    without first working out whose else the user may see."""
    return _with_related(Entry.objects.live().filter(author=user))


def entry_for_viewer(viewer: AbstractBaseUser, pk: int) -> Entry:
    """One entry the viewer may see, or 404 (never 403) for anyone else."""
    entry = entries_visible_to(viewer).filter(pk=pk).first()
    if entry is None:
        raise Http404("No such entry.")
    return entry


def own_entry_or_404(user: AbstractBaseUser, pk: int, *, trashed: bool = False) -> Entry:
    """An entry of the user's own, live or (with `trashed`) in the trash; 404 otherwise."""
    entries = Entry.objects.trashed() if trashed else Entry.objects.live()
    entry = _with_related(entries.filter(author_id=user.pk, pk=pk)).first()
    if entry is None:
        raise Http404("No such entry.")
    return entry


FIELD_LABELS = {
    "title": "Title",
    "kind": "Kind",
    "week_start": "Week",
    "behaviours": "Behaviours",
    "impact": "Expected impact",
    "shipped_on": "Shipped on",
    "impact_measured": "Measured impact",
    "links": "Links",
    "visibility": "Shared with",
}


DIFF_KINDS = {"+": "add", "-": "del", " ": "same"}


def _shown(value: object) -> str:
    if isinstance(value, list):
        return ", ".join(" ".join(v) if isinstance(v, list) else str(v) for v in value)
    return "" if value is None else str(value)


def changes_between(old: dict, new: dict) -> tuple[list[dict], list[tuple[str, str]]]:
    """What changed from one snapshot to the next: field changes, and a line diff of the body."""
    changes = [
        {"label": label, "old": _shown(old.get(name)), "new": _shown(new.get(name))}
        for name, label in FIELD_LABELS.items()
        if old.get(name) != new.get(name)
    ]
    old_lines = old.get("body", "").splitlines()
    new_lines = new.get("body", "").splitlines()
    body_diff: list[tuple[str, str]] = []
    in_hunk = False  # the two header lines ("--- ", "+++ ") come before the first "@@"
    for line in difflib.unified_diff(old_lines, new_lines, lineterm="", n=1):
        if line.startswith("@@"):
            in_hunk = True
            body_diff.append(("gap", "…"))
        elif in_hunk:
            body_diff.append((DIFF_KINDS[line[:1]], line[1:]))
    return changes, body_diff


def history_of(entry: Entry) -> list[dict]:
    """Revisions newest first, each with what it changed from the one before."""
    revisions = list(entry.revisions.select_related("editor").order_by("version"))
    history = []
    for previous, revision in zip([None, *revisions], revisions, strict=False):
        changes, body_diff = (
            changes_between(previous.snapshot, revision.snapshot) if previous else ([], [])
        )
        history.append(
            {
                "revision": revision,
                "first": previous is None,
                "changes": changes,
                "body_diff": body_diff,
            }
        )
    return history[::-1]


def trash_of(user: AbstractBaseUser) -> QuerySet[Entry]:
    return Entry.objects.trashed().filter(author_id=user.pk).order_by("-deleted_at")


def behaviour_choices(user: AbstractBaseUser) -> list[tuple[str, list[Behaviour]]]:
    """Behaviours to tag with, grouped by level: the target level's first, then the rest."""
    person = Person.objects.select_related("target_level", "current_level").filter(pk=user.pk)
    person = person.first()
    level = (person.target_level or person.current_level) if person else None
    ladder_levels = Level.objects.filter(ladder_id=level.ladder_id) if level else Level.objects
    levels = list(
        ladder_levels.order_by("ladder_id", "rank").prefetch_related(
            Prefetch("behaviours", queryset=Behaviour.objects.order_by("rank"))
        )
    )
    levels.sort(key=lambda lv: (lv.pk != (level.pk if level else None), lv.ladder_id, lv.rank))
    return [(lv.name, list(lv.behaviours.all())) for lv in levels]


@dataclass(frozen=True)
class Week:
    start: date
    entries: list[Entry]


def weeks_of(
    entries: QuerySet[Entry], *, before: date, count: int
) -> tuple[list[Week], date | None]:
    """Up to `count` weeks with entries, newest first, starting before `before`.

    Returns the weeks and the start of the next older week to page to (None at the end).
    Two queries plus prefetches, however many entries there are.
    """
    starts = list(
        entries.filter(week_start__lt=before)
        .order_by("-week_start")
        .values_list("week_start", flat=True)
        .distinct()[: count + 1]
    )
    shown, more = starts[:count], starts[count:]
    rows = list(entries.filter(week_start__in=shown)) if shown else []
    weeks = [Week(start, [e for e in rows if e.week_start == start]) for start in shown]
    return weeks, (shown[-1] if more else None)


def behaviour_counts(entries: QuerySet[Entry]) -> list[dict]:
    """How many of these entries claim each behaviour, most first (one query)."""
    return list(
        EntryBehaviour.objects.filter(entry__in=entries.values("pk"))
        .values("behaviour_id", "behaviour__name", "behaviour__level_id", "behaviour__level__name")
        .annotate(count=Count("id"))
        .order_by("-count", "behaviour__name")
    )


def impact_due_q(today: date) -> Q:
    """Entries that shipped IMPACT_FOLLOW_UP_WEEKS or more weeks ago with no measured impact."""
    cutoff = today - timedelta(weeks=IMPACT_FOLLOW_UP_WEEKS)
    return Q(shipped_on__lte=cutoff, impact_measured="")


def impact_due(user: AbstractBaseUser, *, today: date) -> QuerySet[Entry]:
    """The user's entries due an impact follow-up, oldest first."""
    return _with_related(
        Entry.objects.live().filter(impact_due_q(today), author_id=user.pk).order_by("shipped_on")
    )


@dataclass(frozen=True)
class Filters:
    text: str = ""
    behaviour: Behaviour | None = None
    kind: str = ""
    author: AbstractBaseUser | None = None
    start: date | None = None
    end: date | None = None
    visibility: str = ""


def search(viewer: AbstractBaseUser, filters: Filters) -> QuerySet[Entry]:
    """Entries the viewer may see that match the filters.

    Text uses PostgreSQL full-text search (ranked, stemmed) when on PostgreSQL, and a simple
    every-word-appears match on SQLite.
    """
    entries = entries_visible_to(viewer)
    if filters.behaviour is not None:
        entries = entries.filter(tags__behaviour=filters.behaviour)
    if filters.kind:
        entries = entries.filter(kind=filters.kind)
    if filters.author is not None:
        entries = entries.filter(author=filters.author)
    if filters.start:
        entries = entries.filter(week_start__gte=filters.start - timedelta(days=6))
    if filters.end:
        entries = entries.filter(week_start__lte=filters.end)
    if filters.visibility:
        entries = entries.filter(visibility=filters.visibility)
    text = filters.text.strip()
    if not text:
        return entries.order_by("-week_start", "-pk")
    if connection.vendor == "postgresql":
        vector = (
            SearchVector("title", weight="A", config="english")
            + SearchVector("body", weight="B", config="english")
            + SearchVector("impact", "impact_measured", weight="C", config="english")
        )
        query = SearchQuery(text, search_type="websearch", config="english")
        return (
            entries.annotate(document=vector, rank=SearchRank(vector, query))
            .filter(document=query)  # the @@ match; ts_rank alone is no filter
            .order_by("-rank", "-week_start", "-pk")
        )
    for word in text.split():
        entries = entries.filter(
            Q(title__icontains=word)
            | Q(body__icontains=word)
            | Q(impact__icontains=word)
            | Q(impact_measured__icontains=word)
        )
    return entries.order_by("-week_start", "-pk")


def visible_authors(viewer: AbstractBaseUser) -> QuerySet[Person]:
    """People whose entries the viewer may see some of: themselves, mentees, reports."""
    ids = {viewer.pk, *access.mentee_ids(viewer.pk), *access.report_ids(viewer.pk)}
    return Person.objects.filter(pk__in=ids).select_related("user").order_by("user__first_name")
