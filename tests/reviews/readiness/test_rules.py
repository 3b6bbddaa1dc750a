"""The readiness rules (reviews/readiness/rules.py): pure functions, so no database here.
Their periods are tested in test_periods.py."""

import ast
import inspect
import random
from dataclasses import replace
from datetime import date, datetime, timedelta

import pytest

from reviews import vocabulary
from reviews.readiness import forecast, periods, rules, words
from reviews.readiness.periods import (
    Policy,
    period_index,
    range_indexes,
)
from reviews.readiness.rules import (
    BUILDING,
    CLOSE,
    EMERGING,
    NOT_YET,
    READY,
    SUSTAINED,
    TOO_RECENT,
    UNMEASURED,
    BehaviourReadiness,
    Claim,
    Judged,
    MentorVerdict,
    assess,
    behaviour_readiness,
    best_per_period,
    judge,
    overall,
)
from reviews.readiness.words import (
    CAUSE_SELF_TAGGED,
    CAUSE_TOO_RECENT,
    NO_EVIDENCE,
    NO_TARGET_LEVEL,
    NOT_DEMONSTRATED,
)

AS_OF = date(2026, 11, 24)
MONTHLY = Policy()
QUARTERLY = Policy(period_months=3)
BEHAVIOURS = [
    (1, "Scope and impact"),
    (2, "Leaving things better"),
    (3, "Technical judgement"),
    (4, "Reliable delivery"),
    (5, "Working across teams"),
    (6, "Growing others"),
    (7, "Ownership"),
]
ALL = [behaviour for behaviour, _ in BEHAVIOURS]
NAMES = [name for _, name in BEHAVIOURS]


def verdict(mentor: int, day: str, word: str, hour: int = 12) -> MentorVerdict:
    return MentorVerdict(
        mentor=mentor, at=datetime.fromisoformat(day).replace(hour=hour), verdict=word
    )


def claim(**overrides) -> Claim:
    """A self-tagged claim on an entry that shipped and was measured long before AS_OF."""
    fields = {
        "entry_id": 1,
        "behaviour": 1,
        "week_start": date(2026, 6, 1),
        "self_tagged": True,
        "shipped_on": date(2026, 6, 5),
        "impact_measured_on": date(2026, 7, 1),
        "verdicts": (),
    }
    return Claim(**(fields | overrides))


def entry(
    entry_id,
    week_start,
    behaviours,
    *,
    self_tagged=True,
    shipped_on=None,
    measured_on=None,
    verdicts=(),
):
    """One entry's claims: one per behaviour it is tagged with."""
    return [
        Claim(
            entry_id=entry_id,
            behaviour=behaviour,
            week_start=week_start,
            self_tagged=self_tagged,
            shipped_on=shipped_on,
            impact_measured_on=measured_on,
            verdicts=tuple(verdicts),
        )
        for behaviour in behaviours
    ]


def first_monday(year: int, month: int) -> date:
    day = date(year, month, 1)
    return day + timedelta(days=(7 - day.weekday()) % 7)


def months_after(year: int, month: int, count: int) -> tuple[int, int]:
    """(year, month) `count` months after the given one."""
    years, index = divmod(month - 1 + count, 12)
    return year + years, index + 1


def months_ago(count: int, as_of: date = AS_OF, policy: Policy = MONTHLY) -> int:
    """The period index `count` periods before as_of's."""
    return period_index(as_of, policy) - count


# judge ------------------------------------------------------------------------------------------

JUN = "2026-06-10"
JUL = "2026-07-01"
MEASURED = date(2026, 11, 20)

JUDGE_CASES = [
    pytest.param({}, (0.5, False, None), id="self-tag alone is a flash"),
    pytest.param({"self_tagged": False}, None, id="mentor-named without a verdict is ignored"),
    pytest.param(
        {"verdicts": (verdict(1, JUN, "demonstrated"), verdict(1, JUL, "gap"))},
        (0.0, True, None),
        id="a mentor's latest verdict replaces their earlier one",
    ),
    pytest.param(
        {"verdicts": (verdict(1, JUL, "gap"), verdict(1, JUN, "demonstrated"))},
        (0.0, True, None),
        id="latest is by time, not by position",
    ),
    pytest.param(
        {"verdicts": (verdict(1, JUN, "gap"), verdict(1, JUN, "demonstrated"))},
        (1.0, True, None),
        id="same time: the later one listed wins",
    ),
    pytest.param(
        {"verdicts": (verdict(1, JUN, "demonstrated"), verdict(1, JUN, "gap"))},
        (0.0, True, None),
        id="same time, other order: the later one listed wins",
    ),
    pytest.param(
        {"verdicts": (verdict(1, JUN, "gap"), verdict(2, JUN, "flashes"))},
        (0.5, True, None),
        id="highest across mentors (flashes over gap)",
    ),
    pytest.param(
        {
            "verdicts": (
                verdict(1, JUN, "demonstrated"),
                verdict(2, JUN, "flashes"),
                verdict(1, JUL, "gap"),
            )
        },
        (0.5, True, None),
        id="highest of the latest verdicts, not of all verdicts",
    ),
    pytest.param(
        {"verdicts": (verdict(1, JUN, "gap"),)},
        (0.0, True, None),
        id="a mentor's gap outweighs the engineer's own tag",
    ),
    pytest.param(
        {"verdicts": (verdict(1, JUN, "demonstrated"), verdict(1, "2026-11-25", "gap"))},
        (1.0, True, None),
        id="a verdict after as_of is ignored",
    ),
    pytest.param(
        {"verdicts": (verdict(1, "2026-11-25", "demonstrated"),)},
        (0.5, False, None),
        id="self-tag whose only verdict is after as_of is unreviewed",
    ),
    pytest.param(
        {"self_tagged": False, "verdicts": (verdict(1, "2026-11-25", "demonstrated"),)},
        None,
        id="mentor-named whose only verdict is after as_of is ignored",
    ),
    pytest.param(
        {"verdicts": (verdict(1, "2026-11-24", "gap", hour=23),)},
        (0.0, True, None),
        id="a verdict late on the as_of day counts",
    ),
    pytest.param(
        {"week_start": date(2026, 11, 30), "verdicts": (verdict(1, JUN, "demonstrated"),)},
        None,
        id="a claim after as_of is ignored",
    ),
    pytest.param(
        {"week_start": date(2026, 11, 23), "shipped_on": None, "impact_measured_on": None},
        (0.5, False, None),
        id="a claim in as_of's week counts",
    ),
    pytest.param(
        {
            "week_start": date(2026, 8, 31),
            "shipped_on": date(2026, 9, 1),
            "impact_measured_on": MEASURED,
            "verdicts": (verdict(1, "2026-09-10", "demonstrated"),),
        },
        (1.0, True, None),
        id="shipped exactly 12 weeks ago has matured",
    ),
    pytest.param(
        {
            "week_start": date(2026, 8, 31),
            "shipped_on": date(2026, 9, 2),
            "impact_measured_on": MEASURED,
            "verdicts": (verdict(1, "2026-09-10", "demonstrated"),),
        },
        (0.5, True, TOO_RECENT),
        id="shipped a day under 12 weeks ago is too recent",
    ),
    pytest.param(
        {
            "shipped_on": date(2026, 11, 3),
            "impact_measured_on": None,
            "verdicts": (verdict(1, JUN, "demonstrated"),),
        },
        (0.5, True, TOO_RECENT),
        id="too recent is said before unmeasured",
    ),
    pytest.param(
        {"impact_measured_on": None, "verdicts": (verdict(1, JUN, "demonstrated"),)},
        (0.5, True, UNMEASURED),
        id="demonstrated without measured impact is unmeasured",
    ),
    pytest.param(
        {
            "impact_measured_on": date(2026, 11, 25),
            "verdicts": (verdict(1, JUN, "demonstrated"),),
        },
        (0.5, True, UNMEASURED),
        id="impact measured after as_of is unmeasured",
    ),
    pytest.param(
        {"impact_measured_on": AS_OF, "verdicts": (verdict(1, JUN, "demonstrated"),)},
        (1.0, True, None),
        id="impact measured on as_of counts",
    ),
    pytest.param(
        {
            "shipped_on": None,
            "impact_measured_on": date(2026, 6, 20),
            "verdicts": (verdict(1, JUN, "demonstrated"),),
        },
        (1.0, True, None),
        id="not shipped but measured counts",
    ),
    pytest.param(
        {
            "shipped_on": date(2026, 11, 3),
            "impact_measured_on": None,
            "verdicts": (verdict(1, JUN, "flashes"),),
        },
        (0.5, True, None),
        id="caps do not apply to a flashes verdict",
    ),
    pytest.param(
        {
            "shipped_on": date(2026, 11, 3),
            "impact_measured_on": None,
            "verdicts": (verdict(1, JUN, "gap"),),
        },
        (0.0, True, None),
        id="caps do not apply to a gap",
    ),
    pytest.param(
        {"shipped_on": date(2026, 11, 3), "impact_measured_on": None},
        (0.5, False, None),
        id="caps do not apply to a self-tag",
    ),
]


@pytest.mark.parametrize(("overrides", "expected"), JUDGE_CASES)
def test_judge_weighs_verdicts_tags_and_impact(overrides, expected):
    subject = claim(**overrides)
    result = judge(subject, as_of=AS_OF, policy=MONTHLY)
    if expected is None:
        assert result is None
    else:
        assert result is not None
        assert result.claim is subject
        assert (result.strength, result.reviewed, result.capped) == expected


@pytest.mark.parametrize(
    ("shipped_on", "expected"),
    [
        pytest.param(date(2026, 10, 27), (1.0, None), id="exactly 4 weeks"),
        pytest.param(date(2026, 10, 28), (0.5, TOO_RECENT), id="a day under 4 weeks"),
    ],
)
def test_impact_maturity_follows_the_policy(shipped_on, expected):
    subject = claim(
        week_start=date(2026, 10, 26),
        shipped_on=shipped_on,
        impact_measured_on=MEASURED,
        verdicts=(verdict(1, "2026-11-01", "demonstrated"),),
    )
    result = judge(subject, as_of=AS_OF, policy=Policy(impact_maturity_weeks=4))
    assert (result.strength, result.capped) == expected


# best_per_period ---------------------------------------------------------------------------------


def judged(behaviour: int, week_start: date, strength: float) -> Judged:
    subject = claim(behaviour=behaviour, week_start=week_start)
    return Judged(claim=subject, strength=strength, reviewed=True, capped=None)


@pytest.mark.parametrize(
    ("items", "policy", "expected"),
    [
        pytest.param(
            [judged(1, date(2026, 6, 1), 0.5), judged(1, date(2026, 6, 22), 1.0)],
            MONTHLY,
            {(1, months_ago(5)): 1.0},
            id="the best of a month",
        ),
        pytest.param(
            [judged(1, date(2026, 7, 6), 0.0), judged(1, date(2026, 9, 7), 0.5)],
            QUARTERLY,
            {(1, period_index(date(2026, 7, 1), QUARTERLY)): 0.5},
            id="a quarter merges its months",
        ),
        pytest.param(
            [judged(1, date(2026, 6, 1), 1.0), judged(2, date(2026, 6, 1), 0.0)],
            MONTHLY,
            {(1, months_ago(5)): 1.0, (2, months_ago(5)): 0.0},
            id="behaviours are separate",
        ),
    ],
)
def test_best_per_period_keeps_the_highest_strength(items, policy, expected):
    assert best_per_period(items, policy) == expected


# behaviour_readiness -----------------------------------------------------------------------------

RECENT_ONE = Policy(recent_months=1)
TEN_MONTHS_AT_70 = Policy(window_months=10, threshold=0.7)
QUARTER_RECENT_ONE = Policy(period_months=3, recent_months=1)  # still the current quarter

BEHAVIOUR_CASES = [
    # (cells as {periods ago: strength}, policy, status, demonstrated, flashes)
    pytest.param({0: 1.0, 3: 1.0, 5: 1.0}, MONTHLY, SUSTAINED, 3, 0, id="3 of 6 is sustained"),
    pytest.param({0: 1.0, 3: 1.0}, MONTHLY, EMERGING, 2, 0, id="2 of 6 is emerging"),
    pytest.param({4: 1.0, 5: 1.0, 6: 1.0}, MONTHLY, EMERGING, 3, 0, id="3 of 6 but not recent"),
    pytest.param(
        {3: 1.0, 4: 1.0, 5: 1.0},
        MONTHLY,
        SUSTAINED,
        3,
        0,
        id="the last whole months count while this one is in progress",
    ),
    pytest.param({2: 1.0, 4: 1.0, 5: 1.0}, MONTHLY, SUSTAINED, 3, 0, id="2 months ago is recent"),
    pytest.param(
        {0: 1.0, 1: 1.0, 6: 1.0, 7: 1.0}, MONTHLY, EMERGING, 2, 0, id="before the window ignored"
    ),
    pytest.param({0: 0.5, 2: 0.5}, MONTHLY, EMERGING, 0, 2, id="flashes only"),
    pytest.param({0: 0.0, 1: 0.0}, MONTHLY, NOT_YET, 0, 0, id="gaps only"),
    pytest.param({}, MONTHLY, NOT_YET, 0, 0, id="nothing"),
    pytest.param({7: 0.5, 8: 1.0}, MONTHLY, NOT_YET, 0, 0, id="nothing in the window"),
    pytest.param({0: 1.0}, QUARTERLY, SUSTAINED, 1, 0, id="1 of 2 quarters, this one"),
    pytest.param(
        {1: 1.0}, QUARTER_RECENT_ONE, SUSTAINED, 1, 0, id="the last whole quarter is recent"
    ),
    pytest.param({2: 1.0}, QUARTER_RECENT_ONE, EMERGING, 1, 0, id="two quarters ago is not recent"),
    pytest.param({2: 1.0, 3: 1.0, 4: 1.0}, RECENT_ONE, EMERGING, 3, 0, id="recent is 1 month"),
    pytest.param(
        dict.fromkeys(range(7), 1.0), TEN_MONTHS_AT_70, SUSTAINED, 7, 0, id="7 of 10 at 70%"
    ),
    pytest.param(
        dict.fromkeys(range(6), 1.0), TEN_MONTHS_AT_70, EMERGING, 6, 0, id="6 of 10 at 70%"
    ),
]


@pytest.mark.parametrize(("ago", "policy", "status", "demonstrated", "flashes"), BEHAVIOUR_CASES)
def test_behaviour_readiness_needs_consistency_and_recency(
    ago, policy, status, demonstrated, flashes
):
    cells = {months_ago(count, policy=policy): score for count, score in ago.items()}
    result = behaviour_readiness(
        1, "Scope and impact", cells, as_of=AS_OF, policy=policy, last_evidence=AS_OF
    )
    window = policy.window_months // policy.period_months
    assert result.status == status
    assert result.demonstrated_periods == demonstrated
    assert result.flash_periods == flashes
    assert result.window_periods == window
    assert result.consistency == demonstrated / window


def test_first_and_last_demonstrated_look_at_every_cell_given():
    cells = {months_ago(9): 1.0, months_ago(4): 0.5, months_ago(2): 1.0, months_ago(1): 0.0}
    result = behaviour_readiness(
        1, "Scope and impact", cells, as_of=AS_OF, policy=MONTHLY, last_evidence=AS_OF
    )
    assert (result.first_demonstrated, result.last_demonstrated) == (months_ago(9), months_ago(2))

    flashes = {months_ago(1): 0.5}
    result = behaviour_readiness(
        1, "Scope and impact", flashes, as_of=AS_OF, policy=MONTHLY, last_evidence=AS_OF
    )
    assert (result.first_demonstrated, result.last_demonstrated) == (None, None)


@pytest.mark.parametrize(
    ("last_evidence", "stale"),
    [
        pytest.param(None, False, id="never: not started, not stale"),
        pytest.param(AS_OF - timedelta(days=90), False, id="90 days ago"),
        pytest.param(AS_OF - timedelta(days=91), True, id="91 days ago"),
    ],
)
def test_a_behaviour_is_stale_90_days_after_its_evidence_stopped(last_evidence, stale):
    result = behaviour_readiness(
        1, "Scope and impact", {}, as_of=AS_OF, policy=MONTHLY, last_evidence=last_evidence
    )
    assert result.stale is stale
    assert result.last_evidence == last_evidence


# overall -----------------------------------------------------------------------------------------


def summary(status: str, number: int) -> BehaviourReadiness:
    """A behaviour in a given state; the numbers match the state under the default policy."""
    demonstrated = {SUSTAINED: 4, EMERGING: 1, NOT_YET: 0}[status]
    return BehaviourReadiness(
        behaviour=number,
        name=f"Behaviour {number}",
        status=status,
        consistency=demonstrated / 6,
        demonstrated_periods=demonstrated,
        flash_periods=0,
        window_periods=6,
        first_demonstrated=months_ago(3) if demonstrated else None,
        last_demonstrated=months_ago(0) if demonstrated else None,
        last_evidence=AS_OF,
        stale=False,
    )


def statuses(*counts: tuple[str, int]) -> list[BehaviourReadiness]:
    words = [status for status, count in counts for _ in range(count)]
    return [summary(status, number) for number, status in enumerate(words, start=1)]


@pytest.mark.parametrize(
    ("items", "policy", "expected"),
    [
        pytest.param(statuses((SUSTAINED, 7)), MONTHLY, READY, id="all 7 sustained"),
        pytest.param(
            statuses((SUSTAINED, 5), (EMERGING, 2)), MONTHLY, CLOSE, id="5 of 7, rest emerging"
        ),
        pytest.param(
            statuses((SUSTAINED, 4), (EMERGING, 3)), MONTHLY, BUILDING, id="4 of 7 is under 60%"
        ),
        pytest.param(
            statuses((SUSTAINED, 3), (EMERGING, 2)), MONTHLY, CLOSE, id="3 of 5 is exactly 60%"
        ),
        pytest.param(
            statuses((SUSTAINED, 6), (NOT_YET, 1)), MONTHLY, BUILDING, id="one not yet shown"
        ),
        pytest.param(
            statuses((SUSTAINED, 4), (EMERGING, 3)),
            Policy(close_share=0.5),
            CLOSE,
            id="close share from the policy",
        ),
        pytest.param(statuses((EMERGING, 7)), MONTHLY, BUILDING, id="all emerging"),
    ],
)
def test_overall_is_ready_close_or_building(items, policy, expected):
    assert overall(items, policy=policy).status == expected


def test_no_behaviours_means_no_target_level_to_assess():
    result = overall([], policy=MONTHLY)
    assert result.status == BUILDING
    assert result.reasons == (NO_TARGET_LEVEL,)
    assert "no target level to assess" in NO_TARGET_LEVEL


@pytest.mark.parametrize(
    ("as_of", "policy", "ago", "reason"),
    [
        pytest.param(
            AS_OF,
            MONTHLY,
            {0: 1.0},
            "Scope and impact: demonstrated in 1 of the last 6 months; needs 3.",
            id="below threshold",
        ),
        pytest.param(
            date(2026, 6, 10),
            MONTHLY,
            {4: 1.0, 5: 1.0, 6: 1.0},
            "Scope and impact: last demonstrated in Feb 2026; "
            "needs a demonstration in the last 3 months.",
            id="not recent",
        ),
        pytest.param(
            AS_OF,
            MONTHLY,
            {0: 0.5, 3: 0.5},
            "Scope and impact: not demonstrated in the last 6 months — only partly shown.",
            id="only flashes",
        ),
        pytest.param(
            AS_OF,
            MONTHLY,
            {0: 0.0, 7: 1.0},
            "Scope and impact: no evidence in the last 6 months.",
            id="not yet",
        ),
        pytest.param(
            AS_OF,
            Policy(period_months=3, window_months=12),
            {2: 1.0, 3: 1.0},
            "Scope and impact: last demonstrated in Q2 2026; "
            "needs a demonstration in the last quarter.",
            id="not recent, quarters",
        ),
        pytest.param(
            AS_OF,
            TEN_MONTHS_AT_70,
            {0: 1.0},
            "Scope and impact: demonstrated in 1 of the last 10 months; needs 7.",
            id="needed count from the threshold",
        ),
    ],
)
def test_each_behaviour_not_sustained_gets_a_reason_naming_it(as_of, policy, ago, reason):
    cells = {months_ago(count, as_of, policy): score for count, score in ago.items()}
    item = behaviour_readiness(
        1, "Scope and impact", cells, as_of=as_of, policy=policy, last_evidence=as_of
    )
    assert item.status != SUSTAINED
    result = overall([item], policy=policy)
    assert result.reasons[1:] == (reason,)


@pytest.mark.parametrize(
    ("items", "policy", "first"),
    [
        pytest.param(
            statuses((SUSTAINED, 3), (EMERGING, 4)),
            MONTHLY,
            "Not yet consistent: 3 of 7 behaviours are sustained over the last 6 months.",
            id="not ready",
        ),
        pytest.param(
            statuses((SUSTAINED, 1), (NOT_YET, 6)),
            QUARTERLY,
            "Not yet consistent: 1 of 7 behaviours is sustained over the last 2 quarters.",
            id="not ready, quarters",
        ),
        pytest.param(
            statuses((SUSTAINED, 7)),
            MONTHLY,
            "Every behaviour was demonstrated in at least half of the last 6 months, "
            "most recently within the last 3 months.",
            id="ready",
        ),
        pytest.param(
            statuses((SUSTAINED, 7)),
            Policy(threshold=0.6, recent_months=2),
            "Every behaviour was demonstrated in at least 60% of the last 6 months, "
            "most recently within the last 2 months.",
            id="ready, other threshold",
        ),
    ],
)
def test_the_first_reason_sums_up(items, policy, first):
    reasons = overall(items, policy=policy).reasons
    assert reasons[0] == first
    assert ("not yet consistent" in reasons[0].lower()) is (len(reasons) > 1)


@pytest.mark.parametrize(
    ("too_recent", "unmeasured", "policy", "expected"),
    [
        pytest.param(
            1,
            0,
            MONTHLY,
            [
                "1 entry shipped too recently to assess its impact (less than 12 weeks ago); "
                "counted as partly shown for now."
            ],
            id="one too recent",
        ),
        pytest.param(
            3,
            0,
            Policy(impact_maturity_weeks=8),
            [
                "3 entries shipped too recently to assess their impact (less than 8 weeks ago); "
                "counted as partly shown for now."
            ],
            id="several too recent",
        ),
        pytest.param(
            0,
            1,
            MONTHLY,
            [
                "1 entry without a measured impact; "
                "record what it achieved to count it as demonstrated."
            ],
            id="one unmeasured",
        ),
        pytest.param(
            2,
            2,
            MONTHLY,
            [
                "2 entries shipped too recently to assess their impact (less than 12 weeks ago); "
                "counted as partly shown for now.",
                "2 entries without a measured impact; "
                "record what they achieved to count them as demonstrated.",
            ],
            id="both, too recent first",
        ),
    ],
)
def test_held_back_entries_are_explained_last(too_recent, unmeasured, policy, expected):
    items = statuses((SUSTAINED, 5), (EMERGING, 2))
    result = overall(items, policy=policy, too_recent=too_recent, unmeasured=unmeasured)
    assert list(result.reasons[3:]) == expected
    assert (result.too_recent, result.unmeasured) == (too_recent, unmeasured)


def test_reasons_follow_behaviour_order_and_skip_sustained_behaviours():
    items = [summary(EMERGING, 1), summary(SUSTAINED, 2), summary(NOT_YET, 3)]
    reasons = overall(items, policy=MONTHLY, too_recent=1).reasons
    assert len(reasons) == 4
    assert reasons[1].startswith("Behaviour 1: ")
    assert reasons[2] == NO_EVIDENCE.format(name="Behaviour 3", window="6 months")
    assert "too recently to assess" in reasons[3]


# assess ------------------------------------------------------------------------------------------


def names_of(result, status: str) -> list[str]:
    return [item.name for item in result.readiness.behaviours if item.status == status]


def test_assess_keeps_only_claims_within_the_range():
    claims = [
        claim(entry_id=1, week_start=date(2025, 11, 24)),  # Nov 2025: before the 12 months
        claim(entry_id=2, week_start=date(2025, 12, 1)),
        claim(entry_id=3, week_start=date(2026, 12, 7)),  # after as_of
    ]
    result = assess(claims, BEHAVIOURS, as_of=AS_OF, policy=MONTHLY)
    assert [item.claim.entry_id for item in result.judged] == [2]
    assert result.grid == {(1, months_ago(11)): 0.5}
    assert result.periods == range_indexes(AS_OF, 12, MONTHLY)


def test_held_back_counts_are_distinct_entries_in_the_window_on_the_target_behaviours():
    confirmed = (verdict(1, "2026-11-20", "demonstrated"),)
    claims = [
        # one too-recent entry tagged three times counts once
        *entry(1, date(2026, 11, 2), [1, 2, 3], shipped_on=date(2026, 11, 5), verdicts=confirmed),
        # unmeasured, in the window
        *entry(2, date(2026, 7, 6), [4], verdicts=confirmed),
        # unmeasured, in the range but before the window
        *entry(3, date(2026, 3, 2), [4], verdicts=confirmed),
        # too recent, but on a behaviour of another level
        *entry(4, date(2026, 11, 9), [99], shipped_on=date(2026, 11, 10), verdicts=confirmed),
    ]
    result = assess(claims, BEHAVIOURS, as_of=AS_OF, policy=MONTHLY)
    assert (result.readiness.too_recent, result.readiness.unmeasured) == (1, 1)
    assert result.grid[(99, months_ago(0))] == 0.5


def test_last_evidence_is_the_latest_counted_claim_even_a_gap():
    claims = [
        *entry(3, date(2026, 6, 1), [1, 2]),
        *entry(1, date(2026, 10, 5), [1], verdicts=(verdict(1, "2026-10-10", "gap"),)),
        *entry(4, date(2026, 5, 4), [2]),
        *entry(5, date(2026, 11, 16), [3], self_tagged=False),  # no verdict: does not count
    ]
    result = assess(claims, BEHAVIOURS, as_of=AS_OF, policy=MONTHLY)
    first, second, third = result.readiness.behaviours[:3]
    assert (first.last_evidence, first.stale) == (date(2026, 10, 5), False)
    assert (second.last_evidence, second.stale) == (date(2026, 6, 1), True)
    assert (third.last_evidence, third.stale) == (None, False)  # never had any: not stale


def test_assess_needs_a_range_covering_the_window():
    with pytest.raises(ValueError):
        assess([], BEHAVIOURS, as_of=AS_OF, policy=MONTHLY, range_periods=5)


@pytest.mark.parametrize(
    "module",
    [rules, periods, words, forecast, vocabulary],
    ids=["rules", "periods", "words", "forecast", "vocabulary"],
)
def test_the_rules_read_no_clock_and_import_no_django(module):
    tree = ast.parse(inspect.getsource(module))
    imported = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            imported |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            imported.add(node.module)
    pure = {
        "__future__",
        "collections.abc",
        "dataclasses",
        "datetime",
        "typing",
        "reviews.readiness",
    }
    pure |= {f"reviews.readiness.{name}" for name in ("periods", "rules", "words")}
    pure.add("reviews.vocabulary")  # the words the rules' sentences use: pure as well
    assert imported <= pure
    calls = {
        node.func.attr
        for node in ast.walk(tree)
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
    }
    assert not calls & {"today", "now", "utcnow"}


# Stories -----------------------------------------------------------------------------------------


def test_one_big_recent_project_is_not_readiness():
    claims = entry(
        1,
        date(2026, 11, 2),
        ALL,
        shipped_on=AS_OF - timedelta(weeks=3),
        measured_on=AS_OF - timedelta(weeks=1),
        verdicts=[verdict(1, "2026-11-20", "demonstrated")],
    )
    result = assess(claims, BEHAVIOURS, as_of=AS_OF, policy=MONTHLY)

    assert result.readiness.status == BUILDING
    assert names_of(result, EMERGING) == NAMES
    assert result.readiness.too_recent == 1
    reasons = result.readiness.reasons
    assert "not yet consistent" in reasons[0].lower()
    assert any("1 entry shipped too recently to assess its impact" in r for r in reasons)
    assert all(item.capped == TOO_RECENT for item in result.judged)
    # Each behaviour names the real cause: a mentor confirmed it, only the impact's age holds
    # it back (not "self-tagged, or partly shown").
    cause = CAUSE_TOO_RECENT.format(entries="1 entry", weeks=12)
    for name in NAMES:
        assert NOT_DEMONSTRATED.format(name=name, window="6 months", causes=cause) in reasons


def test_confirmed_evidence_in_five_of_six_months_is_ready():
    matured_by = AS_OF - timedelta(weeks=13)
    claims = []
    for month in (6, 7, 8, 9, 11):  # October is missing
        week = first_monday(2026, month)
        for behaviour in ALL:
            claims += entry(
                month * 100 + behaviour,
                week,
                [behaviour],
                # older work shipped long ago; recent work has no ship date, only measured impact
                shipped_on=week + timedelta(days=3)
                if week + timedelta(days=3) <= matured_by
                else None,
                measured_on=week + timedelta(days=7),
                verdicts=[
                    verdict(behaviour % 2 + 1, str(week + timedelta(days=10)), "demonstrated")
                ],
            )
    result = assess(claims, BEHAVIOURS, as_of=AS_OF, policy=MONTHLY)

    assert result.readiness.status == READY
    assert names_of(result, SUSTAINED) == NAMES
    assert {item.consistency for item in result.readiness.behaviours} == {5 / 6}
    assert (result.readiness.too_recent, result.readiness.unmeasured) == (0, 0)
    assert result.readiness.reasons == (
        "Every behaviour was demonstrated in at least half of the last 6 months, "
        "most recently within the last 3 months.",
    )
    assert (1, months_ago(1)) not in result.grid


def test_self_tagged_only_is_never_better_than_emerging():
    claims = []
    for count in range(12):
        first = first_monday(*months_after(2025, 12, count))
        for week in (first, first + timedelta(days=14)):
            claims += entry(
                len(claims) + 1,
                week,
                ALL,
                shipped_on=week - timedelta(days=120),
                measured_on=week,
            )
    result = assess(claims, BEHAVIOURS, as_of=AS_OF, policy=MONTHLY)

    assert result.readiness.status == BUILDING
    assert names_of(result, EMERGING) == NAMES
    assert {item.consistency for item in result.readiness.behaviours} == {0}
    assert {item.flash_periods for item in result.readiness.behaviours} == {6}
    assert set(result.grid.values()) == {0.5}
    assert len(result.grid) == 7 * 12
    # Every claim in the window (May to November, the month in progress counting only if it
    # helps) is the engineer's own, not yet reviewed: the reason says so, with the count.
    causes = CAUSE_SELF_TAGGED.format(entries="14 entries")
    expected = NOT_DEMONSTRATED.format(name="Ownership", window="6 months", causes=causes)
    assert expected in result.readiness.reasons


def test_a_mentors_gap_outweighs_the_engineers_own_tag():
    claims = entry(
        1,
        date(2026, 10, 5),
        [1],
        shipped_on=date(2026, 6, 1),
        measured_on=date(2026, 7, 1),
        verdicts=[verdict(1, "2026-10-12", "gap")],
    ) + entry(2, date(2026, 10, 5), [2])
    result = assess(claims, BEHAVIOURS, as_of=AS_OF, policy=MONTHLY)

    gap, tag = result.judged
    assert (gap.strength, gap.reviewed, gap.claim.self_tagged) == (0.0, True, True)
    assert (tag.strength, tag.reviewed) == (0.5, False)
    first, second = result.readiness.behaviours[:2]
    assert (first.status, second.status) == (NOT_YET, EMERGING)
    assert result.grid[(1, months_ago(1))] == 0.0


def as_known_on(claims: list[Claim], day: date) -> list[Claim]:
    """The data as it stood on `day`: later entries, verdicts and measurements did not exist."""
    return [
        replace(
            item,
            verdicts=tuple(v for v in item.verdicts if v.at.date() <= day),
            impact_measured_on=item.impact_measured_on
            if item.impact_measured_on and item.impact_measured_on <= day
            else None,
        )
        for item in claims
        if item.week_start <= day
    ]


def test_as_of_a_year_ago_gives_the_result_it_would_have_given_then():
    then = date(2025, 11, 24)
    claims = []
    # Year one: behaviours 1-5 confirmed every month; behaviour 6 only self-tagged at the time.
    for count in range(12):
        week = first_monday(*months_after(2024, 12, count))
        review = str(week + timedelta(days=10))
        claims += entry(
            100 + count,
            week,
            [1, 2, 3, 4, 5],
            measured_on=week + timedelta(days=14),
            verdicts=[verdict(1, review, "demonstrated")]
            # In March 2026 the mentor changed their mind about August 2025.
            + ([verdict(1, "2026-03-01", "gap")] if week.month == 8 else []),
        )
        # Reviewed only in February 2026.
        claims += entry(
            200 + count,
            week,
            [6],
            measured_on=week + timedelta(days=14),
            verdicts=[verdict(2, "2026-02-10", "demonstrated")],
        )
    # Confirmed in October 2025, but its impact was only measured in January 2026.
    claims += entry(
        300,
        date(2025, 10, 6),
        [7],
        measured_on=date(2026, 1, 15),
        verdicts=[verdict(1, "2025-10-20", "demonstrated")],
    )
    # Year two: a couple of self-tagged flashes, and one entry still to come.
    claims += entry(400, date(2026, 3, 2), [1])
    claims += entry(401, date(2026, 9, 7), [1])
    claims += entry(402, date(2026, 12, 7), ALL)

    past = assess(claims, BEHAVIOURS, as_of=then, policy=MONTHLY)
    known = assess(as_known_on(claims, then), BEHAVIOURS, as_of=then, policy=MONTHLY)
    now = assess(claims, BEHAVIOURS, as_of=AS_OF, policy=MONTHLY)

    assert past.readiness == known.readiness
    assert past.grid == known.grid
    assert past.periods == known.periods

    def facts(result):
        return [
            (j.claim.entry_id, j.claim.behaviour, j.strength, j.reviewed, j.capped)
            for j in result.judged
        ]

    assert facts(past) == facts(known)

    assert past.readiness.status == CLOSE
    assert names_of(past, SUSTAINED) == NAMES[:5]
    assert names_of(past, EMERGING) == NAMES[5:]
    assert past.readiness.behaviours[0].consistency == 1.0
    assert past.readiness.unmeasured == 1

    assert now.readiness != past.readiness
    assert now.readiness.status == BUILDING
    assert names_of(now, EMERGING) == NAMES[:1]
    assert names_of(now, NOT_YET) == NAMES[1:]


# Invariants --------------------------------------------------------------------------------------

WORDS = list(rules.STRENGTH)
POLICIES = [Policy(), QUARTERLY, Policy(recent_months=1, threshold=0.34, close_share=0.5)]


def random_claims(rng: random.Random) -> list[Claim]:
    claims = []
    for entry_id in range(rng.randint(0, 60)):
        week = AS_OF - timedelta(weeks=rng.randint(-4, 70), days=AS_OF.weekday())
        shipped = week + timedelta(days=rng.randint(0, 120)) if rng.random() < 0.6 else None
        measured = week + timedelta(days=rng.randint(0, 200)) if rng.random() < 0.6 else None
        for behaviour in rng.sample(range(1, 5), rng.randint(1, 3)):
            verdicts = tuple(
                MentorVerdict(
                    mentor=rng.randint(1, 3),
                    at=datetime.combine(week, datetime.min.time())
                    + timedelta(days=rng.randint(0, 200)),
                    verdict=rng.choice(WORDS),
                )
                for _ in range(rng.choice([0, 0, 1, 2, 3]))
            )
            claims.append(
                Claim(entry_id, behaviour, week, rng.random() < 0.7, shipped, measured, verdicts)
            )
    return claims


@pytest.mark.parametrize("seed", range(5))
def test_invariants_hold_for_random_evidence(seed):
    rng = random.Random(seed)
    policy = POLICIES[seed % len(POLICIES)]
    behaviours = [(number, f"Behaviour {number}") for number in range(1, 5)]
    result = assess(random_claims(rng), behaviours, as_of=AS_OF, policy=policy)

    matured_by = AS_OF - timedelta(weeks=policy.impact_maturity_weeks)
    for item in result.judged:
        assert item.claim.week_start <= AS_OF
        assert item.strength in (0.0, 0.5, 1.0)
        if item.strength == 1.0:
            assert item.claim.impact_measured_on is not None
            assert item.claim.impact_measured_on <= AS_OF
            assert item.claim.shipped_on is None or item.claim.shipped_on <= matured_by
        if item.capped:
            assert (item.strength, item.reviewed) == (0.5, True)
        if not item.reviewed:
            assert (item.strength, item.claim.self_tagged) == (0.5, True)
    for key, best in result.grid.items():
        same = [
            j.strength
            for j in result.judged
            if (j.claim.behaviour, period_index(j.claim.week_start, policy)) == key
        ]
        assert best == max(same)

    current, previous = rules.windows(AS_OF, policy)
    states = [item.status for item in result.readiness.behaviours]
    for item in result.readiness.behaviours:
        assert list(item.window) in (current, previous)  # rule 5: with or without this period
        window = list(item.window)
        recent = window[-periods.recent_periods(policy) :]
        assert 0 <= item.consistency <= 1
        shown = [p for p in window if result.grid.get((item.behaviour, p)) == 1.0]
        assert item.consistency == len(shown) / len(window)
        if item.status == SUSTAINED:
            assert any(p in shown for p in recent)
            assert item.consistency >= policy.threshold
        if item.status == NOT_YET:
            either = set(current) | set(previous)
            assert all(result.grid.get((item.behaviour, p), 0.0) == 0.0 for p in either)
    assert (result.readiness.status == READY) is all(s == SUSTAINED for s in states)
    if result.readiness.status == CLOSE:
        assert states.count(SUSTAINED) / len(states) >= policy.close_share
        assert NOT_YET not in states
