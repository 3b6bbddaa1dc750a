"""The feedback sections of other apps' pages (see promo.panels)."""

from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.safestring import SafeString

from evidence.models import Entry
from promo.http import AuthenticatedHttpRequest, per_request
from promo.needs import OWN_WORK, SOMEONE_WAITS, Action, Need, plural
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


def _inbox_counts(request: AuthenticatedHttpRequest) -> list[feedback_selectors.MenteeCount]:
    """The mentor's counts, once for the page: the strip and the inbox panel both show them."""
    return per_request(
        request, "inbox_counts", lambda: feedback_selectors.inbox_counts(request.user)
    )


def home_mentor(request: AuthenticatedHttpRequest, _subject: object) -> SafeString | None:
    counts = _inbox_counts(request)
    if not counts:
        return None
    context = {"counts": counts, "unreviewed": sum(c.unreviewed for c in counts)}
    return render_to_string("reviews/feedback/home_panel.html", context, request=request)


def needs(request: AuthenticatedHttpRequest) -> list[Need]:
    """Entries waiting for the viewer's review, threads their mentees marked addressed, and
    gap notes on the viewer's own entries still to answer."""
    found = []
    waiting = sum(c.unreviewed for c in _inbox_counts(request))
    if waiting:
        oldest = feedback_selectors.oldest_waiting(request.user)
        days = feedback_selectors.waited_days(oldest) if oldest else 0
        found.append(
            Need(
                key="reviews",
                text=f"{plural(waiting, 'entry waits', 'entries wait')} for your review",
                detail=f"the oldest for {plural(days, 'day', 'days')}" if days else "",
                order=SOMEONE_WAITS + 1,
                actions=(Action("Start reviewing", reverse("reviews:inbox"), primary=True),),
            )
        )
    mentors = bool(_inbox_counts(request))  # one entry per active mentee
    addressed = feedback_selectors.addressed(request.user).count() if mentors else 0
    if addressed:
        found.append(
            Need(
                key="addressed",
                text=f"{plural(addressed, 'gap note was', 'gap notes were')} marked addressed",
                detail="resolve it or say what is still missing",
                order=SOMEONE_WAITS + 3,
                actions=(Action("See them", reverse("reviews:inbox") + "#addressed"),),
            )
        )
    to_answer = feedback_selectors.gaps_to_answer(request.user)
    if to_answer:
        found.append(
            Need(
                key="gaps",
                text=f"{plural(to_answer, 'gap note waits', 'gap notes wait')} for your answer",
                detail="mark one addressed when your work shows it, or reply",
                order=OWN_WORK,
                actions=(Action("Answer them", reverse("reviews:gaps"), primary=True),),
            )
        )
    return found
