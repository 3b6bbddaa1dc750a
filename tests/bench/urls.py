"""The benchmark's URLs: Promo's own, and one trivial view to measure Django's floor against."""

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import include, path

TRIVIAL_URL = "/bench/trivial/"
LAYOUT_URL = "/bench/layout/"


def trivial(request: HttpRequest) -> HttpResponse:
    """No session, no user, no template: what any Django request costs through the middleware."""
    return HttpResponse("ok")


@login_required
def layout(request: HttpRequest) -> HttpResponse:
    """The signed-in layout with nothing in it: session, user, navigation, base template."""
    return render(request, "base.html")


urlpatterns = [
    path(TRIVIAL_URL.strip("/") + "/", trivial),
    path(LAYOUT_URL.strip("/") + "/", layout),
    path("", include("promo.urls")),
]
