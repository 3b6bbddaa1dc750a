from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser

from promo import backups


class Command(BaseCommand):
    help = (
        "Write every row Promo keeps (not sign-in sessions) to one JSON file, gzipped when the "
        "name ends in .gz. Restore it with `manage.py restore`."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("path", type=Path, help="The file to write, e.g. promo.json.gz.")

    def handle(self, *args: object, path: Path, **options: object) -> None:
        try:
            summary = backups.backup_write(path)
        except backups.BackupError as exc:
            raise CommandError(str(exc)) from None
        self.stdout.write(
            self.style.SUCCESS(
                f"Backed up {summary.rows:,} rows of {summary.tables} tables to {path}"
                f" ({summary.size / 1_000_000:.1f} MB)."
            )
        )
