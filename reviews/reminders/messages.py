"""The reminder emails: to an engineer (log your week, follow up impact) and to a mentor (a
digest of what waits for review), in words."""

from collections import Counter
from dataclasses import dataclass, replace
from datetime import date

from django.conf import settings
from django.contrib.auth.models import User
from django.urls import reverse
from django.utils import dateformat

from promo.models import short_name
from reviews.reminders.models import ReminderSent

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

    user: User
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
        parts = [f"Hi {short_name(self.user)},"]
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

    user: User
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
                f"Hi {short_name(self.user)},",
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
    queued: bool = False  # handed to the background workers, which send them shortly

    def summary(self, *, dry_run: bool = False) -> str:
        kinds = Counter(kind for r in self.sent for kind in r.kinds)
        verb = "Would send" if dry_run else "Queued" if self.queued else "Sent"
        line = (
            f"{verb} {_plural(len(self.sent), 'email')}: "
            f"{kinds[Kind.LOG]} to log, {_plural(kinds[Kind.IMPACT], 'impact follow-up')}, "
            f"{_plural(kinds[Kind.DIGEST], 'review digest')}."
        )
        if self.failed:
            line += f" {len(self.failed)} failed and will be retried on the next run."
        return line


def _plural(n: int, one: str, many: str | None = None) -> str:
    return f"{n} {one if n == 1 else (many or one + 's')}"


def _day(day: date, *, year: bool = False) -> str:
    return dateformat.format(day, "j F Y" if year else "j F")


def _entry_path(pk: int) -> str:
    return reverse("evidence:detail", args=[pk])


def _url(path: str) -> str:
    return settings.SITE_URL.rstrip("/") + path


def _footer(what: str, it: str) -> str:
    return (
        f"Rather not get {what}? Switch {it} off in your preferences: "
        f"{_url(reverse('preferences'))}"
    )
