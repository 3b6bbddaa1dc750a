from django.core.management.base import BaseCommand

from promo import people


class Command(BaseCommand):
    help = (
        "Write every active person as a people CSV (what people_import reads) to standard output."
    )

    def handle(self, *args: object, **options: object) -> None:
        self.stdout.write(people.export(), ending="")
