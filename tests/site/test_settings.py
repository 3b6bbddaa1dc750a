"""Settings come from the environment; production defaults are safe and pass check --deploy."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

from promo.env import env_bool, env_choice, env_int, env_list

ROOT = settings.BASE_DIR  # the project folder, where manage.py is
PRODUCTION = {
    "SECRET_KEY": "x7#k2@pq9!zr4$mv8&wl3^bn6*yt1(hs5)gd0-fj_ce+ua=oi~",
    "ALLOWED_HOSTS": "promo.example.com",
    "DEBUG": "0",
}
READ_SETTINGS = """
import json, django
from django.conf import settings
django.setup()
db = settings.DATABASES["default"]
print(json.dumps({
    "debug": settings.DEBUG, "engine": db["ENGINE"], "name": str(db["NAME"]),
    "host": db.get("HOST"), "hosts": settings.ALLOWED_HOSTS, "email": settings.EMAIL_BACKEND,
    "tz": settings.TIME_ZONE, "secure_cookie": settings.SESSION_COOKIE_SECURE,
    "hsts": settings.SECURE_HSTS_SECONDS, "static": settings.STORAGES["staticfiles"]["BACKEND"],
}))
"""


def clean_env(**overrides: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_URL"))}
    for name in [
        "SECRET_KEY",
        "DEBUG",
        "ALLOWED_HOSTS",
        "EMAIL_HOST",
        "TIME_ZONE",
        "TEST_DATABASE_URL",
    ]:
        env.pop(name, None)
    env["DJANGO_SETTINGS_MODULE"] = "promo.settings"
    env.update(overrides)
    return env


def run_settings(tmp_path: Path, **overrides: str) -> dict:
    env = clean_env(PROMO_DATA_DIR=str(tmp_path / "data"), **overrides)
    out = subprocess.run(
        [sys.executable, "-c", READ_SETTINGS], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert out.returncode == 0, out.stderr
    return json.loads(out.stdout)


def test_production_defaults_are_secure_and_use_sqlite_in_the_data_folder(tmp_path):
    found = run_settings(tmp_path, **PRODUCTION)
    assert found["debug"] is False
    assert found["engine"] == "django.db.backends.sqlite3"
    assert found["name"] == str(tmp_path / "data" / "promo.sqlite3")
    assert found["hosts"] == ["promo.example.com"]
    assert found["email"] == "django.core.mail.backends.console.EmailBackend"
    assert found["secure_cookie"] is True
    assert found["hsts"] == 31_536_000
    assert found["static"] == "whitenoise.storage.CompressedManifestStaticFilesStorage"


def test_the_data_folder_is_created_readable_by_its_owner_only(tmp_path):
    """It holds the SQLite database, and so every private entry."""
    run_settings(tmp_path, **PRODUCTION)
    assert (tmp_path / "data").stat().st_mode & 0o777 == 0o700


def test_database_url_selects_postgresql(tmp_path):
    found = run_settings(
        tmp_path, DATABASE_URL="postgres://promo:pw@db.internal:5432/promo", **PRODUCTION
    )
    assert found["engine"] == "django.db.backends.postgresql"
    assert (found["name"], found["host"]) == ("promo", "db.internal")


def test_email_host_switches_to_smtp_and_time_zone_is_read(tmp_path):
    found = run_settings(
        tmp_path, EMAIL_HOST="smtp.example.com", TIME_ZONE="Europe/Berlin", **PRODUCTION
    )
    assert found["email"] == "django.core.mail.backends.smtp.EmailBackend"
    assert found["tz"] == "Europe/Berlin"


def test_debug_allows_a_missing_secret_key_and_relaxes_https_only_cookies(tmp_path):
    found = run_settings(tmp_path, DEBUG="1")
    assert found["debug"] is True
    assert found["secure_cookie"] is False
    assert found["hosts"] == ["127.0.0.1", "localhost"]


def test_missing_secret_key_in_production_is_refused(tmp_path):
    env = clean_env(PROMO_DATA_DIR=str(tmp_path), DEBUG="0")
    out = subprocess.run(
        [sys.executable, "-c", READ_SETTINGS], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert out.returncode != 0
    assert "SECRET_KEY must be set when DEBUG is off." in out.stderr


def deploy_check(tmp_path: Path, **overrides: str) -> subprocess.CompletedProcess:
    env = clean_env(PROMO_DATA_DIR=str(tmp_path), **overrides)
    return subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )


def test_production_configuration_passes_check_deploy(tmp_path):
    result = deploy_check(tmp_path, **PRODUCTION)
    assert result.returncode == 0, result.stderr


def test_check_deploy_catches_debug_left_on(tmp_path):
    result = deploy_check(tmp_path, **{**PRODUCTION, "DEBUG": "1"})
    assert result.returncode != 0
    assert "security.W018" in result.stderr


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("1", True),
        ("true", True),
        ("Yes", True),
        (" on ", True),
        ("0", False),
        ("off", False),
        ("", False),
    ],
)
def test_env_bool_reads_the_usual_spellings(monkeypatch, raw, expected):
    monkeypatch.setenv("FLAG", raw)
    assert env_bool("FLAG", not expected) is expected


def test_env_bool_rejects_a_typo_with_the_variable_name(monkeypatch):
    monkeypatch.setenv("DEBUG", "treu")
    with pytest.raises(ImproperlyConfigured, match="DEBUG must be one of"):
        env_bool("DEBUG", False)


def test_env_int_rejects_words(monkeypatch):
    monkeypatch.setenv("EMAIL_PORT", "twenty")
    with pytest.raises(ImproperlyConfigured, match="EMAIL_PORT must be a whole number"):
        env_int("EMAIL_PORT", 25)


def test_an_unknown_tasks_backend_names_the_choices(monkeypatch):
    monkeypatch.setenv("TASKS_BACKEND", "redis")
    with pytest.raises(
        ImproperlyConfigured,
        match=r"^TASKS_BACKEND must be one of database, immediate; got 'redis'\.$",
    ):
        env_choice("TASKS_BACKEND", "database", {"database": "db", "immediate": "now"})
    monkeypatch.setenv("TASKS_BACKEND", "Immediate")
    assert env_choice("TASKS_BACKEND", "database", {"database": "db", "immediate": "now"}) == "now"


def test_env_list_splits_on_commas_and_drops_blanks(monkeypatch):
    monkeypatch.setenv("ALLOWED_HOSTS", " a.example.com, ,b.example.com ")
    assert env_list("ALLOWED_HOSTS", []) == ["a.example.com", "b.example.com"]
    monkeypatch.delenv("ALLOWED_HOSTS")
    assert env_list("ALLOWED_HOSTS", ["default"]) == ["default"]
