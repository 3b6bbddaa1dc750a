from datetime import date, datetime

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from reviews.reminders import services as reminders

BAD_DATE = "--date must be a day written YYYY-MM-DD, e.g. 2026-11-27; got {value!r}."


class Command(BaseCommand):
    help = (
        "Email this week's reminders: log your week, impact follow-ups, and mentors' review "
        "digests. Each goes out at most once a week, so running it again is safe."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--date", help="Act as if today were this day (YYYY-MM-DD); default: today."
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="Say who would get what; send nothing."
        )

    def handle(self, *args: object, dry_run: bool, **options: object) -> None:
        day = options["date"]  # as a parameter, `date` would hide datetime.date
        today = _parse_day(str(day)) if day is not None else timezone.localdate()
        report = reminders.send(today, dry_run=dry_run)
        if dry_run:
            for reminder in report.sent:
                user = reminder.user
                self.stdout.write(f"{user.get_username()} <{user.email}>: {reminder.describe()}")
        self.stdout.write(report.summary(dry_run=dry_run))


def _parse_day(value: str) -> date:
    try:
        return datetime.strptime(value, "%Y-%m-%d").date()
    except ValueError:
        raise CommandError(BAD_DATE.format(value=value)) from None
