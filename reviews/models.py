"""Every model of the reviews app, defined in its sub-package; Django finds them here."""

from reviews.checks.models import ANSWER_COMMENT_MAX, CheckQuestion, ClericalCheck
from reviews.feedback.models import (
    GAP_MAX,
    NOTE_MAX,
    REPLY_MAX,
    BehaviourVerdict,
    Feedback,
    FeedbackRevision,
    Reply,
    Verdict,
)
from reviews.packet.models import (
    COMMITTEE_MAX,
    NARRATIVE_MAX,
    POINT_MAX,
    CommitteePoint,
    Curation,
    Narrative,
    PromoAttempt,
    PromoDocument,
)
from reviews.readiness.models import InputVersion, StoredPicture
from reviews.reminders.models import ReminderSent

__all__ = [
    "ANSWER_COMMENT_MAX",
    "COMMITTEE_MAX",
    "GAP_MAX",
    "NARRATIVE_MAX",
    "NOTE_MAX",
    "POINT_MAX",
    "REPLY_MAX",
    "BehaviourVerdict",
    "CheckQuestion",
    "ClericalCheck",
    "CommitteePoint",
    "Curation",
    "Feedback",
    "FeedbackRevision",
    "InputVersion",
    "Narrative",
    "PromoAttempt",
    "PromoDocument",
    "ReminderSent",
    "StoredPicture",
    "Reply",
    "Verdict",
]
