"""One engineer's readiness, assembled for a page: their target level's behaviours, the claims
the viewer may see, and the pure rules applied to them."""

from dataclasses import dataclass
from datetime import date, datetime
from typing import TypedDict

from django.contrib.auth.models import User
from django.urls import reverse
from django.utils import timezone

from evidence.models import Entry
from promo import access
from promo.http import AuthenticatedHttpRequest
from promo.models import Behaviour, Ladder, Level
from promo.selectors import target_of
from reviews.feedback.models import Feedback
from reviews.readiness import rules
from reviews.readiness import selectors as readiness_selectors
from reviews.readiness.labels import HEAT_WORDS, heat_class
from reviews.readiness.periods import Policy, months_of, period_label, range_indexes, window_indexes

RANGE_MONTHS = 12


def _target(engineer: User) -> tuple[Level | None, Policy]:
    level = target_of(engineer)
    ladder = level.ladder if level else Ladder.objects.filter(slug="default").first()
    return level, readiness_selectors.policy_of(ladder) if ladder else Policy()


class AssessedPage(TypedDict):
    """What a readiness page (or the home panel) starts its context from."""

    level: Level | None
    policy: Policy
    behaviours: list[Behaviour]
    assessment: rules.Assessment
    entries: dict[int, Entry]
    periods: list[int]


def _assessment(
    request: AuthenticatedHttpRequest,
    engineer: User,
    as_of: date,
    scope: access.Scope | None = None,
) -> AssessedPage:
    level, policy = _target(engineer)
    behaviours = list(Behaviour.objects.filter(level=level).order_by("rank")) if level else []
    periods = range_indexes(as_of, RANGE_MONTHS // policy.period_months, policy)
    months = months_of(periods, policy)
    seen = access.visibility_q(request.user, scope=scope, authors=[engineer.pk])
    claims, entries = readiness_selectors.claims_of(engineer, seen=seen, as_of=as_of, months=months)
    found = rules.assess(
        claims,
        [(b.pk, b.name) for b in behaviours],
        as_of=as_of,
        policy=policy,
        range_periods=len(periods),
    )
    return AssessedPage(
        level=level,
        policy=policy,
        behaviours=behaviours,
        assessment=found,
        entries=entries,
        periods=periods,
    )


@dataclass(frozen=True)
class ReadinessSubject:
    """What a "readiness" panel is given: whose page, the viewer's relation to them, the date."""

    engineer: User
    relation: access.Relation
    as_of: date

    @property
    def at(self) -> datetime:
        """The instant the page describes: the end of the as-of day, or now when that is today,
        so that panels leave out what happened after it as the readiness above does."""
        return min(readiness_selectors.end_of(self.as_of), timezone.now())


@dataclass(frozen=True)
class HeatCell:
    css: str
    href: str
    aria: str


class HeatmapRow(TypedDict):
    """One behaviour's line of the readiness page's heatmap and of the table under it."""

    behaviour: Behaviour
    result: rules.BehaviourReadiness
    cells: list[HeatCell]
    first: str
    last: str
    gaps: int


def _heatmap_rows(
    context: AssessedPage, engineer: User, as_of: date, gap_counts: dict[int | None, int]
) -> list[HeatmapRow]:
    """Behaviours x periods for the page's heatmap, each cell's class, link and label made here
    (one URL reversal, not two per cell in the template); the window's periods are marked; each
    behaviour's open gap notes counted."""
    found, policy = context["assessment"], context["policy"]
    window = set(window_indexes(as_of, policy))
    by_id = {b.behaviour: b for b in found.readiness.behaviours}
    labels: dict[int | None, str] = {p: period_label(p, policy) for p in context["periods"]}
    base = reverse("reviews:readiness-cell", args=[engineer.get_username()])
    rows: list[HeatmapRow] = []
    for behaviour in context["behaviours"]:
        result = by_id[behaviour.pk]
        cells = []
        for p in context["periods"]:
            css = heat_class(found.grid.get((behaviour.pk, p)))
            cells.append(
                HeatCell(
                    css=f"{css} in-window" if p in window else css,
                    href=f"{base}?behaviour={behaviour.pk}&period={p}&as_of={as_of.isoformat()}",
                    aria=f"{behaviour.name}, {labels[p]}: {HEAT_WORDS[css]}",
                )
            )
        rows.append(
            HeatmapRow(
                behaviour=behaviour,
                result=result,
                cells=cells,
                first=labels.get(result.first_demonstrated, "—"),
                last=labels.get(result.last_demonstrated, "—"),
                gaps=gap_counts.get(behaviour.pk, 0),
            )
        )
    return rows


def _count_by_behaviour(gaps: list[Feedback]) -> dict[int | None, int]:
    counts: dict[int | None, int] = {}
    for feedback in gaps:
        counts[feedback.gap_behaviour_id] = counts.get(feedback.gap_behaviour_id, 0) + 1
    return counts
