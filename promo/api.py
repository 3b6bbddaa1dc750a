"""The API's door: personal access tokens as bearer tokens, its error answers, and `/api/me`.

Every API request names a token in `Authorization: Bearer <token>`; a session cookie never
stands in for one, so no request is made on someone's behalf by a page they happen to visit (and
CSRF does not arise). The token decides everything: whose things are read (always its owner's:
the API only ever serves "my" things), whether writes are allowed (its scope), and how often
(promo.tokens.RATE_LIMIT). Every use is recorded (promo.tokens.record_use).

The NinjaAPI itself is assembled at the top of the dependency chain, in reviews/api.py; this
module gives it the parts promo owns: `TokenAuth`, `install` (error answers and the audit of
every use) and the router for `/api/me`.
"""

from collections.abc import Callable, Iterable
from functools import wraps
from typing import Any

from django.conf import settings
from django.core.exceptions import RequestDataTooBig
from django.http import Http404, HttpRequest, HttpResponse
from django.utils import timezone
from ninja import NinjaAPI, Router, Schema
from ninja.errors import AuthenticationError, AuthorizationError, HttpError, ValidationError
from ninja.security.http import HttpBearer

from promo import selectors, tokens
from promo.models import ApiToken, Behaviour, Level, Person, display_name

NO_TOKEN = (
    "Send a personal access token as “Authorization: Bearer <token>”; make one on your "
    "preferences page."
)
TOKEN_REFUSED = (
    "This token is unknown, revoked or expired; make a new one on your preferences page."
)
READ_ONLY = "This token may only read; make a token with read and write scope to change things."
TOO_MANY = "Too many requests with this token; wait {seconds} seconds and try again."
INVALID = "Some of what was sent is not right; see the errors for each field."
NOT_JSON = 'The request body is not JSON; send an object such as {"title": "…"}.'
TOO_BIG = (
    "The request body is larger than {limit:,} bytes; an entry's details fit in far less, so "
    "check what is being sent."
)
NOT_FOUND = "Not found."
ALL_FIELDS = "__all__"  # errors about the request as a whole, as Django names them on a form


class Problem(Schema):
    detail: str


class Invalid(Schema):
    detail: str
    errors: dict[str, list[str]]


# The error answers every operation may give, for the schema (responses per status).
READ_ERRORS: dict[int, type[Schema]] = {401: Problem, 422: Invalid, 429: Problem}
WRITE_ERRORS: dict[int, type[Schema]] = {**READ_ERRORS, 400: Problem, 403: Problem, 413: Problem}


class ApiRequest(HttpRequest):
    """What an API operation receives: the token that authenticated the request."""

    auth: ApiToken


class RateLimited(HttpError):
    def __init__(self, seconds: int) -> None:
        super().__init__(429, TOO_MANY.format(seconds=seconds))
        self.seconds = seconds


class TokenAuth(HttpBearer):
    """A personal access token, as a bearer token. `write=True`: only a read-and-write token
    will do (others get 403). A token over its rate limit gets 429 before anything runs."""

    def __init__(self, *, write: bool = False) -> None:
        super().__init__()
        self.write = write

    def __call__(self, request: HttpRequest) -> ApiToken:
        # Not HttpBearer.__call__, which logs an unexpected header whole when DEBUG is on.
        scheme, _, raw = request.headers.get(self.header, "").partition(" ")
        if scheme.lower() != self.openapi_scheme or not raw.strip():
            raise AuthenticationError(message=NO_TOKEN)
        return self.authenticate(request, raw.strip())

    def authenticate(self, request: HttpRequest, token: str) -> ApiToken:
        now = timezone.now()
        looked_up = tokens.lookup(token, now)
        if looked_up is None:
            raise AuthenticationError(message=TOKEN_REFUSED)
        found = looked_up.token
        if not looked_up.usable:  # recorded: a revoked token tried is worth knowing
            request._promo_api_use = (found, 0)  # type: ignore[attr-defined]
            raise AuthenticationError(message=TOKEN_REFUSED)
        over = tokens.over_limit(found)
        request._promo_api_use = (found, over)  # type: ignore[attr-defined]
        if over:
            raise RateLimited(tokens.retry_after(now))
        if self.write and found.scope != ApiToken.Scope.WRITE:
            raise AuthorizationError(message=READ_ONLY)
        return found


read = TokenAuth()
write = TokenAuth(write=True)


def _field(loc: Iterable[object]) -> str:
    """The field a pydantic error is about: its location less where it was read from
    ("body", "query", "path") and the name of the body's parameter."""
    parts = [str(p) for p in loc]
    if parts and parts[0] == "body":
        parts = parts[2:]
    elif parts:
        parts = parts[1:]
    return str(parts[0]) if parts else ALL_FIELDS


def _sentence(error: dict[str, Any]) -> str:
    if error.get("type") == "missing":
        return "This field is required."
    message = str(error.get("msg", "This value is not valid"))
    message = message.removeprefix("Value error, ")
    return message if message.endswith(".") else message + "."


def invalid(errors: dict[str, list[str]]) -> dict[str, object]:
    return {"detail": INVALID, "errors": errors}


def _json(api: NinjaAPI, request: HttpRequest, body: object, status: int) -> HttpResponse:
    return api.create_response(request, body, status=status)


def install(api: NinjaAPI) -> None:
    """Give `api` Promo's error answers (a sentence in "detail"; a 422 names each field's
    problems in "errors") and record every use of a token."""

    def unauthenticated(request: HttpRequest, exc: Any) -> HttpResponse:
        response = _json(api, request, {"detail": exc.message}, 401)
        response["WWW-Authenticate"] = "Bearer"
        return response

    def rate_limited(request: HttpRequest, exc: Any) -> HttpResponse:
        response = _json(api, request, {"detail": exc.message}, 429)
        response["Retry-After"] = str(exc.seconds)
        return response

    def http_error(request: HttpRequest, exc: Any) -> HttpResponse:
        detail = NOT_JSON if exc.status_code == 400 else exc.message
        return _json(api, request, {"detail": detail}, exc.status_code)

    def not_valid(request: HttpRequest, exc: Any) -> HttpResponse:
        errors: dict[str, list[str]] = {}
        for error in exc.errors:
            errors.setdefault(_field(error.get("loc", ())), []).append(_sentence(error))
        return _json(api, request, invalid(errors), 422)

    def not_found(request: HttpRequest, exc: Any) -> HttpResponse:
        return _json(api, request, {"detail": str(exc) or NOT_FOUND}, 404)

    def too_big(request: HttpRequest, exc: Any) -> HttpResponse:
        limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE or 0
        return _json(api, request, {"detail": TOO_BIG.format(limit=limit)}, 413)

    api.add_exception_handler(AuthenticationError, unauthenticated)
    api.add_exception_handler(RateLimited, rate_limited)
    api.add_exception_handler(HttpError, http_error)
    api.add_exception_handler(ValidationError, not_valid)
    api.add_exception_handler(Http404, not_found)
    # Django refuses a body over DATA_UPLOAD_MAX_MEMORY_SIZE before the API reads it; without
    # this the answer would be Django's HTML "Bad Request" page.
    api.add_exception_handler(RequestDataTooBig, too_big)
    api.add_decorator(_audited, mode="view")


def _audited(run: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Record each request a token made, with the status it got. Of the requests over the
    rate limit only the first is recorded: a client in a loop adds one row, not thousands."""

    @wraps(run)
    def audited(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        status = 500
        try:
            response = run(request, *args, **kwargs)
            status = response.status_code
        finally:
            used: tuple[ApiToken, int] | None = getattr(request, "_promo_api_use", None)
            if used is not None and used[1] <= 1:
                tokens.record_use(
                    used[0],
                    method=request.method or "",
                    path=request.path,
                    status=status,
                    now=timezone.now(),
                )
        return response

    return audited


# --- /api/me -------------------------------------------------------------------------------------


class Named(Schema):
    slug: str
    name: str


class Me(Schema):
    username: str
    name: str
    level: Named | None
    target_level: Named | None
    behaviours: list[Named]


def named(thing: Level | Behaviour | None) -> dict[str, str] | None:
    return {"slug": thing.slug, "name": thing.name} if thing is not None else None


def tagging_behaviours(person: Person | None) -> list[Behaviour]:
    """What the person's entries can be tagged with through the API: the behaviours of their
    working level, in ladder order (none without one)."""
    return list(selectors.behaviours_of(person.working_level if person else None))


router = Router(tags=["me"])


@router.get("/me", response={200: Me, **READ_ERRORS}, auth=read, summary="Who the token is for")
def me(request: ApiRequest) -> dict[str, object]:
    user = request.auth.user
    person = selectors.person_of(user)
    return {
        "username": user.get_username(),
        "name": display_name(user),
        "level": named(person.current_level if person else None),
        "target_level": named(person.target_level if person else None),
        "behaviours": [named(b) for b in tagging_behaviours(person)],
    }
