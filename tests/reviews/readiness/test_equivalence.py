"""Every page that shows readiness tells each viewer the same thing, for random organisations,
policies and time zones.

Each case builds a small random organisation (a skip-level manager over a manager over four to
six engineers, one of them reporting to the skip-level manager directly, and a newcomer with no
target level; two mentors with random active mentees, and one mentorship that ended after its
verdicts were given), with two years of random entries: random visibilities and behaviours of
the target level, ship and impact dates, some entries in the trash, and mentor verdicts
(demonstrated, flashes, gaps; a mentor sometimes changing their mind, or naming a behaviour
nobody tagged), many of them given in the hours around midnight UTC. The ladder of the
`levels` fixture gets the case's policy, Django the case's time zone, and the clock an instant
at which the local date is the UTC date (UTC), the day before it (New York, 22:30) or the day
after it (Kolkata, 01:30).

Then, for every viewer (the skip-level manager, the manager, each mentor, each engineer) and
every engineer they may see, the reference is `pipeline.assessment_for(viewer, engineer)` on
the local date, and these must agree with it:
- the readiness page: its assessment, status, behaviour statuses and status pill;
- the team dashboard's row, for viewers with reports or mentees (status, each behaviour's
  status, demonstrated and flash periods, window, staleness; ready by; assessed);
- the home page: the engineer's own status pill, and a manager's team counts;
- heatmap cells: a cell the reference judged claims in for the viewer (chosen at random) and
  an empty cell list exactly those claims, each on an entry the viewer may see;
- the promotion attempt snapshot (`reviews.packet.selectors.snapshot`), against
  `assessment_for(access.ANY_MANAGER, ...)` and the manager's own page.
Readers of one kind agree with each other (the two managers; two mentors of one engineer), and
the entries behind each reference are exactly the live entries in the judged range that the
viewer's relation lets them see, worked out here from the generated rows, not from
promo.access.

Covered: ten cases over six seeds, so that every window length (3, 6, 12, 18, 36 months) is met
with monthly and with quarterly periods, with both thresholds, both recency spans and every
stale limit, and each time zone three or four times. Not the whole cross product: one case
makes about 100 requests and costs a few seconds. Windows of 18 and 36 months, which once
answered 500, also have a test of their own for every period length.
"""

import random
import re
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta

import pytest
import time_machine
from django.contrib.auth.models import User
from django.urls import reverse
from django.utils import timezone

from evidence import services as evidence_services
from evidence.models import Entry
from promo import access
from promo import services as promo_services
from promo.models import Level, Mentorship, Visibility
from reviews.feedback import services as feedback_services
from reviews.models import Feedback
from reviews.packet.selectors import snapshot
from reviews.readiness import pipeline, rules
from reviews.readiness.labels import STATUS_LABELS, STATUS_ORDER
from reviews.readiness.periods import Policy, period_index, span, window_indexes
from tests.conftest import client_for
from tests.factories import EntryFactory, MentorshipFactory, PersonFactory, UserFactory

PRIVATE, MENTORS, BOTH = Visibility.PRIVATE, Visibility.MENTORS, Visibility.MENTORS_AND_MANAGERS
SEES = {  # what each relation may see, written out here rather than asked of promo.access
    "self": {PRIVATE, MENTORS, BOTH},
    "mentor": {MENTORS, BOTH},
    "manager": {BOTH},
}
ZONES = {  # time zone -> the instant the case runs at
    "UTC": datetime(2026, 11, 24, 12, 0, tzinfo=UTC),  # local 24 November, 12:00
    "America/New_York": datetime(2026, 11, 24, 3, 30, tzinfo=UTC),  # local 23 November, 22:30
    "Asia/Kolkata": datetime(2026, 11, 23, 20, 0, tzinfo=UTC),  # local 24 November, 01:30
}
VERDICTS = ["demonstrated", "demonstrated", "flashes", "gap"]


@dataclass(frozen=True)
class Case:
    seed: int
    period_months: int
    window_months: int
    threshold: float
    recent_months: int
    stale_days: int
    tz: str

    @property
    def policy(self) -> dict[str, object]:
        return {
            "period_months": self.period_months,
            "window_months": self.window_months,
            "threshold": self.threshold,
            "recent_months": self.recent_months,
            "stale_days": self.stale_days,
        }

    @property
    def id(self) -> str:
        period = {1: "monthly", 3: "quarterly"}[self.period_months]
        return (
            f"seed{self.seed}-{period}-w{self.window_months}-t{self.threshold}"
            f"-r{self.recent_months}-s{self.stale_days}-{self.tz.split('/')[-1]}"
        )


NY, KOL = "America/New_York", "Asia/Kolkata"
CASES = [  # every window with both period lengths; each seed once or twice, each zone 3-4 times
    Case(1, 1, 6, 0.5, 3, 90, "UTC"),
    Case(1, 3, 36, 0.7, 1, 30, NY),
    Case(2, 1, 3, 0.7, 1, 30, KOL),
    Case(2, 3, 12, 0.5, 3, 365, "UTC"),
    Case(3, 1, 12, 0.5, 1, 365, NY),
    Case(3, 3, 6, 0.7, 3, 90, KOL),
    Case(4, 1, 18, 0.7, 3, 90, "UTC"),
    Case(4, 3, 3, 0.5, 1, 90, NY),
    Case(5, 1, 36, 0.5, 3, 30, KOL),
    Case(6, 3, 18, 0.7, 1, 365, "UTC"),
]


# --- a random organisation ---------------------------------------------------------------------


@dataclass(frozen=True)
class Row:
    """What was generated for one entry, kept here to judge what each viewer may see."""

    author: int
    visibility: str
    week_start: date
    trashed: bool


@dataclass
class Org:
    skip: User
    manager: User
    mentors: list[User]
    engineers: list[User]  # with a target level
    newcomer: User  # no target level
    direct_to_skip: User  # the engineer the manager does not manage
    mentees: dict[int, set[int]] = field(default_factory=dict)  # mentor -> active mentees
    rows: dict[int, Row] = field(default_factory=dict)

    def relation(self, viewer: User, engineer: User) -> str | None:
        if viewer == engineer:
            return "self"
        if engineer.pk in self.mentees.get(viewer.pk, set()):
            return "mentor"
        if viewer == self.skip or (viewer == self.manager and engineer != self.direct_to_skip):
            return "manager"
        return None

    @property
    def viewers(self) -> list[User]:
        return [self.skip, self.manager, *self.mentors, *self.engineers]


def judged_at(rng: random.Random, week_start: date, now: datetime) -> datetime:
    """A moment a few days after the entry's week, mostly in the hours around midnight UTC."""
    day = week_start + timedelta(days=rng.randint(0, 24))
    hour = rng.choice([22, 23, 0, 1]) if rng.random() < 0.7 else rng.randint(2, 21)
    moment = datetime(day.year, day.month, day.day, hour, rng.randint(0, 59), tzinfo=UTC)
    return min(moment, now - timedelta(minutes=rng.randint(1, 300)))


def review(rng, entry: Entry, mentor: User, behaviours, now: datetime) -> None:
    """One mentor's feedback, a verdict on each claimed behaviour, dated in the past."""
    tagged = list(entry.behaviours.all())
    verdicts = {b.pk: rng.choice(VERDICTS) for b in tagged}
    untagged = [b for b in behaviours if b not in tagged]
    extra = rng.choice(untagged) if untagged and rng.random() < 0.2 else None
    if extra is not None:  # a mentor names a behaviour nobody tagged
        verdicts[extra.pk] = rng.choice(VERDICTS)
    feedback = feedback_services.feedback_post(
        entry=entry,
        mentor=mentor,
        data=feedback_services.FeedbackData(
            body="Read it; verdicts below.", verdicts=verdicts, extra_behaviour=extra
        ),
    )
    when = judged_at(rng, entry.week_start, now)
    Feedback.objects.filter(pk=feedback.pk).update(created_at=when, judged_at=when)


def build_org(seed: int, levels: list[Level], now: datetime) -> Org:
    rng = random.Random(seed)
    today = now.date() - timedelta(days=1)  # no entry after any zone's local date
    skip = PersonFactory(user=UserFactory(username="skip"), title="Director").user
    manager = PersonFactory(user=UserFactory(username="manager"), manager=skip.person).user
    mentors = [PersonFactory(user=UserFactory(username=f"mentor{n}")).user for n in (1, 2)]
    count = rng.randint(4, 6)
    direct = rng.randrange(count)
    engineers = []
    for n in range(count):
        level = rng.choice([levels[1], levels[2], levels[2]])
        boss = skip if n == direct else manager
        person = PersonFactory(
            user=UserFactory(username=f"eng{n}"),
            manager=boss.person,
            current_level=levels[0],
            target_level=level,
        )
        engineers.append(person.user)
    newcomer = PersonFactory(user=UserFactory(username="newcomer"), manager=manager.person).user
    org = Org(skip, manager, mentors, engineers, newcomer, engineers[direct])
    # Each mentor has at least one mentee; each engineer has zero to two mentors.
    links = {(m, e) for m in range(2) for e in range(count) if rng.random() < 0.5}
    links |= {(0, rng.randrange(count)), (1, rng.randrange(count))}
    for m, e in sorted(links):
        MentorshipFactory(engineer=engineers[e], mentor=mentors[m], state=Mentorship.State.ACTIVE)
    ended = rng.choice(sorted(links))  # ends after its verdicts were given
    for engineer in engineers:
        behaviours = list(engineer.person.target_level.behaviours.all())
        reviewers = [mentors[m] for m, e in sorted(links) if engineers[e] == engineer]
        for _ in range(rng.randint(8, 22)):
            on = today - timedelta(weeks=rng.randint(0, 104), days=rng.randint(0, 4))
            shipped = on + timedelta(days=rng.randint(0, 6)) if rng.random() < 0.5 else None
            measured = on + timedelta(weeks=rng.randint(1, 18)) if rng.random() < 0.6 else None
            entry = EntryFactory(
                author=engineer,
                week_of=on,
                behaviours=tuple(rng.sample(behaviours, rng.randint(1, 2))),
                visibility=rng.choice([PRIVATE, MENTORS, BOTH, BOTH]),
                shipped_on=min(shipped, today) if shipped else None,
                impact_measured="Measured" if measured else "",
                impact_measured_on=min(measured, today) if measured else None,
            )
            if entry.visibility != PRIVATE:
                for mentor in rng.sample(reviewers, rng.randint(0, len(reviewers))):
                    review(rng, entry, mentor, behaviours, now)
                    if rng.random() < 0.15:  # and later changes their mind
                        review(rng, entry, mentor, behaviours, now)
            trashed = rng.random() < 0.07
            if trashed:
                evidence_services.entry_trash(entry=entry)
            org.rows[entry.pk] = Row(engineer.pk, entry.visibility, entry.week_start, trashed)
    promo_services.mentorship_end(
        mentorship=Mentorship.objects.get(mentor=mentors[ended[0]], engineer=engineers[ended[1]]),
        by=engineers[ended[1]],
    )
    for m, e in sorted(links - {ended}):
        org.mentees.setdefault(mentors[m].pk, set()).add(engineers[e].pk)
    return org


def set_policy(levels: list[Level], case: Case) -> None:
    ladder = levels[2].ladder
    for name, value in case.policy.items():
        setattr(ladder, name, value)
    ladder.full_clean()
    ladder.save()


# --- what each page shows ----------------------------------------------------------------------


def readiness_url(engineer: User) -> str:
    return reverse("reviews:readiness", args=[engineer.username])


def cell_url(engineer: User, behaviour: int, period: int, as_of: date) -> str:
    base = reverse("reviews:readiness-cell", args=[engineer.username])
    return f"{base}?behaviour={behaviour}&period={period}&as_of={as_of.isoformat()}"


def pill(status: str) -> str:
    return f'class="status-pill status-{status}">{STATUS_LABELS[status]}<'


HEAT = {None: "c-none", rules.DEMONSTRATED: "c-demo", rules.FLASH: "c-flash", 0.0: "c-gap"}


def page_says(ref: pipeline.Picture, today: date) -> tuple[object, ...]:
    """What a dashboard row must show of the reference picture: status, counts, window, stale
    behaviours, ready by, the 90-day trend, and each behaviour's cell: its state, how often it
    was demonstrated in the window, whether it went quiet, and how far it is from sustained."""
    found, policy = ref.readiness, ref.policy
    window = window_indexes(today, policy)
    then, move = ref.trend[90]
    more = {o.behaviour: o.more_periods for o in ref.outlooks}
    return (
        STATUS_LABELS[found.status],
        found.sustained,
        len(found.behaviours),
        span(len(window), policy),
        [b.name for b in found.behaviours if b.stale],
        ref.ready_by,
        move,
        STATUS_LABELS[then],
        [
            (b.name, b.status, b.demonstrated_periods, b.window_periods, b.stale)
            for b in found.behaviours
        ],
        [more.get(b.behaviour, 0) for b in found.behaviours],
    )


def row_shows(row) -> tuple[object, ...]:
    """The same, read off a dashboard row (its behaviour cells)."""
    return (
        row["status_label"],
        row["sustained"],
        row["behaviours"],
        row["window"],
        row["stale"],
        row["ready_by"],
        row["trend"],
        row["trend_from"],
        [(c.name, c.state.key, c.demonstrated, c.window, c.stale) for c in row["cells"]],
        [c.more for c in row["cells"]],
    )


def claims(picture: pipeline.Picture) -> dict[tuple[int, int], set[tuple[int, rules.Judged]]]:
    """(behaviour, period) -> the (entry id, judged claim) pairs of that heatmap cell."""
    cells: dict[tuple[int, int], set[tuple[int, rules.Judged]]] = {}
    for judged in picture.assessment.judged:
        period = period_index(judged.claim.week_start, picture.policy)
        cells.setdefault((judged.claim.behaviour, period), set()).add(
            (judged.claim.entry_id, judged)
        )
    return cells


def check_cells(rng, org: Org, viewer: User, engineer: User, ref: pipeline.Picture, today: date):
    client = client_for(viewer)
    allowed = SEES[str(org.relation(viewer, engineer))]
    targets = {b.pk for b in ref.behaviours}
    cells = {key: value for key, value in claims(ref).items() if key[0] in targets}
    chosen = rng.sample(sorted(cells), min(1, len(cells)))
    empty = [(b, p) for b in sorted(targets) for p in ref.periods if (b, p) not in cells]
    chosen += rng.sample(empty, min(1, len(empty)))
    for behaviour, period in chosen:
        response = client.get(cell_url(engineer, behaviour, period, today))
        assert response.status_code == 200, (viewer.username, engineer.username)
        listed = {(entry.pk, judged) for entry, judged in response.context["judged"]}
        assert listed == cells.get((behaviour, period), set()), (
            viewer.username,
            engineer.username,
            period,
        )
        for entry, _ in response.context["judged"]:
            assert org.rows[entry.pk].visibility in allowed, (viewer.username, entry.pk)
            assert not org.rows[entry.pk].trashed, (viewer.username, entry.pk)


def expected_entries(org: Org, viewer: User, engineer: User, periods: list[int], policy: Policy):
    """The live entries in the judged range the viewer's relation lets them see."""
    allowed = SEES[str(org.relation(viewer, engineer))]
    return {
        pk
        for pk, row in org.rows.items()
        if row.author == engineer.pk
        and row.visibility in allowed
        and not row.trashed
        and period_index(row.week_start, policy) in periods
    }


def home_counts(html: str) -> dict[str, int]:
    """The team panel's count per status, each a link to the dashboard filtered by it."""
    found = re.findall(r'href="/reviews/team/\?status=(\w+)">(\d+) ', html)
    return {status: int(count) for status, count in found}


# --- the tests ---------------------------------------------------------------------------------


@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
def test_every_page_tells_each_viewer_the_same_readiness(case, levels, settings):
    settings.TIME_ZONE = case.tz
    now = ZONES[case.tz]
    with time_machine.travel(now, tick=False):
        set_policy(levels, case)
        org = build_org(case.seed, levels, now)
        today = timezone.localdate()
        assert today == timezone.localtime(now).date()
        rng = random.Random(case.seed)
        refs: dict[tuple[int, int], pipeline.Picture] = {}
        for viewer in org.viewers:
            client = client_for(viewer)
            for engineer in org.engineers:
                relation = org.relation(viewer, engineer)
                if relation is None and viewer in org.engineers:
                    continue  # peers: tests/site/test_authorization_matrix.py holds them to 404
                page = client.get(readiness_url(engineer))
                if relation is None:  # a mentor who is not theirs, the manager of another line
                    assert page.status_code == 404, (viewer.username, engineer.username)
                    continue
                ref = pipeline.assessment_for(viewer, engineer, as_of=today)
                refs[viewer.pk, engineer.pk] = ref
                who = (viewer.username, engineer.username)
                assert ref.periods[-1] == period_index(today, ref.policy), who
                assert {j.claim.entry_id for j in ref.assessment.judged} == expected_entries(
                    org, viewer, engineer, ref.periods, ref.policy
                ), who
                assert page.status_code == 200, who
                assert page.context["as_of"] == today, who
                assert page.context["assessment"] == ref.assessment, who
                assert page.context["status"] == ref.readiness.status, who
                assert [b.status for b in page.context["picture"].readiness.behaviours] == [
                    b.status for b in ref.readiness.behaviours
                ], who
                assert pill(ref.readiness.status) in page.content.decode(), who
                check_cells(rng, org, viewer, engineer, ref, today)

            people = [e for e in org.engineers if org.relation(viewer, e) in ("manager", "mentor")]
            unassessed = {org.skip: [org.manager, org.newcomer], org.manager: [org.newcomer]}
            people += unassessed.get(viewer, [])
            if not people:
                continue
            view = "reports" if viewer in (org.skip, org.manager) else "mentees"
            rows = client.get(reverse("reviews:team"), {"view": view}).context["rows"]
            by_name = {row["person"].user.username: row for row in rows}
            assert sorted(by_name) == sorted(p.username for p in people), viewer.username
            for engineer in people:
                if engineer in unassessed.get(viewer, []):  # no target level: listed only
                    assert by_name[engineer.username]["assessed"] is False, engineer.username
                    continue
                row, ref = by_name[engineer.username], refs[viewer.pk, engineer.pk]
                who = (viewer.username, engineer.username)
                assert row["assessed"] is True, who
                assert row_shows(row) == page_says(ref, today), who

        for engineer in org.engineers:
            home = client_for(engineer).get("/").content.decode()
            status = refs[engineer.pk, engineer.pk].readiness.status
            assert f"Your readiness <span {pill(status)}/span>" in home, engineer.username

        for boss in (org.skip, org.manager):
            reports = [e for e in org.engineers if org.relation(boss, e) == "manager"]
            statuses = [refs[boss.pk, e.pk].readiness.status for e in reports]
            expected = {status: statuses.count(status) for status in STATUS_ORDER}
            home = client_for(boss).get("/").content.decode()
            assert home_counts(home) == expected, boss.username

        for engineer in org.engineers:
            level = engineer.person.target_level
            frozen = snapshot(engineer, level, as_of=today)
            role = pipeline.assessment_for(access.ANY_MANAGER, engineer, as_of=today, level=level)
            assert frozen["status"] == role.readiness.status, engineer.username
            assert frozen["reasons"] == list(role.readiness.reasons), engineer.username
            assert [
                (b["name"], b["status"], b["demonstrated"], b["window"])
                for b in frozen["behaviours"]
            ] == [
                (b.name, b.status, b.demonstrated_periods, b.window_periods)
                for b in role.readiness.behaviours
            ], engineer.username
            assert role.assessment == refs[org.skip.pk, engineer.pk].assessment, engineer.username
            if org.relation(org.manager, engineer) == "manager":
                assert refs[org.manager.pk, engineer.pk].assessment == role.assessment

        for engineer in org.engineers:
            seen_by = [m for m in org.mentors if org.relation(m, engineer) == "mentor"]
            pictures = [refs[m.pk, engineer.pk].assessment for m in seen_by]
            assert pictures[1:] == pictures[:-1], engineer.username


@pytest.mark.parametrize(
    ("period_months", "window_months"),
    [(1, 18), (1, 36), (3, 18), (3, 36)],
    ids=["monthly-w18", "monthly-w36", "quarterly-w18", "quarterly-w36"],
)
def test_long_windows_answer_every_reader(
    levels, engineer, mentor, manager, skip_manager, period_months, window_months
):
    """Windows of 18 and 36 months once answered 500: the range judged was shorter. Every
    reader's pages answer, and judge the whole window and the period before it (rule 5)."""
    ladder = levels[2].ladder
    ladder.period_months, ladder.window_months = period_months, window_months
    ladder.save()
    scope = levels[2].behaviours.get(slug="scope")
    made = []
    for weeks_ago in (1, 40, 100, 150):
        entry = EntryFactory(
            author=engineer,
            week_of=date(2026, 11, 24) - timedelta(weeks=weeks_ago),
            behaviours=(scope,),
            visibility=BOTH,
        )
        feedback_services.feedback_post(
            entry=entry,
            mentor=mentor,
            data=feedback_services.FeedbackData(body="Yes.", verdicts={scope.pk: "demonstrated"}),
        )
        made.append(entry)
    today = date(2026, 11, 24)
    policy = Policy(period_months, window_months)
    oldest = period_index(today, policy) - window_months // period_months  # the window, and one
    judged = {e.pk for e in made if period_index(e.week_start, policy) >= oldest}
    for viewer in (engineer, mentor, manager, skip_manager):
        client = client_for(viewer)
        page = client.get(readiness_url(engineer))
        assert page.status_code == 200, viewer.username
        picture = page.context["picture"]
        assert picture.readiness.behaviours[0].window_periods == window_months // period_months
        assert {j.claim.entry_id for j in picture.assessment.judged} == judged, viewer.username
        cell = client.get(cell_url(engineer, scope.pk, oldest, today))
        assert cell.status_code == 200, viewer.username
        assert client.get("/").status_code == 200, viewer.username
    for viewer in (mentor, manager, skip_manager):
        assert client_for(viewer).get(reverse("reviews:team")).status_code == 200
