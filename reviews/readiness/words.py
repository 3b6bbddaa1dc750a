"""Readiness in words: the statuses, and every reason a page gives for one, naming its cause.

Pure, like reviews.readiness.rules (which decides; this module only says why). Every number in
a sentence is read from the policy or the result, never written into the text.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from reviews.readiness.periods import Policy, period_label, recent_periods, span, unit
from reviews.vocabulary import NOT_SHOWN, PARTLY_SHOWN

if TYPE_CHECKING:
    from reviews.readiness.rules import BehaviourReadiness, Causes

SUSTAINED, EMERGING, NOT_YET = "sustained", "emerging", "not_yet"
READY, CLOSE, BUILDING, NOT_STARTED = "ready", "close", "building", "not_started"

# Format strings, so pages and tests use the same words.
NO_TARGET_LEVEL = "There is no target level to assess: choose the level you are working towards."
NOTHING_YET = "Nothing to assess yet: no evidence in the last {range}; nothing counts against it."
READY_SUMMARY = (
    "Every behaviour was demonstrated in at least {share} of the last {window}, "
    "most recently within the last {recent}."
)
NOT_CONSISTENT = (
    "Not yet consistent: {sustained} of {total} behaviours {verb} sustained over the last {window}."
)
BELOW_THRESHOLD = "{name}: demonstrated in {count} of the last {window}; needs {needed}."
NOT_RECENT = "{name}: last demonstrated in {period}; needs a demonstration in the last {recent}."
NOT_DEMONSTRATED = "{name}: not demonstrated in the last {window} — {causes}."
NO_EVIDENCE = "{name}: no evidence in the last {window}."
# The causes that hold a claim below "demonstrated", each with its count.
CAUSE_TOO_RECENT = "{entries} confirmed by a mentor but shipped less than {weeks} weeks ago"
CAUSE_UNMEASURED = "{entries} confirmed by a mentor without a measured impact"
CAUSE_SELF_TAGGED = "{entries} only self-tagged, not yet reviewed by a mentor"
CAUSE_PARTIAL = "{entries} a mentor judged " + PARTLY_SHOWN.label.lower()
CAUSE_GAP = "{entries} a mentor judged " + NOT_SHOWN.label.lower()
ONLY_PARTLY = "only " + PARTLY_SHOWN.label.lower()
TOO_RECENT_REASON = (
    "{count} {entries} shipped too recently to assess {its} impact "
    "(less than {weeks} weeks ago); counted as partly shown for now."
)
UNMEASURED_REASON = (
    "{count} {entries} without a measured impact; "
    "record what {they} achieved to count {them} as demonstrated."
)
STALE = "No evidence in {days} days"
# What keeps someone from ready, on the team dashboard: a few words per behaviour.
MISSING_MORE = "{name}: {count} more {unit}"
MISSING_MATURING = "{name}: impact still maturing"
MISSING_OTHERS = "and {count} other {behaviours}"
MISSING_NOTHING_YET = "No evidence yet"
CELL_TIP = "{name}: {state}, demonstrated in {count} of the last {window}{stale}"
CELL_STALE = "; no evidence in {days} days"
OUTLOOK = "{more} more demonstrated {unit}: sustained from {period} at the earliest."
OUTLOOK_NOW = "Demonstrate it this {unit} to make it sustained."


def entries(count: int) -> str:
    return f"{count} {'entry' if count == 1 else 'entries'}"


def needed(window_periods: int, threshold: float) -> int:
    """The fewest demonstrated periods that reach the threshold, by the same test as the status."""
    for count in range(window_periods + 1):
        if count / window_periods >= threshold:
            return count
    return window_periods


def causes(found: Causes, policy: Policy) -> list[str]:
    """What held the behaviour's claims back, most actionable first."""
    said = []
    if found.too_recent:
        said.append(
            CAUSE_TOO_RECENT.format(
                entries=entries(len(found.too_recent)), weeks=policy.impact_maturity_weeks
            )
        )
    if found.unmeasured:
        said.append(CAUSE_UNMEASURED.format(entries=entries(len(found.unmeasured))))
    if found.self_tagged:
        said.append(CAUSE_SELF_TAGGED.format(entries=entries(found.self_tagged)))
    if found.partial:
        said.append(CAUSE_PARTIAL.format(entries=entries(found.partial)))
    if found.gaps:
        said.append(CAUSE_GAP.format(entries=entries(found.gaps)))
    return said


def behaviour_reason(item: BehaviourReadiness, policy: Policy) -> str:
    window = span(item.window_periods, policy)
    if item.status == NOT_YET and not any(causes(item.causes, policy)):
        return NO_EVIDENCE.format(name=item.name, window=window)
    if item.demonstrated_periods == 0:
        said = causes(item.causes, policy) or [ONLY_PARTLY]
        return NOT_DEMONSTRATED.format(name=item.name, window=window, causes="; ".join(said))
    if item.consistency < policy.threshold:
        return BELOW_THRESHOLD.format(
            name=item.name,
            count=item.demonstrated_periods,
            window=window,
            needed=needed(item.window_periods, policy.threshold),
        )
    return NOT_RECENT.format(
        name=item.name,
        # Demonstrated in the window (checked above), so last_demonstrated is set.
        period=period_label(item.last_demonstrated or 0, policy),
        recent=span(recent_periods(policy), policy),
    )


def _held_back(too_recent: int, unmeasured: int, policy: Policy) -> list[str]:
    said = []
    if too_recent:
        one = too_recent == 1
        said.append(
            TOO_RECENT_REASON.format(
                count=too_recent,
                entries="entry" if one else "entries",
                its="its" if one else "their",
                weeks=policy.impact_maturity_weeks,
            )
        )
    if unmeasured:
        one = unmeasured == 1
        said.append(
            UNMEASURED_REASON.format(
                count=unmeasured,
                entries="entry" if one else "entries",
                they="it" if one else "they",
                them="it" if one else "them",
            )
        )
    return said


def reasons(
    status: str,
    behaviours: Sequence[BehaviourReadiness],
    policy: Policy,
    too_recent: int,
    unmeasured: int,
    *,
    range_periods: int,
) -> list[str]:
    """The overall reason first, then one per behaviour not sustained, then held-back entries."""
    if not behaviours:
        return [NO_TARGET_LEVEL]
    if status == NOT_STARTED:
        return [NOTHING_YET.format(range=span(range_periods, policy))]
    window = span(policy.window_months // policy.period_months, policy)
    if status == READY:
        share = "half" if policy.threshold == 0.5 else f"{policy.threshold:.0%}"
        recent = span(recent_periods(policy), policy)
        said = [READY_SUMMARY.format(share=share, window=window, recent=recent)]
    else:
        sustained = sum(1 for item in behaviours if item.status == SUSTAINED)
        said = [
            NOT_CONSISTENT.format(
                sustained=sustained,
                total=len(behaviours),
                verb="is" if sustained == 1 else "are",
                window=window,
            )
        ]
    said += [behaviour_reason(item, policy) for item in behaviours if item.status != SUSTAINED]
    return said + _held_back(too_recent, unmeasured, policy)


def outlook(more: int, earliest: int, policy: Policy) -> str:
    """How far a behaviour is from sustained, if the engineer keeps demonstrating it."""
    if more <= 1:
        return OUTLOOK_NOW.format(unit=unit(policy))
    return OUTLOOK.format(more=more, unit=unit(policy, more), period=period_label(earliest, policy))
