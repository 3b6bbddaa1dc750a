"""Reads of feedback, with who-may-see-what in one place.

Feedback is between an engineer and their mentors: the entry's author and every active mentor
who may see the entry read all its threads. Managers see the entry but not the conversation
about it (readiness later uses the verdicts, never the words).
"""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.contrib.auth import get_user_model
from django.contrib.auth.base_user import AbstractBaseUser
from django.db.models import (
    Case,
    Count,
    Exists,
    F,
    FloatField,
    Max,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Value,
    When,
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
    seen = access.visibility_q(viewer, prefix="entry__", scope=scope) if viewer else Q()
    return list(
        Feedback.objects.filter(
            seen,
            entry__author=engineer,
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
# period in two grouped queries, applying the same rules in SQL (tests hold the two equal).


def policy_of(ladder: Ladder) -> readiness.Policy:
    return readiness.Policy(**{name: getattr(ladder, name) for name in POLICY_FIELDS})


def _end_of(as_of: date) -> datetime:
    """The first instant after `as_of`, in the current time zone: verdicts before it count."""
    return timezone.make_aware(datetime.combine(as_of + timedelta(days=1), time.min))


def _visible_entries(
    viewer: AbstractBaseUser,
    authors: list[int],
    *,
    as_of: date,
    months: tuple[int, int],
    scope: access.Scope | None = None,
) -> QuerySet[Entry]:
    return Entry.objects.filter(
        access.visibility_q(viewer, scope=scope),
        author_id__in=authors,
        deleted_at__isnull=True,
        week_start__lte=as_of,
        month_index__range=months,
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
        for e in _visible_entries(
            viewer, [engineer.pk], as_of=as_of, months=months, scope=scope
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


Grid = dict[tuple[int, int, int], float]  # (engineer, behaviour, period index) -> best strength


def team_grid(
    viewer: AbstractBaseUser,
    engineers: list[int],
    *,
    as_of: date,
    policy: readiness.Policy,
    scope: access.Scope | None = None,
) -> tuple[Grid, dict[tuple[int, int], date]]:
    """Best strength per engineer, behaviour and window period, and last evidence per behaviour.

    Two queries for any number of engineers: the window's tags, and for each judged (entry,
    behaviour) the best of each mentor's latest verdict as of `as_of` (capped to a flash while
    impact is unmeasured or too recent to assess) -- the rules of reviews.readiness.judge, in
    SQL. A tag nobody judged yet is a flash.
    """
    window = readiness.window_indexes(as_of, policy)
    months = readiness.months_of(window, policy)
    visible = _visible_entries(viewer, engineers, as_of=as_of, months=months, scope=scope)
    visible = visible.values("pk")
    end = _end_of(as_of)

    tags = EntryBehaviour.objects.filter(entry_id__in=visible).values_list(
        "entry_id", "behaviour_id", "entry__author_id", "entry__month_index", "entry__week_start"
    )

    later = BehaviourVerdict.objects.filter(
        feedback__entry_id=OuterRef("feedback__entry_id"),
        feedback__author_id=OuterRef("feedback__author_id"),
        behaviour_id=OuterRef("behaviour_id"),
        feedback__judged_at__gt=OuterRef("feedback__judged_at"),
        feedback__judged_at__lt=end,
    )
    immature = Q(
        feedback__entry__shipped_on__gt=as_of - timedelta(weeks=policy.impact_maturity_weeks)
    )
    unmeasured = Q(feedback__entry__impact_measured_on__isnull=True) | Q(
        feedback__entry__impact_measured_on__gt=as_of
    )
    strength = Case(
        When(Q(verdict=Verdict.DEMONSTRATED) & (immature | unmeasured), then=Value(0.5)),
        When(verdict=Verdict.DEMONSTRATED, then=Value(1.0)),
        When(verdict=Verdict.FLASHES, then=Value(0.5)),
        default=Value(0.0),
        output_field=FloatField(),
    )
    # One row per judged (entry, behaviour): its best current verdict. The same rows say which
    # tags were judged, so a tag nobody judged yet (a flash) is found by subtraction here rather
    # than with a correlated NOT EXISTS, whose plan SQLite gets badly wrong without table
    # statistics (quadratic in the number of people). Both reads are bounded by the window.
    verdicts = (
        BehaviourVerdict.objects.filter(feedback__entry_id__in=visible, feedback__judged_at__lt=end)
        .exclude(Exists(later))
        .values_list(
            "feedback__entry_id",
            "behaviour_id",
            "feedback__entry__author_id",
            "feedback__entry__month_index",
            "feedback__entry__week_start",
        )
        .annotate(best=Max(strength))
        .order_by()
    )

    grid: Grid = {}
    last: dict[tuple[int, int], date] = {}

    def count(author: int, behaviour: int, month: int, week: date, score: float) -> None:
        key = (author, behaviour, month // policy.period_months)
        grid[key] = max(grid.get(key, 0.0), score)
        last[key[:2]] = max(last.get(key[:2], week), week)

    judged = set()
    for entry_id, behaviour_id, author, month, week, best in verdicts:  # tagged or not
        judged.add((entry_id, behaviour_id))
        count(author, behaviour_id, month, week, best)
    for entry_id, behaviour_id, author, month, week in tags:
        if (entry_id, behaviour_id) not in judged:
            count(author, behaviour_id, month, week, readiness.SELF_TAGGED)
    return grid, last


def open_gap_counts(
    viewer: AbstractBaseUser, engineers: list[int], *, scope: access.Scope | None = None
) -> dict[int, int]:
    """Open gap notes per engineer, on entries the viewer may see (a count, never the words)."""
    rows = (
        Feedback.objects.filter(
            access.visibility_q(viewer, prefix="entry__", scope=scope),
            entry__author_id__in=engineers,
            entry__deleted_at__isnull=True,
            state__in=[Feedback.State.OPEN, Feedback.State.ADDRESSED],
        )
        .exclude(gap_note="")
        .values_list("entry__author_id")
        .annotate(n=Count("pk"))
        .order_by()
    )
    return dict(rows)
