"""The `promo` command line: log evidence, decide drafts and read readiness from a terminal.

Standard library only, and nothing from Django or the apps, so it starts fast and works on a
laptop that has only the package installed. It speaks the JSON API under /api/ with a personal
access token, which `promo login` stores in the user's config directory (file 0600, directory
0700) and which is never printed.

Exit codes: 0 done; 1 the server refused (its sentences on stderr); 2 usage; 3 not signed in or
the token was refused; 4 the server cannot be reached.
"""

from __future__ import annotations

import argparse
import getpass
import http.client
import json
import os
import shutil
import ssl
import sys
import tempfile
import textwrap
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any, NoReturn

VERSION = "0.1.0"
USER_AGENT = f"promo-cli/{VERSION}"
TIMEOUT_SECONDS = 15
# Answers are small JSON documents; anything larger is not the Promo API talking.
MAX_RESPONSE_BYTES = 5_000_000
CONFIG_FILE = "config.json"
# The server's own names for these (promo.tokens, the preferences URL) are pinned to these by
# tests/cli/test_cli_live.py: this module cannot import them without importing Django.
TOKENS_PAGE = "/settings/#tokens"
TOKEN_PREFIX = "promo_"
DRAFTS_SHOWN = 100  # the API's largest page

OK, REFUSED, USAGE, SIGNED_OUT, UNREACHABLE = 0, 1, 2, 3, 4

SHARES = {"private": "private", "mentors": "mentors", "managers": "mentors_and_managers"}
SHARED_WITH = {
    "private": "private",
    "mentors": "shared with mentors",
    "mentors_and_managers": "shared with mentors and managers",
}

NOT_SIGNED_IN = "Not signed in. Run: promo login URL"
TOKEN_REFUSED = "Your token was refused (revoked or expired?). Run: promo login {url}"
LOGIN_REFUSED = "{url} refused that token (mistyped, revoked or expired?). Nothing was stored."
UNREACHABLE_MESSAGE = "Cannot reach {url}: {reason}"
TOO_MANY = "Too many requests; try again in {seconds} seconds."
TOO_MANY_LATER = "Too many requests; try again later."
SERVER_FAILED = "The server failed ({status})."
NOT_PROMO = "{url} did not answer like a Promo server ({what}). Is the address right?"
REDIRECTED = "{url} redirects to {location}; use the address it points to."
BAD_URL = "Give the server's address, e.g. https://promo.example.com (got {url!r})."
BAD_TOKEN = "That is not a Promo token: they start with promo_ and have no spaces."
NO_DRAFTS = "No drafts waiting."
UNREADABLE_CONFIG = "Cannot read {path} ({reason}). Run: promo login URL"

# Control characters (terminal escape sequences) and bidirectional overrides never reach the
# terminal: draft titles come from pull requests anyone in the organisation may write.
_UNPRINTABLE = dict.fromkeys(
    [*range(0x00, 0x20), *range(0x7F, 0xA0), *range(0x202A, 0x202F), *range(0x2066, 0x206A)]
)


class CliError(Exception):
    """A sentence for stderr and the exit code that goes with it."""

    def __init__(self, message: str, code: int, *, fields: Sequence[str] = ()) -> None:
        super().__init__(message)
        self.code = code
        self.fields = tuple(fields)  # the request fields a 422 named


@dataclass(frozen=True)
class Server:
    url: str
    token: str


@dataclass(frozen=True)
class Response:
    status: int
    data: Any


def clean(text: object) -> str:
    """`text` as one safe line for the terminal."""
    return str(text).translate(_UNPRINTABLE)


# Configuration ------------------------------------------------------------------------------


def config_dir() -> Path:
    if os.environ.get("PROMO_CONFIG_DIR"):
        return Path(os.environ["PROMO_CONFIG_DIR"])
    base = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(base) / "promo"


def config_path() -> Path:
    return config_dir() / CONFIG_FILE


def read_config() -> dict[str, str]:
    path = config_path()
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    except (OSError, ValueError) as error:
        raise CliError(UNREADABLE_CONFIG.format(path=path, reason=error), SIGNED_OUT) from None
    if not isinstance(data, dict):
        raise CliError(UNREADABLE_CONFIG.format(path=path, reason="not an object"), SIGNED_OUT)
    return {key: value for key, value in data.items() if isinstance(value, str)}


def write_config(values: dict[str, str]) -> Path:
    """Store `values` so that no moment exists where the file is half written or readable by
    others: a 0600 temporary file beside it, flushed to disk, then renamed over it."""
    directory = config_dir()
    if not directory.is_dir():
        directory.mkdir(parents=True, exist_ok=True)
        os.chmod(directory, 0o700)  # whatever the umask
    descriptor, temporary = tempfile.mkstemp(dir=directory, prefix=".config-", suffix=".tmp")
    try:
        os.chmod(temporary, 0o600)
        with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
            json.dump(values, handle, indent=2)
            handle.write("\n")
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, directory / CONFIG_FILE)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return directory / CONFIG_FILE


def normalise_url(url: str) -> str:
    """`https://promo.example.com/` and `promo.example.com` both become
    `https://promo.example.com`; anything that is not an http(s) address is refused."""
    text = url.strip()
    if "://" not in text:
        text = "https://" + text
    parts = urllib.parse.urlsplit(text)
    try:
        parts.port  # noqa: B018 -- raises ValueError for a port that is not a number
    except ValueError:
        raise CliError(BAD_URL.format(url=url), USAGE) from None
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        raise CliError(BAD_URL.format(url=url), USAGE)
    if parts.query or parts.fragment or any(c.isspace() for c in text):
        raise CliError(BAD_URL.format(url=url), USAGE)
    normal = urllib.parse.urlunsplit((parts.scheme.lower(), parts.netloc, parts.path, "", ""))
    return normal.rstrip("/")


def check_token(token: str) -> str:
    token = token.strip()
    if not token.startswith(TOKEN_PREFIX) or not token.isascii() or not token.isprintable():
        raise CliError(BAD_TOKEN, USAGE)
    if any(c.isspace() for c in token):
        raise CliError(BAD_TOKEN, USAGE)
    return token


def signed_in() -> Server:
    """The server and token to use: PROMO_URL and PROMO_TOKEN win over the stored ones."""
    env_url, env_token = os.environ.get("PROMO_URL"), os.environ.get("PROMO_TOKEN")
    stored = {} if env_url and env_token else read_config()
    url, token = env_url or stored.get("url"), env_token or stored.get("token")
    if not url or not token:
        raise CliError(NOT_SIGNED_IN, SIGNED_OUT)
    return Server(url=normalise_url(url), token=check_token(token))


# HTTP ---------------------------------------------------------------------------------------


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    """A redirect would carry the token to wherever it points, and turn a POST into a GET."""

    def redirect_request(self, *args: Any, **kwargs: Any) -> None:
        return None


_opener = urllib.request.build_opener(_NoRedirects)


def _reason(error: BaseException) -> str:
    if isinstance(error, urllib.error.URLError) and isinstance(error.reason, BaseException):
        error = error.reason
    if isinstance(error, TimeoutError):
        return f"no answer within {TIMEOUT_SECONDS} seconds"
    if isinstance(error, ssl.SSLCertVerificationError):
        return f"its certificate is not trusted ({clean(error.verify_message)})"
    if isinstance(error, ssl.SSLError):
        return f"the secure connection failed ({clean(error.reason)}; is it http:// only?)"
    if isinstance(error, OSError) and error.strerror:
        return clean(error.strerror)
    return clean(getattr(error, "reason", None) or error or type(error).__name__)


def _decode(body: bytes) -> Any:
    if not body:
        return None
    try:
        return json.loads(body.decode("utf-8"))
    except (ValueError, RecursionError):  # not JSON, or nested past Python's stack
        return None


def request(server: Server, method: str, path: str, payload: Any = None) -> Response:
    """One call to the API; every failure becomes a CliError with its exit code."""
    headers = {
        "Authorization": f"Bearer {server.token}",
        "Accept": "application/json",
        "User-Agent": USER_AGENT,
    }
    data = None
    if payload is not None:
        data = json.dumps(payload).encode("utf-8")
        headers["Content-Type"] = "application/json"
    call = urllib.request.Request(server.url + path, data=data, headers=headers, method=method)
    try:
        with _opener.open(call, timeout=TIMEOUT_SECONDS) as answer:
            body = answer.read(MAX_RESPONSE_BYTES + 1)
            status = answer.status
    except urllib.error.HTTPError as error:
        with error:
            body = error.read(MAX_RESPONSE_BYTES + 1)
        return _refused(server, path, error.code, error.headers, _decode(body))
    except (OSError, http.client.HTTPException) as error:
        reason = _reason(error)
        message = UNREACHABLE_MESSAGE.format(url=server.url, reason=reason)
        raise CliError(message, UNREACHABLE) from None
    if len(body) > MAX_RESPONSE_BYTES:
        raise CliError(NOT_PROMO.format(url=server.url, what="answer too large"), REFUSED)
    decoded = _decode(body)
    if body and decoded is None:
        raise CliError(NOT_PROMO.format(url=server.url, what=f"{path} is not JSON"), REFUSED)
    return Response(status=status, data=decoded)


def _refused(server: Server, path: str, status: int, headers: Any, data: Any) -> NoReturn:
    detail = data.get("detail") if isinstance(data, dict) else None
    if status in (301, 302, 303, 307, 308):
        location = clean(headers.get("Location", "elsewhere"))
        raise CliError(REDIRECTED.format(url=server.url, location=location), REFUSED)
    if status == 401:
        raise CliError(TOKEN_REFUSED.format(url=server.url), SIGNED_OUT)
    if status == 429:
        wait = (headers.get("Retry-After") or "").strip()
        message = TOO_MANY.format(seconds=wait) if wait.isdigit() else TOO_MANY_LATER
        raise CliError(message, REFUSED)
    if status >= 500:
        raise CliError(SERVER_FAILED.format(status=status), REFUSED)
    if status == 422:
        errors = data.get("errors") if isinstance(data, dict) else None
        fields = list(errors) if isinstance(errors, dict) else []
        raise CliError(_validation_message(data), REFUSED, fields=fields)
    if isinstance(detail, str) and detail:
        raise CliError(clean(detail), REFUSED)
    if status == 404:
        raise CliError(NOT_PROMO.format(url=server.url, what=f"{path} not found"), REFUSED)
    raise CliError(f"The server refused the request ({status}).", REFUSED)


def _validation_message(data: Any) -> str:
    if not isinstance(data, dict):
        return "The server refused the request (422)."
    lines = [clean(data["detail"])] if isinstance(data.get("detail"), str) else []
    errors = data.get("errors")
    if isinstance(errors, dict):
        for field, sentences in errors.items():
            for sentence in sentences if isinstance(sentences, list) else [sentences]:
                lines.append(f"  {clean(field)}: {clean(sentence)}")
    return "\n".join(lines) or "The server refused the request (422)."


# Output -------------------------------------------------------------------------------------


def _day(value: object) -> str:
    """`2026-11-23` (or a timestamp) as `23 Nov 2026`, in the local time zone."""
    text = str(value or "")
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        return clean(text)
    if len(text) > 10 and moment.tzinfo is not None:
        moment = moment.astimezone()
    when: date = moment.date()
    return f"{when.day} {when:%b %Y}"


def _logged(entry: dict[str, Any]) -> str:
    shared = SHARED_WITH.get(entry.get("share", ""), clean(entry.get("share", "")))
    return (
        f"Logged “{clean(entry.get('title', ''))}” "
        f"(week of {_day(entry.get('week_of'))}, {shared}): {clean(entry.get('url', ''))}"
    )


def _width(*, limit: int = 1000) -> int:
    return min(limit, shutil.get_terminal_size((120, 24)).columns)


def _month_or_day(value: object) -> str:
    """A period's first day: readiness counts months by default, so 1 Aug reads "Aug 2026"."""
    shown = _day(value)
    return shown[2:] if shown.startswith("1 ") else shown


def _table(rows: list[list[str]], *, shrink: Sequence[int]) -> list[str]:
    """Columns padded to their widest cell. On a terminal too narrow for them, the columns in
    `shrink` are cut in turn (to no fewer than 12 characters); piped output is never cut."""
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    spare = _width() - (sum(widths) + 2 * (len(widths) - 1))
    for column in shrink if sys.stdout.isatty() else ():
        if spare >= 0:
            break
        cut = min(-spare, max(0, widths[column] - 12))
        widths[column] -= cut
        spare += cut
    lines = []
    for row in rows:
        cells = [
            cell if len(cell) <= widths[i] else cell[: widths[i] - 1] + "…"
            for i, cell in enumerate(row)
        ]
        lines.append("  ".join(cell.ljust(widths[i]) for i, cell in enumerate(cells)).rstrip())
    return lines


def _print_json(data: Any) -> None:
    if data is not None:
        print(json.dumps(data, indent=2, ensure_ascii=False))


# Commands -----------------------------------------------------------------------------------


def cmd_login(args: argparse.Namespace) -> int:
    url = normalise_url(args.url)
    if url.startswith("http://") and urllib.parse.urlsplit(url).hostname not in (
        "localhost",
        "127.0.0.1",
        "::1",
    ):
        print(f"Warning: {url} is not HTTPS; the token would travel unencrypted.", file=sys.stderr)
    if args.token_stdin:
        token = sys.stdin.readline()
    else:
        print(f"Make a token at {url}{TOKENS_PAGE} and paste it here.", file=sys.stderr)
        token = getpass.getpass("Token: ")
    server = Server(url=url, token=check_token(token))
    try:
        me = request(server, "GET", "/api/me").data
    except CliError as error:
        if error.code == SIGNED_OUT:
            raise CliError(LOGIN_REFUSED.format(url=url), SIGNED_OUT) from None
        raise
    if not isinstance(me, dict) or "username" not in me:
        raise CliError(NOT_PROMO.format(url=url, what="/api/me"), REFUSED)
    path = write_config({"url": server.url, "token": server.token})
    if args.json:
        _print_json(me)
    else:
        name = clean(me.get("name") or me["username"])
        print(f"Signed in to {url} as {name} ({clean(me['username'])}).")
        print(f"Token stored in {path}.", file=sys.stderr)
    return OK


def cmd_logout(args: argparse.Namespace) -> int:
    path = config_path()
    stored = read_config()
    if not stored:
        print("Not signed in; nothing to forget.")
        return OK
    path.unlink(missing_ok=True)
    url = stored.get("url", "the server")
    print(f"Signed out: the token is forgotten here. Revoke it at {url}{TOKENS_PAGE}.")
    return OK


def _behaviour_hint(server: Server) -> str:
    """The slugs an entry can be tagged with, for after a refused tag; empty if unavailable."""
    try:
        me = request(server, "GET", "/api/me").data
    except CliError:
        return ""
    behaviours = me.get("behaviours") if isinstance(me, dict) else None
    if not behaviours:
        return ""
    listed = ", ".join(
        f"{clean(b.get('slug'))} ({clean(b.get('name'))})"
        for b in behaviours
        if isinstance(b, dict)
    )
    return f"\nBehaviours you can tag: {listed}"


def _post_entry(server: Server, path: str, payload: dict[str, Any]) -> dict[str, Any]:
    """POST an entry (or a draft to log); the entry the server made."""
    try:
        entry = request(server, "POST", path, payload).data
    except CliError as error:
        if "behaviours" in error.fields:
            raise CliError(str(error) + _behaviour_hint(server), error.code) from None
        raise
    if not isinstance(entry, dict):
        raise CliError(NOT_PROMO.format(url=server.url, what=f"{path} sent no entry"), REFUSED)
    return entry


def cmd_log(args: argparse.Namespace) -> int:
    server = signed_in()
    payload: dict[str, Any] = {"title": args.title, "behaviours": args.behaviours or []}
    if args.body is not None:
        payload["body"] = sys.stdin.read() if args.body == "-" else args.body
    if args.share:
        payload["share"] = SHARES[args.share]
    if args.links:
        payload["links"] = args.links
    if args.week:
        payload["week_of"] = args.week.isoformat()
    entry = _post_entry(server, "/api/entries", payload)
    if args.json:
        _print_json(entry)
    else:
        print(_logged(entry))
    return OK


def cmd_drafts(args: argparse.Namespace) -> int:
    server = signed_in()
    if args.action == "log":
        payload: dict[str, Any] = {}
        if args.title:
            payload["title"] = args.title
        if args.behaviours:
            payload["behaviours"] = args.behaviours
        if args.share:
            payload["share"] = SHARES[args.share]
        entry = _post_entry(server, f"/api/drafts/{args.id}/log", payload)
        if args.json:
            _print_json(entry)
        else:
            print(_logged(entry))
        return OK
    if args.action == "dismiss":
        request(server, "POST", f"/api/drafts/{args.id}/dismiss")
        if not args.json:
            print(f"Dismissed draft {args.id}.")
        return OK
    listing = request(server, "GET", f"/api/drafts?limit={DRAFTS_SHOWN}").data
    if args.json:
        _print_json(listing)
        return OK
    items = listing.get("items", []) if isinstance(listing, dict) else []
    if not items:
        print(NO_DRAFTS)
        return OK
    rows = [["ID", "MERGED", "REPOSITORY", "TITLE", "SUGGESTED"]]
    for item in items:
        number = f" #{item['number']}" if item.get("number") else ""
        rows.append(
            [
                clean(item.get("id", "")),
                _day(item.get("merged_at")),
                clean(item.get("repository", "")) + number,
                clean(item.get("title", "")),
                ", ".join(clean(slug) for slug in item.get("suggested") or []) or "-",
            ]
        )
    print("\n".join(_table(rows, shrink=(4, 3))))
    if listing.get("count", 0) > len(items):
        print(f"… and {listing['count'] - len(items)} older drafts not shown.")
    print("\nLog one: promo drafts log ID [-b SLUG]...   Dismiss one: promo drafts dismiss ID")
    return OK


def cmd_status(args: argparse.Namespace) -> int:
    server = signed_in()
    readiness = request(server, "GET", "/api/readiness").data
    if args.json:
        _print_json(readiness)
        return OK
    if not isinstance(readiness, dict):
        raise CliError(NOT_PROMO.format(url=server.url, what="/api/readiness"), REFUSED)
    label = clean(readiness.get("status_label") or readiness.get("status", ""))
    print(f"{label} (as of {_day(readiness.get('as_of'))})")
    if readiness.get("summary"):
        print(textwrap.fill(clean(readiness["summary"]), width=_width(limit=100)))
    behaviours = readiness.get("behaviours") or []
    if behaviours:
        rows = [
            [
                clean(b.get("name", "")),
                clean(b.get("status_label") or b.get("status", "")),
                f"{round(100 * float(b.get('consistency') or 0))}%",
                f"last {_month_or_day(b['last_demonstrated'])}"
                if b.get("last_demonstrated")
                else "",
            ]
            for b in behaviours
        ]
        print()
        print("\n".join("  " + line for line in _table(rows, shrink=(0,))))
    return OK


# Parsing ------------------------------------------------------------------------------------


def _week(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"give a date as YYYY-MM-DD (got {text!r})") from None


def _draft_id(text: str) -> int:
    if not text.isdigit() or not 0 < int(text) < 2**63:
        raise argparse.ArgumentTypeError(f"a draft's ID is a number (got {text!r})")
    return int(text)


def build_parser() -> argparse.ArgumentParser:
    # --json works before or after the command: each subcommand has its own copy of the flag,
    # whose SUPPRESS default keeps it from resetting what the main parser read.
    json_help = "print the server's JSON answer instead of sentences"
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--json", action="store_true", default=argparse.SUPPRESS, help=json_help)
    parser = argparse.ArgumentParser(
        prog="promo",
        description="Log evidence, decide drafts and read your readiness on a Promo server.",
        epilog="Exit codes: 0 done, 1 the server refused, 2 usage, 3 not signed in or token "
        "refused, 4 server unreachable.",
    )
    parser.add_argument("--json", action="store_true", help=json_help)
    parser.add_argument("--version", action="version", version=f"promo {VERSION}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    login = commands.add_parser(
        "login", parents=[common], help="sign in to a server with a personal access token"
    )
    login.add_argument("url", metavar="URL", help="the server, e.g. https://promo.example.com")
    login.add_argument(
        "--token-stdin", action="store_true", help="read the token from standard input"
    )
    login.set_defaults(run=cmd_login)

    logout = commands.add_parser("logout", parents=[common], help="forget the stored token")
    logout.set_defaults(run=cmd_logout)

    def tagging(command: argparse.ArgumentParser) -> None:
        command.add_argument(
            "-b",
            "--behaviour",
            dest="behaviours",
            action="append",
            metavar="SLUG",
            help="a behaviour it demonstrates (repeat for more)",
        )
        command.add_argument(
            "--share", choices=sorted(SHARES), help="who sees it (default: your usual choice)"
        )

    log = commands.add_parser("log", parents=[common], help="log an entry")
    log.add_argument("title", metavar="TITLE")
    tagging(log)
    log.add_argument("--body", metavar="TEXT", help="Markdown; - reads it from standard input")
    log.add_argument(
        "--link", dest="links", action="append", metavar="URL", help="a link (repeatable)"
    )
    log.add_argument(
        "--week", type=_week, metavar="YYYY-MM-DD", help="a day of the week it belongs to"
    )
    log.set_defaults(run=cmd_log)

    drafts = commands.add_parser(
        "drafts", parents=[common], help="list waiting drafts, or log or dismiss one"
    )
    drafts.set_defaults(run=cmd_drafts)
    actions = drafts.add_subparsers(dest="action", metavar="ACTION")
    draft_log = actions.add_parser("log", parents=[common], help="log a draft as an entry")
    draft_log.add_argument("id", type=_draft_id, metavar="ID")
    draft_log.add_argument("--title", help="instead of the pull request's title")
    tagging(draft_log)
    draft_dismiss = actions.add_parser("dismiss", parents=[common], help="dismiss a draft")
    draft_dismiss.add_argument("id", type=_draft_id, metavar="ID")

    status = commands.add_parser("status", parents=[common], help="your readiness")
    status.set_defaults(run=cmd_status)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as done:  # --help, --version, or a usage error (2)
        return done.code if isinstance(done.code, int) else USAGE
    try:
        code: int = args.run(args)
    except CliError as error:
        print(str(error), file=sys.stderr)
        return error.code
    except KeyboardInterrupt:
        print(file=sys.stderr)
        return 130
    except BrokenPipeError:  # `promo drafts | head`: the reader has all it wanted
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 141
    return code


if __name__ == "__main__":
    sys.exit(main())
