"""Readiness benchmark: the team dashboard and one readiness page, next to hand-written SQL floors.

Run it with `make bench` (SQLite, in memory) or, for PostgreSQL,
`TEST_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres make bench`. It builds a throwaway
database (dropped at the end), prints figures and asserts nothing: the targets are printed beside
the figures for a reader to compare. It is not a test, so pytest never collects it.

Each page is timed in-process with Django's test client (server time, no network, templates not
instrumented as the test runner would), as the
median of RUNS runs after WARMUPS warm-up runs. The clock is frozen on AS_OF so that the pages,
which assess "today", look at the same window as the floors. `--profile` adds where one
dashboard request and one page request spend their time, at the largest size.
"""

import argparse
import cProfile
import io
import itertools
import os
import pstats
import random
import statistics
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from http import HTTPStatus

# Test settings, and SQLite unless TEST_DATABASE_URL names another database.
os.environ["DJANGO_SETTINGS_MODULE"] = "tests.settings"
if not os.environ.get("TEST_DATABASE_URL"):
    os.environ.pop("DATABASE_URL", None)

import django

django.setup()

import time_machine  # noqa: E402
from django.conf import settings  # noqa: E402
from django.contrib.auth import get_user_model  # noqa: E402
from django.contrib.auth.base_user import AbstractBaseUser  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import (  # noqa: E402
    setup_databases,
    teardown_databases,
)

from evidence.models import Entry, EntryBehaviour, week_start  # noqa: E402
from promo.models import Behaviour, Ladder, Level, Mentorship, Person, Team, Visibility  # noqa: E402
from promo.services import ladder_install_default  # noqa: E402
from reviews.models import BehaviourVerdict, Feedback, StoredPicture, Verdict  # noqa: E402
from reviews.readiness import rules  # noqa: E402
from reviews.readiness import selectors as readiness_selectors  # noqa: E402
from reviews.readiness.periods import months_of, window_indexes  # noqa: E402

# What is measured ------------------------------------------------------------------------------
AS_OF = date(2026, 11, 24)  # a Tuesday; never today, so figures do not drift with the calendar
FROZEN_NOW = datetime(AS_OF.year, AS_OF.month, AS_OF.day, 12, tzinfo=UTC)
END_OF_AS_OF = datetime(AS_OF.year, AS_OF.month, AS_OF.day, tzinfo=UTC) + timedelta(days=1)
SIZES = (50, 200, 800)  # engineers under the director
DIRECTOR_BASE = 200  # a director of thousands is held to this size's dashboard
TEAM_URL = "/reviews/team/"
BARE_URL = "/accounts/password_change/"  # signed in, same base template, no readiness reads
RUNS = 7
WARMUPS = 1
PROFILE_TOP = 10
APP_CODE = r"/(promo|evidence|reviews)/[^/]+\.py"  # pstats filter: the app, not Django

# The organisation --------------------------------------------------------------------------------
MANAGERS = 4  # each manages SIZE / MANAGERS engineers
MENTORS = 3
CURRENT_LEVEL, TARGET_LEVEL, MENTOR_LEVEL = "senior", "staff", "principal"
HISTORY_YEARS = 3
SHORT_HISTORY_YEARS, LONG_HISTORY_YEARS = 1, 10
WEEKS_PER_YEAR = 52
FIRST_NAMES = ("Ada", "Bo", "Chen", "Dana", "Eli", "Fay", "Gus", "Hana", "Ivo", "Jun", "Kai", "Lea")

# The evidence ------------------------------------------------------------------------------------
VISIBILITY_WEIGHTS = {
    Visibility.MENTORS_AND_MANAGERS: 0.8,
    Visibility.MENTORS: 0.1,
    Visibility.PRIVATE: 0.1,
}
BEHAVIOURS_PER_ENTRY = (1, 3)  # inclusive range
SHIPPED_SHARE = 0.5
SHIPPED_AFTER_DAYS = (0, 4)
MEASURED_SHARE = 0.6
MEASURED_AFTER_WEEKS = (4, 16)
JUDGED_SHARE = 1 / 3  # of the entries shared with mentors
JUDGED_AFTER_DAYS = (1, 6)
JUDGED_HOUR = 10
VERDICT_WEIGHTS = {Verdict.DEMONSTRATED: 0.5, Verdict.FLASHES: 0.35, Verdict.GAP: 0.15}
SEED = 20261124
BATCH_SIZE = 1000
BUILD_CHUNK = 50  # engineers written per transaction, so memory stays flat at any size

TARGETS = (
    "targets on PostgreSQL: dashboard at N=200 within 1.5x its floor with today's pictures kept,"
    " 3x on the first view of the day; a director of 5,000 within 2x N=200; page within 1.5x"
    " floor + bare; queries the same at every N; 1y vs 10y history the same cost for every"
    " reader"
)
PG_BENCH_SUFFIX = "_bench"  # own database name, so a concurrent pytest run is left alone

User = get_user_model()
_SERIAL = itertools.count(1)  # numbers usernames, so every user built here is unique


@dataclass
class Org:
    """The people the benchmark measures with, and the random source that shapes their history."""

    rng: random.Random
    ladder: Ladder
    behaviours: list[int]  # the target level's behaviour ids
    current: Level
    target: Level
    director: AbstractBaseUser
    managers: list[AbstractBaseUser]
    mentors: list[AbstractBaseUser]
    teams: list[Team]
    engineers: list[AbstractBaseUser] = field(default_factory=list)


@dataclass(frozen=True)
class Row:
    size: int
    dashboard_ms: float
    dashboard_floor_ms: float
    dashboard_queries: int
    page_ms: float
    page_floor_ms: float
    page_queries: int
    bare_ms: float  # a signed-in page that reads nothing: Django's own cost per request
    rebuild_ms: float  # the dashboard when every stored picture must be made again
    fair_floor_ms: float  # the floor query and the least work of drawing its grid


# Building ---------------------------------------------------------------------------------------


def _new_users(prefix: str, count: int) -> list[AbstractBaseUser]:
    """Active users with unusable passwords (pages are reached with force_login)."""
    users = [
        User(
            username=f"{prefix}{n:05d}",
            first_name=FIRST_NAMES[n % len(FIRST_NAMES)],
            last_name=f"Bench{n}",
            password="!",
        )
        for n in itertools.islice(_SERIAL, count)
    ]
    return User.objects.bulk_create(users, batch_size=BATCH_SIZE)


def build_org(rng: random.Random) -> Org:
    """The default ladder, a director, MANAGERS managers (one team each) and MENTORS mentors."""
    ladder = ladder_install_default()
    levels = {level.slug: level for level in Level.objects.filter(ladder=ladder)}
    target = levels[TARGET_LEVEL]
    behaviours = list(
        Behaviour.objects.filter(level=target).order_by("rank").values_list("pk", flat=True)
    )
    teams = Team.objects.bulk_create([Team(name=f"Team {i + 1}") for i in range(MANAGERS)])
    director = _new_users("director", 1)[0]
    Person.objects.create(user=director, title="Director")
    managers = _new_users("manager", MANAGERS)
    Person.objects.bulk_create(
        Person(user=user, manager_id=director.pk, team=team, title="Engineering Manager")
        for user, team in zip(managers, teams, strict=True)
    )
    mentors = _new_users("mentor", MENTORS)  # outside the director's line: not on the dashboard
    Person.objects.bulk_create(
        Person(user=user, current_level=levels[MENTOR_LEVEL], title="Principal Engineer")
        for user in mentors
    )
    return Org(
        rng=rng,
        ladder=ladder,
        behaviours=behaviours,
        current=levels[CURRENT_LEVEL],
        target=target,
        director=director,
        managers=managers,
        mentors=mentors,
        teams=teams,
    )


def mondays(years: float) -> list[date]:
    """The Monday of AS_OF's week and the Mondays before it, `years` years of weeks, oldest first."""
    last = week_start(AS_OF)
    weeks = round(years * WEEKS_PER_YEAR)
    return [last - timedelta(weeks=back) for back in range(weeks - 1, -1, -1)]


def _pick(rng: random.Random, weights: dict) -> object:
    return rng.choices(list(weights), weights=list(weights.values()))[0]


def _entry(org: Org, author: AbstractBaseUser, monday: date) -> Entry:
    """One week's entry; month_index is set here because bulk_create bypasses the services."""
    rng = org.rng
    shipped = monday + timedelta(days=rng.randint(*SHIPPED_AFTER_DAYS))
    measured = rng.random() < MEASURED_SHARE
    return Entry(
        author=author,
        week_start=monday,
        month_index=monday.year * 12 + monday.month - 1,
        title=f"Week of {monday:%d %b %Y}",
        body="What I did this week, and why it mattered.",
        impact="Fewer pages for the on-call engineer.",
        shipped_on=shipped if rng.random() < SHIPPED_SHARE else None,
        impact_measured="Pages fell from 9 to 2 a week." if measured else "",
        impact_measured_on=(
            monday + timedelta(weeks=rng.randint(*MEASURED_AFTER_WEEKS)) if measured else None
        ),
        visibility=_pick(rng, VISIBILITY_WEIGHTS),
    )


def _judged_at(rng: random.Random, monday: date) -> datetime:
    """A few days after the week, never after the frozen clock."""
    day = monday + timedelta(days=rng.randint(*JUDGED_AFTER_DAYS))
    at = datetime(day.year, day.month, day.day, JUDGED_HOUR, tzinfo=UTC)
    return min(at, FROZEN_NOW)


def _history(org: Org, authors: list[AbstractBaseUser], mentor_of: dict, years: float) -> int:
    """Weekly entries, their tags, and feedback with a verdict per tag on a third of the shared.

    Returns the number of entries written.
    """
    rng = org.rng
    entries = [_entry(org, author, monday) for author in authors for monday in mondays(years)]
    Entry.objects.bulk_create(entries, batch_size=BATCH_SIZE)
    tags, feedback, verdicts = [], [], []
    for entry in entries:
        claimed = rng.sample(org.behaviours, rng.randint(*BEHAVIOURS_PER_ENTRY))
        tags += [EntryBehaviour(entry_id=entry.pk, behaviour_id=b) for b in claimed]
        if entry.visibility == Visibility.PRIVATE or rng.random() >= JUDGED_SHARE:
            continue
        said = {b: _pick(rng, VERDICT_WEIGHTS) for b in claimed}
        gap = next((b for b, v in said.items() if v == Verdict.GAP), None)
        feedback.append(
            Feedback(
                entry_id=entry.pk,
                author_id=mentor_of[entry.author_id],
                body="Thanks: this reads well.",
                gap_note="Show the outcome, not only the output." if gap else "",
                gap_behaviour_id=gap,
                state=Feedback.State.OPEN if gap else Feedback.State.RESOLVED,
                judged_at=_judged_at(rng, entry.week_start),
            )
        )
        verdicts.append(said)
    EntryBehaviour.objects.bulk_create(tags, batch_size=BATCH_SIZE)
    Feedback.objects.bulk_create(feedback, batch_size=BATCH_SIZE)
    BehaviourVerdict.objects.bulk_create(
        (
            BehaviourVerdict(feedback_id=f.pk, behaviour_id=b, verdict=v)
            for f, said in zip(feedback, verdicts, strict=True)
            for b, v in said.items()
        ),
        batch_size=BATCH_SIZE,
    )
    return len(entries)


@transaction.atomic
def _add_chunk(org: Org, count: int, years: float, manager: AbstractBaseUser | None) -> int:
    """`count` engineers at CURRENT_LEVEL aiming for TARGET_LEVEL, each with a mentor and history.

    Without `manager`, engineers are spread over the managers so each has an equal share.
    """
    start = len(org.engineers)
    users = _new_users("eng", count)
    people, links, mentor_of = [], [], {}
    for i, user in enumerate(users, start=start):
        boss = manager or org.managers[i % MANAGERS]
        mentor = org.mentors[i % MENTORS]
        mentor_of[user.pk] = mentor.pk
        people.append(
            Person(
                user=user,
                manager_id=boss.pk,
                team=org.teams[org.managers.index(boss)],
                current_level=org.current,
                target_level=org.target,
                title="Senior Engineer",
            )
        )
        links.append(
            Mentorship(
                engineer=user,
                mentor=mentor,
                state=Mentorship.State.ACTIVE,
                started_at=FROZEN_NOW - timedelta(weeks=years * WEEKS_PER_YEAR),
            )
        )
    Person.objects.bulk_create(people, batch_size=BATCH_SIZE)
    Mentorship.objects.bulk_create(links, batch_size=BATCH_SIZE)
    org.engineers += users
    return _history(org, users, mentor_of, years)


def add_engineers(
    org: Org, count: int, *, years: float, manager: AbstractBaseUser | None = None
) -> list[AbstractBaseUser]:
    """Add engineers in chunks of BUILD_CHUNK; returns the new ones. Refreshes planner stats."""
    start = len(org.engineers)
    started = time.perf_counter()
    entries = 0
    for done in range(0, count, BUILD_CHUNK):
        entries += _add_chunk(org, min(BUILD_CHUNK, count - done), years, manager)
    if connection.vendor == "postgresql":
        # Autovacuum would vacuum and analyse these tables soon after a real import (the input
        # version triggers leave a dead row per write); do it now, so plans and timings do not
        # depend on whether it has run yet.
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")
    took = time.perf_counter() - started
    print(f"  built {count} engineers x {years}y ({entries} entries) in {took:.1f} s", flush=True)
    return org.engineers[start:]


# Measuring --------------------------------------------------------------------------------------


def medians_ms(
    *calls: Callable[[], object], runs: int = RUNS, warmups: int = WARMUPS
) -> list[float]:
    """Median wall time of each call over `runs` rounds after `warmups`, in milliseconds. Within
    a round the calls take turns, so a noisy machine slows a page and its floor alike."""
    for _ in range(warmups):
        for call in calls:
            call()
    samples: list[list[float]] = [[] for _ in calls]
    for _ in range(runs):
        for call, times in zip(calls, samples, strict=True):
            started = time.perf_counter()
            call()
            times.append(time.perf_counter() - started)
    return [statistics.median(times) * 1000 for times in samples]


@contextmanager
def counted() -> Iterator[list[int]]:
    """Count every statement sent to the database (pytest's capture stops at 9,000 queries)."""
    count = [0]

    def wrapper(execute, sql, params, many, context):
        count[0] += 1
        return execute(sql, params, many, context)

    with connection.execute_wrapper(wrapper):
        yield count


def query_count(call: Callable[[], object]) -> int:
    with counted() as count:
        call()
    return count[0]


def page(viewer: AbstractBaseUser, url: str) -> Callable[[], object]:
    """A GET of `url` as `viewer`, through the whole middleware stack, in this process."""
    client = Client()
    client.force_login(viewer)

    def get() -> object:
        response = client.get(url)
        if response.status_code != HTTPStatus.OK:
            raise RuntimeError(f"GET {url} answered {response.status_code}, not 200.")
        return response

    return get


def readiness_url(engineer: AbstractBaseUser) -> str:
    return f"/reviews/readiness/{engineer.get_username()}/"


def window_months(ladder: Ladder) -> tuple[int, int]:
    """First and last month_index of the readiness window ending with AS_OF's month."""
    policy = readiness_selectors.policy_of(ladder)
    window = window_indexes(AS_OF, policy)
    return months_of(window, policy)


def _shared_with_managers(
    alias: str, authors: list[int], months: tuple[int, int]
) -> tuple[str, list]:
    """WHERE clause and parameters: the authors' live entries a manager sees, in the window."""
    marks = ", ".join(["%s"] * len(authors))
    sql = (
        f"{alias}.author_id IN ({marks}) AND {alias}.visibility = %s"
        f" AND {alias}.deleted_at IS NULL AND {alias}.week_start <= %s"
        f" AND {alias}.month_index BETWEEN %s AND %s"
    )
    return sql, [*authors, Visibility.MENTORS_AND_MANAGERS.value, AS_OF, *months]


def floor_query(authors: list[int], months: tuple[int, int]) -> tuple[str, list]:
    """One query: best strength per author, behaviour and month, by a deliberately simple rule.

    A tag is worth its best verdict when any mentor gave one (before the end of AS_OF), else a
    flash; no per-mentor latest verdict, no impact caps. Portable to SQLite and PostgreSQL.
    """
    entry, tag = Entry._meta.db_table, EntryBehaviour._meta.db_table
    feedback, verdict = Feedback._meta.db_table, BehaviourVerdict._meta.db_table
    outer, outer_params = _shared_with_managers("e", authors, months)
    inner, inner_params = _shared_with_managers("ve", authors, months)
    strength = rules.STRENGTH
    sql = f"""
        SELECT e.author_id, t.behaviour_id, e.month_index,
               MAX(COALESCE(v.best, {rules.SELF_TAGGED})) AS strength
        FROM {entry} e
        JOIN {tag} t ON t.entry_id = e.id
        LEFT JOIN (
            SELECT f.entry_id, bv.behaviour_id,
                   MAX(CASE bv.verdict WHEN %s THEN {strength[Verdict.DEMONSTRATED]}
                                       WHEN %s THEN {strength[Verdict.FLASHES]}
                                       ELSE {strength[Verdict.GAP]} END) AS best
            FROM {verdict} bv
            JOIN {feedback} f ON f.id = bv.feedback_id
            JOIN {entry} ve ON ve.id = f.entry_id
            WHERE f.judged_at < %s AND {inner}
            GROUP BY f.entry_id, bv.behaviour_id
        ) v ON v.entry_id = e.id AND v.behaviour_id = t.behaviour_id
        WHERE {outer}
        GROUP BY e.author_id, t.behaviour_id, e.month_index
    """  # only placeholders, our constants and our own table names are formatted in
    params = [Verdict.DEMONSTRATED.value, Verdict.FLASHES.value, END_OF_AS_OF, *inner_params]
    return sql, params + outer_params


def floor(authors: list[int], months: tuple[int, int]) -> Callable[[], object]:
    sql, params = floor_query(authors, months)

    def run() -> object:
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            return cursor.fetchall()

    return run


def fair_floor(authors: list[int], months: tuple[int, int]) -> Callable[[], object]:
    """The floor query plus the least work of turning its rows into a grid's HTML: one square
    per behaviour and month for every author, the class chosen by strength."""
    query = floor(authors, months)
    css = {1.0: "c-demo", 0.5: "c-flash", 0.0: "c-gap"}

    def run() -> object:
        cells: dict[int, dict[int, list[str]]] = {}
        for author, behaviour, _month, strength in query():  # type: ignore[attr-defined]
            squares = cells.setdefault(author, {}).setdefault(behaviour, [])
            squares.append(f'<span class="{css.get(float(strength), "c-none")}"></span>')
        return "".join(
            f'<div class="mini-row">{"".join(row)}</div>'
            for rows in cells.values()
            for row in rows.values()
        )

    return run


def measure(org: Org, size: int, months: tuple[int, int]) -> Row:
    """The dashboard as the director, one engineer's page as their manager, and both floors."""
    dashboard = page(org.director, TEAM_URL)
    engineer, manager = org.engineers[0], org.managers[0]  # one of that manager's reports
    readiness_page = page(manager, readiness_url(engineer))
    authors = [e.pk for e in org.engineers]

    def first_view_of_the_day() -> object:
        StoredPicture.objects.all().delete()  # as on a new day, or after everyone's writes
        return dashboard()

    dashboard_ms, dashboard_floor_ms, fair_floor_ms, rebuild_ms = medians_ms(
        dashboard, floor(authors, months), fair_floor(authors, months), first_view_of_the_day
    )
    page_ms, page_floor_ms, bare_ms = medians_ms(
        readiness_page, floor([engineer.pk], months), page(manager, BARE_URL)
    )
    return Row(
        size=size,
        dashboard_ms=dashboard_ms,
        dashboard_floor_ms=dashboard_floor_ms,
        dashboard_queries=query_count(dashboard),
        rebuild_ms=rebuild_ms,
        fair_floor_ms=fair_floor_ms,
        page_ms=page_ms,
        page_floor_ms=page_floor_ms,
        page_queries=query_count(readiness_page),
        bare_ms=bare_ms,
    )


def profile(title: str, call: Callable[[], object]) -> None:
    """Where one call (after a warm-up) spends its time: the PROFILE_TOP functions of the app's
    own code by cumulative time (the middleware wrappers above them would hide it), then the
    PROFILE_TOP functions anywhere by own time (database driver, templates, Python rules).
    """
    call()
    profiler = cProfile.Profile()
    profiler.runcall(call)
    for order, restriction in (("cumulative", APP_CODE), ("tottime", "")):
        out = io.StringIO()
        stats = pstats.Stats(profiler, stream=out).sort_stats(order)
        stats.print_stats(restriction, PROFILE_TOP)
        print(f"\nprofile: {title}, by {order}\n{out.getvalue().strip()}")


# Reporting --------------------------------------------------------------------------------------


def database_label() -> str:
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("SELECT sqlite_version()")
        else:
            cursor.execute("SHOW server_version")
        version = cursor.fetchone()[0]
    return f"{connection.vendor} {version} ({connection.settings_dict['NAME']})"


def print_table(rows: list[Row]) -> None:
    print(
        f"\n{'N':<5} {'dashboard ms':>12} {'floor ms':>9} {'ratio':>6} {'fair ms':>8}"
        f" {'ratio':>6} {'queries':>8} {'1st of day ms':>13} {'ratio':>6} |"
        f" {'page ms':>8} {'floor ms':>9} {'ratio':>6} {'queries':>8} |"
        f" {'bare ms':>8} {'page/(floor+bare)':>18}"
    )
    for r in rows:
        print(
            f"{r.size:<5} {r.dashboard_ms:>12.1f} {r.dashboard_floor_ms:>9.2f}"
            f" {r.dashboard_ms / r.dashboard_floor_ms:>6.1f} {r.fair_floor_ms:>8.2f}"
            f" {r.dashboard_ms / r.fair_floor_ms:>6.1f} {r.dashboard_queries:>8}"
            f" {r.rebuild_ms:>13.1f} {r.rebuild_ms / r.fair_floor_ms:>6.1f} |"
            f" {r.page_ms:>8.1f} {r.page_floor_ms:>9.2f}"
            f" {r.page_ms / r.page_floor_ms:>6.1f} {r.page_queries:>8} |"
            f" {r.bare_ms:>8.1f} {r.page_ms / (r.page_floor_ms + r.bare_ms):>18.1f}"
        )
    print(
        "bare: a signed-in page that reads nothing (session, user, navigation); a page can never"
        " cost less than floor + bare. fair: the floor query plus the least work of drawing its"
        " grid as HTML; dashboard ratios are to it"
    )


def history_check(org: Org) -> str:
    """One engineer's readiness page with 1 year of history and with 10 years, as each kind of
    reader sees it (the engineer, their mentor, their manager), timed side by side."""
    manager = org.managers[0]
    engineers = [
        add_engineers(org, 1, years=years, manager=manager)[0]
        for years in (SHORT_HISTORY_YEARS, LONG_HISTORY_YEARS)
    ]
    lines = []
    for reader in ("engineer", "mentor", "manager"):
        fetches = []
        for engineer in engineers:
            viewer = {
                "engineer": engineer,
                "mentor": Mentorship.objects.get(engineer=engineer).mentor,
                "manager": manager,
            }[reader]
            fetches.append(page(viewer, readiness_url(engineer)))
        (short_ms, long_ms), queries = medians_ms(*fetches), [query_count(f) for f in fetches]
        lines.append(
            f"history as the {reader}: {SHORT_HISTORY_YEARS}y {short_ms:.1f} ms,"
            f" {LONG_HISTORY_YEARS}y {long_ms:.1f} ms, ratio {long_ms / short_ms:.2f};"
            f" queries {queries[0]} and {queries[1]}"
        )
    return "\n".join(lines)


def director_check(rows: list[Row]) -> str:
    """The kept dashboard's first page at the largest N against N = 200 (target: at most 2x)."""
    base = next((r for r in rows if r.size == DIRECTOR_BASE), None)
    largest = rows[-1]
    if base is None or largest.size <= base.size:
        return f"director check: measure N={DIRECTOR_BASE} and a larger N (--sizes 200,5000)"
    return (
        f"director of {largest.size}: first page {largest.dashboard_ms:.1f} ms,"
        f" {largest.dashboard_ms / base.dashboard_ms:.2f}x N={base.size}"
        f" ({base.dashboard_ms:.1f} ms); target at most 2x"
    )


# Running ----------------------------------------------------------------------------------------


def run(*, profiling: bool, sizes: tuple[int, ...] = SIZES) -> None:
    org = build_org(random.Random(SEED))
    months = window_months(org.ladder)
    print(f"database: {database_label()}")
    print(f"as_of {AS_OF}, window month_index {months[0]}..{months[1]}, median of {RUNS} runs")
    rows = []
    for size in sizes:
        add_engineers(org, size - len(org.engineers), years=HISTORY_YEARS)
        rows.append(measure(org, size, months))
    print_table(rows)
    StoredPicture.objects.all().delete()
    started = time.perf_counter()
    call_command("readiness_refresh", stdout=io.StringIO())
    print(
        f"nightly refresh (manage.py readiness_refresh) for N={sizes[-1]}:"
        f" {time.perf_counter() - started:.1f} s; after it the day's first dashboard is a kept one"
    )
    print(director_check(rows))
    print(history_check(org))
    print(TARGETS)
    if profiling:
        profile(f"dashboard, N={sizes[-1]}", page(org.director, TEAM_URL))
        profile("readiness page", page(org.managers[0], readiness_url(org.engineers[0])))


@contextmanager
def throwaway_database() -> Iterator[None]:
    """A new empty database (SQLite in memory, or its own on PostgreSQL), dropped at the end,
    with the clock frozen on FROZEN_NOW (ticking) while it is in use."""
    if connection.vendor != "sqlite":
        test = connection.settings_dict["TEST"]
        test["NAME"] = test.get("NAME") or f"test_{connection.settings_dict['NAME']}"
        test["NAME"] += PG_BENCH_SUFFIX
    # Not setup_test_environment(): it instruments every template render for the test client's
    # benefit, a cost real requests never pay. Only the test client's host must be allowed.
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "testserver"]
    old_config = setup_databases(verbosity=0, interactive=False)
    try:
        with time_machine.travel(FROZEN_NOW, tick=True):
            yield
    finally:
        teardown_databases(old_config, verbosity=0)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--profile", action="store_true", help="profile one request of each page")
    parser.add_argument(
        "--sizes",
        default=",".join(map(str, SIZES)),
        help="engineer counts to measure, comma-separated (default: %(default)s)",
    )
    args = parser.parse_args()
    sizes = tuple(sorted(int(n) for n in args.sizes.split(",")))
    started = time.perf_counter()
    with throwaway_database():
        run(profiling=args.profile, sizes=sizes)
    print(f"wall time: {time.perf_counter() - started:.1f} s")


if __name__ == "__main__":
    main()
