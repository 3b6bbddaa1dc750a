"""Clerical-error checks: one question put to a few senior people, and their answers."""

from datetime import datetime

from django.conf import settings
from django.db import models
from django.utils import timezone

from promo.models import Level
from reviews import vocabulary

ANSWER_COMMENT_MAX = 2_000


class ClericalCheck(models.Model):
    """'Would you say <name> already works at the level of <level>?', put to a few people."""

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

    def is_open(self, now: datetime | None = None) -> bool:
        now = now or timezone.now()
        return self.withdrawn_at is None and now < self.expires_at


class CheckQuestion(models.Model):
    """The question to one respondent, and their answer once given."""

    class Answer(models.TextChoices):
        YES = "yes", vocabulary.CHECK_YES
        NO = "no", vocabulary.CHECK_NO
        NOT_SURE = "not_sure", vocabulary.CHECK_NOT_SURE

    clerical_check = models.ForeignKey(
        ClericalCheck, on_delete=models.CASCADE, related_name="questions"
    )
    respondent = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="check_questions"
    )
    answer = models.CharField(max_length=10, choices=Answer.choices, blank=True)
    comment = models.TextField(blank=True, max_length=ANSWER_COMMENT_MAX)
    answered_at = models.DateTimeField(null=True, blank=True)
    # Not a column: the state of its check, which selectors.questions_for sets for the page.
    state: str

    class Meta:
        ordering = ["pk"]
        constraints = [
            models.UniqueConstraint(fields=["clerical_check", "respondent"], name="ask_each_once"),
        ]

    def __str__(self) -> str:
        return f"Question {self.pk} of check {self.clerical_check_id}"
