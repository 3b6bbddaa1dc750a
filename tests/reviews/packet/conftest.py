"""Fixtures and helpers of the promotion packet's tests: a document, its level's behaviours, entries."""

from datetime import date

import pytest

from promo.models import Visibility
from tests.factories import EntryFactory, PromoDocumentFactory

SHARED = Visibility.MENTORS_AND_MANAGERS
OLD_SHIP = date(2026, 6, 1)  # long enough ago for impact to count


@pytest.fixture
def behaviours(levels):
    staff = levels[2]
    return {b.slug: b for b in staff.behaviours.order_by("rank")}


@pytest.fixture
def document(engineer, levels):
    return PromoDocumentFactory(engineer=engineer, level=levels[2])


def tagged_entry(engineer, behaviour, *, week, visibility=SHARED, **fields):
    return EntryFactory(
        author=engineer, week_of=week, visibility=visibility, behaviours=(behaviour,), **fields
    )


OWNER, MANAGER, SKIP, MENTOR, ENDED, STRANGER, ADMIN = (
    "engineer", "manager", "skip_manager", "mentor", "ended_mentor", "stranger", "admin_user",
)  # fmt: skip
