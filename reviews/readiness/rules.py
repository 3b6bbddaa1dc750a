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
     the last `recent_months` months (at least the current period);
   - otherwise it is *emerging* when any window period shows at least a flash;
   - otherwise it is *not yet* shown.
   A behaviour is flagged stale when it has had no evidence at all for more than `stale_days` days.
5. Overall, the engineer is *ready* when every behaviour is sustained; *close* when at least
   `close_share` of the behaviours are sustained and every other one is emerging; otherwise
   *building*. The reasons say, behaviour by behaviour, what is missing, and how many entries
   were held back because their impact is too recent or not measured.

One big project is therefore never enough on its own: readiness is about doing the work of the
level consistently, over months, with results that others have confirmed.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from reviews.readiness.periods import (
    Policy,
    period_index,
    period_label,
    range_indexes,
    span,
    window_indexes,
)

STRENGTH = {"demonstrated": 1.0, "flashes": 0.5, "gap": 0.0}
SELF_TAGGED = 0.5  # a claim is a flash, not proof
DEMONSTRATED = STRENGTH["demonstrated"]
FLASH = STRENGTH["flashes"]

SUSTAINED, EMERGING, NOT_YET = "sustained", "emerging", "not_yet"
READY, CLOSE, BUILDING = "ready", "close", "building"
TOO_RECENT, UNMEASURED = "too_recent", "unmeasured"

# User-facing reasons. Format strings, so pages and tests use the same words.
NO_TARGET_LEVEL = "There is no target level to assess: choose the level you are working towards."
READY_SUMMARY = (
    "Every behaviour was demonstrated in at least {share} of the last {window}, "
    "most recently within the last {recent}."
)
NOT_CONSISTENT = (
    "Not yet consistent: {sustained} of {total} behaviours {verb} sustained over the last {window}."
)
BELOW_THRESHOLD = "{name}: demonstrated in {count} of the last {window}; needs {needed}."
NOT_RECENT = "{name}: last demonstrated in {period}; needs a demonstration in the last {recent}."
ONLY_FLASHES = (
    "{name}: only flashes in the last {window} — self-tagged, or partly shown; "
    "needs mentor-confirmed demonstrations."
)
NO_EVIDENCE = "{name}: no evidence in the last {window}."
TOO_RECENT_REASON = (
    "{count} {entries} shipped too recently to assess {its} impact "
    "(less than {weeks} weeks ago); counted as flashes for now."
)
UNMEASURED_REASON = (
    "{count} {entries} without a measured impact; "
    "record what {they} achieved to count {them} as demonstrated."
)


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


# Claims ------------------------------------------------------------------------------------------


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
    if latest:
        strength = max(STRENGTH[verdict.verdict] for verdict in latest.values())
    elif claim.self_tagged:
        strength = SELF_TAGGED
    else:
        return None

    capped = None
    if strength > FLASH:
        matured_by = as_of - timedelta(weeks=policy.impact_maturity_weeks)
        if claim.shipped_on is not None and claim.shipped_on > matured_by:
            strength, capped = FLASH, TOO_RECENT
        elif claim.impact_measured_on is None or claim.impact_measured_on > as_of:
            strength, capped = FLASH, UNMEASURED
    return Judged(claim=claim, strength=strength, reviewed=bool(latest), capped=capped)


def best_per_period(judged: Iterable[Judged], policy: Policy) -> dict[tuple[int, int], float]:
    """(behaviour, period index) -> the best strength shown in that period.

    A period counts once however many entries it has: consistency rewards showing the behaviour
    month after month, not volume in one month.
    """
    best: dict[tuple[int, int], float] = {}
    for item in judged:
        key = (item.claim.behaviour, period_index(item.claim.week_start, policy))
        if item.strength > best.get(key, -1.0):
            best[key] = item.strength
    return best


# Behaviours --------------------------------------------------------------------------------------


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
    stale: bool


def behaviour_readiness(
    behaviour: int,
    name: str,
    cells: Mapping[int, float],
    *,
    as_of: date,
    policy: Policy,
    last_evidence: date | None,
    window: Sequence[int] | None = None,
) -> BehaviourReadiness:
    """Whether one behaviour is sustained, emerging or not yet shown, as of as_of.

    `cells` maps period index -> best strength for this behaviour (missing: no evidence).
    Sustained needs both consistency (a share of the window demonstrated) and recency (a
    demonstration in the last few months), so that neither an old streak nor one recent burst
    is enough. `window` is window_indexes(as_of, policy), when the caller has it already.
    """
    window = window_indexes(as_of, policy) if window is None else window
    scores = [cells.get(index, 0.0) for index in window]
    demonstrated = sum(1 for score in scores if score == DEMONSTRATED)
    flashes = sum(1 for score in scores if score == FLASH)
    consistency = demonstrated / len(window)
    recent = scores[-max(1, policy.recent_months // policy.period_months) :]

    if consistency >= policy.threshold and DEMONSTRATED in recent:
        status = SUSTAINED
    elif any(score >= FLASH for score in scores):
        status = EMERGING
    else:
        status = NOT_YET

    shown = sorted(index for index, score in cells.items() if score == DEMONSTRATED)
    stale = last_evidence is None or (as_of - last_evidence).days > policy.stale_days
    return BehaviourReadiness(
        behaviour=behaviour,
        name=name,
        status=status,
        consistency=consistency,
        demonstrated_periods=demonstrated,
        flash_periods=flashes,
        window_periods=len(window),
        first_demonstrated=shown[0] if shown else None,
        last_demonstrated=shown[-1] if shown else None,
        last_evidence=last_evidence,
        stale=stale,
    )


# Overall -----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Readiness:
    status: str  # READY | CLOSE | BUILDING
    behaviours: tuple[BehaviourReadiness, ...]
    reasons: tuple[str, ...]
    too_recent: int  # entries in the window capped as too recent
    unmeasured: int  # entries in the window capped as unmeasured


def _needed(window_periods: int, threshold: float) -> int:
    """The fewest demonstrated periods that reach the threshold, by the same test as the status."""
    for count in range(window_periods + 1):
        if count / window_periods >= threshold:
            return count
    return window_periods


def _behaviour_reason(item: BehaviourReadiness, *, policy: Policy) -> str:
    window = span(item.window_periods, policy)
    if item.status == NOT_YET:
        return NO_EVIDENCE.format(name=item.name, window=window)
    if item.demonstrated_periods == 0:
        return ONLY_FLASHES.format(name=item.name, window=window)
    if item.consistency < policy.threshold:
        return BELOW_THRESHOLD.format(
            name=item.name,
            count=item.demonstrated_periods,
            window=window,
            needed=_needed(item.window_periods, policy.threshold),
        )
    recent = max(1, policy.recent_months // policy.period_months)
    return NOT_RECENT.format(
        name=item.name,
        # Demonstrated in the window (checked above), so last_demonstrated is set.
        period=period_label(item.last_demonstrated or 0, policy),
        recent=span(recent, policy),
    )


def _impact_reasons(too_recent: int, unmeasured: int, policy: Policy) -> list[str]:
    reasons = []
    if too_recent:
        one = too_recent == 1
        reasons.append(
            TOO_RECENT_REASON.format(
                count=too_recent,
                entries="entry" if one else "entries",
                its="its" if one else "their",
                weeks=policy.impact_maturity_weeks,
            )
        )
    if unmeasured:
        one = unmeasured == 1
        reasons.append(
            UNMEASURED_REASON.format(
                count=unmeasured,
                entries="entry" if one else "entries",
                they="it" if one else "they",
                them="it" if one else "them",
            )
        )
    return reasons


def overall(
    behaviours: Sequence[BehaviourReadiness],
    *,
    policy: Policy,
    too_recent: int = 0,
    unmeasured: int = 0,
) -> Readiness:
    """Ready, close or building for the whole level, with the reasons in plain words.

    Ready needs every behaviour sustained: a level is the whole set of behaviours, not an average.
    Close is there to show that the remaining gap is small (most sustained, the rest emerging).
    """
    if not behaviours:
        return Readiness(
            status=BUILDING,
            behaviours=(),
            reasons=(NO_TARGET_LEVEL,),
            too_recent=too_recent,
            unmeasured=unmeasured,
        )
    total = len(behaviours)
    sustained = sum(1 for item in behaviours if item.status == SUSTAINED)
    if sustained == total:
        status = READY
    elif sustained / total >= policy.close_share and all(
        item.status == EMERGING for item in behaviours if item.status != SUSTAINED
    ):
        status = CLOSE
    else:
        status = BUILDING

    window_periods = policy.window_months // policy.period_months
    window = span(window_periods, policy)
    if status == READY:
        share = "half" if policy.threshold == 0.5 else f"{policy.threshold:.0%}"
        recent = max(1, policy.recent_months // policy.period_months)
        reasons = [READY_SUMMARY.format(share=share, window=window, recent=span(recent, policy))]
    else:
        reasons = [
            NOT_CONSISTENT.format(
                sustained=sustained,
                total=total,
                verb="is" if sustained == 1 else "are",
                window=window,
            )
        ]
    reasons += [
        _behaviour_reason(item, policy=policy) for item in behaviours if item.status != SUSTAINED
    ]
    reasons += _impact_reasons(too_recent, unmeasured, policy)
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
    affect readiness.
    """
    window_periods = policy.window_months // policy.period_months
    if range_periods < window_periods:
        raise ValueError("range_periods must cover at least the consistency window.")
    periods = range_indexes(as_of, range_periods, policy)
    shown = set(periods)
    judged = [
        item
        for item in (judge(claim, as_of=as_of, policy=policy) for claim in claims)
        if item is not None and period_index(item.claim.week_start, policy) in shown
    ]
    grid = best_per_period(judged, policy)

    window = set(window_indexes(as_of, policy))
    wanted = {behaviour for behaviour, _ in behaviours}
    held_back: dict[str, set[int]] = {TOO_RECENT: set(), UNMEASURED: set()}
    last_evidence: dict[int, date] = {}
    for item in judged:
        claim = item.claim
        if claim.behaviour not in wanted:
            continue
        seen = last_evidence.get(claim.behaviour)
        if seen is None or claim.week_start > seen:
            last_evidence[claim.behaviour] = claim.week_start
        if item.capped and period_index(claim.week_start, policy) in window:
            held_back[item.capped].add(claim.entry_id)

    results = [
        behaviour_readiness(
            behaviour,
            name,
            {period: score for (key, period), score in grid.items() if key == behaviour},
            as_of=as_of,
            policy=policy,
            last_evidence=last_evidence.get(behaviour),
        )
        for behaviour, name in behaviours
    ]
    readiness = overall(
        results,
        policy=policy,
        too_recent=len(held_back[TOO_RECENT]),
        unmeasured=len(held_back[UNMEASURED]),
    )
    return Assessment(readiness=readiness, grid=grid, periods=periods, judged=judged)
