from django.core.management.base import BaseCommand
from django.utils import timezone

from evidence import services
from evidence.models import TRASH_DAYS


class Command(BaseCommand):
    help = f"Delete for good the entries that have been in the trash for {TRASH_DAYS} days."

    def handle(self, *args: object, **options: object) -> None:
        count = services.entries_purge(now=timezone.now())
        self.stdout.write(f"Purged {count} entr{'y' if count == 1 else 'ies'} from the trash.")
