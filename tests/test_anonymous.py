"""Every page of the app sends an anonymous visitor to sign in: none answers without an account."""

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

PUBLIC = {
    "login",
    "logout",
    "password_reset",
    "password_reset_done",
    "password_reset_confirm",
    "password_reset_complete",
}
SAMPLE_ARGS = {"id": 1, "int": 1, "string": "engineer", "slug": "x"}


def app_urls() -> list[str]:
    """Every named URL of promo, evidence and reviews, from the resolver itself."""
    found = []

    def walk(patterns, namespace: str = "") -> None:  # noqa: ANN001
        for p in patterns:
            if isinstance(p, URLResolver):
                if p.app_name == "admin":
                    continue
                walk(p.url_patterns, f"{p.namespace}:" if p.namespace else namespace)
            elif isinstance(p, URLPattern) and p.name and p.name not in PUBLIC:
                converters = p.pattern.converters
                kwargs = {
                    name: SAMPLE_ARGS[type(c).__name__.removesuffix("Converter").lower()]
                    for name, c in converters.items()
                }
                found.append(reverse(f"{namespace}{p.name}", kwargs=kwargs or None))

    walk(get_resolver().url_patterns)
    return found


def test_the_walk_finds_the_apps_pages():
    urls = app_urls()
    assert (
        "/" in urls and "/week/" in urls and "/reviews/team/" in urls and "/entries/1/edit/" in urls
    )


@pytest.mark.parametrize("url", app_urls())
@pytest.mark.parametrize("method", ["get", "post"])
def test_anonymous_visitors_are_sent_to_sign_in(client, db, url, method):
    response = getattr(client, method)(url)
    assert response.status_code == 302, response.status_code
    assert response.url.startswith(reverse("login"))
