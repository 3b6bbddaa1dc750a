from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser

from promo import backups


class Command(BaseCommand):
    help = (
        "Load a file written by `manage.py backup` into an empty, migrated database, in one "
        "transaction: all of it or, on any problem, nothing."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("path", type=Path, help="The backup file (.json or .json.gz).")

    def handle(self, *args: object, path: Path, verbosity: int, **options: object) -> None:
        progress = self.stdout.write if verbosity > 1 else None
        try:
            summary = backups.backup_restore(path, progress=progress)
        except backups.BackupError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(
            self.style.SUCCESS(
                f"Restored {summary.rows:,} rows of {summary.tables} tables from {path}"
                f" (written {summary.written_at}). Everyone signs in again."
            )
        )
