"""The promotion packet: an engineer's document, the attempts they submit, the committee's
points."""

from django.conf import settings
from django.db import models
from django.urls import reverse

from promo.models import Behaviour, Level

NARRATIVE_MAX = 5_000


COMMITTEE_MAX = 10_000


POINT_MAX = 2_000


class PromoDocument(models.Model):
    """An engineer's promotion document for one target level and period.

    Only the engineer's own words are stored (a narrative per behaviour); the evidence under each
    narrative is drawn from the entries whenever the document is shown, so it is never stale.
    """

    engineer = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="promo_documents"
    )
    level = models.ForeignKey(Level, on_delete=models.PROTECT, related_name="+")
    period_start = models.DateField()
    period_end = models.DateField()
    share_manager = models.BooleanField(default=False, help_text="Managers may read it.")
    share_mentors = models.BooleanField(default=False, help_text="Active mentors may read it.")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["engineer", "level"], name="one_document_per_level"),
            models.CheckConstraint(
                condition=models.Q(period_start__lte=models.F("period_end")),
                name="document_period_in_order",
            ),
        ]

    def __str__(self) -> str:
        return f"Promo document of {self.engineer_id} for {self.level_id}"

    def get_absolute_url(self) -> str:
        return reverse("reviews:document", args=[self.pk])


class Narrative(models.Model):
    """What the engineer says about one behaviour, above the evidence that backs it."""

    document = models.ForeignKey(PromoDocument, on_delete=models.CASCADE, related_name="narratives")
    behaviour = models.ForeignKey(Behaviour, on_delete=models.PROTECT, related_name="+")
    text = models.TextField(blank=True, max_length=NARRATIVE_MAX)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["document", "behaviour"], name="one_narrative_each"),
        ]

    def __str__(self) -> str:
        return f"Narrative on {self.behaviour_id} in document {self.document_id}"


class Curation(models.Model):
    """The engineer's choice about one entry under one behaviour of their document: pinned (to
    the top, in `position` order) or hidden (left out of the packet, still listed to them).

    Presentation only: readiness never reads it. An entry without a row is listed as the
    evidence rules order it, after the pinned ones.
    """

    class Choice(models.TextChoices):
        PINNED = "pinned", "Pinned"
        HIDDEN = "hidden", "Hidden"

    document = models.ForeignKey(PromoDocument, on_delete=models.CASCADE, related_name="curations")
    behaviour = models.ForeignKey(Behaviour, on_delete=models.CASCADE, related_name="+")
    entry = models.ForeignKey("evidence.Entry", on_delete=models.CASCADE, related_name="+")
    choice = models.CharField(max_length=6, choices=Choice.choices)
    position = models.PositiveIntegerField(default=0)  # pinned: its place among the pinned

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["document", "behaviour", "entry"], name="one_curation_per_evidence"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.choice} entry {self.entry_id} under {self.behaviour_id}"


class PromoAttempt(models.Model):
    """A submission to a promotion committee, frozen as it was, and what the committee said."""

    class Outcome(models.TextChoices):
        PENDING = "pending", "Pending"
        APPROVED = "approved", "Approved"
        DENIED = "denied", "Denied"

    engineer = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="promo_attempts"
    )
    level = models.ForeignKey(Level, on_delete=models.PROTECT, related_name="+")
    submitted_on = models.DateField()
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    outcome = models.CharField(max_length=10, choices=Outcome.choices, default=Outcome.PENDING)
    decided_on = models.DateField(null=True, blank=True)
    committee_feedback = models.TextField(blank=True, max_length=COMMITTEE_MAX)
    # After an approval: the day the engineer was moved to the level (services.attempt_promote).
    moved_on = models.DateField(null=True, blank=True)
    # The document and readiness as a manager saw them on submitted_on. Rewritten only once:
    # when the engineer adds a document that was not shared with managers at the time.
    snapshot = models.JSONField(default=dict)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-submitted_on", "-pk"]

    def __str__(self) -> str:
        return f"Attempt {self.pk} of {self.engineer_id} for {self.level_id}"

    def get_absolute_url(self) -> str:
        return reverse("reviews:attempt", args=[self.pk])

    @property
    def tracked(self) -> list["CommitteePoint"]:
        """Its points to work on, read from `points`: prefetch them when listing attempts."""
        return [point for point in self.points.all() if point.tracked_at]


class CommitteePoint(models.Model):
    """One point of a committee's feedback; once tracked, a point to work on until resolved."""

    attempt = models.ForeignKey(PromoAttempt, on_delete=models.CASCADE, related_name="points")
    text = models.TextField(max_length=POINT_MAX)
    behaviour = models.ForeignKey(
        Behaviour, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    tracked_at = models.DateTimeField(null=True, blank=True)
    resolved_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["pk"]

    def __str__(self) -> str:
        return f"Point {self.pk} of attempt {self.attempt_id}"

    @property
    def is_open_gap(self) -> bool:
        return self.tracked_at is not None and self.resolved_at is None
