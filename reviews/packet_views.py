"""Pages of the promotion packet: the document builder, its exports, and promo attempts."""

from datetime import date

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.safestring import SafeString
from django.utils.text import slugify
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from promo import access, audit
from promo.models import Behaviour, Level, display_name
from reviews import packet
from reviews.forms import (
    AttemptForm,
    DocumentSettingsForm,
    DocumentStartForm,
    NarrativeForm,
    OutcomeForm,
    PointForm,
    TrackForm,
)
from reviews.models import CommitteePoint, PromoAttempt, PromoDocument
from reviews.views import STATUS_LABELS, ReadinessSubject, engineer_or_404

OUTCOME_RECORDED = "The committee's decision is recorded."


def _levels_for(engineer: AbstractBaseUser):  # noqa: ANN202 - a QuerySet of Level
    """The levels of the engineer's ladder, for choosing a document's or attempt's level."""
    person = getattr(engineer, "person", None)
    level = (person.target_level or person.current_level) if person else None
    if level is None:
        return Level.objects.order_by("ladder_id", "rank")
    return Level.objects.filter(ladder_id=level.ladder_id).order_by("rank")


def _target_of(engineer: AbstractBaseUser) -> Level | None:
    person = getattr(engineer, "person", None)
    return person.target_level if person else None


def _document_or_404(request: HttpRequest, pk: int) -> tuple[PromoDocument, access.Relation]:
    document = get_object_or_404(
        PromoDocument.objects.select_related("engineer__person", "level__ladder"), pk=pk
    )
    relation = access.relation(request.user, document.engineer)
    if not packet.may_read(document, relation):
        raise Http404("No such document.")
    return document, relation


def _own_document_or_404(request: HttpRequest, pk: int) -> PromoDocument:
    document, relation = _document_or_404(request, pk)
    if not relation.is_self:
        raise Http404("No such document.")
    return document


# --- documents --------------------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def documents(request: HttpRequest) -> HttpResponse:
    """The signed-in engineer's documents, and a form to start one."""
    engineer = request.user
    levels = _levels_for(engineer)
    start, end = packet.default_period(timezone.localdate())
    target = _target_of(engineer)
    form = DocumentStartForm(
        request.POST if request.method == "POST" else None,  # an empty POST is still a POST
        levels=levels,
        initial={"level": target, "period_start": start, "period_end": end},
    )
    if request.method == "POST" and form.is_valid():
        document = packet.document_start(
            engineer,
            level=form.cleaned_data["level"],
            period_start=form.cleaned_data["period_start"],
            period_end=form.cleaned_data["period_end"],
        )
        return redirect("reviews:document", document.pk)
    own = PromoDocument.objects.filter(engineer=engineer).select_related("level")
    context = {"documents": own.order_by("-updated_at"), "form": form}
    return render(
        request, "reviews/packet/documents.html", context, status=400 if form.errors else 200
    )


def _document_context(request: HttpRequest, document: PromoDocument, relation) -> dict:  # noqa: ANN001
    draft = packet.build(document, viewer=request.user)
    return {
        "document": document,
        "draft": draft,
        "engineer": document.engineer,
        "relation": relation,
        "is_owner": relation.is_self,
    }


@login_required
@require_GET
def document(request: HttpRequest, pk: int) -> HttpResponse:
    doc, relation = _document_or_404(request, pk)
    context = _document_context(request, doc, relation)
    if relation.is_self:
        context["settings_form"] = DocumentSettingsForm(
            initial={
                "period_start": doc.period_start,
                "period_end": doc.period_end,
                "share_manager": doc.share_manager,
                "share_mentors": doc.share_mentors,
            }
        )
    return render(request, "reviews/packet/document.html", context)


@login_required
@require_POST
def document_settings(request: HttpRequest, pk: int) -> HttpResponse:
    doc = _own_document_or_404(request, pk)
    form = DocumentSettingsForm(request.POST)
    if form.is_valid():
        packet.document_share(doc, actor=request.user, **form.cleaned_data)
        messages.success(request, "Saved. Who may read it and the period are up to date.")
        return redirect("reviews:document", doc.pk)
    context = _document_context(request, doc, access.relation(request.user, doc.engineer))
    context["settings_form"] = form
    return render(request, "reviews/packet/document.html", context, status=400)


@login_required
@require_http_methods(["GET", "POST"])
def narrative(request: HttpRequest, pk: int, behaviour: int) -> HttpResponse:
    """Edit one behaviour's narrative: inline with htmx, or as a page of its own without it."""
    doc = _own_document_or_404(request, pk)
    found = get_object_or_404(Behaviour, pk=behaviour, level_id=doc.level_id)
    current = doc.narratives.filter(behaviour=found).values_list("text", flat=True).first() or ""
    if request.method == "POST":
        form = NarrativeForm(request.POST)
        if form.is_valid():
            packet.narrative_save(doc, found, form.cleaned_data["text"])
            if request.htmx:
                context = {"document": doc, "behaviour": found, "text": form.cleaned_data["text"]}
                context["is_owner"] = True
                return render(request, "reviews/packet/document.html#narrative", context)
            return redirect(f"{doc.get_absolute_url()}#behaviour-{found.pk}")
    else:
        form = NarrativeForm(initial={"text": current})
    context = {"document": doc, "behaviour": found, "form": form}
    # htmx swaps only 2xx answers in, so a refused inline save comes back 200 with its message.
    status = 400 if form.errors and not request.htmx else 200
    template = (
        "reviews/packet/document.html#narrative-form"
        if request.htmx
        else "reviews/packet/narrative.html"
    )
    return render(request, template, context, status=status)


def _filename(doc: PromoDocument, ext: str) -> str:
    engineer = doc.engineer
    return f"promo-{slugify(engineer.get_username())}-{slugify(doc.level.name)}.{ext}"


@login_required
@require_GET
def document_markdown(request: HttpRequest, pk: int) -> HttpResponse:
    doc, _ = _document_or_404(request, pk)
    audit.record(audit.EXPORT, actor=request.user, target=doc, detail="promo document as md")
    site = settings.SITE_URL.rstrip("/")  # links that work from a copy pasted anywhere
    text = packet.markdown(packet.build(doc, viewer=request.user), site=site)
    response = HttpResponse(text, content_type="text/markdown; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{_filename(doc, "md")}"'
    return response


@login_required
@require_GET
def document_print(request: HttpRequest, pk: int) -> HttpResponse:
    doc, relation = _document_or_404(request, pk)
    return render(request, "reviews/packet/print.html", _document_context(request, doc, relation))


# --- attempts ---------------------------------------------------------------------------------


def _engineer_or_404(
    request: HttpRequest, username: str
) -> tuple[AbstractBaseUser, access.Relation]:
    """The engineer whose attempts the viewer may see (themselves or a report), or 404."""
    engineer, relation = engineer_or_404(request, username)
    if not packet.may_record(relation):
        raise Http404("No such person.")
    return engineer, relation


RECORDED = (
    "Submission recorded, with the document and readiness as they stand: later changes will not "
    "alter it."
)
RECORDED_OWN_UNSHARED = (
    "Submission recorded, with the readiness as it stands. Your promo document is not shared "
    "with your managers, so it is not part of it: add it below."
)
RECORDED_UNSHARED = (
    "Submission recorded, with the readiness as it stands. {name} has not shared their promo "
    "document with managers, so it is not part of it; they have been asked to add it."
)


def _recorded_message(attempt: PromoAttempt, relation: access.Relation) -> str:
    if packet.document_state(attempt) != packet.DOCUMENT_NOT_SHARED:
        return RECORDED
    if relation.is_self:
        return RECORDED_OWN_UNSHARED
    return RECORDED_UNSHARED.format(name=display_name(attempt.engineer))


def _attempt_or_404(request: HttpRequest, pk: int) -> tuple[PromoAttempt, access.Relation]:
    attempt = get_object_or_404(
        PromoAttempt.objects.select_related("engineer", "level", "recorded_by"), pk=pk
    )
    relation = access.relation(request.user, attempt.engineer)
    if not packet.may_record(relation):
        raise Http404("No such attempt.")
    return attempt, relation


@login_required
@require_http_methods(["GET", "POST"])
def attempts(request: HttpRequest, username: str) -> HttpResponse:
    """Every attempt on one engineer, newest first, and a form to record a submission."""
    engineer, relation = _engineer_or_404(request, username)
    form = AttemptForm(
        request.POST if request.method == "POST" else None,  # an empty POST is still a POST
        levels=_levels_for(engineer),
        initial={"level": _target_of(engineer), "submitted_on": timezone.localdate()},
    )
    if request.method == "POST" and form.is_valid():
        attempt = packet.attempt_record(actor=request.user, engineer=engineer, **form.cleaned_data)
        messages.success(request, _recorded_message(attempt, relation))
        return redirect("reviews:attempt", attempt.pk)
    found = list(
        PromoAttempt.objects.filter(engineer=engineer)
        .select_related("level", "recorded_by")
        .prefetch_related("points__behaviour")
    )
    for each in found:
        each.tracked = [p for p in each.points.all() if p.tracked_at]
    context = {"engineer": engineer, "relation": relation, "attempts": found, "form": form}
    return render(
        request, "reviews/packet/attempts.html", context, status=400 if form.errors else 200
    )


def _snapshot_document(attempt: PromoAttempt) -> dict:
    """The snapshot's document part, with its date read back from the stored ISO string."""
    document = dict(attempt.snapshot.get("document") or {"state": packet.DOCUMENT_NONE})
    if document.get("added_on"):
        document["added_on"] = date.fromisoformat(document["added_on"])
    return document


def _attempt_context(request: HttpRequest, attempt: PromoAttempt, relation, **forms) -> dict:  # noqa: ANN001, ANN003
    pending = attempt.outcome == PromoAttempt.Outcome.PENDING
    points = list(attempt.points.select_related("behaviour"))
    return {
        "attempt": attempt,
        "engineer": attempt.engineer,
        "relation": relation,
        "snapshot": attempt.snapshot,
        "document": _snapshot_document(attempt),
        "may_add_document": relation.is_self
        and pending
        and packet.document_state(attempt) != packet.DOCUMENT_INCLUDED
        and PromoDocument.objects.filter(engineer=attempt.engineer, level=attempt.level).exists(),
        "snapshot_status": STATUS_LABELS.get(attempt.snapshot.get("status"), "Unknown"),
        "labels": STATUS_LABELS,
        "points": points,
        "outcome_form": forms.get("outcome_form")
        or (
            OutcomeForm(attempt=attempt, initial={"decided_on": timezone.localdate()})
            if pending
            else None
        ),
        "point_form": forms.get("point_form") or (None if pending else PointForm()),
        "track_form": TrackForm(level_id=attempt.level_id),
    }


@login_required
@require_GET
def attempt(request: HttpRequest, pk: int) -> HttpResponse:
    found, relation = _attempt_or_404(request, pk)
    return render(
        request, "reviews/packet/attempt.html", _attempt_context(request, found, relation)
    )


@login_required
@require_POST
def attempt_outcome(request: HttpRequest, pk: int) -> HttpResponse:
    found, relation = _attempt_or_404(request, pk)
    form = OutcomeForm(request.POST, attempt=found)
    if form.is_valid():
        try:
            packet.attempt_decide(
                found,
                actor=request.user,
                outcome=form.cleaned_data["outcome"],
                decided_on=form.cleaned_data["decided_on"],
                feedback=form.cleaned_data["committee_feedback"],
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, OUTCOME_RECORDED)
            return redirect("reviews:attempt", found.pk)
    context = _attempt_context(request, found, relation, outcome_form=form)
    return render(request, "reviews/packet/attempt.html", context, status=400)


@login_required
@require_POST
def attempt_point_add(request: HttpRequest, pk: int) -> HttpResponse:
    found, relation = _attempt_or_404(request, pk)
    form = PointForm(request.POST)
    if form.is_valid():
        try:
            packet.point_add(found, form.cleaned_data["text"])
        except ValidationError as error:
            form.add_error(None, error)
        else:
            return redirect("reviews:attempt", found.pk)
    context = _attempt_context(request, found, relation, point_form=form)
    return render(request, "reviews/packet/attempt.html", context, status=400)


@login_required
@require_POST
def attempt_add_document(request: HttpRequest, pk: int) -> HttpResponse:
    found, relation = _attempt_or_404(request, pk)
    if not relation.is_self:
        raise Http404("No such attempt.")
    try:
        packet.attempt_add_document(found, actor=request.user)
    except ValidationError as error:
        messages.error(request, error.messages[0])
    else:
        messages.success(
            request,
            "Your promo document is shared with your managers and is now part of this submission.",
        )
    return redirect(f"{found.get_absolute_url()}#snapshot-heading")


def _point_or_404(request: HttpRequest, pk: int) -> CommitteePoint:
    point = get_object_or_404(CommitteePoint.objects.select_related("attempt__engineer"), pk=pk)
    if not packet.may_record(access.relation(request.user, point.attempt.engineer)):
        raise Http404("No such point.")
    return point


@login_required
@require_POST
def point_track(request: HttpRequest, pk: int) -> HttpResponse:
    point = _point_or_404(request, pk)
    form = TrackForm(request.POST, level_id=point.attempt.level_id)
    if form.is_valid():
        packet.point_track(point, form.cleaned_data["behaviour"])
        messages.success(
            request,
            f"Tracked as a gap on “{form.cleaned_data['behaviour'].name}”: it shows on the gaps "
            "and readiness pages until it is resolved.",
        )
    else:
        messages.error(request, "Choose the behaviour this point is about.")
    return redirect(f"{point.attempt.get_absolute_url()}#point-{point.pk}")


@login_required
@require_POST
def point_resolve(request: HttpRequest, pk: int) -> HttpResponse:
    point = _point_or_404(request, pk)
    try:
        packet.point_resolve(point)
    except ValidationError as error:
        messages.error(request, error.messages[0])
    else:
        messages.success(request, "Resolved. Well done.")
    back = request.POST.get("next", "")
    if back in ("gaps", "readiness"):
        if back == "gaps":
            return redirect("reviews:gaps")
        return redirect("reviews:readiness", point.attempt.engineer.get_username())
    return redirect(f"{point.attempt.get_absolute_url()}#point-{point.pk}")


# --- the readiness page's packet section ------------------------------------------------------


def readiness_packet(request: HttpRequest, subject: ReadinessSubject) -> SafeString | None:
    """Committee gaps still open, and the way to the document and attempts, on readiness."""
    relation, engineer = subject.relation, subject.engineer
    if not (relation.is_self or relation.is_manager or relation.is_mentor):
        return None
    shared = PromoDocument.objects.filter(engineer=engineer).select_related("level")
    if not relation.is_self:
        rule = {"share_manager": True} if relation.is_manager else {"share_mentors": True}
        if relation.is_manager and relation.is_mentor:
            shared = shared.filter(share_manager=True) | shared.filter(share_mentors=True)
        else:
            shared = shared.filter(**rule)
    context = {
        "engineer": engineer,
        "relation": relation,
        "documents": list(shared),
        "sees_attempts": packet.may_record(relation),
        "gaps": (
            packet.open_committee_gaps(engineer, at=subject.at)
            if packet.may_record(relation)
            else []
        ),
    }
    if not (context["documents"] or context["sees_attempts"]):
        return None
    return render_to_string("reviews/packet/readiness_panel.html", context, request=request)
