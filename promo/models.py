"""The core domain: the career ladder, people and reporting lines, and mentorships.

Everything else in Promo (evidence, reviews, readiness) builds on these. Writes go through
`promo.services`; reads that cross relations go through `promo.selectors`; who may see whose
entries is decided in `promo.access` only.
"""

from datetime import datetime

from django.conf import settings
from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse

MAX_REPORTING_DEPTH = 32
FORGE_USERNAME_MAX = 100


class Visibility(models.TextChoices):
    """Who an entry is shared with; `promo.access` turns this into who may see it."""

    PRIVATE = "private", "Private"
    MENTORS = "mentors", "Mentors"
    MENTORS_AND_MANAGERS = "mentors_and_managers", "Mentors and managers"


class Ladder(models.Model):
    """A career ladder: ordered levels, each with the behaviours expected at that level.

    The readiness policy lives here too, so an organisation tunes it with its ladder.
    """

    class Period(models.IntegerChoices):
        MONTH = 1, "Month"
        QUARTER = 3, "Quarter"

    name = models.CharField(max_length=120)
    slug = models.SlugField(max_length=60, unique=True)
    description = models.TextField(blank=True)
    period_months = models.PositiveSmallIntegerField(
        choices=Period.choices, default=Period.MONTH, help_text="Readiness is judged per period."
    )
    window_months = models.PositiveSmallIntegerField(
        default=6,
        validators=[MinValueValidator(1), MaxValueValidator(36)],
        help_text="Consistency is measured over this many recent months.",
    )
    threshold = models.FloatField(
        default=0.5,
        validators=[MinValueValidator(0.01), MaxValueValidator(1.0)],
        help_text="Share of periods a behaviour must be demonstrated in to count as sustained.",
    )
    recent_months = models.PositiveSmallIntegerField(
        default=3,
        validators=[MinValueValidator(1), MaxValueValidator(36)],
        help_text="Sustained also needs a demonstration within this many months.",
    )
    impact_maturity_weeks = models.PositiveSmallIntegerField(
        default=12,
        validators=[MaxValueValidator(104)],
        help_text="Work shipped more recently than this is too recent to assess.",
    )
    close_share = models.FloatField(
        default=0.6,
        validators=[MinValueValidator(0.0), MaxValueValidator(1.0)],
        help_text="Close: at least this share of behaviours sustained, the rest emerging.",
    )
    # At most a year: the readiness pages judge and show at least a year, never more than the
    # window and a period besides (reviews.readiness.pipeline.reach), so every policy shows.
    stale_days = models.PositiveSmallIntegerField(
        default=90,
        validators=[MinValueValidator(1), MaxValueValidator(365)],
        help_text="Flag a behaviour whose evidence stopped this many days ago (at most 365).",
    )

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        if self.window_months and self.period_months and self.window_months % self.period_months:
            raise ValidationError(
                {"window_months": "The window must be a whole number of periods."}
            )


class Level(models.Model):
    ladder = models.ForeignKey(Ladder, on_delete=models.CASCADE, related_name="levels")
    rank = models.PositiveSmallIntegerField(help_text="Position on the ladder; 1 is the first.")
    name = models.CharField(max_length=120)
    slug = models.SlugField(max_length=60)
    summary = models.TextField(blank=True)

    class Meta:
        ordering = ["ladder", "rank"]
        constraints = [
            models.UniqueConstraint(fields=["ladder", "rank"], name="level_unique_rank"),
            models.UniqueConstraint(fields=["ladder", "slug"], name="level_unique_slug"),
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("ladder") + f"#level-{self.slug}"


class Behaviour(models.Model):
    """Something a person at `level` does consistently, e.g. "Leaves things better"."""

    level = models.ForeignKey(Level, on_delete=models.CASCADE, related_name="behaviours")
    rank = models.PositiveSmallIntegerField()
    name = models.CharField(max_length=120)
    slug = models.SlugField(max_length=60)
    description = models.TextField()
    examples = models.TextField(
        blank=True, help_text="Examples of evidence that shows this behaviour, one per line."
    )

    class Meta:
        ordering = ["level", "rank"]
        constraints = [
            models.UniqueConstraint(fields=["level", "slug"], name="behaviour_unique_slug"),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def example_list(self) -> list[str]:
        return [line.strip() for line in self.examples.splitlines() if line.strip()]


class Team(models.Model):
    name = models.CharField(max_length=120, unique=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


def display_name(user: User) -> str:
    """How Promo names a person everywhere: their full name, else their username."""
    return user.get_full_name() or user.get_username()


def short_name(user: User) -> str:
    """How Promo names a person in a sentence about them: their first name, else their
    username."""
    return user.first_name or user.get_username()


class Person(models.Model):
    """A user's profile: where they are on the ladder, where they are heading, who they report to.

    The primary key is the user's id, so `manager_id` is also a user id.
    """

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, primary_key=True, related_name="person"
    )
    current_level = models.ForeignKey(
        Level, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    target_level = models.ForeignKey(
        Level,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text="Leave empty for the level after the current one.",
    )
    manager = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="reports"
    )
    team = models.ForeignKey(
        Team, on_delete=models.SET_NULL, null=True, blank=True, related_name="members"
    )
    title = models.CharField(max_length=120, blank=True, help_text="Job title as people know it.")
    default_visibility = models.CharField(
        max_length=24,
        choices=Visibility.choices,
        default=Visibility.PRIVATE,
        help_text="Who new entries are shared with unless chosen otherwise.",
    )
    sharing_chosen_at = models.DateTimeField(
        null=True,
        blank=True,
        help_text="When the person answered “who should see your work?” (asked once, at home).",
    )
    email_notifications = models.BooleanField(
        default=True, help_text="Also send notifications by email."
    )
    remind_to_log = models.BooleanField(
        default=True, help_text="Email me when a week is ending and I have logged nothing in it."
    )
    remind_impact = models.BooleanField(
        default=True, help_text="Email me when shipped work is due an impact follow-up."
    )
    remind_review_digest = models.BooleanField(
        default=True,
        help_text="As a mentor, email me a weekly digest of entries waiting for review.",
    )
    # Merged pull requests from the organisation's forge arrive as drafts for the person whose
    # forge username this is (else whose account e-mail the forge reports); see evidence.forges.
    forge_username = models.CharField(
        max_length=FORGE_USERNAME_MAX,
        blank=True,
        db_index=True,
        help_text="Your username on the organisation's GitHub, GitLab, Gitea or Forgejo.",
    )

    class Meta:
        ordering = ["user__username"]
        verbose_name_plural = "people"

    def __str__(self) -> str:
        return self.display_name

    @property
    def display_name(self) -> str:
        return display_name(self.user)

    @property
    def working_level(self) -> Level | None:
        """The level their work is weighed against: the target, else the current level."""
        return self.target_level or self.current_level

    def clean(self) -> None:
        errors: dict[str, str] = {}
        if self.manager_id is not None and self.manager_id == self.pk:
            errors["manager"] = "A person cannot be their own manager."
        elif self.manager_id is not None and self.pk is not None:
            # Walk up from the new manager; meeting ourselves would close a loop.
            seen: set[int] = set()
            cursor = self.manager_id
            while cursor is not None and cursor not in seen and len(seen) < MAX_REPORTING_DEPTH:
                if cursor == self.pk:
                    errors["manager"] = "That manager reports to this person; lines cannot loop."
                    break
                seen.add(cursor)
                cursor = (
                    Person.objects.filter(pk=cursor).values_list("manager_id", flat=True).first()
                )
        current, target = self.current_level, self.target_level
        if current is not None and target is not None:
            if current.ladder_id != target.ladder_id:
                errors["target_level"] = "The target level must be on the same ladder."
            elif target.rank <= current.rank:
                errors["target_level"] = "The target level must be above the current level."
        if errors:
            raise ValidationError(errors)


class MentorshipQuerySet(models.QuerySet["Mentorship"]):
    def active(self) -> "MentorshipQuerySet":
        return self.filter(state=Mentorship.State.ACTIVE)


class Mentorship(models.Model):
    """A mentor's access to an engineer's shared entries; only an active one grants access."""

    class State(models.TextChoices):
        INVITED = "invited", "Invited"
        ACTIVE = "active", "Active"
        DECLINED = "declined", "Declined"
        ENDED = "ended", "Ended"

    engineer = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="mentorships"
    )
    mentor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="mentees_links"
    )
    state = models.CharField(max_length=10, choices=State.choices, default=State.INVITED)
    invited_at = models.DateTimeField(auto_now_add=True)
    started_at = models.DateTimeField(null=True, blank=True)
    ended_at = models.DateTimeField(null=True, blank=True)
    # Who ended it, in the app: only they may undo it, for a few minutes (services.mentorship_undo).
    ended_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        editable=False,
    )
    ended_from = models.CharField(  # the state it was ended from, which an undo returns it to
        max_length=10, choices=State.choices, blank=True, editable=False
    )

    objects = MentorshipQuerySet.as_manager()

    class Meta:
        ordering = ["-invited_at"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(engineer=models.F("mentor")),
                name="mentorship_not_self",
                violation_error_message="Nobody can mentor themselves: choose someone else.",
            ),
            # One live mentorship per pair; ended and declined ones stay as history.
            models.UniqueConstraint(
                fields=["engineer", "mentor"],
                condition=Q(state__in=["invited", "active"]),
                name="mentorship_one_live_per_pair",
                violation_error_message=(
                    "These two already have a mentorship that is invited or active. End or "
                    "decline that one first, or change it instead of adding another."
                ),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.mentor} mentors {self.engineer} ({self.get_state_display()})"


class Notification(models.Model):
    """Something a user should know about: feedback, a reply, a shared entry, an invitation."""

    class Kind(models.TextChoices):
        FEEDBACK = "feedback", "Feedback posted"
        REPLY = "reply", "Reply"
        SHARED = "shared", "Entry shared with you"
        MENTORSHIP = "mentorship", "Mentorship"
        DOCUMENT = "document", "Promo document shared"
        ATTEMPT = "attempt", "Promotion attempt"
        CHECK = "check", "Clerical-error check"
        REPORTING = "reporting", "Reporting line"
        ACCOUNT = "account", "Your account"

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications"
    )
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    kind = models.CharField(max_length=16, choices=Kind.choices)
    text = models.CharField(max_length=300)
    url = models.CharField(max_length=300)
    created_at = models.DateTimeField(auto_now_add=True)
    read_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        indexes = [
            models.Index(fields=["recipient", "read_at"], name="notification_unread"),
        ]

    def __str__(self) -> str:
        return self.text


class AuditEvent(models.Model):
    """One line of the audit trail (see promo.audit): never edited, never holding a secret."""

    class Action(models.TextChoices):
        SIGN_IN = "sign_in", "Signed in"
        SIGN_IN_FAILED = "sign_in_failed", "Sign-in failed"
        SIGN_OUT = "sign_out", "Signed out"
        SESSION_EXPIRED = "session_expired", "Session expired"
        LOCKED_OUT = "locked_out", "Locked out"
        REFUSED = "refused", "Access refused"
        VISIBILITY = "visibility", "Entry visibility changed"
        SHARING = "sharing", "Sharing changed"
        MENTORSHIP = "mentorship", "Mentorship changed"
        FEEDBACK_EDITED = "feedback_edited", "Feedback edited"
        FEEDBACK_DELETED = "feedback_deleted", "Feedback deleted"
        EXPORT = "export", "Data exported"
        ADMIN_CHANGE = "admin_change", "Changed in the admin"
        DEACTIVATED = "deactivated", "Account deactivated"
        PEOPLE_IMPORT = "people_import", "People imported"
        INVITATION = "invitation", "Invitation sent, revoked or accepted"
        LEVEL_CHANGED = "level_changed", "Moved to a new level"
        API_TOKEN = "api_token", "API token created or revoked"
        API_USE = "api_use", "API token used"
        WEBHOOK = "webhook", "Forge webhook delivered or refused"

    at = models.DateTimeField(auto_now_add=True, db_index=True)
    action = models.CharField(max_length=20, choices=Action.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    username = models.CharField(max_length=150, blank=True, help_text="As typed, for failures.")
    target = models.CharField(max_length=80, blank=True)
    detail = models.CharField(max_length=300, blank=True)
    ip = models.GenericIPAddressField(null=True, blank=True)

    class Meta:
        ordering = ["-at", "-pk"]
        indexes = [models.Index(fields=["action", "at"], name="audit_action_at")]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.get_action_display()} {self.username}"


class SignedInSession(models.Model):
    """Which session keys belong to whom, so deactivating an account ends its sessions on the
    server without decoding every session in the database."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    session_key = models.CharField(max_length=40, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return f"Session of {self.user_id}"


class Invitation(models.Model):
    """A person's invitation to set a password (or sign in with single sign-on): one per person,
    sent again with a fresh nonce (so older links stop working), revoked, or accepted once.
    The link itself is signed and expires (promo.invitations); nothing secret is stored."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="invitation"
    )
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    sent_at = models.DateTimeField()
    nonce = models.CharField(max_length=32)  # in the link; a new one on every send
    accepted_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"Invitation of {self.user_id} sent {self.sent_at:%Y-%m-%d}"

    @property
    def pending(self) -> bool:
        return self.accepted_at is None and self.revoked_at is None


class ApiTokenQuerySet(models.QuerySet["ApiToken"]):
    def usable(self, now: datetime) -> "ApiTokenQuerySet":
        return self.filter(revoked_at__isnull=True, expires_at__gt=now, user__is_active=True)


class ApiToken(models.Model):
    """A personal access token for the API and the `promo` command line (see promo.tokens).

    The secret is shown once, when it is made; only its SHA-256 is stored, with the first
    characters kept so its owner can tell tokens apart.
    """

    class Scope(models.TextChoices):
        READ = "read", "Read"
        WRITE = "write", "Read and write"

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="api_tokens"
    )
    name = models.CharField(max_length=80, help_text="Where it is used, e.g. “work laptop”.")
    scope = models.CharField(max_length=8, choices=Scope.choices, default=Scope.WRITE)
    prefix = models.CharField(max_length=16)
    digest = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField()
    last_used_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    objects = ApiTokenQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.name} ({self.prefix}…)"
