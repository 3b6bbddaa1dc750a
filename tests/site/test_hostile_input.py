"""Hostile input through every form: script injection, oversized fields, odd Unicode, NUL bytes,
SQL-looking strings and malformed dates.

For every form that takes text or dates this checks three things:

(a) every page that shows the saved value carries no executable markup (an HTML parser looks for
    script elements other than the site's htmx and menu, on* and hx-on attributes, javascript:/data:/
    vbscript: URLs, and iframe/object/embed/style/svg/img... elements) while the value itself is
    still shown, as text;
(b) every rejection explains itself on the page and is never a 500; without htmx it answers 4xx,
    with htmx 200 (htmx 2 swaps no 4xx answer in, so a 4xx message would never be seen);
(c) the database keeps what was valid: a rejected write changes no row at all, and accepted odd
    Unicode (and SQL-looking text) is stored and shown exactly as typed.

Run it on SQLite and on PostgreSQL (TEST_DATABASE_URL=postgres://...): PostgreSQL refuses NUL
bytes in text, so a NUL that slips past a form is a 500 there and not on SQLite.

The corpus found a 500 on every refused feedback note without JavaScript, NUL bytes reaching
PostgreSQL through the brag import and through addresses, "²" passing isdigit() into int(),
refused forms answering 200, and htmx answers that hid their errors; all are fixed and pinned
here.
"""

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from html.parser import HTMLParser

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.validators import ProhibitNullCharactersValidator
from django.db import connection
from django.test import Client
from django.urls import reverse

from evidence import brag_import
from evidence import forms as evidence_forms
from evidence import views as evidence_views
from evidence.models import (
    BODY_MAX,
    IMPACT_MAX,
    LINKS_MAX,
    TITLE_MAX,
    Entry,
    EntryBehaviour,
    EntryLink,
    EntryRevision,
)
from promo.forms import NO_SUCH_PERSON
from promo.markdown import render_markdown
from promo.models import Behaviour, Mentorship, Notification, Person, Visibility
from reviews.checks import services as check_services
from reviews.feedback import forms as feedback_forms
from reviews.models import (
    ANSWER_COMMENT_MAX,
    COMMITTEE_MAX,
    GAP_MAX,
    NARRATIVE_MAX,
    NOTE_MAX,
    POINT_MAX,
    REPLY_MAX,
    BehaviourVerdict,
    CheckQuestion,
    ClericalCheck,
    CommitteePoint,
    Feedback,
    FeedbackRevision,
    Narrative,
    PromoAttempt,
    PromoDocument,
    Reply,
)
from reviews.packet import forms as packet_forms
from reviews.packet import services as packet_services
from reviews.readiness import labels as readiness_labels
from tests.conftest import client_for as signed_in
from tests.conftest import make_levels
from tests.factories import (
    EntryFactory,
    MentorshipFactory,
    PersonFactory,
    PromoDocumentFactory,
    UserFactory,
    feedback_for,
)
from tests.support import module_world, url_patterns

ON_POSTGRES = settings.DATABASES["default"]["ENGINE"].endswith("postgresql")

# === The corpus ================================================================================

# Script injection. Each is typed into plain-text fields (shown escaped) and Markdown fields
# (rendered by promo.markdown.render_markdown); none may come out executable.
XSS = {
    "script": "<script>alert(1)</script>",
    "img-onerror": "<img src=x onerror=alert(1)>",
    "attribute-breakout-svg": '"><svg onload=alert(1)>',
    "single-quote-breakout": "'><svg/onload=alert(1)>",
    "svg-script": "<svg><script>alert(1)</script></svg>",
    "html-javascript-link": '<a href="javascript:alert(1)">click</a>',
    "markdown-javascript-link": "[click](javascript:alert(1))",
    "markdown-javascript-image": "![pic](javascript:alert(1))",
    "markdown-data-link": "[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "markdown-data-image": "![pic](data:image/png;base64,iVBORw0KGgo=)",
    "markdown-vbscript-link": "[click](vbscript:msgbox(1))",
    "entity-encoded-javascript": '<a href="jav&#x61;script:alert(1)">click</a>',
    "markdown-entity-javascript": "[click](jav&#x61;script:alert(1))",
    "markdown-mixed-case-javascript": "[click](JaVaScRiPt:alert(1))",
    "markdown-reference-javascript": "[click][evil]\n\n[evil]: javascript:alert(1)",
    "iframe": '<iframe src="https://evil.example/"></iframe>',
    "style": "<style>body { display: none }</style>",
    "event-handlers": '<p onclick="alert(1)" onmouseover=alert(1)>hover</p>',
    "html-in-link-title": '[click](https://example.com "<script>alert(1)</script>")',
    "link-title-breakout": '[click](https://example.com "a\\" onmouseover=\\"alert(1)")',
    "autolink-javascript": "<javascript:alert(1)>",
    "autolink-breakout": '<https://example.com/"onmouseover="alert(1)>',
    "object-embed": '<object data="evil.swf"></object><embed src="evil.swf">',
    "form-action": '<form action="javascript:alert(1)"><button formaction="javascript:alert(1)">go</button></form>',
    "meta-refresh": '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
    "noscript-mutation": '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
    "textarea-breakout": "</textarea><script>alert(1)</script>",
    "title-breakout": "</title><script>alert(1)</script>",
    "htmx-attributes": '<div hx-on:load="alert(1)" hx-get="/admin/" hx-trigger="load">x</div>',
    "markdown-html-block": "<div>\n<script>alert(1)</script>\n</div>",
    "unclosed-comment": "<!-- <script>alert(1)</script>",
    "cdata": "<![CDATA[<script>alert(1)</script>]]>",
    "server-template": "{{ request.user.password }}{% debug %}",
}
XSS_ALL_AT_ONCE = "\n\n".join(XSS.values())
MARKDOWN_PAYLOADS = {**XSS, "all-at-once": XSS_ALL_AT_ONCE}
# Every field reaches a page either escaped by Django's templates or through render_markdown, so
# render_markdown meets every payload (test_render_markdown_...) and each form meets these: all
# payloads at once (where the field is long enough), and the ones that break out of attributes,
# elements and URLs when a field is short.
FORM_PAYLOADS = {
    key: MARKDOWN_PAYLOADS[key]
    for key in (
        "all-at-once",
        "script",
        "attribute-breakout-svg",
        "single-quote-breakout",
        "textarea-breakout",
        "title-breakout",
        "markdown-javascript-link",
        "entity-encoded-javascript",
        "htmx-attributes",
    )
}

SQL = {
    "drop-table": "'; DROP TABLE evidence_entry; --",
    "or-true": "' OR 1=1 --",
    "union": "' UNION SELECT password FROM auth_user --",
    "like-wildcards": "100% of _every_ row",
    "backslash-quote": "\\'; SELECT pg_sleep(5); --",
}

# Accepted, and kept exactly as typed.
UNICODE = {
    "rtl-override": "Invoice \u202egnp.exe\u202c reviewed",
    "zero-width": "zero\u200bwidth\u200cnon\u200djoiner\u2060word",
    "combining-marks": "Z\u0351\u0307a\u0300\u0301l\u0334g\u0352o and caf\u0065\u0301",
    "emoji": "Shipped \U0001f680 on time \u2705",
    "emoji-zwj": "Team \U0001f469\u200d\U0001f4bb \U0001f468\u200d\U0001f469\u200d\U0001f467\u200d\U0001f466 \U0001f3f3\ufe0f\u200d\U0001f308 \U0001f44d\U0001f3fd \U0001f1ec\U0001f1e7",
    "astral-letters": "\U0001d573\U0001d58a\U0001d591\U0001d591\U0001d594 \U0001d7d9\U0001d7da\U0001d7db \U00010348",
    "bom-and-spaces": "\ufeffBOM, no\u00a0break and thin\u2009spaces",
    "scripts-mixed": "日本語 と العربية و עברית",
}

NUL = "before\x00after"  # PostgreSQL refuses NUL in text: forms must refuse it first
NUL_MESSAGE = str(ProhibitNullCharactersValidator.message)

HUGE = "A" * 1_000_000  # a 1 MB field

BAD_DATES = {
    "february-30": "2026-02-30",
    "month-first": "12/31/2026",  # the site is en-GB: no month 31
    "year-zero": "0000-01-01",
    "all-nines": "9999-99-99",
    "a-word": "yesterday",
    "sql": "2026-01-01'; --",
    "nul": "2026-01-01\x00",
    "five-digit-year": "20260-01-01",
}
# en-GB reads this as 31 December 2026: a real date, refused where the future is refused (and
# by the brag-document import, where 03/10/2025 would be ambiguous).
DAY_FIRST = "31/12/2026"
FAR_PAST = "0001-01-01"
FAR_FUTURE = "9999-12-31"
INVALID_DATE = "Enter a valid date."
INVALID_CHOICE = "Select a valid choice."
# The entry form names what it expects instead (evidence.forms; also the API's words).
KIND_REFUSED = "is not a kind of entry; use weekly_win, work_summary, vision_doc or moment."
SHARE_REFUSED = "is not a way to share an entry; use private, mentors or mentors_and_managers."

CANARY = "zanzibarcanary"  # one plain word, so both databases' search finds the entry
SHARED = Visibility.MENTORS_AND_MANAGERS


def one_line(text: str, limit: int | None = None) -> str:
    flat = " ".join(text.split())
    return flat[:limit] if limit else flat


def as_rendered(markdown: str) -> str:
    """The text a reader sees once Markdown is rendered ("_a_" reads "a")."""
    return page_text(str(render_markdown(markdown))).strip()


def too_long(limit: int, n: int) -> str:
    return f"Ensure this value has at most {limit} characters (it has {n})."


# === Reading pages =============================================================================

URL_ATTRIBUTES = {
    "href", "src", "action", "formaction", "xlink:href", "data", "poster", "background",
    "srcset", "ping", "cite", "codebase", "lowsrc", "dynsrc", "manifest", "srcdoc",
}  # fmt: skip
FORBIDDEN_TAGS = {
    "iframe", "frame", "frameset", "object", "embed", "applet", "style", "svg", "math", "base",
    "img", "video", "audio", "source", "portal", "noscript",
}  # fmt: skip
BAD_SCHEMES = ("javascript:", "data:", "vbscript:")
SCRIPT_PREFIX = f"{settings.STATIC_URL}vendor/htmx/"
# The site's own scripts, each at most once a page: htmx, the phone menu (static/js/menu.js) and
# the inbox's keyboard triage (static/js/triage.js).
SITE_SCRIPTS = (
    SCRIPT_PREFIX,
    f"{settings.STATIC_URL}js/menu.js",
    f"{settings.STATIC_URL}js/triage.js",
    f"{settings.STATIC_URL}js/heatmap.js",
    f"{settings.STATIC_URL}js/shortcuts.js",
    f"{settings.STATIC_URL}js/suggestions.js",
)


def _dangerous_url(value: str | None) -> bool:
    """Browsers ignore control characters and spaces inside a scheme: so does this."""
    squashed = re.sub(r"[\x00-\x20\x7f]+", "", value or "").lower()
    return squashed.startswith(BAD_SCHEMES)


class _Page(HTMLParser):
    """Collects the executable markup of a page, and its text (entities decoded)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.problems: list[str] = []
        self.text: list[str] = []
        self.values: list[str] = []  # input values and the like: what a form echoes back
        self.scripts: list[str] = []  # which of SITE_SCRIPTS each script element was
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._check(tag, attrs)
        self._in_script = tag == "script"

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._check(tag, attrs)

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._in_script = False

    def handle_data(self, data: str) -> None:
        if self._in_script and data.strip():
            self.problems.append(f"inline script: {data[:80]!r}")
        self.text.append(data)

    def _check(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if tag == "script":
            src = found.get("src") or ""
            known = next((s for s in SITE_SCRIPTS if src.startswith(s)), None)
            if known is None or known in self.scripts:
                self.problems.append(f"<script {attrs}>")
            self.scripts.append(known or src)
        if tag in FORBIDDEN_TAGS:
            self.problems.append(f"<{tag} {attrs}>")
        if tag == "meta" and "http-equiv" in found:
            self.problems.append(f"<meta {attrs}>")
        if tag == "link" and not (found.get("href") or "").startswith(settings.STATIC_URL):
            self.problems.append(f"<link {attrs}>")
        for name, value in attrs:
            handler = name.startswith(("on", "hx-on", "data-hx-on")) or name == "srcdoc"
            if handler or (name in URL_ATTRIBUTES and _dangerous_url(value)):
                self.problems.append(f"<{tag} {name}={value!r}>")
            if name in ("value", "title", "aria-label", "placeholder") and value:
                self.values.append(value)


def parse(html: str) -> _Page:
    page = _Page()
    page.feed(html)
    page.close()
    return page


def _html(response_or_html) -> str:
    if isinstance(response_or_html, str):
        return response_or_html
    return response_or_html.content.decode()


def assert_inert(response_or_html, where: str = "") -> _Page:
    page = parse(_html(response_or_html))
    assert not page.problems, f"executable markup on {where or 'the page'}: {page.problems}"
    return page


def page_text(response_or_html) -> str:
    return "".join(parse(_html(response_or_html)).text)


def visit(client, url: str, *, shows: tuple[str, ...] = (), status: int = 200) -> str:
    """GET a page: the expected status, nothing executable, and each of `shows` as text."""
    response = client.get(url)
    assert response.status_code == status, (url, response.status_code)
    page = assert_inert(response, url)
    text = "".join(page.text)
    for expected in shows:
        assert expected in text, f"{url} does not show {expected[:60]!r} as text"
    return text


def assert_download_inert(response, content_type: str) -> str:
    """An export is a file to save, never a page: its own type, an attachment, no sniffing."""
    assert response.status_code == 200
    assert response["Content-Type"].startswith(content_type)
    assert response["Content-Disposition"].startswith("attachment;")
    assert response["X-Content-Type-Options"] == "nosniff"
    return response.content.decode()


def assert_refused(response, *messages: str, status: int | None = None) -> str:
    """A rejection: no 500, every message on the page in plain words, nothing executable."""
    assert response.status_code < 500
    if status is not None:
        assert response.status_code == status
    text = "".join(assert_inert(response).text)
    for message in messages:
        assert message in text, f"the page does not say {message!r}"
    return text


@pytest.mark.parametrize(
    "html",
    [
        "<script>alert(1)</script>",
        '<script src="https://evil.example/x.js"></script>',
        f'<script src="{SCRIPT_PREFIX}htmx.js"></script><script src="{SCRIPT_PREFIX}htmx.js"></script>',
        f'<script src="{SCRIPT_PREFIX}htmx.js">alert(1)</script>',
        "<img src=x onerror=alert(1)>",
        "<p ONMOUSEOVER=alert(1)>x</p>",
        '<a href="jav&#x61;script:alert(1)">x</a>',
        '<a href=" java\tscript:alert(1)">x</a>',
        '<a href="DATA:text/html,x">x</a>',
        '<form action="vbscript:x"><button formaction="javascript:x">go</button></form>',
        '<iframe srcdoc="x"></iframe>',
        "<style>body{}</style>",
        "<svg><circle /></svg>",
        "<object data=x></object>",
        "<embed src=x>",
        '<div hx-on:click="alert(1)">x</div>',
        '<meta http-equiv="refresh" content="0;url=https://evil.example/">',
        '<link rel="stylesheet" href="https://evil.example/x.css">',
    ],
)
def test_the_markup_check_catches_what_it_looks_for(html):
    assert parse(html).problems


def test_the_markup_check_passes_the_sites_own_page(world):
    visit(client_for(world.engineer), reverse("evidence:week"))


# === The database, all of it ===================================================================

DB_TABLES = (
    Entry, EntryBehaviour, EntryLink, EntryRevision, Feedback, BehaviourVerdict, Reply,
    FeedbackRevision, PromoDocument, Narrative, PromoAttempt, CommitteePoint, ClericalCheck,
    CheckQuestion, Mentorship, Person, Notification,
)  # fmt: skip


def db_state() -> dict[str, list[tuple]]:
    """Every row, every column, of every table a form writes to: a rejection must leave all of
    it unchanged. Plain SQL, one statement a table: each refusal takes two of these."""
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        state = {}
        for model in DB_TABLES:
            table, pk = quote(model._meta.db_table), quote(model._meta.pk.column)
            cursor.execute(f"SELECT * FROM {table} ORDER BY {pk}")
            state[model.__name__] = cursor.fetchall()
    return state


# === The cast and their things =================================================================


@dataclass
class World:
    engineer: object
    mentor: object
    manager: object
    respondent: object
    scope: object  # the engineer's target-level behaviour every entry claims
    mentoring: object
    entry: Entry  # shared with mentors and managers; shipped long ago, impact not measured yet
    feedback: Feedback  # the mentor's, on `entry`
    document: PromoDocument  # shared with the manager and mentors
    attempt: PromoAttempt  # pending
    decided: PromoAttempt  # denied, so points can be added
    question: CheckQuestion  # open, asked of `respondent`, the document shared


def build_world() -> dict[str, int]:
    """The cast (as tests/conftest.py makes it) and their things; the ids of what World holds."""
    levels = make_levels()
    staff = levels[2]
    scope = staff.behaviours.get(slug="scope")
    skip = PersonFactory(user=UserFactory(username="skip"), title="Director").user
    manager = PersonFactory(
        user=UserFactory(username="manager"), manager=skip.person, title="EM"
    ).user
    engineer = PersonFactory(
        user=UserFactory(username="engineer", first_name="Amara"),
        manager=manager.person,
        current_level=levels[1],
        target_level=staff,
    ).user
    mentor = PersonFactory(user=UserFactory(username="mentor"), title="Principal Engineer").user
    MentorshipFactory(engineer=engineer, mentor=mentor, state=Mentorship.State.ACTIVE)
    respondent = PersonFactory(
        user=UserFactory(username="senior", first_name="Grace", last_name="Hopper"),
        title="Principal Engineer",
    ).user
    entry = EntryFactory(
        author=engineer,
        title="Led the ledger migration",
        week_of=date(2026, 9, 9),
        body=f"{CANARY} original body",
        behaviours=(scope,),
        impact="Fewer refunds",
        shipped_on=date(2026, 6, 1),
        links=(("https://example.com/rfc", "RFC"),),
        visibility=SHARED,
    )
    document = PromoDocumentFactory(
        engineer=engineer, level=staff, share_manager=True, share_mentors=True
    )
    attempt = packet_services.attempt_record(
        actor=manager, engineer=engineer, level=staff, submitted_on=date(2026, 11, 2)
    )
    decided = packet_services.attempt_record(
        actor=manager, engineer=engineer, level=staff, submitted_on=date(2026, 5, 4)
    )
    packet_services.attempt_decide(
        decided, actor=manager, outcome="denied", decided_on=date(2026, 6, 1), feedback="Narrow"
    )
    check = check_services.check_create(
        engineer=engineer, asked_by=engineer, respondents=[respondent], share_document=True
    )
    return {
        "engineer": engineer.pk,
        "mentor": mentor.pk,
        "manager": manager.pk,
        "respondent": respondent.pk,
        "scope": scope.pk,
        "mentoring": staff.behaviours.get(slug="mentoring").pk,
        "entry": entry.pk,
        "feedback": feedback_for(entry, mentor, "flashes", body="Good start").pk,
        "document": document.pk,
        "attempt": attempt.pk,
        "decided": decided.pk,
        "question": CheckQuestion.objects.get(clerical_check=check, respondent=respondent).pk,
    }


# Signed in once for the module, as the matrix does: signing in costs more than most requests.
SESSIONS: dict[int, str] = {}  # user id -> session key, while the module's world stands


def client_for(user) -> Client:
    """A client with the user's session of the module, or signed in afresh for anyone else."""
    if user.pk not in SESSIONS:
        return signed_in(user)
    client = Client()
    client.cookies[settings.SESSION_COOKIE_NAME] = SESSIONS[user.pk]
    return client


@pytest.fixture(scope="module")
def world_ids(django_db_setup, django_db_blocker) -> Iterator[dict[str, int]]:
    """Built once for the module and committed (tests.support.module_world), its people signed
    in once."""

    def build() -> dict[str, int]:
        ids = build_world()
        for role in ("engineer", "mentor", "manager", "respondent"):
            user = get_user_model().objects.get(pk=ids[role])
            SESSIONS[user.pk] = signed_in(user).cookies[settings.SESSION_COOKIE_NAME].value
        return ids

    try:
        yield from module_world(django_db_blocker, build)
    finally:
        SESSIONS.clear()


@pytest.fixture
def world(world_ids, db) -> World:
    """The module's world, read afresh for each test: a test's writes (and the instances it
    changed) are gone when the next one starts."""
    users = (
        get_user_model()
        .objects.select_related("person")
        .in_bulk([world_ids[role] for role in ("engineer", "mentor", "manager", "respondent")])
    )
    behaviours = Behaviour.objects.in_bulk([world_ids["scope"], world_ids["mentoring"]])
    return World(
        engineer=users[world_ids["engineer"]],
        mentor=users[world_ids["mentor"]],
        manager=users[world_ids["manager"]],
        respondent=users[world_ids["respondent"]],
        scope=behaviours[world_ids["scope"]],
        mentoring=behaviours[world_ids["mentoring"]],
        entry=Entry.objects.get(pk=world_ids["entry"]),
        feedback=Feedback.objects.get(pk=world_ids["feedback"]),
        document=PromoDocument.objects.get(pk=world_ids["document"]),
        attempt=PromoAttempt.objects.get(pk=world_ids["attempt"]),
        decided=PromoAttempt.objects.get(pk=world_ids["decided"]),
        question=CheckQuestion.objects.get(pk=world_ids["question"]),
    )


HTMX = {"HTTP_HX_REQUEST": "true"}


def entry_data(w: World, **fields: object) -> dict:
    data = {
        "title": "Ran the failover dry run",
        "kind": "work_summary",
        "week_of": "2026-11-18",
        "body": f"{CANARY} details",
        "behaviours": [w.scope.pk],
        "impact": "",
        "shipped_on": "",
        "impact_measured": "",
        "links": "",
        "visibility": SHARED,
    }
    return {**data, **fields}


def edit_data(w: World, **fields: object) -> dict:
    return entry_data(w, **({"version": w.entry.version} | fields))


def feedback_data(w: World, **fields: object) -> dict:
    return {"body": "Clear write-up.", f"verdict_{w.scope.pk}": "demonstrated", **fields}


def url(name: str, *args: object) -> str:
    return reverse(name, args=args)


# === (a) nothing executable, wherever the value is shown =======================================


@pytest.mark.parametrize("payload", MARKDOWN_PAYLOADS.values(), ids=MARKDOWN_PAYLOADS.keys())
def test_render_markdown_leaves_nothing_executable(payload):
    """The one door for user HTML, met by every payload, alone and inside a list and a quote."""
    for text in (
        payload,
        f"- {payload}",
        f"> {payload}",
        f"**{payload}**",
        f"[{payload}](https://example.com)",
    ):
        assert_inert(str(render_markdown(text)), f"render_markdown({text!r})")


@pytest.mark.parametrize("payload", FORM_PAYLOADS.values(), ids=FORM_PAYLOADS.keys())
def test_entry_form_text_is_inert_on_every_page_that_shows_it(world, payload):
    w = world
    title = one_line(payload, TITLE_MAX)
    label = one_line(payload, 120)
    fields = {
        "title": title,
        "body": f"{CANARY}\n\n{payload}",
        "impact": payload[:IMPACT_MAX],
        "impact_measured": payload[:IMPACT_MAX],
        "links": f"https://example.com/doc {label}",
        "shipped_on": "2026-06-01",
    }
    engineer = client_for(w.engineer)
    response = engineer.post(url("evidence:create"), entry_data(w, **fields))
    assert response.status_code == 302
    entry = Entry.objects.get(author=w.engineer, title=title)
    assert entry.body == fields["body"] and entry.impact == payload[:IMPACT_MAX].strip()
    assert [(link.url, link.label) for link in entry.links.all()] == [
        ("https://example.com/doc", label)
    ]
    detail = url("evidence:detail", entry.pk)
    visit(engineer, detail, shows=(title, CANARY, entry.impact, label))
    visit(engineer, url("evidence:edit", entry.pk), shows=(fields["body"],))
    visit(engineer, url("evidence:week") + "?before=2026-11-30", shows=(title,))
    visit(engineer, url("evidence:search") + f"?q={CANARY}", shows=(title,))
    assert_inert(engineer.get(url("evidence:search") + f"?q={CANARY}", **HTMX), "search results")
    preview = engineer.post(url("evidence:preview"), {"body": fields["body"]})
    assert CANARY in "".join(assert_inert(preview, "the preview").text)
    visit(engineer, url("reviews:document", w.document.pk), shows=(title,))
    visit(engineer, url("reviews:document-print", w.document.pk), shows=(title,))
    visit(engineer, url("reviews:readiness", "engineer"))
    period = 2026 * 12 + 10  # November 2026: months since year 0, the ladder's periods being months
    cell = url("reviews:readiness-cell", "engineer") + f"?behaviour={w.scope.pk}&period={period}"
    visit(engineer, cell, shows=(title,))
    for other in (w.mentor, w.manager):
        client = client_for(other)
        visit(client, detail, shows=(title, CANARY))
        visit(client, url("evidence:person", "engineer"), shows=(title,))
        visit(client, url("evidence:search") + f"?q={CANARY}", shows=(title,))
        visit(client, url("reviews:readiness", "engineer"))
    visit(client_for(w.mentor), url("reviews:inbox"), shows=(title,))
    visit(client_for(w.manager), url("reviews:team"))

    markdown = assert_download_inert(engineer.get(url("evidence:export-md")), "text/markdown")
    assert title in markdown
    assert_inert(render_markdown(markdown), "the Markdown export, rendered")
    exported = json.loads(
        assert_download_inert(engineer.get(url("evidence:export-json")), "application/json")
    )
    mine = next(e for e in exported["entries"] if e["title"] == title)
    assert mine["body"] == fields["body"] and mine["links"][0]["label"] == label
    document_md = engineer.get(url("reviews:document-markdown", w.document.pk))
    assert_inert(render_markdown(assert_download_inert(document_md, "text/markdown")))


@pytest.mark.parametrize("payload", FORM_PAYLOADS.values(), ids=FORM_PAYLOADS.keys())
def test_quick_add_answer_and_week_are_inert(world, payload):
    w = world
    engineer = client_for(w.engineer)
    title = one_line(payload, TITLE_MAX)
    data = {"quick": "1", "title": title, "kind": "weekly_win", "visibility": "private"}
    response = engineer.post(url("evidence:create"), {**data, "body": payload}, **HTMX)
    assert response.status_code == 200
    assert title in "".join(assert_inert(response, "the quick-add answer").text)
    assert Entry.objects.get(author=w.engineer, title=title).body == payload.strip()
    visit(engineer, url("evidence:week"), shows=(title,))
    visit(engineer, url("home"), shows=(title,))


@pytest.mark.parametrize("payload", FORM_PAYLOADS.values(), ids=FORM_PAYLOADS.keys())
def test_entry_edit_and_its_history_are_inert(world, payload):
    w = world
    engineer = client_for(w.engineer)
    title = one_line(payload, TITLE_MAX)
    fields = {"title": title, "body": f"{CANARY}\n{payload}", "impact": payload[:IMPACT_MAX]}
    response = engineer.post(url("evidence:edit", w.entry.pk), edit_data(w, **fields))
    assert response.status_code == 302
    w.entry.refresh_from_db()
    assert (w.entry.title, w.entry.body, w.entry.version) == (title, fields["body"], 2)
    visit(engineer, url("evidence:detail", w.entry.pk), shows=(title, CANARY, "Version 2"))
    visit(engineer, url("evidence:edit", w.entry.pk), shows=(fields["body"],))
    visit(client_for(w.mentor), url("evidence:detail", w.entry.pk), shows=(title,))


@pytest.mark.parametrize("payload", FORM_PAYLOADS.values(), ids=FORM_PAYLOADS.keys())
def test_impact_follow_up_is_inert(world, payload):
    w = world
    engineer = client_for(w.engineer)
    visit(engineer, url("evidence:impact"), shows=(w.entry.title,))
    text = one_line(payload, IMPACT_MAX)
    response = engineer.post(
        url("evidence:record-impact", w.entry.pk), {"impact_measured": text}, **HTMX
    )
    assert response.status_code == 200
    assert_inert(response, "the impact answer")
    w.entry.refresh_from_db()
    assert w.entry.impact_measured == text and w.entry.version == 2
    visit(engineer, url("evidence:detail", w.entry.pk), shows=(text,))
    visit(engineer, url("evidence:week") + "?before=2026-11-30")
    visit(client_for(w.manager), url("evidence:person", "engineer"))


@pytest.mark.parametrize("payload", FORM_PAYLOADS.values(), ids=FORM_PAYLOADS.keys())
def test_brag_document_import_preview_and_entries_are_inert(world, payload):
    w = world
    engineer = client_for(w.engineer)
    title = f"{CANARY} {one_line(payload, 150)}"
    body = "\n".join(f"  {line}" for line in payload.splitlines())
    text = f"# Wins\n\n## Week of 2 November 2026\n\n- **{title}**\n{body}\n  #scope\n"
    preview = engineer.post(url("evidence:import"), {"text": text, "visibility": SHARED})
    assert preview.status_code == 200
    assert_inert(preview, "the import preview")
    response = engineer.post(
        url("evidence:import"), {"text": text, "visibility": SHARED, "action": "confirm"}
    )
    assert response.status_code == 302
    entry = Entry.objects.get(author=w.engineer, week_start=date(2026, 11, 2))
    visit(engineer, url("evidence:detail", entry.pk), shows=(CANARY,))
    visit(engineer, url("evidence:week"), shows=(CANARY,))
    visit(client_for(w.mentor), url("evidence:detail", entry.pk), shows=(CANARY,))


@pytest.mark.parametrize("payload", FORM_PAYLOADS.values(), ids=FORM_PAYLOADS.keys())
def test_search_parameters_are_echoed_inert(world, payload):
    client = client_for(world.engineer)
    q = one_line(payload, 200)
    params = {"q": q, "kind": payload, "person": payload, "behaviour": payload}
    params |= {"start": payload, "end": payload, "visibility": payload}
    for extra in ({}, HTMX):
        response = client.get(url("evidence:search"), params, **extra)
        assert response.status_code == 200
        assert_inert(response, "search")
    page = parse(client.get(url("evidence:search"), {"q": q}).content.decode())
    assert q in page.values  # the box still holds what was typed, as a value


@pytest.mark.parametrize("payload", FORM_PAYLOADS.values(), ids=FORM_PAYLOADS.keys())
def test_feedback_and_gap_note_are_inert_wherever_shown(world, payload):
    w = world
    mentor = client_for(w.mentor)
    gap = payload[:GAP_MAX].strip()
    data = feedback_data(w, body=f"{CANARY}\n\n{payload}", gap_note=gap, gap_behaviour=w.scope.pk)
    response = mentor.post(url("reviews:feedback-create", w.entry.pk), data)
    assert response.status_code == 302
    feedback = Feedback.objects.exclude(pk=w.feedback.pk).get(entry=w.entry)
    assert (feedback.body, feedback.gap_note) == (data["body"], gap)
    shown = (CANARY, gap)
    detail = url("evidence:detail", w.entry.pk)
    visit(mentor, detail, shows=shown)
    visit(mentor, url("reviews:feedback-edit", feedback.pk), shows=(data["body"], gap))
    visit(mentor, url("reviews:inbox"))
    visit(mentor, url("reviews:readiness", "engineer"), shows=(gap,))
    engineer = client_for(w.engineer)
    visit(engineer, detail, shows=shown)
    visit(engineer, url("reviews:gaps"), shows=(gap,))
    visit(engineer, url("reviews:readiness", "engineer"), shows=(gap,))
    visit(engineer, url("home"))
    visit(engineer, url("notifications"))
    htmx = mentor.post(url("reviews:feedback-create", w.entry.pk), data, **HTMX)
    assert htmx.status_code == 200
    assert CANARY in "".join(assert_inert(htmx, "the feedback panel").text)
    edited = mentor.post(url("reviews:feedback-edit", feedback.pk), {**data, "body": "Shorter."})
    assert edited.status_code == 302
    visit(engineer, detail, shows=(CANARY, "Shorter."))  # the earlier wording, in its history


@pytest.mark.parametrize("payload", FORM_PAYLOADS.values(), ids=FORM_PAYLOADS.keys())
def test_replies_are_inert(world, payload):
    w = world
    engineer = client_for(w.engineer)
    body = f"{CANARY}\n\n{payload}"[:REPLY_MAX]
    response = engineer.post(url("reviews:reply-create", w.feedback.pk), {"body": body})
    assert response.status_code == 302
    assert Reply.objects.get(feedback=w.feedback).body == body.strip()
    htmx = engineer.post(url("reviews:reply-create", w.feedback.pk), {"body": body}, **HTMX)
    assert htmx.status_code == 200
    assert_inert(htmx, "the thread")
    for who in (w.engineer, w.mentor):
        visit(client_for(who), url("evidence:detail", w.entry.pk), shows=(CANARY,))
    visit(client_for(w.mentor), url("notifications"))


@pytest.mark.parametrize("payload", FORM_PAYLOADS.values(), ids=FORM_PAYLOADS.keys())
def test_mentorship_invite_echoes_the_handle_inert(world, payload):
    client = client_for(world.engineer)
    handle = one_line(payload, 254)
    before = db_state()
    response = client.post(url("mentoring-invite"), {"handle": handle})
    assert_refused(response, NO_SUCH_PERSON, status=400)
    assert handle in parse(response.content.decode()).values
    assert db_state() == before


@pytest.mark.parametrize("payload", FORM_PAYLOADS.values(), ids=FORM_PAYLOADS.keys())
def test_narratives_are_inert_in_the_document_its_exports_and_where_it_is_shared(world, payload):
    w = world
    engineer = client_for(w.engineer)
    text = f"{CANARY}\n\n{payload}"[:NARRATIVE_MAX]
    narrative = url("reviews:narrative", w.document.pk, w.scope.pk)
    htmx = engineer.post(narrative, {"text": text}, **HTMX)
    assert htmx.status_code == 200
    assert CANARY in "".join(assert_inert(htmx, "the narrative answer").text)
    assert Narrative.objects.get(document=w.document, behaviour=w.scope).text == text.strip()
    visit(engineer, narrative, shows=(text.strip(),))
    assert_inert(engineer.get(narrative, **HTMX), "the narrative form")
    for who in (w.engineer, w.manager, w.mentor):
        client = client_for(who)
        visit(client, url("reviews:document", w.document.pk), shows=(CANARY,))
        visit(client, url("reviews:document-print", w.document.pk), shows=(CANARY,))
        exported = client.get(url("reviews:document-markdown", w.document.pk))
        markdown = assert_download_inert(exported, "text/markdown")
        assert text.strip() in markdown
        assert_inert(render_markdown(markdown), "the document's Markdown, rendered")
    respondent = client_for(w.respondent)
    visit(respondent, url("reviews:question", w.question.pk), shows=(CANARY,))
    manager = client_for(w.manager)
    response = manager.post(
        url("reviews:attempts", "engineer"),
        {"level": w.scope.level_id, "submitted_on": "2026-11-24"},
    )
    assert response.status_code == 302
    visit(manager, response.url, shows=(CANARY,))  # the document as submitted, in the snapshot
    visit(manager, url("reviews:attempts", "engineer"))


@pytest.mark.parametrize("payload", FORM_PAYLOADS.values(), ids=FORM_PAYLOADS.keys())
def test_committee_feedback_and_points_are_inert(world, payload):
    w = world
    manager = client_for(w.manager)
    feedback = f"{CANARY}\n{payload}"
    response = manager.post(
        url("reviews:attempt-outcome", w.attempt.pk),
        {"outcome": "denied", "decided_on": "2026-11-20", "committee_feedback": feedback},
    )
    assert response.status_code == 302
    w.attempt.refresh_from_db()
    assert w.attempt.committee_feedback == feedback.strip()
    point_text = one_line(payload, POINT_MAX)
    response = manager.post(url("reviews:attempt-point-add", w.attempt.pk), {"text": point_text})
    assert response.status_code == 302
    point = CommitteePoint.objects.filter(attempt=w.attempt, text=point_text).last()
    manager.post(url("reviews:point-track", point.pk), {"behaviour": w.scope.pk})
    shown = (CANARY, point_text)
    visit(manager, url("reviews:attempt", w.attempt.pk), shows=shown)
    visit(manager, url("reviews:attempts", "engineer"))
    visit(manager, url("reviews:readiness", "engineer"), shows=(point_text,))
    engineer = client_for(w.engineer)
    visit(engineer, url("reviews:attempt", w.attempt.pk), shows=shown)
    visit(engineer, url("reviews:gaps"), shows=(point_text,))
    visit(engineer, url("reviews:readiness", "engineer"), shows=(point_text,))
    response = manager.post(
        url("reviews:point-resolve", point.pk), {"next": "https://evil.example/"}
    )
    assert response.status_code == 302 and response.url.startswith("/")  # no open redirect


@pytest.mark.parametrize("payload", FORM_PAYLOADS.values(), ids=FORM_PAYLOADS.keys())
def test_clerical_check_handles_are_refused_and_echoed_inert(world, payload):
    client = client_for(world.engineer)
    handles = one_line(payload, 2000)
    before = db_state()
    response = client.post(url("reviews:checks", "engineer"), {"respondents": handles})
    first = check_services.parse_handles(handles)[0]
    message = check_services.UNKNOWN_PERSON.format(handle=first)
    if len(check_services.parse_handles(handles)) > check_services.MAX_RESPONDENTS:
        message = check_services.TOO_MANY.format(
            max=check_services.MAX_RESPONDENTS, count=len(check_services.parse_handles(handles))
        )
    assert_refused(response, message, status=400)
    assert db_state() == before


@pytest.mark.parametrize("payload", FORM_PAYLOADS.values(), ids=FORM_PAYLOADS.keys())
def test_clerical_check_comments_are_inert_wherever_shown(world, payload):
    w = world
    comment = payload[:ANSWER_COMMENT_MAX].strip()
    respondent = client_for(w.respondent)
    question = url("reviews:question", w.question.pk)
    response = respondent.post(question, {"answer": "yes", "comment": comment})
    assert response.status_code == 302
    w.question.refresh_from_db()
    assert (w.question.answer, w.question.comment) == ("yes", comment)
    visit(respondent, question, shows=(comment,))
    visit(respondent, url("reviews:questions"))
    for who in (w.engineer, w.manager):
        client = client_for(who)
        visit(client, url("reviews:checks", "engineer"), shows=(comment,))
        visit(client, url("reviews:readiness", "engineer"), shows=(comment,))
        visit(client, url("notifications"))


@pytest.mark.parametrize("payload", FORM_PAYLOADS.values(), ids=FORM_PAYLOADS.keys())
def test_page_parameters_are_inert_and_never_a_500(world, payload):
    """Filters, sorts and dates in query strings: shown back (if at all) as text."""
    w = world
    feedback_for(w.entry, w.mentor)
    as_of = {"as_of": payload}
    cell = {"behaviour": payload, "period": payload, "as_of": payload}
    team = dict.fromkeys(("status", "team", "level", "sort", "view"), payload)
    inbox = {"mentee": payload, "behaviour": payload, "page": payload}
    for who, path, params in [
        (w.engineer, url("reviews:readiness", "engineer"), as_of),
        (w.manager, url("reviews:readiness", "engineer"), as_of),
        (w.manager, url("reviews:team"), team),
        (w.mentor, url("reviews:team"), {**team, "view": "mentees"}),
        (w.mentor, url("reviews:inbox"), inbox),
        (w.engineer, url("evidence:week"), {"before": payload, "deleted": payload}),
        (w.manager, url("evidence:person", "engineer"), {"before": payload}),
        (w.engineer, url("evidence:import"), {"text": payload}),
    ]:
        for extra in ({}, HTMX):
            response = client_for(who).get(path, params, **extra)
            assert response.status_code == 200, (path, response.status_code)
            assert_inert(response, path)
    response = client_for(w.engineer).get(url("reviews:readiness-cell", "engineer"), cell)
    assert response.status_code == 404
    csv = client_for(w.manager).get(url("reviews:team"), {**team, "format": "csv"})
    assert_download_inert(csv, "text/csv")
    state = client_for(w.engineer).post(
        url("reviews:feedback-state", w.feedback.pk), {"to": payload}
    )
    assert state.status_code == 302


# === (b) + (c) rejections: a message, never a 500, and not one row changed =====================


@dataclass(frozen=True)
class Refusal:
    who: str  # a World attribute
    path: object  # World -> url
    data: object  # World -> POST data (GET params when `get`)
    messages: tuple[str, ...]
    htmx: bool = False
    get: bool = False


def entry_refusals(path, data) -> dict[str, Refusal]:
    """The bad values of the entry form, for a path (create or edit) and its valid data."""

    def case(messages: str | tuple[str, ...], **fields: object) -> Refusal:
        messages = (messages,) if isinstance(messages, str) else messages
        return Refusal("engineer", path, lambda w: data(w, **fields), messages)

    long_url = "https://example.com/" + "a" * 481
    cases = {
        "title-over-max": case(
            evidence_forms.TITLE_TOO_LONG.format(n=TITLE_MAX + 1, limit=TITLE_MAX),
            title="T" * (TITLE_MAX + 1),
        ),
        "title-blank": case(evidence_forms.TITLE_REQUIRED, title=" \u00a0 "),
        "body-over-max": case(
            evidence_forms.BODY_TOO_LONG.format(n=BODY_MAX + 1, limit=BODY_MAX),
            body="b" * (BODY_MAX + 1),
        ),
        "body-1mb": case(
            evidence_forms.BODY_TOO_LONG.format(n=len(HUGE), limit=BODY_MAX), body=HUGE
        ),
        "impact-over-max": case(
            evidence_forms.IMPACT_TOO_LONG.format(n=IMPACT_MAX + 1, limit=IMPACT_MAX),
            impact="i" * (IMPACT_MAX + 1),
        ),
        "measured-impact-over-max": case(
            evidence_forms.IMPACT_TOO_LONG.format(n=IMPACT_MAX + 1, limit=IMPACT_MAX),
            impact_measured="m" * (IMPACT_MAX + 1),
        ),
        "link-over-max": case(
            evidence_forms.LINK_BAD.format(line=1, text=long_url[:80] + "…"), links=long_url
        ),
        "link-label-over-max": case(
            evidence_forms.LINK_LABEL_TOO_LONG.format(line=1, n=121, limit=120),
            links="https://example.com/doc " + "L" * 121,
        ),
        "too-many-links": case(
            evidence_forms.LINKS_TOO_MANY.format(limit=LINKS_MAX),
            links="\n".join(f"https://example.com/{n}" for n in range(LINKS_MAX + 1)),
        ),
        "javascript-link": case(
            evidence_forms.LINK_BAD.format(line=1, text="javascript:alert(1)"),
            links="javascript:alert(1) click",
        ),
        "data-link": case(
            evidence_forms.LINK_BAD.format(line=1, text="data:text/html,<script>alert(1)</script>"),
            links="data:text/html,<script>alert(1)</script>",
        ),
        "kind-sql": case(KIND_REFUSED, kind=SQL["drop-table"]),
        "visibility-script": case(SHARE_REFUSED, visibility=XSS["script"]),
        "behaviour-sql": case("is not a valid value", behaviours=[SQL["or-true"]]),
        "week-far-past": case(evidence_forms.WEEK_TOO_OLD, week_of=FAR_PAST),
        "week-far-future": case(evidence_forms.WEEK_IN_FUTURE, week_of=FAR_FUTURE),
        "shipped-far-past": case(evidence_forms.WEEK_TOO_OLD, shipped_on=FAR_PAST),
        "shipped-far-future": case(evidence_forms.SHIPPED_IN_FUTURE, shipped_on=FAR_FUTURE),
        "shipped-tomorrow": case(evidence_forms.SHIPPED_IN_FUTURE, shipped_on="2026-11-25"),
        "week-day-first": case(evidence_forms.WEEK_IN_FUTURE, week_of=DAY_FIRST),
        "shipped-day-first": case(evidence_forms.SHIPPED_IN_FUTURE, shipped_on=DAY_FIRST),
    }
    for field in ("title", "body", "impact", "impact_measured", "links"):
        value = f"https://example.com/{NUL}" if field == "links" else NUL
        cases[f"nul-in-{field}"] = case(NUL_MESSAGE, **{field: value})
    for name, bad in BAD_DATES.items():
        cases[f"week-{name}"] = case(INVALID_DATE, week_of=bad)
        cases[f"shipped-{name}"] = case(INVALID_DATE, shipped_on=bad)
    return cases


def _quick(w: World, **fields: object) -> dict:
    return {
        "quick": "1",
        "title": "Fixed it",
        "kind": "weekly_win",
        "visibility": "private",
    } | fields


def _document(w: World) -> dict:
    return {"period_start": "2025-12-01", "period_end": "2026-11-24"}


def _export(**entry: object) -> str:
    """A Promo JSON export of one entry."""
    entry = {
        "title": "x",
        "kind": "moment",
        "week_start": "2026-11-02",
        "visibility": "private",
    } | entry
    return json.dumps({"format": "promo-entries", "version": 1, "entries": [entry]})


def _outcome(w: World, **fields: object) -> dict:
    return {
        "outcome": "denied",
        "decided_on": "2026-11-20",
        "committee_feedback": "Narrow",
    } | fields


def _check(w: World, **fields: object) -> dict:
    return {"respondents": "mentor", "expires_in_days": "14"} | fields


def _refusals() -> dict[str, Refusal]:
    create = lambda w: url("evidence:create")  # noqa: E731
    edit = lambda w: url("evidence:edit", w.entry.pk)  # noqa: E731
    found = {f"create-{k}": v for k, v in entry_refusals(create, entry_data).items()}
    found |= {f"edit-{k}": v for k, v in entry_refusals(edit, edit_data).items()}
    found["edit-version-sql"] = Refusal(
        "engineer",
        edit,
        lambda w: edit_data(w, version=SQL["or-true"]),
        (evidence_forms.VERSION_BAD,),
    )

    def add(name: str, who: str, path, messages, **kw: object) -> None:
        messages = (messages,) if isinstance(messages, str) else messages
        found[name] = Refusal(who, path, kw.pop("data"), messages, **kw)

    quick = create
    for name, fields, message in [
        (
            "title-over-max",
            {"title": "T" * (TITLE_MAX + 1)},
            evidence_forms.TITLE_TOO_LONG.format(n=TITLE_MAX + 1, limit=TITLE_MAX),
        ),
        ("title-nul", {"title": NUL}, NUL_MESSAGE),
        (
            "body-1mb",
            {"body": HUGE},
            evidence_forms.BODY_TOO_LONG.format(n=len(HUGE), limit=BODY_MAX),
        ),
        ("body-nul", {"body": NUL}, NUL_MESSAGE),
        ("kind-sql", {"kind": SQL["drop-table"]}, KIND_REFUSED),
    ]:
        add(f"quick-add-{name}", "engineer", quick, message, htmx=True,
            data=lambda w, f=fields: _quick(w, **f))  # fmt: skip

    impact = lambda w: url("evidence:record-impact", w.entry.pk)  # noqa: E731
    for name, value, message in [
        (
            "over-max",
            "m" * (IMPACT_MAX + 1),
            evidence_forms.IMPACT_TOO_LONG.format(n=IMPACT_MAX + 1, limit=IMPACT_MAX),
        ),
        ("1mb", HUGE, evidence_forms.IMPACT_TOO_LONG.format(n=len(HUGE), limit=IMPACT_MAX)),
        ("blank", "   ", "Say what it achieved"),
        ("nul", NUL, NUL_MESSAGE),
    ]:
        for htmx in (False, True):
            add(f"impact-{name}{'-htmx' if htmx else ''}", "engineer", impact, message,
                htmx=htmx, data=lambda w, v=value: {"impact_measured": v})  # fmt: skip

    imports = lambda w: url("evidence:import")  # noqa: E731
    heading = "## Week of 2 November 2026\n"
    for name, text, message in [
        ("over-1mb", "- " + "x" * evidence_views.IMPORT_MAX_BYTES, evidence_views.IMPORT_TOO_BIG),
        ("empty", " \n\t\n", evidence_views.IMPORT_EMPTY),
        ("entry-over-max", heading + "- " + "x" * (BODY_MAX + 1), "line 2: this entry is"),
        (
            "february-30",
            "## Week of 2026-02-30\n- Did it",
            brag_import.INVALID_DATE.format(line=1, text="2026-02-30"),
        ),
        (
            "day-first",
            f"## {DAY_FIRST}\n- Did it",
            brag_import.AMBIGUOUS_DATE.format(line=1, text=DAY_FIRST),
        ),
        ("all-nines", "## 9999-99-99\n- Did it", "line 1: '9999-99-99' is not a real date"),
        ("year-zero", "## Week of 0000-01-01\n- Did it", "line 1: '0000-01-01' is not a real date"),
        ("a-word", "## yesterday\n- Did it", brag_import.NO_DATE.format(line=2)),
        (
            "far-future",
            "## Week of 9999-12-31\n- Did it",
            brag_import.FUTURE_DATE.format(line=1, on="9999-12-31"),
        ),
        ("no-bullets", SQL["drop-table"], brag_import.NO_BULLETS),
        ("nul-in-paste", heading + f"- {NUL}", NUL_MESSAGE),
        ("json-nul", _export(title=NUL), f"Entry 1: title: {NUL_MESSAGE}"),
        ("json-bad-date", _export(week_start="2026-02-30"), f"Entry 1: week_of: {INVALID_DATE}"),
        (
            "json-script-kind",
            _export(kind=XSS["script"]),
            f"Entry 1: kind: “{XSS['script']}” {KIND_REFUSED}",
        ),
        (
            "json-link-label",
            _export(links=[{"url": "https://example.com", "label": "L" * 121}]),
            "Entry 1: links: "
            + evidence_forms.LINK_LABEL_TOO_LONG.format(line=1, n=121, limit=120),
        ),
    ]:
        add(f"import-{name}", "engineer", imports, message,
            data=lambda w, t=text: {"text": t, "action": "confirm", "visibility": "private"})  # fmt: skip

    search = lambda w: url("evidence:search")  # noqa: E731
    for name, params, message in [
        ("q-over-max", {"q": "q" * 201}, too_long(200, 201)),
        ("q-nul", {"q": NUL}, NUL_MESSAGE),
        ("start-far-past", {"start": FAR_PAST}, evidence_forms.DATE_TOO_OLD),
        ("end-far-past", {"end": FAR_PAST}, evidence_forms.DATE_TOO_OLD),
        ("start-after-end", {"start": "2026-11-01", "end": "2026-10-01"}, "“From” is after “To”"),
        ("behaviour-sql", {"behaviour": SQL["or-true"]}, INVALID_CHOICE),
        ("person-sql", {"person": SQL["drop-table"]}, INVALID_CHOICE),
        ("kind-nul", {"kind": NUL}, INVALID_CHOICE),
        *[(f"start-{k}", {"start": v}, INVALID_DATE) for k, v in BAD_DATES.items()],
        *[(f"end-{k}", {"end": v}, INVALID_DATE) for k, v in BAD_DATES.items()],
    ]:
        for htmx in (False, True) if name in ("q-over-max", "start-far-past") else (False,):
            add(f"search-{name}{'-htmx' if htmx else ''}", "engineer", search, message,
                get=True, htmx=htmx, data=lambda w, p=params: p)  # fmt: skip

    new_feedback = lambda w: url("reviews:feedback-create", w.entry.pk)  # noqa: E731
    edit_feedback = lambda w: url("reviews:feedback-edit", w.feedback.pk)  # noqa: E731
    for name, fields, message in [
        ("body-over-max", {"body": "n" * (NOTE_MAX + 1)}, too_long(NOTE_MAX, NOTE_MAX + 1)),
        ("body-1mb", {"body": HUGE}, too_long(NOTE_MAX, len(HUGE))),
        # A note is optional once a verdict is given: blank, with no verdict, says nothing.
        ("body-blank", {"body": "  ", "verdict": ""}, feedback_forms.NOTE_REQUIRED),
        ("body-nul", {"body": NUL}, NUL_MESSAGE),
        ("gap-over-max", {"gap_note": "g" * (GAP_MAX + 1)}, too_long(GAP_MAX, GAP_MAX + 1)),
        ("gap-nul", {"gap_note": NUL}, NUL_MESSAGE),
        ("verdict-script", {"verdict": XSS["script"]}, INVALID_CHOICE),
        ("gap-behaviour-sql", {"gap_behaviour": SQL["or-true"]}, INVALID_CHOICE),
    ]:
        for path, label in ((new_feedback, "feedback"), (edit_feedback, "feedback-edit")):
            for htmx in (False, True) if label == "feedback" else (False,):
                add(f"{label}-{name}{'-htmx' if htmx else ''}", "mentor", path, message,
                    htmx=htmx, data=lambda w, f=fields: _feedback(w, **f))  # fmt: skip

    reply = lambda w: url("reviews:reply-create", w.feedback.pk)  # noqa: E731
    for name, value, message in [
        ("over-max", "r" * (REPLY_MAX + 1), too_long(REPLY_MAX, REPLY_MAX + 1)),
        ("blank", " \n ", feedback_forms.REPLY_REQUIRED),
        ("nul", NUL, NUL_MESSAGE),
    ]:
        for htmx in (False, True):
            add(f"reply-{name}{'-htmx' if htmx else ''}", "engineer", reply, message,
                htmx=htmx, data=lambda w, v=value: {"body": v})  # fmt: skip

    invite = lambda w: url("mentoring-invite")  # noqa: E731
    for name, value, message in [
        ("over-max", "h" * 255, too_long(254, 255)),
        ("blank", "", "Type the username or email address of a colleague."),
        ("nul", f"mentor{NUL}", NUL_MESSAGE),
        ("sql", SQL["or-true"], NO_SUCH_PERSON),
        ("sql-wildcards", "%", NO_SUCH_PERSON),
    ]:
        add(f"invite-{name}", "engineer", invite, message, data=lambda w, v=value: {"handle": v})

    preferences = lambda w: url("preferences")  # noqa: E731
    for name, value in [("sql", SQL["drop-table"]), ("script", XSS["script"]), ("nul", NUL)]:
        add(f"preferences-{name}", "engineer", preferences, INVALID_CHOICE,
            data=lambda w, v=value: {"default_visibility": v, "email_notifications": "on"})  # fmt: skip

    documents = lambda w: url("reviews:documents")  # noqa: E731
    settings_ = lambda w: url("reviews:document-settings", w.document.pk)  # noqa: E731
    for name, fields, message in [
        ("start-far-past", {"period_start": FAR_PAST}, "Choose a date from 2000 on."),
        (
            "start-after-end",
            {"period_start": "2026-11-24", "period_end": "2026-01-01"},
            packet_forms.PERIOD_ORDER,
        ),
        ("day-first-after-end", {"period_start": DAY_FIRST}, packet_forms.PERIOD_ORDER),
        *[(f"start-{k}", {"period_start": v}, INVALID_DATE) for k, v in BAD_DATES.items()],
        *[(f"end-{k}", {"period_end": v}, INVALID_DATE) for k, v in BAD_DATES.items()],
    ]:
        add(f"document-start-{name}", "engineer", documents, message,
            data=lambda w, f=fields: {"level": w.scope.level_id} | _document(w) | f)  # fmt: skip
        add(f"document-settings-{name}", "engineer", settings_, message,
            data=lambda w, f=fields: {"share_manager": "on"} | _document(w) | f)  # fmt: skip
    add("document-start-level-sql", "engineer", documents, INVALID_CHOICE,
        data=lambda w: {"level": SQL["or-true"]} | _document(w))  # fmt: skip

    narrative = lambda w: url("reviews:narrative", w.document.pk, w.scope.pk)  # noqa: E731
    for name, value, message in [
        ("over-max", "n" * (NARRATIVE_MAX + 1), too_long(NARRATIVE_MAX, NARRATIVE_MAX + 1)),
        ("1mb", HUGE, too_long(NARRATIVE_MAX, len(HUGE))),
        ("nul", NUL, NUL_MESSAGE),
    ]:
        for htmx in (False, True):
            add(f"narrative-{name}{'-htmx' if htmx else ''}", "engineer", narrative, message,
                htmx=htmx, data=lambda w, v=value: {"text": v})  # fmt: skip

    attempts = lambda w: url("reviews:attempts", "engineer")  # noqa: E731
    for name, value, message in [
        ("far-future", FAR_FUTURE, packet_forms.NOT_FUTURE),
        ("tomorrow", "2026-11-25", packet_forms.NOT_FUTURE),
        ("day-first", DAY_FIRST, packet_forms.NOT_FUTURE),
        *[(k, v, INVALID_DATE) for k, v in BAD_DATES.items()],
    ]:
        add(f"attempt-submitted-{name}", "manager", attempts, message,
            data=lambda w, v=value: {"level": w.scope.level_id, "submitted_on": v})  # fmt: skip
    add("attempt-level-sql", "manager", attempts, INVALID_CHOICE,
        data=lambda w: {"level": SQL["drop-table"], "submitted_on": "2026-11-20"})  # fmt: skip

    outcome = lambda w: url("reviews:attempt-outcome", w.attempt.pk)  # noqa: E731
    for name, fields, message in [
        ("decided-far-future", {"decided_on": FAR_FUTURE}, packet_forms.NOT_FUTURE),
        ("decided-day-first", {"decided_on": DAY_FIRST}, packet_forms.NOT_FUTURE),
        (
            "decided-before-submission",
            {"decided_on": "2026-11-01"},
            "The decision cannot come before the submission.",
        ),
        (
            "decided-far-past",
            {"decided_on": FAR_PAST},
            "The decision cannot come before the submission.",
        ),
        (
            "feedback-over-max",
            {"committee_feedback": "c" * (COMMITTEE_MAX + 1)},
            too_long(COMMITTEE_MAX, COMMITTEE_MAX + 1),
        ),
        ("feedback-nul", {"committee_feedback": NUL}, NUL_MESSAGE),
        ("outcome-pending", {"outcome": "pending"}, INVALID_CHOICE),
        ("outcome-script", {"outcome": XSS["script"]}, INVALID_CHOICE),
        *[(f"decided-{k}", {"decided_on": v}, INVALID_DATE) for k, v in BAD_DATES.items()],
    ]:
        add(
            f"outcome-{name}",
            "manager",
            outcome,
            message,
            data=lambda w, f=fields: _outcome(w, **f),
        )

    point = lambda w: url("reviews:attempt-point-add", w.decided.pk)  # noqa: E731
    for name, value, message in [
        ("over-max", "p" * (POINT_MAX + 1), too_long(POINT_MAX, POINT_MAX + 1)),
        ("blank", "  ", packet_forms.POINT_REQUIRED),
        ("nul", NUL, NUL_MESSAGE),
    ]:
        add(f"point-{name}", "manager", point, message, data=lambda w, v=value: {"text": v})

    ask = lambda w: url("reviews:checks", "engineer")  # noqa: E731
    nine = ", ".join(f"person{n}" for n in range(check_services.MAX_RESPONDENTS + 1))
    for name, fields, message in [
        ("handles-over-max", {"respondents": "senior," + "h" * 1994}, too_long(2000, 2001)),
        ("handles-nul", {"respondents": f"senior{NUL}"}, NUL_MESSAGE),
        (
            "handles-sql",
            {"respondents": SQL["drop-table"]},
            check_services.UNKNOWN_PERSON.format(handle="DROP"),
        ),
        (
            "handles-too-many",
            {"respondents": nine},
            check_services.TOO_MANY.format(
                max=check_services.MAX_RESPONDENTS, count=check_services.MAX_RESPONDENTS + 1
            ),
        ),
        ("handles-blank", {"respondents": " ,;\n"}, check_services.NO_RESPONDENTS),
        (
            "handles-themselves",
            {"respondents": "ENGINEER"},
            check_services.ASKING_THEMSELVES.split("{name}")[0].format(handle="ENGINEER"),
        ),
        ("expiry-huge", {"expires_in_days": "1e9"}, check_services.BAD_EXPIRY),
        ("expiry-negative", {"expires_in_days": "-1"}, check_services.BAD_EXPIRY),
        ("expiry-sql", {"expires_in_days": SQL["or-true"]}, check_services.BAD_EXPIRY),
        ("expiry-nul", {"expires_in_days": f"14{NUL}"}, check_services.BAD_EXPIRY),
    ]:
        add(f"check-{name}", "engineer", ask, message, data=lambda w, f=fields: _check(w, **f))

    question = lambda w: url("reviews:question", w.question.pk)  # noqa: E731
    for name, fields, message in [
        (
            "comment-over-max",
            {"comment": "c" * (ANSWER_COMMENT_MAX + 1)},
            too_long(ANSWER_COMMENT_MAX, ANSWER_COMMENT_MAX + 1),
        ),
        ("comment-1mb", {"comment": HUGE}, too_long(ANSWER_COMMENT_MAX, len(HUGE))),
        ("comment-nul", {"comment": NUL}, NUL_MESSAGE),
        ("answer-script", {"answer": XSS["script"]}, check_services.BAD_ANSWER),
        ("answer-nul", {"answer": NUL}, check_services.BAD_ANSWER),
    ]:
        add(f"answer-{name}", "respondent", question, message,
            data=lambda w, f=fields: {"answer": "yes", "comment": "Ready."} | f)  # fmt: skip
    return found


def _feedback(w: World, **fields: object) -> dict:
    data = feedback_data(w)
    if "verdict" in fields:
        data[f"verdict_{w.scope.pk}"] = fields.pop("verdict")
    return data | fields


REFUSALS = _refusals()


def send(w: World, case: Refusal):
    client = client_for(getattr(w, case.who))
    method = client.get if case.get else client.post
    return method(case.path(w), case.data(w), **(HTMX if case.htmx else {}))


@pytest.mark.parametrize("name", list(REFUSALS))
def test_refused_input_is_explained_and_changes_nothing(world, name):
    case = REFUSALS[name]
    before = db_state()
    response = send(world, case)
    assert_refused(response, *case.messages)
    assert db_state() == before


# One refusal per write, non-htmx: a 4xx. With htmx: a 200, since htmx 2 swaps no 4xx answer in.
STATUS_CASES = {
    "create-title-over-max": 400,
    "edit-title-over-max": 400,
    "impact-over-max": 400,
    "impact-over-max-htmx": 200,
    "quick-add-title-over-max": 200,
    "import-over-1mb": 400,
    "import-february-30": 400,
    "feedback-body-blank": 400,
    "feedback-body-blank-htmx": 200,
    "feedback-edit-body-blank": 400,
    "reply-blank": 400,
    "reply-blank-htmx": 200,
    "invite-sql": 400,
    "preferences-sql": 400,
    "document-start-start-far-past": 400,
    "document-settings-start-far-past": 400,
    "narrative-over-max": 400,
    "narrative-over-max-htmx": 200,
    "attempt-submitted-far-future": 400,
    "outcome-decided-far-future": 400,
    "point-blank": 400,
    "check-handles-sql": 400,
    "answer-comment-over-max": 400,
}


@pytest.mark.parametrize(("name", "status"), list(STATUS_CASES.items()))
def test_refused_writes_answer_with_the_status_the_page_needs(world, name, status):
    assert send(world, REFUSALS[name]).status_code == status


@pytest.mark.parametrize(
    "upload",
    [
        pytest.param(f"## Week of 2 November 2026\n- Did it{NUL}\n".encode(), id="nul"),
        pytest.param(b"## Week of 2 November 2026\n- \xff\xfe broken", id="not-utf-8"),
    ],
)
def test_uploaded_brag_documents_with_bad_bytes_are_refused(world, upload):
    from django.core.files.uploadedfile import SimpleUploadedFile

    before = db_state()
    response = client_for(world.engineer).post(
        url("evidence:import"),
        {"file": SimpleUploadedFile("brag.md", upload), "action": "confirm"},
    )
    message = NUL_MESSAGE if b"\x00" in upload else evidence_views.IMPORT_NOT_TEXT
    assert_refused(response, message, status=400)
    assert db_state() == before


def test_nothing_imported_when_one_bullet_of_many_is_bad(world):
    text = "## Week of 2 November 2026\n- Good one\n- Also good\n\n## Week of 2026-02-30\n- Bad"
    before = db_state()
    response = client_for(world.engineer).post(
        url("evidence:import"), {"text": text, "action": "confirm"}
    )
    assert_refused(response, brag_import.INVALID_DATE.format(line=5, text="2026-02-30"))
    assert db_state() == before


# === GET parameters: odd values fall back with a message, never a 500 ============================


@pytest.mark.parametrize(
    ("as_of", "message"),
    [
        *[(bad, readiness_labels.AS_OF_BAD) for bad in BAD_DATES.values()],
        (FAR_FUTURE, readiness_labels.AS_OF_FUTURE),
        ("2026-11-25", readiness_labels.AS_OF_FUTURE),
        (SQL["drop-table"], readiness_labels.AS_OF_BAD),
        (XSS["script"], readiness_labels.AS_OF_BAD),
    ],
    ids=[*BAD_DATES, "far-future", "tomorrow", "sql", "script"],
)
def test_readiness_as_of_that_is_not_a_usable_date_shows_today_and_says_why(world, as_of, message):
    for who in (world.engineer, world.manager, world.mentor):
        text = visit(client_for(who), url("reviews:readiness", "engineer") + f"?as_of={_q(as_of)}")
        assert message in text


@pytest.mark.parametrize("as_of", [FAR_PAST, "1970-01-01", "1999-12-31", "2000-01-01"])
def test_readiness_far_in_the_past_is_a_page_not_a_500(world, as_of):
    text = visit(
        client_for(world.manager), url("reviews:readiness", "engineer") + f"?as_of={as_of}"
    )
    assert readiness_labels.AS_OF_BAD not in text
    cell = url("reviews:readiness-cell", "engineer")
    params = f"?behaviour={world.scope.pk}&period={int(as_of[:4]) * 12}&as_of={as_of}"
    visit(client_for(world.manager), cell + params)


def _q(value: str) -> str:
    from urllib.parse import quote

    return quote(value, safe="")


@pytest.mark.parametrize(
    ("who", "path", "params"),
    [
        ("engineer", "evidence:week", {"before": FAR_PAST}),
        ("engineer", "evidence:week", {"before": FAR_FUTURE}),
        ("engineer", "evidence:week", {"deleted": "99999999999999999999999"}),
        ("engineer", "evidence:week", {"deleted": "²"}),
        ("manager", "evidence:person", {"before": FAR_PAST}),
        ("mentor", "reviews:inbox", {"behaviour": "99999999999999999999999", "page": "-1"}),
        ("mentor", "reviews:inbox", {"mentee": NUL, "page": NUL}),
        ("mentor", "reviews:inbox", {"behaviour": "²"}),
        ("manager", "reviews:team", {"status": NUL, "team": NUL, "level": NUL, "sort": NUL}),
        ("manager", "reviews:team", {"view": SQL["drop-table"], "format": "csv"}),
        ("engineer", "reviews:readiness", {"as_of": NUL}),
    ],
    ids=lambda value: value if isinstance(value, str) else None,
)
def test_odd_page_parameters_never_answer_500(world, who, path, params):
    args = ("engineer",) if path in ("evidence:person", "reviews:readiness") else ()
    response = client_for(getattr(world, who)).get(url(path, *args), params)
    assert response.status_code == 200
    if response["Content-Type"].startswith("text/html"):
        assert_inert(response)


@pytest.mark.parametrize(
    "params",
    [
        {"behaviour": "²", "period": "1"},
        {"behaviour": "99999999999999999999999", "period": "1"},
        {"behaviour": NUL, "period": NUL},
        {"behaviour": "BEHAVIOUR", "period": "99999999999"},
        {"behaviour": "BEHAVIOUR", "period": "-99999999999"},
        {"behaviour": "BEHAVIOUR", "period": "²"},
    ],
    ids=["superscript", "huge-id", "nul", "huge-period", "negative-period", "superscript-period"],
)
def test_readiness_cell_parameters_never_answer_500(world, params):
    params = {k: str(world.scope.pk) if v == "BEHAVIOUR" else v for k, v in params.items()}
    response = client_for(world.engineer).get(url("reviews:readiness-cell", "engineer"), params)
    assert response.status_code in (200, 404)
    assert_inert(response)


@pytest.mark.parametrize(
    "name",
    [
        "evidence:person",
        "reviews:readiness",
        "reviews:checks",
        "reviews:attempts",
    ],
)
def test_a_nul_in_a_username_in_the_address_is_a_bad_request(world, name):
    response = client_for(world.manager).get(url(name, "engi\x00neer"))
    assert response.status_code == 400
    assert b"null character" in response.content


# === (c) odd Unicode and SQL-looking text: stored and shown exactly as typed ====================

ODD_TEXT = {**UNICODE, **SQL}


@pytest.mark.parametrize("text", ODD_TEXT.values(), ids=ODD_TEXT.keys())
def test_odd_text_in_an_entry_round_trips_exactly(world, text):
    w = world
    engineer = client_for(w.engineer)
    fields = {
        "title": text,
        "body": f"{text}\n\n{CANARY} {text}",
        "impact": text,
        "impact_measured": text,
        "links": f"https://example.com/doc {text}",
    }
    response = engineer.post(url("evidence:create"), entry_data(w, **fields))
    assert response.status_code == 302
    entry = Entry.objects.get(author=w.engineer, title=text)
    assert (entry.body, entry.impact, entry.impact_measured) == (fields["body"], text, text)
    assert entry.links.get().label == text
    assert EntryRevision.objects.get(entry=entry).snapshot["title"] == text
    detail = url("evidence:detail", entry.pk)
    visit(engineer, detail, shows=(text, as_rendered(f"{CANARY} {text}")))
    visit(client_for(w.mentor), detail, shows=(text,))
    visit(engineer, url("evidence:search") + f"?q={CANARY}", shows=(text,))
    visit(engineer, url("evidence:week"), shows=(text,))
    edit_form = parse(engineer.get(url("evidence:edit", entry.pk)).content.decode())
    assert text in edit_form.values  # the title box holds it exactly, ready to edit
    markdown = engineer.get(url("evidence:export-md")).content.decode()
    assert f"**{text}**" in markdown
    exported = json.loads(engineer.get(url("evidence:export-json")).content)
    assert {"title": text, "impact": text} in [
        {"title": e["title"], "impact": e["impact"]} for e in exported["entries"]
    ]
    # Saving the edit form as it stands changes nothing but the version.
    response = engineer.post(
        url("evidence:edit", entry.pk), entry_data(w, version=entry.version, **fields)
    )
    assert response.status_code == 302
    entry.refresh_from_db()
    assert (entry.title, entry.body, entry.version) == (text, fields["body"], 2)


@pytest.mark.parametrize("text", ODD_TEXT.values(), ids=ODD_TEXT.keys())
def test_odd_text_in_feedback_narratives_answers_and_points_round_trips(world, text):
    w = world
    mentor, engineer, manager = (client_for(u) for u in (w.mentor, w.engineer, w.manager))
    mentor.post(
        url("reviews:feedback-create", w.entry.pk),
        feedback_data(w, body=f"{text} {CANARY}", gap_note=text),
    )
    feedback = Feedback.objects.exclude(pk=w.feedback.pk).get(entry=w.entry)
    assert (feedback.body, feedback.gap_note) == (f"{text} {CANARY}", text)
    engineer.post(url("reviews:reply-create", feedback.pk), {"body": f"{CANARY} {text}"})
    assert feedback.replies.get().body == f"{CANARY} {text}"
    engineer.post(url("reviews:narrative", w.document.pk, w.scope.pk), {"text": text})
    assert w.document.narratives.get().text == text
    client_for(w.respondent).post(
        url("reviews:question", w.question.pk), {"answer": "not_sure", "comment": text}
    )
    w.question.refresh_from_db()
    assert w.question.comment == text
    manager.post(url("reviews:attempt-point-add", w.decided.pk), {"text": text})
    assert w.decided.points.filter(text=text).exists()
    engineer.post(url("evidence:record-impact", w.entry.pk), {"impact_measured": text})
    w.entry.refresh_from_db()
    assert w.entry.impact_measured == text

    rendered = as_rendered(text)  # narratives, notes and replies are Markdown
    shown = (text, as_rendered(f"{text} {CANARY}"), as_rendered(f"{CANARY} {text}"))
    visit(engineer, url("evidence:detail", w.entry.pk), shows=shown)
    visit(mentor, url("evidence:detail", w.entry.pk), shows=shown)
    visit(engineer, url("reviews:gaps"), shows=(text,))
    visit(engineer, url("reviews:document", w.document.pk), shows=(rendered,))
    visit(manager, url("reviews:document-print", w.document.pk), shows=(rendered,))
    assert text in manager.get(url("reviews:document-markdown", w.document.pk)).content.decode()
    visit(client_for(w.respondent), url("reviews:question", w.question.pk), shows=(text,))
    visit(manager, url("reviews:checks", "engineer"), shows=(text,))
    visit(manager, url("reviews:readiness", "engineer"), shows=(text,))
    visit(manager, url("reviews:attempt", w.decided.pk), shows=(text,))


@pytest.mark.parametrize("text", SQL.values(), ids=SQL.keys())
def test_sql_looking_search_finds_only_what_matches_and_every_table_survives(world, text):
    w = world
    EntryFactory(author=w.engineer, title=f"About {text}", week_of=date(2026, 11, 16))
    client = client_for(w.engineer)
    response = client.get(url("evidence:search"), {"q": text})
    assert response.status_code == 200
    assert_inert(response)
    assert w.entry.title not in page_text(response)
    response = client.get(url("evidence:search"), {"q": CANARY})
    assert w.entry.title in page_text(response)
    assert Entry.objects.count() == 2
    assert {m.__name__ for m in DB_TABLES} == set(db_state())  # every table still answers


def test_the_database_really_is_the_one_under_test():
    """A guard: the PostgreSQL run must not silently fall back to SQLite."""
    assert connection.vendor == ("postgresql" if ON_POSTGRES else "sqlite")


# === Numbers no row can hold: range-checked before the database =================================

PAST_64_BITS = ("9223372036854775808", "9" * 20, "9" * 40)  # 2**63, then longer runs


def _id_routes() -> list[str]:
    """Every route of the app with an id in it, from the resolver."""
    return sorted({p.route for p in url_patterns().values() if "<id:" in p.route})


@pytest.mark.parametrize("number", PAST_64_BITS)
@pytest.mark.parametrize("route", _id_routes())
def test_an_id_past_64_bits_in_any_url_is_not_found(world, route, number):
    path = "/" + re.sub(r"<id:\w+>", number, route)
    client = client_for(world.engineer)
    for method in ("get", "post"):
        response = getattr(client, method)(path)
        assert response.status_code == 404, (method, path, response.status_code)


NOT_A_CHOICE = "is not one of the behaviours of the level you are working towards"


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("evidence:create", {"behaviours": ["BEHAVIOUR", "HUGE"]}, NOT_A_CHOICE),
        ("evidence:create", {"behaviours": "HUGE", "quick": "1"}, NOT_A_CHOICE),
        ("evidence:edit", {"version": "HUGE"}, evidence_forms.VERSION_BAD),
        ("evidence:edit", {"behaviours": "HUGE", "version": "1"}, NOT_A_CHOICE),
    ],
    ids=["create-behaviours", "quick-add-behaviours", "edit-version", "edit-behaviours"],
)
@pytest.mark.parametrize("number", PAST_64_BITS)
def test_an_id_past_64_bits_in_a_form_is_refused_in_words(world, name, data, message, number):
    base = {"title": "Still here", "kind": "weekly_win", "visibility": "private"}
    fill = {"HUGE": number, "BEHAVIOUR": str(world.scope.pk)}
    data = {
        k: [fill.get(v, v) for v in val] if isinstance(val, list) else fill.get(val, val)
        for k, val in data.items()
    }
    args = (world.entry.pk,) if name == "evidence:edit" else ()
    before = Entry.objects.count()
    response = client_for(world.engineer).post(url(name, *args), {**base, **data})
    assert response.status_code == 400
    assert message in response.content.decode()
    assert Entry.objects.count() == before
    world.entry.refresh_from_db()
    assert world.entry.title == "Led the ledger migration"


@pytest.mark.parametrize(
    "params",
    [
        {"period": "99999999999999999999"},
        {"period": "9223372036854775808"},
        {"period": "-9223372036854775809"},
        {"period": "0"},
    ],
    ids=["20-digits", "2-to-the-63", "below-64-bits", "year-zero"],
)
def test_a_readiness_cell_period_no_calendar_holds_is_not_found(world, params):
    response = client_for(world.engineer).get(
        url("reviews:readiness-cell", "engineer"), {"behaviour": str(world.scope.pk), **params}
    )
    assert response.status_code == 404


def test_help_text_is_escaped_unless_it_was_built_safe():
    """A help text that ever carries user words (a behaviour's name, say) must not become
    markup; Django's own password rules come as safe HTML and keep their list."""
    from django import forms
    from django.template.loader import render_to_string
    from django.utils.html import format_html

    class Form(forms.Form):
        plain = forms.CharField(help_text="<em>typed</em> & said")
        built = forms.CharField(help_text=format_html("<em>{}</em>", "built"))

    form = Form()
    plain = render_to_string("includes/field.html", {"field": form["plain"]})
    built = render_to_string("includes/field.html", {"field": form["built"]})
    assert "&lt;em&gt;typed&lt;/em&gt; &amp; said" in plain and "<em>typed" not in plain
    assert "<em>built</em>" in built
