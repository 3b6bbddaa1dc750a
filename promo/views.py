from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from promo import access, needs, notifications, panels, selectors, services, sharing, tokens
from promo.forms import NO_SUCH_PERSON, InviteForm, PreferencesForm, TokenForm
from promo.http import AuthenticatedHttpRequest
from promo.models import Mentorship, Notification, Person, display_name
from promo.params import parse_id

CHOOSE_SHARING = "Choose who should see your work: one of the three."


@login_required
@require_GET
def home(request: AuthenticatedHttpRequest) -> HttpResponse:
    person = selectors.person_of(request.user)
    target = person.target_level if person else None
    my_mentors = list(selectors.mentorships_as_engineer(request.user))
    return render(
        request,
        "promo/home.html",
        {
            "person": person,
            "target_behaviours": selectors.behaviours_of(target),
            "my_mentors": my_mentors,
            "my_mentees": selectors.mentorships_as_mentor(request.user),
            "needs": needs.of(request),
            "panels": panels.render("home", request),
            "sharing_choices": (
                sharing.choices(person, my_mentors)
                if person is not None and sharing.should_ask(person)
                else []
            ),
        },
    )


@login_required
@require_POST
def sharing_choose(request: AuthenticatedHttpRequest) -> HttpResponse:
    """The answer to "who should see your work?" on the home page."""
    person = selectors.person_of(request.user)
    if person is None:
        raise Http404
    visibility = request.POST.get("visibility", "")
    found = [
        c
        for c in sharing.choices(person, list(selectors.mentorships_as_engineer(request.user)))
        if c.value == visibility
    ]
    if not found:
        messages.error(request, CHOOSE_SHARING)
        return redirect("home")
    sharing.choose(user=request.user, visibility=visibility)
    messages.success(request, sharing.saved_message(found[0]))
    return redirect("home")


@login_required
@require_GET
def ladder(request: AuthenticatedHttpRequest) -> HttpResponse:
    person = selectors.person_of(request.user)
    return render(
        request,
        "promo/ladder.html",
        {
            "ladders": selectors.ladders_with_levels(),
            "current_level_id": person.current_level_id if person else None,
            "target_level_id": person.target_level_id if person else None,
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def preferences(request: AuthenticatedHttpRequest) -> HttpResponse:
    posted = request.method == "POST"
    form = PreferencesForm(request.POST if posted else None, instance=_person(request))
    if posted and form.is_valid():
        form.save()
        messages.success(request, "Preferences saved.")
        return redirect("preferences")
    return _preferences_page(request, form=form, status=400 if posted else 200)


def _person(request: AuthenticatedHttpRequest) -> Person:
    # Reading the page creates nothing; the first save creates the profile.
    return Person.objects.filter(user=request.user).first() or Person(user=request.user)


def _preferences_page(
    request: AuthenticatedHttpRequest,
    *,
    form: PreferencesForm | None = None,
    token_form: TokenForm | None = None,
    made: tokens.Made | None = None,
    status: int = 200,
) -> HttpResponse:
    context = {
        "form": form or PreferencesForm(instance=_person(request)),
        "token_form": token_form or TokenForm(),
        "tokens": tokens.listed(request.user),
        "made": made,
        "now": timezone.now(),
        "site_url": request.build_absolute_uri("/").rstrip("/"),
    }
    return render(request, "promo/preferences.html", context, status=status)


@login_required
@require_POST
def token_create(request: AuthenticatedHttpRequest) -> HttpResponse:
    """Make a token and show it on the page that answers, this once: it is not kept anywhere
    it could be shown again (not in the session, not in a message)."""
    form = TokenForm(request.POST)
    if form.is_valid():
        try:
            made = tokens.token_create(
                user=request.user,
                name=form.cleaned_data["name"],
                scope=form.cleaned_data["scope"],
                days=form.cleaned_data["days"],
                now=timezone.now(),
            )
        except tokens.TooManyTokens as refused:
            form.add_error(None, str(refused))
        else:
            return _preferences_page(request, made=made)
    return _preferences_page(request, token_form=form, status=400)


@login_required
@require_http_methods(["GET", "POST"])
def token_revoke(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    """Asks first, saying what stops working; revoking cannot be undone."""
    token = tokens.own_token_or_404(request.user, pk)
    if token.revoked_at is not None:
        return redirect(reverse("preferences") + "#tokens")
    if request.method == "POST":
        tokens.token_revoke(token=token, by=request.user, now=timezone.now())
        messages.success(request, f"Revoked “{token.name}”: it no longer works.")
        return redirect(reverse("preferences") + "#tokens")
    return render(request, "promo/token_revoke.html", {"token": token})


def _mentoring_page(
    request: AuthenticatedHttpRequest, form: InviteForm, status: int = 200
) -> HttpResponse:
    context = {
        "form": form,
        "my_mentors": selectors.mentorships_as_engineer(request.user),
        "my_mentees": selectors.mentorships_as_mentor(request.user),
        "reports": selectors.mentors_of_reports(request.user),
        "just_ended": _just_ended(request),
        "undo_minutes": services.UNDO_MINUTES,
    }
    return render(request, "promo/mentoring.html", context, status=status)


def _just_ended(request: AuthenticatedHttpRequest) -> Mentorship | None:
    """The mentorship named by ?ended=, if this person ended it and may still undo it."""
    pk = parse_id(request.GET.get("ended"))
    if pk is None:
        return None
    found = Mentorship.objects.select_related("mentor", "engineer").filter(pk=pk).first()
    return found if found and services.can_undo_end(found, by=request.user) else None


@login_required
@require_GET
def mentoring(request: AuthenticatedHttpRequest) -> HttpResponse:
    return _mentoring_page(request, InviteForm())


@login_required
@require_POST
def mentoring_invite(request: AuthenticatedHttpRequest) -> HttpResponse:
    form = InviteForm(request.POST)
    if form.is_valid():
        mentor = selectors.user_by_handle(form.cleaned_data["handle"])
        if mentor is None:
            form.add_error("handle", NO_SUCH_PERSON)
        else:
            try:
                services.mentorship_invite(engineer=request.user, mentor=mentor)
            except services.MentorshipError as exc:
                form.add_error("handle", str(exc))
            else:
                name = display_name(mentor)
                messages.success(request, f"Asked {name} to mentor you.")
                return redirect("mentoring")
    return _mentoring_page(request, form, status=400)


def _mentorship_change(request: AuthenticatedHttpRequest, pk: int, action: str) -> HttpResponse:
    as_mentor = action in ("accept", "decline")
    mentorship = access.mentorship_for_party(request.user, pk, as_mentor_only=as_mentor)
    try:
        if action == "accept":
            services.mentorship_accept(mentorship=mentorship)
            messages.success(request, f"You now mentor {mentorship.engineer.get_full_name()}.")
        elif action == "decline":
            services.mentorship_decline(mentorship=mentorship)
            messages.success(request, "Declined.")
        else:
            services.mentorship_end(mentorship=mentorship, by=request.user)
            return redirect(f"{reverse('mentoring')}?ended={mentorship.pk}")
    except services.MentorshipError as exc:
        messages.error(request, str(exc))
    return redirect("mentoring")


@login_required
@require_POST
def mentorship_accept(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    return _mentorship_change(request, pk, "accept")


@login_required
@require_POST
def mentorship_decline(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    return _mentorship_change(request, pk, "decline")


@login_required
@require_http_methods(["GET", "POST"])
def mentorship_end(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    """Asks first, saying what changes for both; ending it then offers an undo for a while."""
    if request.method == "POST":
        return _mentorship_change(request, pk, "end")
    mentorship = access.mentorship_for_party(request.user, pk, as_mentor_only=False)
    as_mentor = mentorship.mentor_id == request.user.pk
    live = mentorship.state == Mentorship.State.ACTIVE or (
        mentorship.state == Mentorship.State.INVITED and not as_mentor  # a mentor declines
    )
    if not live:
        return redirect("mentoring")
    context = {
        "mentorship": mentorship,
        "as_mentor": as_mentor,
        "undo_minutes": services.UNDO_MINUTES,
    }
    return render(request, "promo/mentorship_end.html", context)


@login_required
@require_POST
def mentorship_undo(request: AuthenticatedHttpRequest, pk: int) -> HttpResponse:
    mentorship = access.mentorship_for_party(request.user, pk, as_mentor_only=False)
    try:
        services.mentorship_undo_end(mentorship=mentorship, by=request.user)
    except services.MentorshipError as exc:
        messages.error(request, str(exc))
    else:
        messages.success(request, "Undone: the mentorship goes on as before.")
    return redirect("mentoring")


@login_required
@require_GET
def notification_list(request: AuthenticatedHttpRequest) -> HttpResponse:
    items = Notification.objects.filter(recipient=request.user).select_related("actor")[:100]
    return render(request, "promo/notifications.html", {"notifications": items})


@login_required
@require_POST
def notifications_read(request: AuthenticatedHttpRequest) -> HttpResponse:
    notifications.mark_all_read(user=request.user)
    return redirect("notifications")


def locked_out(
    request: HttpRequest,
    original_response: HttpResponse | None = None,
    credentials: dict[str, object] | None = None,
) -> HttpResponse:
    """The page django-axes shows a locked-out sign-in: 429, with how long the pause lasts."""
    minutes = max(1, int(settings.AXES_COOLOFF_TIME.total_seconds() // 60))
    context = {"minutes": minutes, "limit": settings.AXES_FAILURE_LIMIT}
    return render(request, "registration/locked_out.html", context, status=429)
