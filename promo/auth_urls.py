"""Sign-in URLs that differ from Django's own (django.contrib.auth.urls, included after these)."""

from django.contrib.auth import views as auth_views
from django.urls import path

from promo import people_views
from promo.forms import PasswordResetForm

urlpatterns = [
    path("invitation/<str:token>/", people_views.invitation_accept, name="invitation-accept"),
    path(
        "password_reset/",
        auth_views.PasswordResetView.as_view(form_class=PasswordResetForm),
        name="password_reset",
    ),
]
