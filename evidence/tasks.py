"""Background work for evidence: turning a verified forge delivery into a draft.

The webhook answers the forge at once and leaves the rest (finding the author, writing the
draft or the audit row) to this task, so a slow database never makes a forge time out and
redeliver. A failed attempt is retried later, as every task is (promo.tasks.retry_later).
"""

import logging

from django_tasks import task

from evidence import forges
from evidence.models import ForgeHook
from promo.tasks import GaveUp, retry_later

logger = logging.getLogger(__name__)


@task
def draft_from_delivery(
    *,
    hook_id: int,
    url: str,
    repository: str,
    number: int | None,
    title: str,
    body: str,
    merged_at: str,
    username: str,
    email: str,
    attempt: int = 1,
) -> None:
    """Make the draft a verified delivery reports (or audit that it names no one). A hook
    deleted since the delivery was accepted leaves nothing to do."""
    pull = forges.MergedPullRequest(
        url=url,
        repository=repository,
        number=number,
        title=title,
        body=body,
        merged_at=merged_at,
        username=username,
        email=email,
    )
    try:
        hook = ForgeHook.objects.filter(pk=hook_id).first()
        if hook is not None:
            forges.draft_add(hook=hook, pull=pull)
    except Exception as error:
        logger.warning("Draft from %s, attempt %d failed", repository, attempt)
        if retry_later(draft_from_delivery, attempt, hook_id=hook_id, **pull.as_kwargs()):
            raise
        raise GaveUp(attempt) from error
