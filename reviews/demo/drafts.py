"""The demo's forge: a GitHub Enterprise hook and the merged pull requests it delivered, waiting
as drafts in their authors' evidence inboxes (data/drafts.toml).

Each pull request goes through evidence.forges.draft_add, the code a verified webhook delivery
runs, so the demo's drafts are matched to people by forge username exactly as real ones are.
"""

from datetime import timedelta

from django.utils import timezone

from evidence.forges import MergedPullRequest, draft_add, new_key, new_secret
from evidence.models import ForgeHook
from reviews.demo import content
from reviews.demo.people import Org

HOST = "https://git.acme.internal"


def seed(org: Org) -> None:
    name, forge = content.forge_hook()
    hook, _ = ForgeHook.objects.get_or_create(
        name=name,
        defaults={
            "forge": forge,
            "key": new_key(),
            "secret": new_secret(),
        },
    )
    now = timezone.now()
    for pull in content.drafts():
        merged = now - timedelta(days=pull.merged_days_ago, hours=pull.number % 7)
        draft_add(
            hook=hook,
            pull=MergedPullRequest(
                url=f"{HOST}/{pull.repository}/pull/{pull.number}",
                repository=pull.repository,
                number=pull.number,
                title=pull.title,
                body=pull.body,
                merged_at=merged.isoformat(),
                username=pull.author,
                email="",
            ),
        )
