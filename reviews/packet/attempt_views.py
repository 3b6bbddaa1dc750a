"""Pages of promotion attempts: the timeline, one attempt, its outcome and its points."""

from dataclasses import dataclass, field
from datetime import date

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from promo import access
from promo import services as promo_services
from promo.http import AuthenticatedHttpRequest
from promo.models import display_name
from promo.params import parse_day
from promo.selectors import ladder_levels_of, target_of
from reviews.packet import selectors as packet_selectors
from reviews.packet import services as packet_services
from reviews.packet.access import attempt_for_recorder, engineer_for_recorder, point_for_recorder
from reviews.packet.forms import AttemptForm, OutcomeForm, PointForm, TrackForm
from reviews.packet.models import PromoAttempt, PromoDocument
from reviews.readiness.labels import STATUS_LABELS

OUTCOME_RECORDED = "The committee's decision is recorded."
MOVE_NEEDS_DAY = "Give the day the new level starts, as a date."


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
    if packet_selectors.document_state(attempt) != packet_selectors.DOCUMENT_NOT_SHARED:
        return RECORDED
    if relation.is_self:
        return RECORDED_OWN_UNSHARED
    return RECORDED_UNSHARED.format(name=display_name(attempt.engineer))


@login_required
@require_http_methods(["GET", "POST"])
def attempts(request: AuthenticatedHttpRequest, username: str) -> HttpResponse:
    """Every attempt on one engineer, newest first, and a form to record a submission."""
    engineer, relation = engineer_for_recorder(request.user, username)
    form = AttemptForm(
        request.POST if request.method == "POST" else None,  # an empty POST is still a POST
        # A level the committee already approved is not offered again.
        levels=ladder_levels_of(engineer).exclude(
            pk__in=PromoAttempt.objects.filter(
                engineer=engineer, outcome=PromoAttempt.Outcome.APPROVED
            ).values("level")
        ),
        initial={"level": target_of(engineer), "submitted_on": timezone.localdate()},
    )
    if request.method == "POST" and form.is_valid():
        attempt = packet_services.attempt_record(
            actor=request.user, engineer=engineer, **form.cleaned_data
        )
        messages.success(request, _recorded_message(attempt, relation))
        return redirect("reviews:attempt", attempt.pk)
    found = list(
        PromoAttempt.objects.filter(engineer=engineer)
        .select_related("level", "recorded_by")
        .prefetch_related("points__behaviour")
    )
    context = {"engineer": engineer, "relation": relation, "attempts": found, "form": form}
    return render(
        request, "reviews/packet/attempts.html", context, status=400 if form.errors else 200
    )


@dataclass(frozen=True)
class SubmittedDocument:
    """The snapshot's document part as the attempt page shows it."""

    state: str
    sections: list[packet_selectors.SnapshotSection] = field(default_factory=list)
    added_on: date | None = None


def _snapshot_document(attempt: PromoAttempt) -> SubmittedDocument:
    """The snapshot's document part, with its date read back from the stored ISO string."""
    stored = attempt.snapshot.get("document")
    none = packet_selectors.FrozenDocument(state=packet_selectors.DOCUMENT_NONE)
    document: packet_selectors.FrozenDocument = stored or none
    added_on = document.get("added_on")
    return SubmittedDocument(
        state=document["state"],
        sections=document.get("sections", []),
        added_on=date.fromisoformat(added_on) if added_on else None,
    )


def _attempt_context(
    request: AuthenticatedHttpRequest,
    attempt: PromoAttempt,
    relation: access.Relation,
    *,
    outcome_form: OutcomeForm | None = None,
    point_form: PointForm | None = None,
    move_problem: str = "",
) -> dict[str, object]:
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
        and packet_selectors.document_state(attempt) != packet_selectors.DOCUMENT_INCLUDED
        and PromoDocument.objects.filter(engineer=attempt.engineer, level=attempt.level).exists(),
        "snapshot_status": STATUS_LABELS.get(attempt.snapshot.get("status"), "Unknown"),
        "labels": STATUS_LABELS,
        "points": points,
        "outcome_form": outcome_form
        or (
            OutcomeForm(attempt=attempt, initial={"decided_on": timezone.localdate()})
            if pending
            else None
        ),
        "point_form": point_form or (None if pending else PointForm()),
        "track_form": TrackForm(level_id=attempt.level_id),
        "promotion": _promotion(attempt, relation, move_problem),
    }


@dataclass(frozen=True)
class Promotion:
    """An approval, and whether the engineer stands on its level yet."""

    moved: bool
    may_move: bool
    next_level: object
    problem: str = ""


def _promotion(attempt: PromoAttempt, relation: access.Relation, problem: str) -> Promotion | None:
    if attempt.outcome != PromoAttempt.Outcome.APPROVED:
        return None
    person = getattr(attempt.engineer, "person", None)
    moved = person is not None and person.current_level_id == attempt.level_id
    return Promotion(
        moved=moved or attempt.moved_on is not None,
        may_move=relation.is_manager and not moved,
        next_level=promo_services.next_level(attempt.level),
        problem=problem,
    )


@login_required
@require_GET
def attempt(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    found, relation = attempt_for_recorder(request.user, pk)
    return render(
        request, "reviews/packet/attempt.html", _attempt_context(request, found, relation)
    )


@login_required
@require_POST
def attempt_outcome(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    found, relation = attempt_for_recorder(request.user, pk)
    form = OutcomeForm(request.POST, attempt=found)
    if form.is_valid():
        try:
            packet_services.attempt_decide(
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
def attempt_promote(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    """A manager moves the engineer to the level the committee approved, from a day they give."""
    found, relation = attempt_for_recorder(request.user, pk)
    if not relation.is_manager:
        raise Http404("No such attempt.")
    on = parse_day(request.POST.get("on"))
    try:
        if on is None:
            raise ValidationError(MOVE_NEEDS_DAY)
        packet_services.attempt_promote(found, actor=request.user, on=on)
    except ValidationError as error:
        if found.outcome != PromoAttempt.Outcome.APPROVED:  # no move form to show it beside
            messages.error(request, error.messages[0])
            return redirect("reviews:attempt", found.pk)
        context = _attempt_context(request, found, relation, move_problem=error.messages[0])
        return render(request, "reviews/packet/attempt.html", context, status=400)
    messages.success(
        request,
        f"Congratulations to {display_name(found.engineer)}: now {found.level.name}, "
        f"from {on:%-d %B %Y}.",
    )
    return redirect("reviews:attempt", found.pk)


@login_required
@require_POST
def attempt_point_add(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    found, relation = attempt_for_recorder(request.user, pk)
    form = PointForm(request.POST)
    if form.is_valid():
        try:
            packet_services.point_add(found, form.cleaned_data["text"])
        except ValidationError as error:
            form.add_error(None, error)
        else:
            return redirect("reviews:attempt", found.pk)
    context = _attempt_context(request, found, relation, point_form=form)
    return render(request, "reviews/packet/attempt.html", context, status=400)


@login_required
@require_POST
def attempt_add_document(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    found, relation = attempt_for_recorder(request.user, pk)
    if not relation.is_self:
        raise Http404("No such attempt.")
    try:
        packet_services.attempt_add_document(found, actor=request.user)
    except ValidationError as error:
        messages.error(request, error.messages[0])
    else:
        messages.success(
            request,
            "Your promo document is shared with your managers and is now part of this submission.",
        )
    return redirect(f"{found.get_absolute_url()}#snapshot-heading")


@login_required
@require_POST
def point_track(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    point = point_for_recorder(request.user, pk)
    form = TrackForm(request.POST, level_id=point.attempt.level_id)
    if form.is_valid():
        packet_services.point_track(point, form.cleaned_data["behaviour"])
        messages.success(
            request,
            f"A point to work on under “{form.cleaned_data['behaviour'].name}”: it shows on the "
            "“What to work on” and readiness pages until it is resolved.",
        )
    else:
        messages.error(request, "Choose the behaviour this point is about.")
    return redirect(f"{point.attempt.get_absolute_url()}#point-{point.pk}")


@login_required
@require_POST
def point_resolve(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    point = point_for_recorder(request.user, pk)
    try:
        packet_services.point_resolve(point)
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
