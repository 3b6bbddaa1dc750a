"""Typed readers for environment variables, so a typo in a value fails loudly at start-up."""

import os

from django.core.exceptions import ImproperlyConfigured

TRUE_WORDS = frozenset({"1", "true", "yes", "on"})
FALSE_WORDS = frozenset({"0", "false", "no", "off", ""})


def env_str(name: str, default: str) -> str:
    return os.environ.get(name, default)


def env_bool(name: str, default: bool) -> bool:
    """Read a yes/no switch; anything but the usual spellings is a configuration error."""
    raw = os.environ.get(name)
    if raw is None:
        return default
    word = raw.strip().lower()
    if word in TRUE_WORDS:
        return True
    if word in FALSE_WORDS:
        return False
    raise ImproperlyConfigured(
        f"{name} must be one of 1/0, true/false, yes/no, on/off; got {raw!r}."
    )


def env_int(name: str, default: int) -> int:
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    try:
        return int(raw)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be a whole number; got {raw!r}.") from None


def env_choice(name: str, default: str, choices: dict[str, str]) -> str:
    """Read one of a few named choices and return what it stands for; anything else is a
    configuration error that lists the choices."""
    raw = os.environ.get(name, default)
    word = raw.strip().lower()
    if word not in choices:
        raise ImproperlyConfigured(f"{name} must be one of {', '.join(choices)}; got {raw!r}.")
    return choices[word]


def env_list(name: str, default: list[str]) -> list[str]:
    """Read a comma-separated list, ignoring blanks and surrounding spaces."""
    raw = os.environ.get(name)
    if raw is None:
        return list(default)
    return [item.strip() for item in raw.split(",") if item.strip()]


SSO_PROVIDER_ID = "oidc"  # the one OpenID Connect app: /accounts/sso/oidc/login/


def sso_providers(*, issuer: str, client_id: str, secret: str, name: str) -> dict[str, object]:
    """django-allauth's SOCIALACCOUNT_PROVIDERS for single sign-on (promo.sso): the one OpenID
    Connect app, found by discovery at the issuer, with PKCE; none without an issuer."""
    app = {
        "provider_id": SSO_PROVIDER_ID,
        "name": name,
        "client_id": client_id,
        "secret": secret,
        "settings": {"server_url": issuer},
    }
    return {"openid_connect": {"OAUTH_PKCE_ENABLED": True, "APPS": [app] if issuer else []}}
