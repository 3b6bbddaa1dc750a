"""Fixtures for the API's tests: a client that sends a token, and tokens for the engineer."""

import json

import pytest
from django.test import Client

from tests.factories import api_token_for


class ApiClient:
    """Django's test client, speaking JSON with a bearer token (or none)."""

    def __init__(self, secret: str | None) -> None:
        self.client = Client()
        self.headers = {"Authorization": f"Bearer {secret}"} if secret else {}

    def get(self, path: str, **params):
        return self.client.get(path, params, headers=self.headers)

    def post(self, path: str, data=None):
        body = "" if data is None else json.dumps(data)
        return self.client.post(path, body, content_type="application/json", headers=self.headers)


@pytest.fixture
def write_token(engineer):
    return api_token_for(engineer, scope="write")


@pytest.fixture
def api(write_token) -> ApiClient:
    """The engineer's API client, with a read-and-write token."""
    return ApiClient(write_token.secret)
