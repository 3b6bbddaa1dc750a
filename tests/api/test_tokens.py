"""Personal access tokens: made, shown once, kept only as a digest, used, limited, revoked."""

import hashlib
from datetime import timedelta

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from promo import tokens
from promo.api import NO_TOKEN, READ_ONLY, TOKEN_REFUSED
from promo.forms import TOKEN_NAME_REQUIRED
from promo.models import ApiToken, AuditEvent
from tests.api.conftest import ApiClient
from tests.conftest import client_for
from tests.factories import api_token_for


def test_a_token_looks_like_the_contract_says_and_only_its_digest_is_kept(engineer):
    made = api_token_for(engineer)
    assert made.secret.startswith("promo_") and len(made.secret) == 49
    row = ApiToken.objects.get()
    assert row.digest == hashlib.sha256(made.secret.encode()).hexdigest()
    assert row.prefix == made.secret[:12]
    stored = [str(v) for v in ApiToken.objects.values_list(flat=False).get()]
    assert made.secret not in stored
    assert row.expires_at == timezone.now() + timedelta(days=tokens.DEFAULT_EXPIRY_DAYS)


def test_the_api_answers_a_usable_token(api):
    assert api.get("/api/me").status_code == 200


def test_no_token_is_401_with_a_sentence_and_a_bearer_challenge(db):
    response = ApiClient(None).get("/api/me")
    assert response.status_code == 401
    assert response.json() == {"detail": NO_TOKEN}
    assert response["WWW-Authenticate"] == "Bearer"


@pytest.mark.parametrize(
    "header",
    ["Bearer promo_" + "x" * 43, "Bearer not-a-token", "Basic dXNlcjpwYXNz", "Bearer"],
    ids=["unknown", "malformed", "basic", "empty"],
)
def test_an_unknown_or_malformed_token_is_401(db, header):
    response = ApiClient(None).client.get("/api/me", headers={"Authorization": header})
    assert response.status_code == 401
    assert response["WWW-Authenticate"] == "Bearer"


def test_a_revoked_token_is_401(api, engineer, write_token):
    tokens.token_revoke(token=write_token.token, by=engineer, now=timezone.now())
    response = api.get("/api/me")
    assert response.status_code == 401
    assert response.json() == {"detail": TOKEN_REFUSED}


def test_an_expired_token_is_401(api):
    with time_machine.travel(timezone.now() + timedelta(days=91), tick=False):
        assert api.get("/api/me").status_code == 401


def test_a_token_works_until_the_day_it_expires(engineer):
    client = ApiClient(api_token_for(engineer, days=30).secret)
    with time_machine.travel(timezone.now() + timedelta(days=29, hours=23), tick=False):
        assert client.get("/api/me").status_code == 200


def test_a_deactivated_persons_token_is_401(api, engineer):
    engineer.is_active = False
    engineer.save()
    assert api.get("/api/me").status_code == 401


def test_a_signed_in_session_does_not_open_the_api(engineer):
    client = client_for(engineer)
    assert client.get("/api/me").status_code == 401
    response = client.post("/api/entries", {"title": "x"}, content_type="application/json")
    assert response.status_code == 401


def test_a_read_token_reads_but_cannot_write(engineer):
    client = ApiClient(api_token_for(engineer, scope="read").secret)
    assert client.get("/api/entries").status_code == 200
    response = client.post("/api/entries", {"title": "Sneaky"})
    assert response.status_code == 403
    assert response.json() == {"detail": READ_ONLY}


def test_too_many_requests_are_429_with_retry_after(api, engineer, monkeypatch):
    monkeypatch.setattr(tokens, "RATE_LIMIT", 3)
    for _ in range(3):
        assert api.get("/api/me").status_code == 200
    response = api.get("/api/me")
    assert response.status_code == 429
    assert 1 <= int(response["Retry-After"]) <= tokens.RATE_WINDOW_SECONDS
    assert "wait" in response.json()["detail"]
    assert api.get("/api/me").status_code == 429
    # Only the first refusal of the window is recorded.
    details = list(AuditEvent.objects.filter(action="api_use").values_list("detail", flat=True))
    assert details.count("GET /api/me → 429") == 1
    with time_machine.travel(timezone.now() + timedelta(seconds=61), tick=False):
        assert api.get("/api/me").status_code == 200


def test_the_limit_counts_each_token_on_its_own(api, engineer, monkeypatch):
    monkeypatch.setattr(tokens, "RATE_LIMIT", 1)
    assert api.get("/api/me").status_code == 200
    assert api.get("/api/me").status_code == 429
    other = ApiClient(api_token_for(engineer, name="ci").secret)
    assert other.get("/api/me").status_code == 200


def test_every_use_is_recorded_without_the_token_or_any_text(api, engineer, write_token):
    api.post("/api/entries", {"title": "Secret project Falcon", "body": "classified"})
    api.get("/api/entries")
    events = AuditEvent.objects.filter(action="api_use").order_by("pk")
    assert [e.detail for e in events] == ["POST /api/entries → 201", "GET /api/entries → 200"]
    assert all(e.actor_id == engineer.pk for e in events)
    assert all(e.target == f"promo.apitoken:{write_token.token.pk}" for e in events)
    everything = " ".join(f"{e.detail} {e.target} {e.username}" for e in AuditEvent.objects.all())
    assert write_token.secret not in everything
    assert "Falcon" not in everything and "classified" not in everything


def test_a_revoked_token_tried_is_recorded(api, engineer, write_token):
    tokens.token_revoke(token=write_token.token, by=engineer, now=timezone.now())
    api.get("/api/me")
    assert AuditEvent.objects.filter(action="api_use", detail="GET /api/me → 401").exists()


def test_last_used_is_updated_on_use(api, write_token):
    assert write_token.token.last_used_at is None
    api.get("/api/me")
    write_token.token.refresh_from_db()
    assert write_token.token.last_used_at == timezone.now()


# --- the preferences page ---------------------------------------------------------------------


def test_a_token_made_on_the_preferences_page_is_shown_once(engineer):
    client = client_for(engineer)
    response = client.post(
        reverse("token-create"), {"name": "work laptop", "scope": "read", "days": "30"}
    )
    assert response.status_code == 200
    made = response.context["made"]
    page = response.content.decode()
    assert made.secret in page
    assert "promo login http://testserver" in page
    token = ApiToken.objects.get()
    assert (token.name, token.scope) == ("work laptop", "read")
    assert token.expires_at == timezone.now() + timedelta(days=30)
    assert made.secret not in str(dict(client.session))
    again = client.get(reverse("preferences")).content.decode()
    assert made.secret not in again
    assert token.prefix in again and "work laptop" in again and "never" in again
    assert ApiClient(made.secret).get("/api/me").status_code == 200
    assert AuditEvent.objects.filter(action="api_token", actor=engineer).exists()


def test_a_token_needs_a_name(engineer):
    response = client_for(engineer).post(reverse("token-create"), {"name": " ", "days": "90"})
    assert response.status_code == 400
    assert TOKEN_NAME_REQUIRED in response.content.decode()
    assert not ApiToken.objects.exists()


def test_an_expiry_not_offered_is_refused(engineer):
    response = client_for(engineer).post(
        reverse("token-create"), {"name": "forever", "scope": "write", "days": "36500"}
    )
    assert response.status_code == 400
    assert not ApiToken.objects.exists()


def test_tokens_in_use_are_capped(engineer, monkeypatch):
    monkeypatch.setattr(tokens, "TOKENS_MAX", 2)
    api_token_for(engineer)
    api_token_for(engineer)
    response = client_for(engineer).post(
        reverse("token-create"), {"name": "third", "scope": "write", "days": "90"}
    )
    assert response.status_code == 400
    assert tokens.TOO_MANY_TOKENS.format(limit=2) in response.content.decode()


def test_revoking_asks_first_then_the_token_stops_working(engineer, write_token):
    client = client_for(engineer)
    url = reverse("token-revoke", args=[write_token.token.pk])
    page = client.get(url)
    assert page.status_code == 200
    assert "Revoke the token “laptop”?" in page.content.decode()
    assert ApiClient(write_token.secret).get("/api/me").status_code == 200
    response = client.post(url)
    assert response.status_code == 302
    assert response.url == reverse("preferences") + "#tokens"
    write_token.token.refresh_from_db()
    assert write_token.token.revoked_at == timezone.now()
    assert ApiClient(write_token.secret).get("/api/me").status_code == 401
    listed = client.get(reverse("preferences")).content.decode()
    assert "revoked" in listed
    assert AuditEvent.objects.filter(action="api_token", detail="Revoked “laptop”").exists()


def test_someone_elses_token_cannot_be_revoked(engineer, stranger, write_token):
    client = client_for(stranger)
    url = reverse("token-revoke", args=[write_token.token.pk])
    assert client.get(url).status_code == 404
    assert client.post(url).status_code == 404
    write_token.token.refresh_from_db()
    assert write_token.token.revoked_at is None


def test_the_preferences_page_lists_many_tokens_in_a_few_queries(
    engineer, django_assert_max_num_queries
):
    client = client_for(engineer)
    api_token_for(engineer)
    with django_assert_max_num_queries(8):
        assert client.get(reverse("preferences")).status_code == 200
    for n in range(15):
        api_token_for(engineer, name=f"script {n}")
    with django_assert_max_num_queries(8):
        assert client.get(reverse("preferences")).status_code == 200


def test_making_a_token_costs_a_few_queries(engineer, django_assert_max_num_queries):
    client = client_for(engineer)
    with django_assert_max_num_queries(12):
        response = client.post(
            reverse("token-create"), {"name": "ci", "scope": "read", "days": "90"}
        )
    assert response.status_code == 200


def test_revoking_costs_the_same_however_many_tokens_there_are(
    engineer, django_assert_max_num_queries
):
    client = client_for(engineer)
    for round_ in range(2):
        made = api_token_for(engineer, name=f"to revoke {round_}")
        url = reverse("token-revoke", args=[made.token.pk])
        with django_assert_max_num_queries(6):
            assert client.get(url).status_code == 200
        with django_assert_max_num_queries(8):
            assert client.post(url).status_code == 302
        for n in range(8):  # revoked and live ones, under TOKENS_MAX in use
            api_token_for(engineer, name=f"script {round_}-{n}")
