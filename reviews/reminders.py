"""Weekly reminders by email: log your week, follow up impact, review what your mentees shared.

`manage.py send_reminders` (weekly, from cron) calls `send()`. Who is due what is found in a
fixed number of queries whatever the number of people (`due`). Before an email goes out, each
(user, kind, week) it covers is claimed as a `ReminderSent` row under a unique constraint, so a
second run in the same week, even a concurrent one, sends nothing twice. An email that fails
releases its claims, so the next run tries that person again.

An engineer due both a log reminder and impact follow-ups gets one email with both; a mentor's
digest is an email of its own. Each switch on the preferences page turns off only its kind.
"""

import logging
from collections import Counter
from dataclasses import dataclass, replace
from datetime import date

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.base_user import AbstractBaseUser
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.db.models import Exists, F, OuterRef, Q
from django.urls import reverse
from django.utils import dateformat

from evidence.models import Entry, week_start
from evidence.selectors import impact_due_q
from promo import access
from promo.models import Mentorship
from reviews.models import Feedback, ReminderSent

logger = logging.getLogger(__name__)

Kind = ReminderSent.Kind
# A digest names this many entries at most, newest first, then says how many more wait.
DIGEST_LIMIT = 10


@dataclass(frozen=True)
class Item:
    """An entry named in an email: its title, where it lives, and a few words about it."""

    title: str
    path: str
    note: str


@dataclass(frozen=True)
class Nudge:
    """To an engineer: nothing logged this week (`log`), and shipped work due an impact note."""

    user: AbstractBaseUser
    week: date
    log: bool = False
    impact: tuple[Item, ...] = ()

    @property
    def kinds(self) -> tuple[str, ...]:
        return tuple(
            kind for kind, due in ((Kind.LOG, self.log), (Kind.IMPACT, self.impact)) if due
        )

    def only(self, kinds: set[str]) -> "Nudge":
        """This reminder narrowed to `kinds` (what a run managed to claim)."""
        impact = self.impact if Kind.IMPACT in kinds else ()
        return replace(self, log=self.log and Kind.LOG in kinds, impact=impact)

    def describe(self) -> str:
        parts = ["nothing logged this week"] if self.log else []
        if self.impact:
            parts.append(_plural(len(self.impact), "impact follow-up"))
        return ", ".join(parts)

    def message(self) -> tuple[str, str]:
        n = len(self.impact)
        follow_ups = _plural(n, "entry is", "entries are")
        if self.log and self.impact:
            subject = f"Promo: log your week, and {follow_ups} due an impact follow-up"
        elif self.log:
            subject = f"Promo: nothing logged yet for the week of {_day(self.week)}"
        else:
            subject = f"Promo: {follow_ups} due an impact follow-up"
        parts = [f"Hi {_first_name(self.user)},"]
        if self.log:
            parts.append(
                f"You have not logged anything for the week of {_day(self.week)} yet. A couple "
                "of lines while it is fresh is plenty: what you did, and which behaviour it "
                f"shows.\n\nLog it here: {_url(reverse('evidence:week'))}"
            )
        if self.impact:
            lines = "\n".join(f"- {i.title} ({i.note}): {_url(i.path)}" for i in self.impact)
            work, it = ("One piece of work", "it") if n == 1 else (f"{n} pieces of work", "they")
            parts.append(
                f"{work} you shipped a while ago {'has' if n == 1 else 'have'} no measured "
                f"impact yet. Now is a good time to note what {it} changed, while the numbers "
                f"are easy to find:\n\n{lines}\n\n"
                f"All your follow-ups: {_url(reverse('evidence:impact'))}"
            )
        parts.append(_footer("these reminders", "them"))
        return subject, "\n\n".join(parts)


@dataclass(frozen=True)
class Digest:
    """To a mentor: entries their mentees shared that they have not reviewed yet."""

    user: AbstractBaseUser
    week: date
    entries: tuple[Item, ...] = ()
    per_mentee: tuple[tuple[str, int], ...] = ()

    @property
    def kinds(self) -> tuple[str, ...]:
        return (Kind.DIGEST,) if self.entries else ()

    def only(self, kinds: set[str]) -> "Digest":
        """This digest if a run managed to claim it, else an empty one."""
        return self if Kind.DIGEST in kinds else replace(self, entries=(), per_mentee=())

    def describe(self) -> str:
        return f"review digest of {_plural(len(self.entries), 'entry', 'entries')}"

    def message(self) -> tuple[str, str]:
        total = len(self.entries)
        waiting = _plural(total, "entry", "entries")
        subject = f"Promo: {waiting} waiting for your review"
        counts = "\n".join(f"- {name}: {n}" for name, n in self.per_mentee)
        shown = "\n".join(
            f"- {i.title} ({i.note}): {_url(i.path)}" for i in self.entries[:DIGEST_LIMIT]
        )
        more = total - DIGEST_LIMIT
        inbox = _url(reverse("reviews:inbox"))
        tail = f"and {more} more in your inbox: {inbox}" if more > 0 else f"Your inbox: {inbox}"
        body = "\n\n".join(
            [
                f"Hi {_first_name(self.user)},",
                f"Your mentees have shared {waiting} you have not reviewed yet:\n\n{counts}",
                f"Newest first:\n\n{shown}\n{tail}",
                "A short note on what would make each one next-level goes a long way.",
                _footer("this digest", "it"),
            ]
        )
        return subject, body


Reminder = Nudge | Digest


@dataclass(frozen=True)
class Report:
    sent: tuple[Reminder, ...]
    failed: tuple[Reminder, ...] = ()

    def summary(self, *, dry_run: bool = False) -> str:
        kinds = Counter(kind for r in self.sent for kind in r.kinds)
        line = (
            f"{'Would send' if dry_run else 'Sent'} {_plural(len(self.sent), 'email')}: "
            f"{kinds[Kind.LOG]} to log, {_plural(kinds[Kind.IMPACT], 'impact follow-up')}, "
            f"{_plural(kinds[Kind.DIGEST], 'review digest')}."
        )
        if self.failed:
            line += f" {len(self.failed)} failed and will be retried on the next run."
        return line


# --- who is due what --------------------------------------------------------------------------


def _wants(kind: str, switch: str, week: date, *, prefix: str = "") -> Q:
    """People who may be sent `kind` this week: active, with an email, the switch on, not sent."""
    claimed = ReminderSent.objects.filter(
        user_id=OuterRef(f"{prefix}id"), kind=kind, week_start=week
    )
    return (
        Q(**{f"{prefix}is_active": True, f"{prefix}person__{switch}": True})
        & ~Q(**{f"{prefix}email": ""})
        & ~Exists(claimed)
    )


def log_due(week: date) -> list[AbstractBaseUser]:
    """Engineers (people with a level on the ladder) with no live entry in `week`: any
    visibility counts, a trashed one does not. Managers off the ladder are not nagged."""
    logged = Entry.objects.live().filter(author_id=OuterRef("pk"), week_start=week)
    users = get_user_model().objects.filter(
        _wants(Kind.LOG, "remind_to_log", week),
        ~Exists(logged),
        person__current_level__isnull=False,
    )
    return list(users.order_by("pk"))


def impact_due(today: date) -> dict[int, list[Item]]:
    """Per author: the entries `evidence.selectors.impact_due` lists for them, oldest first:
    the same rule (`impact_due_q`) for everyone at once."""
    week = week_start(today)
    rows = (
        Entry.objects.live()
        .filter(_wants(Kind.IMPACT, "remind_impact", week, prefix="author__"), impact_due_q(today))
        .order_by("author_id", "shipped_on", "pk")
        .values_list("author_id", "pk", "title", "shipped_on")
    )
    found: dict[int, list[Item]] = {}
    for author, pk, title, shipped_on in rows:
        note = f"shipped {_day(shipped_on, year=True)}"
        found.setdefault(author, []).append(Item(title, _entry_path(pk), note))
    return found


def digest_due(week: date) -> dict[int, list[tuple[str, Item]]]:
    """Per mentor: (mentee name, entry) for each entry waiting in their inbox, newest first.

    The inbox's rule (`reviews.selectors.inbox`, `reviewed` false) for every mentor at once: a
    live entry of a mentee in an active mentorship, shared with mentors, on which this mentor
    has written no feedback. Tests hold the counts equal to `inbox_counts`.
    """
    mentor = "author__mentorships__mentor__"
    reviewed = Feedback.objects.filter(entry_id=OuterRef("pk"), author_id=OuterRef("mentor_id"))
    claimed = ReminderSent.objects.filter(
        user_id=OuterRef("mentor_id"), kind=Kind.DIGEST, week_start=week
    )
    rows = (
        Entry.objects.live()
        # One filter() call of positive lookups, so every condition is on the same mentorship
        # row (an exclude() or a negated lookup across it would ask about any mentor instead).
        .filter(
            **{
                "visibility__in": sorted(access.MENTOR_SEES),
                "author__mentorships__state": Mentorship.State.ACTIVE,
                f"{mentor}is_active": True,
                f"{mentor}email__gt": "",  # has an email address
                f"{mentor}person__remind_review_digest": True,
            }
        )
        .annotate(mentor_id=F("author__mentorships__mentor_id"))
        .filter(~Exists(reviewed), ~Exists(claimed))
        .order_by("mentor_id", "-week_start", "-pk")
        .values_list(
            "mentor_id",
            "pk",
            "title",
            "week_start",
            "author__first_name",
            "author__last_name",
            "author__username",
        )
    )
    found: dict[int, list[tuple[str, Item]]] = {}
    for mentor_id, pk, title, week_of, first, last, username in rows:
        name = f"{first} {last}".strip() or username
        note = f"{name}, week of {_day(week_of)}"
        found.setdefault(mentor_id, []).append((name, Item(title, _entry_path(pk), note)))
    return found


def due(today: date) -> list[Reminder]:
    """Every email this week's run would send on `today`, not counting ones already sent."""
    week = week_start(today)
    log = {u.pk: u for u in log_due(week)}
    impact = impact_due(today)
    digest = digest_due(week)
    others = (impact.keys() | digest.keys()) - log.keys()
    users = log | {u.pk: u for u in get_user_model().objects.filter(pk__in=others)}
    reminders: list[Reminder] = [
        Nudge(user=users[pk], week=week, log=pk in log, impact=tuple(impact.get(pk, ())))
        for pk in sorted(log.keys() | impact.keys())
    ]
    for pk, rows in sorted(digest.items()):
        per_mentee = Counter(name for name, _ in rows)
        reminders.append(
            Digest(
                user=users[pk],
                week=week,
                entries=tuple(item for _, item in rows),
                per_mentee=tuple(sorted(per_mentee.items())),
            )
        )
    return reminders


# --- claiming and sending ---------------------------------------------------------------------


def _claim(reminders: list[Reminder], week: date) -> list[Reminder]:
    """Record each reminder's kinds as sent this week; keep only what this run got to claim.

    Normally one insert. If another run claimed some of them since `due` looked, the insert
    fails as a whole and each row is claimed on its own, so each kind goes out exactly once.
    """
    wanted = [(r.user.pk, kind) for r in reminders for kind in r.kinds]
    try:
        with transaction.atomic():
            ReminderSent.objects.bulk_create(
                ReminderSent(user_id=user, kind=kind, week_start=week) for user, kind in wanted
            )
        return reminders
    except IntegrityError:
        pass
    claimed: set[tuple[int, str]] = set()
    for user, kind in wanted:
        try:
            with transaction.atomic():
                ReminderSent.objects.create(user_id=user, kind=kind, week_start=week)
        except IntegrityError:
            continue
        claimed.add((user, kind))
    kept = [r.only({k for u, k in claimed if u == r.user.pk}) for r in reminders]
    return [r for r in kept if r.kinds]


def _release(reminder: Reminder, week: date) -> None:
    ReminderSent.objects.filter(
        user_id=reminder.user.pk, kind__in=reminder.kinds, week_start=week
    ).delete()


def send(today: date, *, dry_run: bool = False) -> Report:
    """Send this week's reminders once each; with `dry_run`, only say what would be sent."""
    week = week_start(today)
    reminders = due(today)
    if dry_run:
        return Report(sent=tuple(reminders))
    sent: list[Reminder] = []
    failed: list[Reminder] = []
    for reminder in _claim(reminders, week):
        subject, body = reminder.message()
        try:
            send_mail(subject, body, None, [reminder.user.email])
        except Exception:  # an SMTP or network error: try this person again next run
            logger.exception("Reminder email to user %s failed", reminder.user.pk)
            _release(reminder, week)
            failed.append(reminder)
        else:
            sent.append(reminder)
    return Report(sent=tuple(sent), failed=tuple(failed))


# --- wording ----------------------------------------------------------------------------------


def _plural(n: int, one: str, many: str | None = None) -> str:
    return f"{n} {one if n == 1 else (many or one + 's')}"


def _day(day: date, *, year: bool = False) -> str:
    return dateformat.format(day, "j F Y" if year else "j F")


def _first_name(user: AbstractBaseUser) -> str:
    return getattr(user, "first_name", "") or user.get_username()


def _entry_path(pk: int) -> str:
    return reverse("evidence:detail", args=[pk])


def _url(path: str) -> str:
    return settings.SITE_URL.rstrip("/") + path


def _footer(what: str, it: str) -> str:
    return (
        f"Rather not get {what}? Switch {it} off in your preferences: "
        f"{_url(reverse('preferences'))}"
    )
