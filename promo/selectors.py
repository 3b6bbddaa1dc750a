"""Reads of the core domain, returned ready for templates (related rows already fetched)."""

from dataclasses import dataclass
from functools import cache
from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.auth.models import User
from django.db import connection
from django.db.models import Count, Exists, OuterRef, Prefetch, QuerySet, Subquery
from django.db.models.functions import Coalesce

from promo import access
from promo.ladder_files import POLICY_FIELDS, BehaviourSpec, LadderSpec, LevelSpec
from promo.models import Behaviour, Ladder, Level, Mentorship, Notification, Person

DEFAULT_LADDER_SLUG = "default"


def ladders_with_levels() -> QuerySet[Ladder]:
    """Every ladder with its levels and their behaviours, in ladder order: three queries."""
    return Ladder.objects.prefetch_related(
        Prefetch("levels", queryset=Level.objects.order_by("rank")),
        Prefetch("levels__behaviours", queryset=Behaviour.objects.order_by("rank")),
    )


def ladder_spec(ladder: Ladder) -> LadderSpec:
    """The ladder as the plain spec that ladder files are written from."""
    ladder = ladders_with_levels().get(pk=ladder.pk)
    return LadderSpec(
        name=ladder.name,
        slug=ladder.slug,
        description=ladder.description,
        levels=tuple(
            LevelSpec(
                name=level.name,
                slug=level.slug,
                summary=level.summary,
                behaviours=tuple(
                    BehaviourSpec(
                        name=b.name,
                        slug=b.slug,
                        description=b.description,
                        examples=tuple(b.example_list),
                    )
                    for b in level.behaviours.all()
                ),
            )
            for level in ladder.levels.all()
        ),
        policy={name: getattr(ladder, name) for name in POLICY_FIELDS},
    )


def person_of(user: User) -> Person | None:
    """The user's profile with levels (and their ladders), team and manager fetched, or None if
    not set up yet. The user object keeps it, as Django keeps any related row it read, so the
    sections of the same page that read `user.person` (the target level, its ladder's policy)
    read it from here rather than again."""
    person = (
        Person.objects.select_related(
            "user", "current_level__ladder", "target_level__ladder", "team", "manager__user"
        )
        .filter(user_id=user.pk)
        .first()
    )
    if person is not None:
        user.person = person
    return person


def target_of(user: User) -> Level | None:
    """The level the person is working towards, as their profile names it (None: no profile,
    or no target yet)."""
    person = getattr(user, "person", None)
    return person.target_level if person else None


def target_behaviours(user: User) -> QuerySet[Behaviour]:
    """The behaviours of the person's target level, in ladder order (none without a target)."""
    person = getattr(user, "person", None)
    if person is None or person.target_level_id is None:
        return Behaviour.objects.none()
    return Behaviour.objects.filter(level_id=person.target_level_id).order_by("rank")


def working_level(user: User) -> Level | None:
    """`Person.working_level` of the user, in one query (None without a profile)."""
    person = (
        Person.objects.select_related("target_level", "current_level").filter(pk=user.pk).first()
    )
    return person.working_level if person else None


def ladder_levels_of(user: User) -> QuerySet[Level]:
    """The levels of the person's ladder (the one their working level is on), for choosing a
    level; every ladder's levels when they are on none. Reads the profile the user carries."""
    person = getattr(user, "person", None)
    level = person.working_level if person else None
    if level is None:
        return Level.objects.order_by("ladder_id", "rank")
    return Level.objects.filter(ladder_id=level.ladder_id).order_by("rank")


def behaviours_of(level: Level | None) -> QuerySet[Behaviour]:
    if level is None:
        return Behaviour.objects.none()
    return Behaviour.objects.filter(level=level).order_by("rank")


def reports_of(manager: User) -> QuerySet[Person]:
    """Direct and indirect reports, ready to list with their team, levels and manager."""
    return (
        Person.objects.filter(pk__in=access.report_ids(manager.pk))
        .select_related("user", "team", "current_level", "target_level", "manager__user")
        .order_by("team__name", "user__first_name", "user__username")
    )


def mentorships_as_mentor(mentor: User) -> QuerySet[Mentorship]:
    """Active and invited mentorships where the user is the mentor, with the engineer's profile."""
    return (
        Mentorship.objects.filter(
            mentor=mentor, state__in=[Mentorship.State.ACTIVE, Mentorship.State.INVITED]
        )
        .select_related("engineer__person__target_level", "engineer__person__team")
        .order_by("state", "engineer__first_name")
    )


def mentorships_as_engineer(engineer: User) -> QuerySet[Mentorship]:
    return (
        Mentorship.objects.filter(
            engineer=engineer, state__in=[Mentorship.State.ACTIVE, Mentorship.State.INVITED]
        )
        .select_related("mentor__person")
        .order_by("state", "mentor__first_name")
    )


@dataclass(frozen=True)
class Roles:
    """What the navigation offers a user. Every signed-in user is an engineer of their own work."""

    is_mentor: bool
    is_manager: bool
    is_admin: bool
    unread: int = 0  # unread notifications


# Stands for the user's id in the navigation's query while it is compiled; no user has it.
_ANYONE = -2_147_483_647


def _roles_query() -> QuerySet[Any, Any]:
    """The navigation's facts about one user, as the ORM says them: an active mentorship is
    `Mentorship.objects.active()`'s, a report is a Person naming them as manager."""
    unread = (
        Notification.objects.filter(recipient_id=OuterRef("pk"), read_at__isnull=True)
        .order_by()
        .values("recipient_id")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return (
        get_user_model()
        .objects.filter(pk=_ANYONE)
        .annotate(
            mentors=Exists(Mentorship.objects.active().filter(mentor_id=OuterRef("pk"))),
            manages=Exists(Person.objects.filter(manager_id=OuterRef("pk"))),
            unread=Coalesce(Subquery(unread), 0),
        )
        .values("mentors", "manages", "unread")
    )


@cache
def _roles_sql(vendor: str) -> tuple[str, tuple[Any, ...]]:
    """The navigation's query compiled once per database kind: every signed-in page asks it,
    and composing it through the ORM took many times longer than the database took to answer
    it. The rules stay the ORM's (`_roles_query`); only the compiled text is kept."""
    sql, params = _roles_query().query.sql_with_params()
    return sql, tuple(params)


def roles_of(user: User) -> Roles:
    """The navigation's facts about a user, in one query."""
    sql, params = _roles_sql(connection.vendor)
    with connection.cursor() as cursor:
        cursor.execute(sql, [user.pk if p == _ANYONE else p for p in params])
        row = cursor.fetchone()
    mentors, manages, unread = row if row else (False, False, 0)
    return Roles(
        is_mentor=bool(mentors),
        is_manager=bool(manages),
        is_admin=bool(user.is_staff),
        unread=int(unread),
    )


def user_by_handle(handle: str) -> User | None:
    """An active user by username or email address (case-insensitive), or None."""
    handle = handle.strip()
    if not handle:
        return None
    User = get_user_model()
    field = "email__iexact" if "@" in handle else "username__iexact"
    return User.objects.filter(**{field: handle}, is_active=True).order_by("pk").first()


@dataclass(frozen=True)
class ReportMentors:
    """One of a manager's reports and their active mentors, as the mentoring page lists them."""

    person: Person
    active_mentors: list[User]

    @property
    def display_name(self) -> str:
        return self.person.display_name


def mentors_of_reports(manager: User) -> list[ReportMentors]:
    """The manager's reports, each with their active mentors: two queries + lines."""
    reports = list(reports_of(manager))
    links = Mentorship.objects.active().filter(engineer_id__in=[p.pk for p in reports])
    by_engineer: dict[int, list[User]] = {}
    for link in links.select_related("mentor").order_by("mentor__first_name"):
        by_engineer.setdefault(link.engineer_id, []).append(link.mentor)
    return [ReportMentors(person, by_engineer.get(person.pk, [])) for person in reports]
