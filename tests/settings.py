"""Test settings: the real settings, with only what tests must change."""

import os

os.environ.setdefault("SECRET_KEY", "tests-only-secret-key-not-used-anywhere-else-0123456789")
if os.environ.get("TEST_DATABASE_URL"):
    os.environ["DATABASE_URL"] = os.environ["TEST_DATABASE_URL"]

from promo.settings import *  # noqa: F403

# Django's default hasher takes ~1M PBKDF2 rounds per password; tests do not need that.
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# Manifest storage needs collectstatic; tests and the live server read the source files.
STORAGES["staticfiles"] = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}  # noqa: F405
SECURE_SSL_REDIRECT = False
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# Serve static files from the source folders, as DEBUG does; no collectstatic in tests.
WHITENOISE_AUTOREFRESH = True
WHITENOISE_USE_FINDERS = True

# PostgreSQL: each run its own test database, so two runs on one machine never meet in
# "test_postgres". pytest-xdist gives all workers of one run the same id (and pytest-django adds
# each worker's _gw0, _gw1, ...); a run without workers uses its process id.
if DATABASES["default"]["ENGINE"].endswith("postgresql"):  # noqa: F405
    _run = os.environ.get("PYTEST_XDIST_TESTRUNUID", "")[:8] or str(os.getpid())
    DATABASES["default"].setdefault("TEST", {}).setdefault(  # noqa: F405
        "NAME",
        f"test_{DATABASES['default']['NAME']}_{_run}",  # noqa: F405
    )

# Tasks run inside the request in tests, so a test sees their effect at once; the tests of the
# worker itself (tests/promo/test_background.py) switch to the database backend.
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
