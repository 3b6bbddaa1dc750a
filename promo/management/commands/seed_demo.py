import importlib.util

from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError, CommandParser

from promo import demo

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
        # Each later app may extend the demo with its own `<app>.demo.seed(org)`.
        for config in apps.get_app_configs():
            if (
                config.name != "promo"
                and importlib.util.find_spec(f"{config.name}.demo") is not None
            ):
                importlib.import_module(f"{config.name}.demo").seed(org)
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo organisation ready: {len(org['users'])} people, "
                f"password '{demo.DEMO_PASSWORD}'. Sign in as demo-engineer, demo-mentor, "
                "demo-manager or demo-admin."
            )
        )
