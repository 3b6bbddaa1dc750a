from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.utils.safestring import SafeString
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from django_htmx.http import HttpResponseClientRedirect

from evidence import selectors as evidence_selectors
from evidence.models import Entry
from promo.models import Behaviour
from reviews import selectors, services
from reviews.forms import FeedbackForm, ReplyForm
from reviews.models import Feedback

INBOX_PAGE = 25


def _targets(entry: Entry) -> list[Behaviour]:
    person = getattr(entry.author, "person", None)
    if person is None or person.target_level_id is None:
        return []
    return list(Behaviour.objects.filter(level_id=person.target_level_id).order_by("rank"))


def _feedback_form(entry: Entry, data=None) -> FeedbackForm:  # noqa: ANN001 - QueryDict
    return FeedbackForm(data, entry=entry, target_behaviours=_targets(entry))


def _panel_context(request: HttpRequest, entry: Entry, form: FeedbackForm | None = None) -> dict:
    can_review = selectors.is_reviewer(request.user, entry)
    return {
        "entry": entry,
        "threads": selectors.threads(entry),
        "can_review": can_review,
        "is_engineer": request.user.pk == entry.author_id,
        "form": form or (_feedback_form(entry) if can_review else None),
        "reply_form": ReplyForm(),
    }


def feedback_panel(request: HttpRequest, entry: Entry) -> SafeString | None:
    """The feedback section of the entry page, for the engineer and their active mentors."""
    if not selectors.sees_feedback(request.user, entry):
        return None
    return render_to_string(
        "reviews/feedback_panel.html", _panel_context(request, entry), request=request
    )


def _thread_response(request: HttpRequest, feedback: Feedback, **extra) -> HttpResponse:  # noqa: ANN003
    entry = feedback.entry
    context = {
        "f": selectors.thread(feedback),
        "entry": entry,
        "can_review": selectors.is_reviewer(request.user, entry),
        "is_engineer": request.user.pk == entry.author_id,
        "reply_form": ReplyForm(),
        **extra,
    }
    return render(request, "reviews/feedback_panel.html#thread", context)


def _back_to(feedback: Feedback) -> HttpResponse:
    return redirect(f"{feedback.entry.get_absolute_url()}#feedback-{feedback.pk}")


@login_required
@require_POST
def feedback_create(request: HttpRequest, pk: int) -> HttpResponse:
    entry = evidence_selectors.entry_for_viewer(request.user, pk)
    if not selectors.is_reviewer(request.user, entry):
        raise Http404("No such entry.")
    form = _feedback_form(entry, request.POST)
    if form.is_valid():
        feedback = services.feedback_post(
            entry=entry, mentor=request.user, data=form.feedback_data()
        )
        if not request.htmx:
            messages.success(request, "Feedback posted.")
            return _back_to(feedback)
        form = None
    context = _panel_context(request, entry, form)
    if request.htmx:
        return render(request, "reviews/feedback_panel.html#panel", context)
    return render(request, "reviews/feedback_form_page.html", context, status=400)


@login_required
@require_POST
def reply_create(request: HttpRequest, pk: int) -> HttpResponse:
    feedback = selectors.feedback_for_viewer(request.user, pk)
    form = ReplyForm(request.POST)
    if form.is_valid():
        services.reply_post(feedback=feedback, author=request.user, body=form.cleaned_data["body"])
        return _thread_response(request, feedback) if request.htmx else _back_to(feedback)
    if request.htmx:
        return _thread_response(request, feedback, reply_form=form)
    context = {"entry": feedback.entry, "feedback": feedback, "reply_form": form}
    return render(request, "reviews/feedback_form_page.html", context, status=400)


@login_required
@require_POST
def feedback_state(request: HttpRequest, pk: int) -> HttpResponse:
    feedback = selectors.feedback_for_viewer(request.user, pk)
    error = None
    try:
        services.feedback_set_state(
            feedback=feedback, by=request.user, to=request.POST.get("to", "")
        )
    except services.ReviewError as exc:
        error = str(exc)
    if request.htmx:
        return _thread_response(request, feedback, error=error)
    if error:
        messages.error(request, error)
    return _back_to(feedback)


@login_required
@require_http_methods(["GET", "POST"])
def feedback_edit(request: HttpRequest, pk: int) -> HttpResponse:
    feedback = selectors.own_feedback_or_404(request.user, pk)
    entry = feedback.entry
    if request.method == "POST":
        form = _feedback_form(entry, request.POST)
        if form.is_valid():
            services.feedback_edit(
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
        form = FeedbackForm(initial=initial, entry=entry, target_behaviours=_targets(entry))
    context = {"entry": entry, "feedback": feedback, "form": form, "editing": True}
    return render(request, "reviews/feedback_form_page.html", context)


@login_required
@require_POST
def feedback_delete(request: HttpRequest, pk: int) -> HttpResponse:
    feedback = selectors.own_feedback_or_404(request.user, pk)
    url = feedback.entry.get_absolute_url()
    services.feedback_delete(feedback=feedback, by=request.user)
    messages.success(request, "Feedback deleted.")
    return HttpResponseClientRedirect(url) if request.htmx else redirect(url)


@login_required
@require_GET
def inbox(request: HttpRequest) -> HttpResponse:
    counts = selectors.inbox_counts(request.user)
    mentees = {c.user.username: c.user for c in counts}
    mentee = mentees.get(request.GET.get("mentee", ""))
    behaviour = None
    if request.GET.get("behaviour", "").isdigit():
        behaviour = Behaviour.objects.filter(pk=request.GET["behaviour"]).first()
    entries = selectors.inbox(request.user, mentee=mentee, behaviour=behaviour)
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
    }
    return render(request, "reviews/inbox.html", context)


@login_required
@require_GET
def gaps(request: HttpRequest) -> HttpResponse:
    return render(request, "reviews/gaps.html", {"gaps": selectors.open_gaps(request.user)})
