"""The team dashboard: one row per person, each their kept readiness picture as the viewer may
see it (reviews.readiness.summaries), listed, counted, filtered, sorted and paged in SQL."""

import csv
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from typing import TypedDict
from urllib.parse import quote

from django.core.paginator import Paginator
from django.db.models import Case, Count, F, QuerySet, Value, When
from django.db.models.expressions import OrderBy
from django.db.models.functions import Coalesce, Concat, Lower, NullIf, Trim
from django.http import HttpResponse
from django.urls import reverse
from django.utils.http import RFC3986_SUBDELIMS

from promo import access
from promo.http import AuthenticatedHttpRequest
from promo.models import Person
from reviews.readiness import forecast, pipeline, summaries, words
from reviews.readiness.labels import BEHAVIOUR_STATES, STATUS_LABELS, STATUS_ORDER, BehaviourState
from reviews.readiness.models import StoredPicture
from reviews.readiness.periods import Policy, period_label, span, unit


def team_ids(scope: access.Scope, view: str) -> tuple[int, ...]:
    return scope.mentees if view == "mentees" else scope.reports


def listing(
    request: AuthenticatedHttpRequest, scope: access.Scope, view: str, as_of: date
) -> QuerySet[StoredPicture]:
    """Everyone on the dashboard as today's kept pictures, one each, as the viewer may see them
    (made first for anyone whose picture is missing or stale; someone without a target level
    has an unassessed one). Filter, count, sort and page it in SQL: a director of thousands
    reads only the page they look at."""
    ids = team_ids(scope, view)
    if not ids or scope.viewer_id is None:
        return StoredPicture.objects.none()
    team = access.ids_subquery(ids)
    readers = summaries.Readers.of(scope, ids)
    summaries.make_stale(request.user, team, readers, as_of=as_of, scope=scope)
    return StoredPicture.objects.filter(readers.q(), day=as_of, engineer_id__in=team)


@dataclass(frozen=True)
class Tally:
    """How many of a listing there are by team, target level and status: one grouped query
    gives the status counts, the filters' choices and how many each filter matches."""

    groups: list[tuple[str | None, str | None, str, int]]

    @classmethod
    def of(cls, pictures: QuerySet[StoredPicture]) -> "Tally":
        found = (
            pictures.order_by()
            .values_list("engineer__team__name", "engineer__target_level__name", "status")
            .annotate(n=Count("pk"))
        )
        return cls(list(found))

    @property
    def total(self) -> int:
        return sum(n for *_, n in self.groups)

    def counts(self) -> dict[str, int]:
        """People at each status (the unassessed at none)."""
        return {s: sum(n for _, _, status, n in self.groups if status == s) for s in STATUS_ORDER}

    def teams(self) -> list[str]:
        return sorted({team for team, *_ in self.groups if team is not None})

    def levels(self) -> list[str]:
        return sorted({level for _, level, *_ in self.groups if level is not None})

    def matching(self, *, status: str, team: str, level: str) -> int:
        return sum(
            n
            for t, lv, s, n in self.groups
            if (not status or s == status)
            and (not team or t == team)
            and (not level or lv == level)
        )


def filtered(
    pictures: QuerySet[StoredPicture], *, status: str, team: str, level: str
) -> QuerySet[StoredPicture]:
    """A listing narrowed as `Tally.matching` counts it."""
    if status:
        pictures = pictures.filter(status=status)
    if team:
        pictures = pictures.filter(engineer__team__name=team)
    if level:
        pictures = pictures.filter(engineer__target_level__name=level)
    return pictures


# How Promo names a person (promo.models.display_name: the full name, else the username), as
# SQL to sort by; a test holds the two orders equal.
DISPLAY_NAME = Lower(
    Coalesce(
        NullIf(
            Trim(Concat("engineer__user__first_name", Value(" "), "engineer__user__last_name")),
            Value(""),
        ),
        "engineer__user__username",
    )
)
BY_STATUS = Case(
    *(When(status=status, then=Value(i)) for status, i in STATUS_ORDER.items()),
    default=Value(len(STATUS_ORDER)),  # not assessed: last
)
# Needs attention first: someone whose status fell, then behaviours gone quiet, then the
# furthest from ready (no target level first: that needs choosing), then open gap notes.
FELL = Case(When(trend=forecast.DOWN, then=Value(0)), default=Value(1))
TEAM_SORTS: dict[str, tuple[OrderBy | str, ...]] = {
    "attention": (
        FELL.asc(),
        F("quiet").desc(),
        BY_STATUS.desc(),
        F("gaps").desc(),
        DISPLAY_NAME.asc(),
        "engineer_id",
    ),
    "name": (DISPLAY_NAME.asc(), "engineer_id"),
    "status": (BY_STATUS.asc(), F("sustained").desc(), DISPLAY_NAME.asc(), "engineer_id"),
    "gaps": (F("gaps").desc(), DISPLAY_NAME.asc(), "engineer_id"),
    "ready_by": (F("ready_by").asc(nulls_last=True), DISPLAY_NAME.asc(), "engineer_id"),
}
TEAM_PAGE_SIZE = 50  # rows drawn at once: a director of thousands pages through them
# What a row reads with its picture: the person, their team and levels.
ROW_RELATIONS = (
    "engineer__user",
    "engineer__team",
    "engineer__current_level",
    "engineer__target_level__ladder",
)


class CountedPaginator(Paginator[int]):
    """A paginator of ids told how many there are (a Tally already knows), so it asks nobody
    again."""

    def __init__(self, object_list: QuerySet[StoredPicture, int], per_page: int, *, count: int):
        super().__init__(object_list, per_page)
        self._known = count

    @cached_property
    def count(self) -> int:
        return self._known


def page_pictures(ids: list[int]) -> list[StoredPicture]:
    """The pictures of one page, by id in the listing's order, with their people: the order is
    worked out over light rows and only the page's are read in full."""
    found = StoredPicture.objects.filter(pk__in=ids).select_related(*ROW_RELATIONS)
    by_pk = {picture.pk: picture for picture in found}
    return [by_pk[pk] for pk in ids if pk in by_pk]


DEFAULT_SORT = "attention"


def ordered(pictures: QuerySet[StoredPicture], sort: str) -> QuerySet[StoredPicture]:
    return pictures.order_by(*TEAM_SORTS.get(sort, TEAM_SORTS[DEFAULT_SORT]))


def rows_of(pictures: QuerySet[StoredPicture]) -> list[StoredPicture]:
    """Every picture of an ordered listing with its person (the CSV, tests)."""
    return list(pictures.select_related(*ROW_RELATIONS))


USERNAME_MARK = "username-mark"


def readiness_links() -> Callable[[str], str]:
    """A username -> readiness page URL function that reverses once, not once per row. It
    quotes as `reverse` does (a test holds the two equal for unusual usernames)."""
    head, tail = reverse("reviews:readiness", args=[USERNAME_MARK]).split(USERNAME_MARK)
    safe = RFC3986_SUBDELIMS + "/~:@"
    return lambda username: f"{head}{quote(username, safe=safe)}{tail}"


@dataclass(frozen=True)
class BehaviourCell:
    """One behaviour of one person's kept picture, as a dashboard cell draws it."""

    slug: str
    name: str
    state: BehaviourState
    demonstrated: int
    window: int
    stale: bool
    more: int  # demonstrated periods still to show; 0 when sustained (or only maturing)
    tip: str  # the cell in words, for its tooltip and for a screen reader


class TeamRow(TypedDict):
    """A team dashboard row, as its table, its CSV, its filters and the home panel read it."""

    person: Person
    href: str
    status: str  # rules.READY ... or "" when not assessed
    assessed: bool  # False for someone with no target level: listed, not assessed
    status_label: str
    sustained: int
    behaviours: int
    window: str
    cells: list[BehaviourCell]  # one per behaviour of the target level, in ladder order
    missing: list[str]  # what keeps them from ready, most work first, in a few words each
    stale: list[str]
    stale_label: str  # "No evidence in 90 days", from the person's ladder policy
    ready_by: int | None  # the earliest period they could be ready; None: not assessed
    ready_by_label: str
    trend: str  # up | down | held over the last 90 days; "" when not assessed
    trend_from: str  # the status 90 days ago
    gaps: int
    picture: StoredPicture  # what the pipeline said, kept for the day


MISSING_SHOWN = 2  # behaviours named in "what's missing"; the rest are counted


def missing(status: str, cells: list[BehaviourCell], policy: Policy) -> list[str]:
    """What keeps someone from ready, in a few words: the behaviours that need the most
    demonstrated periods first (they set "ready by"), from what the pipeline kept."""
    if status == words.NOT_STARTED:
        return [words.MISSING_NOTHING_YET]
    behind = sorted(
        (c for c in cells if c.state.key != words.SUSTAINED), key=lambda c: (-c.more, c.name)
    )
    said = [
        words.MISSING_MORE.format(name=c.name, count=c.more, unit=unit(policy, c.more))
        if c.more
        else words.MISSING_MATURING.format(name=c.name)
        for c in behind[:MISSING_SHOWN]
    ]
    if len(behind) > MISSING_SHOWN:
        others = len(behind) - MISSING_SHOWN
        said.append(
            words.MISSING_OTHERS.format(
                count=others, behaviours="behaviour" if others == 1 else "behaviours"
            )
        )
    return said


def team_rows(pictures: Iterable[StoredPicture]) -> list[TeamRow]:
    """One row per kept picture (a page of a listing, or all of it), in order, with its
    behaviours' cells and what is missing: no query. The pictures come with their people
    (ROW_RELATIONS)."""
    link = readiness_links()
    rows: list[TeamRow] = []
    for picture in pictures:
        person = picture.engineer
        assessed = bool(picture.status)
        # Someone not assessed has no cells and no dates: no policy to look up.
        policy = pipeline.policy_for(person.target_level) if assessed else Policy()
        cells = [
            BehaviourCell(
                slug, name, BEHAVIOUR_STATES[state], shown, window, stale, more,
                tip=words.CELL_TIP.format(
                    name=name,
                    state=BEHAVIOUR_STATES[state].label.lower(),
                    count=shown,
                    window=span(window, policy),
                    stale=words.CELL_STALE.format(days=picture.stale_days) if stale else "",
                ),
            )
            for _, slug, name, state, shown, _, window, stale, more in picture.rows
        ]  # fmt: skip
        rows.append(
            TeamRow(
                person=person,
                href=link(person.user.username),
                status=picture.status,
                assessed=assessed,
                status_label=STATUS_LABELS[picture.status] if assessed else "Not assessed",
                sustained=picture.sustained,
                behaviours=picture.behaviours if assessed else 0,
                window=picture.window if assessed else "",
                cells=cells,
                missing=missing(picture.status, cells, policy) if assessed else [],
                stale=[cell.name for cell in cells if cell.stale],
                stale_label=words.STALE.format(days=picture.stale_days) if assessed else "",
                ready_by=picture.ready_by,
                ready_by_label=(
                    period_label(picture.ready_by, policy) if picture.ready_by is not None else "—"
                ),
                trend=picture.trend if assessed else "",
                trend_from=STATUS_LABELS[picture.trend_from] if picture.trend_from else "",
                gaps=picture.gaps,
                picture=picture,
            )
        )
    return rows


@dataclass(frozen=True)
class Column:
    slug: str
    name: str


@dataclass
class Group:
    """Rows whose target levels share their behaviours: one table, a column per behaviour.
    Levels of one ladder usually do (Senior, Staff and Principal); someone aiming elsewhere,
    or not assessed, is in a group of their own kind."""

    columns: list[Column]
    levels: list[str]
    rows: list[TeamRow] = field(default_factory=list)


def grouped(rows: list[TeamRow]) -> list[Group]:
    """The rows in their order, gathered by the behaviours they are judged on; groups in the
    order their first row comes."""
    groups: dict[tuple[str, ...], Group] = {}
    for row in rows:
        key = tuple(cell.slug for cell in row["cells"])
        group = groups.get(key)
        if group is None:
            columns = [Column(cell.slug, cell.name) for cell in row["cells"]]
            group = groups[key] = Group(columns=columns, levels=[])
        level = str(row["person"].target_level or "")
        if level and level not in group.levels:
            group.levels.append(level)
        for i, cell in enumerate(row["cells"]):  # the shortest name a column is known by
            if len(cell.name) < len(group.columns[i].name):
                group.columns[i] = Column(cell.slug, cell.name)
        group.rows.append(row)
    return list(groups.values())


def _csv_cell(value: object) -> str:
    """Spreadsheets run cells starting with = + - @ as formulas; quote them as text."""
    text = str(value)
    return f"'{text}" if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def _team_csv(rows: list[TeamRow]) -> HttpResponse:
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="promo-team-rules.csv"'
    writer = csv.writer(response)
    writer.writerow(
        ["Name", "Username", "Team", "Level", "Target level", "Status", "Behaviours sustained",
         "Behaviours", "Ready by", "Open gap notes", "Stale behaviours", "What is missing"]
    )  # fmt: skip
    for row in rows:
        person = row["person"]
        writer.writerow(
            [
                _csv_cell(person.display_name),
                _csv_cell(person.user.username),
                _csv_cell(person.team or ""),
                _csv_cell(person.current_level or ""),
                _csv_cell(person.target_level or ""),
                row["status_label"],
                row["sustained"],
                row["behaviours"],
                row["ready_by_label"],
                row["gaps"],
                _csv_cell("; ".join(row["stale"])),
                _csv_cell("; ".join(row["missing"])),
            ]
        )
    return response
