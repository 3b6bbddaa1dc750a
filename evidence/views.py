from datetime import timedelta

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from django_htmx.http import HttpResponseClientRedirect

from evidence import drafts, portable, selectors, services, suggestions
from evidence.forms import (
    BODY_TOO_LONG,
    EditEntryForm,
    ImpactForm,
    SearchForm,
    links_text,
)
from evidence.models import BODY_MAX, Draft, Entry, Kind, week_start
from evidence.quick_add import (
    LAST_SHARING,
    form_context,
    logged_message,
    new_entry_form,
)
from evidence.quick_add import context_for as quick_add_context
from evidence.quick_add import place as quick_add_place
from promo import access, audit, panels
from promo.http import AuthenticatedHttpRequest
from promo.markdown import render_markdown
from promo.models import Person, Visibility
from promo.params import parse_day, parse_id

WEEKS_PER_PAGE = 6
SEARCH_LIMIT = 100
IMPORT_MAX_BYTES = 1_000_000
CONFLICT = (
    "Someone saved this entry after you opened it. Your text is below, unchanged; the saved "
    "version is beside it. Merge what you need, then save again."
)
IMPORT_TOO_BIG = "The file is over 1 MB; split it and import the parts."
IMPORT_EMPTY = "Paste a brag document or a Promo JSON export, or choose a file."
IMPORT_NOT_TEXT = "The file is not UTF-8 text."
IMPORT_NUL = "Null characters are not allowed. Remove them from the document and try again."


def _mine(request: AuthenticatedHttpRequest) -> QuerySet[Entry]:
    return selectors.own_entries(request.user)


def _just_trashed(request: AuthenticatedHttpRequest) -> Entry | None:
    """The entry named by ?deleted=, if it is the user's and in the trash: offer an Undo."""
    deleted = parse_id(request.GET.get("deleted"))
    if deleted is None:
        return None
    return selectors.trash_of(request.user).filter(pk=deleted).first()


@login_required
@require_GET
def week(request: AuthenticatedHttpRequest) -> HttpResponse:
    today = timezone.localdate()
    this_week = week_start(today)
    before = parse_day(request.GET.get("before")) or this_week
    mine = selectors.as_cards(_mine(request))
    if request.htmx and request.GET.get("before"):
        weeks, older = selectors.weeks_of(mine, before=before, count=WEEKS_PER_PAGE)
        return render(request, "evidence/week.html#timeline", {"weeks": weeks, "older": older})
    current, weeks, older = selectors.this_and_earlier_weeks(
        mine, this_week=this_week, count=WEEKS_PER_PAGE
    )
    if before != this_week:  # the timeline from another week, without JavaScript
        weeks, older = selectors.weeks_of(mine, before=before, count=WEEKS_PER_PAGE)
    writer = selectors.writer(request.user)
    context: dict[str, object] = {"weeks": weeks, "older": older}
    context |= quick_add_context(request, writer, "week", new_entry_form(request, writer))
    context |= {
        "this_week": this_week,
        "this_week_entries": current,
        "counts": selectors.behaviour_counts(mine),
        "impact_due": selectors.impact_due(request.user, today=today).count(),
        "undo": _just_trashed(request),
        "inbox": drafts.inbox(request.user),
        "dismissed": drafts.just_dismissed(request.user, parse_id(request.GET.get("dismissed"))),
    }
    return render(request, "evidence/week.html", context)


def _quick_add_logged(
    request: AuthenticatedHttpRequest, entry: Entry, writer: Person | None, where: str
) -> HttpResponse:
    """The htmx answer to a quick add: a fresh form with what was logged said beside its
    button; on *This week* also the new card and the counts, on home the new card."""
    context = quick_add_context(request, writer, where, new_entry_form(request, writer))
    context |= {
        "logged": entry,  # as saved, its behaviours and links read once by the service
        "logged_message": logged_message(entry),
        "oob": True,
    }
    if where == "week":
        context["counts"] = selectors.behaviour_counts(_mine(request))
    return render(request, "evidence/includes/quick_add.html#answer", context)


@login_required
@require_GET
def quick_add_form(request: AuthenticatedHttpRequest) -> HttpResponse:
    """The quick-add form alone, for the dialog the `c` shortcut opens on any page. Opened as
    a page (no JavaScript), it is the form on *This week*."""
    if not request.htmx:
        return redirect(reverse("evidence:week") + "#quick-add")
    writer = selectors.writer(request.user)
    context = quick_add_context(request, writer, "dialog", new_entry_form(request, writer))
    return render(request, "evidence/includes/quick_add.html", context)


def _draft_of(request: AuthenticatedHttpRequest) -> Draft | None:
    """The draft a new entry starts from (?draft=, then the form's hidden field): the user's
    own waiting draft, else 404."""
    raw = request.POST.get("draft") if request.method == "POST" else request.GET.get("draft")
    if not raw:
        return None
    pk = parse_id(raw)
    if pk is None:
        raise Http404("No such draft.")
    return drafts.own_draft_or_404(request.user, pk)


@login_required
@require_http_methods(["GET", "POST"])
def entry_create(request: AuthenticatedHttpRequest) -> HttpResponse:
    quick = request.POST.get("quick") == "1"
    where = quick_add_place(request.POST.get("where"))
    previewing = "preview" in request.POST
    writer = selectors.writer(request.user)
    form = new_entry_form(request, writer, request.POST if request.method == "POST" else None)
    draft = _draft_of(request)
    if draft is not None and request.method == "GET":
        form.initial.update(drafts.initial_for(draft, writer))
    if request.method == "POST" and not previewing and form.is_valid():
        if draft is not None:  # "Edit first" from the inbox: logging it settles the draft
            entry = drafts.log_draft(draft=draft, by=request.user, data=form.entry_data())
        else:
            entry = services.entry_log(author=request.user, data=form.entry_data())
        if request.session.get(LAST_SHARING) != entry.visibility:  # no session write otherwise
            request.session[LAST_SHARING] = entry.visibility
        if request.htmx and quick:
            return _quick_add_logged(request, entry, writer, where)
        messages.success(request, logged_message(entry))
        if quick:
            return redirect("home" if where == "home" else "evidence:week")
        return redirect(entry.get_absolute_url())
    if request.htmx and quick:  # htmx swaps only 2xx answers in: the refused form comes back 200
        context = quick_add_context(request, writer, where, form)
        return render(request, "evidence/includes/quick_add.html#answer", context)
    context = form_context(form, writer, suggest=True) | {"draft": draft}
    if previewing:
        context |= _preview(request)
    refused = request.method == "POST" and (not previewing or "preview_error" in context)
    return render(request, "evidence/entry_form.html", context, status=400 if refused else 200)


@login_required
@require_GET
def suggest_behaviours(request: AuthenticatedHttpRequest) -> HttpResponse:
    """Chips for the behaviours the title and details being typed sound like: the signed-in
    person's own suggestions (their level, their past tagging), for the picker to tick. The
    chips need JavaScript to tick anything, so opened as a page it is the new-entry form."""
    if not request.htmx:
        return redirect("evidence:create")
    text = f"{request.GET.get('title', '')}\n{request.GET.get('body', '')}"
    suggested = suggestions.suggest(request.user, text)
    return render(
        request, "evidence/includes/behaviour_picker.html#suggestions", {"suggested": suggested}
    )


def _preview(request: HttpRequest) -> dict[str, str]:
    """What the preview shows: the details rendered, or why they cannot be. The length limit
    is the form's, so a preview never renders more than could be saved."""
    body = request.POST.get("body", "")
    if len(body) > BODY_MAX:
        return {"preview_error": BODY_TOO_LONG.format(n=len(body), limit=BODY_MAX)}
    return {"preview": render_markdown(body, top=2)}


@login_required
@require_POST
def entry_preview(request: AuthenticatedHttpRequest) -> HttpResponse:
    return render(request, "evidence/entry_form.html#preview", _preview(request))


@login_required
@require_GET
def entry_detail(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    entry = selectors.entry_for_viewer(request.user, pk)
    is_owner = entry.author_id == request.user.pk
    return render(
        request,
        "evidence/entry_detail.html",
        {
            "entry": entry,
            "is_owner": is_owner,
            "history": selectors.history_of(entry) if is_owner else [],
            "panels": panels.render("entry", request, entry),
        },
    )


def _initial(entry: Entry) -> dict[str, object]:
    return {
        "title": entry.title,
        "kind": entry.kind,
        "week_of": entry.week_start,
        "body": entry.body,
        "behaviours": list(entry.behaviours.all()),
        "impact": entry.impact,
        "shipped_on": entry.shipped_on,
        "impact_measured": entry.impact_measured,
        "links": links_text(entry.links.all()),
        "visibility": entry.visibility,
        "version": entry.version,
    }


@login_required
@require_http_methods(["GET", "POST"])
def entry_edit(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    entry = selectors.own_entry_or_404(request.user, pk)
    writer = selectors.writer(request.user)
    if request.method == "GET":
        form = EditEntryForm(initial=_initial(entry))
        return render(
            request, "evidence/entry_form.html", {**form_context(form, writer), "entry": entry}
        )
    form = EditEntryForm(request.POST)
    context = {**form_context(form, writer), "entry": entry}
    if "preview" in request.POST or not form.is_valid():
        if "preview" in request.POST:
            context |= _preview(request)
            status = 400 if "preview_error" in context else 200
            return render(request, "evidence/entry_form.html", context, status=status)
        return render(request, "evidence/entry_form.html", context, status=400)
    try:
        services.entry_update(
            entry=entry,
            editor=request.user,
            expected_version=form.cleaned_data["version"],
            data=form.entry_data(),
        )
    except services.EditConflict as conflict:
        current = selectors.own_entry_or_404(request.user, pk)
        data = request.POST.copy()
        data["version"] = str(conflict.current.version)
        context.update(
            form=EditEntryForm(data), conflict=current, conflict_message=CONFLICT, entry=current
        )
        return render(request, "evidence/entry_form.html", context, status=409)
    messages.success(request, "Saved.")
    return redirect(entry.get_absolute_url())


@login_required
@require_POST
def entry_delete(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    entry = selectors.own_entry_or_404(request.user, pk)
    services.entry_trash(entry=entry)
    url = f"{reverse('evidence:week')}?deleted={entry.pk}"
    return HttpResponseClientRedirect(url) if request.htmx else redirect(url)


@login_required
@require_POST
def entry_share(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    """The one-click share of a private entry: with mentors, so a mentor can confirm it."""
    entry = services.entry_share(
        entry=selectors.own_entry_or_404(request.user, pk), by=request.user
    )
    if request.htmx:  # the card (or the entry page's notice) swaps in, now shared
        return render(
            request, "evidence/includes/entry_card.html", {"entry": entry, "shared": True}
        )
    messages.success(request, f"“{entry.title}” is shared with your mentors.")
    return redirect(entry.get_absolute_url())


@login_required
@require_POST
def entry_restore(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    entry = selectors.own_entry_or_404(request.user, pk, trashed=True)
    services.entry_restore(entry=entry)
    messages.success(request, f"Restored “{entry.title}”.")
    return redirect(entry.get_absolute_url())


@login_required
@require_GET
def trash(request: AuthenticatedHttpRequest) -> HttpResponse:
    return render(request, "evidence/trash.html", {"entries": selectors.trash_of(request.user)})


@login_required
@require_GET
def impact_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    today = timezone.localdate()
    return render(
        request,
        "evidence/impact.html",
        {
            "entries": selectors.impact_due(request.user, today=today),
            "weeks": selectors.IMPACT_FOLLOW_UP_WEEKS,
            "form": ImpactForm(),
        },
    )


@login_required
@require_POST
def impact_record(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    entry = selectors.own_entry_or_404(request.user, pk)
    form = ImpactForm(request.POST)
    if form.is_valid():
        services.entry_record_impact(
            entry=entry, editor=request.user, text=form.cleaned_data["impact_measured"]
        )
        if request.htmx:
            return render(request, "evidence/impact.html#recorded", {"entry": entry})
        messages.success(request, f"Recorded the impact of “{entry.title}”.")
        return redirect("evidence:impact")
    context = {"entry": entry, "form": form}
    if request.htmx:
        return render(request, "evidence/impact.html#row", context)
    context |= {"entries": [entry], "weeks": selectors.IMPACT_FOLLOW_UP_WEEKS}
    return render(request, "evidence/impact.html", context, status=400)


@login_required
@require_GET
def search(request: AuthenticatedHttpRequest) -> HttpResponse:
    people = selectors.visible_authors(request.user)
    form = SearchForm(request.GET or None, people=people)
    results, total = [], 0
    if form.is_bound and form.is_valid():
        data = form.cleaned_data
        author = None
        if data["person"]:
            author = get_user_model().objects.filter(username=data["person"]).first()
        found = selectors.search(
            request.user,
            selectors.Filters(
                text=data["q"],
                behaviour=data["behaviour"],
                kind=data["kind"],
                author=author,
                start=data["start"],
                end=data["end"],
                visibility=data["visibility"],
            ),
        )
        total = found.count()
        results = list(selectors.as_cards(found)[:SEARCH_LIMIT])
    context = {"form": form, "results": results, "total": total, "limit": SEARCH_LIMIT}
    template = "evidence/search.html#results" if request.htmx else "evidence/search.html"
    return render(request, template, context)


@login_required
@require_GET
def person_entries(request: AuthenticatedHttpRequest, username: str) -> HttpResponse:
    engineer = get_object_or_404(get_user_model(), username=username, is_active=True)
    relation = access.relation_or_404(request.user, engineer)
    entries = selectors.as_cards(selectors.entries_visible_to(request.user).filter(author=engineer))
    before = parse_day(request.GET.get("before")) or week_start(timezone.localdate()) + timedelta(7)
    weeks, older = selectors.weeks_of(entries, before=before, count=WEEKS_PER_PAGE)
    context: dict[str, object] = {
        "weeks": weeks,
        "older": older,
        "engineer": engineer,
        "relation": relation,
    }
    if request.htmx and request.GET.get("before"):
        return render(request, "evidence/person.html#timeline", context)
    context["counts"] = selectors.behaviour_counts(entries)
    context["person"] = person = getattr(engineer, "person", None)
    context["target_level_id"] = person.target_level_id if person else None
    return render(request, "evidence/person.html", context)


def _read_import(request: HttpRequest) -> tuple[str, str | None]:
    upload = request.FILES.get("file")
    if upload is not None:
        if (upload.size or 0) > IMPORT_MAX_BYTES:
            return "", IMPORT_TOO_BIG
        try:
            text = upload.read().decode("utf-8-sig")
        except UnicodeDecodeError:
            return "", IMPORT_NOT_TEXT
        return ("", IMPORT_NUL) if "\x00" in text else (text, None)
    text = request.POST.get("text", "")
    if len(text.encode("utf-8")) > IMPORT_MAX_BYTES:
        return "", IMPORT_TOO_BIG
    if "\x00" in text:  # forms refuse NUL; this text bypasses them, and PostgreSQL would too
        return "", IMPORT_NUL
    return text, None if text.strip() else IMPORT_EMPTY


@login_required
@require_http_methods(["GET", "POST"])
def import_entries(request: AuthenticatedHttpRequest) -> HttpResponse:
    default = services.default_visibility(request.user)
    choices = Visibility.choices
    if request.method == "GET":
        return render(
            request, "evidence/import.html", {"visibility": default, "visibility_choices": choices}
        )
    text, error = _read_import(request)
    visibility = request.POST.get("visibility") or default
    if visibility not in access.OWNER_SEES:
        visibility = default
    context: dict[str, object] = {
        "text": text,
        "visibility": visibility,
        "error": error,
        "visibility_choices": choices,
    }
    if error:
        return render(request, "evidence/import.html", context, status=400)
    today = timezone.localdate()
    if text.lstrip().startswith("{"):
        plan = portable.plan_json(text, today=today)
    else:
        plan = portable.plan_brag_doc(text, author=request.user, today=today, visibility=visibility)
    # The preview names kinds and sharing as the rest of Promo does, never by stored value.
    context |= {"plan": plan, "kinds": dict(Kind.choices), "sharings": dict(choices)}
    if request.POST.get("action") != "confirm" or not plan.ok:
        return render(request, "evidence/import.html", context, status=200 if plan.ok else 400)
    created = services.entries_import(author=request.user, items=plan.items)
    messages.success(request, f"Imported {len(created)} entries.")
    return redirect("evidence:week")


def _export(
    request: AuthenticatedHttpRequest, content: str, ext: str, content_type: str
) -> HttpResponse:
    audit.record(audit.EXPORT, actor=request.user, detail=f"own entries as {ext}")
    response = HttpResponse(content, content_type=content_type)
    stamp = timezone.localdate().isoformat()
    name = f"promo-{request.user.get_username()}-{stamp}.{ext}"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


def _my_entries(request: AuthenticatedHttpRequest) -> list[Entry]:
    return list(_mine(request).order_by("-week_start", "-created_at", "-pk"))


@login_required
@require_GET
def export_markdown(request: AuthenticatedHttpRequest) -> HttpResponse:
    text = portable.export_markdown(request.user, _my_entries(request), now=timezone.now())
    return _export(request, text, "md", "text/markdown; charset=utf-8")


@login_required
@require_GET
def leaver_export(request: AuthenticatedHttpRequest, username: str) -> HttpResponse:
    """Offboarding: staff download a deactivated person's own export (every entry, private ones
    included, as the person would get it) to hand to them. Only for a deactivated account,
    never a colleague still at work; recorded in the audit trail."""
    leaver = get_object_or_404(get_user_model(), username=username, is_active=False)
    if not request.user.is_staff:
        raise Http404("No such page.")
    entries = list(selectors.own_entries(leaver).order_by("-week_start", "-created_at", "-pk"))
    text = portable.export_json(leaver, entries, now=timezone.now())
    audit.record(
        audit.EXPORT,
        actor=request.user,
        target=leaver,
        detail="a leaver's entries, on their behalf",
    )
    response = HttpResponse(text, content_type="application/json")
    stamp = timezone.localdate().isoformat()
    name = f"promo-{leaver.get_username()}-{stamp}.json"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@login_required
@require_GET
def export_json(request: AuthenticatedHttpRequest) -> HttpResponse:
    text = portable.export_json(request.user, _my_entries(request), now=timezone.now())
    return _export(request, text, "json", "application/json")
