"""Every API route, for every role and every kind of token: the API's authorization matrix.

The site's matrix (tests/site/test_authorization_matrix.py) signs people in with sessions and
expects anonymous visitors to be sent to sign in; the API knows neither (bearer tokens only,
401 without one), so tests.support leaves /api/ out of that walk and this module walks it.

- Routes are read from the NinjaAPI's own URL patterns and its schema; each (URL name, method)
  needs an entry in TABLE, or `test_every_api_route_has_an_entry` fails naming it.
- Callers: each role of the site's matrix (owner, mentor, manager, skip-level manager,
  stranger, admin) with a read token, a write token, a revoked token and an expired one; and
  a request with no token at all. What a route is asked about is always the owner's: their
  entry, their draft.
- No token, a revoked or an expired token: 401. A read token on a write route: 403. Otherwise
  the owner gets the route's status; anyone else gets 404 for the owner's entry or draft (the
  API only serves "my" things) and, from a list, only their own things, never the owner's.
- Each (route, caller) is one test, in a transaction rolled back after it, so an action (a
  draft logged, dismissed) never changes what the next test sees.
"""

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import timedelta
from urllib.parse import unquote

import pytest
from django.urls import reverse
from django.utils import timezone

from evidence.models import Draft
from promo import tokens
from promo.models import ApiToken, Mentorship, Visibility
from reviews.api import api
from tests.api.conftest import ApiClient
from tests.factories import (
    BehaviourFactory,
    DraftFactory,
    EntryFactory,
    LadderFactory,
    LevelFactory,
    MentorshipFactory,
    PersonFactory,
    UserFactory,
    api_token_for,
)
from tests.support import module_world

OWNER, MENTOR, MANAGER, SKIP, STRANGER, ADMIN = (
    "owner",
    "mentor",
    "manager",
    "skip_manager",
    "stranger",
    "admin",
)
ROLES = (OWNER, MENTOR, MANAGER, SKIP, STRANGER, ADMIN)
READ, WRITE, REVOKED, EXPIRED = "read", "write", "revoked", "expired"
TOKEN_KINDS = (READ, WRITE, REVOKED, EXPIRED)
NONE = "no token"
SHARED_TITLE = "Shared with mentors and managers, by the owner"
DRAFT_TITLE = "The owner's merged pull request"


@dataclass
class World:
    secrets: dict[tuple[str, str], str] = field(default_factory=dict)  # (role, kind) -> token
    ids: dict[str, int] = field(default_factory=dict)


def build_world() -> World:
    ladder = LadderFactory(name="API matrix ladder", slug="api-matrix")
    senior, staff = (
        LevelFactory(ladder=ladder, rank=rank, name=name, slug=name.lower())
        for rank, name in ((1, "Senior"), (2, "Staff"))
    )
    scope = BehaviourFactory(level=staff, rank=1, name="Scope", slug="scope")
    skip = PersonFactory(user=UserFactory(username="api-skip")).user
    manager = PersonFactory(user=UserFactory(username="api-manager"), manager=skip.person).user
    owner = PersonFactory(
        user=UserFactory(username="api-owner"),
        manager=manager.person,
        current_level=senior,
        target_level=staff,
    ).user
    mentor = PersonFactory(user=UserFactory(username="api-mentor")).user
    MentorshipFactory(engineer=owner, mentor=mentor, state=Mentorship.State.ACTIVE)
    stranger = PersonFactory(user=UserFactory(username="api-stranger")).user
    admin = UserFactory(username="api-admin", is_staff=True, is_superuser=True)
    users = {
        OWNER: owner,
        MENTOR: mentor,
        MANAGER: manager,
        SKIP: skip,
        STRANGER: stranger,
        ADMIN: admin,
    }
    world = World()
    entry = EntryFactory(
        author=owner,
        title=SHARED_TITLE,
        visibility=Visibility.MENTORS_AND_MANAGERS,
        behaviours=(scope,),
    )
    draft = DraftFactory(author=owner, title=DRAFT_TITLE, state=Draft.State.WAITING)
    world.ids |= {"entry": entry.pk, "draft": draft.pk}
    now = timezone.now()
    for role, user in users.items():
        for kind in TOKEN_KINDS:
            scope_of = ApiToken.Scope.READ if kind == READ else ApiToken.Scope.WRITE
            made = api_token_for(user, scope=scope_of, name=kind)
            if kind == REVOKED:
                tokens.token_revoke(token=made.token, by=user, now=now)
            if kind == EXPIRED:
                ApiToken.objects.filter(pk=made.token.pk).update(
                    expires_at=now - timedelta(seconds=1)
                )
            world.secrets[role, kind] = made.secret
    return world


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker) -> Iterator[World]:
    yield from module_world(django_db_blocker, build_world)


# --- the table -----------------------------------------------------------------------------------


def no_args(_world: World) -> dict[str, object]:
    return {}


def owners(name: str) -> Callable[[World], dict[str, object]]:
    return lambda w: {"id": w.ids[name]}


@dataclass(frozen=True)
class Route:
    kwargs: Callable[[World], dict[str, object]]
    owner: int  # the owner's status with a usable token of the right scope
    others: int  # everyone else's, with theirs
    write: bool = False  # needs a read-and-write token
    public: bool = False  # answers without a token (the schema), the same for everyone
    lists: str | None = None  # a list: the owner's item it must never show anyone else


# (URL name in the "api" namespace, method) -> what each caller gets. POSTs carry no body: the
# entry route refuses that (422, title required); a draft is logged as it is (201).
TABLE: dict[tuple[str, str], Route] = {
    ("openapi-json", "GET"): Route(no_args, 200, 200, public=True),
    ("api-root", "GET"): Route(no_args, 404, 404, public=True),  # no docs page; nothing here
    ("me", "GET"): Route(no_args, 200, 200),
    ("entry_list", "GET"): Route(no_args, 200, 200, lists=SHARED_TITLE),
    ("entry_log", "POST"): Route(no_args, 422, 422, write=True),
    ("entry_detail", "GET"): Route(owners("entry"), 200, 404),
    ("draft_list", "GET"): Route(no_args, 200, 200, lists=DRAFT_TITLE),
    ("draft_log", "POST"): Route(owners("draft"), 201, 404, write=True),
    ("draft_dismiss", "POST"): Route(owners("draft"), 204, 404, write=True),
    ("suggestion_list", "GET"): Route(no_args, 200, 200),
    ("readiness", "GET"): Route(no_args, 200, 200),
}


def url_of(name: str, world: World) -> str:
    kwargs = next(route.kwargs for (n, _), route in TABLE.items() if n == name)
    return reverse(f"api:{name}", kwargs=kwargs(world) or None)


def expected(route: Route, role: str | None, kind: str) -> int:
    if route.public:
        return route.owner
    if kind in (NONE, REVOKED, EXPIRED):
        return 401
    if route.write and kind == READ:
        return 403
    return route.owner if role == OWNER else route.others


def callers() -> Iterator[tuple[str | None, str]]:
    yield None, NONE
    for role in ROLES:
        for kind in TOKEN_KINDS:
            yield role, kind


def matrix() -> Iterator:
    for (name, method), route in sorted(TABLE.items()):
        for role, kind in callers():
            yield pytest.param(
                name, method, route, role, kind, id=f"{name}-{method}-{role or 'anyone'}-{kind}"
            )


# --- completeness --------------------------------------------------------------------------------


def test_every_api_route_has_an_entry(world):
    names = {p.name for p in api.urls[0]}
    assert names == {name for name, _ in TABLE}, "API URL patterns and TABLE differ"
    documented = {
        (path, method.upper())
        for path, operations in api.get_openapi_schema(path_params={})["paths"].items()
        for method in operations
    }
    templated = {
        name: unquote(reverse(f"api:{name}", kwargs={k: f"{{{k}}}" for k in route.kwargs(world)}))
        for (name, _), route in TABLE.items()
    }
    in_table = {(templated[name], method) for name, method in TABLE}
    missing = documented - in_table
    assert not missing, f"API operations with no entry in TABLE: {sorted(missing)}"


@pytest.mark.parametrize(("name", "method", "route", "role", "kind"), list(matrix()))
def test_api_authorization_matrix(world, db, name, method, route, role, kind):
    secret = world.secrets[role, kind] if role else None
    client = ApiClient(secret)
    url = url_of(name, world)
    response = client.get(url) if method == "GET" else client.post(url)
    want = expected(route, role, kind)
    who = f"{method} {url} as {role or 'anyone'} with {kind}"
    assert response.status_code == want, f"{who}: expected {want}, got {response.status_code}"
    if want == 401:
        assert response["WWW-Authenticate"] == "Bearer", who
    if want in (401, 403, 404, 422) and not route.public:
        assert response.json()["detail"], who
    if route.lists and role != OWNER and want == 200:
        assert route.lists not in response.content.decode(), f"{who}: listed the owner's"
    if route.lists and role == OWNER and want == 200:
        assert route.lists in response.content.decode(), f"{who}: missing the owner's own"


@pytest.mark.parametrize(
    ("name", "method"), sorted({(n, m) for n, m in TABLE if not TABLE[n, m].public})
)
@pytest.mark.parametrize("other", ["PUT", "PATCH", "DELETE"])
def test_other_methods_are_refused_with_405(world, db, name, method, other):
    url = url_of(name, world)
    taken = {m for n, m in TABLE if url_of(n, world) == url}
    if other in taken:
        pytest.skip("accepted")
    client = ApiClient(world.secrets[OWNER, WRITE])
    response = client.client.generic(other, url, headers=client.headers)
    assert response.status_code == 405
