"""How readiness for the target level is computed.

This module is the reference for the "how is this computed" page. It holds the rules only: pure
functions over plain dataclasses, with the date of the assessment (`as_of`) always passed in. It
reads no clock and no database, so a result can be reproduced for any past day.

The rules, in plain words:

1. Each piece of evidence is a *claim*: one entry (a week of work) named for one behaviour of the
   target level, either tagged by the engineer or named by a mentor.
   - Entries dated after the assessment date do not count, nor do verdicts given after it.
   - A mentor's verdict is worth 1 ("demonstrated"), 0.5 ("flashes") or 0 ("gap"). Only each
     mentor's latest verdict counts, and across mentors the most favourable one.
   - A reviewed claim is worth its verdict, even when that is lower than the engineer's own tag:
     a mentor's "gap" outweighs a self-tag.
   - An unreviewed self-tag is worth 0.5: a claim is a flash, not proof.
   - A behaviour a mentor named without giving a verdict on it does not count yet.
2. "Demonstrated" also needs an impact that was measured and had time to show. A demonstrated
   claim counts as a flash (0.5) instead when its entry shipped less than `impact_maturity_weeks`
   weeks ago ("too recent"), or when no impact has been measured yet ("unmeasured").
3. Time is cut into periods (months, or quarters). A behaviour's score for a period is its best
   claim in that period.
4. A behaviour is judged over the last `window_months` months (the window):
   - consistency is the share of window periods in which it was demonstrated;
   - it is *sustained* when that share reaches `threshold` and one of the demonstrations falls in
     the last `recent_months` months;
   - otherwise it is *emerging* when any window period shows at least a flash;
   - otherwise it is *not yet* shown.
   It is flagged *stale* when it had evidence once but none for more than `stale_days` days;
   a behaviour that never had evidence is not stale, it has simply not started.
5. The calendar alone never changes a verdict. The period in progress is not over, so it counts
   only when it helps: each behaviour is judged over the window ending with the current period
   and over the window ending with the last whole period, and the better of the two counts (for
   consistency and for recency alike). On the first day of a month nothing is lost that was
   there the day before; a status changes only because evidence arrived, was judged, matured, or
   aged out of the window.
6. Overall, the engineer is *ready* when every behaviour is sustained; *close* when at least
   `close_share` of the behaviours are sustained and every other one is emerging; *not started*
   while no behaviour has any evidence at all in the range the pages show; otherwise *building*.
   The reasons (reviews.readiness.words) say, behaviour by behaviour, what is missing and why,
   and what would change it: how many more demonstrated periods, and the earliest period it could
   be sustained in if the engineer keeps demonstrating it.

One big project is therefore never enough on its own: readiness is about doing the work of the
level consistently, over months, with results that others have confirmed.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from reviews.readiness import words
from reviews.readiness.periods import (
    Policy,
    period_index,
    range_indexes,
    recent_periods,
    window_indexes,
)
from reviews.readiness.words import (
    BUILDING,
    CLOSE,
    EMERGING,
    NO_TARGET_LEVEL,
    NOT_STARTED,
    NOT_YET,
    READY,
    SUSTAINED,
)

STRENGTH = {"demonstrated": 1.0, "flashes": 0.5, "gap": 0.0}
SELF_TAGGED = 0.5  # a claim is a flash, not proof
DEMONSTRATED = STRENGTH["demonstrated"]
FLASH = STRENGTH["flashes"]

__all__ = ["BUILDING", "CLOSE", "EMERGING", "NO_TARGET_LEVEL", "NOT_STARTED", "NOT_YET", "READY"]
__all__ += ["SUSTAINED", "Assessment", "BehaviourReadiness", "Claim", "Judged", "MentorVerdict"]
TOO_RECENT, UNMEASURED = "too_recent", "unmeasured"
_RANK = {SUSTAINED: 2, EMERGING: 1, NOT_YET: 0}


@dataclass(frozen=True)
class MentorVerdict:
    mentor: int
    at: datetime  # when the verdict was given; compared with as_of by at.date()
    verdict: str  # "demonstrated" | "flashes" | "gap"


@dataclass(frozen=True)
class Claim:
    """One (entry, behaviour) pair."""

    entry_id: int
    behaviour: int
    week_start: date  # the Monday of the entry's week
    self_tagged: bool  # the engineer tagged it (False: only a mentor named it)
    shipped_on: date | None = None
    impact_measured_on: date | None = None  # None: impact not measured
    verdicts: tuple[MentorVerdict, ...] = ()


@dataclass(frozen=True)
class Judged:
    claim: Claim
    strength: float
    reviewed: bool  # at least one mentor verdict counted
    capped: str | None  # TOO_RECENT or UNMEASURED when rule 2 lowered it, else None
    verdict: str | None = None  # the counted mentor verdict, when reviewed


# Claims ------------------------------------------------------------------------------------------


def matures_on(shipped_on: date, policy: Policy) -> date:
    """The first day a shipped piece of work's impact has had time to show."""
    return shipped_on + timedelta(weeks=policy.impact_maturity_weeks)


def judge(claim: Claim, *, as_of: date, policy: Policy) -> Judged | None:
    """How much one claim counts for, as known on as_of; None when it does not count at all.

    Mentors' word outweighs the engineer's: a reviewed claim is worth the best of each mentor's
    latest verdict, an unreviewed self-tag only a flash. "Demonstrated" is held back to a flash
    until the impact is measured and has had `impact_maturity_weeks` to show, so that one shiny
    launch is not mistaken for results. Nothing after as_of is looked at.
    """
    if claim.week_start > as_of:
        return None
    latest: dict[int, MentorVerdict] = {}
    for verdict in claim.verdicts:
        if verdict.at.date() > as_of:
            continue
        if verdict.verdict not in STRENGTH:
            raise ValueError(f"Unknown verdict {verdict.verdict!r}.")
        seen = latest.get(verdict.mentor)
        if seen is None or verdict.at >= seen.at:
            latest[verdict.mentor] = verdict
    counted = None
    if latest:
        counted = max(latest.values(), key=lambda v: STRENGTH[v.verdict]).verdict
        strength = STRENGTH[counted]
    elif claim.self_tagged:
        strength = SELF_TAGGED
    else:
        return None

    capped = None
    if strength > FLASH:
        if claim.shipped_on is not None and matures_on(claim.shipped_on, policy) > as_of:
            strength, capped = FLASH, TOO_RECENT
        elif claim.impact_measured_on is None or claim.impact_measured_on > as_of:
            strength, capped = FLASH, UNMEASURED
    return Judged(
        claim=claim, strength=strength, reviewed=bool(latest), capped=capped, verdict=counted
    )


def best_per_period(judged: Iterable[Judged], policy: Policy) -> dict[tuple[int, int], float]:
    """(behaviour, period index) -> the best strength shown in that period.

    A period counts once however many entries it has: consistency rewards showing the behaviour
    month after month, not volume in one month.
    """
    return _best((item, period_index(item.claim.week_start, policy)) for item in judged)


def _best(pairs: Iterable[tuple[Judged, int]]) -> dict[tuple[int, int], float]:
    best: dict[tuple[int, int], float] = {}
    for item, period in pairs:
        key = (item.claim.behaviour, period)
        if item.strength > best.get(key, -1.0):
            best[key] = item.strength
    return best


# Behaviours --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Causes:
    """What held a behaviour's claims in the window below "demonstrated", for the reasons."""

    # (entry, period, the day its impact has matured, whether that impact is measured)
    too_recent: tuple[tuple[int, int, date, bool], ...] = ()
    unmeasured: tuple[int, ...] = ()  # entries confirmed by a mentor, impact not measured
    self_tagged: int = 0  # claims only the engineer made, not reviewed yet
    partial: int = 0  # claims a mentor judged "flashes"
    gaps: int = 0  # claims a mentor judged a gap


@dataclass(frozen=True)
class BehaviourReadiness:
    behaviour: int
    name: str
    status: str  # SUSTAINED | EMERGING | NOT_YET
    consistency: float  # demonstrated window periods / window periods
    demonstrated_periods: int
    flash_periods: int  # window periods whose best is exactly 0.5
    window_periods: int
    first_demonstrated: int | None  # period index, over the periods given in `cells`
    last_demonstrated: int | None
    last_evidence: date | None
    stale: bool  # had evidence once, none for more than stale_days
    window: tuple[int, ...] = ()  # the periods it was judged over (rule 5)
    causes: Causes = field(default_factory=Causes)

    @property
    def started(self) -> bool:
        return self.last_evidence is not None


def windows(as_of: date, policy: Policy) -> tuple[list[int], list[int]]:
    """The window ending with the period in progress, and the one ending with the last whole
    period (rule 5)."""
    current = window_indexes(as_of, policy)
    return current, [index - 1 for index in current]


def judge_window(cells: Mapping[int, float], window: Sequence[int], policy: Policy) -> str:
    """Sustained, emerging or not yet, over one window of periods."""
    scores = [cells.get(index, 0.0) for index in window]
    demonstrated = sum(1 for score in scores if score == DEMONSTRATED)
    if (
        demonstrated / len(window) >= policy.threshold
        and DEMONSTRATED in scores[-recent_periods(policy) :]
    ):
        return SUSTAINED
    return EMERGING if any(score >= FLASH for score in scores) else NOT_YET


def behaviour_readiness(
    behaviour: int,
    name: str,
    cells: Mapping[int, float],
    *,
    as_of: date,
    policy: Policy,
    last_evidence: date | None,
    causes: Causes | None = None,
) -> BehaviourReadiness:
    """Whether one behaviour is sustained, emerging or not yet shown, as of as_of.

    `cells` maps period index -> best strength for this behaviour (missing: no evidence).
    Sustained needs both consistency (a share of the window demonstrated) and recency (a
    demonstration in the last few months), so that neither an old streak nor one recent burst
    is enough. The period in progress counts only when it helps (rule 5).
    """

    def standing(window: list[int]) -> tuple[int, int, int]:
        scores = [cells.get(index, 0.0) for index in window]
        demonstrated = sum(1 for score in scores if score == DEMONSTRATED)
        flashes = sum(1 for score in scores if score == FLASH)
        return _RANK[judge_window(cells, window, policy)], demonstrated, flashes

    window = max(windows(as_of, policy), key=standing)  # ties: the one with the current period
    rank, demonstrated, flashes = standing(window)
    shown = sorted(index for index, score in cells.items() if score == DEMONSTRATED)
    stale = last_evidence is not None and (as_of - last_evidence).days > policy.stale_days
    return BehaviourReadiness(
        behaviour=behaviour,
        name=name,
        status={value: key for key, value in _RANK.items()}[rank],
        consistency=demonstrated / len(window),
        demonstrated_periods=demonstrated,
        flash_periods=flashes,
        window_periods=len(window),
        first_demonstrated=shown[0] if shown else None,
        last_demonstrated=shown[-1] if shown else None,
        last_evidence=last_evidence,
        stale=stale,
        window=tuple(window),
        causes=causes or Causes(),
    )


# Overall -----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Readiness:
    status: str  # READY | CLOSE | BUILDING | NOT_STARTED
    behaviours: tuple[BehaviourReadiness, ...]
    reasons: tuple[str, ...]
    too_recent: int  # entries in the window capped as too recent
    unmeasured: int  # entries in the window capped as unmeasured

    @property
    def sustained(self) -> int:
        return sum(1 for item in self.behaviours if item.status == SUSTAINED)


def overall_status(behaviours: Sequence[BehaviourReadiness], *, policy: Policy) -> str:
    """Ready, close, building or not started for the whole level (rule 6).

    Ready needs every behaviour sustained: a level is the whole set of behaviours, not an average.
    Close is there to show that the remaining gap is small (most sustained, the rest emerging).
    """
    if behaviours and not any(item.started for item in behaviours):
        return NOT_STARTED
    total = len(behaviours)
    sustained = sum(1 for item in behaviours if item.status == SUSTAINED)
    if total and sustained == total:
        return READY
    if (
        total
        and sustained / total >= policy.close_share
        and all(item.status == EMERGING for item in behaviours if item.status != SUSTAINED)
    ):
        return CLOSE
    return BUILDING


def overall(
    behaviours: Sequence[BehaviourReadiness],
    *,
    policy: Policy,
    too_recent: int = 0,
    unmeasured: int = 0,
    range_periods: int = 12,
) -> Readiness:
    """The overall status with the reasons in plain words (reviews.readiness.words)."""
    status = overall_status(behaviours, policy=policy)
    reasons = words.reasons(
        status, behaviours, policy, too_recent, unmeasured, range_periods=range_periods
    )
    return Readiness(
        status=status,
        behaviours=tuple(behaviours),
        reasons=tuple(reasons),
        too_recent=too_recent,
        unmeasured=unmeasured,
    )


# Everything together -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Assessment:
    readiness: Readiness
    grid: dict[tuple[int, int], float]  # (behaviour, period index) -> best strength, over periods
    periods: list[int]  # range_indexes(as_of, range_periods, policy)
    judged: list[Judged]  # every counted claim within those periods
    as_of: date


def _causes(judged: Sequence[tuple[Judged, int]], window: set[int], policy: Policy) -> Causes:
    too_recent: list[tuple[int, int, date, bool]] = []
    unmeasured: list[int] = []
    self_tagged = partial = gaps = 0
    for item, period in judged:
        if period not in window or item.strength >= DEMONSTRATED:
            continue
        claim = item.claim
        if item.capped == TOO_RECENT and claim.shipped_on is not None:
            measured = claim.impact_measured_on is not None
            matured = matures_on(claim.shipped_on, policy)
            too_recent.append((claim.entry_id, period, matured, measured))
        elif item.capped == UNMEASURED:
            unmeasured.append(claim.entry_id)
        elif not item.reviewed:
            self_tagged += 1
        elif item.verdict == "flashes":
            partial += 1
        else:
            gaps += 1
    return Causes(
        too_recent=tuple(sorted(too_recent, key=lambda t: t[2])),
        unmeasured=tuple(unmeasured),
        self_tagged=self_tagged,
        partial=partial,
        gaps=gaps,
    )


def assess(
    claims: Iterable[Claim],
    behaviours: Sequence[tuple[int, str]],
    *,
    as_of: date,
    policy: Policy,
    range_periods: int = 12,
) -> Assessment:
    """The whole picture as of as_of: the readiness verdict and the grid the page draws.

    `behaviours` are the target level's (id, name) pairs, in display order. Only claims on those
    behaviours count towards the "too recent" and "unmeasured" entry counts, since only they
    affect readiness. Claims outside the last `range_periods` periods are not looked at, so any
    two callers that pass the same range get the same answer.
    """
    window_periods = policy.window_months // policy.period_months
    if range_periods < window_periods + 1:
        raise ValueError("range_periods must cover the consistency window and the one before.")
    periods = range_indexes(as_of, range_periods, policy)
    shown = set(periods)
    pairs = []  # each counted claim with its period, worked out once
    for claim in claims:
        period = period_index(claim.week_start, policy)
        if period in shown and (item := judge(claim, as_of=as_of, policy=policy)) is not None:
            pairs.append((item, period))
    judged = [item for item, _ in pairs]
    grid = _best(pairs)

    current, previous = windows(as_of, policy)
    either = set(current) | set(previous)
    wanted = {behaviour for behaviour, _ in behaviours}
    held_back: dict[str, set[int]] = {TOO_RECENT: set(), UNMEASURED: set()}
    last_evidence: dict[int, date] = {}
    by_behaviour: dict[int, list[tuple[Judged, int]]] = {}
    for item, period in pairs:
        claim = item.claim
        if claim.behaviour not in wanted:
            continue
        by_behaviour.setdefault(claim.behaviour, []).append((item, period))
        seen = last_evidence.get(claim.behaviour)
        if seen is None or claim.week_start > seen:
            last_evidence[claim.behaviour] = claim.week_start
        if item.capped and period in either:
            held_back[item.capped].add(claim.entry_id)

    cells: dict[int, dict[int, float]] = {}
    for (behaviour, period), score in grid.items():
        cells.setdefault(behaviour, {})[period] = score
    results = [
        behaviour_readiness(
            behaviour,
            name,
            cells.get(behaviour, {}),
            as_of=as_of,
            policy=policy,
            last_evidence=last_evidence.get(behaviour),
            causes=_causes(by_behaviour.get(behaviour, ()), either, policy),
        )
        for behaviour, name in behaviours
    ]
    readiness = overall(
        results,
        policy=policy,
        too_recent=len(held_back[TOO_RECENT]),
        unmeasured=len(held_back[UNMEASURED]),
        range_periods=range_periods,
    )
    return Assessment(readiness=readiness, grid=grid, periods=periods, judged=judged, as_of=as_of)
