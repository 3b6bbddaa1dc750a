"""Every page of the app sends an anonymous visitor to sign in: none answers without an account."""

import pytest
from django.urls import reverse

from tests.support import app_urls


def test_the_walk_finds_the_apps_pages():
    urls = app_urls()
    assert {"/", "/week/", "/reviews/team/", "/entries/1/edit/"} <= set(urls)


@pytest.mark.parametrize("url", app_urls())
@pytest.mark.parametrize("method", ["get", "post"])
def test_anonymous_visitors_are_sent_to_sign_in(client, db, url, method):
    response = getattr(client, method)(url)
    assert response.status_code == 302, response.status_code
    assert response.url.startswith(reverse("login"))
