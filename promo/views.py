from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET, require_http_methods

from promo import selectors
from promo.models import Person


@login_required
@require_GET
def home(request: HttpRequest) -> HttpResponse:
    person = selectors.person_of(request.user)
    target = person.target_level if person else None
    return render(
        request,
        "promo/home.html",
        {
            "person": person,
            "target_behaviours": selectors.behaviours_of(target),
            "my_mentors": selectors.mentorships_as_engineer(request.user),
            "my_mentees": selectors.mentorships_as_mentor(request.user),
            "reports": selectors.reports_of(request.user),
        },
    )


@login_required
@require_GET
def ladder(request: HttpRequest) -> HttpResponse:
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


class PreferencesForm(forms.ModelForm):
    class Meta:
        model = Person
        fields = ["default_visibility"]
        labels = {"default_visibility": "Share new entries with"}
        widgets = {"default_visibility": forms.RadioSelect}


@login_required
@require_http_methods(["GET", "POST"])
def preferences(request: HttpRequest) -> HttpResponse:
    person, _ = Person.objects.get_or_create(user=request.user)
    form = PreferencesForm(request.POST or None, instance=person)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, "Preferences saved.")
        return redirect("preferences")
    return render(request, "promo/preferences.html", {"form": form})
