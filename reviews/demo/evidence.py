"""Demo evidence: about 18 months of weekly entries for the demo organisation.

Each person has habits: how often they log, which behaviours they show most, and behaviours
they only started showing recently or stopped showing a while ago. That unevenness is what
gives readiness something true to show. Every idea from data/entries.toml is used at most once,
so no two entries in the demo read the same. Once the demo people have any entries, running
`seed_demo` again adds nothing.
"""

import random
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from django.contrib.auth.models import User
from django.utils import timezone

from evidence import services
from evidence.models import Entry, EntryRevision, Kind, week_start
from promo.models import Behaviour, Person, Visibility
from promo.selectors import working_level
from reviews.demo import content
from reviews.demo.content import Idea
from reviews.demo.people import Org

WEEKS = 78


@dataclass(frozen=True)
class Habit:
    per_week: float
    weights: dict[str, float]
    started_weeks_ago: dict[str, int] = field(default_factory=dict)  # shown only since then
    stopped_weeks_ago: dict[str, int] = field(default_factory=dict)  # not shown since then
    shares: tuple[float, float, float] = (0.15, 0.25, 0.60)  # private, mentors, both
    measured_share: float = 0.8  # of entries with a measurable idea, impact recorded later
    rotate: bool = False  # cycle through behaviours instead of drawing them at random
    extra_tags: int = 0  # more behaviours per entry, next in rotation (broad, senior work)
    prefers_measured: bool = False  # picks work whose impact was measured when it can
    ships: float = 0.5  # share of wins and summaries that record a ship date


SENIOR_THEMES = [
    "scope-and-impact",
    "leaving-things-better",
    "long-term-vision",
    "technical-judgement",
    "delivery-under-pressure",
    "growing-others",
    "cross-team-leadership",
]

HABITS = {
    # Strong delivery and judgement, weekly; rarely vision or cross-team work: still
    # "building", with reasons a mentor can act on.
    "demo-engineer": Habit(
        per_week=1.0,
        weights={
            "delivery-under-pressure": 4,
            "technical-judgement": 4,
            "scope-and-impact": 3,
            "growing-others": 3,
            "leaving-things-better": 3,
            "cross-team-leadership": 0.4,
            "long-term-vision": 0.4,
        },
        shares=(0.05, 0.25, 0.7),
        rotate=True,
        extra_tags=2,
        prefers_measured=True,
        ships=0.2,
    ),
    # Steady on everything for eighteen months, shared with his manager: what "ready" looks like.
    "owen.clarke": Habit(
        per_week=1.0,
        weights=dict.fromkeys(SENIOR_THEMES, 1.0),
        shares=(0.05, 0.15, 0.8),
        measured_share=1.0,
        rotate=True,
        extra_tags=3,
        prefers_measured=True,
        ships=0.2,
    ),
    # Steady across the board, but his vision work stopped when the team was reorganised five
    # months ago: "close", with one reason.
    "jonas.becker": Habit(
        per_week=1.0,
        weights=dict.fromkeys(SENIOR_THEMES, 1.0),
        stopped_weeks_ago={"long-term-vision": 20},
        shares=(0.0, 0.05, 0.95),
        measured_share=1.0,
        rotate=True,
        extra_tags=3,
        prefers_measured=True,
        ships=0.2,
    ),
    # Growing fast, mostly in the last half year.
    "priya.raman": Habit(
        per_week=0.45,
        weights={
            **dict.fromkeys(SENIOR_THEMES, 1.0),
            "growing-others": 2,
            "technical-judgement": 2,
        },
        started_weeks_ago={"cross-team-leadership": 20, "long-term-vision": 12},
    ),
    # Solid delivery; little else yet.
    "tomas.ruiz": Habit(
        per_week=0.35,
        weights={"delivery-under-pressure": 4, "scope-and-impact": 2, "technical-judgement": 1},
        shares=(0.4, 0.3, 0.3),
    ),
    # Early career, aiming at Engineer II.
    "mei.lin": Habit(
        per_week=0.45,
        weights={
            "craft-and-quality": 3,
            "ownership": 2,
            "delivery": 2,
            "operational-care": 1,
            "collaboration": 2,
            "scope-and-impact": 1,
        },
        started_weeks_ago={"operational-care": 16},
        shares=(0.5, 0.3, 0.2),
    ),
    # The principal logs now and then, mostly mentoring and direction.
    "demo-mentor": Habit(
        per_week=0.12,
        weights={"growing-others": 3, "long-term-vision": 2, "cross-team-leadership": 2},
    ),
}


def _target_behaviours(user: User) -> dict[str, Behaviour]:
    level = working_level(user)
    return {b.slug: b for b in Behaviour.objects.filter(level=level)} if level else {}


class IdeaPool:
    """Hands out each idea once, preferring the person's own team."""

    def __init__(self, rng: random.Random) -> None:
        self.left = {theme: list(ideas) for theme, ideas in content.ideas().items()}
        for ideas in self.left.values():
            rng.shuffle(ideas)

    def take(self, theme: str, team: str, *, measured: bool = False) -> Idea | None:
        ideas = self.left.get(theme, [])
        wants = [True, False] if measured else [False]
        for want_measured in wants:
            for preference in (team, "any", None):
                for idea in ideas:
                    if want_measured and not idea.measured:
                        continue
                    if preference is None or idea.team == preference:
                        ideas.remove(idea)
                        return idea
        return None


def _visibility(rng: random.Random, shares: tuple[float, float, float]) -> str:
    choices = [Visibility.PRIVATE, Visibility.MENTORS, Visibility.MENTORS_AND_MANAGERS]
    return rng.choices(choices, weights=shares)[0]


def _themes_open(habit: Habit, weeks_ago: int, available: dict[str, Behaviour]) -> dict[str, float]:
    """The behaviours this person shows in a given week, with how often."""
    themes = {}
    for theme, weight in habit.weights.items():
        if theme not in available:
            continue
        if weeks_ago > habit.started_weeks_ago.get(theme, WEEKS):
            continue  # not started yet
        if weeks_ago < habit.stopped_weeks_ago.get(theme, -1):
            continue  # stopped by then
        themes[theme] = weight
    return themes


def _entry(
    idea: Idea,
    *,
    theme: str,
    extra: list[str],
    on: date,
    today: date,
    rng: random.Random,
    habit: Habit,
    available: dict[str, Behaviour],
) -> services.EntryData:
    behaviours = [available[theme]] + [available[slug] for slug in extra if slug in available]
    behaviours += [
        available[slug] for slug in idea.also if slug in available and rng.random() < 0.6
    ]
    shipped = None
    if idea.kind in (Kind.WEEKLY_WIN, Kind.WORK_SUMMARY) and rng.random() < habit.ships:
        shipped = min(today, on + timedelta(days=rng.randint(0, 6)))
    measured, measured_on = "", None
    # Impact gets written down some weeks later; shipped work only once it has had time to show.
    wait = timedelta(weeks=rng.randint(12, 18) if shipped else rng.randint(2, 6))
    if idea.measured and on + wait < today and rng.random() < habit.measured_share:
        measured, measured_on = idea.measured, on + wait
    return services.EntryData(
        title=idea.title,
        week_of=on,
        kind=idea.kind,
        body=idea.body,
        behaviours=tuple(dict.fromkeys(behaviours)),
        impact=idea.impact,
        shipped_on=shipped,
        impact_measured=measured,
        impact_measured_on=measured_on,
        visibility=_visibility(rng, habit.shares),
    )


@dataclass
class Logger:
    """One person's logging, a week at a time."""

    user: User
    habit: Habit
    available: dict[str, Behaviour]
    team: str
    rng: random.Random
    turn: int = 0

    def log_week(self, weeks_ago: int, pool: IdeaPool, *, today: date) -> None:
        rng = self.rng
        if rng.random() >= self.habit.per_week:
            return
        themes = _themes_open(self.habit, weeks_ago, self.available)
        while themes:
            # A cycle where each behaviour appears as often as its weight: rotation keeps the
            # mix steady over months, weights keep it uneven.
            cycle = [t for t in sorted(themes) for _ in range(max(1, round(themes[t])))]
            self.turn += 1
            if self.habit.rotate:
                theme = cycle[self.turn % len(cycle)]
            else:
                theme = rng.choices(list(themes), weights=list(themes.values()))[0]
            idea = pool.take(theme, self.team, measured=self.habit.prefers_measured)
            if idea is None:
                themes.pop(theme)  # this behaviour's ideas are used up; pick another
                continue
            on = week_start(today) - timedelta(weeks=weeks_ago) + timedelta(days=rng.randint(0, 4))
            extra = list(
                dict.fromkeys(
                    slug
                    for n in range(1, self.habit.extra_tags + 1)
                    if (slug := cycle[(self.turn + n) % len(cycle)]) != theme
                )
            )
            data = _entry(
                idea,
                theme=theme,
                extra=extra,
                on=min(on, today),
                today=today,
                rng=rng,
                habit=self.habit,
                available=self.available,
            )
            services.entry_log(author=self.user, data=data, notify_mentors=False)
            return


def _logger(user: User, habit: Habit) -> Logger:
    person = Person.objects.select_related("team").get(pk=user.pk)
    team = person.team.name if person.team else "any"
    # Each person has their own random stream, so tuning one persona leaves the others alone.
    rng = random.Random(f"promo-demo-{user.get_username()}")
    return Logger(user=user, habit=habit, available=_target_behaviours(user), team=team, rng=rng)


def _moments(user: User, *, today: date, rng: random.Random) -> None:
    """A few small human moments, untagged: they matter even when they prove nothing."""
    for weeks_ago, title in zip(
        rng.sample(range(2, WEEKS), 4), content.moment_titles(), strict=False
    ):
        services.entry_log(
            author=user,
            notify_mentors=False,
            data=services.EntryData(
                title=title,
                week_of=week_start(today) - timedelta(weeks=weeks_ago),
                kind=Kind.MOMENT,
                visibility=Visibility.MENTORS,
            ),
        )


def _history_and_trash(user: User, *, today: date) -> None:
    """One entry edited twice (so history has something to show) and two in the trash."""
    entries = list(Entry.objects.filter(author=user).order_by("-week_start")[:10])
    if len(entries) < 10:
        return
    edited = entries[0]
    data = services.EntryData(
        title=edited.title,
        week_of=edited.week_start,
        kind=edited.kind,
        body=edited.body + "\n\n" + content.edit_note(),
        behaviours=tuple(edited.behaviours.all()),
        impact=edited.impact,
        shipped_on=edited.shipped_on,
        visibility=Visibility.MENTORS_AND_MANAGERS,
    )
    services.entry_update(entry=edited, editor=user, expected_version=edited.version, data=data)
    for entry in (entries[4], entries[8]):
        services.entry_trash(entry=entry)


def seed(org: Org) -> None:
    users = org["users"]
    if Entry.objects.filter(author__in=users.values()).exists():
        return  # the demo evidence is there already; a rerun adds nothing
    today = timezone.localdate()
    rng = random.Random(20261124)
    pool = IdeaPool(rng)
    loggers = [_logger(users[name], habit) for name, habit in HABITS.items() if name in users]
    # Week by week for everyone, newest first, so the shared pool of distinct ideas is spread
    # fairly over people and, if it runs short, it is the distant past that thins out.
    for weeks_ago in range(WEEKS + 1):
        for logger in loggers:
            logger.log_week(weeks_ago, pool, today=today)
    engineer = users.get("demo-engineer")
    if engineer is not None:
        _moments(engineer, today=today, rng=rng)
        _history_and_trash(engineer, today=today)
    _logged_in_their_week(users.values(), rng=rng)


def _logged_in_their_week(authors: Iterable[User], *, rng: random.Random) -> None:
    """Each entry logged late in its own week (never in the future), not all at seeding time:
    the mentor's inbox says how long an entry has waited, counted from when it was logged."""
    now = timezone.now()
    entries = list(
        Entry.objects.filter(author__in=list(authors))
        .only("pk", "week_start", "updated_at")
        .order_by("pk")  # the same draws for the same entries on every database
    )
    for entry in entries:
        day = entry.week_start + timedelta(days=rng.randint(3, 5))
        moment = datetime.combine(day, time(hour=rng.randint(9, 18), minute=rng.randint(0, 59)))
        entry.created_at = min(timezone.make_aware(moment), now)
    # The first revision was saved when the entry was logged, and an entry never edited since
    # was last saved then too: its history does not say an October entry was written today.
    logged = {entry.pk: entry.created_at for entry in entries}
    firsts = list(EntryRevision.objects.filter(entry_id__in=logged, version=1))
    for revision in firsts:
        revision.saved_at = logged[revision.entry_id]
    edited = set(
        EntryRevision.objects.filter(entry_id__in=logged, version__gt=1).values_list(
            "entry_id", flat=True
        )
    )
    for entry in entries:
        if entry.pk not in edited:
            entry.updated_at = entry.created_at
    EntryRevision.objects.bulk_update(firsts, ["saved_at"], batch_size=500)
    Entry.objects.bulk_update(entries, ["created_at", "updated_at"], batch_size=500)
