"""Models and migrations never drift: a model change without its migration fails the suite, on
SQLite and on PostgreSQL alike (djangoproject.com's PendingMigrationsTests)."""

from io import StringIO

import pytest
from django.core.management import call_command


def test_no_model_change_is_missing_its_migration(db):
    out = StringIO()
    try:
        call_command("makemigrations", "--check", "--dry-run", stdout=out, stderr=out)
    except SystemExit:
        pytest.fail(f"Models changed without a migration (run makemigrations):\n{out.getvalue()}")
