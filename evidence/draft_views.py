"""The forge webhook, and the evidence inbox's actions on This week (see evidence.drafts)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from evidence import drafts, forges, tasks
from evidence.forms import DraftLogForm
from evidence.models import Draft, ForgeHook
from promo import throttle
from promo.http import AuthenticatedHttpRequest

ACCEPTED = "Accepted: the merged pull request becomes a draft for its author."
# Refusals audited per hook and hour: a flood of forged deliveries cannot flood the audit trail.
REFUSALS_AUDITED_PER_HOUR = 100


def _bounded_body(request: HttpRequest) -> bytes | None:
    """The raw body, or None when it is over forges.BODY_MAX (read no further than that)."""
    length = request.META.get("CONTENT_LENGTH") or ""
    if length.isdigit() and (len(length) > 9 or int(length) > forges.BODY_MAX):
        return None
    body = request.read(forges.BODY_MAX + 1)
    return None if len(body) > forges.BODY_MAX else body


@csrf_exempt
@require_POST
def forge_hook(request: HttpRequest, key: str) -> HttpResponse:
    """Where a forge posts pull request events. No session: the key names the hook and the
    signature (or GitLab's token) proves the forge; see evidence.forges."""
    hook = ForgeHook.objects.filter(key=key, active=True).first()
    if hook is None:
        return JsonResponse({"detail": forges.NOT_FOUND}, status=404)
    body = _bounded_body(request)
    if body is None:
        return JsonResponse({"detail": forges.TOO_BIG}, status=413)
    if not forges.verify(hook, request.headers, body):
        if throttle.hit(f"hook-refused:{hook.pk}", window_seconds=3600) <= (
            REFUSALS_AUDITED_PER_HOUR
        ):
            forges.audit_refusal(hook, reason="bad or missing signature")
        return JsonResponse({"detail": forges.BAD_SIGNATURE}, status=401)
    forges.delivered(hook)
    try:
        found = forges.read(hook, request.headers, body)
    except forges.Unreadable as error:
        return JsonResponse({"detail": str(error)}, status=400)
    if isinstance(found, forges.Ignored):
        return JsonResponse({"detail": found.note}, status=200)
    tasks.draft_from_delivery.enqueue(hook_id=hook.pk, **found.as_kwargs())
    return JsonResponse({"detail": ACCEPTED}, status=202)


def _inbox_url() -> str:
    return reverse("evidence:week") + "#inbox"


@login_required
@require_POST
def draft_log(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    """Log a draft as it is, with the behaviours left ticked, shared as the person's default."""
    draft = drafts.own_draft_or_404(request.user, pk)
    form = DraftLogForm(request.POST)
    if not form.is_valid():
        messages.error(request, form.error_sentence())
        return redirect(_inbox_url())
    data = drafts.entry_data_for(draft, behaviours=tuple(form.cleaned_data["behaviours"]))
    entry = drafts.log_draft(draft=draft, by=request.user, data=data)
    said = f"Logged “{entry.title}” in the week of {entry.week_start:%-d %B}."
    if request.htmx:
        context = {"done": draft, "said": said, "entry": entry}
        return render(request, "evidence/week.html#draft-done", context)
    messages.success(request, said)
    return redirect(_inbox_url())


@login_required
@require_POST
def draft_dismiss(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    draft = drafts.own_draft_or_404(request.user, pk)
    drafts.dismiss_draft(draft=draft, by=request.user)
    if request.htmx:
        context = {"done": draft, "said": f"Dismissed “{draft.title}”.", "undo": True}
        return render(request, "evidence/week.html#draft-done", context)
    return redirect(f"{reverse('evidence:week')}?dismissed={draft.pk}#inbox")


@login_required
@require_POST
def draft_restore(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    """Undo a dismissal: the draft waits in the inbox again."""
    draft: Draft = drafts.restore_draft(draft_pk=pk, by=request.user)
    if request.htmx:
        suggested = drafts.suggested_for(request.user, [draft]).get(draft.pk, [])
        item = drafts.InboxDraft(draft, tuple(suggested))
        return render(request, "evidence/week.html#draft", {"item": item})
    messages.success(request, f"“{draft.title}” is back in your inbox.")
    return redirect(_inbox_url())
