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
from django.db import models
from django.http import Http404

from promo.models import MAX_REPORTING_DEPTH, Mentorship, Person


class Visibility(models.TextChoices):
    PRIVATE = "private", "Private"
    MENTORS = "mentors", "Mentors"
    MENTORS_AND_MANAGERS = "mentors_and_managers", "Mentors and managers"


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
