from datetime import timedelta

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db.models import Count
from django.utils import timezone

from promo.models import AuditEvent

DEFAULT_DAYS = 400  # a yearly promotion cycle, and the weeks around it
MIN_DAYS = 30
BATCH = 1000  # rows per DELETE, each its own transaction, so the table is never held for long
TOO_SHORT = (
    "--days must be at least {minimum}: the audit trail is a security record, and a shorter "
    "one would forget what happened last month. Got {days}."
)


class Command(BaseCommand):
    help = (
        f"Delete audit events older than {DEFAULT_DAYS} days (--days to choose), a batch at a "
        "time. Run it daily; it is safe to run at any time."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--days",
            type=int,
            default=DEFAULT_DAYS,
            help=f"Keep this many days of the trail (at least {MIN_DAYS}; default {DEFAULT_DAYS}).",
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="Say what would be deleted; delete nothing."
        )

    def handle(self, *args: object, days: int, dry_run: bool, **options: object) -> None:
        if days < MIN_DAYS:
            raise CommandError(TOO_SHORT.format(minimum=MIN_DAYS, days=days))
        cutoff = timezone.now() - timedelta(days=days)
        old = AuditEvent.objects.filter(at__lt=cutoff)
        before = f"before {timezone.localtime(cutoff):%Y-%m-%d %H:%M} ({days} days ago)"
        if dry_run:
            by_action = list(old.order_by("action").values_list("action").annotate(n=Count("pk")))
            labels = dict(AuditEvent.Action.choices)
            for action, n in by_action:
                self.stdout.write(f"{labels.get(action, action)}: {n:,}")
            count = sum(n for _, n in by_action)
            self.stdout.write(f"Would delete {_events(count)} from {before}; deleted nothing.")
            return
        deleted = 0
        while True:
            batch = old.order_by("at").values("pk")[:BATCH]
            done, _ = AuditEvent.objects.filter(pk__in=batch).delete()
            deleted += done
            if done < BATCH:
                break
        self.stdout.write(f"Deleted {_events(deleted)} from {before}.")


def _events(count: int) -> str:
    return f"{count:,} audit event{'' if count == 1 else 's'}"
