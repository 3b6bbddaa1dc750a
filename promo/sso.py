"""Single sign-on: who an account at the organisation's OpenID Connect provider is in Promo.

django-allauth talks to the provider (discovery, PKCE, the code exchange, the ID token's
signature); this module decides, in one place, who gets in (SocialAccountAdapter.pre_social_login):

- someone whose provider account is already linked, while their Promo account is active;
- at first sign-in, the one Promo person with the address the provider says it *verified*
  (case ignored): the person staff imported or invited, whose invitation is then used up;
- a new person, when that verified address is at a domain in SSO_ALLOWED_DOMAINS.

Nobody else: an address the provider has not verified, one two accounts share, a deactivated
account or another domain gets a page saying why and what to do, and the audit trail a line.
"""

from collections.abc import Callable
from typing import Any
from urllib.parse import urlsplit

from allauth.account.adapter import DefaultAccountAdapter
from allauth.core.exceptions import ImmediateHttpResponse
from allauth.socialaccount.adapter import DefaultSocialAccountAdapter
from allauth.socialaccount.models import SocialLogin
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.contrib.auth.models import AbstractBaseUser, User
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse

from promo import audit, invitations
from promo.env import SSO_PROVIDER_ID
from promo.models import Person

WHO_RUNS_PROMO = "whoever runs Promo for your organisation"

NO_ADDRESS = (
    "{provider} did not tell Promo your e-mail address, so Promo cannot tell who you are. "
    "Ask {who} to let Promo read it."
)
UNVERIFIED = (
    "{provider} has not confirmed that {email} is yours, so Promo cannot let it stand for "
    "you. Confirm the address with {provider}, or ask {who}."
)
SHARED = (
    "More than one Promo account uses {email}, so Promo cannot tell which one is yours. "
    "Ask {who} to give each account its own address."
)
DEACTIVATED = "The Promo account for {email} has been deactivated. Ask {who} if you need it again."
OUTSIDE = (
    "Promo has no account for {email}, and an address at {domain} cannot make one. "
    "Ask {who} to invite you."
)


def enabled() -> bool:
    return bool(settings.SSO_ISSUER)


def form_action_to_provider(
    get_response: Callable[[HttpRequest], HttpResponse],
) -> Callable[[HttpRequest], HttpResponse]:
    """Lets a sign-in form's redirect reach the provider: the Content-Security-Policy's
    form-action covers where a form's POST is redirected to, and is otherwise only 'self'."""

    def middleware(request: HttpRequest) -> HttpResponse:
        response = get_response(request)
        if settings.SSO_ISSUER:
            parts = urlsplit(settings.SSO_ISSUER)
            response._csp_update = {"form-action": [f"{parts.scheme}://{parts.netloc}"]}  # type: ignore[attr-defined]
        return response

    return middleware


def login_url() -> str:
    return reverse("openid_connect_login", kwargs={"provider_id": SSO_PROVIDER_ID})


class PasswordBackend(ModelBackend):
    """Django's own: passwords checked, and every signed-in session's user found again.
    With PASSWORD_SIGN_IN off, no password opens anything; single sign-on still does."""

    def authenticate(  # type: ignore[override]
        self, request: HttpRequest | None, *args: Any, **kwargs: Any
    ) -> AbstractBaseUser | None:
        if not settings.PASSWORD_SIGN_IN:
            return None
        return super().authenticate(request, *args, **kwargs)


BACKEND = f"{PasswordBackend.__module__}.{PasswordBackend.__qualname__}"


def _verified_address(sociallogin: SocialLogin) -> tuple[str, bool]:
    """The address the provider gave (lower-cased) and whether it says it verified it."""
    for address in sociallogin.email_addresses:
        if address.email:
            return address.email.strip().lower(), bool(address.verified)
    return "", False


def _refuse(request: HttpRequest, problem: str, *, email: str) -> ImmediateHttpResponse:
    audit.record(audit.SIGN_IN_FAILED, username=email, detail=f"single sign-on: {problem}")
    response = render(request, "registration/sso_refused.html", {"problem": problem}, status=403)
    return ImmediateHttpResponse(response)


class SocialAccountAdapter(DefaultSocialAccountAdapter):
    def pre_social_login(self, request: HttpRequest, sociallogin: SocialLogin) -> None:
        words = {"provider": settings.SSO_NAME, "who": WHO_RUNS_PROMO}
        email, verified = _verified_address(sociallogin)
        if sociallogin.is_existing:
            if not sociallogin.user.is_active:
                raise _refuse(request, DEACTIVATED.format(email=email, **words), email=email)
            return
        if not email:
            raise _refuse(request, NO_ADDRESS.format(**words), email="")
        if not verified:
            raise _refuse(request, UNVERIFIED.format(email=email, **words), email=email)
        matches = list(get_user_model().objects.filter(email__iexact=email)[:2])
        if len(matches) > 1:
            raise _refuse(request, SHARED.format(email=email, **words), email=email)
        if matches:
            user = matches[0]
            if not user.is_active:
                raise _refuse(request, DEACTIVATED.format(email=email, **words), email=email)
            with transaction.atomic():
                sociallogin.connect(request, user)
                invitations.used_by_sign_in(user)
            return
        domain = email.rpartition("@")[2]
        if domain not in settings.SSO_ALLOWED_DOMAINS:
            raise _refuse(request, OUTSIDE.format(email=email, domain=domain, **words), email=email)

    def is_open_for_signup(self, request: HttpRequest, sociallogin: SocialLogin) -> bool:
        # Reached only for a verified address at an allowed domain (pre_social_login).
        return True

    def save_user(self, request: HttpRequest, sociallogin: SocialLogin, form: Any = None) -> User:
        with transaction.atomic():
            user: User = super().save_user(request, sociallogin, form)
            Person.objects.get_or_create(user=user)
        return user


class AccountAdapter(DefaultAccountAdapter):
    def is_open_for_signup(self, request: HttpRequest) -> bool:
        return False  # local sign-up: staff import or invite people instead

    def login(self, request: HttpRequest, user: AbstractBaseUser) -> None:
        # allauth would pick the first backend with get_user: django-axes's, which finds nobody.
        user.backend = BACKEND
        super().login(request, user)
