from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser

from promo import ladder_files, selectors
from promo.models import Ladder


class Command(BaseCommand):
    help = "Write a career ladder as a TOML or YAML file (to standard output by default)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("slug", nargs="?", default=selectors.DEFAULT_LADDER_SLUG)
        parser.add_argument("--output", "-o", type=Path, help="Write here instead of stdout.")
        parser.add_argument(
            "--format", choices=ladder_files.FORMATS, help="Default: from --output, else toml."
        )

    def handle(
        self, *args: object, slug: str, output: Path | None, format: str | None, **options: object
    ) -> None:
        ladder = Ladder.objects.filter(slug=slug).first()
        if ladder is None:
            known = ", ".join(Ladder.objects.values_list("slug", flat=True)) or "none"
            raise CommandError(f"No ladder with slug {slug!r}; known ladders: {known}.")
        try:
            fmt = ladder_files.format_for(output, format) if output else (format or "toml")
        except ladder_files.LadderFileError as exc:
            raise CommandError(str(exc)) from None
        text = ladder_files.dump(selectors.ladder_spec(ladder), fmt)
        if output is None:
            self.stdout.write(text, ending="")
            return
        try:
            output.write_text(text, encoding="utf-8")
        except OSError as exc:
            raise CommandError(f"{output}: cannot write the file ({exc})") from None
        self.stderr.write(f"Wrote ladder {slug!r} to {output}.")
