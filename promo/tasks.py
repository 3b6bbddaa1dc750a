"""Background work: the one way Promo sends e-mail, and retries for any task that may fail.

A page never talks to the mail server. It enqueues a `send_email` task (after its transaction
commits, so a rolled-back write sends nothing); a worker (`manage.py db_worker`, README
"Background work") sends it. A mail server that is down or slow holds up the worker, never a
page.

A failed attempt is recorded as FAILED in the task results (the admin shows them) and enqueues
the next attempt, later and later (`retry_delay`); after MAX_ATTEMPTS the task gives up and its
last result says so (`GaveUp`), which staff see on their home page until it is a week old.
Other tasks retry the same way with `retry_later`.
"""

import logging
from datetime import datetime, timedelta
from functools import partial
from typing import Any

from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.utils import timezone
from django_tasks import TaskResult, task
from django_tasks.base import Task
from django_tasks_db.models import DBTaskResult

logger = logging.getLogger(__name__)

# Attempts a task makes before it gives up: the first, then retries after 1, 5, 25 minutes,
# about 2 hours and about 10 hours (RETRY_FIRST, times RETRY_FACTOR each time): a mail server
# down overnight still gets its mail by morning.
MAX_ATTEMPTS = 6
RETRY_FIRST = timedelta(minutes=1)
RETRY_FACTOR = 5


class GaveUp(Exception):
    """A task's last attempt failed: nothing will try again. Its cause is the last error."""

    def __init__(self, attempts: int) -> None:
        super().__init__(f"Gave up after {attempts} attempts.")


GAVE_UP = f"{GaveUp.__module__}.{GaveUp.__qualname__}"  # as the task results record it
# The admin's filter of task results down to those that gave up: ?outcome=gave-up.
OUTCOME_GAVE_UP = "gave-up"


def retry_delay(attempt: int) -> timedelta:
    """How long after failed attempt number `attempt` (1 for the first) the next one runs."""
    return RETRY_FIRST * int(RETRY_FACTOR ** (attempt - 1))


def retry_later(task: Task[..., Any], attempt: int, **kwargs: Any) -> bool:
    """After attempt number `attempt` of `task` failed: enqueue the next attempt with the same
    keyword arguments (and `attempt=attempt + 1`) to run after `retry_delay(attempt)`.

    False, enqueuing nothing, when that was the last attempt (MAX_ATTEMPTS), or when the backend
    runs tasks at once (TASKS_BACKEND=immediate), where waiting is not possible. Call it in the
    task's `except` block, then re-raise when it is True and raise GaveUp from the error when
    it is False, so each failed attempt is recorded and the last one says that it was the last.
    """
    if attempt >= MAX_ATTEMPTS or not task.get_backend().supports_defer:
        return False
    run_after: datetime = timezone.now() + retry_delay(attempt)
    task.using(run_after=run_after).enqueue(**kwargs, attempt=attempt + 1)
    return True


def deliver(*, subject: str, body: str, to: list[str], html: str = "") -> None:
    """Send one message now, through the configured mail backend; raise if it cannot."""
    message = EmailMultiAlternatives(subject, body, None, to)
    if html:
        message.attach_alternative(html, "text/html")
    message.send(fail_silently=False)


@task
def send_email(*, subject: str, body: str, to: list[str], html: str = "", attempt: int = 1) -> None:
    """Send one message; on failure try again later (retry_later), up to MAX_ATTEMPTS."""
    try:
        deliver(subject=subject, body=body, to=to, html=html)
    except Exception as error:
        logger.warning("E-mail attempt %d of %d failed: %s", attempt, MAX_ATTEMPTS, error)
        if retry_later(send_email, attempt, subject=subject, body=body, to=to, html=html):
            raise
        raise GaveUp(attempt) from error


def enqueue_email(*, subject: str, body: str, to: list[str], html: str = "") -> TaskResult[None]:
    """Hand one message to the workers now. Most callers want send_later instead."""
    return send_email.enqueue(subject=subject, body=body, to=to, html=html, attempt=1)


def send_later(*, subject: str, body: str, to: list[str], html: str = "") -> None:
    """E-mail one message once the surrounding transaction commits (at once outside one)."""
    transaction.on_commit(partial(enqueue_email, subject=subject, body=body, to=to, html=html))


def emails_given_up(since: datetime) -> int:
    """How many e-mails failed their last attempt since `since` (one query)."""
    return (
        DBTaskResult.objects.failed()
        .filter(
            task_path=send_email.module_path,
            exception_class_path=GAVE_UP,
            finished_at__gte=since,
        )
        .count()
    )
