"""Writes to the core domain. One function per write, keyword-only, atomic, validated."""

from dataclasses import dataclass
from datetime import timedelta

from django.contrib.auth import get_user_model
from django.contrib.auth.models import User
from django.contrib.sessions.models import Session
from django.db import transaction
from django.db.models import F, ProtectedError, Q
from django.urls import reverse
from django.utils import timezone

from promo import access, audit, ladder_files, offboarding, selectors, tasks
from promo.ladder_files import DEFAULT_LADDER_FILE, BehaviourSpec, LadderFileError, LadderSpec
from promo.models import (
    Behaviour,
    Ladder,
    Level,
    Mentorship,
    Notification,
    Person,
    SignedInSession,
    Team,
    display_name,
)
from promo.notifications import notify

LADDER_EXISTS = "A ladder with slug {slug!r} already exists; import with --replace to update it."
LEVEL_IN_USE = (
    "Level {name!r} is not in the file but people are still placed on it; move them first."
)
MENTORSHIP_BAD_STATE = "This mentorship is {state}; it cannot be {action}."
MENTOR_SELF = "You cannot mentor yourself; ask someone else."
MENTOR_ALREADY = "{name} already mentors you."
MENTOR_ASKED = "You have already asked {name}; they have not answered yet."
UNDO_END = timedelta(minutes=10)  # how long whoever ended a mentorship may take it back
UNDO_MINUTES = int(UNDO_END.total_seconds() // 60)
UNDO_TOO_LATE = (
    f"Only whoever ended a mentorship can undo it, within {UNDO_MINUTES} minutes. To start "
    "again, ask (or be asked) on this page."
)
UNDO_REPLACED = "A new mentorship between the two of you has started since; that one stands."


class MentorshipError(ValueError):
    """A mentorship change that cannot happen; the message is for the user."""


# Ranks are unique per ladder, so a reorder first moves every rank out of the way.
_RANK_SHIFT = 10_000


@transaction.atomic
def ladder_import(*, spec: LadderSpec, replace: bool = False) -> Ladder:
    """Create a ladder from a checked spec, or update the one with the same slug in place.

    Levels and behaviours are matched by slug so people's placements survive a re-import;
    ones missing from the file are removed. Any failure rolls the whole import back.
    """
    ladder = Ladder.objects.filter(slug=spec.slug).first()
    if ladder is not None and not replace:
        raise LadderFileError(LADDER_EXISTS.format(slug=spec.slug))
    if ladder is None:
        ladder = Ladder(slug=spec.slug)
    ladder.name, ladder.description = spec.name, spec.description
    for name, value in spec.policy.items():
        setattr(ladder, name, value)
    ladder.full_clean()
    ladder.save()

    existing = {level.slug: level for level in ladder.levels.all()}
    Level.objects.filter(ladder=ladder).update(rank=F("rank") + _RANK_SHIFT)
    for rank, level_spec in enumerate(spec.levels, start=1):
        level = existing.pop(level_spec.slug, None) or Level(ladder=ladder, slug=level_spec.slug)
        level.rank, level.name, level.summary = rank, level_spec.name, level_spec.summary
        level.full_clean(validate_constraints=False)
        level.save()
        _behaviours_sync(level=level, specs=level_spec.behaviours)
    for gone in existing.values():
        try:
            gone.delete()
        except ProtectedError:
            raise LadderFileError(LEVEL_IN_USE.format(name=gone.name)) from None
    return ladder


@transaction.atomic
def user_deactivate(*, user: User, by: User | None) -> bool:
    """Turn the account off: it can no longer sign in, every session it has ends on the server
    at once rather than at its expiry, its mentorships end (as mentor and as mentee: nobody
    keeps reading a leaver's entries, and a leaver reads nobody's), and so does whatever later
    apps registered (promo.offboarding). The history stays. False when it was off already."""
    if not get_user_model().objects.filter(pk=user.pk, is_active=True).update(is_active=False):
        user.is_active = False
        return False
    user.is_active = False
    links = SignedInSession.objects.filter(user_id=user.pk)
    Session.objects.filter(session_key__in=links.values("session_key")).delete()
    links.delete()
    live = Mentorship.objects.filter(
        Q(engineer=user) | Q(mentor=user),
        state__in=[Mentorship.State.INVITED, Mentorship.State.ACTIVE],
    )
    for mentorship in live:
        mentorship_end(mentorship=mentorship)
    offboarding.run(user)
    audit.record(audit.DEACTIVATED, actor=by, target=user, detail=user.get_username())
    return True


def ladder_install_default() -> Ladder:
    """The ladder that ships with Promo (promo/ladders/default.toml), imported the first time."""
    ladder = Ladder.objects.filter(slug=selectors.DEFAULT_LADDER_SLUG).first()
    if ladder is None:
        text = DEFAULT_LADDER_FILE.read_text(encoding="utf-8")
        ladder = ladder_import(spec=ladder_files.parse(text, "toml"))
    return ladder


def _behaviours_sync(*, level: Level, specs: tuple[BehaviourSpec, ...]) -> None:
    existing = {b.slug: b for b in level.behaviours.all()}
    Behaviour.objects.filter(level=level).update(rank=F("rank") + _RANK_SHIFT)
    for rank, spec in enumerate(specs, start=1):
        behaviour = existing.pop(spec.slug, None) or Behaviour(level=level, slug=spec.slug)
        behaviour.rank, behaviour.name = rank, spec.name
        behaviour.description, behaviour.examples = spec.description, "\n".join(spec.examples)
        behaviour.full_clean(validate_constraints=False)
        behaviour.save()
    for gone in existing.values():
        gone.delete()


def next_level(level: Level | None) -> Level | None:
    if level is None:
        return None
    return Level.objects.filter(ladder_id=level.ladder_id, rank__gt=level.rank).first()


@transaction.atomic
def person_save(
    *,
    user: User,
    current_level: Level | None = None,
    target_level: Level | None = None,
    manager: User | None = None,
    team: Team | None = None,
    title: str = "",
) -> Person:
    """Create or update a user's profile. With no target level, aim at the next level up."""
    person, _ = Person.objects.get_or_create(user=user)
    person.current_level = current_level
    person.target_level = target_level or next_level(current_level)
    person.manager = Person.objects.get(user=manager) if manager is not None else None
    person.team, person.title = team, title
    person.full_clean()
    person.save()
    return person


@transaction.atomic
def mentorship_invite(*, engineer: User, mentor: User) -> Mentorship:
    """An engineer asks someone to mentor them; nothing is shared until the mentor accepts."""
    if engineer.pk == mentor.pk:
        raise MentorshipError(MENTOR_SELF)
    live = Mentorship.objects.filter(
        engineer=engineer,
        mentor=mentor,
        state__in=[Mentorship.State.INVITED, Mentorship.State.ACTIVE],
    ).first()
    if live is not None:
        message = MENTOR_ALREADY if live.state == Mentorship.State.ACTIVE else MENTOR_ASKED
        raise MentorshipError(message.format(name=display_name(mentor)))
    mentorship = Mentorship(engineer=engineer, mentor=mentor)
    mentorship.full_clean()
    mentorship.save()
    _audit(mentorship, by=engineer)
    _tell(mentor, by=engineer, text=f"{display_name(engineer)} asked you to be their mentor.")
    return mentorship


def _tell(recipient: User, *, by: User, text: str) -> None:
    """Mentorship news for the other side, linking to the mentoring page."""
    notify(
        recipients=[recipient],
        actor=by,
        kind=Notification.Kind.MENTORSHIP,
        text=text,
        url=reverse("mentoring"),
    )


def _transition(
    mentorship: Mentorship,
    *,
    allowed: set[str],
    to: str,
    action: str,
    by: User | None,
) -> Mentorship:
    if mentorship.state not in allowed:
        raise MentorshipError(MENTORSHIP_BAD_STATE.format(state=mentorship.state, action=action))
    mentorship.state = to
    now = timezone.now()
    if to == Mentorship.State.ACTIVE:
        mentorship.started_at = now
    else:
        mentorship.ended_at = now
    mentorship.save(update_fields=["state", "started_at", "ended_at"])
    _audit(mentorship, by=by)
    return mentorship


def _audit(mentorship: Mentorship, *, by: User | None) -> None:
    detail = f"{mentorship.mentor.get_username()} mentoring {mentorship.engineer.get_username()}"
    audit.record(
        audit.MENTORSHIP, actor=by, target=mentorship, detail=f"{mentorship.state}: {detail}"
    )


@transaction.atomic
def mentorship_accept(*, mentorship: Mentorship) -> Mentorship:
    _transition(
        mentorship,
        allowed={Mentorship.State.INVITED},
        to=Mentorship.State.ACTIVE,
        action="accepted",
        by=mentorship.mentor,
    )
    _tell(
        mentorship.engineer,
        by=mentorship.mentor,
        text=f"{display_name(mentorship.mentor)} is now your mentor.",
    )
    return mentorship


@transaction.atomic
def mentorship_decline(*, mentorship: Mentorship) -> Mentorship:
    _transition(
        mentorship,
        allowed={Mentorship.State.INVITED},
        to=Mentorship.State.DECLINED,
        action="declined",
        by=mentorship.mentor,
    )
    _tell(
        mentorship.engineer,
        by=mentorship.mentor,
        text=f"{display_name(mentorship.mentor)} declined to mentor you.",
    )
    return mentorship


@transaction.atomic
def mentorship_end(*, mentorship: Mentorship, by: User | None = None) -> Mentorship:
    """End a mentorship; the mentor loses access on their next request."""
    was = mentorship.state
    _transition(
        mentorship,
        allowed={Mentorship.State.INVITED, Mentorship.State.ACTIVE},
        to=Mentorship.State.ENDED,
        action="ended",
        by=by,
    )
    if by is not None:
        Mentorship.objects.filter(pk=mentorship.pk).update(ended_by=by, ended_from=was)
        mentorship.ended_by, mentorship.ended_from = by, was
        _tell(
            _other_party(mentorship, by),
            by=by,
            text=f"{display_name(by)} ended the mentorship between "
            f"{display_name(mentorship.mentor)} and {display_name(mentorship.engineer)}.",
        )
    return mentorship


def _other_party(mentorship: Mentorship, by: User) -> User:
    return mentorship.mentor if by.pk == mentorship.engineer_id else mentorship.engineer


def can_undo_end(mentorship: Mentorship, *, by: User) -> bool:
    """Whether `by` may still undo ending this mentorship: they ended it, minutes ago."""
    return (
        mentorship.state == Mentorship.State.ENDED
        and mentorship.ended_by_id == by.pk
        and mentorship.ended_at is not None
        and timezone.now() - mentorship.ended_at <= UNDO_END
    )


@transaction.atomic
def mentorship_undo_end(*, mentorship: Mentorship, by: User) -> Mentorship:
    """Undo ending a mentorship: it is as it was (active, or an invitation still waiting), and
    the other side hears that it goes on."""
    if not can_undo_end(mentorship, by=by):
        raise MentorshipError(UNDO_TOO_LATE)
    if Mentorship.objects.filter(
        engineer_id=mentorship.engineer_id,
        mentor_id=mentorship.mentor_id,
        state__in=[Mentorship.State.INVITED, Mentorship.State.ACTIVE],
    ).exists():
        raise MentorshipError(UNDO_REPLACED)
    mentorship.state = mentorship.ended_from or Mentorship.State.ACTIVE
    mentorship.ended_at = mentorship.ended_by = None
    mentorship.ended_from = ""
    mentorship.save(update_fields=["state", "ended_at", "ended_by", "ended_from"])
    _audit(mentorship, by=by)
    _tell(
        _other_party(mentorship, by),
        by=by,
        text=f"{display_name(by)} undid ending the mentorship between "
        f"{display_name(mentorship.mentor)} and {display_name(mentorship.engineer)}: it goes on.",
    )
    return mentorship


# --- changes made in the admin -------------------------------------------------------------------
# The admin saves the row itself; these tell the people a change affects, as the same change made
# in the app would. The admin log line, which promo.signals copies into the audit trail, records
# the change.

ADMIN_DID = "An administrator ({name})"


@dataclass(frozen=True)
class MentorshipState:
    """Who mentors whom, and how far along; None in its place means no mentorship at all."""

    engineer_id: int
    mentor_id: int
    state: str

    @classmethod
    def of(cls, mentorship: Mentorship) -> "MentorshipState":
        return cls(mentorship.engineer_id, mentorship.mentor_id, mentorship.state)


@transaction.atomic
def mentorship_admin_notify(
    *, by: User, was: MentorshipState | None, now: MentorshipState | None
) -> None:
    """Tell the engineer and the mentor (not the administrator) what an administrator's change
    to a mentorship means for what the mentor may read: only an active mentorship lets them read
    anything. Giving a mentorship another mentor or engineer ends it for the old pair and starts
    it for the new one."""
    changes: list[tuple[MentorshipState, str | None, str | None]]
    if was and now and (was.engineer_id, was.mentor_id) == (now.engineer_id, now.mentor_id):
        changes = [(now, was.state, now.state)]
    else:
        changes = [(was, was.state, None)] if was else []
        changes += [(now, None, now.state)] if now else []
    people = get_user_model().objects.in_bulk(
        {pk for link, _, _ in changes for pk in (link.engineer_id, link.mentor_id)}
    )
    for link, before, after in changes:
        _mentorship_news(
            by=by,
            engineer=people[link.engineer_id],
            mentor=people[link.mentor_id],
            before=before,
            after=after,
        )


def _mentorship_news(
    *,
    by: User,
    engineer: User,
    mentor: User,
    before: str | None,
    after: str | None,
) -> None:
    live = {Mentorship.State.INVITED, Mentorship.State.ACTIVE}
    if before == after or (after is None and before not in live):
        return  # nothing changed, or a finished mentorship was tidied away
    admin = ADMIN_DID.format(name=display_name(by))
    them, name = display_name(mentor), display_name(engineer)
    if after == Mentorship.State.ACTIVE:
        to_engineer = f"{admin} made {them} your active mentor: they can now read the entries "
        to_engineer += "you share with mentors."
        to_mentor = f"{admin} made you {name}'s active mentor: you can now read the entries "
        to_mentor += "they share with mentors."
    else:
        verbs: dict[str | None, str] = {None: "removed", Mentorship.State.ENDED: "ended"}
        did = verbs.get(after, "set")
        state = f" to “{Mentorship.State(after).label}”" if after and did == "set" else ""
        to_engineer = f"{admin} {did} {them}'s mentorship of you{state}"
        to_mentor = f"{admin} {did} your mentorship of {name}{state}"
        if before == Mentorship.State.ACTIVE:
            to_engineer += ": they can no longer read the entries you share with mentors."
            to_mentor += ": you can no longer read the entries they share with mentors."
        else:
            to_engineer, to_mentor = f"{to_engineer}.", f"{to_mentor}."
    _tell(engineer, by=by, text=to_engineer)
    _tell(mentor, by=by, text=to_mentor)


@transaction.atomic
def reporting_line_admin_notify(*, by: User, person: Person, old_manager_id: int | None) -> None:
    """Tell an engineer, their new manager and their old one (not the administrator) that an
    administrator changed the engineer's manager, and what that means: a manager, and every
    manager above them, reads the entries shared with managers (promo.access)."""
    if person.manager_id == old_manager_id:
        return
    people = get_user_model().objects.in_bulk(
        [pk for pk in (person.pk, person.manager_id, old_manager_id) if pk is not None]
    )
    engineer = people[person.pk]
    new, old = people.get(person.manager_id), people.get(old_manager_id)
    admin, name = ADMIN_DID.format(name=display_name(by)), display_name(engineer)
    news: list[tuple[User, str]] = []
    if new is not None:
        instead = f" instead of {display_name(old)}" if old is not None else ""
        news += [
            (
                engineer,
                f"{admin} made {display_name(new)} your manager{instead}: they and the managers "
                "above them can now read the entries you share with managers.",
            ),
            (
                new,
                f"{admin} made you {name}'s manager: you can now read the entries they share "
                "with managers.",
            ),
        ]
    elif old is not None:
        news.append(
            (
                engineer,
                f"{admin} removed {display_name(old)} as your manager: they can no longer read "
                "the entries you share with managers.",
            )
        )
    if old is not None:
        if new is None:
            did = f"removed you as {name}'s manager"
        else:
            did = f"made {display_name(new)} {name}'s manager"
        if new is not None and access.is_manager_of(old.pk, engineer.pk):
            news.append(
                (old, f"{admin} {did}: {name} still reports to you, through {display_name(new)}.")
            )
        else:
            news.append(
                (
                    old,
                    f"{admin} {did}: you no longer manage {name} and can no longer read the "
                    "entries they share with managers.",
                )
            )
    for recipient, text in news:
        notify(
            recipients=[recipient],
            actor=by,
            kind=Notification.Kind.REPORTING,
            text=text,
            url=reverse("home"),
        )


ACCOUNT_PASSWORD = (
    "{admin} set a new password for your account. If you did not ask for this, tell your "
    "security team: whoever knows it can sign in as you."
)
ACCOUNT_EMAIL = "{admin} changed your account's email address from {old} to {new}."


def account_admin_notify(
    *,
    by: User,
    user: User,
    password: bool = False,
    old_email: str | None = None,
) -> None:
    """Tell a person that an administrator changed how their account signs in (a new password,
    another email address): either would let the administrator sign in as them. The email goes
    to the address the person had before too, which is the one they still read."""
    if by.pk == user.pk:
        return
    admin = ADMIN_DID.format(name=display_name(by))
    texts = []
    if password:
        texts.append(ACCOUNT_PASSWORD.format(admin=admin))
    if old_email is not None and old_email != user.email:
        texts.append(
            ACCOUNT_EMAIL.format(admin=admin, old=old_email or "none", new=user.email or "none")
        )
    for text in texts:
        notify(
            recipients=[user],
            actor=by,
            kind=Notification.Kind.ACCOUNT,
            text=text,
            url=reverse("preferences"),
        )
        if old_email and old_email != user.email:
            tasks.send_later(subject=f"Promo: {text[:80]}", body=text, to=[old_email])
