"""Who may see whose what: the privacy model in one place.

An engineer's entry is `private`, shared with `mentors`, or shared with `mentors_and_managers`.
- The engineer sees everything of their own.
- A mentor with an *active* mentorship sees entries shared with mentors (either sharing level).
- A manager anywhere above the engineer in the reporting line sees entries shared with managers.
- Nobody else sees anything, staff included: being an admin grants the admin site, not entries.
  A viewer with no relation to an engineer gets 404 (never 403), so existence does not leak.

Every page and number elsewhere asks this module; nothing re-derives the rules.
"""

from dataclasses import dataclass

from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.models import AnonymousUser
from django.db.models import Q
from django.http import Http404

from promo.models import MAX_REPORTING_DEPTH, Mentorship, Person, Visibility

__all__ = [
    "Scope",
    "Visibility",
    "may_see",
    "relation",
    "relation_or_404",
    "scope_of",
    "visibility_q",
]

NOTHING: frozenset[str] = frozenset()
MENTOR_SEES = frozenset({Visibility.MENTORS, Visibility.MENTORS_AND_MANAGERS})
MANAGER_SEES = frozenset({Visibility.MENTORS_AND_MANAGERS})
OWNER_SEES = frozenset(Visibility.values)

Viewer = AbstractBaseUser | AnonymousUser


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
    """True when `manager_id` is anywhere above `engineer_id` in the reporting line."""
    seen: set[int] = set()
    cursor = Person.objects.filter(pk=engineer_id).values_list("manager_id", flat=True).first()
    while cursor is not None and cursor not in seen and len(seen) < MAX_REPORTING_DEPTH:
        if cursor == manager_id:
            return True
        seen.add(cursor)
        cursor = Person.objects.filter(pk=cursor).values_list("manager_id", flat=True).first()
    return False


def report_ids(manager_id: int) -> list[int]:
    """Ids of everyone below the manager in the reporting line: one query per layer."""
    found: list[int] = []
    seen = {manager_id}
    frontier = [manager_id]
    for _ in range(MAX_REPORTING_DEPTH):
        layer = [
            pk
            for pk in Person.objects.filter(manager_id__in=frontier).values_list("pk", flat=True)
            if pk not in seen
        ]
        if not layer:
            break
        found.extend(layer)
        seen.update(layer)
        frontier = layer
    return found


def mentee_ids(mentor_id: int) -> list[int]:
    links = Mentorship.objects.active().filter(mentor_id=mentor_id)
    return list(links.values_list("engineer_id", flat=True))


@dataclass(frozen=True)
class Scope:
    """Whose entries a viewer may see some of: computed once, reused for every list on a page."""

    viewer_id: int | None
    mentees: tuple[int, ...] = ()
    reports: tuple[int, ...] = ()


def scope_of(viewer: Viewer) -> Scope:
    if not viewer.is_authenticated or not viewer.is_active:
        return Scope(viewer_id=None)
    return Scope(
        viewer_id=viewer.pk,
        mentees=tuple(mentee_ids(viewer.pk)),
        reports=tuple(report_ids(viewer.pk)),
    )


def visibility_q(viewer: Viewer, *, prefix: str = "", scope: Scope | None = None) -> Q:
    """Filter for rows with `<prefix>author` and `<prefix>visibility` that the viewer may see.

    The list form of `may_see`: own rows, mentees' rows shared with mentors, and rows of anyone
    below the viewer shared with managers. Tests hold the two forms to the same answers.
    """
    scope = scope or scope_of(viewer)
    if scope.viewer_id is None:
        return Q(pk__in=[])
    author, visibility = f"{prefix}author_id", f"{prefix}visibility"
    rule = Q(**{author: scope.viewer_id})
    if scope.mentees:
        rule |= Q(**{f"{author}__in": scope.mentees, f"{visibility}__in": sorted(MENTOR_SEES)})
    if scope.reports:
        rule |= Q(**{f"{author}__in": scope.reports, f"{visibility}__in": sorted(MANAGER_SEES)})
    return rule


def is_mentor_of(mentor_id: int, engineer_id: int) -> bool:
    return Mentorship.objects.active().filter(mentor_id=mentor_id, engineer_id=engineer_id).exists()


def relation(viewer: Viewer, engineer: AbstractBaseUser) -> Relation:
    if not viewer.is_authenticated or not viewer.is_active:
        return Relation()
    if viewer.pk == engineer.pk:
        return Relation(is_self=True)
    return Relation(
        is_mentor=is_mentor_of(viewer.pk, engineer.pk),
        is_manager=is_manager_of(viewer.pk, engineer.pk),
    )


def may_see(viewer: Viewer, engineer: AbstractBaseUser, visibility: str) -> bool:
    """May `viewer` see an entry of `engineer` shared at `visibility`?"""
    if visibility not in OWNER_SEES:
        raise ValueError(f"Unknown visibility {visibility!r}")
    return visibility in relation(viewer, engineer).visibilities


def relation_or_404(viewer: Viewer, engineer: AbstractBaseUser) -> Relation:
    """The viewer's relation to the engineer, or 404 when there is none."""
    found = relation(viewer, engineer)
    if not found.exists:
        raise Http404("No such person.")
    return found
