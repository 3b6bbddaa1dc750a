from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser

from promo import ladder_files, services


class Command(BaseCommand):
    help = "Import a career ladder from a TOML or YAML file. Nothing changes if the file is bad."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("path", type=Path, help="The ladder file (.toml, .yaml or .yml).")
        parser.add_argument(
            "--format", choices=ladder_files.FORMATS, help="Override the extension."
        )
        parser.add_argument(
            "--replace",
            action="store_true",
            help="Update the ladder with the same slug in place (levels matched by slug).",
        )

    def handle(
        self, *args: object, path: Path, format: str | None, replace: bool, **options: object
    ) -> None:
        try:
            fmt = ladder_files.format_for(path, format)
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise CommandError(f"{path}: cannot read the file ({exc})") from None
        except ladder_files.LadderFileError as exc:
            raise CommandError(str(exc)) from None
        try:
            spec = ladder_files.parse(text, fmt)
            ladder = services.ladder_import(spec=spec, replace=replace)
        except ladder_files.LadderFileError as exc:
            raise CommandError(f"{path.name}: {exc}") from None
        levels = len(spec.levels)
        behaviours = sum(len(level.behaviours) for level in spec.levels)
        self.stdout.write(
            self.style.SUCCESS(
                f"Imported ladder {ladder.slug!r}: {levels} levels, {behaviours} behaviours."
            )
        )
