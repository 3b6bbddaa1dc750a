"""Promo settings: the whole configuration, read from the environment.

Every knob an operator may turn is an environment variable listed in README.md. Defaults are
safe for production (DEBUG off, secure cookies, HSTS); `make run` turns DEBUG on for local use.
"""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
import django_stubs_ext
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured

from promo.env import env_bool, env_choice, env_int, env_list, env_str, sso_providers

# ModelAdmin[Person], ModelForm[Entry]: the generic Django classes as django-stubs types them.
django_stubs_ext.monkeypatch()

BASE_DIR = Path(__file__).resolve().parent.parent
DATA_DIR = Path(env_str("PROMO_DATA_DIR", str(BASE_DIR / "data")))

DEBUG = env_bool("DEBUG", False)

SECRET_KEY = env_str("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("SECRET_KEY must be set when DEBUG is off.")
    SECRET_KEY = "django-insecure-local-development-only-never-use-in-production"

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost"] if DEBUG else [])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django_htmx",
    "csp",
    "axes",
    "template_partials.apps.SimpleAppConfig",
    # Single sign-on (promo.sso): allauth's social accounts with its OpenID Connect provider only.
    "allauth",
    "allauth.account",
    "allauth.socialaccount",
    "allauth.socialaccount.providers.openid_connect",
    # Background work (e-mail, webhook deliveries, reminders): Django's tasks framework,
    # backported, with its database backend, so no extra service is needed.
    "django_tasks",
    "django_tasks_db",
    "promo",
    "evidence",
    "reviews",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "promo.middleware.reject_nul_in_path",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # After whitenoise, so static files keep their long cache; every other answer is no-store.
    "promo.middleware.private_cache",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "promo.sso.form_action_to_provider",  # inside django-csp, which reads what it adds
    "promo.middleware.SessionLifetimeMiddleware",
    "promo.middleware.AuditMiddleware",
    # Last, as django-axes asks: it turns a locked-out sign-in into the lock-out page.
    "axes.middleware.AxesMiddleware",
]

# Single sign-on through the organisation's OpenID Connect provider (promo.sso), on when
# SSO_ISSUER is set: the provider's address, whose /.well-known/openid-configuration Promo reads.
SSO_ISSUER = env_str("SSO_ISSUER", "")
SSO_NAME = env_str("SSO_NAME", "your organisation's account")
# Domains whose verified addresses may make a Promo account at first sign-in; anyone else
# signs in only as a person staff imported or invited.
SSO_ALLOWED_DOMAINS = [domain.lower().lstrip("@") for domain in env_list("SSO_ALLOWED_DOMAINS", [])]
# PASSWORD_SIGN_IN=0 leaves single sign-on as the only way in (passwords are refused).
PASSWORD_SIGN_IN = env_bool("PASSWORD_SIGN_IN", True)
if SSO_ISSUER and not (os.environ.get("SSO_CLIENT_ID") and os.environ.get("SSO_CLIENT_SECRET")):
    raise ImproperlyConfigured("SSO_ISSUER is set: set SSO_CLIENT_ID and SSO_CLIENT_SECRET too.")
if not PASSWORD_SIGN_IN and not SSO_ISSUER:
    raise ImproperlyConfigured("PASSWORD_SIGN_IN=0 needs single sign-on: set SSO_ISSUER.")

AUTHENTICATION_BACKENDS = [
    # Refuses sign-in while a username + address pair is locked out; must come first.
    "axes.backends.AxesStandaloneBackend",
    # Passwords, and the session of anyone signed in (by password or single sign-on).
    "promo.sso.PasswordBackend",
]

ROOT_URLCONF = "promo.urls"
WSGI_APPLICATION = "promo.wsgi.application"
ASGI_APPLICATION = "promo.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "OPTIONS": {
            # "page.html#part" renders one {% partialdef %} of a page, for htmx swaps.
            "loaders": [
                (
                    "template_partials.loader.Loader",
                    [
                        (
                            "django.template.loaders.cached.Loader",
                            [
                                "django.template.loaders.filesystem.Loader",
                                "django.template.loaders.app_directories.Loader",
                            ],
                        )
                    ],
                )
            ],
            "builtins": ["template_partials.templatetags.partials"],
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "promo.context_processors.navigation",
                "promo.context_processors.sign_in",
            ],
        },
    },
]

# Database: SQLite in the data folder unless DATABASE_URL names another (postgres://…).
_default_sqlite = DATA_DIR / "promo.sqlite3"
if "DATABASE_URL" not in os.environ:
    DATA_DIR.mkdir(mode=0o700, parents=True, exist_ok=True)  # the database holds every entry
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{_default_sqlite}",
        conn_max_age=env_int("DB_CONN_MAX_AGE", 60),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets readers proceed during a write; IMMEDIATE avoids "database is locked" upgrades.
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Nothing lives in process memory, so any number of app servers can share one database.
SESSION_ENGINE = "django.contrib.sessions.backends.db"
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.db.DatabaseCache",
        "LOCATION": "promo_cache",
    }
}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"

LANGUAGE_CODE = "en-gb"
TIME_ZONE = env_str("TIME_ZONE", "UTC")
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}

# Background work: tasks are rows in the database, run by `manage.py db_worker` beside the app
# servers (see the README). TASKS_BACKEND=immediate runs them inside the request instead.
TASKS = {
    "default": {
        "BACKEND": env_choice(
            "TASKS_BACKEND",
            "database",
            {
                "database": "django_tasks_db.DatabaseBackend",
                "immediate": "django_tasks.backends.immediate.ImmediateBackend",
            },
        ),
        "QUEUES": ["default"],
    }
}

# Email: printed to the console unless EMAIL_HOST is set.
EMAIL_HOST = env_str("EMAIL_HOST", "")
EMAIL_BACKEND = env_str(
    "EMAIL_BACKEND",
    "django.core.mail.backends.smtp.EmailBackend"
    if EMAIL_HOST
    else "django.core.mail.backends.console.EmailBackend",
)
EMAIL_PORT = env_int("EMAIL_PORT", 587)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", True)
# A mail server that does not answer must not hold a worker for long (the task retries).
EMAIL_TIMEOUT = env_int("EMAIL_TIMEOUT", 10)
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "Promo <promo@localhost>")
# The address people reach Promo at, for links in emails (e.g. https://promo.example.com).
SITE_URL = env_str("SITE_URL", "http://127.0.0.1:8000")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Security: on by default; a local DEBUG run over plain HTTP turns the HTTPS-only parts off.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", not DEBUG)
SESSION_COOKIE_SECURE = env_bool("SESSION_COOKIE_SECURE", not DEBUG)
CSRF_COOKIE_SECURE = env_bool("CSRF_COOKIE_SECURE", not DEBUG)
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 0 if DEBUG else 31_536_000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

# Content-Security-Policy (django-csp 4): everything from our own origin, no inline script or
# style anywhere (htmx runs with allowEval off and no indicator styles), nothing may frame us.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF],
        "font-src": [SELF],
        "connect-src": [SELF],
        "form-action": [SELF],
        "object-src": [NONE],
        "base-uri": [NONE],
        "frame-ancestors": [NONE],
    }
}

# Sessions: a new key at sign-in (Django's login), ended on the server at sign-out and when an
# account is deactivated (promo.signals), after SESSION_IDLE_MINUTES without a request, and
# SESSION_COOKIE_AGE after sign-in however active (promo.middleware).
SESSION_COOKIE_AGE = env_int("SESSION_MAX_HOURS", 12) * 3600
SESSION_IDLE_SECONDS = env_int("SESSION_IDLE_MINUTES", 60) * 60

# Sign-in lock-out (django-axes): AXES_FAILURE_LIMIT failures for one username from one address
# lock that pair out for AXES_COOLOFF_MINUTES. Keyed on both, so an attacker elsewhere cannot
# lock a user out, and the cool-off ends it: nobody is locked out for good.
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = timedelta(minutes=env_int("AXES_COOLOFF_MINUTES", 15))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
AXES_LOCKOUT_CALLABLE = "promo.views.locked_out"
AXES_VERBOSE = False  # no start-up banner on stderr; lock-outs still reach the audit log
AXES_DISABLE_ACCESS_LOG = True  # sign-ins are in our audit trail, which has a retention
# The client's address: REMOTE_ADDR, or with TRUSTED_PROXIES=n the n-th address from the right
# of X-Forwarded-For (what our own proxies saw), never a value the client could choose.
TRUSTED_PROXIES = env_int("TRUSTED_PROXIES", 0)
AXES_CLIENT_IP_CALLABLE = "promo.middleware.client_ip"

# django-allauth, for single sign-on only: Promo's own pages sign in with a password and
# promo.sso decides who a provider's account is (never allauth's sign-up forms or e-mails).
SOCIALACCOUNT_PROVIDERS = sso_providers(
    issuer=SSO_ISSUER,
    client_id=env_str("SSO_CLIENT_ID", ""),
    secret=env_str("SSO_CLIENT_SECRET", ""),
    name=SSO_NAME,
)
SOCIALACCOUNT_ADAPTER = "promo.sso.SocialAccountAdapter"
ACCOUNT_ADAPTER = "promo.sso.AccountAdapter"
SOCIALACCOUNT_ONLY = True
SOCIALACCOUNT_AUTO_SIGNUP = True
SOCIALACCOUNT_EMAIL_REQUIRED = True
SOCIALACCOUNT_EMAIL_VERIFICATION = "none"  # the provider vouches for the address, or no entry
SOCIALACCOUNT_STORE_TOKENS = False
SOCIALACCOUNT_OPENID_CONNECT_URL_PREFIX = ""
ACCOUNT_EMAIL_VERIFICATION = "none"
ACCOUNT_LOGOUT_REDIRECT_URL = LOGOUT_REDIRECT_URL
SOCIALACCOUNT_REQUESTS_TIMEOUT = 10

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    # django-axes logs every sign-in at INFO; the audit log already records them.
    "loggers": {"axes": {"level": "WARNING"}},
}
