"""The `promo` command line against a tiny local HTTP server that answers canned responses: what
it sends, what it prints, which exit code each kind of failure gets, and how it keeps the token
(a private file, written atomically, never printed). No Django here: the command line has none.
"""

import io
import json
import os
import socket
import stat
import subprocess
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from promo import cli

TOKEN = "promo_" + "A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8S9t0-_Z"

ME = {
    "username": "amara",
    "name": "Amara Okafor",
    "level": {"slug": "senior", "name": "Senior"},
    "target_level": {"slug": "staff", "name": "Staff"},
    "behaviours": [
        {"slug": "scope-and-impact", "name": "Scope and impact"},
        {"slug": "growing-others", "name": "Growing others"},
    ],
}


def entry(**fields):
    return {
        "id": 7,
        "title": "Shipped X",
        "kind": "weekly_win",
        "week_of": "2026-11-23",
        "body": "",
        "behaviours": ["scope-and-impact", "growing-others"],
        "share": "mentors",
        "links": [],
        "impact": "",
        "shipped_on": None,
        "url": "http://promo.test/entries/7/",
        **fields,
    }


class Quiet(ThreadingHTTPServer):
    def handle_error(self, request, client_address):
        pass  # a client that gave up waiting (the timeout test) is not news


class Canned:
    """A local server: `answer(method, path, status, body, headers)` sets what a request
    gets; `requests` keeps what arrived (method, path, headers, parsed JSON body)."""

    def __init__(self):
        self.routes = {}
        self.requests = []
        self.delay = 0.0
        canned = self

        class Handler(BaseHTTPRequestHandler):
            def _serve(self):
                length = int(self.headers.get("Content-Length") or 0)
                raw = self.rfile.read(length) if length else b""
                canned.requests.append(
                    (self.command, self.path, dict(self.headers), json.loads(raw) if raw else None)
                )
                time.sleep(canned.delay)
                status, body, headers = canned.routes.get(
                    (self.command, self.path), (404, {"detail": "Not found."}, {})
                )
                data = body if isinstance(body, bytes) else json.dumps(body).encode()
                self.send_response(status)
                for name, value in headers.items():
                    self.send_header(name, value)
                if status != 204:
                    self.send_header("Content-Type", "application/json")
                    self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                if status != 204:
                    self.wfile.write(data)

            do_GET = do_POST = _serve

            def log_message(self, *args):
                pass

        self.httpd = Quiet(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.thread = threading.Thread(
            target=self.httpd.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True
        )
        self.thread.start()

    def answer(self, method, path, status=200, body=None, headers=None):
        self.routes[(method, path)] = (status, body, headers or {})

    def close(self):
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture
def server():
    canned = Canned()
    yield canned
    canned.close()


@pytest.fixture
def config_dir(tmp_path, monkeypatch):
    path = tmp_path / "config" / "promo"
    monkeypatch.setenv("PROMO_CONFIG_DIR", str(path))
    monkeypatch.delenv("PROMO_URL", raising=False)
    monkeypatch.delenv("PROMO_TOKEN", raising=False)
    return path


@pytest.fixture
def signed_in(server, config_dir):
    cli.write_config({"url": server.url, "token": TOKEN})
    return server


@pytest.fixture
def run(capsys, monkeypatch):
    """Run the command line in process: (exit code, stdout, stderr). The token never shows."""

    def run(*argv, stdin=""):
        monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
        code = cli.main(list(argv))
        out, err = capsys.readouterr()
        assert TOKEN not in out + err
        return code, out, err

    return run


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


# Signing in ---------------------------------------------------------------------------------


def test_login_checks_the_token_and_stores_it_in_a_private_file(server, config_dir, run):
    server.answer("GET", "/api/me", body=ME)

    code, out, err = run("login", server.url + "/", "--token-stdin", stdin=TOKEN + "\n")

    assert code == 0
    assert out == f"Signed in to {server.url} as Amara Okafor (amara).\n"
    method, path, headers, _ = server.requests[0]
    assert (method, path) == ("GET", "/api/me")
    assert headers["Authorization"] == f"Bearer {TOKEN}"
    assert headers["User-Agent"] == "promo-cli/0.1.0"
    stored = config_dir / "config.json"
    assert json.loads(stored.read_text()) == {"url": server.url, "token": TOKEN}
    assert stat.S_IMODE(stored.stat().st_mode) == 0o600
    assert stat.S_IMODE(config_dir.stat().st_mode) == 0o700
    assert [p.name for p in config_dir.iterdir()] == ["config.json"]


def test_login_asks_for_the_token_without_echo_and_says_where_to_make_one(
    server, config_dir, run, monkeypatch
):
    server.answer("GET", "/api/me", body=ME)
    monkeypatch.setattr(cli.getpass, "getpass", lambda prompt: TOKEN)

    code, _, err = run("login", server.url)

    assert code == 0
    assert f"{server.url}/settings/#tokens" in err


def test_login_with_a_refused_token_stores_nothing(server, config_dir, run):
    server.answer(
        "GET", "/api/me", 401, {"detail": "Invalid token."}, {"WWW-Authenticate": "Bearer"}
    )

    code, _, err = run("login", server.url, "--token-stdin", stdin=TOKEN)

    assert code == 3
    assert "refused that token" in err and "Nothing was stored" in err
    assert not (config_dir / "config.json").exists()


@pytest.mark.parametrize("pasted", ["", "hunter2", "promo_abc def", "promo_\x1b[2Jabc"])
def test_login_refuses_what_is_not_a_token_before_sending_it(server, config_dir, run, pasted):
    code, _, err = run("login", server.url, "--token-stdin", stdin=pasted)

    assert code == 2
    assert err == cli.BAD_TOKEN + "\n"
    assert server.requests == []


@pytest.mark.parametrize("url", ["ftp://promo.test", "https://", "http://promo.test:port"])
def test_login_refuses_an_address_that_is_not_a_server(config_dir, run, url):
    code, _, err = run("login", url, "--token-stdin", stdin=TOKEN)

    assert code == 2
    assert "Give the server's address" in err


@pytest.mark.parametrize(
    ("given", "normal"),
    [
        ("https://promo.example.com/", "https://promo.example.com"),
        ("promo.example.com", "https://promo.example.com"),
        ("HTTPS://promo.example.com/promo//", "https://promo.example.com/promo"),
        ("  http://127.0.0.1:8000  ", "http://127.0.0.1:8000"),
    ],
)
def test_server_addresses_are_normalised(given, normal):
    assert cli.normalise_url(given) == normal


def test_login_to_something_that_is_not_promo_says_so(server, config_dir, run):
    server.answer("GET", "/api/me", 200, b"<html>Welcome</html>")

    code, _, err = run("login", server.url, "--token-stdin", stdin=TOKEN)

    assert code == 1
    assert "did not answer like a Promo server" in err
    assert not (config_dir / "config.json").exists()


def test_logout_forgets_the_token_and_says_where_to_revoke_it(signed_in, config_dir, run):
    code, out, _ = run("logout")

    assert code == 0
    assert f"{signed_in.url}/settings/#tokens" in out
    assert not (config_dir / "config.json").exists()
    assert run("status")[0] == 3


# The config file ----------------------------------------------------------------------------


def test_config_directory_and_file_are_private_whatever_the_umask(config_dir):
    old = os.umask(0)
    try:
        path = cli.write_config({"url": "https://promo.test", "token": TOKEN})
    finally:
        os.umask(old)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(config_dir.stat().st_mode) == 0o700


def test_a_failed_write_leaves_the_old_config_whole_and_no_stray_file(config_dir, monkeypatch):
    cli.write_config({"url": "https://old.test", "token": TOKEN})

    def broken_replace(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(cli.os, "replace", broken_replace)
    with pytest.raises(OSError):
        cli.write_config({"url": "https://new.test", "token": TOKEN})

    assert cli.read_config() == {"url": "https://old.test", "token": TOKEN}
    assert [p.name for p in config_dir.iterdir()] == ["config.json"]


def test_xdg_config_home_is_honoured(tmp_path, monkeypatch):
    monkeypatch.delenv("PROMO_CONFIG_DIR", raising=False)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))

    assert cli.config_path() == tmp_path / "promo" / "config.json"


def test_an_unreadable_config_asks_to_sign_in_again(config_dir, run):
    config_dir.mkdir(parents=True)
    (config_dir / "config.json").write_text("{not json")

    code, _, err = run("drafts")

    assert code == 3
    assert "promo login URL" in err


def test_environment_overrides_the_stored_server_and_token(server, config_dir, run, monkeypatch):
    server.answer("GET", "/api/drafts?limit=100", body={"count": 0, "items": []})
    monkeypatch.setenv("PROMO_URL", server.url)
    monkeypatch.setenv("PROMO_TOKEN", TOKEN)

    code, out, _ = run("drafts")

    assert (code, out) == (0, "No drafts waiting.\n")
    assert server.requests[0][2]["Authorization"] == f"Bearer {TOKEN}"


# Logging ------------------------------------------------------------------------------------


def test_log_sends_title_behaviours_share_and_week_and_prints_the_entry(signed_in, run):
    signed_in.answer("POST", "/api/entries", 201, entry())

    code, out, _ = run(
        "log",
        "Shipped X",
        "-b",
        "scope-and-impact",
        "-b",
        "growing-others",
        "--share",
        "mentors",
        "--link",
        "https://git.test/pr/1",
        "--week",
        "2026-11-23",
        "--body",
        "With **search**.",
    )

    assert code == 0
    assert (
        out
        == "Logged “Shipped X” (week of 23 Nov 2026, shared with mentors): http://promo.test/entries/7/\n"
    )
    method, path, headers, payload = signed_in.requests[0]
    assert (method, path) == ("POST", "/api/entries")
    assert headers["Content-Type"] == "application/json"
    assert payload == {
        "title": "Shipped X",
        "behaviours": ["scope-and-impact", "growing-others"],
        "share": "mentors",
        "links": ["https://git.test/pr/1"],
        "week_of": "2026-11-23",
        "body": "With **search**.",
    }


def test_log_shares_with_managers_and_reads_the_body_from_stdin(signed_in, run):
    signed_in.answer("POST", "/api/entries", 201, entry(share="mentors_and_managers"))

    code, out, _ = run(
        "log", "Shipped X", "--share", "managers", "--body", "-", stdin="Line 1\nLine 2\n"
    )

    assert code == 0
    assert "shared with mentors and managers" in out
    payload = signed_in.requests[0][3]
    assert payload["share"] == "mentors_and_managers"
    assert payload["body"] == "Line 1\nLine 2\n"


def test_log_without_share_leaves_the_choice_to_the_persons_default(signed_in, run):
    signed_in.answer("POST", "/api/entries", 201, entry(share="private", behaviours=[]))

    code, out, _ = run("log", "Shipped X")

    assert code == 0
    assert "(week of 23 Nov 2026, private)" in out
    assert signed_in.requests[0][3] == {"title": "Shipped X", "behaviours": []}


def test_an_unknown_behaviour_gets_the_servers_sentence_and_the_valid_slugs(signed_in, run):
    refusal = {
        "detail": "Some fields need another look.",
        "errors": {"behaviours": ["“scope” is not a behaviour of your level."]},
    }
    signed_in.answer("POST", "/api/entries", 422, refusal)
    signed_in.answer("GET", "/api/me", body=ME)

    code, out, err = run("log", "Shipped X", "-b", "scope")

    assert (code, out) == (1, "")
    assert err.splitlines() == [
        "Some fields need another look.",
        "  behaviours: “scope” is not a behaviour of your level.",
        "Behaviours you can tag: scope-and-impact (Scope and impact), growing-others (Growing others)",
    ]


def test_every_sentence_of_a_refusal_is_printed(signed_in, run):
    refusal = {
        "detail": "Some fields need another look.",
        "errors": {
            "title": ["Give it a title."],
            "week_of": ["Pick a week.", "Not in the future."],
        },
    }
    signed_in.answer("POST", "/api/entries", 422, refusal)

    code, _, err = run("log", " ")

    assert code == 1
    assert "  title: Give it a title." in err
    assert "  week_of: Pick a week.\n  week_of: Not in the future." in err
    assert "Behaviours you can tag" not in err


# Drafts and status --------------------------------------------------------------------------


DRAFTS = {
    "count": 2,
    "items": [
        {
            "id": 12,
            "title": "Retry webhooks with backoff",
            "url": "https://git.test/acme/payments/pull/88",
            "repository": "acme/payments",
            "number": 88,
            "merged_at": "2026-11-20T10:00:00+00:00",
            "suggested": ["scope-and-impact"],
        },
        {
            "id": 11,
            "title": "Fix typo\x1b[2J\x1b]0;owned\x07 in README\u202e",
            "url": "https://git.test/acme/docs/pull/3",
            "repository": "acme/docs",
            "number": None,
            "merged_at": "2026-11-18T09:00:00+00:00",
            "suggested": [],
        },
    ],
}


def test_drafts_are_listed_as_a_table_without_terminal_escapes(signed_in, run):
    signed_in.answer("GET", "/api/drafts?limit=100", body=DRAFTS)

    code, out, _ = run("drafts")

    assert code == 0
    lines = out.splitlines()
    assert lines[0].split() == ["ID", "MERGED", "REPOSITORY", "TITLE", "SUGGESTED"]
    assert lines[1].split() == [
        "12",
        "20",
        "Nov",
        "2026",
        "acme/payments",
        "#88",
        "Retry",
        "webhooks",
        "with",
        "backoff",
        "scope-and-impact",
    ]
    assert "Fix typo[2J]0;owned in README" in lines[2]
    assert "\x1b" not in out and "\x07" not in out and "\u202e" not in out
    assert "promo drafts log ID" in out


def test_on_a_narrow_terminal_long_cells_are_cut_but_piped_output_is_whole(
    signed_in, run, monkeypatch
):
    signed_in.answer("GET", "/api/drafts?limit=100", body=DRAFTS)
    monkeypatch.setenv("COLUMNS", "70")

    piped = run("drafts")[1].splitlines()
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    terminal = run("drafts")[1].splitlines()

    assert "Retry webhooks with backoff" in piped[1]
    assert all(len(line) <= 70 for line in terminal[:3])
    assert terminal[1].split()[:6] == ["12", "20", "Nov", "2026", "acme/payments", "#88"]
    assert "…" in terminal[1]


def test_more_drafts_than_one_page_says_how_many_more(signed_in, run):
    signed_in.answer(
        "GET", "/api/drafts?limit=100", body={"count": 101, "items": DRAFTS["items"][:1]}
    )

    code, out, _ = run("drafts")

    assert code == 0
    assert "… and 100 older drafts not shown." in out


def test_no_drafts_says_so(signed_in, run):
    signed_in.answer("GET", "/api/drafts?limit=100", body={"count": 0, "items": []})

    assert run("drafts")[:2] == (0, "No drafts waiting.\n")


def test_a_draft_is_logged_with_the_chosen_behaviours(signed_in, run):
    signed_in.answer("POST", "/api/drafts/12/log", 201, entry(title="Retry webhooks"))

    code, out, _ = run("drafts", "log", "12", "-b", "scope-and-impact", "--share", "mentors")

    assert code == 0
    assert out.startswith("Logged “Retry webhooks” (week of 23 Nov 2026, shared with mentors)")
    assert signed_in.requests[0][3] == {"behaviours": ["scope-and-impact"], "share": "mentors"}


def test_a_draft_is_dismissed(signed_in, run):
    signed_in.answer("POST", "/api/drafts/12/dismiss", 204, b"")

    assert run("drafts", "dismiss", "12")[:2] == (0, "Dismissed draft 12.\n")
    assert signed_in.requests[0][:2] == ("POST", "/api/drafts/12/dismiss")


def test_someone_elses_draft_gets_the_servers_sentence(signed_in, run):
    signed_in.answer("POST", "/api/drafts/13/dismiss", 404, {"detail": "No such draft."})

    assert run("drafts", "dismiss", "13") == (1, "", "No such draft.\n")


READINESS = {
    "as_of": "2026-11-24",
    "status": "close",
    "status_label": "Close",
    "summary": "Most behaviours are sustained; growing others is emerging.",
    "behaviours": [
        {
            "slug": "scope-and-impact",
            "name": "Scope and impact",
            "status": "sustained",
            "status_label": "Sustained",
            "consistency": 0.6667,
            "last_demonstrated": "2026-10-05",
        },
        {
            "slug": "growing-others",
            "name": "Growing others",
            "status": "emerging",
            "status_label": "Emerging",
            "consistency": 0.0,
            "last_demonstrated": None,
        },
    ],
}


def test_status_shows_the_overall_picture_and_one_line_per_behaviour(signed_in, run):
    signed_in.answer("GET", "/api/readiness", body=READINESS)

    code, out, _ = run("status")

    assert code == 0
    lines = out.splitlines()
    assert lines[0] == "Close (as of 24 Nov 2026)"
    assert lines[1] == "Most behaviours are sustained; growing others is emerging."
    assert lines[3].split() == [
        "Scope",
        "and",
        "impact",
        "Sustained",
        "67%",
        "last",
        "5",
        "Oct",
        "2026",
    ]
    assert lines[4].split() == ["Growing", "others", "Emerging", "0%"]


def test_status_names_the_month_a_behaviour_was_last_demonstrated_in(signed_in, run):
    last = {**READINESS["behaviours"][0], "last_demonstrated": "2026-08-01"}
    signed_in.answer("GET", "/api/readiness", body={**READINESS, "behaviours": [last]})

    assert run("status")[1].splitlines()[3].endswith("67%  last Aug 2026")


@pytest.mark.parametrize("where", ["before", "after"])
def test_json_prints_the_servers_answer_for_scripts(signed_in, run, where):
    signed_in.answer("GET", "/api/readiness", body=READINESS)
    argv = ["--json", "status"] if where == "before" else ["status", "--json"]

    code, out, _ = run(*argv)

    assert code == 0
    assert json.loads(out) == READINESS


# Failures and exit codes --------------------------------------------------------------------


@pytest.mark.parametrize("argv", [["log", "X"], ["drafts"], ["status"], ["drafts", "dismiss", "1"]])
def test_every_command_needs_a_sign_in_first(config_dir, run, argv):
    assert run(*argv) == (3, "", "Not signed in. Run: promo login URL\n")


def test_a_refused_token_says_how_to_sign_in_again(signed_in, run):
    signed_in.answer(
        "GET", "/api/readiness", 401, {"detail": "Invalid token."}, {"WWW-Authenticate": "Bearer"}
    )

    code, _, err = run("status")

    assert code == 3
    assert (
        err == f"Your token was refused (revoked or expired?). Run: promo login {signed_in.url}\n"
    )


def test_a_server_that_is_down_exits_4(config_dir, run):
    url = f"http://127.0.0.1:{free_port()}"
    cli.write_config({"url": url, "token": TOKEN})

    assert run("status") == (4, "", f"Cannot reach {url}: Connection refused\n")


def test_a_server_that_does_not_answer_in_time_exits_4(signed_in, run, monkeypatch):
    signed_in.answer("GET", "/api/readiness", body=READINESS)
    signed_in.delay = 1.0
    monkeypatch.setattr(cli, "TIMEOUT_SECONDS", 0.2)

    code, _, err = run("status")

    assert code == 4
    assert err.startswith(f"Cannot reach {signed_in.url}: no answer within")


def test_too_many_requests_says_when_to_try_again(signed_in, run):
    signed_in.answer(
        "GET", "/api/drafts?limit=100", 429, {"detail": "Slow down."}, {"Retry-After": "17"}
    )

    assert run("drafts") == (1, "", "Too many requests; try again in 17 seconds.\n")


@pytest.mark.parametrize("status", [500, 502])
def test_a_server_failure_exits_1(signed_in, run, status):
    signed_in.answer("GET", "/api/drafts?limit=100", status, b"<h1>Server Error</h1>")

    assert run("drafts") == (1, "", f"The server failed ({status}).\n")


def test_a_read_only_token_gets_the_servers_sentence(signed_in, run):
    signed_in.answer("POST", "/api/entries", 403, {"detail": "This token may only read."})

    assert run("log", "X") == (1, "", "This token may only read.\n")


def test_a_redirect_is_not_followed_so_the_token_stays_home(signed_in, run):
    elsewhere = Canned()
    try:
        signed_in.answer(
            "GET",
            "/api/drafts?limit=100",
            302,
            b"",
            {"Location": elsewhere.url + "/api/drafts?limit=100"},
        )

        code, _, err = run("drafts")

        assert code == 1
        assert f"redirects to {elsewhere.url}/api/drafts" in err
        assert elsewhere.requests == []
    finally:
        elsewhere.close()


@pytest.mark.parametrize(
    "argv",
    [
        [],
        ["log"],
        ["log", "X", "--share", "everyone"],
        ["log", "X", "--week", "23/11/2026"],
        ["drafts", "log", "twelve"],
        ["publish"],
    ],
)
def test_usage_mistakes_exit_2_without_a_request(signed_in, run, argv):
    code, out, err = run(*argv)

    assert code == 2
    assert "usage: promo" in err
    assert signed_in.requests == []


def test_the_command_line_loads_without_django_or_the_apps():
    loaded = subprocess.run(
        [sys.executable, "-c", "import sys, promo.cli; print(' '.join(sorted(sys.modules)))"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()

    assert not [m for m in loaded if m.split(".")[0] in {"django", "evidence", "reviews"}]
    assert not [m for m in loaded if m.startswith("promo.") and m != "promo.cli"]
