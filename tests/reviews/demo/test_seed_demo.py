"""The seed_demo command's guards: it refuses to run with DEBUG off unless forced, and leaves
a database with real people in it alone when asked to."""

from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command

User = get_user_model()


def seed(*args: str) -> str:
    out = StringIO()
    call_command("seed_demo", *args, stdout=out)
    return out.getvalue()


@pytest.mark.django_db
def test_seed_demo_is_refused_with_debug_off_unless_forced(settings):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="runs only with DEBUG on, or with --force"):
        seed()
    assert not User.objects.exists()


@pytest.mark.django_db
def test_if_empty_leaves_an_existing_database_alone():
    User.objects.create_user("someone-real", password="not demo at all 123")
    assert "left as it is" in seed("--force", "--if-empty")
    assert not User.objects.filter(username="demo-engineer").exists()
