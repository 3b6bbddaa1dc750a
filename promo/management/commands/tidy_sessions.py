from django.contrib.sessions.models import Session
from django.core.management.base import BaseCommand
from django.utils import timezone

from promo.models import SignedInSession


class Command(BaseCommand):
    help = (
        "Delete expired sign-in sessions, and the index of whose session is whose for every "
        "session that no longer exists. Run it daily; it is safe to run at any time."
    )

    def handle(self, *args: object, **options: object) -> None:
        expired, _ = Session.objects.filter(expire_date__lte=timezone.now()).delete()
        live = Session.objects.values("session_key")
        orphans, _ = SignedInSession.objects.exclude(session_key__in=live).delete()
        self.stdout.write(
            f"Deleted {expired} expired session{'' if expired == 1 else 's'} and "
            f"{orphans} index row{'' if orphans == 1 else 's'} of ended sessions."
        )
