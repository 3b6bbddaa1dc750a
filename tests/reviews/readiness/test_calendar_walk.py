"""The calendar alone never changes a verdict (rule 5 of reviews.readiness.rules), walked day by
day over the demo organisation.

For every demo person with a target level, as they see themselves, as their mentors and as their
managers may see them, readiness is computed for every day of the two years up to the frozen
test date. Between one day and the next, a
behaviour's status (or the overall status) may change only because of the evidence: a claim
arrived, was judged or matured (the judged claims in the periods the verdict looks at differ),
or evidence that held the status up left both windows rule 5 judges (or, for recency, their
recent parts). The first day of a month, on its own, must change nothing.

Each person's claims are fetched once over the whole walk and judged day by day with
`pipeline.picture`, the step `pipeline.assessment_for` ends with; a sample of days holds the two
equal.
"""

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta

import pytest
import time_machine
from django.core.management import call_command
from django.db.models import Q

from promo import access
from promo.models import Behaviour, Level, Person
from reviews.readiness import forecast, pipeline, rules
from reviews.readiness import selectors as readiness_selectors
from reviews.readiness.periods import (
    Policy,
    months_of,
    period_index,
    period_label,
    range_indexes,
)
from reviews.readiness.rules import BehaviourReadiness as Readiness
from tests import conftest
from tests.support import module_world

TODAY = date(2026, 11, 24)
FIRST_DAY = date(2024, 11, 24)  # two years before TODAY
DAYS = [FIRST_DAY + timedelta(days=n) for n in range((TODAY - FIRST_DAY).days + 1)]
# Days on which the walk is held equal to assessment_for: every 45th day, month ends and starts
# (where rule 5 matters), and today.
SAMPLE_DAYS = sorted(
    {*DAYS[::45], date(2025, 6, 30), date(2025, 7, 1), date(2026, 10, 1), date(2026, 11, 1), TODAY}
)


@pytest.fixture(scope="module")
def seeded(django_db_setup, django_db_blocker) -> Iterator[None]:
    yield from module_world(
        django_db_blocker, lambda: call_command("seed_demo", "--force", verbosity=0)
    )


# The kinds of reader a walk sees a person as: themselves, or a role they stand in to them.
READERS: dict[str, access.Relation | None] = {
    "self": None,
    "mentor": access.Relation(is_mentor=True),
    "manager": access.ANY_MANAGER,
}


@dataclass(frozen=True)
class Walk:
    """One demo person's readiness, as one kind of reader sees it, on every day of DAYS."""

    person: Person
    reader: str
    level: Level
    policy: Policy
    behaviours: list[Behaviour]
    pictures: dict[date, pipeline.Picture]


def walk_of(person: Person, reader: str) -> Walk:
    """Claims fetched once, over every month any day of the walk (and its trend) judges."""
    engineer, level = person.user, person.target_level
    assert level is not None
    policy = pipeline.policy_for(level)
    behaviours = list(Behaviour.objects.filter(level=level).order_by("rank"))
    # From the first period the first day's trend (max TREND_DAYS back) judges, to today's.
    then = FIRST_DAY - timedelta(days=max(forecast.TREND_DAYS))
    first = range_indexes(then, pipeline.reach(policy), policy)[0]
    months = months_of([first, period_index(TODAY, policy)], policy)
    claims, entries = readiness_selectors.claims_of(
        engineer,
        seen=seen_by(reader, engineer),
        as_of=TODAY,
        months=months,
    )
    pictures = {
        day: pipeline.picture(
            engineer, level, behaviours, claims, entries, as_of=day, policy=policy
        )
        for day in DAYS
    }
    return Walk(person, reader, level, policy, behaviours, pictures)


def seen_by(reader: str, engineer) -> Q:
    relation = READERS[reader]
    if relation is None:
        return access.visibility_q(engineer, authors=[engineer.pk])
    return access.relation_q(relation, engineer.pk)


def reader_of(walk: Walk):
    """Who `assessment_for` is asked as: the engineer, or the role."""
    return READERS[walk.reader] or walk.person.user


@pytest.fixture(scope="module")
def walks(seeded, django_db_blocker) -> dict[str, Walk]:
    with django_db_blocker.unblock(), time_machine.travel(conftest.TODAY, tick=False):
        people = Person.objects.filter(target_level__isnull=False).select_related(
            "user", "target_level__ladder"
        )
        return {
            f"{person.user.username} as {reader}": walk_of(person, reader)
            for person in people
            for reader in READERS
        }


Key = tuple[int, int, float, str | None]


def judged_in(picture: pipeline.Picture, behaviour: int, periods: set[int]) -> set[Key]:
    """The judged claims on `behaviour` in `periods`: what evidence the verdict could see."""
    policy = picture.policy
    return {
        (j.claim.entry_id, j.claim.behaviour, j.strength, j.capped)
        for j in picture.assessment.judged
        if j.claim.behaviour == behaviour and period_index(j.claim.week_start, policy) in periods
    }


def evidence_moved(
    before: pipeline.Picture, after: pipeline.Picture, behaviour: int, span: set[int]
) -> bool:
    """(a) Evidence arrived, was judged or matured: the judged claims over `span` differ."""
    return judged_in(before, behaviour, span) != judged_in(after, behaviour, span)


def judged_windows(day: date, policy: Policy) -> tuple[range, range]:
    """The two windows rule 5 judges on `day`: ending with its period, and with the one before."""
    last, count = period_index(day, policy), policy.window_months // policy.period_months
    return range(last - count + 1, last + 1), range(last - count, last)


def aged_out(before: pipeline.Picture, old: Readiness, day: date) -> bool:
    """(b) Evidence that held the old status up is in neither window judged on `day` (nor, for
    recency, in the recent part of either). Evidence only ever leaves, so this explains a fall:
    from sustained, a demonstrated period left; from emerging, a flash or more left."""
    policy, grid = before.policy, before.assessment.grid
    recent = rules.recent_periods(policy)
    windows = judged_windows(day, policy)
    still = {period for window in windows for period in window}
    still_recent = {period for window in windows for period in window[-recent:]}
    gone = set(old.window) - still
    if old.status == rules.SUSTAINED:
        needed = rules.DEMONSTRATED
        gone |= set(old.window[-recent:]) - still_recent
    elif old.status == rules.EMERGING:
        needed = rules.FLASH
    else:
        return False
    return any(grid.get((old.behaviour, period), 0.0) >= needed for period in gone)


def months(window: tuple[int, ...], policy: Policy) -> str:
    return f"{period_label(window[0], policy)}–{period_label(window[-1], policy)}"


def unexplained_changes(walk: Walk) -> list[str]:
    """Every day-to-day change that neither (a) nor (b) explains, in words: of a behaviour's
    status, of whether it has started (any evidence in the range, rule 6), and of the overall
    status, which may change only with one of those."""
    found = []
    name = f"{walk.person.user.username} as {walk.reader}"
    for yesterday, today in zip(DAYS, DAYS[1:], strict=False):
        before, after = walk.pictures[yesterday], walk.pictures[today]
        now = {b.behaviour: b for b in after.readiness.behaviours}
        moved = False
        for old in before.readiness.behaviours:
            new, behaviour = now[old.behaviour], old.behaviour
            if old.status != new.status:
                moved = True
                span = set(old.window) | set(new.window)
                if not (
                    evidence_moved(before, after, behaviour, span) or aged_out(before, old, today)
                ):
                    found.append(
                        f"{name}, {today}: {old.name} went from {old.status} to {new.status} "
                        f"(judged over {months(old.window, walk.policy)} on {yesterday}, over "
                        f"{months(new.window, walk.policy)} on {today}) with the same evidence "
                        "and nothing it needed aged out of the windows"
                    )
            if old.started != new.started:
                moved = True
                span = set(before.periods) | set(after.periods)
                gone = set(before.periods) - set(after.periods)
                if not (
                    evidence_moved(before, after, behaviour, span)
                    or any((behaviour, period) in before.assessment.grid for period in gone)
                ):
                    found.append(
                        f"{name}, {today}: {old.name} went from started={old.started} to "
                        f"started={new.started} with the same evidence and nothing aged out"
                    )
        status_was, status_now = before.readiness.status, after.readiness.status
        if status_was != status_now and not moved:
            found.append(
                f"{name}, {today}: the overall status went from {status_was} to {status_now} "
                "while every behaviour stayed as it was"
            )
    return found


@pytest.mark.usefixtures("db")
def test_the_calendar_alone_never_changes_a_verdict(walks):
    """Rule 5, day by day: every status change is explained by the evidence."""
    problems = [problem for walk in walks.values() for problem in unexplained_changes(walk)]
    assert problems == [], f"{len(problems)} unexplained changes:\n" + "\n".join(problems[:20])


def statuses(picture: pipeline.Picture) -> list[str]:
    return [picture.readiness.status, *(b.status for b in picture.readiness.behaviours)]


@pytest.mark.usefixtures("db")
def test_every_demo_persons_statuses_do_change_over_the_two_years(walks):
    """The walk has something to explain: nobody's verdicts stand still for two years."""
    changes = {
        name: sum(
            statuses(walk.pictures[a]) != statuses(walk.pictures[b])
            for a, b in zip(DAYS, DAYS[1:], strict=False)
        )
        for name, walk in walks.items()
    }
    assert len(changes) == 6 * len(READERS)  # the demo's people with a target level
    assert [name for name, count in changes.items() if count == 0] == []


@pytest.mark.usefixtures("db")
@pytest.mark.parametrize("day", SAMPLE_DAYS, ids=str)
def test_claims_fetched_once_judge_as_assessment_for_does(walks, day):
    for name, walk in walks.items():
        fresh = pipeline.assessment_for(reader_of(walk), walk.person.user, as_of=day)
        walked = walk.pictures[day]
        assert fresh.assessment == walked.assessment, (name, day)
        assert (fresh.outlooks, fresh.ready_by, fresh.trend) == (
            walked.outlooks,
            walked.ready_by,
            walked.trend,
        ), (name, day)
        assert set(fresh.entries) <= set(walked.entries), (name, day)


@pytest.mark.usefixtures("db")
def test_the_demo_shows_ready_close_and_building_people_today_each_with_reasons(walks):
    today = {
        name: pipeline.assessment_for(w.person.user, w.person.user, as_of=TODAY)
        for name, w in walks.items()
        if w.reader == "self"
    }
    statuses = {picture.readiness.status for picture in today.values()}
    assert statuses == {rules.READY, rules.CLOSE, rules.BUILDING}
    waiting = {name: p.readiness for name, p in today.items() if p.readiness.status != rules.READY}
    for name, readiness in waiting.items():
        assert readiness.reasons[0].startswith("Not yet consistent:"), name
        missing = [b.name for b in readiness.behaviours if b.status != rules.SUSTAINED]
        explained = [
            b for b in missing if any(r.startswith(f"{b}: ") for r in readiness.reasons[1:])
        ]
        assert missing, name
        assert explained == missing, name
