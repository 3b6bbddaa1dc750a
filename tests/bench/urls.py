"""The benchmark's URLs: Promo's own, and one trivial view to measure Django's floor against."""

from django.http import HttpRequest, HttpResponse
from django.urls import include, path

TRIVIAL_URL = "/bench/trivial/"


def trivial(request: HttpRequest) -> HttpResponse:
    """No session, no user, no template: what any Django request costs through the middleware."""
    return HttpResponse("ok")


urlpatterns = [
    path(TRIVIAL_URL.strip("/") + "/", trivial),
    path("", include("promo.urls")),
]
