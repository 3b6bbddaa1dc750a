"""The dashboard's and the home page's readiness: the pipeline's pictures, kept for the day.

`summaries_for(viewer, people, as_of=, scope=)` answers with one StoredPicture per assessed
person, as the viewer may see them. Each is reused only while its digest still matches: the
digest covers the day, the kind of reader, the engineer's target level, its ladder's policy
and behaviours, the code of the rules, and the engineer's and the ladders' input versions,
which database triggers move on every write to what readiness reads (InputVersion). Any
write, by any path, moves a version; a new day changes the key; so a stored picture is never
staler than the data, and what is not fresh is made again by the one pipeline, never by a
second implementation.
"""

from __future__ import annotations

import hashlib
import inspect
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path

from django.contrib.auth.models import User
from django.db import transaction

from promo import access
from promo.models import Behaviour, Mentorship, Person
from reviews.readiness import forecast, periods, pipeline, rules, words
from reviews.readiness.labels import heat_class
from reviews.readiness.models import InputVersion, StoredPicture
from reviews.readiness.periods import span, window_indexes

EVERY_ENGINEER = 0  # the InputVersion key ladders, levels and behaviours move
TREND_SHOWN = max(forecast.TREND_DAYS)  # the dashboard's trend: against the furthest back


def _source(module: object) -> bytes:
    try:
        return inspect.getsource(module).encode()  # type: ignore[arg-type]
    except (OSError, TypeError):  # installed without sources: the compiled file will do
        return Path(str(getattr(module, "__cached__", "") or "")).read_bytes()


# The code that makes a picture is part of every digest: a new release never serves a
# picture an older rule made.
_CODE = hashlib.sha256(
    b"".join(_source(m) for m in (rules, words, forecast, periods, pipeline))
).hexdigest()
_FIELDS = [f.name for f in StoredPicture._meta.concrete_fields if f.name not in ("id",)]


def audience_of(relation: access.Relation) -> str:
    """The kind of reader, as the entries it may see: two mentors see the same picture."""
    return ",".join(sorted(relation.visibilities))


def _stored(picture: pipeline.Picture, *, audience: str, day: date, digest: str) -> StoredPicture:
    found, policy = picture.readiness, picture.policy
    window = window_indexes(day, policy)
    then, move = picture.trend.get(TREND_SHOWN, ("", ""))
    return StoredPicture(
        engineer_id=picture.engineer.pk,
        audience=audience,
        day=day,
        digest=digest,
        status=found.status,
        sustained=found.sustained,
        behaviours=len(found.behaviours),
        ready_by=picture.ready_by,
        trend=move,
        trend_from=then,
        window=span(len(window), policy),
        stale_days=policy.stale_days,
        rows=[
            [
                b.behaviour,
                b.name,
                b.status,
                b.demonstrated_periods,
                b.flash_periods,
                b.window_periods,
                b.stale,
                [heat_class(picture.assessment.grid.get((b.behaviour, p))) for p in window],
            ]
            for b in found.behaviours
        ],
    )


def _level_key(person: Person, behaviours: list[Behaviour]) -> str:
    """What a picture depends on through the person's target level: the level, its ladder's
    policy, its behaviours (ids, order, names), and the code of the rules."""
    named = [(b.pk, b.rank, b.name) for b in behaviours]
    policy = pipeline.policy_for(person.target_level)
    return repr((_CODE, person.target_level_id, policy, named))


def _digest(level_key: str, versions: tuple[int, int], *, audience: str, day: date) -> str:
    return hashlib.sha256(repr((level_key, audience, day, versions)).encode()).hexdigest()


def summaries_for(
    viewer: User,
    people: Sequence[Person],
    *,
    as_of: date,
    scope: access.Scope,
    with_rows: bool = True,
) -> dict[int, StoredPicture]:
    """One picture per person with a target level, by engineer id, as the viewer may see them:
    the stored one while its digest matches, else a new one from the pipeline, stored. Without
    `with_rows`, kept pictures come without their per-behaviour rows (`load_rows` reads them
    for the few a page draws)."""
    assessed = [p for p in people if p.target_level_id]
    relations = {p.pk: access.relation(viewer, p.user, scope=scope) for p in assessed}
    return _kept_or_made(
        assessed,
        {pk: audience_of(r) for pk, r in relations.items()},
        lambda stale, by_level: pipeline.assessments_for(
            viewer,
            stale,
            as_of=as_of,
            scope=scope,
            trend_days=(TREND_SHOWN,),
            behaviours=by_level,
        ),
        as_of=as_of,
        with_rows=with_rows,
    )[0]


def refresh(people: Sequence[Person], *, as_of: date) -> int:
    """Make (or keep) today's pictures of these people for each kind of dashboard reader they
    have: their managers, their mentors. Run after midnight (`manage.py readiness_refresh`),
    so the first dashboard of the day finds them made. Returns how many were made."""
    assessed = [p for p in people if p.target_level_id]
    mentored = set(
        Mentorship.objects.filter(
            engineer_id__in=[p.pk for p in assessed], state=Mentorship.State.ACTIVE
        ).values_list("engineer_id", flat=True)
    )
    readers = [  # the dashboards' readers: an engineer's own pages are made live
        (access.ANY_MANAGER, [p for p in assessed if p.manager_id is not None]),
        (access.Relation(is_mentor=True), [p for p in assessed if p.pk in mentored]),
    ]
    made = 0
    for relation, group in readers:

        def make(
            stale: list[Person],
            by_level: dict[int, list[Behaviour]],
            relation: access.Relation = relation,
        ) -> dict[int, pipeline.Picture]:
            return pipeline.assessments_for(
                relation, stale, as_of=as_of, trend_days=(TREND_SHOWN,), behaviours=by_level
            )

        audiences = dict.fromkeys((p.pk for p in group), audience_of(relation))
        made += _kept_or_made(group, audiences, make, as_of=as_of, with_rows=False)[1]
    return made


def _kept_or_made(
    assessed: list[Person],
    audiences: dict[int, str],
    make: Callable[[list[Person], dict[int, list[Behaviour]]], dict[int, pipeline.Picture]],
    *,
    as_of: date,
    with_rows: bool,
) -> tuple[dict[int, StoredPicture], int]:
    """The kept pictures whose digests match, and the rest made by `make` and stored; with how
    many were made."""
    if not assessed:
        return {}, 0
    by_level = pipeline.behaviours_by_level(assessed)
    found = InputVersion.objects.filter(key__in=[EVERY_ENGINEER, *audiences])
    versions = dict(found.values_list("key", "version"))
    shared = versions.get(EVERY_ENGINEER, 0)
    level_keys: dict[int | None, str] = {}  # one per level: a team shares a handful
    for person in assessed:
        if person.target_level_id not in level_keys:
            behaviours = by_level.get(person.target_level_id or 0, [])
            level_keys[person.target_level_id] = _level_key(person, behaviours)
    digests = {
        person.pk: _digest(
            level_keys[person.target_level_id],
            (versions.get(person.pk, 0), shared),
            audience=audiences[person.pk],
            day=as_of,
        )
        for person in assessed
    }
    kept = {
        s.engineer_id: s
        for s in StoredPicture.objects.filter(
            day=as_of, engineer_id__in=[p.pk for p in assessed]
        ).only(*(f for f in _FIELDS if with_rows or f != "rows"))
        if s.audience == audiences[s.engineer_id] and s.digest == digests[s.engineer_id]
    }
    stale = [p for p in assessed if p.pk not in kept]
    if stale:
        made = make(stale, by_level)
        fresh = [
            _stored(made[p.pk], audience=audiences[p.pk], day=as_of, digest=digests[p.pk])
            for p in stale
        ]
        with transaction.atomic():
            # Yesterday's pictures are never right again; today's of another reader kind stay.
            StoredPicture.objects.filter(engineer_id__in=[p.pk for p in stale]).exclude(
                day=as_of
            ).delete()
            StoredPicture.objects.bulk_create(
                fresh,
                update_conflicts=True,
                unique_fields=["engineer", "audience", "day"],
                update_fields=[f for f in _FIELDS if f not in ("engineer", "audience", "day")],
            )
        kept |= {s.engineer_id: s for s in fresh}
    return kept, len(stale)


def load_rows(pictures: list[StoredPicture]) -> None:
    """Read the per-behaviour rows of kept pictures loaded without them: one query."""
    missing = [p for p in pictures if "rows" in p.get_deferred_fields()]
    found = dict(
        StoredPicture.objects.filter(pk__in=[p.pk for p in missing]).values_list("pk", "rows")
    )
    for picture in missing:
        picture.rows = found[picture.pk]
