"""Single sign-on against a real OpenID Connect provider on 127.0.0.1 (panva's oidc-provider):
discovery, the redirect with PKCE, the provider's own sign-in form, the code exchange and the
ID token's signature all happen for real. Who gets in is pinned in detail in
tests/promo/test_sso.py; here, each way in or out once, end to end."""

import pytest
from django.contrib.auth import get_user_model
from playwright.sync_api import Page, expect

from promo import services
from promo.models import Person
from tests.factories import PersonFactory, UserFactory

User = get_user_model()

ACCOUNTS = {
    "ana": {"email": "Ana.Diaz@corp.example", "email_verified": True, "given_name": "Ana"},
    "nora": {
        "email": "nora.quist@corp.example",
        "email_verified": True,
        "given_name": "Nora",
        "family_name": "Quist",
    },
    "eve": {"email": "eve@elsewhere.example", "email_verified": True},
    "mallory": {"email": "ana.diaz@corp.example", "email_verified": False},
}


@pytest.fixture
def corp(live_server, transactional_db, oidc_provider):
    services.ladder_install_default()
    ana = UserFactory(username="ana", email="ana.diaz@corp.example", first_name="Ana")
    ana.set_unusable_password()
    ana.save()
    PersonFactory(user=ana)
    return oidc_provider(ACCOUNTS, allowed_domains=["corp.example"])


def sign_in_with(page: Page, base: str, corp, login: str) -> None:
    page.goto(f"{base}/accounts/login/")
    page.get_by_role("button", name=f"Sign in with {corp.name}").click()
    corp.sign_in(page, login)


def test_an_imported_person_signs_in_with_the_organisation_s_account(
    page: Page, live_server, corp, screenshot
):
    page.goto(f"{live_server.url}/accounts/login/")
    screenshot("sign-in-with-sso")
    sign_in_with(page, live_server.url, corp, "ana")
    expect(page).to_have_url(f"{live_server.url}/")
    expect(page.get_by_role("button", name="Sign out")).to_be_visible()
    assert User.objects.count() == 1  # the imported person, linked by the verified address


def test_a_new_colleague_at_an_allowed_domain_gets_a_person(page: Page, live_server, corp):
    sign_in_with(page, live_server.url, corp, "nora")
    expect(page).to_have_url(f"{live_server.url}/")
    nora = User.objects.get(email="nora.quist@corp.example")
    assert (nora.first_name, nora.last_name) == ("Nora", "Quist")
    assert Person.objects.filter(user=nora).exists()


@pytest.mark.parametrize(
    ("login", "sentence"),
    [
        ("eve", "an address at elsewhere.example cannot make one"),
        ("mallory", "Corp Login has not confirmed that ana.diaz@corp.example is yours"),
    ],
)
def test_nobody_else_gets_in(page: Page, live_server, corp, screenshot, login, sentence):
    sign_in_with(page, live_server.url, corp, login)
    expect(page.get_by_role("heading", level=1)).to_have_text("Promo cannot sign you in")
    expect(page.get_by_role("alert")).to_contain_text(sentence)
    screenshot(f"sso-refused-{login}")
    page.goto(f"{live_server.url}/")
    expect(page).to_have_url(f"{live_server.url}/accounts/login/?next=/")
    assert User.objects.count() == 1


def test_with_passwords_off_the_sign_in_page_is_one_button(
    page: Page, live_server, corp, settings, screenshot
):
    settings.PASSWORD_SIGN_IN = False
    page.goto(f"{live_server.url}/accounts/login/")
    expect(page.get_by_label("Password")).to_have_count(0)
    screenshot("sign-in-sso-only")
    page.get_by_role("button", name=f"Sign in with {corp.name}").click()
    corp.sign_in(page, "ana")
    expect(page).to_have_url(f"{live_server.url}/")
