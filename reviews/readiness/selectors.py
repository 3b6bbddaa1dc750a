"""Reads for readiness: the claims one viewer may see, and the team grid.

Readiness is computed from the entries the viewer may see (promo.access.visibility_q), with
every verdict on them: a manager's numbers never include a private entry. One engineer's page
loads that engineer's claims in the range shown and applies reviews.readiness.rules in Python;
the team dashboard asks the database for the best strength per engineer, behaviour and month in
one grouped query, applying the same rules in SQL (tests hold the two equal).
"""

from datetime import date, datetime, time, timedelta

from django.contrib.auth.models import User
from django.core.exceptions import EmptyResultSet
from django.db import connection
from django.db.models import Q
from django.utils import timezone

from evidence.models import Entry, EntryBehaviour
from promo import access
from promo.ladder_files import POLICY_FIELDS
from promo.models import Ladder
from reviews.feedback.models import BehaviourVerdict, Feedback, Verdict
from reviews.readiness import rules
from reviews.readiness.periods import Policy, months_of, window_indexes


def policy_of(ladder: Ladder) -> Policy:
    return Policy(**{name: getattr(ladder, name) for name in POLICY_FIELDS})


def end_of(as_of: date) -> datetime:
    """The first instant after `as_of`, in the current time zone: verdicts before it count."""
    return timezone.make_aware(datetime.combine(as_of + timedelta(days=1), time.min))


def _visible_q(seen: Q, *, as_of: date, months: tuple[int, int]) -> Q:
    """Live entries in the month range, up to as_of, among those `seen` allows (a rule from
    promo.access). Filtering through the entry's own columns, rather than with
    `entry IN (subquery)`, lets the database start from the entries' author index."""
    return seen & Q(deleted_at__isnull=True, week_start__lte=as_of, month_index__range=months)


def claims_of(
    engineer: User,
    *,
    seen: Q,
    as_of: date,
    months: tuple[int, int],
) -> tuple[list[rules.Claim], dict[int, Entry]]:
    """The engineer's claims in the month range on the entries `seen` allows (the viewer's
    `access.visibility_q`, or a role's `access.relation_q`), with every verdict on them.

    Three queries whatever the history: entries, their tags, their verdicts.
    """
    entries = {
        e.pk: e
        for e in Entry.objects.filter(
            _visible_q(seen & Q(author_id=engineer.pk), as_of=as_of, months=months)
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
    verdicts: dict[tuple[int, int], list[rules.MentorVerdict]] = {}
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
            rules.MentorVerdict(mentor=mentor_id, at=judged_at, verdict=verdict)
        )
    claims = []
    for entry_id, behaviour_id in sorted(tagged | set(verdicts)):
        entry = entries[entry_id]
        claims.append(
            rules.Claim(
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
    demonstrated, flash, gap = rules.DEMONSTRATED, rules.FLASH, rules.STRENGTH["gap"]
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
                   COALESCE(j.best, {rules.SELF_TAGGED}) AS strength
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
    viewer: User,
    engineers: list[int],
    *,
    as_of: date,
    policy: Policy,
    scope: access.Scope | None = None,
) -> tuple[Grid, dict[tuple[int, int], date]]:
    """Best strength per engineer, behaviour and window period, and last evidence per behaviour.

    One query for any number of engineers, grouped in the database as the benchmark's floor is
    (see _grid_sql for the rules). Tests hold it equal to the engineer page's Python rules.
    """
    window = window_indexes(as_of, policy)
    months = months_of(window, policy)
    visible = Entry.objects.filter(
        _visible_q(
            access.visibility_q(viewer, scope=scope, authors=engineers), as_of=as_of, months=months
        )
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
