"""Reads of feedback, with who-may-see-what in one place.

Feedback is between an engineer and their mentors: the entry's author and every active mentor
who may see the entry read all its threads. Managers see the entry but not the conversation
about it (readiness later uses the verdicts, never the words).
"""

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from django.contrib.auth import get_user_model
from django.contrib.auth.models import User
from django.db.models import Case, Count, Exists, F, Min, OuterRef, Prefetch, Q, QuerySet, When
from django.http import Http404
from django.utils import timezone

from evidence.models import Entry, EntryQuerySet
from promo import access
from promo.models import Behaviour, Mentorship
from reviews.feedback.models import BehaviourVerdict, Feedback, Reply


def _author_mentors_engineer() -> Exists:
    """Is the feedback's author still an active mentor of the entry's author (for each row)."""
    return Exists(
        Mentorship.objects.active().filter(
            mentor=OuterRef("author"), engineer=OuterRef("entry__author")
        )
    )


def is_reviewer(user: User, entry: Entry) -> bool:
    """May `user` give feedback on `entry`: an active mentor of its author, shared with mentors."""
    return access.may_see_as_mentor(user, entry.author_id, entry.visibility)


def sees_feedback(user: User, entry: Entry) -> bool:
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


def feedback_for_viewer(user: User, pk: int) -> Feedback:
    """Feedback the user may read (author of the entry, or its reviewer), or 404."""
    found = Feedback.objects.select_related("entry__author", "author").filter(
        pk=pk, entry__deleted_at__isnull=True
    )
    feedback = found.first()
    if feedback is None or not sees_feedback(user, feedback.entry):
        raise Http404("No such feedback.")
    return feedback


def own_feedback_or_404(user: User, pk: int) -> Feedback:
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
    user: User
    total: int
    unreviewed: int


def reviewable(mentor: User) -> EntryQuerySet:
    """Live entries the mentor may review: their active mentees', shared with mentors (the rule
    of `is_reviewer`, as a list)."""
    return Entry.objects.live().filter(
        author_id__in=access.mentees_of(mentor.pk), visibility__in=sorted(access.MENTOR_SEES)
    )


def inbox(
    mentor: User,
    *,
    mentee: User | None = None,
    behaviour: Behaviour | None = None,
) -> QuerySet[Entry]:
    """Mentees' entries shared with mentors: those waiting for this mentor's feedback first,
    the longest waiting first; then the reviewed ones, newest first."""
    mine = Feedback.objects.filter(entry=OuterRef("pk"), author=mentor)
    entries = reviewable(mentor)
    if mentee is not None:
        entries = entries.filter(author=mentee)
    if behaviour is not None:
        entries = entries.filter(tags__behaviour=behaviour)
    return (
        entries.annotate(reviewed=Exists(mine), feedback_count=Count("feedback", distinct=True))
        .select_related("author__person")  # the preview's form reads the author's target
        .prefetch_related(
            Prefetch(
                "behaviours",
                queryset=Behaviour.objects.select_related("level").order_by("level__rank", "rank"),
            )
        )
        .order_by(
            "reviewed",
            Case(When(Q(reviewed=False), then="created_at")).asc(nulls_last=True),
            "-week_start",
            "-pk",
        )
    )


def waited_days(since: datetime, now: datetime | None = None) -> int:
    """Whole days between `since` and now, in the site's time zone (0: since today)."""
    today = timezone.localdate(now or timezone.now())
    return (today - timezone.localdate(since)).days


@dataclass(frozen=True)
class InboxRow:
    """One entry of the inbox, and how long it has waited for this mentor (None: reviewed)."""

    entry: Entry
    waited: int | None


def inbox_rows(entries: Iterable[Entry], *, now: datetime | None = None) -> list[InboxRow]:
    """The inbox's entries (annotated by `inbox`) with their waits, counted from when each was
    logged (an entry keeps no date of sharing)."""
    return [
        InboxRow(
            entry=e,
            # Q()-free: `reviewed` is an annotation mypy does not know.
            waited=None if getattr(e, "reviewed", False) else waited_days(e.created_at, now),
        )
        for e in entries
    ]


def addressed(mentor: User) -> QuerySet[Feedback]:
    """The mentor's threads the engineer marked addressed, on entries the mentor still reviews,
    that the mentor has neither resolved, reopened nor answered since: the longest waiting
    first. Marking addressed (or the engineer's reply that does it) stamps `updated_at`."""
    answered = Reply.objects.filter(
        feedback=OuterRef("pk"), author=mentor, created_at__gte=OuterRef("updated_at")
    )
    return (
        Feedback.objects.filter(
            author=mentor, state=Feedback.State.ADDRESSED, entry__in=reviewable(mentor)
        )
        .exclude(Exists(answered))
        .select_related("entry__author")
        .order_by("updated_at", "pk")
    )


def inbox_counts(mentor: User) -> list[MenteeCount]:
    """Per mentee: entries shared with mentors, and how many this mentor has not reviewed.
    Someone who mentors nobody costs one query."""
    mentees = access.mentees_of(mentor.pk)
    people = get_user_model().objects.filter(pk__in=mentees).order_by("first_name", "username")
    users = {u.pk: u for u in people}
    if not users:
        return []
    entries = inbox(mentor)
    totals = dict(
        entries.order_by().values_list("author_id").annotate(n=Count("pk", distinct=True))
    )
    # Q(): mypy knows Entry's fields, not the annotations inbox() adds.
    reviewed: dict[int, int] = dict(
        entries.filter(Q(reviewed=True))
        .order_by()
        .values_list("author_id")
        .annotate(n=Count("pk", distinct=True))
    )
    return [
        MenteeCount(
            user=u, total=totals.get(pk, 0), unreviewed=totals.get(pk, 0) - reviewed.get(pk, 0)
        )
        for pk, u in users.items()
    ]


def _still_open(seen: Q) -> QuerySet[Feedback]:
    """Gap notes not yet resolved, on live entries, among those `seen`."""
    return Feedback.objects.filter(
        seen,
        entry__deleted_at__isnull=True,
        state__in=[Feedback.State.OPEN, Feedback.State.ADDRESSED],
    ).exclude(gap_note="")


def open_gaps(
    engineer: User,
    *,
    viewer: User | None = None,
    scope: access.Scope | None = None,
    newest: int | None = None,
) -> list[Feedback]:
    """Open and addressed gap notes on the engineer's live entries, grouped by behaviour; with
    `newest`, only that many, the most recent first (a page that must cost the same however
    long the history).

    With a viewer, only notes on entries that viewer may see.
    """
    seen = (
        access.visibility_q(viewer, prefix="entry__", scope=scope, authors=[engineer.pk])
        if viewer
        else Q(entry__author=engineer)
    )
    found = (
        _still_open(seen)
        .annotate(mentor_active=_author_mentors_engineer())
        .select_related("entry", "author", "gap_behaviour__level")
    )
    if newest is not None:
        return list(found.order_by("-created_at", "-pk")[:newest])
    return list(
        found.order_by(
            F("gap_behaviour__level__rank").asc(nulls_last=True),
            F("gap_behaviour__rank").asc(nulls_last=True),
            "gap_behaviour",
            "-created_at",
            "-pk",
        )
    )


def open_gap_counts(
    reader: User | access.Relation,
    engineers: list[int],
    *,
    scope: access.Scope | None = None,
    per: str = "entry__author_id",
) -> dict[int | None, int]:
    """Open gap notes on entries the reader may see (a count, never the words): per engineer,
    or with per="gap_behaviour_id" per behaviour (None: a note not tied to a behaviour). The
    reader is a person, or a role (`access.readable_by`)."""
    seen = access.readable_by(reader, engineers, scope=scope, prefix="entry__")
    rows = _still_open(seen).values_list(per).annotate(n=Count("pk")).order_by()
    return dict(rows)


@dataclass(frozen=True)
class Waiting:
    """Entries by one engineer waiting for one of their mentors' feedback: how many, and how
    long the oldest has waited. A count for a manager's page: never a title or a word."""

    mentee: User
    mentor: User
    waiting: int
    oldest_days: int


def waiting_by_mentor(
    viewer: User, *, scope: access.Scope | None = None, now: datetime | None = None
) -> list[Waiting]:
    """For a manager: per report and active mentor, the entries waiting for that mentor's
    feedback, counted only among entries the manager may see (shared with managers), longest
    wait first. One query for the counts, one for the people, however large the team."""
    scope = scope or access.scope_of(viewer)
    if not scope.reports:
        return []
    seen = access.visibility_q(
        viewer, scope=scope, authors=scope.reports, prefix="engineer__entries__"
    )
    reviewed = Feedback.objects.filter(
        entry_id=OuterRef("engineer__entries__id"), author_id=OuterRef("mentor_id")
    )
    rows = (
        Mentorship.objects.active()
        .filter(
            seen,
            ~Exists(reviewed),
            engineer__entries__deleted_at__isnull=True,
            engineer__entries__visibility__in=sorted(access.MENTOR_SEES),
        )
        .values("engineer_id", "mentor_id")
        .annotate(n=Count("engineer__entries__id"), oldest=Min("engineer__entries__created_at"))
        .order_by("oldest", "engineer_id", "mentor_id")
    )
    found = list(rows)
    ids = {r["engineer_id"] for r in found} | {r["mentor_id"] for r in found}
    people = get_user_model().objects.in_bulk(ids)
    return [
        Waiting(
            mentee=people[r["engineer_id"]],
            mentor=people[r["mentor_id"]],
            waiting=r["n"],
            oldest_days=waited_days(r["oldest"], now),
        )
        for r in found
    ]


def oldest_waiting(mentor: User) -> datetime | None:
    """When the entry that has waited longest for this mentor's feedback was logged."""
    mine = Feedback.objects.filter(entry=OuterRef("pk"), author=mentor)
    found = reviewable(mentor).exclude(Exists(mine)).aggregate(oldest=Min("created_at"))
    oldest: datetime | None = found["oldest"]
    return oldest


def gaps_to_answer(engineer: User) -> int:
    """Gap notes on the engineer's live entries still open: neither addressed nor resolved."""
    return _still_open(Q(entry__author=engineer)).filter(state=Feedback.State.OPEN).count()
