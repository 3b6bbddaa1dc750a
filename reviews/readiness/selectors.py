"""Reads for readiness: the claims a reader may see, for one engineer or many.

Readiness is computed from the entries the reader may see (promo.access.visibility_q), with
every verdict on them: a manager's numbers never include a private entry. These reads fetch;
reviews.readiness.rules judges, in Python, for every page alike (reviews.readiness.pipeline).
"""

from datetime import date, datetime, time, timedelta
from functools import lru_cache

from django.contrib.auth.models import User
from django.db.models import Q
from django.utils import timezone

from evidence.models import Entry, EntryBehaviour
from promo.ladder_files import POLICY_FIELDS
from promo.models import Ladder
from reviews.feedback.models import BehaviourVerdict
from reviews.readiness import rules
from reviews.readiness.periods import Policy


def policy_of(ladder: Ladder) -> Policy:
    return _policy(tuple(getattr(ladder, name) for name in POLICY_FIELDS))


@lru_cache(maxsize=64)
def _policy(values: tuple[object, ...]) -> Policy:
    """One Policy per set of numbers: a dashboard asks for each of its people's."""
    return Policy(**dict(zip(POLICY_FIELDS, values, strict=True)))  # type: ignore[arg-type]


def end_of(as_of: date) -> datetime:
    """The first instant after `as_of`, in the current time zone: verdicts before it count."""
    return timezone.make_aware(datetime.combine(as_of + timedelta(days=1), time.min))


def _visible_q(seen: Q, *, as_of: date, months: tuple[int, int]) -> Q:
    """Live entries in the month range, up to as_of, among those `seen` allows (a rule from
    promo.access). Filtering through the entry's own columns, rather than with
    `entry IN (subquery)`, lets the database start from the entries' author index."""
    return seen & Q(deleted_at__isnull=True, week_start__lte=as_of, month_index__range=months)


def claims_by_author(
    *, seen: Q, as_of: date, months: tuple[int, int]
) -> tuple[dict[int, list[rules.Claim]], dict[int, Entry]]:
    """Claims in the month range on the entries `seen` allows (a viewer's
    `access.visibility_q`, or a role's `access.relation_q`), with every verdict on them, by
    author. Three queries whatever the number of authors and the history: entries, their tags,
    their verdicts. Nothing is judged here: that is reviews.readiness.rules' job alone.
    """
    visible = Entry.objects.filter(_visible_q(seen, as_of=as_of, months=months))
    entries = {
        e.pk: e
        for e in visible.only(
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
        EntryBehaviour.objects.filter(entry__in=visible.values("pk")).values_list(
            "entry_id", "behaviour_id"
        )
    )
    verdicts: dict[tuple[int, int], list[rules.MentorVerdict]] = {}
    # The entries as a subquery, not a list of ids: a dashboard's thousands of ids would be
    # thousands of parameters.
    rows = BehaviourVerdict.objects.filter(feedback__entry__in=visible.values("pk")).values_list(
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
            # In the site's time zone: the rules compare its date with the local as-of day.
            rules.MentorVerdict(mentor=mentor_id, at=timezone.localtime(judged_at), verdict=verdict)
        )
    claims: dict[int, list[rules.Claim]] = {}
    for entry_id, behaviour_id in sorted(tagged | set(verdicts)):
        entry = entries.get(entry_id)
        if entry is None:  # logged between the reads: it counts from the next one
            continue
        claims.setdefault(entry.author_id, []).append(
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


def claims_of(
    engineer: User, *, seen: Q, as_of: date, months: tuple[int, int]
) -> tuple[list[rules.Claim], dict[int, Entry]]:
    """One engineer's claims (see claims_by_author)."""
    claims, entries = claims_by_author(
        seen=seen & Q(author_id=engineer.pk), as_of=as_of, months=months
    )
    return claims.get(engineer.pk, []), entries
