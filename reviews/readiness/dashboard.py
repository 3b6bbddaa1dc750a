"""The team dashboard's rows: one per person, readiness from what the viewer may see."""

import csv
from collections.abc import Callable, Mapping
from datetime import date
from types import MappingProxyType
from typing import TYPE_CHECKING, TypedDict
from urllib.parse import quote

from django.http import HttpResponse
from django.urls import reverse
from django.utils.html import escape
from django.utils.http import RFC3986_SUBDELIMS
from django.utils.safestring import SafeString

from promo import access
from promo.http import AuthenticatedHttpRequest
from promo.models import Level, Person, Team
from reviews.feedback import selectors as feedback_selectors
from reviews.readiness import pipeline, summaries, words
from reviews.readiness.labels import STATUS_LABELS, STATUS_ORDER, mini_heatmap
from reviews.readiness.models import StoredPicture
from reviews.readiness.periods import period_label

if TYPE_CHECKING:
    from _typeshed import SupportsRichComparison


# What a dashboard row reads of a person: a director's thousands are loaded at once.
TEAM_PERSON_FIELDS = (
    "user__username",
    "user__first_name",
    "user__last_name",
    "team_id",
    "current_level_id",
    "target_level_id",
    "manager_id",
)


def _team_people(request: AuthenticatedHttpRequest, scope: access.Scope, view: str) -> list[Person]:
    """The people on the dashboard with their user, team and levels. The few teams and levels
    are read once and shared between rows rather than joined into every row."""
    ids = scope.mentees if view == "mentees" else scope.reports
    people = list(
        Person.objects.filter(pk__in=ids)
        .select_related("user")
        .only(*TEAM_PERSON_FIELDS)
        .order_by("user__first_name", "user__username")
    )
    level_ids = {
        pk for p in people for pk in (p.current_level_id, p.target_level_id) if pk is not None
    }
    found = Level.objects.filter(pk__in=level_ids).select_related("ladder")
    levels: dict[int | None, Level] = {lv.pk: lv for lv in found}
    in_teams = Team.objects.filter(pk__in={p.team_id for p in people})
    teams: dict[int | None, Team] = {team.pk: team for team in in_teams}
    for person in people:
        person.team = teams.get(person.team_id)
        person.current_level = levels.get(person.current_level_id)
        person.target_level = levels.get(person.target_level_id)
    return people


NO_CELLS: Mapping[int, float] = MappingProxyType({})  # shared by every row: read-only
USERNAME_MARK = "username-mark"


def readiness_links() -> Callable[[str], str]:
    """A username -> readiness page URL function that reverses once, not once per row. It
    quotes as `reverse` does (a test holds the two equal for unusual usernames)."""
    head, tail = reverse("reviews:readiness", args=[USERNAME_MARK]).split(USERNAME_MARK)
    safe = RFC3986_SUBDELIMS + "/~:@"
    return lambda username: f"{head}{quote(username, safe=safe)}{tail}"


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
    heatmap: SafeString
    stale: list[str]
    stale_label: str  # "No evidence in 90 days", from the person's ladder policy
    ready_by: int | None  # the earliest period they could be ready; None: not assessed
    ready_by_label: str
    trend: str  # up | down | held over the last 90 days; "" when not assessed
    trend_from: str  # the status 90 days ago
    gaps: int
    picture: StoredPicture | None  # what the pipeline said, kept for the day


TEAM_PAGE_SIZE = 50  # rows drawn at once: a director of thousands pages through them


def team_rows(
    request: AuthenticatedHttpRequest,
    people: list[Person],
    scope: access.Scope,
    as_of: date,
    *,
    details: bool = True,
) -> list[TeamRow]:
    """One row per person, each the one readiness pipeline's picture, as the viewer may see it
    (kept for the day while its inputs are unchanged: reviews.readiness.summaries). Without
    `details` the rows carry what filters, sorts and counts need, and `add_details` draws the
    heatmaps, staleness and open gaps of the rows a page shows."""
    pictures = summaries.summaries_for(
        request.user, people, as_of=as_of, scope=scope, with_rows=details
    )
    link = readiness_links()
    rows: list[TeamRow] = []
    for person in people:
        picture = pictures.get(person.pk)
        if picture is None:  # no target level: listed, not assessed
            rows.append(
                TeamRow(
                    person=person,
                    href=link(person.user.username),
                    status="",
                    assessed=False,
                    status_label="Not assessed",
                    sustained=0,
                    behaviours=0,
                    window="",
                    heatmap=SafeString(""),
                    stale=[],
                    stale_label="",
                    ready_by=None,
                    ready_by_label="—",
                    trend="",
                    trend_from="",
                    gaps=0,
                    picture=None,
                )
            )
            continue
        policy = pipeline.policy_for(person.target_level)
        rows.append(
            TeamRow(
                person=person,
                href=link(person.user.username),
                status=picture.status,
                assessed=True,
                status_label=STATUS_LABELS[picture.status],
                sustained=picture.sustained,
                behaviours=picture.behaviours,
                window=picture.window,
                heatmap=SafeString(""),
                stale=[],
                stale_label=words.STALE.format(days=picture.stale_days),
                ready_by=picture.ready_by,
                ready_by_label=(
                    period_label(picture.ready_by, policy) if picture.ready_by is not None else "—"
                ),
                trend=picture.trend,
                trend_from=STATUS_LABELS[picture.trend_from] if picture.trend_from else "",
                gaps=0,
                picture=picture,
            )
        )
    if details:
        add_details(request, rows, scope)
    return rows


def add_details(
    request: AuthenticatedHttpRequest, rows: list[TeamRow], scope: access.Scope
) -> None:
    """Heatmaps, staleness and open gaps for these rows: two queries however many."""
    kept = [row["picture"] for row in rows if row["picture"] is not None]
    summaries.load_rows(kept)
    names: dict[int, str] = {}
    gaps = feedback_selectors.open_gap_counts(
        request.user, [row["person"].pk for row in rows], scope=scope
    )
    for row in rows:
        row["gaps"] = gaps.get(row["person"].pk, 0)
        picture = row["picture"]
        if picture is None:
            continue
        for behaviour, name, *_ in picture.rows:
            if behaviour not in names:
                names[behaviour] = escape(name)
        row["heatmap"] = mini_heatmap(picture.rows, names)
        row["stale"] = [name for _, name, _, _, _, _, stale, _ in picture.rows if stale]


TEAM_SORTS: "dict[str, Callable[[TeamRow], SupportsRichComparison]]" = {
    "name": lambda row: row["person"].display_name.lower(),
    "status": lambda row: (
        STATUS_ORDER[row["status"]] if row["assessed"] else 9,
        -row["sustained"],
    ),
    "gaps": lambda row: -row["gaps"],
    "ready_by": lambda row: (row["ready_by"] is None, row["ready_by"] or 0),
}


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
         "Behaviours", "Ready by", "Open gaps", "Stale behaviours"]
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
            ]
        )
    return response
