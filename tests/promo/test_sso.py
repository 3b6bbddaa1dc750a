"""Single sign-on (promo.sso): who an account at the organisation's provider is in Promo.

`arrive` hands allauth what a provider answered (the claims of a verified ID token), through
allauth's own `complete_social_login`; the exchange with a real provider on 127.0.0.1 is in
tests/browser/test_sso.py."""

import pytest
from allauth.core import context
from allauth.socialaccount.adapter import get_adapter
from allauth.socialaccount.helpers import complete_social_login
from allauth.socialaccount.models import SocialAccount
from django.contrib.auth import SESSION_KEY, get_user_model
from django.contrib.auth.models import AnonymousUser
from django.contrib.messages.storage import default_storage
from django.contrib.sessions.middleware import SessionMiddleware
from django.test import RequestFactory
from django.urls import reverse

from promo import invitations, services, sso
from promo.env import sso_providers
from promo.models import AuditEvent, Invitation, Person
from tests.conftest import client_for
from tests.factories import PASSWORD, PersonFactory, UserFactory

User = get_user_model()
ISSUER = "https://id.corp.example"


@pytest.fixture
def single_sign_on(settings, db):
    settings.SSO_ISSUER = ISSUER
    settings.SSO_NAME = "Corp Login"
    settings.SSO_ALLOWED_DOMAINS = ["corp.example"]
    settings.SOCIALACCOUNT_PROVIDERS = sso_providers(
        issuer=ISSUER, client_id="promo", secret="not-a-secret", name="Corp Login"
    )
    return settings


def imported(email: str, **fields):
    """Someone a people import made: an account with an address and no password."""
    user = UserFactory(username=email.split("@")[0], email=email, **fields)
    user.set_unusable_password()
    user.save()
    PersonFactory(user=user)
    return user


def arrive(claims: dict, *, sub: str = "corp-0001"):
    """The provider has answered with these claims: what Promo does with them."""
    request = RequestFactory().get(reverse("openid_connect_callback", args=["oidc"]))
    SessionMiddleware(lambda r: None).process_request(request)
    request.user = AnonymousUser()
    request._messages = default_storage(request)
    with context.request_context(request):
        provider = get_adapter().get_provider(request, "oidc")
        login = provider.sociallogin_from_response(request, {"userinfo": {"sub": sub, **claims}})
        response = complete_social_login(request, login)
    signed_in = User.objects.filter(pk=request.session.get(SESSION_KEY)).first()
    return response, signed_in


def verified(email: str, **more) -> dict:
    return {"email": email, "email_verified": True, **more}


def test_the_imported_person_with_the_verified_address_is_linked_and_signed_in(single_sign_on):
    ana = imported("ana.diaz@corp.example")
    response, signed_in = arrive(verified("Ana.Diaz@Corp.Example"))
    assert response.status_code == 302 and response.url == reverse("home")
    assert signed_in == ana
    assert SocialAccount.objects.get(uid="corp-0001").user == ana
    assert User.objects.count() == 1  # linked, not a second account


def test_once_linked_the_provider_account_finds_the_person_even_if_the_address_changes(
    single_sign_on,
):
    ana = imported("ana.diaz@corp.example")
    arrive(verified("ana.diaz@corp.example"))
    response, signed_in = arrive(verified("ana.married-name@corp.example"))
    assert response.status_code == 302 and signed_in == ana


def test_signing_in_uses_up_a_pending_invitation(single_sign_on):
    staff = UserFactory(is_staff=True)
    ana = imported("ana.diaz@corp.example")
    invitations.invite(user=ana, by=staff)
    arrive(verified("ana.diaz@corp.example"))
    assert Invitation.objects.get(user=ana).accepted_at is not None
    assert "accepted by single sign-on" in AuditEvent.objects.values_list("detail", flat=True)


def test_an_address_the_provider_has_not_verified_links_nobody(single_sign_on):
    ana = imported("ana.diaz@corp.example")
    response, signed_in = arrive({"email": "ana.diaz@corp.example", "email_verified": False})
    assert response.status_code == 403 and signed_in is None
    assert "Corp Login has not confirmed that ana.diaz@corp.example is yours" in (
        response.content.decode()
    )
    assert not SocialAccount.objects.filter(user=ana).exists()


def test_without_an_address_nobody_is_signed_in(single_sign_on):
    response, signed_in = arrive({"name": "Someone"})
    assert response.status_code == 403 and signed_in is None
    assert "did not tell Promo your e-mail address" in response.content.decode()


def test_an_address_two_accounts_share_is_refused(single_sign_on):
    imported("ana.diaz@corp.example")
    UserFactory(username="ana-old", email="ANA.DIAZ@corp.example")
    response, signed_in = arrive(verified("ana.diaz@corp.example"))
    assert response.status_code == 403 and signed_in is None
    assert "More than one Promo account uses ana.diaz@corp.example" in response.content.decode()
    assert not SocialAccount.objects.exists()


def test_a_deactivated_person_is_refused_before_and_after_linking(single_sign_on):
    ana = imported("ana.diaz@corp.example")
    bo = imported("bo.chen@corp.example")
    arrive(verified("bo.chen@corp.example"), sub="corp-bo")
    services.user_deactivate(user=ana, by=None)
    services.user_deactivate(user=bo, by=None)
    for claims, sub in (
        (verified("ana.diaz@corp.example"), "corp-ana"),
        (verified("x"), "corp-bo"),
    ):
        response, signed_in = arrive(claims, sub=sub)
        assert response.status_code == 403 and signed_in is None
        assert "has been deactivated" in response.content.decode()


def test_a_new_address_at_an_allowed_domain_makes_a_person(single_sign_on):
    response, signed_in = arrive(
        verified("nora.quist@corp.example", given_name="Nora", family_name="Quist")
    )
    assert response.status_code == 302 and signed_in is not None
    assert (signed_in.first_name, signed_in.last_name) == ("Nora", "Quist")
    assert signed_in.email == "nora.quist@corp.example"
    assert not signed_in.has_usable_password() and not signed_in.is_staff
    assert Person.objects.filter(user=signed_in, current_level=None).exists()


@pytest.mark.parametrize(
    "email",
    [
        "eve@elsewhere.example",
        "eve@corp.example.elsewhere.example",  # ends like an allowed domain, is not one
        "eve@eng.corp.example",  # a subdomain is another domain unless listed
        "eve@xcorp.example",
    ],
)
def test_an_address_outside_the_allowed_domains_gets_no_account(single_sign_on, email):
    response, signed_in = arrive(verified(email))
    assert response.status_code == 403 and signed_in is None
    domain = email.rpartition("@")[2]
    assert f"an address at {domain} cannot make one" in response.content.decode()
    assert not User.objects.filter(email=email).exists()


def test_with_no_allowed_domains_only_known_people_get_in(single_sign_on):
    single_sign_on.SSO_ALLOWED_DOMAINS = []
    response, signed_in = arrive(verified("nora.quist@corp.example"))
    assert response.status_code == 403 and signed_in is None


def test_every_refusal_is_in_the_audit_trail_with_the_address_tried(single_sign_on):
    arrive(verified("eve@elsewhere.example"))
    arrive({"email": "mallory@corp.example", "email_verified": False})
    failed = AuditEvent.objects.filter(action=AuditEvent.Action.SIGN_IN_FAILED)
    assert sorted(failed.values_list("username", flat=True)) == [
        "eve@elsewhere.example",
        "mallory@corp.example",
    ]
    assert all(event.detail.startswith("single sign-on: ") for event in failed)


def test_the_sign_in_page_offers_single_sign_on_only_when_it_is_set_up(client, single_sign_on):
    page = client.get(reverse("login")).content.decode()
    assert "Sign in with Corp Login" in page
    assert f'action="{reverse("openid_connect_login", args=["oidc"])}"' in page
    assert 'name="password"' in page
    single_sign_on.SSO_ISSUER = ""
    assert "Sign in with" not in client.get(reverse("login")).content.decode()


def test_the_content_security_policy_lets_the_sign_in_form_reach_the_provider(
    client, single_sign_on
):
    def form_action() -> str:
        policy = client.get(reverse("login"))["Content-Security-Policy"]
        return next(d.strip() for d in policy.split(";") if d.strip().startswith("form-action"))

    assert form_action() == "form-action 'self' https://id.corp.example"
    single_sign_on.SSO_ISSUER = ""
    assert form_action() == "form-action 'self'"


def test_with_passwords_off_no_password_opens_promo(client, single_sign_on):
    UserFactory(username="ana")
    single_sign_on.PASSWORD_SIGN_IN = False
    page = client.get(reverse("login")).content.decode()
    assert "Sign in with Corp Login" in page and 'name="password"' not in page
    response = client.post(reverse("login"), {"username": "ana", "password": PASSWORD})
    assert SESSION_KEY not in client.session and response.status_code == 200
    response = client.get(reverse("password_reset"), follow=True)
    assert "Promo signs you in with Corp Login and keeps no password to reset." in (
        response.content.decode()
    )


def test_an_invitation_offers_single_sign_on_beside_a_password_or_alone(client, single_sign_on):
    staff = UserFactory(is_staff=True)
    ana = imported("ana.diaz@corp.example", first_name="Ana")
    path = invitations.invite(user=ana, by=staff).link.split("127.0.0.1:8000", 1)[-1]
    page = client.get(path).content.decode()
    assert "Sign in with Corp Login" in page and "Choose this password" in page
    single_sign_on.PASSWORD_SIGN_IN = False
    page = client.get(path).content.decode()
    assert "Sign in with Corp Login" in page and "Choose this password" not in page
    client.post(
        path, {"new_password1": "long enough pass 1", "new_password2": "long enough pass 1"}
    )
    ana.refresh_from_db()
    assert not ana.has_usable_password()
    assert Invitation.objects.get(user=ana).pending


def test_the_invitation_e_mail_names_single_sign_on(
    single_sign_on, mailoutbox, django_capture_on_commit_callbacks
):
    staff = UserFactory(is_staff=True)
    ana = imported("ana.diaz@corp.example")
    with django_capture_on_commit_callbacks(execute=True):
        invitations.invite(user=ana, by=staff)
    assert "Sign in with Corp Login, or choose a password, to start" in mailoutbox[-1].body


def test_someone_who_signed_in_by_single_sign_on_counts_as_able_to_sign_in(single_sign_on):
    staff = UserFactory(is_staff=True)
    ana = imported("ana.diaz@corp.example")
    imported("bo.chen@corp.example")
    arrive(verified("ana.diaz@corp.example"))
    ana.refresh_from_db()
    assert invitations.can_invite(ana).endswith("can already sign in.")
    page = client_for(staff).get(reverse("people")).content.decode()
    assert "1 person has no way to sign in and no invitation yet." in page


def test_a_cancelled_or_failed_sign_in_says_so_in_promo_s_own_page(client, single_sign_on):
    cancelled = client.get(reverse("socialaccount_login_cancelled"))
    assert "Sign-in cancelled" in cancelled.content.decode()
    # A callback Promo did not start (no state it stashed): refused, in words, nothing fetched.
    failed = client.get(reverse("openid_connect_callback", args=["oidc"]), {"code": "x"})
    assert failed.status_code == 401
    assert "Signing in with Corp Login did not work" in failed.content.decode()
    assert SESSION_KEY not in client.session


def test_without_single_sign_on_its_urls_answer_404(client, db):
    assert client.post(reverse("openid_connect_login", args=["oidc"])).status_code == 404


def test_a_sign_in_by_single_sign_on_is_kept_by_the_password_backend(single_sign_on):
    """allauth would otherwise store django-axes's backend, which finds nobody next request."""
    ana = imported("ana.diaz@corp.example")
    request = RequestFactory().get("/")
    SessionMiddleware(lambda r: None).process_request(request)
    sso.AccountAdapter(request).login(request, ana)
    assert request.session["_auth_user_backend"] == "promo.sso.PasswordBackend"
