"""Sign-in URLs that differ from Django's own (django.contrib.auth.urls, included after these)."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.http import HttpRequest, HttpResponseBase
from django.shortcuts import redirect
from django.urls import path

from promo import people_views
from promo.forms import PasswordResetForm

NO_PASSWORDS = "Promo signs you in with {name} and keeps no password to reset."

_password_reset = auth_views.PasswordResetView.as_view(form_class=PasswordResetForm)


def password_reset(request: HttpRequest) -> HttpResponseBase:
    if not settings.PASSWORD_SIGN_IN:
        messages.info(request, NO_PASSWORDS.format(name=settings.SSO_NAME))
        return redirect("login")
    return _password_reset(request)


urlpatterns = [
    path("invitation/<str:token>/", people_views.invitation_accept, name="invitation-accept"),
    path("password_reset/", password_reset, name="password_reset"),
]
