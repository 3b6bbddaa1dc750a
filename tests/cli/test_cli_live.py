"""The `promo` command line, as a person runs it (a separate process), against a running server:
sign in with a token, log an entry with behaviours, list drafts, read readiness; a revoked token
and a server that is not there get their exit codes."""

import json
import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from django.urls import reverse
from django.utils import timezone

from evidence.models import Draft, Entry
from promo import cli, tokens
from promo.models import ApiToken, Visibility
from tests.factories import DraftFactory

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def promo(tmp_path):
    """Run `promo ARGS...` in its own process with its own config directory."""
    env = {k: v for k, v in os.environ.items() if k not in {"PROMO_URL", "PROMO_TOKEN"}}
    env["PROMO_CONFIG_DIR"] = str(tmp_path / "promo")

    def promo(*args, stdin="", **overrides):
        return subprocess.run(
            [sys.executable, "-m", "promo.cli", *args],
            input=stdin,
            capture_output=True,
            text=True,
            env={**env, **overrides},
            cwd=ROOT,
            timeout=60,
        )

    promo.config = tmp_path / "promo" / "config.json"
    return promo


@pytest.fixture
def token(live_server, transactional_db, engineer):
    made = tokens.token_create(
        user=engineer, name="laptop", scope=ApiToken.Scope.WRITE, days=30, now=timezone.now()
    )
    return made.secret


def test_an_engineer_signs_in_logs_with_behaviours_and_reads_drafts_and_status(
    live_server, engineer, token, promo
):
    draft = DraftFactory(
        author=engineer, repository="acme/payments", number=88, title="Retry webhooks with backoff"
    )

    signed = promo("login", live_server.url + "/", "--token-stdin", stdin=token + "\n")
    assert signed.returncode == 0, signed.stderr
    assert (
        signed.stdout
        == f"Signed in to {live_server.url} as Amara {engineer.last_name} (engineer).\n"
    )
    assert json.loads(promo.config.read_text()) == {"url": live_server.url, "token": token}

    logged = promo("log", "Shipped X", "-b", "scope", "-b", "mentoring", "--share", "mentors")
    assert logged.returncode == 0, logged.stderr
    entry = Entry.objects.get(author=engineer, title="Shipped X")
    assert logged.stdout.startswith(
        "Logged “Shipped X” (week of 23 Nov 2026, shared with mentors): "
    )
    assert logged.stdout.strip().endswith(entry.get_absolute_url())
    assert entry.visibility == Visibility.MENTORS
    assert {b.slug for b in entry.behaviours.all()} == {"scope", "mentoring"}
    assert {b.level.slug for b in entry.behaviours.all()} == {"staff"}

    listed = promo("drafts")
    assert listed.returncode == 0, listed.stderr
    row = listed.stdout.splitlines()[1]
    assert row.split()[0] == str(draft.pk)
    assert "acme/payments #88" in row and "Retry webhooks with backoff" in row

    status = promo("status")
    assert status.returncode == 0, status.stderr
    assert "Scope at Staff" in status.stdout and "Mentoring at Staff" in status.stdout

    assert promo("drafts", "dismiss", str(draft.pk)).returncode == 0
    draft.refresh_from_db()
    assert draft.state == Draft.State.DISMISSED
    assert promo("drafts").stdout == "No drafts waiting.\n"

    everything = signed.stdout + logged.stdout + listed.stdout + status.stdout
    assert token not in everything + signed.stderr + logged.stderr


def test_an_unknown_behaviour_is_refused_with_the_slugs_that_would_do(
    live_server, engineer, token, promo
):
    promo("login", live_server.url, "--token-stdin", stdin=token)

    refused = promo("log", "Shipped Y", "-b", "sorcery")

    assert refused.returncode == 1
    assert "sorcery" in refused.stderr
    assert (
        "Behaviours you can tag: scope (Scope at Staff), mentoring (Mentoring at Staff)"
        in refused.stderr
    )
    assert not Entry.objects.filter(title="Shipped Y").exists()


def test_a_revoked_token_exits_3_and_says_how_to_sign_in_again(live_server, engineer, token, promo):
    assert promo("login", live_server.url, "--token-stdin", stdin=token).returncode == 0
    tokens.token_revoke(token=ApiToken.objects.get(user=engineer), by=engineer, now=timezone.now())

    refused = promo("status")

    assert refused.returncode == 3
    assert refused.stderr == (
        f"Your token was refused (revoked or expired?). Run: promo login {live_server.url}\n"
    )


def test_a_server_that_is_not_there_exits_4(live_server, token, promo):
    assert promo("login", live_server.url, "--token-stdin", stdin=token).returncode == 0
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        closed = f"http://127.0.0.1:{sock.getsockname()[1]}"

    unreachable = promo("drafts", PROMO_URL=closed)

    assert unreachable.returncode == 4
    assert unreachable.stderr == f"Cannot reach {closed}: Connection refused\n"


def test_the_command_line_names_the_tokens_page_and_prefix_as_the_server_does():
    assert reverse("preferences") + "#tokens" == cli.TOKENS_PAGE
    assert cli.TOKEN_PREFIX == tokens.TOKEN_PREFIX
