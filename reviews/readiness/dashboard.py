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
from promo.models import Behaviour, Level, Person, Team
from reviews.feedback import selectors as feedback_selectors
from reviews.readiness import rules
from reviews.readiness import selectors as readiness_selectors
from reviews.readiness.labels import STATUS_LABELS, STATUS_ORDER, heat_class, mini_heatmap
from reviews.readiness.periods import Policy, span, window_indexes

if TYPE_CHECKING:
    from _typeshed import SupportsRichComparison


def _team_people(request: AuthenticatedHttpRequest, scope: access.Scope, view: str) -> list[Person]:
    """The people on the dashboard with their user, team and levels. The few teams and levels
    are read once and shared between rows rather than joined into every row."""
    ids = scope.mentees if view == "mentees" else scope.reports
    people = list(
        Person.objects.filter(pk__in=ids)
        .select_related("user")
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
    readiness: rules.Readiness
    assessed: bool  # False for someone with no target level: listed, not assessed
    status_label: str
    sustained: int
    behaviours: int
    window: str
    heatmap: SafeString
    stale: list[str]
    gaps: int


def team_rows(
    request: AuthenticatedHttpRequest, people: list[Person], scope: access.Scope, as_of: date
) -> list[TeamRow]:
    """One row per person: readiness from what the viewer may see, grouped by ladder policy."""
    levels = {p.target_level_id for p in people if p.target_level_id}
    behaviours: dict[int | None, list[tuple[int, str]]] = {}
    found = Behaviour.objects.filter(level_id__in=levels).order_by("rank")
    names: dict[int, str] = {}
    for b_id, level_id, name in found.values_list("pk", "level_id", "name"):
        behaviours.setdefault(level_id, []).append((b_id, name))
        names[b_id] = escape(name)
    gaps = feedback_selectors.open_gap_counts(request.user, [p.pk for p in people], scope=scope)
    link = readiness_links()
    rows: list[TeamRow] = []
    by_ladder: dict[int | None, list[Person]] = {}
    for person in people:
        ladder = person.target_level.ladder if person.target_level else None
        by_ladder.setdefault(ladder.pk if ladder else None, []).append(person)
    for group in by_ladder.values():
        ladder = group[0].target_level.ladder if group[0].target_level else None
        policy = readiness_selectors.policy_of(ladder) if ladder else Policy()
        grid: readiness_selectors.Grid = {}
        last: dict[tuple[int, int], date] = {}
        if ladder is not None:  # people with no target level are listed, not assessed
            grid, last = readiness_selectors.team_grid(
                request.user, [p.pk for p in group], as_of=as_of, policy=policy, scope=scope
            )
        window = window_indexes(as_of, policy)
        for person in group:
            pid = person.pk
            own = behaviours.get(person.target_level_id, [])
            results: list[rules.BehaviourReadiness] = []
            classes: list[list[str]] = []
            for b_id, b_name in own:
                scores = grid.get((pid, b_id), NO_CELLS)
                results.append(
                    rules.behaviour_readiness(
                        b_id,
                        b_name,
                        scores,
                        as_of=as_of,
                        policy=policy,
                        last_evidence=last.get((pid, b_id)),
                        window=window,
                    )
                )
                classes.append([heat_class(scores.get(p)) for p in window])
            verdict = rules.overall(results, policy=policy)
            rows.append(
                TeamRow(
                    person=person,
                    href=link(person.user.username),
                    readiness=verdict,
                    assessed=bool(own),
                    status_label=STATUS_LABELS[verdict.status] if own else "Not assessed",
                    sustained=sum(r.status == rules.SUSTAINED for r in results),
                    behaviours=len(results),
                    window=span(len(window), policy),
                    heatmap=mini_heatmap(results, classes, names),
                    stale=[r.name for r in results if r.stale],
                    gaps=gaps.get(person.pk, 0),
                )
            )
    return rows


TEAM_SORTS: "dict[str, Callable[[TeamRow], SupportsRichComparison]]" = {
    "name": lambda row: row["person"].display_name.lower(),
    "status": lambda row: (
        STATUS_ORDER[row["readiness"].status] if row["assessed"] else 9,
        -row["sustained"],
    ),
    "gaps": lambda row: -row["gaps"],
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
         "Behaviours", "Open gaps", "No evidence in 90 days"]
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
                row["gaps"],
                _csv_cell("; ".join(row["stale"])),
            ]
        )
    return response
