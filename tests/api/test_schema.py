"""The API against its own schema, by a property-based tester (schemathesis): for requests it
makes up from /api/openapi.json, valid and invalid, the app never answers with a server error,
and every answer (errors included) has the status and the shape the schema documents."""

import json

import pytest
import schemathesis
from django.core.handlers.wsgi import WSGIHandler
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from ninja.responses import NinjaJSONEncoder

from evidence.models import Draft
from promo import tokens
from reviews.api import api
from tests.factories import DraftFactory, EntryFactory, PersonFactory, UserFactory, api_token_for


# The schema the app serves (test_the_served_schema_is_the_apis checks they are one), sent to
# the app itself through WSGI, as a client on "localhost" (allowed in `bearer`).
def served_schema() -> dict:
    """The schema as /api/openapi.json serves it: JSON, so status codes are strings."""
    return json.loads(json.dumps(api.get_openapi_schema(path_params={}), cls=NinjaJSONEncoder))


schema = schemathesis.openapi.from_dict(served_schema())
schema.app = WSGIHandler()
schema.config.generation.update(deterministic=True, database="none", max_examples=25)

CHECKS = [
    schemathesis.checks.not_a_server_error,
    schemathesis.specs.openapi.checks.response_schema_conformance,
]


@pytest.fixture
def bearer(levels, monkeypatch, settings, request):
    """A write token of someone on the ladder, with an entry and a waiting draft (ids 1 and up
    then name something that exists), and no rate limit in the way of many examples."""
    monkeypatch.setattr(tokens, "RATE_LIMIT", 10**9)
    settings.ALLOWED_HOSTS = ["localhost"]
    # Requests go through the WSGI handler itself, which closes the database connection as a
    # request starts and ends (inside this test's transaction); Django's test client holds
    # that back, and so does this.
    for signal in (request_started, request_finished):
        signal.disconnect(close_old_connections)
        request.addfinalizer(lambda signal=signal: signal.connect(close_old_connections))
    user = PersonFactory(
        user=UserFactory(username="fuzzed"), current_level=levels[1], target_level=levels[2]
    ).user
    EntryFactory(author=user, behaviours=(levels[2].behaviours.first(),))
    DraftFactory(author=user, state=Draft.State.WAITING)
    return api_token_for(user).secret


@schema.parametrize()
@settings(suppress_health_check=list(HealthCheck), deadline=None)
def test_the_api_keeps_to_its_schema(case, bearer):
    case.call_and_validate(headers={"Authorization": f"Bearer {bearer}"}, checks=CHECKS)


def test_the_served_schema_is_the_apis_and_needs_no_token(client):
    response = client.get("/api/openapi.json")
    assert response.status_code == 200
    assert response.json() == served_schema()
    paths = set(response.json()["paths"])
    assert {"/api/me", "/api/entries", "/api/readiness", "/api/drafts"} <= paths


def test_there_is_no_interactive_docs_page_loading_scripts_from_elsewhere(client):
    assert client.get("/api/docs").status_code == 404
