"""Make today's readiness pictures ahead of the day's first dashboard (run it after midnight)."""

from typing import Any

from django.core.management.base import BaseCommand
from django.utils import timezone

from promo.models import Person
from reviews.readiness import summaries

CHUNK = 200  # engineers per pass, so memory stays flat in any organisation


class Command(BaseCommand):
    help = (
        "Make today's readiness pictures of every engineer, for each kind of dashboard reader "
        "they have (their managers, their mentors), so that the first team dashboard of the day "
        "only reads them. Pictures still fresh are kept. Safe to run at any time."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        today = timezone.localdate()
        people = Person.objects.filter(user__is_active=True)
        ids = list(people.order_by("pk").values_list("pk", flat=True))
        made = 0
        for start in range(0, len(ids), CHUNK):
            chunk = list(people.filter(pk__in=ids[start : start + CHUNK]).only("manager_id"))
            made += summaries.refresh(chunk, as_of=today)
        who = "1 person" if len(ids) == 1 else f"{len(ids)} people"
        made_word = "1 picture" if made == 1 else f"{made} pictures"
        self.stdout.write(f"Readiness for {today}: {who}, {made_word} made.")
