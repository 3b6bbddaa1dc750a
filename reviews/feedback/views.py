"""Feedback pages: the thread actions on an entry, the mentor's inbox and its triage (an
entry previewed beside the list, save and next), the engineer's gaps."""

from dataclasses import dataclass
from urllib.parse import urlencode, urlsplit

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.contrib.auth.models import User
from django.core.paginator import Paginator
from django.db.models import Q, prefetch_related_objects
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from django_htmx.http import HttpResponseClientRedirect

from evidence import selectors as evidence_selectors
from evidence.models import Entry
from promo.http import AuthenticatedHttpRequest
from promo.models import Behaviour
from promo.params import parse_id
from reviews.feedback import selectors as feedback_selectors
from reviews.feedback import services as feedback_services
from reviews.feedback.forms import FeedbackForm, ReplyForm, feedback_form
from reviews.feedback.models import Feedback
from reviews.feedback.panels import panel_context
from reviews.feedback.selectors import MenteeCount
from reviews.packet import selectors as packet_selectors

INBOX_PAGE = 25


def _thread_response(
    request: AuthenticatedHttpRequest, feedback: Feedback, **extra: object
) -> HttpResponse:
    entry = feedback.entry
    context = {
        "f": feedback_selectors.thread(feedback),
        "entry": entry,
        "can_review": feedback_selectors.is_reviewer(request.user, entry),
        "is_engineer": request.user.pk == entry.author_id,
        "reply_form": ReplyForm(),
        **extra,
    }
    response = render(request, "reviews/feedback/panel.html#thread", context)
    if _from_triage(request) and not feedback_selectors.addressed(request.user).filter(
        pk=feedback.pk
    ):
        # Answered in the triage preview: it leaves the "addressed — waiting for you" list.
        response.write(f'<li id="triage-thread-{feedback.pk}" hx-swap-oob="delete"></li>')
    return response


def _from_triage(request: AuthenticatedHttpRequest) -> bool:
    """Whether an htmx request was made from the inbox's triage page."""
    current: str | None = request.htmx.current_url_abs_path if request.htmx else None
    return current is not None and urlsplit(current).path.startswith(reverse("reviews:inbox"))


def _back_to(feedback: Feedback) -> HttpResponse:
    return redirect(f"{feedback.entry.get_absolute_url()}#feedback-{feedback.pk}")


def _reviewable_entry(request: AuthenticatedHttpRequest, pk: int) -> Entry:
    """The entry, when the user may give feedback on it (the feedback form's rule); 404."""
    entry = evidence_selectors.entry_for_viewer(request.user, pk)
    if not feedback_selectors.is_reviewer(request.user, entry):
        raise Http404("No such entry.")
    return entry


@login_required
@require_POST
def feedback_create(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    entry = _reviewable_entry(request, pk)
    form = feedback_form(entry, request.POST)
    if form.is_valid():
        feedback = feedback_services.feedback_post(
            entry=entry, mentor=request.user, data=form.feedback_data()
        )
        if not request.htmx:
            messages.success(request, "Feedback posted.")
            return _back_to(feedback)
        context = panel_context(request, entry)  # posted: the panel with a fresh form
        return render(request, "reviews/feedback/panel.html#panel", context)
    if request.htmx:
        context = panel_context(request, entry, form)
        return render(request, "reviews/feedback/panel.html#panel", context)
    # The form page alone: the panel's reply form would send the page down its reply branch.
    context = {"entry": entry, "form": form}
    return render(request, "reviews/feedback/form_page.html", context, status=400)


@login_required
@require_POST
def reply_create(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    feedback = feedback_selectors.feedback_for_viewer(request.user, pk)
    form = ReplyForm(request.POST)
    if form.is_valid():
        feedback_services.reply_post(
            feedback=feedback, author=request.user, body=form.cleaned_data["body"]
        )
        return _thread_response(request, feedback) if request.htmx else _back_to(feedback)
    if request.htmx:
        return _thread_response(request, feedback, reply_form=form)
    context = {"entry": feedback.entry, "feedback": feedback, "reply_form": form}
    return render(request, "reviews/feedback/form_page.html", context, status=400)


@login_required
@require_POST
def feedback_state(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    feedback = feedback_selectors.feedback_for_viewer(request.user, pk)
    error = None
    try:
        feedback_services.feedback_set_state(
            feedback=feedback, by=request.user, to=request.POST.get("to", "")
        )
    except feedback_services.ReviewError as exc:
        error = str(exc)
    if request.htmx:
        return _thread_response(request, feedback, error=error)
    if error:
        messages.error(request, error)
    return _back_to(feedback)


@login_required
@require_http_methods(["GET", "POST"])
def feedback_edit(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    feedback = feedback_selectors.own_feedback_or_404(request.user, pk)
    entry = feedback.entry
    if request.method == "POST":
        form = feedback_form(entry, request.POST)
        if form.is_valid():
            feedback_services.feedback_edit(
                feedback=feedback, editor=request.user, data=form.feedback_data()
            )
            messages.success(
                request, "Feedback updated; the earlier wording is kept in its history."
            )
            return _back_to(feedback)
    else:
        initial = {
            "body": feedback.body,
            "gap_note": feedback.gap_note,
            "gap_behaviour": feedback.gap_behaviour_id,
            "extra_behaviour": feedback.extra_behaviour_id,
        }
        for verdict in feedback.verdicts.all():
            initial[f"verdict_{verdict.behaviour_id}"] = verdict.verdict
            if verdict.behaviour_id == feedback.extra_behaviour_id:
                initial["extra_verdict"] = verdict.verdict
        form = feedback_form(entry, initial=initial)
    context = {"entry": entry, "feedback": feedback, "form": form, "editing": True}
    status = 400 if request.method == "POST" else 200  # a valid POST has redirected already
    return render(request, "reviews/feedback/form_page.html", context, status=status)


@login_required
@require_POST
def feedback_delete(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    feedback = feedback_selectors.own_feedback_or_404(request.user, pk)
    url = feedback.entry.get_absolute_url()
    feedback_services.feedback_delete(feedback=feedback, by=request.user)
    messages.success(request, "Feedback deleted.")
    return HttpResponseClientRedirect(url) if request.htmx else redirect(url)


@dataclass(frozen=True)
class InboxFilters:
    mentee: User | None
    behaviour: Behaviour | None
    page: str | None

    @property
    def query(self) -> str:
        """The filters as a query string, carried by every link and form of the triage page."""
        params = {
            "mentee": self.mentee.username if self.mentee else None,
            "behaviour": self.behaviour.pk if self.behaviour else None,
            "page": self.page,
        }
        return urlencode({k: v for k, v in params.items() if v})


def _filters(request: AuthenticatedHttpRequest, counts: list[MenteeCount]) -> InboxFilters:
    mentees = {c.user.username: c.user for c in counts}
    behaviour = None
    if (behaviour_id := parse_id(request.GET.get("behaviour"))) is not None:
        behaviour = Behaviour.objects.filter(pk=behaviour_id).first()
    page = request.GET.get("page")
    return InboxFilters(
        mentee=mentees.get(request.GET.get("mentee", "")),
        behaviour=behaviour,
        page=page if page and page.isdigit() else None,
    )


def _preview_context(
    request: AuthenticatedHttpRequest,
    entry: Entry | None,
    filters: InboxFilters,
    form: FeedbackForm | None = None,
) -> dict[str, object]:
    if entry is None:
        return {"selected": None, "filters": filters}
    return {
        "selected": entry,
        "waited": feedback_selectors.waited_days(entry.created_at),
        "threads": feedback_selectors.threads(entry),
        "form": form or feedback_form(entry),
        "reply_form": ReplyForm(),
        "can_review": True,
        "is_engineer": False,
        "filters": filters,
    }


def _inbox_context(
    request: AuthenticatedHttpRequest,
    *,
    selected: Entry | None = None,
    form: FeedbackForm | None = None,
) -> dict[str, object]:
    counts = feedback_selectors.inbox_counts(request.user)
    filters = _filters(request, counts)
    entries = feedback_selectors.inbox(
        request.user, mentee=filters.mentee, behaviour=filters.behaviour
    )
    page = Paginator(entries, INBOX_PAGE).get_page(filters.page)
    rows = feedback_selectors.inbox_rows(page.object_list)
    addressed = feedback_selectors.addressed(request.user)
    if selected is None and rows:  # the longest-waiting entry, ready to review
        selected = rows[0].entry
        prefetch_related_objects([selected], "links")  # the preview shows them; cards do not
    behaviours = Behaviour.objects.filter(
        level_id__in=get_user_model()
        .objects.filter(pk__in=[c.user.pk for c in counts])
        .values("person__target_level")
    ).select_related("level")
    return {
        "page": page,
        "rows": rows,
        "counts": counts,
        "mentee": filters.mentee,
        "behaviour": filters.behaviour,
        "behaviours": behaviours.order_by("level__rank", "rank"),
        "unreviewed": sum(c.unreviewed for c in counts),
        "addressed": list(addressed[:INBOX_PAGE]),
        "addressed_count": addressed.count(),
        # Mentees who share nothing with mentors: said, so "all caught up" is never said of
        # work the mentor cannot see. Only what is shared is counted; nothing private is.
        "silent": [c.user for c in counts if c.total == 0],
        **_preview_context(request, selected, filters, form),
    }


@login_required
@require_GET
def inbox(request: AuthenticatedHttpRequest) -> HttpResponse:
    return render(request, "reviews/feedback/inbox.html", _inbox_context(request))


@login_required
@require_GET
def triage(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    """One entry beside the inbox, ready for feedback: the preview alone for htmx, else the
    whole inbox with it selected."""
    entry = _reviewable_entry(request, pk)
    if request.htmx and not request.htmx.history_restore_request:
        filters = _filters(request, feedback_selectors.inbox_counts(request.user))
        context = _preview_context(request, entry, filters)
        return render(request, "reviews/feedback/inbox.html#preview", context)
    context = _inbox_context(request, selected=entry)
    return render(request, "reviews/feedback/inbox.html", {**context, "picked": True})


@login_required
@require_POST
def triage_post(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    """Save and next: post the feedback, then the longest-waiting entry still waiting."""
    entry = _reviewable_entry(request, pk)
    form = feedback_form(entry, request.POST)
    if not form.is_valid():
        if request.htmx:
            filters = _filters(request, feedback_selectors.inbox_counts(request.user))
            context = _preview_context(request, entry, filters, form)
            return render(request, "reviews/feedback/inbox.html#preview", context)
        context = {**_inbox_context(request, selected=entry, form=form), "picked": True}
        return render(request, "reviews/feedback/inbox.html", context, status=400)
    feedback_services.feedback_post(entry=entry, mentor=request.user, data=form.feedback_data())
    counts = feedback_selectors.inbox_counts(request.user)
    filters = _filters(request, counts)
    waiting = feedback_selectors.inbox(
        request.user, mentee=filters.mentee, behaviour=filters.behaviour
    ).filter(Q(reviewed=False))
    following = waiting.first()
    if not request.htmx:
        messages.success(request, f"Feedback posted on “{entry.title}”.")
        where = (
            reverse("reviews:triage", args=[following.pk])
            if following
            else reverse("reviews:inbox")
        )
        return redirect(f"{where}?{filters.query}" if filters.query else where)
    selected = _reviewable_entry(request, following.pk) if following else None
    context = {
        **_preview_context(request, selected, filters),
        "posted": entry,
        "unreviewed": sum(c.unreviewed for c in counts),
    }
    return render(request, "reviews/feedback/inbox.html#saved", context)


@login_required
@require_GET
def gaps(request: AuthenticatedHttpRequest) -> HttpResponse:
    context = {
        "gaps": feedback_selectors.open_gaps(request.user),
        "committee_gaps": packet_selectors.open_committee_gaps(request.user),
    }
    return render(request, "reviews/feedback/gaps.html", context)
