"""Weekly pages benchmark: the pages people open every week, against a bare signed-in page.

`make bench` runs it after the readiness benchmark (alone: `python -m tests.bench.weekly_bench`;
PostgreSQL with TEST_DATABASE_URL, as there). It builds one engineer with 18 months of weekly
entries (three this week, behaviours tagged, a mentor's verdicts on a third of the shared ones,
one entry logged, edited, judged and answered through the services), their mentor and their
manager, in a throwaway database, and prints each page's median server time beside its target
as a ratio to a bare signed-in page measured in the same rounds. It asserts nothing.

It measures what production runs: DEBUG off; the cached template loader (promo/settings.py
always uses it, and the test runner's template instrumentation is never installed); the
static files through the manifest storage production uses, after a collectstatic into a
temporary folder, and WhiteNoise without the tests' autorefresh and finders; HTTPS as the
proxy reports it, so SECURE_SSL_REDIRECT is on as in production; CSRF checked on the POST.
Only the password hasher (unused: sessions come from force_login) and the database (in-memory
SQLite unless TEST_DATABASE_URL is set) differ. `--profile` adds where each page spends its
time.
"""

import argparse
import random
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from http import HTTPStatus

from tests.bench import readiness_bench as bench  # sets Django up: before any model import

# isort: split
from django.conf import settings
from django.contrib.auth.base_user import AbstractBaseUser
from django.core.management import call_command
from django.test import Client
from django.test.utils import override_settings
from django.urls import reverse

from evidence import services as evidence_services
from evidence.models import Entry, week_start
from promo.models import Behaviour, Mentorship, Visibility
from reviews.feedback import services as feedback_services
from reviews.models import Verdict
from tests.bench.urls import LAYOUT_URL, TRIVIAL_URL

HISTORY_YEARS = 1.5  # 78 weekly entries
RUNS = 15
WARMUPS = 3
QUICK_TITLE = "Bench quick add"
HTMX = {"HTTP_HX_REQUEST": "true"}
# HTTPS at the proxy (SECURE_PROXY_SSL_HEADER), with the host it forwards
BEHIND_THE_PROXY = {"X-Forwarded-Proto": "https", "Host": "testserver"}
PRODUCTION = {
    "DEBUG": False,
    "SECURE_SSL_REDIRECT": True,
    "WHITENOISE_AUTOREFRESH": False,
    "WHITENOISE_USE_FINDERS": False,
    "ROOT_URLCONF": "tests.bench.urls",
}
MANIFEST = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
TARGETS = {  # page: its target ratio, and what the ratio is to
    "trivial view": (None, ""),
    "trivial, signed in": (None, "trivial"),
    "empty layout": (None, "trivial"),
    "bare signed-in page": (3.0, "trivial"),
    "quick-add POST": (1.5, "bare"),
    "This week": (2.0, "bare"),
    "home": (2.0, "bare"),
    "entry page": (2.0, "bare"),
    "mentor's inbox": (2.0, "bare"),
}
QUICK_ADD_MAX_QUERIES = 8


@dataclass(frozen=True)
class Cast:
    engineer: AbstractBaseUser
    mentor: AbstractBaseUser
    manager: AbstractBaseUser
    entry: Entry  # this week's, edited, judged and answered: the entry page measured


@dataclass(frozen=True)
class Row:
    name: str
    ms: float
    queries: int
    ratio: float | None
    target: float | None
    to: str


def build() -> Cast:
    """The engineer's history as the readiness benchmark writes it, then this week's two other
    entries through the services, the way the pages write them (revisions, notifications)."""
    org = bench.build_org(random.Random(bench.SEED))
    engineer = bench.add_engineers(org, 1, years=HISTORY_YEARS)[0]
    mentor = Mentorship.objects.get(engineer=engineer).mentor
    claimed = list(Behaviour.objects.filter(pk__in=org.behaviours[:2]))
    this_week = week_start(bench.AS_OF)
    entries = [
        evidence_services.entry_log(
            author=engineer,
            data=evidence_services.EntryData(
                title=f"Second win of the week {n}",
                week_of=this_week,
                body="Ran the failover dry run with the payments team.",
                behaviours=tuple(claimed),
                impact="Half the pages on call.",
                links=(("https://example.com/design", "Design doc"),),
                visibility=Visibility.MENTORS_AND_MANAGERS,
            ),
        )
        for n in (2, 3)
    ]
    entry = evidence_services.entry_update(
        entry=entries[0],
        editor=engineer,
        expected_version=1,
        data=evidence_services.EntryData(
            title=entries[0].title,
            week_of=this_week,
            body="Ran the failover dry run with the payments team.\n\nAnd wrote the runbook.",
            behaviours=tuple(claimed),
            visibility=Visibility.MENTORS_AND_MANAGERS,
        ),
    )
    feedback = feedback_services.feedback_post(
        entry=entry,
        mentor=mentor,
        data=feedback_services.FeedbackData(
            body="Strong; what would make it next-level is a mechanism other teams use.",
            verdicts={claimed[0].pk: Verdict.DEMONSTRATED, claimed[1].pk: Verdict.GAP},
            gap_note="Turn the runbook into a shared tool.",
            gap_behaviour=claimed[1],
        ),
    )
    feedback_services.reply_post(feedback=feedback, author=engineer, body="Started on it.")
    return Cast(engineer=engineer, mentor=mentor, manager=org.managers[0], entry=entry)


def signed_in(user: AbstractBaseUser) -> Client:
    """A client with `user`'s session, over HTTPS as the proxy reports it, CSRF enforced."""
    client = Client(enforce_csrf_checks=True, headers=BEHIND_THE_PROXY)
    client.force_login(user)
    return client


def get(client: Client, url: str, **headers: str) -> Callable[[], object]:
    def call() -> object:
        response = client.get(url, **headers)
        if response.status_code != HTTPStatus.OK:
            raise RuntimeError(f"GET {url} answered {response.status_code}, not 200.")
        return response

    return call


def quick_add(client: Client, behaviours: list[int]) -> Callable[[], object]:
    """The htmx POST of *This week*'s form, with the CSRF token the page gave."""
    week = reverse("evidence:week")
    get(client, week)()
    token = client.cookies[settings.CSRF_COOKIE_NAME].value
    data = {
        "quick": "1",
        "title": QUICK_TITLE,
        "kind": "weekly_win",
        "visibility": Visibility.MENTORS,
        "behaviours": behaviours,
    }
    url = reverse("evidence:create")

    def call() -> object:
        response = client.post(
            url, data, HTTP_X_CSRFTOKEN=token, HTTP_REFERER=f"https://testserver{week}", **HTMX
        )
        if response.status_code != HTTPStatus.OK or b"Logged" not in response.content:
            raise RuntimeError(f"POST {url} answered {response.status_code}, not a logged entry.")
        return response

    return call


def measure(cast: Cast, runs: int) -> list[Row]:
    engineer, mentor = signed_in(cast.engineer), signed_in(cast.mentor)
    anonymous = Client(headers=BEHIND_THE_PROXY)
    calls = {
        "trivial view": get(anonymous, TRIVIAL_URL),
        "trivial, signed in": get(engineer, TRIVIAL_URL),
        "empty layout": get(engineer, LAYOUT_URL),
        "bare signed-in page": get(engineer, bench.BARE_URL),
        "This week": get(engineer, reverse("evidence:week")),
        "home": get(engineer, reverse("home")),
        "entry page": get(engineer, cast.entry.get_absolute_url()),
        "mentor's inbox": get(mentor, reverse("reviews:inbox")),
    }
    mentor_bare = get(mentor, bench.BARE_URL)
    queries = {name: bench.query_count(call) for name, call in calls.items()}
    *times, mentor_bare_ms = bench.medians_ms(
        *calls.values(), mentor_bare, runs=runs, warmups=WARMUPS
    )
    ms = dict(zip(calls, times, strict=True))
    # The quick add in rounds of its own (each POST adds an entry, which the pages above list),
    # beside the same bare page; the entries it added are deleted after.
    tags = list(cast.entry.behaviours.values_list("pk", flat=True))
    post = quick_add(engineer, tags)
    ms["quick-add POST"], quick_bare_ms = bench.medians_ms(
        post, calls["bare signed-in page"], runs=runs, warmups=WARMUPS
    )
    queries["quick-add POST"] = bench.query_count(post)  # the next of a run of wins
    Entry.objects.filter(title=QUICK_TITLE).delete()
    bare_of = {
        "trivial": ms["trivial view"],
        "bare": ms["bare signed-in page"],
    }
    rows = []
    for name, (target, to) in TARGETS.items():
        floor = bare_of.get(to)
        if name == "mentor's inbox":
            floor = mentor_bare_ms
        elif name == "quick-add POST":
            floor = quick_bare_ms
        rows.append(
            Row(
                name=name,
                ms=ms[name],
                queries=queries[name],
                ratio=ms[name] / floor if floor else None,
                target=target,
                to=to,
            )
        )
    return rows


def print_table(rows: list[Row]) -> None:
    print(f"\n{'page':<20} {'ms':>7} {'ratio':>6} {'target':>26} {'queries':>8}")
    for r in rows:
        ratio = f"{r.ratio:.2f}" if r.ratio is not None else "-"
        target = f"<= {r.target:.1f}x {r.to}" if r.target is not None else "-"
        if r.name == "quick-add POST":
            target += f", <= {QUICK_ADD_MAX_QUERIES} q"
        print(f"{r.name:<20} {r.ms:>7.1f} {ratio:>6} {target:>26} {r.queries:>8}")
    print(
        "ratios: each page to the bare signed-in page of its viewer timed in the same rounds"
        " (the inbox to the mentor's); the bare page to a trivial view answering 'ok' through"
        " the same middleware, anonymous"
    )


def run(*, profiling: bool, runs: int) -> None:
    started = time.perf_counter()
    cast = build()
    print(f"database: {bench.database_label()}")
    print(
        f"one engineer, {Entry.objects.filter(author=cast.engineer).count()} entries over"
        f" {HISTORY_YEARS} years (built in {time.perf_counter() - started:.1f} s);"
        f" median of {runs} runs after {WARMUPS} warm-ups"
    )
    print_table(measure(cast, runs))
    if profiling:
        engineer = signed_in(cast.engineer)
        tags = list(cast.entry.behaviours.values_list("pk", flat=True))
        for title, call in (
            ("quick-add POST", quick_add(engineer, tags)),
            ("This week", get(engineer, reverse("evidence:week"))),
            ("home", get(engineer, reverse("home"))),
            ("entry page", get(engineer, cast.entry.get_absolute_url())),
            ("mentor's inbox", get(signed_in(cast.mentor), reverse("reviews:inbox"))),
            ("bare signed-in page", get(engineer, bench.BARE_URL)),
        ):
            bench.profile(title, call)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--profile", action="store_true", help="profile one request of each page")
    parser.add_argument("--runs", type=int, default=RUNS, help="rounds (default: %(default)s)")
    args = parser.parse_args()
    started = time.perf_counter()
    with (
        tempfile.TemporaryDirectory() as static_root,
        override_settings(STATIC_ROOT=static_root, STORAGES=MANIFEST, **PRODUCTION),
    ):
        call_command("collectstatic", interactive=False, verbosity=0)
        with bench.throwaway_database():
            run(profiling=args.profile, runs=args.runs)
    print(f"weekly pages: wall time {time.perf_counter() - started:.1f} s")


if __name__ == "__main__":
    main()
