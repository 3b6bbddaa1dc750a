"""Playwright against the system Chromium (Playwright cannot download its own browser here)."""

import json
import os
import shutil
import socket
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest
from django.core.management import call_command
from django.urls import reverse

from promo.env import sso_providers

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]
SCREENSHOTS = Path(__file__).parent / "screenshots"

# Playwright's sync API runs an event loop in the test thread; Django's ORM calls from the
# test body (fixtures, assertions) are still synchronous and safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def pytest_collection_modifyitems(config, items):
    for item in items:
        item.add_marker(pytest.mark.browser)
    if Path(CHROMIUM).exists():
        return
    if os.environ.get("REQUIRE_BROWSER") == "1":
        raise pytest.UsageError(f"REQUIRE_BROWSER=1 but there is no Chromium at {CHROMIUM}.")
    skip = pytest.mark.skip(reason=f"no Chromium at {CHROMIUM}")
    for item in items:
        item.add_marker(skip)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": CHROMIUM_ARGS}


@pytest.fixture
def demo_site(live_server, transactional_db):
    call_command("seed_demo", "--force", verbosity=0)
    return live_server


@pytest.fixture
def screenshot(page):
    SCREENSHOTS.mkdir(exist_ok=True)

    def take(name: str, target=None) -> Path:
        path = SCREENSHOTS / f"{name}.png"
        (target or page).screenshot(path=str(path), full_page=True)
        return path

    return take


def sign_in(page, base_url: str, username: str, password: str = "demo") -> None:
    page.goto(f"{base_url}/accounts/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in", exact=True).click()


LOOKS = tuple((scheme, width) for scheme in ("light", "dark") for width in (1280, 390))


def signed_in_looks(browser, browser_context_args, base_url: str, username: str):
    """A page signed in as `username` at desktop and phone width, light and dark: yields
    (scheme, width, page), each in a fresh browser context closed after its turn."""
    for scheme, width in LOOKS:
        context = browser.new_context(
            **browser_context_args,
            color_scheme=scheme,
            viewport={"width": width, "height": 900},
        )
        try:
            page = context.new_page()
            sign_in(page, base_url, username)
            yield scheme, width, page
        finally:
            context.close()


# --- a real OpenID Connect provider on 127.0.0.1, for single sign-on ----------------------------

OIDC_PROVIDER = Path(__file__).parent / "oidc" / "provider.mjs"
OIDC_PACKAGE = Path(__file__).parent / "node_modules" / "oidc-provider"
NO_OIDC = "oidc-provider is not installed: run `npm ci --prefix tests/browser` (make test does)."


@dataclass(frozen=True)
class Provider:
    issuer: str
    name: str

    def sign_in(self, page, login: str) -> None:
        """At the provider's own sign-in form: any password is accepted for a known login."""
        page.locator("input[name=login]").fill(login)
        page.locator("input[name=password]").fill("anything")
        page.get_by_role("button", name="Sign-in").click()


@pytest.fixture
def oidc_provider(live_server, settings):
    """Starts panva's oidc-provider with the given accounts and points Promo's single sign-on
    at it; `start({"login": {"email": ..., "email_verified": True}}, allowed_domains=[...])`."""
    if shutil.which("node") is None or not OIDC_PACKAGE.exists():
        if os.environ.get("REQUIRE_BROWSER") == "1":
            pytest.fail(NO_OIDC)
        pytest.skip(NO_OIDC)
    started = []

    def start(accounts: dict, *, allowed_domains: list[str] = ()) -> Provider:
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            port = probe.getsockname()[1]
        callback = f"{live_server.url}{reverse('openid_connect_callback', args=['oidc'])}"
        process = subprocess.Popen(
            ["node", str(OIDC_PROVIDER), str(port), callback],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            env={**os.environ, "OIDC_ACCOUNTS": json.dumps(accounts)},
            text=True,
        )
        started.append(process)
        assert process.stdout.readline().strip() == "ready", "the OIDC provider did not start"
        issuer, name = f"http://127.0.0.1:{port}", "Corp Login"
        settings.SSO_ISSUER, settings.SSO_NAME = issuer, name
        settings.SSO_ALLOWED_DOMAINS = list(allowed_domains)
        settings.SOCIALACCOUNT_PROVIDERS = sso_providers(
            issuer=issuer, client_id="promo", secret="promo-test-secret", name=name
        )
        return Provider(issuer=issuer, name=name)

    yield start
    for process in started:
        process.stdin.close()  # the provider stops when its stdin ends
        process.wait(timeout=10)
