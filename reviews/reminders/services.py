"""Weekly reminders by email: log your week, follow up impact, review what your mentees shared.

`manage.py send_reminders` (weekly, from cron) calls `send()`. Who is due what is found in a
fixed number of queries whatever the number of people (`due`). Before an email is handed to the
background workers (promo.tasks, one task per email, which retry a mail server that is down),
each (user, kind, week) it covers is claimed as a `ReminderSent` row under a unique constraint,
so a second run in the same week, even a concurrent one, sends nothing twice. An email that
could not be handed over, or that failed for good at once (TASKS_BACKEND=immediate sends inside
the run and cannot wait to retry), releases its claims, so the next run tries that person again.

An engineer due both a log reminder and impact follow-ups gets one email with both; a mentor's
digest is an email of its own. Each switch on the preferences page turns off only its kind.
"""

import logging
from datetime import date

from django.db import IntegrityError, transaction
from django_tasks import TaskResultStatus

from evidence.models import week_start
from promo import tasks
from reviews.reminders.messages import Reminder, Report
from reviews.reminders.models import ReminderSent
from reviews.reminders.selectors import due

logger = logging.getLogger(__name__)


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
    queued = False
    for reminder in _claim(reminders, week):
        subject, body = reminder.message()
        try:
            result = tasks.enqueue_email(subject=subject, body=body, to=[reminder.user.email])
        except Exception:  # the task store cannot be reached: try this person again next run
            logger.exception("Reminder email to user %s could not be queued", reminder.user.pk)
            status = TaskResultStatus.FAILED
        else:
            status = result.status
        if status == TaskResultStatus.FAILED:
            _release(reminder, week)
            failed.append(reminder)
        else:
            sent.append(reminder)
            queued = queued or status != TaskResultStatus.SUCCESSFUL
    return Report(sent=tuple(sent), failed=tuple(failed), queued=queued)
