from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from promo import selectors


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
