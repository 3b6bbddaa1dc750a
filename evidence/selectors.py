"""Reads of evidence. Every list starts from `entries_visible_to`, so privacy holds everywhere."""

import difflib
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TypedDict

from django.contrib.auth.models import User
from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector
from django.db import connection
from django.db.models import Count, Prefetch, Q, QuerySet, prefetch_related_objects
from django.http import Http404

from evidence.models import Entry, EntryBehaviour, EntryRevision
from promo import access
from promo.models import Behaviour, Level, Person

IMPACT_FOLLOW_UP_WEEKS = 8


def _behaviours_in_ladder_order() -> Prefetch[str, QuerySet[Behaviour]]:
    behaviours = Behaviour.objects.select_related("level__ladder").order_by("level__rank", "rank")
    return Prefetch("behaviours", queryset=behaviours)


def related_lookups() -> tuple[Prefetch[str, QuerySet[Behaviour]], str]:
    """What pages show of an entry beyond its own row: its behaviours in ladder order (with
    their level and ladder) and its links. Writes read the same once, after saving them."""
    return _behaviours_in_ladder_order(), "links"


def as_cards(entries: QuerySet[Entry]) -> QuerySet[Entry]:
    """Entries for a list of cards, which name each entry's behaviours but never its links:
    one query fewer than reading each entry whole."""
    return entries.prefetch_related(None).prefetch_related(_behaviours_in_ladder_order())


def _with_related(entries: QuerySet[Entry]) -> QuerySet[Entry]:
    return entries.select_related("author__person").prefetch_related(*related_lookups())


def entries_visible_to(viewer: User) -> QuerySet[Entry]:
    """Live entries the viewer may see (their own, and what others shared with them)."""
    return _with_related(Entry.objects.live().filter(access.visibility_q(viewer)))


def own_entries(user: User) -> QuerySet[Entry]:
    """The user's own live entries: what entries_visible_to(user).filter(author=user) lists,
    without first working out whose else the user may see."""
    return _with_related(Entry.objects.live().filter(author=user))


def entry_for_viewer(viewer: User, pk: int) -> Entry:
    """One entry the viewer may see, or 404 (never 403) for anyone else. The row is read
    first and `access.may_see` decides, so its owner costs no "whose entries may I see"
    query; its behaviours and links are read only once it may be seen."""
    entry = Entry.objects.live().select_related("author__person").filter(pk=pk).first()
    if entry is None or not access.may_see(
        viewer,
        entry.author,
        entry.visibility,
        scope=None if entry.author_id == viewer.pk else access.scope_of(viewer),
    ):
        raise Http404("No such entry.")
    prefetch_related_objects([entry], *related_lookups())
    return entry


def own_entry_or_404(user: User, pk: int, *, trashed: bool = False) -> Entry:
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


DIFF_WINDOW = 400  # changed lines compared one by one; a longer changed middle shows replaced


def _shown(value: object) -> str:
    if isinstance(value, list):
        return ", ".join(" ".join(v) if isinstance(v, list) else str(v) for v in value)
    return "" if value is None else str(value)


@dataclass(frozen=True)
class FieldChange:
    label: str
    old: str
    new: str


# A line of the body's diff: ("same" | "del" | "add" | "gap", the line).
DiffLine = tuple[str, str]


def changes_between(
    old: Mapping[str, object], new: Mapping[str, object]
) -> tuple[list[FieldChange], list[DiffLine]]:
    """What changed from one snapshot to the next: field changes, and a line diff of the body.
    Snapshots are `services.EntrySnapshot`s, but older revisions may lack newer fields."""
    changes = [
        FieldChange(label=label, old=_shown(old.get(name)), new=_shown(new.get(name)))
        for name, label in FIELD_LABELS.items()
        if old.get(name) != new.get(name)
    ]
    old_lines = str(old.get("body", "")).splitlines()
    new_lines = str(new.get("body", "")).splitlines()
    body_diff: list[DiffLine] = []
    for group in _grouped(_opcodes(old_lines, new_lines)):
        body_diff.append(("gap", "…"))
        for tag, i1, i2, j1, j2 in group:
            if tag == "equal":
                body_diff += [("same", line) for line in old_lines[i1:i2]]
                continue
            body_diff += [("del", line) for line in old_lines[i1:i2]]
            body_diff += [("add", line) for line in new_lines[j1:j2]]
    return changes, body_diff


Opcode = tuple[str, int, int, int, int]


def _opcodes(old: list[str], new: list[str]) -> list[Opcode]:
    """difflib's opcodes for turning `old` into `new`, in time linear in their length: the lines
    both start and end with are set aside first, and a changed middle longer than DIFF_WINDOW
    lines on either side is shown as replaced rather than matched line by line (difflib's
    matching is quadratic on such input)."""
    shortest = min(len(old), len(new))
    head = 0
    while head < shortest and old[head] == new[head]:
        head += 1
    tail = 0
    while tail < shortest - head and old[-1 - tail] == new[-1 - tail]:
        tail += 1
    a1, b1 = len(old) - tail, len(new) - tail
    codes: list[Opcode] = [("equal", 0, head, 0, head)] if head else []
    if a1 - head <= DIFF_WINDOW and b1 - head <= DIFF_WINDOW:
        middle = difflib.SequenceMatcher(None, old[head:a1], new[head:b1], autojunk=False)
        codes += [
            (tag, i1 + head, i2 + head, j1 + head, j2 + head)
            for tag, i1, i2, j1, j2 in middle.get_opcodes()
        ]
    elif a1 > head or b1 > head:
        codes.append(("replace", head, a1, head, b1))
    if tail:
        codes.append(("equal", a1, len(old), b1, len(new)))
    return codes


def _grouped(codes: list[Opcode], context: int = 1) -> list[list[Opcode]]:
    """The changes with `context` unchanged lines around each, as difflib's unified diff groups
    them into hunks; nothing when nothing changed."""
    if not any(tag != "equal" for tag, *_ in codes):
        return []
    codes = list(codes)
    tag, i1, i2, j1, j2 = codes[0]
    if tag == "equal":
        codes[0] = (tag, max(i1, i2 - context), i2, max(j1, j2 - context), j2)
    tag, i1, i2, j1, j2 = codes[-1]
    if tag == "equal":
        codes[-1] = (tag, i1, min(i2, i1 + context), j1, min(j2, j1 + context))
    groups: list[list[Opcode]] = []
    group: list[Opcode] = []
    for tag, i1, i2, j1, j2 in codes:
        if tag == "equal" and i2 - i1 > 2 * context:
            group.append((tag, i1, i1 + context, j1, j1 + context))
            groups.append(group)
            group = []
            i1, j1 = i2 - context, j2 - context
        group.append((tag, i1, i2, j1, j2))
    if group and not (len(group) == 1 and group[0][0] == "equal"):
        groups.append(group)
    return groups


@dataclass(frozen=True)
class HistoryItem:
    revision: EntryRevision
    first: bool
    changes: list[FieldChange]
    body_diff: list[DiffLine]


def history_of(entry: Entry) -> list[HistoryItem]:
    """Revisions newest first, each with what it changed from the one before."""
    revisions = list(entry.revisions.select_related("editor").order_by("version"))
    history = []
    for previous, revision in zip([None, *revisions], revisions, strict=False):
        changes, body_diff = (
            changes_between(previous.snapshot, revision.snapshot) if previous else ([], [])
        )
        history.append(
            HistoryItem(
                revision=revision, first=previous is None, changes=changes, body_diff=body_diff
            )
        )
    return history[::-1]


def trash_of(user: User) -> QuerySet[Entry]:
    return Entry.objects.trashed().filter(author_id=user.pk).order_by("-deleted_at")


def writer(user: User) -> Person | None:
    """The profile an entry form reads (default sharing, working level, whom to ask about the
    ladder), in one query."""
    return (
        Person.objects.select_related("target_level", "current_level", "manager__user")
        .filter(pk=user.pk)
        .first()
    )


def behaviour_choices(
    level: Level | None, *, others: bool = True
) -> list[tuple[str, list[Behaviour]]]:
    """Behaviours to tag with, grouped by level: `level` (the person's working level) first,
    then (with `others`) the rest of its ladder (every ladder's levels without one). One query:
    the behaviours with their levels; a level with no behaviours offers nothing to tick."""
    behaviours = Behaviour.objects.select_related("level")
    if level is not None and not others:
        behaviours = behaviours.filter(level_id=level.pk)
    elif level is not None:
        behaviours = behaviours.filter(level__ladder_id=level.ladder_id)
    first = level.pk if level else None
    groups: dict[int, tuple[str, list[Behaviour]]] = {}
    for b in behaviours.order_by("level__ladder_id", "level__rank", "rank"):
        groups.setdefault(b.level_id, (b.level.name, []))[1].append(b)
    if first in groups:
        groups = {first: groups.pop(first), **groups}
    return list(groups.values())


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


def this_and_earlier_weeks(
    entries: QuerySet[Entry], *, this_week: date, count: int
) -> tuple[list[Entry], list[Week], date | None]:
    """This week's entries, then what `weeks_of` gives for the weeks before it, in the queries
    of one `weeks_of` (one extra week is read in case this week has no entries)."""
    weeks, older = weeks_of(entries, before=this_week + timedelta(weeks=1), count=count + 1)
    current = weeks[0].entries if weeks and weeks[0].start == this_week else []
    earlier = weeks[1:] if current else weeks
    if len(earlier) > count:  # this week had none: the extra week read says there is more
        earlier, older = earlier[:count], earlier[count - 1].start
    return current, earlier, older


class BehaviourCount(TypedDict):
    """A `.values()` row: a behaviour, its level, and how many entries claim it."""

    behaviour_id: int
    behaviour__name: str
    behaviour__level_id: int
    behaviour__level__name: str
    count: int


def behaviour_counts(entries: QuerySet[Entry]) -> list[BehaviourCount]:
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


def impact_due(user: User, *, today: date) -> QuerySet[Entry]:
    """The user's entries due an impact follow-up, oldest first."""
    return _with_related(
        Entry.objects.live().filter(impact_due_q(today), author_id=user.pk).order_by("shipped_on")
    )


@dataclass(frozen=True)
class Filters:
    text: str = ""
    behaviour: Behaviour | None = None
    kind: str = ""
    author: User | None = None
    start: date | None = None
    end: date | None = None
    visibility: str = ""


def search(viewer: User, filters: Filters) -> QuerySet[Entry]:
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
    every_word = [  # one filter for all the words: a filter per word copies the query each time
        Q(title__icontains=word)
        | Q(body__icontains=word)
        | Q(impact__icontains=word)
        | Q(impact_measured__icontains=word)
        for word in dict.fromkeys(text.split())
    ]
    return entries.filter(*every_word).order_by("-week_start", "-pk")


def visible_authors(viewer: User) -> QuerySet[Person]:
    """People whose entries the viewer may see some of: themselves, mentees, reports."""
    ids = {viewer.pk, *access.mentee_ids(viewer.pk), *access.report_ids(viewer.pk)}
    return Person.objects.filter(pk__in=ids).select_related("user").order_by("user__first_name")
