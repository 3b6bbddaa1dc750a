"""Load test: signed-in people using Promo at once, against gunicorn and PostgreSQL.

Run it with `make load` (or `.venv/bin/python -m tests.load.run --seconds 60 --users 8`). It
creates a throwaway PostgreSQL database (`promo_load`, on the server of
TEST_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/postgres), migrates it, loads the
demo organisation plus --engineers more with a year of evidence, collects static files (into
staticfiles/, as a deployment does), and starts gunicorn (2 workers) on 127.0.0.1 with
production settings: DEBUG off, a random SECRET_KEY, no HTTPS (nothing leaves the machine).

Each person signs in once, up front (a sign-in costs a million PBKDF2 rounds on purpose), and
their session is reused. Then --users threads, each one of those people, repeat for --seconds
what they do in a week: engineers open This week, page back through earlier weeks, quick-add an
entry the way htmx posts it, and look at their readiness; managers and mentors open the team
dashboard and a report's readiness page. No think time: this measures capacity. It prints
requests a second and latency percentiles per kind of request, and the CPU time the gunicorn
workers spent per request (read from /proc), the figure that does not depend on what else the
machine is doing. Any answer but the expected one (or a connection error) is an error,
printed at the end; so is a quick add that said "Logged" but is not in the database. The run
exits non-zero if there was any.

Then a second gunicorn starts on another port, on the same database, and one person's
requests alternate between the two: signed in on A, the same cookie works on B; an entry added
on one shows on the other's week page; a preference changed on one shows on the other; signing
out on one ends the session on both. Nothing is kept in a process's memory.

It is not a test (pytest collects only test_*.py), and it takes a minute or two.
"""

import argparse
import contextlib
import http.client
import http.cookies
import io
import itertools
import math
import os
import random
import re
import secrets
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from urllib.parse import urlencode, urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parents[2]
DEFAULT_SERVER = "postgres://postgres@127.0.0.1:5432/postgres"
LOAD_DATABASE_NAME = "promo_load"
HOST = "127.0.0.1"
WORKERS = 2
SEED = 20261124
STARTUP_TIMEOUT = 60.0
REQUEST_TIMEOUT = 60.0

# Who signs in, in the order --users takes them: roles mixed, so any count has all three.
MANAGERS = ["demo-manager", "hana.kovac"]  # the extra engineers report to them in turn
CAST = [
    ("demo-engineer", "engineer"),
    ("demo-manager", "manager"),
    ("tomas.ruiz", "engineer"),
    ("demo-mentor", "mentor"),
    ("jonas.becker", "engineer"),
    ("hana.kovac", "manager"),
    ("owen.clarke", "engineer"),
    ("priya.raman", "engineer"),
    ("load-eng-000", "engineer"),
    ("mei.lin", "engineer"),
    ("load-eng-001", "engineer"),
    ("load-eng-002", "engineer"),
]
TWO_SERVER_USER = "load-eng-003"  # signs in for the two-server check only
FEWEST_EXTRA = 4  # load-eng-000 to -003 are named above
PASSWORD = "demo"  # the demo's; the extra engineers get the same password hash

# What each role does, and how often (weights).
MIX = {
    "engineer": {"week": 3, "quick-add": 3, "timeline": 2, "readiness": 2},
    "manager": {"team": 5, "readiness": 5},
    "mentor": {"team": 4, "readiness": 4},
}
KINDS = ["quick-add", "week", "timeline", "readiness", "team"]
QUICK_ADD_PREFIX = "Load run "


# The throwaway database and the servers ---------------------------------------------------------


def database_url(server: str, name: str) -> str:
    parts = urlsplit(server)
    return urlunsplit(parts._replace(path=f"/{name}"))


def admin_sql(server: str, statement: str) -> None:
    """Run one statement outside a transaction on the server's maintenance database."""
    import psycopg

    with psycopg.connect(server, autocommit=True) as conn:
        conn.execute(statement)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return sock.getsockname()[1]


def server_env(url: str, secret: str) -> dict[str, str]:
    """Production settings, minus HTTPS: every app server of a deployment gets the same."""
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "promo.settings",
        "DATABASE_URL": url,
        "DEBUG": "0",
        "SECRET_KEY": secret,
        "ALLOWED_HOSTS": HOST,
        "SECURE_SSL_REDIRECT": "0",
        "SESSION_COOKIE_SECURE": "0",
        "CSRF_COOKIE_SECURE": "0",
        "SECURE_HSTS_SECONDS": "0",
        "EMAIL_BACKEND": "django.core.mail.backends.dummy.EmailBackend",
        "LOG_LEVEL": "WARNING",
    }


@dataclass
class Server:
    name: str
    port: int
    process: subprocess.Popen
    log: Path

    def tail(self, lines: int = 30) -> str:
        text = self.log.read_text(errors="replace").splitlines()
        return "\n".join(text[-lines:])


def start_server(name: str, env: dict[str, str], logs: Path) -> Server:
    port = free_port()
    log = logs / f"gunicorn-{name}.log"
    command = [
        sys.executable,
        "-m",
        "gunicorn",
        "promo.wsgi",
        "--workers",
        str(WORKERS),
        "--bind",
        f"{HOST}:{port}",
        "--error-logfile",
        "-",
    ]
    with open(log, "wb") as out:
        process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT)
    server = Server(name=name, port=port, process=process, log=log)
    deadline = time.monotonic() + STARTUP_TIMEOUT
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"gunicorn {name} exited at start:\n{server.tail()}")
        try:
            conn = http.client.HTTPConnection(HOST, port, timeout=5)
            conn.request("GET", "/accounts/login/")
            if conn.getresponse().status == 200:
                return server
        except OSError:
            pass
        time.sleep(0.2)
    raise RuntimeError(f"gunicorn {name} did not answer within {STARTUP_TIMEOUT:.0f} s")


def stop_server(server: Server) -> None:
    """Stop the gunicorn this script started (its own process id, nothing else)."""
    if server.process.poll() is None:
        server.process.send_signal(signal.SIGTERM)
        try:
            server.process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            server.process.kill()
            server.process.wait()


# Building the organisation (in this process, with the same settings) ---------------------------


def build_database(extra_engineers: int) -> dict[str, object]:
    """Migrate, load the demo, add engineers, collect static files. Returns what it built and
    how long each step took."""
    import django
    from django.core.management import call_command

    django.setup()
    from django.contrib.auth import get_user_model
    from django.db import connection

    from evidence.models import Entry

    quiet = {"verbosity": 0, "interactive": False}
    steps = {
        "migrate": lambda: call_command("migrate", **quiet),
        "demo": lambda: call_command("seed_demo", "--force", stdout=io.StringIO()),
        "engineers": lambda: add_engineers(extra_engineers),
        "static": lambda: call_command("collectstatic", **quiet),
    }
    took = {}
    for name, step in steps.items():
        started = time.perf_counter()
        step()
        took[name] = time.perf_counter() - started
    call_command("createcachetable", verbosity=0)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    built = {
        "people": get_user_model().objects.count(),
        "entries": Entry.objects.count(),
        "took": ", ".join(f"{name} {s:.0f} s" for name, s in took.items()),
    }
    connection.close()
    return built


def add_engineers(count: int, weeks: int = 52) -> None:
    """`count` engineers split between the demo's two managers, each with a year of weekly
    evidence mostly shared with mentors and managers, mentored by demo-mentor, who has judged
    a third of what they shared."""
    from django.contrib.auth import get_user_model
    from django.db import transaction
    from django.utils import timezone

    from evidence.models import Entry, EntryBehaviour, EntryRevision, week_start
    from evidence.services import snapshot
    from promo.models import Behaviour, Level, Mentorship, Person, Visibility
    from reviews.models import BehaviourVerdict, Feedback, Verdict

    User = get_user_model()
    rng = random.Random(SEED)
    demo = User.objects.get(username="demo-engineer")
    mentor = User.objects.get(username="demo-mentor")
    managers = [Person.objects.get(user__username=name) for name in MANAGERS]
    senior, staff = Level.objects.get(slug="senior"), Level.objects.get(slug="staff")
    behaviours = list(Behaviour.objects.filter(level=staff).values_list("pk", flat=True))
    today = timezone.localdate()
    mondays = [week_start(today) - timedelta(weeks=n) for n in range(weeks, 0, -1)]
    now = timezone.now()
    with transaction.atomic():
        users = User.objects.bulk_create(
            User(
                username=f"load-eng-{n:03d}",
                first_name=f"Load{n}",
                last_name="Engineer",
                email=f"load-eng-{n:03d}@example.com",
                password=demo.password,  # the same password, without hashing it again
            )
            for n in range(count)
        )
        Person.objects.bulk_create(
            Person(
                user=user,
                manager=managers[n % len(managers)],
                team=managers[n % len(managers)].team,
                current_level=senior,
                target_level=staff,
                title="Senior Engineer",
            )
            for n, user in enumerate(users)
        )
        Mentorship.objects.bulk_create(
            Mentorship(
                engineer=user,
                mentor=mentor,
                state=Mentorship.State.ACTIVE,
                started_at=now - timedelta(weeks=weeks + 4),
            )
            for user in users
        )
        entries = Entry.objects.bulk_create(
            Entry(
                author=user,
                week_start=monday,
                month_index=monday.year * 12 + monday.month - 1,
                title=f"Week of {monday:%d %b %Y}: cut the deploy time",
                body="What I did this week, **why it mattered**, and who it helped.",
                impact="Fewer pages for the on-call engineer.",
                shipped_on=monday + timedelta(days=2) if rng.random() < 0.5 else None,
                visibility=rng.choices(
                    [Visibility.MENTORS_AND_MANAGERS, Visibility.MENTORS, Visibility.PRIVATE],
                    weights=[8, 1, 1],
                )[0],
            )
            for user in users
            for monday in mondays
        )
        tags, feedback, said = [], [], []
        for entry in entries:
            claimed = rng.sample(behaviours, rng.randint(1, 3))
            tags += [EntryBehaviour(entry=entry, behaviour_id=b) for b in claimed]
            if entry.visibility != Visibility.PRIVATE and rng.random() < 1 / 3:
                feedback.append(
                    Feedback(entry=entry, author=mentor, body="Clear; show the outcome too.")
                )
                said.append({b: rng.choice(list(Verdict)) for b in claimed})
        EntryBehaviour.objects.bulk_create(tags, batch_size=1000)
        EntryRevision.objects.bulk_create(
            (EntryRevision(entry=e, version=1, editor_id=e.author_id, snapshot=snapshot(e)))
            for e in Entry.objects.filter(author__in=users).prefetch_related("behaviours", "links")
        )
        Feedback.objects.bulk_create(feedback, batch_size=1000)
        BehaviourVerdict.objects.bulk_create(
            (
                BehaviourVerdict(feedback=f, behaviour_id=b, verdict=v)
                for f, verdicts in zip(feedback, said, strict=True)
                for b, v in verdicts.items()
            ),
            batch_size=1000,
        )


# A browser, reduced to what the pages need ------------------------------------------------------


@dataclass
class Answer:
    status: int
    body: str
    location: str
    seconds: float


@dataclass
class Browser:
    """One signed-in person's browser: cookies (shared by every thread acting as them) and
    what their pages told us: the CSRF token, their target level's behaviours, whose readiness
    they may open."""

    username: str
    role: str
    cookies: dict[str, str] = field(default_factory=dict)
    csrf: str = ""
    behaviours: list[str] = field(default_factory=list)
    subjects: list[str] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def cookie_header(self) -> str:
        with self.lock:
            return "; ".join(f"{k}={v}" for k, v in self.cookies.items())

    def remember(self, headers: list[tuple[str, str]]) -> None:
        for name, value in headers:
            if name.lower() != "set-cookie":
                continue
            jar = http.cookies.SimpleCookie()
            jar.load(value)
            with self.lock:
                for key, morsel in jar.items():
                    if morsel["max-age"] == "0" or morsel.value == "":
                        self.cookies.pop(key, None)
                    else:
                        self.cookies[key] = morsel.value


def send(
    conn: http.client.HTTPConnection,
    person: Browser,
    method: str,
    path: str,
    *,
    form: dict | None = None,
    htmx: bool = False,
) -> Answer:
    headers = {"User-Agent": "promo-load", "Cookie": person.cookie_header()}
    body = None
    if htmx:
        headers["HX-Request"] = "true"
    if form is not None:
        body = urlencode(form, doseq=True)
        headers["Content-Type"] = "application/x-www-form-urlencoded"
        if person.csrf:
            headers["X-CSRFToken"] = person.csrf  # as htmx sends it, from <body hx-headers>
    started = time.perf_counter()
    conn.request(method, path, body=body, headers=headers)
    response = conn.getresponse()
    content = response.read()
    seconds = time.perf_counter() - started
    person.remember(response.getheaders())
    return Answer(
        status=response.status,
        body=content.decode("utf-8", errors="replace"),
        location=response.getheader("Location", ""),
        seconds=seconds,
    )


TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
BEHAVIOUR_BOX = re.compile(r'<input type="checkbox" name="behaviours" value="(\d+)"')
READINESS_LINK = re.compile(r'href="/reviews/readiness/([^/"]+)/"')


def token_in(html: str) -> str:
    found = TOKEN.search(html)
    if not found:
        raise RuntimeError("no CSRF token on the page")
    return found.group(1)


def sign_in(port: int, username: str, role: str) -> Browser:
    """Sign in through the real form, once: the slow password hash is paid here only."""
    person = Browser(username=username, role=role)
    conn = http.client.HTTPConnection(HOST, port, timeout=REQUEST_TIMEOUT)
    page = send(conn, person, "GET", "/accounts/login/")
    form = {"username": username, "password": PASSWORD, "csrfmiddlewaretoken": token_in(page.body)}
    signed = send(conn, person, "POST", "/accounts/login/", form=form)
    if signed.status != 302 or "sessionid" not in person.cookies:
        raise RuntimeError(f"{username} could not sign in (answer {signed.status})")
    if role == "engineer":
        week = send(conn, person, "GET", "/week/")
        person.csrf = token_in(week.body)  # the token rotated at sign-in
        # The first group of boxes is the target level's behaviours.
        first_group = (
            week.body.split('class="checks"', 2)[1] if 'class="checks"' in week.body else ""
        )
        person.behaviours = BEHAVIOUR_BOX.findall(first_group.split("</div>", 1)[0])
        person.subjects = [username]
    else:
        team = send(conn, person, "GET", team_path(person))
        person.subjects = sorted(set(READINESS_LINK.findall(team.body)))
        if not person.subjects:
            raise RuntimeError(f"{username} sees nobody on the team dashboard")
    conn.close()
    return person


def team_path(person: Browser) -> str:
    return "/reviews/team/?view=mentees" if person.role == "mentor" else "/reviews/team/"


# The traffic -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Sample:
    kind: str
    seconds: float
    error: str = ""  # empty when the answer was the expected one


class Traffic:
    """What one thread, acting as one person, does until the deadline."""

    def __init__(self, port: int, person: Browser, seed: int, serial: Iterator[int]) -> None:
        self.port = port
        self.person = person
        self.rng = random.Random(seed)
        self.serial = serial
        self.conn = http.client.HTTPConnection(HOST, port, timeout=REQUEST_TIMEOUT)
        self.samples: list[Sample] = []
        self.added: list[str] = []  # titles of the entries this thread logged
        weights = MIX[person.role]
        self.kinds, self.weights = list(weights), list(weights.values())

    def run(self, deadline: float) -> None:
        while time.monotonic() < deadline:
            kind = self.rng.choices(self.kinds, weights=self.weights)[0]
            started = time.perf_counter()
            try:
                error = getattr(self, kind.replace("-", "_"))()
            except (OSError, http.client.HTTPException) as exc:
                error = f"{type(exc).__name__}: {exc}"
                self.conn.close()
                self.conn = http.client.HTTPConnection(HOST, self.port, timeout=REQUEST_TIMEOUT)
            self.samples.append(Sample(kind, time.perf_counter() - started, error))

    def _get(self, path: str, *, htmx: bool = False, expect: str = "") -> str:
        answer = send(self.conn, self.person, "GET", path, htmx=htmx)
        return self._check(answer, path, expect)

    def _check(self, answer: Answer, path: str, expect: str) -> str:
        if answer.status != 200:
            where = f" to {answer.location}" if answer.location else ""
            return f"{path} answered {answer.status}{where}"
        if expect and expect not in answer.body:
            return f"{path} answered 200 without {expect!r}"
        return ""

    def week(self) -> str:
        return self._get("/week/", expect='id="quick-add"')

    def timeline(self) -> str:
        """An older page of the timeline, as the "Earlier weeks" button fetches it."""
        weeks_back = self.rng.randint(2, 70)
        before = date.today() - timedelta(weeks=weeks_back)
        return self._get(f"/week/?before={before.isoformat()}", htmx=True)

    def quick_add(self) -> str:
        title = f"{QUICK_ADD_PREFIX}{next(self.serial)}: unblocked the release for another team"
        picked = self.rng.sample(self.person.behaviours, min(2, len(self.person.behaviours)))
        form = {
            "csrfmiddlewaretoken": self.person.csrf,
            "quick": "1",
            "title": title,
            "kind": "weekly_win",
            "visibility": self.rng.choice(["mentors_and_managers", "mentors", "private"]),
            "behaviours": picked,
            "body": "Paired with them on the rollback plan; they ran the next one alone.",
        }
        answer = send(self.conn, self.person, "POST", "/entries/new/", form=form, htmx=True)
        error = self._check(answer, "POST /entries/new/", f"Logged “{title}”")
        if not error:
            self.added.append(title)
        return error

    def readiness(self) -> str:
        subject = self.rng.choice(self.person.subjects)
        # Every readiness page gives its reasons; only people with a target level get a heatmap.
        return self._get(f"/reviews/readiness/{subject}/", expect='id="reasons-heading"')

    def team(self) -> str:
        return self._get(team_path(self.person), expect="<table")


def percentile(sorted_values: list[float], p: float) -> float:
    """Nearest-rank percentile of already sorted values."""
    rank = max(1, math.ceil(p / 100 * len(sorted_values)))
    return sorted_values[rank - 1]


def report(samples: list[Sample], elapsed: float) -> list[str]:
    """Print throughput and latency per kind and overall; returns the errors."""
    by_kind: dict[str, list[Sample]] = defaultdict(list)
    for sample in samples:
        by_kind[sample.kind].append(sample)
    print(
        f"\n{'kind':<10} {'requests':>8} {'errors':>6} {'req/s':>7}"
        f" {'p50 ms':>7} {'p95 ms':>7} {'p99 ms':>7} {'max ms':>7}"
    )
    for kind in [*KINDS, "all"]:
        rows = samples if kind == "all" else by_kind.get(kind, [])
        if not rows:
            continue
        times = sorted(s.seconds * 1000 for s in rows)
        errors = sum(1 for s in rows if s.error)
        print(
            f"{kind:<10} {len(rows):>8} {errors:>6} {len(rows) / elapsed:>7.1f}"
            f" {percentile(times, 50):>7.0f} {percentile(times, 95):>7.0f}"
            f" {percentile(times, 99):>7.0f} {times[-1]:>7.0f}"
        )
    return [f"{s.kind}: {s.error}" for s in samples if s.error]


def worker_cpu_seconds(server: Server) -> float:
    """CPU time (user + system) used so far by the gunicorn workers of `server`: what the
    requests cost the app, whatever else the machine is busy with."""
    ticks = os.sysconf("SC_CLK_TCK")
    total = 0
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:  # the process ended meanwhile
            continue
        if int(fields[1]) == server.process.pid:  # ppid; utime and stime follow
            total += int(fields[11]) + int(fields[12])
    return total / ticks


def load(
    server: Server, people: list[Browser], users: int, seconds: float
) -> tuple[list[str], list[str]]:
    """--users threads for --seconds; returns the errors and the titles of the entries added."""
    serial = itertools.count(1)  # next() on it is atomic: titles stay unique across threads
    traffic = [
        Traffic(server.port, people[n % len(people)], SEED + n, serial) for n in range(users)
    ]
    deadline = time.monotonic() + seconds
    started = time.perf_counter()
    app_cpu, client_cpu = worker_cpu_seconds(server), time.process_time()
    threads = [threading.Thread(target=t.run, args=(deadline,)) for t in traffic]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - started
    app_cpu = worker_cpu_seconds(server) - app_cpu
    client_cpu = time.process_time() - client_cpu
    samples = [s for t in traffic for s in t.samples]
    errors = report(samples, elapsed)
    print(
        f"CPU: gunicorn workers {app_cpu:.1f} s ({app_cpu / len(samples) * 1000:.0f} ms per"
        f" request), this client {client_cpu:.1f} s, in {elapsed:.0f} s on {os.cpu_count()} CPUs"
    )
    return errors, [title for t in traffic for title in t.added]


# Two app servers, one session ------------------------------------------------------------------


def two_servers(a: Server, b: Server) -> list[str]:
    """One person's requests alternate between two servers; each sees what the other did."""
    errors: list[str] = []
    person = sign_in(a.port, TWO_SERVER_USER, "engineer")
    conns = {
        s.name: http.client.HTTPConnection(HOST, s.port, timeout=REQUEST_TIMEOUT) for s in (a, b)
    }

    def check(ok: bool, what: str) -> None:
        print(f"  {'ok  ' if ok else 'FAIL'} {what}")
        if not ok:
            errors.append(f"two servers: {what}")

    def get(server: Server, path: str) -> Answer:
        return send(conns[server.name], person, "GET", path)

    print(f"\ntwo app servers on one database: A on :{a.port}, B on :{b.port}")
    week = get(b, "/week/")
    check(
        week.status == 200 and 'id="quick-add"' in week.body, "signed in on A; B knows the session"
    )
    for n, (writer, reader) in enumerate([(a, b), (b, a), (a, b), (b, a)], start=1):
        title = f"Two servers {n}: logged on {writer.name}"
        form = {
            "csrfmiddlewaretoken": person.csrf,
            "quick": "1",
            "title": title,
            "kind": "weekly_win",
            "visibility": "mentors",
            "body": "",
        }
        added = send(conns[writer.name], person, "POST", "/entries/new/", form=form, htmx=True)
        seen = get(reader, "/week/")
        check(
            added.status == 200 and seen.status == 200 and title in seen.body,
            f"entry added on {writer.name} shows on {reader.name}'s week page",
        )
    for writer, reader in [(b, a), (a, b)]:
        current = preferences_of(get(writer, "/settings/").body)
        wanted = next(v for v in ("mentors_and_managers", "mentors", "private") if v != current[0])
        form = {"csrfmiddlewaretoken": person.csrf, "default_visibility": wanted}
        form |= dict.fromkeys(current[1], "on")
        saved = send(conns[writer.name], person, "POST", "/settings/", form=form)
        shown = preferences_of(get(reader, "/settings/").body)[0]
        week = get(reader, "/week/")
        check(
            saved.status == 302 and shown == wanted and f'value="{wanted}" selected' in week.body,
            f"default sharing set to {wanted} on {writer.name}; {reader.name} shows it",
        )
    out = send(conns[b.name], person, "POST", "/accounts/logout/", form={})
    after = get(a, "/week/")
    check(
        out.status in (200, 302) and after.status == 302 and "/accounts/login/" in after.location,
        "signed out on B; A asks to sign in again",
    )
    for conn in conns.values():
        conn.close()
    return errors


INPUT_TAG = re.compile(r"<input[^>]*>")


def preferences_of(html: str) -> tuple[str, list[str]]:
    """The checked default sharing and the names of the ticked checkboxes on /settings/."""
    sharing, ticked = "", []
    for tag in INPUT_TAG.findall(html):
        name = re.search(r'name="([^"]+)"', tag)
        if not name or " checked" not in tag:
            continue
        if name.group(1) == "default_visibility":
            sharing = re.search(r'value="([^"]+)"', tag).group(1)
        elif 'type="checkbox"' in tag:
            ticked.append(name.group(1))
    return sharing, ticked


# Running ----------------------------------------------------------------------------------------


@contextlib.contextmanager
def throwaway_database(server: str, name: str) -> Iterator[str]:
    admin_sql(server, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    admin_sql(server, f'CREATE DATABASE "{name}"')
    try:
        yield database_url(server, name)
    finally:
        admin_sql(server, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def count_logged() -> int:
    """Entries the quick-adds saved, as the database has them."""
    from django.db import connection

    from evidence.models import Entry

    found = Entry.objects.filter(title__startswith=QUICK_ADD_PREFIX).count()
    connection.close()
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=60, help="load duration (default 60)")
    parser.add_argument("--users", type=int, default=8, help="concurrent people (default 8)")
    parser.add_argument(
        "--engineers", type=int, default=40, help="engineers added to the demo (default 40)"
    )
    args = parser.parse_args()
    server = os.environ.get("TEST_DATABASE_URL") or DEFAULT_SERVER
    if not server.startswith(("postgres://", "postgresql://")):
        sys.exit("The load test needs PostgreSQL: set TEST_DATABASE_URL=postgres://…")
    started = time.perf_counter()
    errors: list[str] = []
    servers: list[Server] = []
    with (
        throwaway_database(server, LOAD_DATABASE_NAME) as url,
        tempfile.TemporaryDirectory(prefix="promo-load-") as logs,
    ):
        env = server_env(url, secrets.token_urlsafe(50))
        os.environ.update(env)  # this process builds the database with the same settings
        try:
            counts = build_database(max(args.engineers, FEWEST_EXTRA))
            print(
                f"database {LOAD_DATABASE_NAME}: {counts['people']} people,"
                f" {counts['entries']} entries; built in {time.perf_counter() - started:.0f} s"
                f" ({counts['took']})"
            )
            a = start_server("A", env, Path(logs))
            servers.append(a)
            cast = CAST[: min(args.users, len(CAST))]
            signing = time.perf_counter()
            people = [sign_in(a.port, username, role) for username, role in cast]
            print(
                f"gunicorn A: {WORKERS} sync workers on {HOST}:{a.port};"
                f" {len(people)} people signed in once each in"
                f" {time.perf_counter() - signing:.1f} s"
            )
            print(
                f"load: {args.users} concurrent users for {args.seconds:.0f} s, no think time,"
                f" on {os.cpu_count()} CPUs shared by gunicorn, PostgreSQL and this client"
                f" (load average before: {os.getloadavg()[0]:.1f})"
            )
            load_errors, added = load(a, people, args.users, args.seconds)
            print(f"load average after: {os.getloadavg()[0]:.1f}")
            errors += load_errors
            logged = count_logged()
            if logged != len(added):
                errors.append(f"{len(added)} quick-adds answered Logged, {logged} entries saved")
            print(f"quick-add: {len(added)} entries logged and {logged} found in the database")
            b = start_server("B", env, Path(logs))
            servers.append(b)
            errors += two_servers(a, b)
        except Exception as exc:
            errors.append(f"{type(exc).__name__}: {exc}")
        finally:
            for s in servers:
                stop_server(s)
            if errors:
                for s in servers:
                    print(f"\n--- last lines of gunicorn {s.name}'s log ---\n{s.tail()}")
    print(f"\nwall time {time.perf_counter() - started:.0f} s")
    if errors:
        print(f"\n{len(errors)} errors:")
        for error, times in Counter(errors).most_common(20):
            print(f"  {times} x {error}")
        sys.exit(1)
    print("no errors")


if __name__ == "__main__":
    main()
