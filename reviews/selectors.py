"""Reads of feedback, with who-may-see-what in one place.

Feedback is between an engineer and their mentors: the entry's author and every active mentor
who may see the entry read all its threads. Managers see the entry but not the conversation
about it (readiness later uses the verdicts, never the words).
"""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.contrib.auth import get_user_model
from django.contrib.auth.base_user import AbstractBaseUser
from django.core.exceptions import EmptyResultSet
from django.db import connection
from django.db.models import (
    Count,
    Exists,
    F,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
)
from django.http import Http404
from django.utils import timezone

from evidence.models import Entry, EntryBehaviour
from promo import access
from promo.ladder_files import POLICY_FIELDS
from promo.models import Behaviour, Ladder, Mentorship
from reviews import readiness
from reviews.models import BehaviourVerdict, Feedback, Reply, Verdict


def _author_mentors_engineer() -> Exists:
    """Is the feedback's author still an active mentor of the entry's author (for each row)."""
    return Exists(
        Mentorship.objects.active().filter(
            mentor=OuterRef("author"), engineer=OuterRef("entry__author")
        )
    )


def is_reviewer(user: AbstractBaseUser, entry: Entry) -> bool:
    """May `user` give feedback on `entry`: an active mentor of its author, shared with mentors."""
    if not user.is_authenticated or user.pk == entry.author_id:
        return False
    return entry.visibility in access.MENTOR_SEES and access.is_mentor_of(user.pk, entry.author_id)


def sees_feedback(user: AbstractBaseUser, entry: Entry) -> bool:
    return user.pk == entry.author_id or is_reviewer(user, entry)


def threads(entry: Entry, *, only: int | None = None) -> list[Feedback]:
    """Every feedback thread on an entry, oldest first, with verdicts, replies and history."""
    verdicts = BehaviourVerdict.objects.select_related("behaviour").order_by(
        "behaviour__level__rank", "behaviour__rank"
    )
    return list(
        Feedback.objects.filter(entry=entry, **({"pk": only} if only is not None else {}))
        .annotate(mentor_active=_author_mentors_engineer())
        .select_related("author", "gap_behaviour", "extra_behaviour")
        .prefetch_related(
            Prefetch("verdicts", queryset=verdicts),
            Prefetch("replies", queryset=Reply.objects.select_related("author")),
            "revisions",
        )
    )


def feedback_for_viewer(user: AbstractBaseUser, pk: int) -> Feedback:
    """Feedback the user may read (author of the entry, or its reviewer), or 404."""
    found = Feedback.objects.select_related("entry__author", "author").filter(
        pk=pk, entry__deleted_at__isnull=True
    )
    feedback = found.first()
    if feedback is None or not sees_feedback(user, feedback.entry):
        raise Http404("No such feedback.")
    return feedback


def own_feedback_or_404(user: AbstractBaseUser, pk: int) -> Feedback:
    """Feedback the user wrote, while they still mentor the entry's author; 404 otherwise."""
    feedback = feedback_for_viewer(user, pk)
    if feedback.author_id != user.pk:
        raise Http404("No such feedback.")
    return feedback


def thread(feedback: Feedback) -> Feedback:
    """One thread with everything it shows, after a reply or a change of state."""
    return threads(feedback.entry, only=feedback.pk)[0]


@dataclass(frozen=True)
class MenteeCount:
    user: AbstractBaseUser
    total: int
    unreviewed: int


def inbox(
    mentor: AbstractBaseUser,
    *,
    mentee: AbstractBaseUser | None = None,
    behaviour: Behaviour | None = None,
) -> QuerySet[Entry]:
    """Mentees' entries shared with mentors: unreviewed by this mentor first, then newest."""
    mine = Feedback.objects.filter(entry=OuterRef("pk"), author=mentor)
    entries = Entry.objects.live().filter(
        author_id__in=access.mentee_ids(mentor.pk), visibility__in=sorted(access.MENTOR_SEES)
    )
    if mentee is not None:
        entries = entries.filter(author=mentee)
    if behaviour is not None:
        entries = entries.filter(tags__behaviour=behaviour)
    return (
        entries.annotate(reviewed=Exists(mine), feedback_count=Count("feedback", distinct=True))
        .select_related("author")
        .prefetch_related(
            Prefetch(
                "behaviours",
                queryset=Behaviour.objects.select_related("level").order_by("level__rank", "rank"),
            )
        )
        .order_by("reviewed", "-week_start", "-pk")
    )


def inbox_counts(mentor: AbstractBaseUser) -> list[MenteeCount]:
    """Per mentee: entries shared with mentors, and how many this mentor has not reviewed."""
    entries = inbox(mentor)
    totals = dict(
        entries.order_by().values_list("author_id").annotate(n=Count("pk", distinct=True))
    )
    reviewed = dict(
        entries.filter(reviewed=True)
        .order_by()
        .values_list("author_id")
        .annotate(n=Count("pk", distinct=True))
    )
    links = access.mentee_ids(mentor.pk)
    people = get_user_model().objects.filter(pk__in=links).order_by("first_name", "username")
    users = {u.pk: u for u in people}
    return [
        MenteeCount(
            user=u, total=totals.get(pk, 0), unreviewed=totals.get(pk, 0) - reviewed.get(pk, 0)
        )
        for pk, u in users.items()
    ]


def open_gaps(
    engineer: AbstractBaseUser,
    *,
    viewer: AbstractBaseUser | None = None,
    scope: access.Scope | None = None,
) -> list[Feedback]:
    """Open and addressed gap notes on the engineer's live entries, grouped by behaviour.

    With a viewer, only notes on entries that viewer may see.
    """
    seen = (
        access.visibility_q(viewer, prefix="entry__", scope=scope, authors=[engineer.pk])
        if viewer
        else Q(entry__author=engineer)
    )
    return list(
        Feedback.objects.filter(
            seen,
            entry__deleted_at__isnull=True,
            state__in=[Feedback.State.OPEN, Feedback.State.ADDRESSED],
        )
        .exclude(gap_note="")
        .annotate(mentor_active=_author_mentors_engineer())
        .select_related("entry", "author", "gap_behaviour__level")
        .order_by(
            F("gap_behaviour__level__rank").asc(nulls_last=True),
            F("gap_behaviour__rank").asc(nulls_last=True),
            "gap_behaviour",
            "-created_at",
            "-pk",
        )
    )


# --- readiness -------------------------------------------------------------------------------
#
# Readiness is computed from the entries the viewer may see (promo.access.visibility_q), with
# every verdict on them: a manager's numbers never include a private entry. One engineer's
# page loads that engineer's claims in the range shown and applies reviews.readiness in Python;
# the team dashboard asks the database for the best strength per engineer, behaviour and
# month in one grouped query, applying the same rules in SQL (tests hold the two equal).


def policy_of(ladder: Ladder) -> readiness.Policy:
    return readiness.Policy(**{name: getattr(ladder, name) for name in POLICY_FIELDS})


def end_of(as_of: date) -> datetime:
    """The first instant after `as_of`, in the current time zone: verdicts before it count."""
    return timezone.make_aware(datetime.combine(as_of + timedelta(days=1), time.min))


def _visible_q(
    viewer: AbstractBaseUser,
    authors: list[int],
    *,
    as_of: date,
    months: tuple[int, int],
    scope: access.Scope | None = None,
    prefix: str = "",
) -> Q:
    """Rows whose entry (reached through `prefix`) is one of the authors' live entries in the
    month range, up to as_of, that the viewer may see. Filtering through the join, rather than
    with `entry IN (subquery)`, lets the database start from the entries' author index."""
    return access.visibility_q(viewer, prefix=prefix, scope=scope, authors=authors) & Q(
        **{
            f"{prefix}deleted_at__isnull": True,
            f"{prefix}week_start__lte": as_of,
            f"{prefix}month_index__range": months,
        }
    )


def claims_of(
    viewer: AbstractBaseUser,
    engineer: AbstractBaseUser,
    *,
    as_of: date,
    months: tuple[int, int],
    scope: access.Scope | None = None,
) -> tuple[list[readiness.Claim], dict[int, Entry]]:
    """The engineer's claims the viewer may see in the month range, with every verdict on them.

    Three queries whatever the history: entries, their tags, their verdicts.
    """
    entries = {
        e.pk: e
        for e in Entry.objects.filter(
            _visible_q(viewer, [engineer.pk], as_of=as_of, months=months, scope=scope)
        ).only(
            "pk",
            "title",
            "week_start",
            "shipped_on",
            "impact_measured_on",
            "visibility",
            "author_id",
        )
    }
    tagged = set(
        EntryBehaviour.objects.filter(entry_id__in=entries).values_list("entry_id", "behaviour_id")
    )
    verdicts: dict[tuple[int, int], list[readiness.MentorVerdict]] = {}
    rows = BehaviourVerdict.objects.filter(feedback__entry_id__in=entries).values_list(
        "feedback__entry_id",
        "behaviour_id",
        "feedback__author_id",
        "feedback__judged_at",
        "verdict",
    )
    for entry_id, behaviour_id, mentor_id, judged_at, verdict in rows.order_by(
        "feedback__judged_at", "pk"
    ):
        verdicts.setdefault((entry_id, behaviour_id), []).append(
            readiness.MentorVerdict(mentor=mentor_id, at=judged_at, verdict=verdict)
        )
    claims = []
    for entry_id, behaviour_id in sorted(tagged | set(verdicts)):
        entry = entries[entry_id]
        claims.append(
            readiness.Claim(
                entry_id=entry_id,
                behaviour=behaviour_id,
                week_start=entry.week_start,
                self_tagged=(entry_id, behaviour_id) in tagged,
                shipped_on=entry.shipped_on,
                impact_measured_on=entry.impact_measured_on,
                verdicts=tuple(verdicts.get((entry_id, behaviour_id), ())),
            )
        )
    return claims, entries


Grid = dict[tuple[int, int], dict[int, float]]  # (engineer, behaviour) -> period -> best strength


def _grid_sql(visible_sql: str) -> str:
    """Best strength and latest week per engineer, behaviour and month, over `visible_sql` (the
    entries the viewer may see in the window): the rules of reviews.readiness.judge in SQL.

    - judged: for each (entry, behaviour) some mentor gave a verdict on before the end of as_of,
      the best of each mentor's latest verdict (of two at the same instant, the later saved),
      "demonstrated" capped to a flash while the impact is too recent or unmeasured;
    - claims: every tag, worth its judged strength or else a flash (self-tagged), and every
      judged behaviour nobody tagged (a mentor named it);
    - grouped by engineer, behaviour and month, like the benchmark's floor.
    Only placeholders, our own table names and readiness's constants are formatted in.
    """
    entry_tag, feedback = EntryBehaviour._meta.db_table, Feedback._meta.db_table
    verdict = BehaviourVerdict._meta.db_table
    real = "DOUBLE PRECISION"
    demonstrated, flash, gap = readiness.DEMONSTRATED, readiness.FLASH, readiness.STRENGTH["gap"]
    return f"""
        WITH visible AS ({visible_sql}),
        tagged AS (
            SELECT t.entry_id, t.behaviour_id, e.author_id, e.month_index, e.week_start
            FROM {entry_tag} t JOIN visible e ON e.id = t.entry_id
        ),
        latest AS (
            SELECT f.entry_id, v.behaviour_id, e.author_id, e.month_index, e.week_start,
                   CASE
                       WHEN v.verdict = %s AND (e.shipped_on > %s OR e.impact_measured_on IS NULL
                                                OR e.impact_measured_on > %s) THEN {flash}
                       WHEN v.verdict = %s THEN {demonstrated}
                       WHEN v.verdict = %s THEN {flash}
                       ELSE {gap}
                   END AS strength,
                   ROW_NUMBER() OVER (
                       PARTITION BY f.entry_id, f.author_id, v.behaviour_id
                       ORDER BY f.judged_at DESC, v.id DESC
                   ) AS newest
            FROM {verdict} v
            JOIN {feedback} f ON f.id = v.feedback_id
            JOIN visible e ON e.id = f.entry_id
            WHERE f.judged_at < %s
        ),
        judged AS (
            SELECT entry_id, behaviour_id, author_id, month_index, week_start,
                   MAX(strength) AS best
            FROM latest WHERE newest = 1
            GROUP BY entry_id, behaviour_id, author_id, month_index, week_start
        ),
        claims AS (
            SELECT t.author_id, t.behaviour_id, t.month_index, t.week_start,
                   COALESCE(j.best, {readiness.SELF_TAGGED}) AS strength
            FROM tagged t
            LEFT JOIN judged j ON j.entry_id = t.entry_id AND j.behaviour_id = t.behaviour_id
            UNION ALL
            SELECT j.author_id, j.behaviour_id, j.month_index, j.week_start, j.best
            FROM judged j
            WHERE NOT EXISTS (
                SELECT 1 FROM tagged t
                WHERE t.entry_id = j.entry_id AND t.behaviour_id = j.behaviour_id)
        )
        SELECT author_id, behaviour_id, month_index,
               CAST(MAX(strength) AS {real}), MAX(week_start)
        FROM claims
        GROUP BY author_id, behaviour_id, month_index
    """


def team_grid(
    viewer: AbstractBaseUser,
    engineers: list[int],
    *,
    as_of: date,
    policy: readiness.Policy,
    scope: access.Scope | None = None,
) -> tuple[Grid, dict[tuple[int, int], date]]:
    """Best strength per engineer, behaviour and window period, and last evidence per behaviour.

    One query for any number of engineers, grouped in the database as the benchmark's floor is
    (see _grid_sql for the rules). Tests hold it equal to the engineer page's Python rules.
    """
    window = readiness.window_indexes(as_of, policy)
    months = readiness.months_of(window, policy)
    visible = Entry.objects.filter(
        _visible_q(viewer, engineers, as_of=as_of, months=months, scope=scope)
    ).values("id", "author_id", "month_index", "week_start", "shipped_on", "impact_measured_on")
    try:
        visible_sql, visible_params = visible.order_by().query.sql_with_params()
    except EmptyResultSet:  # the viewer may see none of these engineers' entries
        return {}, {}
    end = end_of(as_of)
    matured_by = as_of - timedelta(weeks=policy.impact_maturity_weeks)
    params = [
        *visible_params,
        Verdict.DEMONSTRATED.value,
        matured_by,
        as_of,
        Verdict.DEMONSTRATED.value,
        Verdict.FLASHES.value,
        end,
    ]
    grid: Grid = {}
    last: dict[tuple[int, int], date] = {}
    per = policy.period_months
    with connection.cursor() as cursor:
        cursor.execute(_grid_sql(visible_sql), params)
        rows = cursor.fetchall()
    for author, behaviour, month, best, week in rows:
        if isinstance(week, str):  # SQLite returns MAX() of a date column as text
            week = date.fromisoformat(week)
        key = (author, behaviour)
        cells = grid.setdefault(key, {})
        period = month // per
        cells[period] = max(cells.get(period, best), best)
        last[key] = max(last.get(key, week), week)
    return grid, last


def open_gap_counts(
    viewer: AbstractBaseUser,
    engineers: list[int],
    *,
    scope: access.Scope | None = None,
    per: str = "entry__author_id",
) -> dict[int | None, int]:
    """Open gap notes on entries the viewer may see (a count, never the words): per engineer,
    or with per="gap_behaviour_id" per behaviour (None: a note not tied to a behaviour)."""
    rows = (
        Feedback.objects.filter(
            access.visibility_q(viewer, prefix="entry__", scope=scope, authors=engineers),
            entry__deleted_at__isnull=True,
            state__in=[Feedback.State.OPEN, Feedback.State.ADDRESSED],
        )
        .exclude(gap_note="")
        .values_list(per)
        .annotate(n=Count("pk"))
        .order_by()
    )
    return dict(rows)
