from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError, CommandParser

from reviews import demo
from reviews.demo.people import DEMO_PASSWORD

REFUSED = (
    "seed_demo creates accounts whose password is 'demo'; "
    "it runs only with DEBUG on, or with --force."
)


class Command(BaseCommand):
    help = "Create (or refresh) the demo organisation. Safe to run again."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--force", action="store_true", help="Run even with DEBUG off.")
        parser.add_argument(
            "--if-empty", action="store_true", help="Do nothing when the database has users."
        )

    def handle(self, *args: object, force: bool, if_empty: bool, **options: object) -> None:
        if not (settings.DEBUG or force):
            raise CommandError(REFUSED)
        if if_empty and get_user_model().objects.exists():
            self.stdout.write("The database already has users; demo data left as it is.")
            return
        org = demo.seed()
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo organisation ready: {len(org['users'])} people, "
                f"password '{DEMO_PASSWORD}'. Sign in as demo-engineer, demo-mentor, "
                "demo-manager or demo-admin."
            )
        )
