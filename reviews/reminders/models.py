"""Which weekly reminders went to whom."""

from django.conf import settings
from django.db import models


class ReminderSent(models.Model):
    """A reminder that went out, so that `send_reminders` sends each kind once a week at most."""

    class Kind(models.TextChoices):
        LOG = "log", "Nothing logged this week"
        IMPACT = "impact", "Impact follow-ups due"
        DIGEST = "digest", "Entries waiting for review"

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    kind = models.CharField(max_length=8, choices=Kind.choices)
    week_start = models.DateField()
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "kind", "week_start"], name="remind_once"),
        ]

    def __str__(self) -> str:
        return f"{self.kind} reminder to {self.user_id} for week of {self.week_start}"
