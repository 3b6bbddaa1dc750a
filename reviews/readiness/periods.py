"""The calendar of readiness: the policy's numbers, and time cut into periods (months or
quarters) that are counted rather than dated, so windows are plain ranges of integers.

Pure: no Django, no clock; like reviews.readiness.rules, whose reference this is part of.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


@dataclass(frozen=True)
class Policy:
    period_months: int = 1  # 1 = monthly periods, 3 = quarters
    window_months: int = 6  # consistency is measured over this many months (whole periods)
    threshold: float = 0.5  # share of window periods demonstrated needed for "sustained"
    impact_maturity_weeks: int = 12  # shipped more recently than this: impact too recent
    recent_months: int = 3  # "sustained" also needs a demonstration within this many months
    close_share: float = 0.6  # "close": this share sustained, every other behaviour emerging
    stale_days: int = 90  # staleness flag: no evidence for a behaviour in this many days

    def __post_init__(self) -> None:
        if self.period_months < 1:
            raise ValueError("period_months must be at least 1.")
        if self.window_months < self.period_months or self.window_months % self.period_months:
            raise ValueError("window_months must be a whole, non-zero number of periods.")


def month_index(day: date) -> int:
    """Months since year 0, so that month arithmetic is integer arithmetic."""
    return day.year * 12 + day.month - 1


def period_index(day: date, policy: Policy) -> int:
    """The period a day falls in: periods are counted, not dated, so windows are plain ranges."""
    return month_index(day) // policy.period_months


def period_start(index: int, policy: Policy) -> date:
    """The first day of a period, to place a period index back on the calendar."""
    year, month = divmod(index * policy.period_months, 12)
    return date(year, month + 1, 1)


def period_label(index: int, policy: Policy) -> str:
    """How a period is named on pages and in reasons: "Mar 2026", "Q1 2026" or "Jan–Jun 2026"."""
    first = index * policy.period_months
    year, month = divmod(first, 12)
    if policy.period_months == 1:
        return f"{_MONTHS[month]} {year}"
    if policy.period_months == 3:
        return f"Q{month // 3 + 1} {year}"
    end_year, end_month = divmod(first + policy.period_months - 1, 12)
    if end_year == year:
        return f"{_MONTHS[month]}–{_MONTHS[end_month]} {year}"
    return f"{_MONTHS[month]} {year}–{_MONTHS[end_month]} {end_year}"


def range_indexes(as_of: date, count: int, policy: Policy) -> list[int]:
    """The last `count` periods, oldest first, ending with the one that contains as_of.

    The current period is included even though it is not over: evidence in it already counts.
    """
    last = period_index(as_of, policy)
    return list(range(last - count + 1, last + 1))


def window_indexes(as_of: date, policy: Policy) -> list[int]:
    """The periods consistency is measured over, oldest first, ending with as_of's period."""
    return range_indexes(as_of, policy.window_months // policy.period_months, policy)


def months_of(periods: Sequence[int], policy: Policy) -> tuple[int, int]:
    """The first and last month_index covered by these (consecutive) periods."""
    return periods[0] * policy.period_months, (periods[-1] + 1) * policy.period_months - 1


def recent_periods(policy: Policy) -> int:
    """How many of the latest periods count as recent: at least the one in progress."""
    return max(1, policy.recent_months // policy.period_months)


def unit(policy: Policy, count: int = 1) -> str:
    """What a period is called: 'month', 'quarters', '4-month period'."""
    if policy.period_months == 1:
        name = "month"
    elif policy.period_months == 3:
        name = "quarter"
    else:
        name = f"{policy.period_months}-month period"
    return name if count == 1 else f"{name}s"


def span(count: int, policy: Policy) -> str:
    """'6 months', '2 quarters', 'month' (as in 'the last month')."""
    return unit(policy) if count == 1 else f"{count} {unit(policy, count)}"
