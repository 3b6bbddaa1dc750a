"""The people import: every change a people file would make, shown before anything is saved,
then made in one transaction; and the export that reads back as the same organisation.

`plan(text, sync=...)` reads the file (promo.people_files), looks everyone up, and answers with
the changes (new people, moves, level changes, mentors added and ended, deactivations) or the
problems, each by line and column, in words. `apply(plan, by=...)` makes a plan with no
problems. People are matched by e-mail, never deleted: a full sync deactivates the people the
file leaves out (never a staff account, which runs Promo rather than appearing in HR's file).
"""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.contrib.auth.models import User
from django.db import transaction
from django.db.models import Prefetch
from django.db.models.functions import Lower
from django.utils import timezone

from promo import audit, services
from promo.models import MAX_REPORTING_DEPTH, Level, Mentorship, Person, Team, display_name
from promo.people_files import COLUMNS, NOT_UTF8, PeopleFileError, Row, parse, write

NEW, UPDATE, DEACTIVATE, REACTIVATE = "new", "update", "deactivate", "reactivate"

UNKNOWN_LEVEL = "line {line}, {column}: “{value}” is not a level; the levels are {known}"
SAME_NAME_LEVELS = (
    "line {line}, {column}: more than one ladder has a level called “{value}”; name it with its"
    " ladder, as one of {slugs}"
)
TARGET_NOT_ABOVE = "line {line}, target_level: {target} is not above {current} on their ladder"
UNKNOWN_PERSON = "line {line}, {column}: nobody with the e-mail {email} is in the file or in Promo"
OWN_MANAGER = "line {line}, manager_email: a person cannot be their own manager"
OWN_MENTOR = "line {line}, mentor_emails: a person cannot mentor themselves"
LOOP = "line {line}, manager_email: reporting lines would loop ({chain})"
FORGE_USERNAME_HELD = (
    "line {line}, forge_username: {name} is already {holder}'s in Promo; each forge username once"
)
SHARED_EMAIL = (
    "line {line}, email: {count} accounts in Promo share {email}; give each its own address in"
    " the admin first"
)


@dataclass(frozen=True)
class Change:
    kind: str  # NEW, UPDATE, DEACTIVATE or REACTIVATE
    email: str
    name: str
    details: tuple[str, ...] = ()  # "level: Senior Engineer → Staff Engineer"
    user_id: int | None = None  # the account a deactivation is of (addresses may be shared)


@dataclass
class Plan:
    changes: list[Change] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    rows: list[Row] = field(default_factory=list)
    columns: frozenset[str] = frozenset()
    sync: bool = False
    kept_staff: int = 0  # staff accounts a full sync leaves alone

    @property
    def ok(self) -> bool:
        return not self.errors

    def count(self, kind: str) -> int:
        return sum(change.kind == kind for change in self.changes)


def _levels() -> tuple[dict[str, list[Level]], list[Level]]:
    """Levels by lower-case name and by slug; every level, in ladder order."""
    every = list(Level.objects.select_related("ladder").order_by("ladder__name", "rank"))
    named: dict[str, list[Level]] = {}
    for level in every:
        keys = {level.name.lower(), level.slug.lower(), level_key(level).lower()}
        for key in keys:
            named.setdefault(key, []).append(level)
    return named, every


def level_choices() -> list[tuple[str, str]]:
    """Every level as a form's choice: its unmistakable key, and its name (with the ladder's
    when there is more than one ladder)."""
    _, every = _levels()
    several = len({level.ladder_id for level in every}) > 1
    return [
        (level_key(level), f"{level.name} ({level.ladder.name})" if several else level.name)
        for level in every
    ]


def level_key(level: Level) -> str:
    """How a file names a level unmistakably: its ladder's slug and its own."""
    return f"{level.ladder.slug}/{level.slug}"


def _users_by_email(emails: Iterable[str]) -> dict[str, list[User]]:
    found: dict[str, list[User]] = {}
    wanted = sorted(set(emails))
    users = (
        get_user_model()
        .objects.annotate(lower_email=Lower("email"))
        .filter(lower_email__in=wanted)
        .select_related(
            "person__team", "person__current_level", "person__target_level", "person__manager__user"
        )
        .prefetch_related(
            Prefetch(
                "mentorships",
                queryset=Mentorship.objects.filter(state=Mentorship.State.ACTIVE).select_related(
                    "mentor"
                ),
                to_attr="active_mentorships",
            )
        )
    )
    for user in users:
        found.setdefault(user.email.lower(), []).append(user)
    return found


def plan(text: str, *, sync: bool = False) -> Plan:
    """What importing this file would change, or why it cannot be imported. Raises
    PeopleFileError when the file cannot be read at all."""
    parsed = parse(text)
    result = Plan(rows=parsed.rows, columns=parsed.columns, sync=sync, errors=list(parsed.errors))
    rows = parsed.rows
    in_file = {row.email: row for row in rows}
    mentioned = set(in_file)
    for row in rows:
        mentioned |= {row.manager_email} if row.manager_email else set()
        mentioned |= set(row.mentor_emails or ())
    users = _users_by_email(mentioned)
    named, every = _levels()
    known_levels = ", ".join(dict.fromkeys(level.name for level in every)) or "(no ladder yet)"

    def level_of(row: Row, column: str, value: str | None) -> Level | None:
        if not value:
            return None
        found = named.get(value.lower(), [])
        if len(found) > 1:
            slugs = ", ".join(level_key(lv) for lv in found)
            result.errors.append(
                SAME_NAME_LEVELS.format(line=row.line, column=column, value=value, slugs=slugs)
            )
            return None
        if not found:
            result.errors.append(
                UNKNOWN_LEVEL.format(line=row.line, column=column, value=value, known=known_levels)
            )
            return None
        return found[0]

    managers: dict[str, str | None] = {}  # e-mail -> the manager's e-mail, as the file leaves it
    for row in rows:
        accounts = users.get(row.email, [])
        if len(accounts) > 1:
            result.errors.append(
                SHARED_EMAIL.format(line=row.line, count=len(accounts), email=row.email)
            )
            continue
        current = level_of(row, "level", row.level) if row.level is not None else None
        target = (
            level_of(row, "target_level", row.target_level)
            if row.target_level is not None
            else None
        )
        person = getattr(accounts[0], "person", None) if accounts else None
        if row.level is None and person is not None:
            current = person.current_level
        if (
            current
            and target
            and (target.ladder_id != current.ladder_id or target.rank <= current.rank)
        ):
            result.errors.append(
                TARGET_NOT_ABOVE.format(line=row.line, target=target.name, current=current.name)
            )
        if row.manager_email is not None:
            if row.manager_email == row.email:
                result.errors.append(OWN_MANAGER.format(line=row.line))
            elif (
                row.manager_email
                and row.manager_email not in in_file
                and not users.get(row.manager_email)
            ):
                result.errors.append(
                    UNKNOWN_PERSON.format(
                        line=row.line, column="manager_email", email=row.manager_email
                    )
                )
            managers[row.email] = row.manager_email or None
        for mentor in row.mentor_emails or ():
            if mentor == row.email:
                result.errors.append(OWN_MENTOR.format(line=row.line))
            elif mentor not in in_file and not users.get(mentor):
                result.errors.append(
                    UNKNOWN_PERSON.format(line=row.line, column="mentor_emails", email=mentor)
                )
        if accounts:
            change = _update(row, accounts[0], current, target, result.columns)
            if change is not None:
                result.changes.append(change)
        else:
            result.changes.append(_new(row, current, target))
    result.errors += _loops(rows, managers)
    result.errors += _forge_usernames_held(rows)
    if sync:
        result.changes += _deactivations(set(in_file), result)
    return result


def _name(row: Row, user: User | None = None) -> str:
    if user is not None and row.first_name is None:
        return display_name(user)
    full = f"{row.first_name or ''} {row.last_name or ''}".strip()
    return full or row.email


def _new(row: Row, current: Level | None, target: Level | None) -> Change:
    details = []
    if current:
        details.append(f"level: {current.name}")
    if target:
        details.append(f"aiming for: {target.name}")
    if row.manager_email:
        details.append(f"manager: {row.manager_email}")
    if row.team:
        details.append(f"team: {row.team}")
    if row.mentor_emails:
        details.append(f"mentors: {', '.join(row.mentor_emails)}")
    if row.forge_username:
        details.append(f"forge username: {row.forge_username}")
    return Change(NEW, row.email, _name(row), tuple(details))


def _update(
    row: Row,
    user: User,
    current: Level | None,
    target: Level | None,
    columns: frozenset[str],
) -> Change | None:
    person = getattr(user, "person", None)
    details: list[str] = []

    def moved(label: str, old: object, new: object) -> None:
        if (old or "") != (new or ""):
            details.append(f"{label}: {old or 'none'} → {new or 'none'}")

    if "first_name" in columns:
        moved("name", user.get_full_name(), f"{row.first_name or ''} {row.last_name or ''}".strip())
    if "title" in columns:
        moved("title", person.title if person else "", row.title)
    if "team" in columns:
        moved("team", person.team.name if person and person.team else "", row.team)
    if "level" in columns:
        moved("level", person.current_level if person else None, current)
    if "target_level" in columns:
        moved("aiming for", person.target_level if person else None, target)
    if "manager_email" in columns:
        old = person.manager.user.email.lower() if person and person.manager else ""
        moved("manager", old, row.manager_email)
    if "forge_username" in columns:
        moved("forge username", person.forge_username if person else "", row.forge_username)
    if "mentor_emails" in columns:
        live = _live_mentors(user)
        wanted = set(row.mentor_emails or ())
        for added in sorted(wanted - live):
            details.append(f"mentor added: {added}")
        for ended in sorted(live - wanted):
            details.append(f"mentor ended: {ended}")
    kind = UPDATE
    if not user.is_active:
        kind = REACTIVATE
    elif not details:
        return None
    return Change(kind, row.email, _name(row, user), tuple(details))


def _live_mentors(user: User) -> set[str]:
    """The mentors column says who mentors someone now: active mentorships only (an invitation
    not yet answered is left alone, or made active if the file names that mentor). Read from
    what `_users_by_email` fetched with the user: no query per row."""
    links: list[Mentorship] = getattr(user, "active_mentorships", [])
    return {link.mentor.email.lower() for link in links}


def _forge_usernames_held(rows: list[Row]) -> list[str]:
    """Forge usernames the file gives to someone while another person keeps them (that person
    not in the file, or in it with the name left as it is): drafts would match neither. One
    query; a name repeated within the file is people_files' to report."""
    named = {row.forge_username.lower(): row for row in rows if row.forge_username}
    if not named:
        return []
    holders = (
        Person.objects.annotate(name=Lower("forge_username"), email=Lower("user__email"))
        .filter(name__in=named)
        .values_list("name", "email")
    )
    in_file = {row.email: row for row in rows}
    problems = []
    for name, email in holders:
        row = named[name]
        if email == row.email:
            continue
        given = in_file[email].forge_username if email in in_file else None
        if given is not None and given.lower() != name:
            continue  # the file gives them another name, or none
        problems.append(
            FORGE_USERNAME_HELD.format(line=row.line, name=row.forge_username, holder=email)
        )
    return problems


def _loops(rows: list[Row], managers: dict[str, str | None]) -> list[str]:
    """Reporting lines after the import, walked up from each person in the file: the file's
    managers where it names them, Promo's otherwise."""
    known = dict(
        Person.objects.filter(manager__isnull=False).values_list(
            Lower("user__email"), Lower("manager__user__email")
        )
    )
    line_of = {row.email: row.line for row in rows}
    final = known | managers
    problems = []
    for row in rows:
        chain, cursor = [row.email], final.get(row.email)
        while cursor and len(chain) <= MAX_REPORTING_DEPTH:
            if cursor == row.email:
                problems.append(
                    LOOP.format(line=line_of[row.email], chain=" → ".join([*chain, cursor]))
                )
                break
            chain.append(cursor)
            cursor = final.get(cursor)
    return problems


def _deactivations(in_file: set[str], result: Plan) -> list[Change]:
    active = get_user_model().objects.filter(is_active=True, person__isnull=False)
    changes = []
    for user in active.order_by("username"):
        if user.email.lower() in in_file:
            continue
        if user.is_staff or user.is_superuser:
            result.kept_staff += 1
            continue
        changes.append(Change(DEACTIVATE, user.email.lower(), display_name(user), user_id=user.pk))
    return changes


def describe(plan: Plan) -> list[str]:
    """The plan in lines a person reads: a summary, then each change with its details."""
    words = {NEW: "new", UPDATE: "changed", REACTIVATE: "reactivated", DEACTIVATE: "deactivated"}
    summary = ", ".join(f"{plan.count(kind)} {word}" for kind, word in words.items())
    lines = [f"{len(plan.rows)} people in the file: {summary}."]
    if plan.kept_staff:
        lines.append(f"Kept: {plan.kept_staff} staff accounts the file leaves out.")
    for change in plan.changes:
        lines.append(f"{words[change.kind]}: {change.name} <{change.email}>")
        lines += [f"    {detail}" for detail in change.details]
    return lines


# --- applying ------------------------------------------------------------------------------------


@transaction.atomic
def apply(plan: Plan, *, by: User | None) -> Plan:
    """Make a plan with no problems: everything or nothing. Returns the plan made."""
    if not plan.ok:
        raise ValueError("A plan with problems cannot be applied.")
    named, _ = _levels()

    def level(value: str) -> Level | None:
        return named[value.lower()][0] if value else None

    accounts = {
        email: found[0] for email, found in _users_by_email(r.email for r in plan.rows).items()
    }
    now = timezone.now()
    teams = {team.name.lower(): team for team in Team.objects.all()}
    for row in plan.rows:  # people first, so that managers and mentors exist
        user = accounts.get(row.email) or _create_user(row)
        accounts[row.email] = user
        if "first_name" in plan.columns:
            user.first_name, user.last_name = row.first_name or "", row.last_name or ""
        user.is_active = True
        user.save()
        person, _ = Person.objects.get_or_create(user=user)
        if row.title is not None:
            person.title = row.title
        if row.forge_username is not None:
            person.forge_username = row.forge_username
        if row.team is not None:
            if row.team and row.team.lower() not in teams:
                teams[row.team.lower()] = Team.objects.create(name=row.team)
            person.team = teams[row.team.lower()] if row.team else None
        if row.level is not None:
            person.current_level = level(row.level)
        if row.target_level is not None:  # an empty cell: no target level
            person.target_level = level(row.target_level)
        elif row.level is not None and person.target_level is None:
            person.target_level = services.next_level(person.current_level)
        person.save()
    others = _users_by_email(
        email
        for row in plan.rows
        for email in (row.manager_email, *(row.mentor_emails or ()))
        if email
    )
    for email, found in others.items():
        accounts.setdefault(email, found[0])
    for row in plan.rows:
        user = accounts[row.email]
        if row.manager_email is not None:
            manager = accounts[row.manager_email] if row.manager_email else None
            if manager is not None:
                Person.objects.get_or_create(user=manager)
            Person.objects.filter(user=user).update(manager_id=manager.pk if manager else None)
        if row.mentor_emails is not None:
            wanted = {accounts[email].pk for email in row.mentor_emails}
            live = list(
                Mentorship.objects.filter(
                    engineer=user, state__in=[Mentorship.State.INVITED, Mentorship.State.ACTIVE]
                )
            )
            for link in live:
                if link.mentor_id in wanted and link.state == Mentorship.State.INVITED:
                    link.state, link.started_at = Mentorship.State.ACTIVE, now
                    link.save(update_fields=["state", "started_at"])
                elif link.mentor_id not in wanted and link.state == Mentorship.State.ACTIVE:
                    services.mentorship_end(mentorship=link)
            have = {link.mentor_id for link in live}
            Mentorship.objects.bulk_create(
                Mentorship(
                    engineer=user, mentor_id=pk, state=Mentorship.State.ACTIVE, started_at=now
                )
                for pk in sorted(wanted - have)
            )
    leaving = [c.user_id for c in plan.changes if c.kind == DEACTIVATE and c.user_id is not None]
    for user in get_user_model().objects.filter(pk__in=leaving, is_active=True):
        services.user_deactivate(user=user, by=by)
    audit.record(
        audit.PEOPLE_IMPORT,
        actor=by,
        detail=(
            f"{len(plan.rows)} rows{' (full sync)' if plan.sync else ''}: {plan.count(NEW)} new,"
            f" {plan.count(UPDATE)} changed, {plan.count(REACTIVATE)} reactivated,"
            f" {plan.count(DEACTIVATE)} deactivated"
        ),
    )
    return plan


def _create_user(row: Row) -> User:
    """A new account named by its e-mail address, with no password until the person accepts
    an invitation or signs in with single sign-on."""
    model = get_user_model()
    username, n = row.email[:150], 1
    while model.objects.filter(username=username).exists():
        n += 1
        username = f"{row.email[:140]}-{n}"
    user = model(username=username, email=row.email)
    user.set_unusable_password()
    user.save()
    return user


# --- exporting -----------------------------------------------------------------------------------


def export() -> str:
    """Every active person as a people file: importing it gives the same organisation back."""
    people = (
        Person.objects.filter(user__is_active=True)
        .select_related(
            "user", "team", "current_level__ladder", "target_level__ladder", "manager__user"
        )
        .order_by("user__email", "pk")
    )
    mentors: dict[int, list[str]] = {}
    links = Mentorship.objects.filter(
        state=Mentorship.State.ACTIVE, engineer__is_active=True
    ).values_list("engineer_id", Lower("mentor__email"))
    for engineer_id, email in links.order_by("engineer_id", Lower("mentor__email")):
        mentors.setdefault(engineer_id, []).append(email)
    return write([row_of(p, mentors.get(p.pk, [])) for p in people if p.user.email])


def row_of(person: Person, mentor_emails: list[str]) -> dict[str, str]:
    """A person as a line of a people file (the export's, and the inline edit's starting point)."""
    return {
        "email": person.user.email.lower(),
        "first_name": person.user.first_name,
        "last_name": person.user.last_name,
        "title": person.title,
        "team": person.team.name if person.team else "",
        "level": level_key(person.current_level) if person.current_level else "",
        "target_level": level_key(person.target_level) if person.target_level else "",
        "manager_email": person.manager.user.email.lower() if person.manager else "",
        "mentor_emails": ";".join(mentor_emails),
        "forge_username": person.forge_username,
    }


EDITABLE = tuple(column for column in COLUMNS if column != "email")


def current_row(person: Person) -> dict[str, str]:
    mentors = Mentorship.objects.filter(engineer_id=person.pk, state=Mentorship.State.ACTIVE)
    emails = mentors.values_list(Lower("mentor__email"), flat=True).order_by(Lower("mentor__email"))
    return row_of(person, [email for email in emails if email])


def plan_edit(person: Person, values: Mapping[str, str]) -> Plan:
    """One person changed in place (the People page's inline edit): the import's own checks,
    words and all-or-nothing apply, on a file of one line. `values` is the person's line as
    current_row gives it, with the edits made; the e-mail is always theirs."""
    row = {k: values.get(k, "").strip() for k in EDITABLE} | {"email": person.user.email.lower()}
    return plan(write([row]))


__all__ = [
    "DEACTIVATE",
    "NEW",
    "REACTIVATE",
    "UPDATE",
    "NOT_UTF8",
    "Change",
    "PeopleFileError",
    "Plan",
    "apply",
    "describe",
    "export",
    "level_key",
    "plan",
]
