from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError, CommandParser

from promo import people


class Command(BaseCommand):
    help = (
        "Import people and reporting lines from a CSV file (the columns are in the README). "
        "Shows every change; saves nothing unless --apply is given, and nothing at all if the "
        "file has a problem."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("path", type=Path, help="The CSV file, UTF-8.")
        parser.add_argument(
            "--sync",
            action="store_true",
            help="Full sync: deactivate active people the file leaves out (staff excepted).",
        )
        parser.add_argument("--apply", action="store_true", help="Save the changes shown.")
        parser.add_argument(
            "--by", default="", help="The staff username the audit trail names (default: none)."
        )

    def handle(
        self, *args: object, path: Path, sync: bool, apply: bool, by: str, **options: object
    ) -> None:
        try:
            text = path.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            raise CommandError(f"{path.name}: {people.NOT_UTF8}") from None
        except OSError as exc:
            raise CommandError(f"{path}: cannot read the file ({exc.strerror})") from None
        try:
            plan = people.plan(text, sync=sync)
        except people.PeopleFileError as exc:
            raise CommandError(f"{path.name}: {exc}") from None
        if not plan.ok:
            for error in plan.errors:
                self.stderr.write(f"{path.name}: {error}")
            raise CommandError(f"{len(plan.errors)} problems; nothing was saved.")
        for line in people.describe(plan):
            self.stdout.write(line)
        if not apply:
            self.stdout.write("Nothing saved: run again with --apply to make these changes.")
            return
        actor = get_user_model().objects.filter(username=by).first() if by else None
        people.apply(plan, by=actor)
        self.stdout.write(self.style.SUCCESS("Saved."))
