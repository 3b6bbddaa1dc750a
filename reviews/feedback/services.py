"""Writes for mentor feedback. Who may do what is checked here, not only in views.

State: open -> addressed (the engineer replies or marks it) -> resolved (the mentor). The mentor
may also resolve straight from open, or reopen.
"""

from dataclasses import dataclass

from django.contrib.auth.models import User
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from evidence.models import Entry
from promo import access, audit
from promo.models import Behaviour, Notification, display_name
from promo.notifications import notify
from reviews.feedback.models import BehaviourVerdict, Feedback, FeedbackRevision, Reply
from reviews.feedback.selectors import is_reviewer, sees_feedback

NOT_A_REVIEWER = (
    "Only an active mentor of the author can give feedback on an entry shared with mentors."
)
NOT_ALLOWED = "You cannot {action} this feedback."
BAD_STATE = "This feedback is {state}; it cannot be {action}."
NOTE_OR_VERDICT = "Give a verdict or write a note: what works, and what would make it next-level."


class ReviewError(PermissionError):
    """A review action this user may not take; the message is for the user."""


@dataclass(frozen=True)
class FeedbackData:
    body: str
    verdicts: dict[int, str]  # behaviour id -> verdict
    gap_note: str = ""
    gap_behaviour: Behaviour | None = None
    extra_behaviour: Behaviour | None = None


def says_something(data: FeedbackData) -> bool:
    """Feedback needs a verdict or a note: verdicts alone are a complete review (the note is
    optional), an empty post is not one."""
    return bool(data.verdicts) or bool(data.body.strip())


def _url(feedback: Feedback) -> str:
    return f"{reverse('evidence:detail', args=[feedback.entry_id])}#feedback-{feedback.pk}"


def _save_verdicts(feedback: Feedback, verdicts: dict[int, str]) -> None:
    BehaviourVerdict.objects.filter(feedback=feedback).delete()
    BehaviourVerdict.objects.bulk_create(
        BehaviourVerdict(feedback=feedback, behaviour_id=pk, verdict=verdict)
        for pk, verdict in sorted(verdicts.items())
    )


@transaction.atomic
def feedback_post(*, entry: Entry, mentor: User, data: FeedbackData) -> Feedback:
    """A mentor's feedback on a mentee's shared entry; the engineer is told."""
    if not is_reviewer(mentor, entry):
        raise ReviewError(NOT_A_REVIEWER)
    if not says_something(data):
        raise ValueError(NOTE_OR_VERDICT)
    feedback = Feedback(
        entry=entry,
        author=mentor,
        body=data.body,
        gap_note=data.gap_note.strip(),
        gap_behaviour=data.gap_behaviour if data.gap_note.strip() else None,
        extra_behaviour=data.extra_behaviour,
    )
    feedback.full_clean()
    feedback.save()
    _save_verdicts(feedback, data.verdicts)
    notify(
        recipients=[entry.author],
        actor=mentor,
        kind=Notification.Kind.FEEDBACK,
        text=f"{display_name(mentor)} left feedback on “{entry.title}”.",
        url=_url(feedback),
    )
    return feedback


@transaction.atomic
def feedback_edit(*, feedback: Feedback, editor: User, data: FeedbackData) -> Feedback:
    """The mentor edits their own feedback; the previous wording is kept as a revision."""
    if feedback.author_id != editor.pk or not is_reviewer(editor, feedback.entry):
        raise ReviewError(NOT_ALLOWED.format(action="edit"))
    if not says_something(data):
        raise ValueError(NOTE_OR_VERDICT)
    FeedbackRevision.objects.create(
        feedback=feedback,
        body=feedback.body,
        gap_note=feedback.gap_note,
        verdicts={str(v.behaviour_id): v.verdict for v in feedback.verdicts.all()},
        saved_at=feedback.updated_at,
    )
    feedback.body = data.body
    feedback.gap_note = data.gap_note.strip()
    feedback.gap_behaviour = data.gap_behaviour if feedback.gap_note else None
    feedback.extra_behaviour = data.extra_behaviour
    feedback.judged_at = timezone.now()
    feedback.full_clean()
    feedback.save()
    _save_verdicts(feedback, data.verdicts)
    audit.record(audit.FEEDBACK_EDITED, actor=editor, target=feedback)
    return feedback


@transaction.atomic
def feedback_delete(*, feedback: Feedback, by: User) -> None:
    if feedback.author_id != by.pk:
        raise ReviewError(NOT_ALLOWED.format(action="delete"))
    audit.record(
        audit.FEEDBACK_DELETED, actor=by, target=feedback, detail=f"on entry {feedback.entry_id}"
    )
    feedback.delete()


@transaction.atomic
def reply_post(*, feedback: Feedback, author: User, body: str) -> Reply:
    """A reply in the thread. The engineer replying marks open feedback as addressed."""
    entry = feedback.entry
    if not sees_feedback(author, entry):
        raise ReviewError(NOT_ALLOWED.format(action="reply to"))
    reply = Reply(feedback=feedback, author=author, body=body)
    reply.full_clean()
    reply.save()
    if author.pk == entry.author_id and feedback.state == Feedback.State.OPEN:
        feedback.state = Feedback.State.ADDRESSED
        feedback.save(update_fields=["state", "updated_at"])
    others = {feedback.author, entry.author} | {r.author for r in feedback.replies.all()}
    notify(
        recipients=[u for u in others if sees_feedback(u, entry)],
        actor=author,
        kind=Notification.Kind.REPLY,
        text=f"{display_name(author)} replied about “{entry.title}”.",
        url=_url(feedback),
    )
    return reply


# (who, from, to) -> allowed; "engineer" is the entry's author, "mentor" the feedback's author.
TRANSITIONS = {
    ("engineer", Feedback.State.OPEN, Feedback.State.ADDRESSED),
    ("mentor", Feedback.State.OPEN, Feedback.State.RESOLVED),
    ("mentor", Feedback.State.ADDRESSED, Feedback.State.RESOLVED),
    ("mentor", Feedback.State.ADDRESSED, Feedback.State.OPEN),
    ("mentor", Feedback.State.RESOLVED, Feedback.State.OPEN),
}


# When its mentor no longer mentors the engineer, nobody else could ever resolve the feedback:
# the engineer may. Making the entry private does not count: the mentor reads it again when it is
# shared again, and an engineer could otherwise close a mentor's gap by hiding the entry for a
# moment.
ORPHANED_TRANSITIONS = {
    ("engineer", Feedback.State.OPEN, Feedback.State.RESOLVED),
    ("engineer", Feedback.State.ADDRESSED, Feedback.State.RESOLVED),
}


def is_orphaned(feedback: Feedback) -> bool:
    """True when the feedback's author is no longer an active mentor of the entry's author (the
    rule the feedback panel and gaps page show as `mentor_active`)."""
    return not access.is_mentor_of(feedback.author_id, feedback.entry.author_id)


@transaction.atomic
def feedback_set_state(*, feedback: Feedback, by: User, to: str) -> Feedback:
    entry = feedback.entry
    if by.pk == entry.author_id:
        role = "engineer"
    elif by.pk == feedback.author_id and is_reviewer(by, entry):
        role = "mentor"
    else:
        raise ReviewError(NOT_ALLOWED.format(action="change"))
    allowed = TRANSITIONS | (ORPHANED_TRANSITIONS if is_orphaned(feedback) else set())
    if (role, feedback.state, to) not in allowed:
        label = dict(Feedback.State.choices).get(to, to).lower()
        raise ReviewError(BAD_STATE.format(state=feedback.state, action=f"marked {label}"))
    feedback.state = to
    feedback.updated_at = timezone.now()
    feedback.save(update_fields=["state", "updated_at"])
    other = feedback.author if role == "engineer" else entry.author
    notify(  # a mentor who can no longer review the entry hears nothing of it, title included
        recipients=[other] if sees_feedback(other, entry) else [],
        actor=by,
        kind=Notification.Kind.FEEDBACK,
        text=f"{display_name(by)} marked feedback on “{entry.title}” "
        f"{feedback.get_state_display().lower()}.",
        url=_url(feedback),
    )
    return feedback
