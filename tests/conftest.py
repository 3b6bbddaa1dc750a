"""The cast every test can call on.

skip_manager ── manager ── engineer ──(active mentorship)── mentor
                                   ──(ended mentorship)──── ended_mentor
stranger: no relation to anyone.   admin: staff, no relation either.

Where tests live: beside the code they test, one folder per app or sub-package
(tests/promo/ for promo/, tests/reviews/packet/ for reviews/packet/, ...), a module per module
or concern of it (tests/evidence/test_brag_import.py for evidence/brag_import.py). Suites that
hold the whole product to one promise, through every app at once, live in tests/site/: the
authorization matrix, hostile input, the visibility property, anonymous access, security
headers, linear time, settings and migrations. Top level: only this cast, factories.py (every
factory), support.py (helpers several modules share) and settings.py. A folder may have a
conftest.py for fixtures only its own tests use (tests/reviews/packet/conftest.py).
tests/browser/ drives Chromium and runs on its own, sequentially; tests/bench/ and tests/load/
are programs, not tests.
"""

import pytest
import time_machine
from django.test import Client

from promo.models import Behaviour, Level, Mentorship, Visibility
from tests.factories import (
    BehaviourFactory,
    EntryFactory,
    LadderFactory,
    LevelFactory,
    MentorshipFactory,
    PersonFactory,
    UserFactory,
)


@pytest.fixture
def levels(db) -> list[Level]:
    return make_levels()


@pytest.fixture
def scope(levels) -> Behaviour:
    """The top level's first behaviour ("Scope at Staff")."""
    return levels[2].behaviours.get(slug="scope")


@pytest.fixture
def mentoring(levels) -> Behaviour:
    """The top level's second behaviour ("Mentoring at Staff")."""
    return levels[2].behaviours.get(slug="mentoring")


def make_levels() -> list[Level]:
    """A three-level ladder with two behaviours per level."""
    ladder = LadderFactory(name="Test ladder", slug="test")
    made = [
        LevelFactory(ladder=ladder, rank=rank, name=name, slug=name.lower())
        for rank, name in enumerate(["Junior", "Senior", "Staff"], start=1)
    ]
    for level in made:
        for rank, name in enumerate(["Scope", "Mentoring"], start=1):
            BehaviourFactory(
                level=level, rank=rank, name=f"{name} at {level.name}", slug=name.lower()
            )
    return made


@pytest.fixture
def skip_manager(db):
    return PersonFactory(user=UserFactory(username="skip"), title="Director").user


@pytest.fixture
def manager(skip_manager):
    return PersonFactory(
        user=UserFactory(username="manager"), manager=skip_manager.person, title="EM"
    ).user


@pytest.fixture
def engineer(manager, levels):
    return PersonFactory(
        user=UserFactory(username="engineer", first_name="Amara"),
        manager=manager.person,
        current_level=levels[1],
        target_level=levels[2],
    ).user


@pytest.fixture
def mentor(engineer):
    user = PersonFactory(user=UserFactory(username="mentor"), title="Principal Engineer").user
    MentorshipFactory(engineer=engineer, mentor=user, state=Mentorship.State.ACTIVE)
    return user


@pytest.fixture
def ended_mentor(engineer):
    user = PersonFactory(user=UserFactory(username="ended-mentor")).user
    MentorshipFactory(engineer=engineer, mentor=user, state=Mentorship.State.ENDED)
    return user


@pytest.fixture
def stranger(db):
    return PersonFactory(user=UserFactory(username="stranger")).user


@pytest.fixture
def admin_user(db):
    return UserFactory(username="admin", is_staff=True, is_superuser=True)


TODAY = "2026-11-24 12:00:00+00:00"


@pytest.fixture(autouse=True)
def frozen_today():
    """Every test runs on Tuesday 24 November 2026 (week of Monday 23 November)."""
    with time_machine.travel(TODAY, tick=False):
        yield


@pytest.fixture
def entries(engineer, levels) -> dict[str, object]:
    """One entry of each visibility by the engineer, tagged with a target-level behaviour."""
    scope = levels[2].behaviours.get(slug="scope")
    return {
        visibility: EntryFactory(
            author=engineer,
            title=f"{visibility} entry",
            visibility=visibility,
            behaviours=(scope,),
        )
        for visibility in Visibility.values
    }


def client_for(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def assert_flat_query_count(assert_max, client: Client, url: str, *, grow, bound: int) -> None:
    """The page at `url` stays within `bound` queries with a little data and with a lot more.

    `assert_max` is pytest-django's django_assert_max_num_queries; `grow(n)` adds n more rows.
    """
    grow(2)
    with assert_max(bound):
        assert client.get(url).status_code == 200
    grow(20)
    with assert_max(bound):
        assert client.get(url).status_code == 200
