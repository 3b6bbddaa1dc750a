"""Mentor feedback: a note, a verdict per behaviour, a gap note, and a thread of replies."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone

from evidence.models import Entry
from promo.models import Behaviour, Level

NOTE_MAX = 10_000
GAP_MAX = 2_000
REPLY_MAX = 5_000


class Verdict(models.TextChoices):
    DEMONSTRATED = "demonstrated", "Demonstrated"
    FLASHES = "flashes", "Flashes"
    GAP = "gap", "Gap"


class Feedback(models.Model):
    class State(models.TextChoices):
        OPEN = "open", "Open"
        ADDRESSED = "addressed", "Addressed"
        RESOLVED = "resolved", "Resolved"

    entry = models.ForeignKey(Entry, on_delete=models.CASCADE, related_name="feedback")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="feedback_given"
    )
    body = models.TextField(max_length=NOTE_MAX)
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


# --- the promotion packet -----------------------------------------------------------------------

NARRATIVE_MAX = 5_000
COMMITTEE_MAX = 10_000
POINT_MAX = 2_000
ANSWER_COMMENT_MAX = 2_000


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


class CommitteePoint(models.Model):
    """One point of a committee's feedback; once tracked, a gap on a behaviour until resolved."""

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


class ClericalCheck(models.Model):
    """'Would you be surprised to learn that <name> is not yet at <level>?', put to a few people."""

    engineer = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="clerical_checks"
    )
    level = models.ForeignKey(Level, on_delete=models.PROTECT, related_name="+")
    asked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    share_document = models.BooleanField(
        default=False, help_text="Respondents may read the promo document for this level."
    )
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField()
    withdrawn_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"Clerical-error check {self.pk} on {self.engineer_id}"

    def is_open(self, now: object = None) -> bool:
        now = now or timezone.now()
        return self.withdrawn_at is None and now < self.expires_at


class CheckQuestion(models.Model):
    """The question to one respondent, and their answer once given."""

    class Answer(models.TextChoices):
        YES = "yes", "Yes, I would be surprised"
        NO = "no", "No, I would not be surprised"
        NOT_SURE = "not_sure", "Not sure"

    clerical_check = models.ForeignKey(
        ClericalCheck, on_delete=models.CASCADE, related_name="questions"
    )
    respondent = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="check_questions"
    )
    answer = models.CharField(max_length=10, choices=Answer.choices, blank=True)
    comment = models.TextField(blank=True, max_length=ANSWER_COMMENT_MAX)
    answered_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["pk"]
        constraints = [
            models.UniqueConstraint(fields=["clerical_check", "respondent"], name="ask_each_once"),
        ]

    def __str__(self) -> str:
        return f"Question {self.pk} of check {self.clerical_check_id}"


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
