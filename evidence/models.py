"""Evidence: what an engineer did, which behaviours it shows, and what it achieved.

Writes go through `evidence.services`; reads through `evidence.selectors`, which apply the
privacy rules of `promo.access`.
"""

from datetime import date, timedelta

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse

from promo.markdown import MARKDOWN_MAX
from promo.models import Behaviour, Visibility

TITLE_MAX = 200
BODY_MAX = MARKDOWN_MAX
IMPACT_MAX = 2_000
LINKS_MAX = 10
TRASH_DAYS = 30


def week_start(day: date) -> date:
    """The Monday of the week `day` falls in; entries are grouped by this stored value."""
    return day - timedelta(days=day.weekday())


def month_index(day: date) -> int:
    """Months since year 0 of the entry's week: readiness periods are this // period length."""
    return day.year * 12 + day.month - 1


class Kind(models.TextChoices):
    WEEKLY_WIN = "weekly_win", "Weekly win"
    WORK_SUMMARY = "work_summary", "Work summary"
    VISION_DOC = "vision_doc", "Vision doc"
    MOMENT = "moment", "Moment"


class EntryQuerySet(models.QuerySet["Entry"]):
    def live(self) -> "EntryQuerySet":
        return self.filter(deleted_at__isnull=True)

    def trashed(self) -> "EntryQuerySet":
        return self.filter(deleted_at__isnull=False)


class Entry(models.Model):
    # No index of its own: entry_author_week and entry_author_month both lead with the author,
    # and a third index on it alone drew the planner away from the month range (see Meta).
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="entries", db_index=False
    )
    week_start = models.DateField(db_index=True, help_text="The Monday of the week it belongs to.")
    # Stored at write time so readiness groups by month with plain integer arithmetic
    # (SQLite evaluates date functions in Python, row by row).
    month_index = models.PositiveIntegerField(editable=False, default=0)
    kind = models.CharField(max_length=16, choices=Kind.choices, default=Kind.WEEKLY_WIN)
    title = models.CharField(max_length=TITLE_MAX)
    body = models.TextField(blank=True, max_length=BODY_MAX)
    behaviours = models.ManyToManyField(
        Behaviour, through="EntryBehaviour", related_name="entries", blank=True
    )
    impact = models.TextField(blank=True, max_length=IMPACT_MAX)
    shipped_on = models.DateField(null=True, blank=True)
    impact_measured = models.TextField(blank=True, max_length=IMPACT_MAX)
    impact_measured_on = models.DateField(null=True, blank=True)
    visibility = models.CharField(
        max_length=24, choices=Visibility.choices, default=Visibility.PRIVATE
    )
    version = models.PositiveIntegerField(default=1)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    deleted_at = models.DateTimeField(null=True, blank=True, db_index=True)

    objects = EntryQuerySet.as_manager()

    class Meta:
        ordering = ["-week_start", "-created_at", "-pk"]
        verbose_name_plural = "entries"
        indexes = [
            models.Index(fields=["author", "week_start"], name="entry_author_week"),
            models.Index(fields=["author", "month_index"], name="entry_author_month"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(impact_measured="") | Q(impact_measured_on__isnull=False),
                name="entry_measured_impact_has_date",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("evidence:detail", args=[self.pk])

    @property
    def is_trashed(self) -> bool:
        return self.deleted_at is not None


class EntryBehaviour(models.Model):
    """An entry's claim that it demonstrates a behaviour (the engineer's own tag)."""

    entry = models.ForeignKey(Entry, on_delete=models.CASCADE, related_name="tags")
    behaviour = models.ForeignKey(Behaviour, on_delete=models.PROTECT, related_name="+")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["entry", "behaviour"], name="entry_behaviour_once"),
        ]

    def __str__(self) -> str:
        return f"{self.entry_id} shows {self.behaviour_id}"


class EntryLink(models.Model):
    entry = models.ForeignKey(Entry, on_delete=models.CASCADE, related_name="links")
    rank = models.PositiveSmallIntegerField()
    url = models.URLField(max_length=500)
    label = models.CharField(max_length=120, blank=True)

    class Meta:
        ordering = ["entry", "rank"]

    def __str__(self) -> str:
        return self.label or self.url


class EntryRevision(models.Model):
    """The entry as it was after one save; consecutive revisions show what changed."""

    entry = models.ForeignKey(Entry, on_delete=models.CASCADE, related_name="revisions")
    version = models.PositiveIntegerField()
    editor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    saved_at = models.DateTimeField(auto_now_add=True)
    snapshot = models.JSONField()

    class Meta:
        ordering = ["entry", "-version"]
        constraints = [
            models.UniqueConstraint(fields=["entry", "version"], name="revision_version_once"),
        ]

    def __str__(self) -> str:
        return f"{self.entry_id} v{self.version}"


class Forge(models.TextChoices):
    GITHUB = "github", "GitHub or GitHub Enterprise"
    GITLAB = "gitlab", "GitLab"
    GITEA = "gitea", "Gitea or Forgejo"


class ForgeHook(models.Model):
    """One webhook an organisation's forge posts merged pull requests to (see evidence.forges).

    The address carries `key`, a random value that names the hook; the forge proves each
    delivery with `secret` (GitHub's and Gitea's HMAC key, GitLab's token), which is kept as
    given because checking an HMAC needs it.
    """

    forge = models.CharField(max_length=8, choices=Forge.choices)
    name = models.CharField(max_length=120, help_text="Which forge, e.g. “GitHub Enterprise”.")
    key = models.CharField(max_length=32, unique=True, editable=False)
    secret = models.CharField(max_length=200)
    active = models.BooleanField(default=True)
    created_at = models.DateTimeField(auto_now_add=True)
    last_delivery_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        ordering = ["name", "pk"]

    def __str__(self) -> str:
        return self.name


DRAFT_BODY_MAX = 4_000


class Draft(models.Model):
    """Work that happened elsewhere (a merged pull request), waiting for its author to log it
    as an entry or dismiss it. A draft counts for nothing until it is logged."""

    class State(models.TextChoices):
        WAITING = "waiting", "Waiting"
        LOGGED = "logged", "Logged"
        DISMISSED = "dismissed", "Dismissed"

    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="drafts", db_index=False
    )
    hook = models.ForeignKey(
        ForgeHook, on_delete=models.SET_NULL, null=True, blank=True, related_name="drafts"
    )
    url = models.URLField(max_length=500)
    repository = models.CharField(max_length=200)
    number = models.PositiveIntegerField(null=True, blank=True)
    title = models.CharField(max_length=TITLE_MAX)
    body = models.TextField(blank=True, max_length=DRAFT_BODY_MAX)
    merged_at = models.DateTimeField()
    state = models.CharField(max_length=10, choices=State.choices, default=State.WAITING)
    entry = models.ForeignKey(
        Entry, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    decided_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-merged_at", "-pk"]
        indexes = [models.Index(fields=["author", "state"], name="draft_author_state")]
        constraints = [
            # The same pull request delivered twice (a redelivery, two hooks) is one draft.
            models.UniqueConstraint(fields=["author", "url"], name="draft_once_per_pull_request"),
        ]

    def __str__(self) -> str:
        return self.title
