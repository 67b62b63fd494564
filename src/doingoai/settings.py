"""doingoai settings: one module, every knob an environment variable (see .env.example).

Defaults work after a fresh clone: SQLite under ./var, DEBUG off, plain http on
127.0.0.1. Production sets DATABASE_URL (PostgreSQL), DOINGOAI_SECRET_KEY,
DOINGOAI_ALLOWED_HOSTS and DOINGOAI_HTTPS=true.
"""

import os
import secrets
import sys
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

PACKAGE_DIR = Path(__file__).resolve().parent
_SOURCE_ROOT = PACKAGE_DIR.parent.parent  # the checkout, when installed in editable mode


def env_str(name: str, default: str = "") -> str:
    return os.environ.get(name, default).strip()


_TRUE, _FALSE = {"1", "true", "yes", "on"}, {"0", "false", "no", "off"}


def env_bool(name: str, default: bool = False) -> bool:
    """A yes/no setting; a value it does not know stops the start (a typo must not read as False)."""
    value = os.environ.get(name, "").strip().lower()
    if not value:
        return default
    if value not in _TRUE | _FALSE:
        raise ImproperlyConfigured(f"{name}={value!r}: hãy đặt 1/0, true/false, yes/no hoặc on/off.")
    return value in _TRUE


def env_int(name: str, default: int) -> int:
    value = env_str(name)
    if not value:
        return default
    try:
        return int(value)
    except ValueError:
        raise ImproperlyConfigured(f"{name}={value!r}: hãy đặt một số nguyên.") from None


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in env_str(name, default).split(",") if item.strip()]


def _load_dotenv(path: Path) -> None:
    """KEY=VALUE lines of a .env file, for variables the environment does not already set."""
    if not path.is_file():
        return
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("#") and "=" in line:
            key, value = line.split("=", 1)
            os.environ.setdefault(key.strip(), value.strip().strip("'\""))


_load_dotenv((_SOURCE_ROOT if (_SOURCE_ROOT / "pyproject.toml").exists() else Path.cwd()) / ".env")


def _default_data_dir() -> Path:
    if (_SOURCE_ROOT / "pyproject.toml").exists():
        return _SOURCE_ROOT / "var"
    return Path.cwd() / "var"


DATA_DIR = Path(env_str("DOINGOAI_DATA_DIR") or _default_data_dir())
DATA_DIR.mkdir(parents=True, exist_ok=True)

DEBUG = env_bool("DOINGOAI_DEBUG")
HTTPS = env_bool("DOINGOAI_HTTPS")
# Under pytest: tasks run inline and static files need no collectstatic.
TESTING = env_bool("DOINGOAI_TESTING") or "pytest" in sys.modules


def _secret_key() -> str:
    """From the environment in production; otherwise one key kept under DATA_DIR.

    A key kept on disk lets `make run` work with nothing configured while the web
    workers and the task worker still share one key.
    """
    if key := env_str("DOINGOAI_SECRET_KEY"):
        return key
    path = DATA_DIR / "secret_key"
    if not path.exists():
        path.write_text(secrets.token_urlsafe(64))
        path.chmod(0o600)
    return path.read_text().strip()


SECRET_KEY = _secret_key()
ALLOWED_HOSTS = env_list("DOINGOAI_ALLOWED_HOSTS", "127.0.0.1,localhost")
CSRF_TRUSTED_ORIGINS = env_list("DOINGOAI_CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django_htmx",
    "simple_history",
    "axes",
    "django_tasks",
    "django_tasks_db",
    "ninja",
    "doingoai.units",
    "doingoai.people",
    "doingoai.records",
    "doingoai.reports",
    "doingoai.audit",
    "doingoai.ingest",
    "doingoai.search",
    "doingoai.consolidation",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    # Last, as django-axes asks: it sees the outcome of authentication.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "doingoai.urls"
WSGI_APPLICATION = "doingoai.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PACKAGE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "doingoai.people.context_processors.workspace",
            ],
            "builtins": ["doingoai.templatetags.vn"],
        },
    }
]

# --- Database: SQLite by default, PostgreSQL with DATABASE_URL -----------------
_database_url = env_str("DATABASE_URL") or f"sqlite:///{DATA_DIR / 'doingoai.sqlite3'}"
if "://" not in _database_url:  # a bare path means an SQLite file
    _database_url = f"sqlite:///{Path(_database_url).resolve()}"
DATABASES = {"default": dj_database_url.parse(_database_url, conn_max_age=env_int("DOINGOAI_DB_CONN_MAX_AGE", 60))}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    # WAL lets the web server, the task worker and autosave read while one writes;
    # IMMEDIATE transactions and a busy timeout queue writers instead of failing
    # with "database is locked".
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;",
        "transaction_mode": "IMMEDIATE",
        "timeout": 30,
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- People, passwords, sessions -------------------------------------------------
AUTH_USER_MODEL = "people.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
    {"NAME": "doingoai.people.passwords.MixedCharactersValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"

SESSION_COOKIE_AGE = 60 * 60 * 10  # one working day
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True
CSRF_FAILURE_VIEW = "doingoai.views.csrf_failure"
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"

# HTTPS-only settings switch on from the environment, so `make run` works over plain http.
SESSION_COOKIE_SECURE = HTTPS
CSRF_COOKIE_SECURE = HTTPS
SECURE_SSL_REDIRECT = HTTPS and not env_bool("DOINGOAI_SSL_REDIRECT_BY_PROXY")
SECURE_HSTS_SECONDS = 60 * 60 * 24 * 365 if HTTPS else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = HTTPS
SECURE_HSTS_PRELOAD = HTTPS
if env_bool("DOINGOAI_BEHIND_PROXY"):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

# Login throttling: five failures lock a username from one address for 15 minutes.
AXES_FAILURE_LIMIT = env_int("DOINGOAI_LOGIN_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
AXES_RESET_ON_SUCCESS = True
AXES_IPWARE_PROXY_COUNT = 1 if env_bool("DOINGOAI_BEHIND_PROXY") else None
AXES_VERBOSE = False

# --- Files ------------------------------------------------------------------------
STATIC_URL = "static/"
STATICFILES_DIRS = [PACKAGE_DIR / "static"]
STATIC_ROOT = Path(env_str("DOINGOAI_STATIC_ROOT") or DATA_DIR / "static")
MEDIA_URL = "media/"  # never served directly: attachments go through scoped views
MEDIA_ROOT = Path(env_str("DOINGOAI_MEDIA_ROOT") or DATA_DIR / "media")
UPLOAD_MAX_BYTES = env_int("DOINGOAI_UPLOAD_MAX_MB", 25) * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
FILE_UPLOAD_PERMISSIONS = 0o640
# Reading existing reports: one upload (files or a .zip of many) is refused above this size before
# it is read; a .zip is checked (files, total size once unpacked) before anything is extracted.
INGEST_UPLOAD_MAX_BYTES = env_int("DOINGOAI_INGEST_UPLOAD_MAX_MB", 50) * 1024 * 1024
INGEST_ZIP_MAX_MEMBERS = env_int("DOINGOAI_INGEST_ZIP_MAX_FILES", 200)
INGEST_ZIP_MAX_BYTES = env_int("DOINGOAI_INGEST_ZIP_MAX_MB", 300) * 1024 * 1024

if env_str("DOINGOAI_S3_BUCKET"):
    # Several stateless app servers: uploads live on shared S3-compatible storage.
    _default_storage = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": env_str("DOINGOAI_S3_BUCKET"),
            "endpoint_url": env_str("DOINGOAI_S3_ENDPOINT_URL") or None,
            "region_name": env_str("DOINGOAI_S3_REGION") or None,
            "access_key": env_str("DOINGOAI_S3_ACCESS_KEY") or None,
            "secret_key": env_str("DOINGOAI_S3_SECRET_KEY") or None,
            "default_acl": "private",
            "querystring_auth": True,
            "file_overwrite": False,
        },
    }
else:
    _default_storage = {"BACKEND": "django.core.files.storage.FileSystemStorage"}
STORAGES = {
    "default": _default_storage,
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if TESTING or DEBUG
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}

# --- Background work: the database is the only queue --------------------------------
TASKS = {
    "default": {
        "BACKEND": "django_tasks.backends.immediate.ImmediateBackend" if TESTING else "django_tasks_db.DatabaseBackend",
        "QUEUES": ["default"],
    }
}

# --- Language and time ---------------------------------------------------------------
LANGUAGE_CODE = "vi"
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_I18N = True
USE_TZ = True

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("DOINGOAI_LOG_LEVEL", "WARNING")},
}

SIMPLE_HISTORY_HISTORY_CHANGE_REASON_USE_TEXT_FIELD = True
NINJA_PAGINATION_MAX_LIMIT = 5000
