"""The People pages, for staff: everyone with their level, line, team and mentors; the CSV import
with its preview; the export. Anyone else gets 404, as for any page that is not theirs."""

import hashlib

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_required
from django.contrib.auth.forms import SetPasswordForm
from django.core.paginator import Paginator
from django.db.models import Prefetch, Q, QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from promo import access, audit, invitations, people, previews, sso
from promo.http import AuthenticatedHttpRequest
from promo.models import Invitation, Mentorship, Person, Team, display_name
from promo.params import parse_id, parse_int

PAGE_SIZE = 50
SEARCH_MAX = 100  # characters of a search
UPLOAD_MAX = 2 * 1024 * 1024  # bytes; people_files.TEXT_MAX characters at most
SIGNING_SALT = "promo.people-import"

NO_FILE = "Choose a CSV file, or paste its text."
TOO_BIG = "The file is {size:,} bytes; the limit is {limit:,}."
EXPIRED = "That preview is more than an hour old, or was not made here; upload the file again."
CHANGED = (
    "Promo changed since the preview (someone else edited people meanwhile), so this is the "
    "plan now: check it and apply again."
)


@login_required
@require_GET
@access.staff_only
def people_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    search = request.GET.get("q", "").strip()[:SEARCH_MAX]
    status, team = request.GET.get("status", ""), request.GET.get("team", "")
    found = _listed()
    row = parse_id(request.GET.get("row"))
    if request.htmx and row is not None:  # one row back, as it was (an inline edit cancelled)
        person = get_object_or_404(found, pk=row)
        return render(request, "promo/people/list.html#person-row", {"person": person})
    if search:
        found = found.filter(
            Q(user__first_name__icontains=search)
            | Q(user__last_name__icontains=search)
            | Q(user__email__icontains=search)
            | Q(user__username__icontains=search)
        )
    if status in ("active", "deactivated"):
        found = found.filter(user__is_active=status == "active")
    if team:
        found = found.filter(team__name=team)
    paginator = Paginator(found.order_by("user__first_name", "user__last_name", "pk"), PAGE_SIZE)
    page = paginator.get_page(parse_int(request.GET.get("page"), low=1, high=paginator.num_pages))
    query = request.GET.copy()
    query.pop("page", None)
    context = {
        "page": page,
        "page_query": query.urlencode(),
        "search": search,
        "status": status,
        "team": team,
        "teams": list(Team.objects.values_list("name", flat=True)),
        "uninvited": invitations.uninvited().count(),
        "invitation_days": invitations.INVITATION_DAYS,
    }
    return render(request, "promo/people/list.html", context)


def _listed() -> QuerySet[Person]:
    """People as the list shows them: a fixed number of queries for a page of any size."""
    return Person.objects.select_related(
        "user__invitation", "team", "current_level", "target_level", "manager__user"
    ).prefetch_related(
        Prefetch(
            "user__mentorships",
            queryset=Mentorship.objects.filter(state=Mentorship.State.ACTIVE).select_related(
                "mentor"
            ),
            to_attr="mentor_links",
        )
    )


FIELD_LABELS = {
    "first_name": "First name",
    "last_name": "Last name",
    "title": "Title",
    "team": "Team",
    "level": "Level",
    "target_level": "Aiming for",
    "manager_email": "Manager's e-mail",
    "mentor_emails": "Mentors' e-mails",
    "forge_username": "Forge username",
}
NOT_EDITABLE = "{name} has no e-mail address or is deactivated: change them in the admin."
NOTHING_CHANGED = "Nothing to change for {name}."


def _in_words(problem: str) -> str:
    """An import problem about the one line of an inline edit, without the line number and with
    the field's label for the column: "line 2, level: …" -> "Level: …"."""
    _, found, rest = problem.partition(", ") if problem.startswith("line ") else ("", "", "")
    column, colon, text = rest.partition(": ")
    if found and colon and column in FIELD_LABELS:
        return f"{FIELD_LABELS[column]}: {text}"
    return problem


@login_required
@require_http_methods(["GET", "POST"])
@access.staff_only
def person_edit(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    """Change one person in place: the import's checks and words, on one line (people.plan_edit)."""
    person = get_object_or_404(_listed(), pk=pk)
    name = display_name(person.user)
    if not person.user.email or not person.user.is_active:
        messages.error(request, NOT_EDITABLE.format(name=name))
        return redirect("people")
    values = people.current_row(person)
    problems: list[str] = []
    if request.method == "POST":
        # A field the form did not send keeps its value; an empty one means "none".
        values |= {k: request.POST[k] for k in people.EDITABLE if k in request.POST}
        plan = people.plan_edit(person, values)
        problems = [_in_words(problem) for problem in plan.errors]
        if not problems:
            people.apply(plan, by=request.user)
            details = [d for change in plan.changes for d in change.details]
            said = (
                f"Saved {name}: {'; '.join(details)}."
                if details
                else NOTHING_CHANGED.format(name=name)
            )
            if request.htmx:
                row = _listed().get(pk=pk)
                context = {"person": row, "said": said}
                return render(request, "promo/people/list.html#person-row", context)
            messages.success(request, said)
            return redirect("people")
    context = {
        "person": person,
        "values": values,
        "problems": problems,
        "labels": FIELD_LABELS,
        "levels": people.level_choices(),
        "teams": list(Team.objects.values_list("name", flat=True)),
    }
    if request.htmx:  # htmx swaps only 2xx answers in: the refused row comes back 200
        return render(request, "promo/people/edit.html#edit-row", context)
    return render(request, "promo/people/edit.html", context, status=400 if problems else 200)


@login_required
@require_POST
@access.staff_only
def person_invite(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    """Send a person's invitation, or send it again (the older link stops working)."""
    person = get_object_or_404(Person.objects.select_related("user"), pk=pk)
    try:
        invitations.invite(user=person.user, by=request.user)
    except invitations.InvitationError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, f"Invitation sent to {person.user.email}.")
    return redirect("people")


@login_required
@require_POST
@access.staff_only
def people_invite_all(request: AuthenticatedHttpRequest) -> HttpResponse:
    """Invite everyone who has no password and no pending invitation."""
    waiting = list(invitations.uninvited().select_related("user"))
    for person in waiting:
        invitations.invite(user=person.user, by=request.user)
    messages.success(request, f"Invitations sent: {len(waiting)}.")
    return redirect("people")


@login_required
@require_POST
@access.staff_only
def invitation_revoke(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    invitation = get_object_or_404(Invitation.objects.select_related("user"), pk=pk)
    invitations.revoke(invitation=invitation, by=request.user)
    messages.success(request, f"The invitation of {display_name(invitation.user)} no longer works.")
    return redirect("people")


@require_http_methods(["GET", "POST"])
def invitation_accept(request: HttpRequest, token: str) -> HttpResponse:
    """The link in an invitation: choose a password (or sign in with single sign-on, which
    uses the invitation up too), and you are signed in."""
    try:
        invitation = invitations.invitation_for(token)
    except invitations.InvitationError as exc:
        return render(request, "promo/people/invitation.html", {"problem": str(exc)}, status=410)
    user = invitation.user
    if not settings.PASSWORD_SIGN_IN:  # single sign-on only: the page offers its button alone
        return render(
            request,
            "promo/people/invitation.html",
            {"invited": user, "inviter": invitation.invited_by},
        )
    form = SetPasswordForm(user, request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            user = invitations.accept(
                invitation=invitation, password=form.cleaned_data["new_password1"]
            )
        except invitations.InvitationError as exc:
            return render(
                request, "promo/people/invitation.html", {"problem": str(exc)}, status=410
            )
        login(request, user, backend=sso.BACKEND)
        messages.success(request, f"Welcome to Promo, {user.first_name or user.get_username()}.")
        return redirect("home")
    context = {"form": form, "invited": user, "inviter": invitation.invited_by}
    return render(
        request, "promo/people/invitation.html", context, status=400 if form.errors else 200
    )


@login_required
@require_GET
@access.staff_only
def people_export(request: AuthenticatedHttpRequest) -> HttpResponse:
    text = people.export()
    audit.record(audit.EXPORT, actor=request.user, detail="people CSV")
    response = HttpResponse(text, content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="promo-people.csv"'
    return response


def _digest(plan: people.Plan) -> str:
    return hashlib.sha256("\n".join(people.describe(plan)).encode()).hexdigest()


def _preview(
    request: AuthenticatedHttpRequest, text: str, sync: bool, *, note: str = ""
) -> HttpResponse:
    try:
        plan = people.plan(text, sync=sync)
    except people.PeopleFileError as exc:
        return render(
            request, "promo/people/import.html", {"problem": str(exc), "sync": sync}, status=400
        )
    token = previews.sign({"text": text, "sync": sync, "plan": _digest(plan)}, salt=SIGNING_SALT)
    context = {
        "plan": plan,
        "lines": people.describe(plan),
        "token": token if plan.ok else "",
        "sync": sync,
        "note": note,
    }
    return render(request, "promo/people/import.html", context, status=200 if plan.ok else 400)


@login_required
@require_http_methods(["GET", "POST"])
@access.staff_only
def people_import(request: AuthenticatedHttpRequest) -> HttpResponse:
    if request.method == "GET":
        return render(request, "promo/people/import.html", {"sync": False})
    sync = request.POST.get("sync") == "on"
    upload = request.FILES.get("file")
    if upload is not None:
        if upload.size and upload.size > UPLOAD_MAX:
            problem = TOO_BIG.format(size=upload.size, limit=UPLOAD_MAX)
            return render(
                request, "promo/people/import.html", {"problem": problem, "sync": sync}, status=400
            )
        try:
            text = upload.read().decode("utf-8")
        except UnicodeDecodeError:
            return render(
                request,
                "promo/people/import.html",
                {"problem": people.NOT_UTF8, "sync": sync},
                status=400,
            )
    else:
        text = request.POST.get("text", "")
    if not text.strip():
        return render(
            request, "promo/people/import.html", {"problem": NO_FILE, "sync": sync}, status=400
        )
    return _preview(request, text, sync)


@login_required
@require_POST
@access.staff_only
def people_import_apply(request: AuthenticatedHttpRequest) -> HttpResponse:
    try:
        signed = previews.unsign(request.POST.get("token", ""), salt=SIGNING_SALT)
    except previews.BadPreview:
        return render(
            request, "promo/people/import.html", {"problem": EXPIRED, "sync": False}, status=400
        )
    text, sync = str(signed["text"]), bool(signed["sync"])
    plan = people.plan(text, sync=sync)
    if not plan.ok or _digest(plan) != signed["plan"]:
        return _preview(request, text, sync, note=CHANGED)
    people.apply(plan, by=request.user)
    messages.success(request, people.describe(plan)[0].replace("in the file:", "imported:"))
    return redirect("people")
