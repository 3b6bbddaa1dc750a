"""What would change a readiness picture, and how it has moved: pure, like the rules it asks.

For each behaviour not yet sustained: how many more demonstrated periods it needs, and the
earliest period it could be sustained in if the engineer demonstrates it in every period from
now on (mentor-confirmed work whose impact is only too recent counts from the day it matures);
overall, the earliest period every behaviour could be sustained at once ("ready by"). Keeping on
demonstrating a behaviour never loses it again (each new period adds as much as the oldest one
takes away), so the overall date is the latest of the behaviours' dates.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from reviews.readiness import rules
from reviews.readiness.periods import Policy, period_index, period_start, recent_periods

TREND_DAYS = (30, 90)  # how far back a status is compared with
UP, DOWN, HELD = "up", "down", "held"
_ORDER = {rules.NOT_STARTED: 0, rules.BUILDING: 1, rules.CLOSE: 2, rules.READY: 3}


@dataclass(frozen=True)
class Outlook:
    """One behaviour not yet sustained, and what would make it so."""

    behaviour: int
    name: str
    more_periods: int  # demonstrated periods still to show, this one included
    earliest: int  # the period index it could be sustained in, at the earliest
    maturing: tuple[tuple[int, date], ...]  # (entry, the day it counts) within that time
    unmeasured: tuple[int, ...]  # entries that count once their impact is measured


def _last_day(period: int, policy: Policy) -> date:
    following = period_start(period + 1, policy)
    return date.fromordinal(following.toordinal() - 1)


def outlook(
    item: rules.BehaviourReadiness, cells: Mapping[int, float], *, as_of: date, policy: Policy
) -> Outlook | None:
    """None for a sustained behaviour; else what it takes, period by period from as_of's."""
    if item.status == rules.SUSTAINED:
        return None
    current = period_index(as_of, policy)
    horizon = policy.window_months // policy.period_months + recent_periods(policy)
    for last in range(current, current + horizon + 1):
        end = _last_day(last, policy)
        # Confirmed work with a measured impact counts in full once the impact has matured.
        matured = [(e, p, day) for e, p, day, measured in item.causes.too_recent if measured]
        matured = [(e, p, day) for e, p, day in matured if day <= end]
        future = dict(cells)
        for _, period, _ in matured:
            future[period] = rules.DEMONSTRATED
        for period in range(current, last + 1):
            future[period] = rules.DEMONSTRATED
        window = [last - offset for offset in range(len(item.window))][::-1]
        if rules.judge_window(future, window, policy) == rules.SUSTAINED:
            more = sum(
                1 for p in range(current, last + 1) if cells.get(p, 0.0) < rules.DEMONSTRATED
            )
            return Outlook(
                behaviour=item.behaviour,
                name=item.name,
                more_periods=more,
                earliest=last,
                maturing=tuple((e, day) for e, _, day in matured),
                unmeasured=item.causes.unmeasured,
            )
    raise AssertionError("A whole window of demonstrations is always sustained.")


def ready_by(outlooks: list[Outlook], *, as_of: date, policy: Policy) -> int:
    """The earliest period every behaviour could be sustained at once (as_of's when ready)."""
    return max((o.earliest for o in outlooks), default=period_index(as_of, policy))


def trend(now: str, then: str) -> str:
    """Up, down or held, from the overall status then to the status now."""
    before, after = _ORDER[then], _ORDER[now]
    return UP if after > before else DOWN if after < before else HELD
