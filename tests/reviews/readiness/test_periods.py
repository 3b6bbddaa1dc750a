"""Periods (reviews/readiness/periods.py): months and longer periods, their labels and windows; pure, so no database here."""

from datetime import date, timedelta

import pytest

from reviews.readiness.periods import (
    Policy,
    month_index,
    months_of,
    period_index,
    period_label,
    period_start,
    range_indexes,
    window_indexes,
)

AS_OF = date(2026, 11, 24)
MONTHLY = Policy()
QUARTERLY = Policy(period_months=3)


@pytest.mark.parametrize(
    ("periods", "period_months", "months"),
    [
        ([24317, 24318], 1, (24317, 24318)),
        ([8106], 3, (24318, 24320)),
        ([8105, 8106], 3, (24315, 24320)),
    ],
)
def test_months_of_covers_every_month_of_the_periods(periods, period_months, months):
    assert months_of(periods, Policy(period_months=period_months)) == months


def test_month_index_counts_months_across_years():
    assert month_index(date(2026, 1, 1)) == 2026 * 12
    assert month_index(date(2025, 12, 31)) == 2026 * 12 - 1
    assert month_index(date(2026, 3, 15)) == 2026 * 12 + 2


@pytest.mark.parametrize(
    ("last_day", "policy"),
    [
        pytest.param(date(2026, 1, 31), MONTHLY, id="end of a month"),
        pytest.param(date(2026, 3, 31), QUARTERLY, id="end of a quarter"),
        pytest.param(date(2025, 12, 31), QUARTERLY, id="end of a year"),
    ],
)
def test_a_new_period_starts_the_day_after_the_last_day_of_one(last_day, policy):
    next_day = last_day + timedelta(days=1)
    assert period_index(next_day, policy) == period_index(last_day, policy) + 1
    assert period_start(period_index(next_day, policy), policy) == next_day
    assert period_index(last_day - timedelta(days=27), policy) == period_index(last_day, policy)


HALF_YEARS = Policy(period_months=6, window_months=12)


@pytest.mark.parametrize(
    ("day", "policy", "start", "label"),
    [
        (date(2026, 3, 15), MONTHLY, date(2026, 3, 1), "Mar 2026"),
        (date(2026, 2, 1), QUARTERLY, date(2026, 1, 1), "Q1 2026"),
        (date(2025, 12, 31), QUARTERLY, date(2025, 10, 1), "Q4 2025"),
        (date(2026, 5, 1), HALF_YEARS, date(2026, 1, 1), "Jan–Jun 2026"),
        (
            date(2025, 12, 1),
            Policy(period_months=2, window_months=6),
            date(2025, 11, 1),
            "Nov–Dec 2025",
        ),
        (
            date(2026, 2, 1),
            Policy(period_months=5, window_months=10),
            date(2025, 11, 1),
            "Nov 2025–Mar 2026",
        ),
    ],
)
def test_period_start_and_label(day, policy, start, label):
    index = period_index(day, policy)
    assert period_start(index, policy) == start
    assert period_label(index, policy) == label


@pytest.mark.parametrize(
    ("policy", "labels"),
    [
        pytest.param(
            MONTHLY,
            ["Aug 2025", "Sep 2025", "Oct 2025", "Nov 2025", "Dec 2025", "Jan 2026"],
            id="months",
        ),
        pytest.param(QUARTERLY, ["Q4 2025", "Q1 2026"], id="quarters"),
    ],
)
def test_window_ending_in_january_crosses_the_year(policy, labels):
    as_of = date(2026, 1, 10)
    window = window_indexes(as_of, policy)
    assert [period_label(index, policy) for index in window] == labels
    assert window[-1] == period_index(as_of, policy)


def test_range_indexes_are_the_last_periods_ending_with_as_ofs():
    periods = range_indexes(AS_OF, 12, MONTHLY)
    assert periods == list(range(periods[0], periods[0] + 12))
    assert period_label(periods[0], MONTHLY) == "Dec 2025"
    assert period_label(periods[-1], MONTHLY) == "Nov 2026"


def test_policy_rejects_a_window_that_is_not_whole_periods():
    for fields in ({"period_months": 3, "window_months": 4}, {"window_months": 0}):
        with pytest.raises(ValueError):
            Policy(**fields)
    assert Policy(period_months=3, window_months=12).window_months == 12
