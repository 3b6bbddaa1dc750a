"""Pages of the promo document: the builder, its narratives, its exports."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.text import slugify
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from evidence.models import Entry
from promo import access, audit
from promo.http import AuthenticatedHttpRequest
from promo.models import Behaviour
from promo.selectors import ladder_levels_of, target_of
from reviews.packet import export as packet_export
from reviews.packet import selectors as packet_selectors
from reviews.packet import services as packet_services
from reviews.packet.access import document_for_viewer, own_document_or_404
from reviews.packet.forms import DocumentSettingsForm, DocumentStartForm, NarrativeForm
from reviews.packet.models import PromoDocument


@login_required
@require_http_methods(["GET", "POST"])
def documents(request: AuthenticatedHttpRequest) -> HttpResponse:
    """The signed-in engineer's documents, and a form to start one."""
    engineer = request.user
    levels = ladder_levels_of(engineer)
    start, end = packet_selectors.default_period(timezone.localdate())
    target = target_of(engineer)
    form = DocumentStartForm(
        request.POST if request.method == "POST" else None,  # an empty POST is still a POST
        levels=levels,
        initial={"level": target, "period_start": start, "period_end": end},
    )
    if request.method == "POST" and form.is_valid():
        document = packet_services.document_start(
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


def _document_context(
    request: AuthenticatedHttpRequest, document: PromoDocument, relation: access.Relation
) -> dict[str, object]:
    draft = packet_selectors.draft_for(document, request.user)
    context: dict[str, object] = {
        "document": document,
        "draft": draft,
        "engineer": document.engineer,
        "relation": relation,
        "is_owner": relation.is_self,
    }
    if relation.is_self:
        context["settings_form"] = DocumentSettingsForm(
            initial={
                "period_start": document.period_start,
                "period_end": document.period_end,
                "share_manager": document.share_manager,
                "share_mentors": document.share_mentors,
            }
        )
    return context


@login_required
@require_GET
def document(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    doc, relation = document_for_viewer(request.user, pk)
    context = _document_context(request, doc, relation)
    return render(request, "reviews/packet/document.html", context)


@login_required
@require_POST
def document_settings(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    doc = own_document_or_404(request.user, pk)
    form = DocumentSettingsForm(request.POST)
    if form.is_valid():
        packet_services.document_share(doc, actor=request.user, **form.cleaned_data)
        messages.success(request, "Saved. Who may read it and the period are up to date.")
        return redirect("reviews:document", doc.pk)
    context = _document_context(request, doc, access.relation(request.user, doc.engineer))
    context["settings_form"] = form
    return render(request, "reviews/packet/document.html", context, status=400)


@login_required
@require_http_methods(["GET", "POST"])
def narrative(request: AuthenticatedHttpRequest, pk: int, behaviour: int) -> HttpResponse:
    """Edit one behaviour's narrative: inline with htmx, or as a page of its own without it."""
    doc = own_document_or_404(request.user, pk)
    found = get_object_or_404(Behaviour, pk=behaviour, level_id=doc.level_id)
    current = doc.narratives.filter(behaviour=found).values_list("text", flat=True).first() or ""
    if request.method == "POST":
        form = NarrativeForm(request.POST)
        if form.is_valid():
            packet_services.narrative_save(doc, found, form.cleaned_data["text"])
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


_FOCUS_AFTER = {"pin": "unpin", "unpin": "pin", "hide": "show", "show": "pin"}


def _focus_after(action: str, section: packet_selectors.Section, entry_id: int) -> str:
    """The button keyboard focus lands on once the section is swapped in: the same entry's next
    useful one (a move keeps moving, unless the entry reached an end)."""
    if action in _FOCUS_AFTER:
        return _FOCUS_AFTER[action]
    order = section.pinned
    at = order.index(entry_id) if entry_id in order else -1
    can_up, can_down = at > 0, 0 <= at < len(order) - 1
    if action == "up":
        return "up" if can_up else "down" if can_down else "unpin"
    return "down" if can_down else "up" if can_up else "unpin"


@login_required
@require_POST
def evidence_curate(
    request: AuthenticatedHttpRequest, pk: int, behaviour: int, entry: int
) -> HttpResponse:
    """Pin, hide, show or move one entry under one behaviour; htmx swaps the behaviour's section,
    without JavaScript the document comes back at it."""
    doc = own_document_or_404(request.user, pk)
    found = get_object_or_404(Behaviour, pk=behaviour, level_id=doc.level_id)
    item = get_object_or_404(Entry.objects.only("pk", "author_id"), pk=entry, author=doc.engineer)
    action = request.POST.get("action", "")
    try:
        packet_services.evidence_curate(doc, behaviour=found, entry=item, action=action)
    except ValidationError as error:
        problem = error.messages[0]
    else:
        problem = ""
        if not request.htmx:
            return redirect(f"{doc.get_absolute_url()}#behaviour-{found.pk}")
    context = _document_context(request, doc, access.Relation(is_self=True))
    if not request.htmx:  # refused without JavaScript: the document, saying why
        messages.error(request, problem)
        return render(request, "reviews/packet/document.html", context, status=400)
    draft = context["draft"]
    assert isinstance(draft, packet_selectors.Draft)
    section = next(s for s in draft.sections if s.behaviour.pk == found.pk)
    context |= {
        "section": section,
        "curate_error": problem,
        "focus_entry": item.pk,
        "focus_button": "" if problem else _focus_after(action, section, item.pk),
        "focus_folded": any(e.entry.pk == item.pk for e in section.folded),
    }
    return render(request, "reviews/packet/document.html#section", context)


def _filename(doc: PromoDocument, ext: str) -> str:
    engineer = doc.engineer
    return f"promo-{slugify(engineer.get_username())}-{slugify(doc.level.name)}.{ext}"


@login_required
@require_GET
def document_markdown(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    doc, _ = document_for_viewer(request.user, pk)
    audit.record(audit.EXPORT, actor=request.user, target=doc, detail="promo document as md")
    site = settings.SITE_URL.rstrip("/")  # links that work from a copy pasted anywhere
    text = packet_export.markdown(packet_selectors.draft_for(doc, request.user), site=site)
    response = HttpResponse(text, content_type="text/markdown; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{_filename(doc, "md")}"'
    return response


@login_required
@require_GET
def document_print(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    """The packet on paper: every entry the engineer did not hide, the readiness counts of the
    day, and (on screen only) what to finish before printing."""
    doc, relation = document_for_viewer(request.user, pk)
    draft = packet_selectors.draft_for(doc, request.user)
    context = {
        "document": doc,
        "draft": draft,
        "engineer": doc.engineer,
        "is_owner": relation.is_self,
        "standing": packet_selectors.standing_for(doc, request.user, as_of=draft.as_of),
        "missing": [s for s in draft.sections if not s.narrative],
        "warned": [s for s in draft.sections if s.warnings],
    }
    return render(request, "reviews/packet/print.html", context)
