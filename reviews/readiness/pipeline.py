"""Readiness, assembled in one place: engineer → target level → policy → behaviours → periods →
the claims the reader may see → the rules (reviews.readiness.rules) → what would change it and
how it moved. Every page, panel, export and snapshot that shows readiness comes through here:
`assessment_for` for one engineer, `assessments_for` for many (the dashboard, the home page).

The database only fetches claims; it never judges them. Every reader looks at the same range of
periods (`reach`, derived from the policy), so the page, a cell, the dashboard and a snapshot
cannot disagree about the same engineer, reader and day.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from django.contrib.auth.models import User

from evidence.models import Entry
from promo import access
from promo.models import Behaviour, Ladder, Level, Person
from promo.selectors import target_of
from reviews.readiness import forecast, rules
from reviews.readiness import selectors as readiness_selectors
from reviews.readiness.periods import Policy, months_of, period_index, range_indexes

SHOWN_MONTHS = 12  # the heatmap shows at least a year


def reach(policy: Policy) -> int:
    """How many periods, ending with the current one, every reader of readiness judges: a
    year for the heatmap, and at least the window with the period before it (rule 5) and
    the stale limit, so that whether evidence stopped can be told from whether it never began."""
    months = max(
        SHOWN_MONTHS,
        policy.window_months + policy.period_months,
        -(-policy.stale_days // 28) + 1,
    )
    return -(-months // policy.period_months)


def policy_for(level: Level | None) -> Policy:
    ladder = level.ladder if level else Ladder.objects.filter(slug="default").first()
    return readiness_selectors.policy_of(ladder) if ladder else Policy()


@dataclass(frozen=True)
class Picture:
    """One engineer's readiness as one reader may see it on one day."""

    engineer: User
    level: Level | None
    policy: Policy
    behaviours: list[Behaviour]
    assessment: rules.Assessment
    entries: dict[int, Entry]  # the entries behind the claims, for titles and links
    outlooks: list[forecast.Outlook]  # what would change each behaviour not yet sustained
    ready_by: int | None  # the earliest period the engineer could be ready; None: no target
    trend: dict[int, tuple[str, str]]  # days ago -> (the status then, up | down | held)

    @property
    def readiness(self) -> rules.Readiness:
        return self.assessment.readiness

    @property
    def periods(self) -> list[int]:
        return self.assessment.periods

    @property
    def assessed(self) -> bool:
        return bool(self.behaviours)


def _days_before(as_of: date, days: int) -> date | None:
    """as_of less `days`, or None before the calendar begins (a page may ask about year 1)."""
    return as_of - timedelta(days=days) if as_of.toordinal() > days else None


def fetch_months(as_of: date, policy: Policy) -> tuple[int, int]:
    """The months whose claims today's picture and the trend's earlier pictures need."""
    then = _days_before(as_of, max(forecast.TREND_DAYS)) or as_of
    first = range_indexes(then, reach(policy), policy)[0]
    return months_of([first, period_index(as_of, policy)], policy)


def picture(
    engineer: User,
    level: Level | None,
    behaviours: list[Behaviour],
    claims: Sequence[rules.Claim],
    entries: dict[int, Entry],
    *,
    as_of: date,
    policy: Policy,
    trend_days: Sequence[int] = forecast.TREND_DAYS,
    outlook: bool = True,
) -> Picture:
    """The rules applied to claims already fetched: today's picture, the trend over
    `trend_days`, and (with `outlook`) what would change it. Callers that show less ask for
    less; what they do show is the same."""
    pairs = [(b.pk, b.name) for b in behaviours]
    periods = reach(policy)
    found = rules.assess(claims, pairs, as_of=as_of, policy=policy, range_periods=periods)
    trend = {}
    if behaviours:
        for days in trend_days:
            then = _days_before(as_of, days)
            if then is None:
                continue
            earlier = rules.assess(claims, pairs, as_of=then, policy=policy, range_periods=periods)
            status = earlier.readiness.status
            trend[days] = (status, forecast.trend(found.readiness.status, status))
    cells: dict[int, dict[int, float]] = {}
    for (behaviour, period), score in found.grid.items():
        cells.setdefault(behaviour, {})[period] = score
    outlooks = []
    for item in found.readiness.behaviours if outlook else ():
        ahead = forecast.outlook(item, cells.get(item.behaviour, {}), as_of=as_of, policy=policy)
        if ahead is not None:
            outlooks.append(ahead)
    return Picture(
        engineer=engineer,
        level=level,
        policy=policy,
        behaviours=behaviours,
        assessment=found,
        entries=entries,
        outlooks=outlooks,
        ready_by=(
            forecast.ready_by(outlooks, as_of=as_of, policy=policy)
            if behaviours and outlook
            else None
        ),
        trend=trend,
    )


def assessment_for(
    reader: User | access.Relation,
    engineer: User,
    *,
    as_of: date,
    scope: access.Scope | None = None,
    level: Level | None = None,
) -> Picture:
    """One engineer's readiness as `reader` may see it on `as_of`: a person (their access
    rules), or a role (`access.ANY_MANAGER`, for a promotion attempt's frozen copy). `level`
    defaults to the engineer's target level."""
    level = level or target_of(engineer)
    policy = policy_for(level)
    behaviours = list(Behaviour.objects.filter(level=level).order_by("rank")) if level else []
    seen = access.readable_by(reader, [engineer.pk], scope=scope)
    months = fetch_months(as_of, policy)
    claims, entries = readiness_selectors.claims_of(engineer, seen=seen, as_of=as_of, months=months)
    return picture(engineer, level, behaviours, claims, entries, as_of=as_of, policy=policy)


def behaviours_by_level(people: Sequence[Person]) -> dict[int, list[Behaviour]]:
    """The behaviours of these people's target levels, in ladder order, in one query."""
    by_level: dict[int, list[Behaviour]] = {}
    levels = {p.target_level_id for p in people if p.target_level_id is not None}
    for behaviour in Behaviour.objects.filter(level_id__in=levels).order_by("rank"):
        by_level.setdefault(behaviour.level_id, []).append(behaviour)
    return by_level


def assessments_for(
    reader: User | access.Relation,
    people: Sequence[Person],
    *,
    as_of: date,
    scope: access.Scope | None = None,
    trend_days: Sequence[int] = forecast.TREND_DAYS,
    outlook: bool = True,
    behaviours: Mapping[int, list[Behaviour]] | None = None,
) -> dict[int, Picture]:
    """Many engineers' readiness as `reader` may see it (a person, or a role every one of them
    stands in to the reader, as `assessment_for` takes), by engineer id: three queries for
    their claims, whatever their number, and the same rules as `assessment_for`. `people` come
    with their user and target level (and its ladder) fetched."""
    by_level = dict(behaviours) if behaviours is not None else behaviours_by_level(people)
    policies = {p.pk: policy_for(p.target_level) for p in people if p.target_level}
    default = Policy()
    spans = [fetch_months(as_of, policies.get(p.pk, default)) for p in people]
    months = (min((s[0] for s in spans), default=0), max((s[1] for s in spans), default=0))
    authors = [p.pk for p in people if p.target_level_id]
    seen = access.readable_by(reader, authors, scope=scope)
    claims, entries = readiness_selectors.claims_by_author(seen=seen, as_of=as_of, months=months)
    found = {}
    for person in people:
        policy = policies.get(person.pk, default)
        found[person.pk] = picture(
            person.user,
            person.target_level,
            by_level.get(person.target_level_id or 0, []),
            claims.get(person.pk, []),
            entries,
            as_of=as_of,
            policy=policy,
            trend_days=trend_days,
            outlook=outlook,
        )
    return found
