"""Mentor feedback on an entry: a note, a verdict per behaviour, a gap note, replies."""

from django.conf import settings
from django.db import models
from django.utils import timezone

from evidence.models import Entry
from promo.models import Behaviour
from reviews import vocabulary

NOTE_MAX = 10_000


GAP_MAX = 2_000


REPLY_MAX = 5_000


class Verdict(models.TextChoices):
    """Stored as "demonstrated", "flashes" and "gap"; read as reviews.vocabulary says."""

    DEMONSTRATED = "demonstrated", vocabulary.DEMONSTRATED.label
    FLASHES = "flashes", vocabulary.PARTLY_SHOWN.label
    GAP = "gap", vocabulary.NOT_SHOWN.label


class Feedback(models.Model):
    class State(models.TextChoices):
        OPEN = "open", "Open"
        ADDRESSED = "addressed", "Addressed"
        RESOLVED = "resolved", "Resolved"

    entry = models.ForeignKey(Entry, on_delete=models.CASCADE, related_name="feedback")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="feedback_given"
    )
    body = models.TextField(blank=True, max_length=NOTE_MAX)  # optional once verdicts are given
    gap_note = models.TextField(
        blank=True, max_length=GAP_MAX, help_text="What would make this next-level."
    )
    gap_behaviour = models.ForeignKey(
        Behaviour, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    extra_behaviour = models.ForeignKey(
        Behaviour,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text="A behaviour the engineer did not claim but the work shows.",
    )
    state = models.CharField(max_length=10, choices=State.choices, default=State.OPEN)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    judged_at = models.DateTimeField(
        default=timezone.now, help_text="When the verdicts were last set; the latest one counts."
    )

    class Meta:
        ordering = ["created_at", "pk"]
        indexes = [models.Index(fields=["entry", "author"], name="feedback_entry_author")]

    def __str__(self) -> str:
        return f"Feedback {self.pk} on entry {self.entry_id}"


class BehaviourVerdict(models.Model):
    """A mentor's judgement of whether an entry shows a behaviour."""

    feedback = models.ForeignKey(Feedback, on_delete=models.CASCADE, related_name="verdicts")
    behaviour = models.ForeignKey(Behaviour, on_delete=models.PROTECT, related_name="+")
    verdict = models.CharField(max_length=12, choices=Verdict.choices)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["feedback", "behaviour"], name="verdict_once"),
        ]

    def __str__(self) -> str:
        return f"{self.behaviour_id}: {self.verdict}"


class Reply(models.Model):
    feedback = models.ForeignKey(Feedback, on_delete=models.CASCADE, related_name="replies")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    body = models.TextField(max_length=REPLY_MAX)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name_plural = "replies"

    def __str__(self) -> str:
        return f"Reply {self.pk} to feedback {self.feedback_id}"


class FeedbackRevision(models.Model):
    """The feedback as it was before an edit."""

    feedback = models.ForeignKey(Feedback, on_delete=models.CASCADE, related_name="revisions")
    body = models.TextField()
    gap_note = models.TextField(blank=True)
    verdicts = models.JSONField(default=dict)
    saved_at = models.DateTimeField()

    class Meta:
        ordering = ["feedback", "-saved_at"]

    def __str__(self) -> str:
        return f"Feedback {self.feedback_id} as of {self.saved_at:%Y-%m-%d %H:%M}"
