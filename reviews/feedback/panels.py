"""The feedback sections of other apps' pages (see promo.panels)."""

from django.template.loader import render_to_string
from django.utils.safestring import SafeString

from evidence.models import Entry
from promo.http import AuthenticatedHttpRequest
from reviews.feedback import selectors as feedback_selectors
from reviews.feedback.forms import FeedbackForm, ReplyForm, feedback_form


def panel_context(
    request: AuthenticatedHttpRequest, entry: Entry, form: FeedbackForm | None = None
) -> dict[str, object]:
    """What the feedback section shows: every thread, and the forms the viewer may use."""
    can_review = feedback_selectors.is_reviewer(request.user, entry)
    return {
        "entry": entry,
        "threads": feedback_selectors.threads(entry),
        "can_review": can_review,
        "is_engineer": request.user.pk == entry.author_id,
        "form": form or (feedback_form(entry) if can_review else None),
        "reply_form": ReplyForm(),
    }


def feedback_panel(request: AuthenticatedHttpRequest, entry: Entry) -> SafeString | None:
    """The feedback section of the entry page, for the engineer and their active mentors."""
    if not feedback_selectors.sees_feedback(request.user, entry):
        return None
    return render_to_string(
        "reviews/feedback/panel.html", panel_context(request, entry), request=request
    )


def home_mentor(request: AuthenticatedHttpRequest, _subject: object) -> SafeString | None:
    counts = feedback_selectors.inbox_counts(request.user)
    if not counts:
        return None
    context = {"counts": counts, "unreviewed": sum(c.unreviewed for c in counts)}
    return render_to_string("reviews/feedback/home_panel.html", context, request=request)
