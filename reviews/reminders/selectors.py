"""Who is due which reminder this week, found in a fixed number of queries whatever the number
of people."""

from collections import Counter
from datetime import date

from django.contrib.auth import get_user_model
from django.contrib.auth.models import User
from django.db.models import Exists, F, OuterRef, Q

from evidence.models import Entry, week_start
from evidence.selectors import impact_due_q
from promo import access
from promo.models import Mentorship
from reviews.feedback.models import Feedback
from reviews.reminders.messages import Digest, Item, Kind, Nudge, Reminder, _day, _entry_path
from reviews.reminders.models import ReminderSent


def _wants(kind: str, switch: str, week: date, *, prefix: str = "") -> Q:
    """People who may be sent `kind` this week: active, with an email, the switch on, not sent."""
    claimed = ReminderSent.objects.filter(
        user_id=OuterRef(f"{prefix}id"), kind=kind, week_start=week
    )
    return (
        Q(**{f"{prefix}is_active": True, f"{prefix}person__{switch}": True})
        & ~Q(**{f"{prefix}email": ""})
        & Q(~Exists(claimed))
    )


def log_due(week: date) -> list[User]:
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
        note = f"shipped {_day(shipped_on, year=True)}" if shipped_on else "shipped"
        found.setdefault(author, []).append(Item(title, _entry_path(pk), note))
    return found


def digest_due(week: date) -> dict[int, list[tuple[str, Item]]]:
    """Per mentor: (mentee name, entry) for each entry waiting in their inbox, newest first.

    The inbox's rule (`reviews.feedback.selectors.inbox`, `reviewed` false) for every mentor at
    once: a live entry of a mentee in an active mentorship, shared with mentors, on which this
    mentor has written no feedback. Tests hold the counts equal to `inbox_counts`.
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
