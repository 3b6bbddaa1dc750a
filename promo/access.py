"""Who may see whose what: the privacy model in one place.

An engineer's entry is `private`, shared with `mentors`, or shared with `mentors_and_managers`.
- The engineer sees everything of their own.
- A mentor with an *active* mentorship sees entries shared with mentors (either sharing level).
- A manager anywhere above the engineer in the reporting line sees entries shared with managers.
- Nobody else sees anything, staff included: being an admin grants the admin site, not entries.
  A viewer with no relation to an engineer gets 404 (never 403), so existence does not leak.

Every page and number elsewhere asks this module; nothing re-derives the rules.
"""

import json
import operator
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import reduce, wraps

from django.contrib.auth import get_user_model
from django.contrib.auth.models import AnonymousUser, User
from django.db import connection
from django.db.models import Q, QuerySet
from django.db.models.expressions import RawSQL
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404

from promo.models import MAX_REPORTING_DEPTH, Mentorship, Person, Visibility

__all__ = [
    "Scope",
    "ANY_MANAGER",
    "Visibility",
    "engineer_or_404",
    "may_see",
    "relation",
    "relation_or_404",
    "readable_by",
    "relation_q",
    "scope_for",
    "scope_of",
    "visibility_q",
]

NOTHING: frozenset[str] = frozenset()
MENTOR_SEES = frozenset({Visibility.MENTORS, Visibility.MENTORS_AND_MANAGERS})
MANAGER_SEES = frozenset({Visibility.MENTORS_AND_MANAGERS})
OWNER_SEES = frozenset(Visibility.values)

Viewer = User | AnonymousUser


@dataclass(frozen=True)
class Relation:
    """How a viewer stands to an engineer."""

    is_self: bool = False
    is_mentor: bool = False
    is_manager: bool = False

    @property
    def visibilities(self) -> frozenset[str]:
        """The entry visibilities this viewer may see of this engineer."""
        if self.is_self:
            return OWNER_SEES
        seen = NOTHING
        if self.is_mentor:
            seen |= MENTOR_SEES
        if self.is_manager:
            seen |= MANAGER_SEES
        return seen

    @property
    def exists(self) -> bool:
        return self.is_self or self.is_mentor or self.is_manager


def is_manager_of(manager_id: int, engineer_id: int) -> bool:
    """True when `manager_id` is anywhere above `engineer_id` in the reporting line: one query,
    walking up at most MAX_REPORTING_DEPTH layers (so a loop in the data ends)."""
    person = Person._meta.db_table
    sql = f"""
        WITH RECURSIVE above(id, depth) AS (
            SELECT manager_id, 1 FROM {person} WHERE user_id = %s AND manager_id IS NOT NULL
            UNION
            SELECT p.manager_id, a.depth + 1 FROM {person} p JOIN above a ON p.user_id = a.id
            WHERE p.manager_id IS NOT NULL AND a.depth < %s
        )
        SELECT 1 FROM above WHERE id = %s LIMIT 1
    """  # only our own table name is formatted in
    with connection.cursor() as cursor:
        cursor.execute(sql, [engineer_id, MAX_REPORTING_DEPTH, manager_id])
        return cursor.fetchone() is not None


def _below_sql() -> str:
    """Everyone below a manager (the first parameter), at most MAX_REPORTING_DEPTH layers down
    (the second), never the manager themselves even when the data loops back (the third)."""
    person = Person._meta.db_table
    return f"""
        WITH RECURSIVE below(id, depth) AS (
            SELECT user_id, 1 FROM {person} WHERE manager_id = %s
            UNION
            SELECT p.user_id, b.depth + 1 FROM {person} p JOIN below b ON p.manager_id = b.id
            WHERE b.depth < %s
        )
        SELECT DISTINCT id FROM below WHERE id <> %s
    """  # only our own table name is formatted in


def report_ids(manager_id: int) -> list[int]:
    """Ids of everyone below the manager in the reporting line, in one query at any depth."""
    with connection.cursor() as cursor:
        cursor.execute(_below_sql(), [manager_id, MAX_REPORTING_DEPTH, manager_id])
        return sorted(pk for (pk,) in cursor.fetchall())


def mentees_of(mentor_id: int) -> "QuerySet[Mentorship, int]":
    """The mentor's active mentees' ids, as a subquery: a list filtered by it reads them in the
    same query rather than in one of its own."""
    links = Mentorship.objects.active().filter(mentor_id=mentor_id).order_by()
    return links.values_list("engineer_id", flat=True)


def mentee_ids(mentor_id: int) -> list[int]:
    return list(mentees_of(mentor_id))


def staff_only(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """For the organisation's pages (people, ladder): staff only; anyone else is told there
    is no such page, as for any page that is not theirs. Goes inside `login_required`."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args: object, **kwargs: object) -> HttpResponse:
        if not getattr(request.user, "is_staff", False):
            raise Http404("No such page.")
        return view(request, *args, **kwargs)

    return wrapper


def ids_subquery(ids: Sequence[int]) -> RawSQL:
    """Ids as a subquery for `pk__in`, sent as one parameter (an array on PostgreSQL, a JSON
    list on SQLite): a director's thousands of reports as one value, not thousands of
    placeholders that Django and the driver each handle one by one."""
    if connection.vendor == "postgresql":
        return RawSQL("SELECT unnest(%s::bigint[])", [list(ids)])
    return RawSQL("SELECT value FROM json_each(%s)", [json.dumps(list(ids))])


@dataclass(frozen=True)
class Scope:
    """Whose entries a viewer may see some of: computed once, reused for every list on a page."""

    viewer_id: int | None
    mentees: tuple[int, ...] = ()
    reports: tuple[int, ...] = ()

    def relation_to(self, engineer_id: int) -> Relation:
        """The viewer's relation to one engineer, read off the scope: no query. Tests hold it
        equal to `relation`."""
        if self.viewer_id is None:
            return Relation()
        if engineer_id == self.viewer_id:
            return Relation(is_self=True)
        return Relation(
            is_mentor=engineer_id in self.mentees, is_manager=engineer_id in self.reports
        )


def scope_of(viewer: Viewer) -> Scope:
    """The viewer's active mentees and everyone below them, in one query."""
    if not viewer.is_authenticated or not viewer.is_active:
        return Scope(viewer_id=None)
    mentorship = Mentorship._meta.db_table
    sql = f"""
        SELECT 'report', id FROM ({_below_sql()}) reports
        UNION ALL
        SELECT 'mentee', engineer_id FROM {mentorship} WHERE mentor_id = %s AND state = %s
    """  # only our own table names are formatted in
    me = viewer.pk
    params: list[int | str] = [me, MAX_REPORTING_DEPTH, me, me, Mentorship.State.ACTIVE]
    found: dict[str, set[int]] = {"report": set(), "mentee": set()}
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        for kind, pk in cursor.fetchall():
            found[kind].add(pk)
    return Scope(
        viewer_id=viewer.pk,
        mentees=tuple(sorted(found["mentee"])),
        reports=tuple(sorted(found["report"])),
    )


SCOPE_ON_REQUEST = "_promo_scope"


def scope_for(request: HttpRequest) -> Scope:
    """`scope_of` the request's user, worked out once for every section of a page that asks
    (home's panels, the inbox and its counts). It lives on the request and dies with it, and
    it is worked out again if the request's user changes. A view that changes a relation
    (a mentorship, a reporting line) and then renders asks `scope_of` after the change."""
    viewer = request.user
    found: Scope | None = getattr(request, SCOPE_ON_REQUEST, None)
    viewer_id = viewer.pk if viewer.is_authenticated and viewer.is_active else None
    if found is None or found.viewer_id != viewer_id:
        found = scope_of(viewer)
        setattr(request, SCOPE_ON_REQUEST, found)
    return found


# What every manager above an engineer may see of them: for a reader who is a role, not a person
# (the copy of a promo document a promotion attempt keeps is for whoever manages the engineer).
ANY_MANAGER = Relation(is_manager=True)


def relation_q(relation: Relation, author_id: int | Iterable[int], *, prefix: str = "") -> Q:
    """Rows by one author (or each of several) that a reader standing in `relation` to them
    may see: the list form of `Relation.visibilities`."""
    seen = relation.visibilities
    if not seen:
        return Q(pk__in=[])
    if isinstance(author_id, int):
        rule = Q(**{f"{prefix}author_id": author_id})
    else:
        rule = Q(**{f"{prefix}author_id__in": list(author_id)})
    return rule if seen == OWNER_SEES else rule & Q(**{f"{prefix}visibility__in": sorted(seen)})


def visibility_q(
    viewer: Viewer,
    *,
    prefix: str = "",
    scope: Scope | None = None,
    authors: Iterable[int] | None = None,
) -> Q:
    """Filter for rows with `<prefix>author` and `<prefix>visibility` that the viewer may see.

    The list form of `may_see`: own rows, mentees' rows shared with mentors, and rows of anyone
    below the viewer shared with managers. Tests hold the two forms to the same answers.

    With `authors`, only rows by those authors, and the filter names only them: a team's
    dashboard then sends its list of people once per query rather than once per rule.
    """
    author, visibility = f"{prefix}author_id", f"{prefix}visibility"
    if authors is not None and scope is None:
        authors = list(dict.fromkeys(authors))
        if authors == [viewer.pk] and viewer.is_authenticated and viewer.is_active:
            return Q(**{author: viewer.pk})  # their own rows, all of them: no one else's scope
    scope = scope or scope_of(viewer)
    if scope.viewer_id is None:
        return Q(pk__in=[])
    if authors is None:
        rule = Q(**{author: scope.viewer_id})
        if scope.mentees:
            rule |= Q(**{f"{author}__in": scope.mentees, f"{visibility}__in": sorted(MENTOR_SEES)})
        if scope.reports:
            rule |= Q(**{f"{author}__in": scope.reports, f"{visibility}__in": sorted(MANAGER_SEES)})
        return rule
    # Group the wanted authors by what the viewer may see of each; one rule per group.
    mentees, reports = set(scope.mentees), set(scope.reports)
    groups: dict[frozenset[str], list[int]] = {}
    for pk in dict.fromkeys(authors):  # in order, once each
        if pk == scope.viewer_id:
            seen = OWNER_SEES
        else:
            seen = (MENTOR_SEES if pk in mentees else NOTHING) | (
                MANAGER_SEES if pk in reports else NOTHING
            )
        if seen:
            groups.setdefault(seen, []).append(pk)
    rules = []
    for seen, pks in groups.items():
        who = Q(**{author: pks[0]}) if len(pks) == 1 else Q(**{f"{author}__in": pks})
        rules.append(who if seen == OWNER_SEES else who & Q(**{f"{visibility}__in": sorted(seen)}))
    return reduce(operator.or_, rules) if rules else Q(pk__in=[])


def readable_by(
    reader: User | Relation,
    authors: Sequence[int],
    *,
    scope: Scope | None = None,
    prefix: str = "",
) -> Q:
    """Rows by these authors that a reader may see: a person (`visibility_q`), or a role every
    author stands in to the reader (`relation_q`: a promotion attempt's frozen copy, the
    nightly readiness refresh). Readiness, its kept pictures and their gap counts ask this."""
    if not authors:
        return Q(pk__in=[])
    if isinstance(reader, Relation):
        return relation_q(reader, authors, prefix=prefix)
    return visibility_q(reader, prefix=prefix, scope=scope, authors=authors)


def is_mentor_of(mentor_id: int, engineer_id: int) -> bool:
    return Mentorship.objects.active().filter(mentor_id=mentor_id, engineer_id=engineer_id).exists()


def may_see_as_mentor(viewer: Viewer, engineer_id: int, visibility: str) -> bool:
    """May `viewer` see the engineer's row shared at `visibility` as their active mentor? The
    relation mentor feedback needs: a manager sees entries but gives no mentor feedback."""
    if not viewer.is_authenticated or viewer.pk == engineer_id:
        return False
    return visibility in MENTOR_SEES and is_mentor_of(viewer.pk, engineer_id)


def relation(viewer: Viewer, engineer: User, *, scope: Scope | None = None) -> Relation:
    """How the viewer stands to the engineer; read off `scope` when the page has one."""
    if not viewer.is_authenticated or not viewer.is_active:
        return Relation()
    if scope is not None:
        if scope.viewer_id != viewer.pk:
            raise ValueError("That scope belongs to another viewer.")
        return scope.relation_to(engineer.pk)
    if viewer.pk == engineer.pk:
        return Relation(is_self=True)
    return Relation(
        is_mentor=is_mentor_of(viewer.pk, engineer.pk),
        is_manager=is_manager_of(viewer.pk, engineer.pk),
    )


def may_see(viewer: Viewer, engineer: User, visibility: str, *, scope: Scope | None = None) -> bool:
    """May `viewer` see an entry of `engineer` shared at `visibility`? Read off `scope` when
    the page has one."""
    if visibility not in OWNER_SEES:
        raise ValueError(f"Unknown visibility {visibility!r}")
    return visibility in relation(viewer, engineer, scope=scope).visibilities


def engineer_or_404(
    viewer: Viewer, username: str, *, scope: Scope | None = None
) -> tuple[User, Relation]:
    """The active person `username` and the viewer's relation to them (read off `scope` when
    given), with their profile and target level fetched; 404 when there is no relation."""
    engineer = get_object_or_404(
        get_user_model().objects.select_related("person__target_level__ladder"),
        username=username,
        is_active=True,
    )
    return engineer, relation_or_404(viewer, engineer, scope=scope)


def mentorship_for_party(viewer: Viewer, pk: int, *, as_mentor_only: bool) -> Mentorship:
    """A mentorship the viewer is a party to (as its mentor only, to accept or decline it), with
    both people fetched; 404 for anyone else."""
    party = (
        Q(mentor_id=viewer.pk)
        if as_mentor_only
        else Q(mentor_id=viewer.pk) | Q(engineer_id=viewer.pk)
    )
    found = Mentorship.objects.filter(party, pk=pk).select_related("mentor", "engineer").first()
    if found is None:
        raise Http404("No such mentorship.")
    return found


def relation_or_404(viewer: Viewer, engineer: User, *, scope: Scope | None = None) -> Relation:
    """The viewer's relation to the engineer, or 404 when there is none."""
    found = relation(viewer, engineer, scope=scope)
    if not found.exists:
        raise Http404("No such person.")
    return found
