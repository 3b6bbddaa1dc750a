"""Every URL of the app, for every role, by every method it accepts: the privacy model as a table.

How it works
- URL enumeration: `get_resolver()` is walked recursively through every include
  (`url_patterns`). Only Django's own admin and Django's own sign-in views are left out (the
  comment above SKIPPED_APPS in tests/support.py says why). Each pattern found needs an entry in TABLE, or
  `test_every_url_pattern_has_an_entry` fails naming it; so does an entry whose pattern is gone.
- Method discovery: each view's accepted methods are read from the view itself. `require_GET`
  and `require_POST` are made by `require_http_methods`, whose inner function keeps the method
  list in its closure; we walk the view's `__wrapped__` chain (through `login_required`) to that
  function and read `request_method_list`. A view with no such decorator fails
  `test_every_view_declares_its_methods`, and `test_other_methods_are_refused_with_405` sends
  every other method (GET, POST, PUT, PATCH, DELETE), so discovery is checked against reality.
- The table: per URL name, one or more cases (say, an entry shared with managers and a private
  one). A case builds its URL arguments from the `world` fixture -- rows built once for this
  module, with every role signed in once -- and lists the roles that may use it with the status
  of each accepted method. Every other signed-in role gets 404 (never 403, never 500); anonymous
  visitors are sent to sign in.
- Each (case, role, method) is sent twice, as a full page and as an htmx request. A refused
  request (404, 405, or the sign-in redirect) must leave every row of every model of promo,
  evidence and reviews (and the users) unchanged; the audit trail may gain "refused" events, which
  is what it is for, and nothing else.
- POSTs carry no data: a view that validates answers 400 (or re-renders with 200 where that is
  its way), an action answers with its redirect (302) -- or, for htmx, its fragment or
  HX-Redirect (200). CSRF is not enforced here; tests/site/test_security.py covers it.
"""

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date

import pytest
from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import connection
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from evidence import services as evidence_services
from evidence.models import Entry
from promo import services as promo_services
from promo import tokens
from promo.models import Invitation, Mentorship, Visibility
from reviews.checks import services as check_services
from reviews.feedback import services as feedback_services
from reviews.models import PromoDocument
from reviews.packet import services as packet_services
from reviews.readiness.periods import month_index
from tests.factories import (
    BehaviourFactory,
    DraftFactory,
    EntryFactory,
    LadderFactory,
    LevelFactory,
    MentorshipFactory,
    PersonFactory,
    TeamFactory,
    UserFactory,
    api_token_for,
    feedback_for,
)
from tests.support import accepted_methods, module_world, url_patterns

# --- the roles ---------------------------------------------------------------------------------

OWNER = "owner"  # the engineer whose things these are
MENTOR = "mentor"  # active mentor of the engineer
ENDED = "ended_mentor"  # mentored the engineer once (and wrote feedback then); re-invited since
MANAGER = "manager"  # the engineer's direct manager
SKIP = "skip_manager"  # the manager's manager
STRANGER = "stranger"  # no relation to anyone
ADMIN = "admin"  # staff superuser without any relation: the admin site, not entries
RESPONDENT = "respondent"  # asked the clerical-error question; declined to mentor the engineer
ANON = "anonymous"

SIGNED_IN = (OWNER, MENTOR, ENDED, MANAGER, SKIP, STRANGER, ADMIN, RESPONDENT)
ROLES = (*SIGNED_IN, ANON)
VIEWERS = (OWNER, MENTOR, MANAGER, SKIP)  # may see some of the engineer's entries
SELF_OR_MANAGERS = (OWNER, MANAGER, SKIP)  # attempts and clerical-error checks

USERNAMES = {
    OWNER: "engineer",
    MENTOR: "mentor",
    ENDED: "ended-mentor",
    MANAGER: "manager",
    SKIP: "skip",
    STRANGER: "stranger",
    ADMIN: "admin",
    RESPONDENT: "respondent",
}
LADDER_SLUG = "authz-matrix"
TODAY_DATE = date(2026, 11, 24)  # conftest freezes time here
TEAM_NAME = "Authorization matrix team"
PROJECT_APPS = ("promo", "evidence", "reviews")


# --- the world ---------------------------------------------------------------------------------


@dataclass
class World:
    users: dict[str, object]  # role -> user
    ids: dict[str, int] = field(default_factory=dict)  # object name -> pk
    sessions: dict[str, str] = field(default_factory=dict)  # role -> signed-in session key


def build_world() -> World:
    """skip ── manager ── engineer; mentor (active), ended_mentor (ended, re-invited),
    respondent (declined to mentor; asked the clerical-error question); stranger; admin."""
    ladder = LadderFactory(name="Matrix ladder", slug=LADDER_SLUG)
    levels = [
        LevelFactory(ladder=ladder, rank=rank, name=name, slug=name.lower())
        for rank, name in enumerate(["Junior", "Senior", "Staff"], start=1)
    ]
    behaviours = {
        (level.slug, slug): BehaviourFactory(
            level=level, rank=rank, name=f"{slug.title()} at {level.name}", slug=slug
        )
        for level in levels
        for rank, slug in enumerate(["scope", "mentoring"], start=1)
    }
    scope, mentoring = behaviours["staff", "scope"], behaviours["staff", "mentoring"]
    team = TeamFactory(name=TEAM_NAME)

    def person(role: str, **fields):
        user = UserFactory(username=USERNAMES[role], first_name=role.title())
        return PersonFactory(user=user, team=team, **fields).user

    skip = person(SKIP, title="Director")
    manager = person(MANAGER, manager=skip.person, title="EM")
    engineer = person(
        OWNER, manager=manager.person, current_level=levels[1], target_level=levels[2]
    )
    mentor = person(MENTOR, title="Principal Engineer")
    ended = person(ENDED)
    stranger = person(STRANGER)
    respondent = person(RESPONDENT, title="Principal Engineer")
    admin = UserFactory(username=USERNAMES[ADMIN], is_staff=True, is_superuser=True)
    world = World(
        users={
            OWNER: engineer,
            MENTOR: mentor,
            ENDED: ended,
            MANAGER: manager,
            SKIP: skip,
            STRANGER: stranger,
            ADMIN: admin,
            RESPONDENT: respondent,
        }
    )
    ids = world.ids
    ids["level.senior"], ids["level.staff"] = levels[1].pk, levels[2].pk
    ids["behaviour.senior"], ids["behaviour.staff"] = behaviours["senior", "scope"].pk, scope.pk

    # Mentorships, one in each state.
    active = MentorshipFactory(engineer=engineer, mentor=mentor, state=Mentorship.State.ACTIVE)
    former = MentorshipFactory(engineer=engineer, mentor=ended, state=Mentorship.State.ACTIVE)
    declined = MentorshipFactory(
        engineer=engineer, mentor=respondent, state=Mentorship.State.DECLINED
    )

    # Entries of each visibility, one later made private and one trashed.
    def entry(title: str, visibility: str) -> Entry:
        return EntryFactory(
            author=engineer,
            title=title,
            visibility=visibility,
            behaviours=(scope,),
            shipped_on=date(2026, 5, 4),
            impact_measured="p99 fell from 800 to 240 ms",
        )

    shared = entry("Shared with mentors and managers", Visibility.MENTORS_AND_MANAGERS)
    mentors_only = entry("Shared with mentors", Visibility.MENTORS)
    private = entry("Private", Visibility.PRIVATE)
    was_shared = entry("Shared, then made private", Visibility.MENTORS_AND_MANAGERS)
    trashed = entry("Trashed", Visibility.MENTORS_AND_MANAGERS)

    # Feedback: the mentor's (with a gap and a reply), the former mentor's from when they
    # mentored, and feedback on the entries later made private and trashed.
    feedback = feedback_for(
        shared, mentor, gap_note="Make it a library other teams use.", gap_behaviour=mentoring
    )
    reply = feedback_services.reply_post(feedback=feedback, author=engineer, body="On it.")
    former_feedback = feedback_for(shared, ended, verdict="flashes")
    promo_services.mentorship_end(mentorship=former)
    invited = promo_services.mentorship_invite(engineer=engineer, mentor=ended)
    private_feedback = feedback_for(was_shared, mentor)
    Entry.objects.filter(pk=was_shared.pk).update(visibility=Visibility.PRIVATE)
    trashed_feedback = feedback_for(trashed, mentor)
    evidence_services.entry_trash(entry=trashed)

    # The promotion packet: a document shared with managers and mentors, one not shared.
    document = PromoDocument.objects.create(
        engineer=engineer,
        level=levels[2],
        period_start=date(2025, 12, 1),
        period_end=date(2026, 11, 24),
        share_manager=True,
        share_mentors=True,
    )
    packet_services.narrative_save(document, scope, "I set the direction for three teams.")
    unshared = PromoDocument.objects.create(
        engineer=engineer, level=levels[1], period_start=date(2025, 12, 1), period_end=TODAY_DATE
    )
    attempt = packet_services.attempt_record(
        actor=manager, engineer=engineer, level=levels[2], submitted_on=date(2026, 10, 1)
    )
    packet_services.attempt_decide(
        attempt,
        actor=manager,
        outcome="denied",
        decided_on=date(2026, 11, 10),
        feedback="- Needs larger scope\n- Lead partner teams",
    )
    tracked, untracked = attempt.points.order_by("pk")
    packet_services.point_track(tracked, scope)
    check = check_services.check_create(
        engineer=engineer, asked_by=engineer, respondents=[respondent], share_document=True
    )

    leaver = UserFactory(username="leaver", is_active=False)
    PersonFactory(user=leaver)
    EntryFactory(author=leaver, visibility=Visibility.PRIVATE)
    invitee = UserFactory(username="invitee", email="invitee@example.com")
    invitee.set_unusable_password()
    invitee.save()
    PersonFactory(user=invitee)
    invitation = Invitation.objects.create(
        user=invitee, invited_by=None, sent_at=timezone.now(), nonce="0" * 32
    )

    live_token = api_token_for(engineer, name="laptop").token
    revoked_token = api_token_for(engineer, name="old laptop").token
    tokens.token_revoke(token=revoked_token, by=engineer, now=timezone.now())

    waiting_draft = DraftFactory(author=engineer)
    dismissed_draft = DraftFactory(author=engineer, state="dismissed")

    ids |= {
        "draft.waiting": waiting_draft.pk,
        "draft.dismissed": dismissed_draft.pk,
        "token.live": live_token.pk,
        "token.revoked": revoked_token.pk,
        "person.owner": engineer.pk,
        "invitation.owner": invitation.pk,
        "mentorship.active": active.pk,
        "mentorship.ended": former.pk,
        "mentorship.invited": invited.pk,
        "mentorship.declined": declined.pk,
        "entry.shared": shared.pk,
        "entry.mentors": mentors_only.pk,
        "entry.private": private.pk,
        "entry.trashed": trashed.pk,
        "feedback.mentor": feedback.pk,
        "feedback.former": former_feedback.pk,
        "feedback.private": private_feedback.pk,
        "feedback.trashed": trashed_feedback.pk,
        "reply": reply.pk,
        "document.shared": document.pk,
        "document.unshared": unshared.pk,
        "attempt": attempt.pk,
        "point.tracked": tracked.pk,
        "point.untracked": untracked.pk,
        "check": check.pk,
        "question": check.questions.get().pk,
    }
    return world


def sign_in_everyone(world: World) -> None:
    """One session per role, kept for the module: signing in costs more than most requests."""
    for role, user in world.users.items():
        client = Client()
        client.force_login(user)
        world.sessions[role] = client.cookies[settings.SESSION_COOKIE_NAME].value


def project_models() -> list:
    """Every model of the project's apps, and the users."""
    found = [m for app in PROJECT_APPS for m in apps.get_app_config(app).get_models()]
    return [*found, get_user_model()]


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker) -> Iterator[World]:
    """Built once and committed, everyone signed in once (tests.support.module_world)."""

    def build() -> World:
        built = build_world()
        sign_in_everyone(built)
        return built

    yield from module_world(django_db_blocker, build)


# The audit trail is written on purpose when access is refused (promo.middleware records each
# 404 as a "refused" event): refusals may add those rows and nothing else.
AUDIT_LOG = "promo.AuditEvent"
REFUSAL_LOGGED = "refused"


def snapshot_sql() -> dict[str, str]:
    quote = connection.ops.quote_name
    found = {}
    for model in project_models():
        label, pk = model._meta.label, quote(model._meta.pk.column)
        columns = pk if label == AUDIT_LOG else "*"
        found[label] = f"SELECT {columns} FROM {quote(model._meta.db_table)} ORDER BY {pk}"
    return found


def snapshot() -> dict[str, list[tuple]]:
    """Every row of every project model (the world is small); of the audit trail, the ids.
    Plain SQL, one statement a table: the matrix takes two snapshots per refusal."""
    with connection.cursor() as cursor:
        rows = {}
        for label, sql in snapshot_sql().items():
            cursor.execute(sql)
            rows[label] = [tuple(row) for row in cursor.fetchall()]
    return rows


def changed_by_refusal(before: dict[str, list[tuple]]) -> list[str]:
    """What a refused request changed, other than logging its refusal."""
    after = snapshot()
    changed = [label for label in before if label != AUDIT_LOG and before[label] != after[label]]
    if AUDIT_LOG in before:
        old, now = set(before[AUDIT_LOG]), set(after[AUDIT_LOG])
        if not old <= now:
            changed.append(f"{AUDIT_LOG} (rows removed)")
        logged = apps.get_model(AUDIT_LOG).objects.filter(pk__in=[pk for (pk,) in now - old])
        actions = logged.exclude(action=REFUSAL_LOGGED).values_list("action", flat=True)
        changed += [f"{AUDIT_LOG} ({action})" for action in actions]
    return changed


# --- the table ---------------------------------------------------------------------------------

Expect = int | tuple[int, int]  # a status, or (full page, htmx) when the two differ
Allowed = Mapping[str, Mapping[str, Expect]]  # role -> method -> expected status


def allow(roles: tuple[str, ...] | list[str], **methods: Expect) -> dict[str, dict[str, Expect]]:
    return {role: dict(methods) for role in roles}


def no_args(_world: World) -> dict[str, object]:
    return {}


def pk(name: str) -> Callable[[World], dict[str, object]]:
    return lambda w: {"pk": w.ids[name]}


def username_of(role: str) -> Callable[[World], dict[str, object]]:
    return lambda w: {"username": USERNAMES[role]}


def narrative_of(document: str, behaviour: str) -> Callable[[World], dict[str, object]]:
    return lambda w: {"pk": w.ids[document], "behaviour": w.ids[behaviour]}


def curation_of(document: str, behaviour: str, entry: str) -> Callable[[World], dict[str, object]]:
    return lambda w: {"pk": w.ids[document], "behaviour": w.ids[behaviour], "entry": w.ids[entry]}


def readiness_cell_query(w: World) -> str:
    period = month_index(TODAY_DATE)  # the default ladder policy judges by month
    return f"?behaviour={w.ids['behaviour.staff']}&period={period}"


@dataclass(frozen=True)
class Case:
    label: str
    kwargs: Callable[[World], dict[str, object]]
    allowed: Allowed  # roles not listed get 404; anonymous visitors are sent to sign in
    query: Callable[[World], str] | None = None

    def url(self, name: str, world: World) -> str:
        url = reverse(name, kwargs=self.kwargs(world) or None)
        return url + (self.query(world) if self.query else "")

    def expected(self, role: str, method: str, htmx: bool) -> int:
        if role == ANON:
            return 302
        found = self.allowed.get(role, {}).get(method, 404)
        return found[htmx] if isinstance(found, tuple) else found


def own(**methods: Expect) -> list[Case]:
    """A page about the signed-in user's own things: every signed-in role may use it."""
    return [Case("own", no_args, allow(SIGNED_IN, **methods))]


# Per URL name: the cases, and who may do what in each. Statuses for POSTs with no data: 400
# where the view validates (htmx fragments that must swap in answer 200), 200 where there is
# nothing to validate, 302 for actions (which refuse impossible ones with a message), and
# (302, 200) where htmx gets HX-Redirect or a fragment instead of the redirect.
TABLE: dict[str, list[Case]] = {
    # promo
    "home": own(GET=200),
    "ladder": own(GET=200),
    "preferences": own(GET=200, POST=400),
    "token-create": own(POST=400),
    # The owner's own tokens only; GET asks first while it is live, else goes back (302).
    "token-revoke": [
        Case("live", pk("token.live"), allow([OWNER], GET=200, POST=302)),
        Case("revoked", pk("token.revoked"), allow([OWNER], GET=302, POST=302)),
    ],
    # Asked of people with a profile; the admin account has none, so there is nothing to set.
    "sharing-choose": [Case("own", no_args, allow([r for r in SIGNED_IN if r != ADMIN], POST=302))],
    "mentoring": own(GET=200),
    "mentoring-invite": own(POST=400),
    "mentorship-accept": [
        Case("invited", pk("mentorship.invited"), allow([ENDED], POST=302)),
        Case("active", pk("mentorship.active"), allow([MENTOR], POST=302)),
    ],
    "mentorship-decline": [
        Case("invited", pk("mentorship.invited"), allow([ENDED], POST=302)),
        Case("declined", pk("mentorship.declined"), allow([RESPONDENT], POST=302)),
    ],
    # GET asks first (200) while there is something to end, else goes back to the page (302).
    "mentorship-end": [
        Case("active", pk("mentorship.active"), allow([OWNER, MENTOR], GET=200, POST=302)),
        Case("ended", pk("mentorship.ended"), allow([OWNER, ENDED], GET=302, POST=302)),
        Case(
            "invited",
            pk("mentorship.invited"),
            allow([OWNER], GET=200, POST=302) | allow([ENDED], GET=302, POST=302),
        ),
        Case("declined", pk("mentorship.declined"), allow([OWNER, RESPONDENT], GET=302, POST=302)),
    ],
    # Only whoever ended it, minutes ago; every other party is told so (302 with a message).
    "mentorship-undo": [
        Case("ended", pk("mentorship.ended"), allow([OWNER, ENDED], POST=302)),
        Case("active", pk("mentorship.active"), allow([OWNER, MENTOR], POST=302)),
    ],
    "notifications": own(GET=200),
    "notifications-read": own(POST=302),
    # staff only: everyone else is told there is no such page
    "people": [Case("staff", no_args, allow([ADMIN], GET=200))],
    "people-export": [Case("staff", no_args, allow([ADMIN], GET=200))],
    "person-edit": [Case("staff", pk("person.owner"), allow([ADMIN], GET=200, POST=(302, 200)))],
    "people-import": [Case("staff", no_args, allow([ADMIN], GET=200, POST=400))],
    "people-import-apply": [Case("staff", no_args, allow([ADMIN], POST=400))],
    "people-invite": [Case("staff", no_args, allow([ADMIN], POST=302))],
    "ladder-upload": [Case("staff", no_args, allow([ADMIN], GET=200, POST=400))],
    "ladder-upload-apply": [Case("staff", no_args, allow([ADMIN], POST=400))],
    "ladder-use-shipped": [Case("staff", no_args, allow([ADMIN], POST=302))],
    "person-invite": [Case("staff", pk("person.owner"), allow([ADMIN], POST=302))],
    "invitation-revoke": [Case("staff", pk("invitation.owner"), allow([ADMIN], POST=302))],
    # evidence
    "evidence:leaver-export": [
        Case("deactivated", lambda w: {"username": "leaver"}, allow([ADMIN], GET=200)),
        Case("still at work", username_of(OWNER), allow([], GET=200)),
    ],
    "evidence:week": own(GET=200),
    "evidence:create": own(GET=200, POST=400),
    # The form alone, for the `c` dialog; opened as a page it is the form on This week (302).
    "evidence:quick-add": own(GET=(302, 200)),
    "evidence:preview": own(POST=200),
    "evidence:suggest": own(GET=(302, 200)),
    "evidence:search": own(GET=200),
    "evidence:impact": own(GET=200),
    "evidence:trash": own(GET=200),
    "evidence:import": own(GET=200, POST=400),
    "evidence:export-md": own(GET=200),
    "evidence:export-json": own(GET=200),
    "evidence:detail": [
        Case("shared with managers", pk("entry.shared"), allow(VIEWERS, GET=200)),
        Case("shared with mentors", pk("entry.mentors"), allow([OWNER, MENTOR], GET=200)),
        Case("private", pk("entry.private"), allow([OWNER], GET=200)),
        Case("trashed", pk("entry.trashed"), {}),
    ],
    "evidence:edit": [
        Case("shared", pk("entry.shared"), allow([OWNER], GET=200, POST=400)),
        Case("private", pk("entry.private"), allow([OWNER], GET=200, POST=400)),
        Case("trashed", pk("entry.trashed"), {}),
    ],
    "evidence:delete": [
        Case("shared", pk("entry.shared"), allow([OWNER], POST=(302, 200))),
        Case("trashed", pk("entry.trashed"), {}),
    ],
    "evidence:share": [
        Case("private", pk("entry.private"), allow([OWNER], POST=(302, 200))),
        Case("shared", pk("entry.shared"), allow([OWNER], POST=(302, 200))),
        Case("trashed", pk("entry.trashed"), {}),
    ],
    "evidence:restore": [
        Case("trashed", pk("entry.trashed"), allow([OWNER], POST=302)),
        Case("live", pk("entry.shared"), {}),
    ],
    # The evidence inbox: a draft is its author's alone; only a waiting one can be logged or
    # dismissed, only a dismissed one brought back. (The forge webhook, /hooks/<key>/, is left
    # out of this table by design: see SKIPPED_URLCONFS in tests/support.py.)
    "evidence:draft-log": [
        Case("waiting", pk("draft.waiting"), allow([OWNER], POST=(302, 200))),
        Case("dismissed", pk("draft.dismissed"), {}),
    ],
    "evidence:draft-dismiss": [
        Case("waiting", pk("draft.waiting"), allow([OWNER], POST=(302, 200))),
        Case("dismissed", pk("draft.dismissed"), {}),
    ],
    "evidence:draft-restore": [
        Case("dismissed", pk("draft.dismissed"), allow([OWNER], POST=(302, 200))),
        Case("waiting", pk("draft.waiting"), {}),
    ],
    "evidence:record-impact": [
        Case("shared", pk("entry.shared"), allow([OWNER], POST=(400, 200))),
        Case("trashed", pk("entry.trashed"), {}),
    ],
    "evidence:person": [
        Case("engineer", username_of(OWNER), allow(VIEWERS, GET=200)),
        Case("manager", username_of(MANAGER), allow([MANAGER, SKIP], GET=200)),
        Case("nobody", lambda w: {"username": "nobody"}, {}),
    ],
    # reviews: feedback
    "reviews:inbox": own(GET=200),
    "reviews:gaps": own(GET=200),
    "reviews:team": own(GET=200),
    # The triage preview and "save and next": the feedback form's rule, beside the inbox.
    "reviews:triage": [
        Case("shared with managers", pk("entry.shared"), allow([MENTOR], GET=200)),
        Case("shared with mentors", pk("entry.mentors"), allow([MENTOR], GET=200)),
        Case("private", pk("entry.private"), {}),
        Case("trashed", pk("entry.trashed"), {}),
    ],
    "reviews:triage-post": [
        Case("shared with managers", pk("entry.shared"), allow([MENTOR], POST=(400, 200))),
        Case("shared with mentors", pk("entry.mentors"), allow([MENTOR], POST=(400, 200))),
        Case("private", pk("entry.private"), {}),
        Case("trashed", pk("entry.trashed"), {}),
    ],
    "reviews:feedback-create": [
        Case("shared with managers", pk("entry.shared"), allow([MENTOR], POST=(400, 200))),
        Case("shared with mentors", pk("entry.mentors"), allow([MENTOR], POST=(400, 200))),
        Case("private", pk("entry.private"), {}),
        Case("trashed", pk("entry.trashed"), {}),
    ],
    "reviews:reply-create": [
        Case("mentor's", pk("feedback.mentor"), allow([OWNER, MENTOR], POST=(400, 200))),
        Case("former mentor's", pk("feedback.former"), allow([OWNER, MENTOR], POST=(400, 200))),
        Case("on an entry made private", pk("feedback.private"), allow([OWNER], POST=(400, 200))),
        Case("on a trashed entry", pk("feedback.trashed"), {}),
    ],
    "reviews:feedback-state": [
        Case("mentor's", pk("feedback.mentor"), allow([OWNER, MENTOR], POST=(302, 200))),
        Case("former mentor's", pk("feedback.former"), allow([OWNER, MENTOR], POST=(302, 200))),
        Case("on an entry made private", pk("feedback.private"), allow([OWNER], POST=(302, 200))),
        Case("on a trashed entry", pk("feedback.trashed"), {}),
    ],
    "reviews:feedback-edit": [
        Case("mentor's", pk("feedback.mentor"), allow([MENTOR], GET=200, POST=400)),
        Case("former mentor's", pk("feedback.former"), {}),
        Case("on an entry made private", pk("feedback.private"), {}),
        Case("on a trashed entry", pk("feedback.trashed"), {}),
    ],
    "reviews:feedback-delete": [
        Case("mentor's", pk("feedback.mentor"), allow([MENTOR], POST=(302, 200))),
        Case("former mentor's", pk("feedback.former"), {}),
        Case("on an entry made private", pk("feedback.private"), {}),
        Case("on a trashed entry", pk("feedback.trashed"), {}),
    ],
    # reviews: readiness
    "reviews:readiness": [
        Case("engineer", username_of(OWNER), allow(VIEWERS, GET=200)),
        Case("manager", username_of(MANAGER), allow([MANAGER, SKIP], GET=200)),
        Case("nobody", lambda w: {"username": "nobody"}, {}),
    ],
    "reviews:readiness-cell": [
        Case("engineer", username_of(OWNER), allow(VIEWERS, GET=200), readiness_cell_query),
        Case("no cell", username_of(OWNER), {}),  # no behaviour/period: 404 for everyone
    ],
    # reviews: the promotion packet
    "reviews:documents": own(GET=200, POST=400),
    "reviews:document": [
        Case("shared", pk("document.shared"), allow(VIEWERS, GET=200)),
        Case("not shared", pk("document.unshared"), allow([OWNER], GET=200)),
    ],
    "reviews:document-settings": [
        Case("shared", pk("document.shared"), allow([OWNER], POST=400)),
        Case("not shared", pk("document.unshared"), allow([OWNER], POST=400)),
    ],
    "reviews:narrative": [
        Case(
            "shared",
            narrative_of("document.shared", "behaviour.staff"),
            allow([OWNER], GET=200, POST=(302, 200)),
        ),
        Case(
            "not shared",
            narrative_of("document.unshared", "behaviour.senior"),
            allow([OWNER], GET=200, POST=(302, 200)),
        ),
        Case("behaviour of another level", narrative_of("document.shared", "behaviour.senior"), {}),
    ],
    # Only the engineer curates; a POST without an action is refused with its sentence (400, or
    # the section saying it for htmx).
    "reviews:evidence-curate": [
        Case(
            "shared",
            curation_of("document.shared", "behaviour.staff", "entry.shared"),
            allow([OWNER], POST=(400, 200)),
        ),
        Case(
            "private entry",
            curation_of("document.shared", "behaviour.staff", "entry.private"),
            allow([OWNER], POST=(400, 200)),
        ),
        Case(
            "not shared",
            curation_of("document.unshared", "behaviour.senior", "entry.shared"),
            allow([OWNER], POST=(400, 200)),
        ),
        Case(
            "behaviour of another level",
            curation_of("document.shared", "behaviour.senior", "entry.shared"),
            {},
        ),
    ],
    "reviews:document-markdown": [
        Case("shared", pk("document.shared"), allow(VIEWERS, GET=200)),
        Case("not shared", pk("document.unshared"), allow([OWNER], GET=200)),
    ],
    "reviews:document-print": [
        Case("shared", pk("document.shared"), allow(VIEWERS, GET=200)),
        Case("not shared", pk("document.unshared"), allow([OWNER], GET=200)),
    ],
    "reviews:attempts": [
        Case("engineer", username_of(OWNER), allow(SELF_OR_MANAGERS, GET=200, POST=400)),
    ],
    "reviews:attempt": [Case("denied", pk("attempt"), allow(SELF_OR_MANAGERS, GET=200))],
    "reviews:attempt-outcome": [
        Case("denied", pk("attempt"), allow(SELF_OR_MANAGERS, POST=400)),
    ],
    "reviews:attempt-document": [Case("denied", pk("attempt"), allow([OWNER], POST=302))],
    # Managers only (the engineer does not move themselves); a denied attempt moves nobody: 302
    # back to the attempt with the reason.
    "reviews:attempt-promote": [Case("denied", pk("attempt"), allow([MANAGER, SKIP], POST=302))],
    "reviews:attempt-point-add": [
        Case("denied", pk("attempt"), allow(SELF_OR_MANAGERS, POST=400)),
    ],
    "reviews:point-track": [
        Case("tracked", pk("point.tracked"), allow(SELF_OR_MANAGERS, POST=302)),
        Case("untracked", pk("point.untracked"), allow(SELF_OR_MANAGERS, POST=302)),
    ],
    "reviews:point-resolve": [
        Case("tracked", pk("point.tracked"), allow(SELF_OR_MANAGERS, POST=302)),
        Case("untracked", pk("point.untracked"), allow(SELF_OR_MANAGERS, POST=302)),
    ],
    # reviews: clerical-error checks
    "reviews:checks": [
        Case("engineer", username_of(OWNER), allow(SELF_OR_MANAGERS, GET=200, POST=400)),
    ],
    "reviews:check-withdraw": [Case("open", pk("check"), allow(SELF_OR_MANAGERS, POST=302))],
    "reviews:questions": own(GET=200),
    "reviews:question": [Case("open", pk("question"), allow([RESPONDENT], GET=200, POST=400))],
}


PATTERNS = url_patterns()
PROBED = ("GET", "POST", "PUT", "PATCH", "DELETE")


def test_the_walk_finds_every_app_and_leaves_out_admin_and_sign_in():
    assert {"home", "evidence:detail", "reviews:question", "reviews:narrative"} <= set(PATTERNS)
    assert not any(name.startswith("admin:") or name == "login" for name in PATTERNS)


def test_every_url_pattern_has_an_entry():
    missing = sorted(set(PATTERNS) - set(TABLE))
    stale = sorted(set(TABLE) - set(PATTERNS))
    assert not missing, (
        f"URL patterns with no entry in TABLE: {missing}. Add one saying how to build the URL "
        "and which roles may use it."
    )
    assert not stale, f"TABLE entries for URL patterns that no longer exist: {stale}"


@pytest.mark.parametrize("name", sorted(PATTERNS))
def test_every_view_declares_its_methods(name):
    assert accepted_methods(PATTERNS[name].view), (
        f"{name} ({PATTERNS[name].route}) accepts every HTTP method: decorate it with "
        "@require_GET, @require_POST or @require_http_methods."
    )


def methods_of(name: str) -> tuple[str, ...]:
    pattern = PATTERNS.get(name)
    found = accepted_methods(pattern.view) if pattern else None
    return tuple(m for m in PROBED if m in (found or ()))


@pytest.mark.parametrize("name", sorted(TABLE))
def test_table_gives_every_accepted_method_for_each_allowed_role(name):
    methods = set(methods_of(name))
    for case in TABLE[name]:
        for role, expected in case.allowed.items():
            assert role in SIGNED_IN, f"{name} [{case.label}]: unknown role {role!r}"
            assert set(expected) == methods, (
                f"{name} [{case.label}] as {role}: the table gives {sorted(expected)}, "
                f"the view accepts {sorted(methods)}"
            )


# --- the matrix --------------------------------------------------------------------------------

# Cases the app gets wrong today, each an xfail(strict=True) naming the bug:
# (url name, case label, role, method, htmx) -> what is wrong. None at the moment.
KNOWN_BUGS: dict[tuple[str, str, str, str, bool], str] = {}


def matrix() -> Iterator:
    for name in sorted(TABLE):
        if name not in PATTERNS:
            continue  # test_every_url_pattern_has_an_entry says so
        for case in TABLE[name]:
            for role in ROLES:
                for method in methods_of(name):
                    for htmx in (False, True):
                        bug = KNOWN_BUGS.get((name, case.label, role, method, htmx))
                        marks = [pytest.mark.xfail(strict=True, reason=f"BUG: {bug}")] * bool(bug)
                        yield pytest.param(
                            name,
                            case,
                            role,
                            method,
                            htmx,
                            marks=marks,
                            id=f"{name}[{case.label}]-{role}-{method}-{'htmx' if htmx else 'page'}",
                        )


def client_as(world: World, role: str) -> Client:
    """A fresh client (no cookies left from other tests) with the role's session."""
    client = Client(enforce_csrf_checks=False)
    if role != ANON:
        client.cookies[settings.SESSION_COOKIE_NAME] = world.sessions[role]
    return client


def send(client: Client, method: str, url: str, *, htmx: bool):
    """An empty form submission (or a plain GET), as a page or as htmx asks for it."""
    headers = {"HX-Request": "true"} if htmx else {}
    form = "application/x-www-form-urlencoded"
    return client.generic(method, url, content_type=form, headers=headers)


def is_sign_in(response) -> bool:
    return response.status_code == 302 and response.url.startswith(reverse("login"))


@pytest.mark.parametrize(("name", "case", "role", "method", "htmx"), list(matrix()))
def test_authorization_matrix(world, db, name, case, role, method, htmx):
    url = case.url(name, world)
    expected = case.expected(role, method, htmx)
    where = f"{method} {url} as {role}{' with htmx' if htmx else ''} ({name} [{case.label}])"
    refused = role == ANON or expected == 404
    client = client_as(world, role)
    before = snapshot() if refused else {}

    response = send(client, method, url, htmx=htmx)

    assert response.status_code == expected, (
        f"{where}: expected {expected}, got {response.status_code}"
    )
    if role == ANON:
        assert is_sign_in(response), f"{where}: redirected to {response.url}, not to sign-in"
    elif response.status_code in (301, 302, 303):
        assert not is_sign_in(response), f"{where}: a signed-in user was sent to sign in"
    if refused:
        changed = changed_by_refusal(before)
        assert not changed, f"{where}: refused, yet it changed {changed}"


def probes() -> Iterator:
    for name in sorted(PATTERNS):
        accepted = methods_of(name)
        if not accepted or name not in TABLE:
            continue  # the tests above fail for these
        for method in PROBED:
            if method not in accepted:
                for role in (OWNER, ANON):  # 405 comes before any relation is looked at
                    yield pytest.param(name, method, role, id=f"{name}-{method}-{role}")


@pytest.mark.parametrize(("name", "method", "role"), list(probes()))
def test_other_methods_are_refused_with_405(world, db, name, method, role):
    """What method discovery says a view does not accept, it really refuses, and changes nothing."""
    case = TABLE[name][0]
    url = case.url(name, world)
    client = client_as(world, role)
    before = snapshot()
    response = send(client, method, url, htmx=False)
    if role == ANON:
        assert is_sign_in(response), f"{method} {url} as anonymous: {response.status_code}"
    else:
        assert response.status_code == 405, f"{method} {url} as {role}: {response.status_code}"
    changed = changed_by_refusal(before)
    assert not changed, f"{method} {url} as {role}: refused, yet it changed {changed}"
