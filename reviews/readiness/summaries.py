"""The dashboard's and the home page's readiness: the pipeline's pictures, kept for the day.

A kept picture (StoredPicture) is only ever what the one pipeline said about one engineer, on
one day, for one kind of reader. It is fresh while four things hold, all compared in SQL
(`fresh_q`): it is of today; the rules' code is this release's; and two input versions it
was made from still match the ones database triggers move on every write to what readiness
reads (InputVersion): the engineer's own (entries, tags, feedback, verdicts, profile) and
every engineer's (ladders, levels, behaviours). So a write by any path makes it stale without
anyone having to say so, and what is stale is made again by the one pipeline, never by a
second implementation. `make_stale` does that for a dashboard's people before the dashboard
filters, counts, sorts and pages over the kept pictures in SQL. A picture also carries the
open gap notes its reader may count (feedback moves the same version), so that a dashboard
sorts by them without counting anyone's notes again.
"""

from __future__ import annotations

import hashlib
import inspect
import sys
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from django.conf import settings
from django.contrib.auth.models import User
from django.db import transaction
from django.db.models import Exists, OuterRef, Q, Subquery, Value
from django.db.models.expressions import RawSQL
from django.db.models.functions import Coalesce

from promo import access
from promo.models import Mentorship, Person
from reviews import vocabulary
from reviews.feedback import selectors as feedback_selectors
from reviews.readiness import forecast, periods, pipeline, rules, words
from reviews.readiness.models import InputVersion, StoredPicture
from reviews.readiness.periods import span, window_indexes

EVERY_ENGINEER = 0  # the InputVersion key ladders, levels and behaviours move
TREND_SHOWN = max(forecast.TREND_DAYS)  # the dashboard's trend: against the furthest back


def _source(module: object) -> bytes:
    try:
        return inspect.getsource(module).encode()  # type: ignore[arg-type]
    except (OSError, TypeError):  # installed without sources: the compiled file will do
        return Path(str(getattr(module, "__cached__", "") or "")).read_bytes()


# The code that makes a picture (this module's too: it decides what a kept row holds) and
# the time zone its days are cut in are part of every picture: a new release, or a move to
# another zone, never serves a picture made before.
MAKERS = (rules, words, vocabulary, forecast, periods, pipeline, sys.modules[__name__])
CODE = hashlib.sha256(
    b"".join(_source(m) for m in MAKERS) + settings.TIME_ZONE.encode()
).hexdigest()
_PERSON_FIELDS = ("user", "target_level__ladder")  # what the pipeline reads of a person


def audience_of(relation: access.Relation) -> str:
    """The kind of reader, as the entries it may see: two mentors see the same picture."""
    return ",".join(sorted(relation.visibilities))


@dataclass(frozen=True)
class Readers:
    """Which kind of reader each engineer on one list stands to: most share `usual`; `others`
    names the few who differ (a report who is also a mentee), by audience."""

    usual: str
    others: Mapping[str, tuple[int, ...]] = field(default_factory=dict)

    @classmethod
    def of(cls, scope: access.Scope, ids: Collection[int]) -> Readers:
        """The viewer's kinds of reader for these people, off the scope (the one access rule,
        asked once per kind rather than once per person)."""
        both = set(scope.mentees) & set(scope.reports) & set(ids)
        one = next((pk for pk in ids if pk not in both), None)
        usual = audience_of(scope.relation_to(one)) if one is not None else ""
        if not both:
            return cls(usual)
        return cls(usual, {audience_of(scope.relation_to(min(both))): tuple(sorted(both))})

    def audience(self, engineer_id: int) -> str:
        for audience, ids in self.others.items():
            if engineer_id in ids:
                return audience
        return self.usual

    def q(self, prefix: str = "") -> Q:
        """Kept pictures of the right kind of reader for their engineer."""
        rule, excepted = Q(), list[int]()
        for audience, ids in self.others.items():
            excepted.extend(ids)
            rule |= Q(**{f"{prefix}engineer_id__in": ids, f"{prefix}audience": audience})
        usual = Q(**{f"{prefix}audience": self.usual})
        if excepted:
            usual &= ~Q(**{f"{prefix}engineer_id__in": excepted})
        return rule | usual


def _stored(
    picture: pipeline.Picture, *, audience: str, day: date, inputs: int, shared: int, gaps: int
) -> StoredPicture:
    found, policy = picture.readiness, picture.policy
    window = window_indexes(day, policy)
    slugs = {b.pk: b.slug for b in picture.behaviours}
    more = {o.behaviour: o.more_periods for o in picture.outlooks}
    then, move = picture.trend.get(TREND_SHOWN, ("", ""))
    return StoredPicture(
        engineer_id=picture.engineer.pk,
        audience=audience,
        day=day,
        code=CODE,
        inputs=inputs,
        shared=shared,
        status=found.status if picture.level else "",  # no target level: not assessed
        sustained=found.sustained,
        behaviours=len(found.behaviours),
        ready_by=picture.ready_by,
        trend=move,
        trend_from=then,
        window=span(len(window), policy),
        stale_days=policy.stale_days,
        gaps=gaps,
        quiet=sum(1 for b in found.behaviours if b.stale),
        rows=[
            [
                b.behaviour,
                slugs.get(b.behaviour, ""),
                b.name,
                b.status,
                b.demonstrated_periods,
                b.flash_periods,
                b.window_periods,
                b.stale,
                more.get(b.behaviour, 0),
            ]
            for b in found.behaviours
        ],
    )


def _version(key: int | OuterRef) -> Coalesce:
    found = InputVersion.objects.filter(key=key).values("version")
    return Coalesce(Subquery(found[:1]), Value(0))


def fresh_q(readers: Readers, *, as_of: date) -> Q:
    """Kept pictures (filtered with an outer query over people annotated by `_versions`) that
    are still what the pipeline would make today for their kind of reader."""
    return readers.q() & Q(
        day=as_of, code=CODE, inputs=OuterRef("version"), shared=OuterRef("shared")
    )


def make_stale(
    reader: User | access.Relation,
    ids: Collection[int] | RawSQL,
    readers: Readers,
    *,
    as_of: date,
    scope: access.Scope | None = None,
) -> int:
    """Make today's pictures of those of these people (ids, or a subquery of them) whose kept
    picture is missing or stale, as `reader` (a person with their `scope`, or a role) may see
    them: one query when none is. Someone without a target level gets one too, unassessed,
    so that every row of a dashboard is one kept picture. Returns how many were made."""
    kept = fresh_q(readers, as_of=as_of)
    stale = list(
        Person.objects.filter(pk__in=ids)
        .order_by()
        .annotate(version=_version(OuterRef("pk")), shared=_version(EVERY_ENGINEER))
        .exclude(Exists(StoredPicture.objects.filter(kept, engineer=OuterRef("pk"))))
        .values_list("pk", "version", "shared")
    )
    if not stale:
        return 0
    # The versions were read before the pictures are made: a write meanwhile leaves them stale.
    versions = {pk: (version, shared) for pk, version, shared in stale}
    people = list(Person.objects.filter(pk__in=versions).select_related(*_PERSON_FIELDS))
    made = pipeline.assessments_for(
        reader, people, as_of=as_of, scope=scope, trend_days=(TREND_SHOWN,)
    )
    gaps = feedback_selectors.open_gap_counts(reader, list(versions), scope=scope)
    fresh = [
        _stored(
            made[p.pk],
            audience=readers.audience(p.pk),
            day=as_of,
            inputs=versions[p.pk][0],
            shared=versions[p.pk][1],
            gaps=gaps.get(p.pk, 0),
        )
        for p in people
    ]
    fields = [f.name for f in StoredPicture._meta.concrete_fields]
    with transaction.atomic():
        # Yesterday's pictures are never right again; today's of another reader kind stay.
        StoredPicture.objects.filter(engineer_id__in=versions).exclude(day=as_of).delete()
        StoredPicture.objects.bulk_create(
            fresh,
            update_conflicts=True,
            unique_fields=["engineer", "audience", "day"],
            update_fields=[f for f in fields if f not in ("id", "engineer", "audience", "day")],
        )
    return len(fresh)


def refresh(people: Sequence[Person], *, as_of: date) -> int:
    """Make (or keep) today's pictures of these people for each kind of dashboard reader they
    have: their managers, their mentors. Run after midnight (`manage.py readiness_refresh`),
    so the first dashboard of the day finds them made. Returns how many were made."""
    mentored = set(
        Mentorship.objects.filter(
            engineer_id__in=[p.pk for p in people], state=Mentorship.State.ACTIVE
        ).values_list("engineer_id", flat=True)
    )
    managed = {p.pk for p in people if p.manager_id is not None}
    made = 0
    # The dashboards' readers (an engineer's own pages are made live); a reader who both
    # manages and mentors someone has their picture made on their first view.
    for relation, group in (
        (access.ANY_MANAGER, managed),
        (access.Relation(is_mentor=True), mentored),
    ):
        readers = Readers(audience_of(relation))
        made += make_stale(relation, sorted(group), readers, as_of=as_of)
    return made
