"""Feedback pages: the thread actions on an entry, the mentor's inbox, the engineer's gaps."""

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from django_htmx.http import HttpResponseClientRedirect

from evidence import selectors as evidence_selectors
from promo.http import AuthenticatedHttpRequest
from promo.models import Behaviour
from promo.params import parse_id
from reviews.feedback import selectors as feedback_selectors
from reviews.feedback import services as feedback_services
from reviews.feedback.forms import ReplyForm, feedback_form
from reviews.feedback.models import Feedback
from reviews.feedback.panels import panel_context
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
    return render(request, "reviews/feedback/panel.html#thread", context)


def _back_to(feedback: Feedback) -> HttpResponse:
    return redirect(f"{feedback.entry.get_absolute_url()}#feedback-{feedback.pk}")


@login_required
@require_POST
def feedback_create(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    entry = evidence_selectors.entry_for_viewer(request.user, pk)
    if not feedback_selectors.is_reviewer(request.user, entry):
        raise Http404("No such entry.")
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


@login_required
@require_GET
def inbox(request: AuthenticatedHttpRequest) -> HttpResponse:
    counts = feedback_selectors.inbox_counts(request.user)
    mentees = {c.user.username: c.user for c in counts}
    mentee = mentees.get(request.GET.get("mentee", ""))
    behaviour = None
    if (behaviour_id := parse_id(request.GET.get("behaviour"))) is not None:
        behaviour = Behaviour.objects.filter(pk=behaviour_id).first()
    entries = feedback_selectors.inbox(request.user, mentee=mentee, behaviour=behaviour)
    page = Paginator(entries, INBOX_PAGE).get_page(request.GET.get("page"))
    behaviours = Behaviour.objects.filter(
        level_id__in=get_user_model()
        .objects.filter(pk__in=[c.user.pk for c in counts])
        .values("person__target_level")
    ).select_related("level")
    context = {
        "page": page,
        "counts": counts,
        "mentee": mentee,
        "behaviour": behaviour,
        "behaviours": behaviours.order_by("level__rank", "rank"),
        "unreviewed": sum(c.unreviewed for c in counts),
        # Mentees who share nothing with mentors: said, so "all caught up" is never said of
        # work the mentor cannot see. Only what is shared is counted; nothing private is.
        "silent": [c.user for c in counts if c.total == 0],
    }
    return render(request, "reviews/feedback/inbox.html", context)


@login_required
@require_GET
def gaps(request: AuthenticatedHttpRequest) -> HttpResponse:
    context = {
        "gaps": feedback_selectors.open_gaps(request.user),
        "committee_gaps": packet_selectors.open_committee_gaps(request.user),
    }
    return render(request, "reviews/feedback/gaps.html", context)
