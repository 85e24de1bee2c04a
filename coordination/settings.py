"""Samspill settings: one module, driven by environment variables (see README "Settings").

Embedded defaults (no variables set): SQLite in the project folder, Celery tasks run eagerly
in-process, local-memory cache, console email, DEBUG on. Production sets DEBUG=false and
everything else through the environment.
"""

from pathlib import Path

import environ
from celery.schedules import crontab
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP
from redis.backoff import NoBackoff
from redis.retry import Retry

BASE_DIR = Path(__file__).resolve().parent.parent

env = environ.Env()  # variables come from the process environment only (12-factor)

DEBUG = env.bool("DEBUG", default=True)

SECRET_KEY = env.str("SECRET_KEY", default="")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "SECRET_KEY must be set when DEBUG is off. Generate one with: "
            "python -c 'import secrets; print(secrets.token_urlsafe(50))'"
        )
    SECRET_KEY = "django-insecure-development-only-key-never-use-in-production-0123456789"

# The portal's address as people reach it, for links in emails and PDFs.
SITE_URL = env.str("SITE_URL", default="http://127.0.0.1:8000").rstrip("/")
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost", "[::1]", "testserver"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    "coordination",
    "volunteers",
    "activities",
    "grants",
    "modeltranslation",  # before the admin, which it extends
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "crispy_forms",
    "crispy_bootstrap5",
    "django_htmx",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "coordination.kernel.middleware.ServiceUnavailableMiddleware",
    "coordination.kernel.middleware.MalformedSessionCookieMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "coordination.kernel.middleware.LanguageMiddleware",
    "coordination.kernel.middleware.PrivatePagesMiddleware",
    "coordination.kernel.figures_cache.ForgetFiguresOnWriteMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
]

ROOT_URLCONF = "coordination.urls"
WSGI_APPLICATION = "coordination.wsgi.application"
ASGI_APPLICATION = "coordination.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.template.context_processors.csp",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "coordination.kernel.context_processors.navigation",
            ],
        },
    },
]

# --- Database -----------------------------------------------------------------------------
DATABASES = {
    "default": env.db_url("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'samspill.sqlite3'}")
}
DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=60)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # Short queries with several EXISTS clauses cross jit_above_cost and then spend most of their
    # time compiling (readiness filters: 0.2 s became 1 s; see bench/README.md).
    DATABASES["default"].setdefault("OPTIONS", {})["options"] = "-c jit=off"
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Cache (allauth's rate limits need a real, shared cache: never the dummy cache) --------
CACHES = {"default": env.cache_url("CACHE_URL", default="locmemcache://samspill")}
if CACHES["default"]["BACKEND"].endswith("DummyCache"):
    raise ImproperlyConfigured("CACHE_URL must not be the dummy cache: rate limits need a cache.")
if CACHES["default"]["BACKEND"].endswith("RedisCache"):
    # A cache that does not answer fails within a second (the person sees "try again in a
    # minute", kernel.middleware.ServiceUnavailableMiddleware) instead of holding a worker.
    CACHES["default"].setdefault("OPTIONS", {})
    CACHES["default"]["OPTIONS"].setdefault("socket_connect_timeout", 0.5)
    CACHES["default"]["OPTIONS"].setdefault("socket_timeout", 1)
    CACHES["default"]["OPTIONS"].setdefault("retry", Retry(NoBackoff(), 0))

# --- Celery: eager in-process when no broker is configured --------------------------------
CELERY_BROKER_URL = env.str("CELERY_BROKER_URL", default="")
CELERY_TASK_ALWAYS_EAGER = not CELERY_BROKER_URL
CELERY_TASK_EAGER_PROPAGATES = True
if not CELERY_BROKER_URL:
    CELERY_BROKER_URL = "memory://"
CELERY_RESULT_BACKEND = env.str(
    "CELERY_RESULT_BACKEND",
    default=CELERY_BROKER_URL if CELERY_BROKER_URL.startswith("redis") else "cache+memory://",
)
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_TASK_TIME_LIMIT = 15 * 60
# A broker that does not answer is given a second to connect: a request publishing a task after
# its commit (coordination/outbox.py) must not hang; what is not taken is sent again later.
CELERY_BROKER_TRANSPORT_OPTIONS = {
    "visibility_timeout": 2 * CELERY_TASK_TIME_LIMIT,
    "socket_connect_timeout": 1,
}
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
# Typesetting PDFs has its own queue and worker (docker-compose: documents-worker), so a long
# binder never delays an email. The outbox delivers a task on its route's queue.
CELERY_TASK_ROUTES = {
    "coordination.printing.tasks.make_printed_document": {"queue": "documents"},
    "grants.decisions.tasks.make_decision_letter": {"queue": "documents"},
    "grants.reports.tasks.make_case_dossier": {"queue": "documents"},
}
CELERY_TIMEZONE = "Europe/Oslo"
CELERY_BEAT_SCHEDULE = {
    "apply-retention-rules": {
        "task": "coordination.kernel.tasks.apply_retention_rules",
        "schedule": crontab(hour=3, minute=15),
    },
    "tidy-readiness": {
        "task": "volunteers.screening.tasks.tidy_readiness",
        "schedule": crontab(hour=0, minute=5),
    },
    "send-screening-reminders": {
        "task": "volunteers.screening.tasks.send_screening_reminders",
        "schedule": crontab(hour=7, minute=0),
    },
    "send-routine-review-reminders": {
        "task": "coordination.routines.tasks.send_routine_review_reminders",
        "schedule": crontab(hour=7, minute=10),
    },
    "send-agreement-reminders": {
        "task": "coordination.partners.tasks.send_agreement_reminders",
        "schedule": crontab(hour=7, minute=20),
    },
    # Activities: open-ended schedules get their sessions a year ahead, one more night's worth.
    "extend-activity-schedules": {
        "task": "activities.schedule.tasks.extend_schedules",
        "schedule": crontab(hour=1, minute=40),
    },
    # activities: volunteers confirm their shifts of the next three days (once each).
    "send-shift-confirm-reminders": {
        "task": "activities.shifts.tasks.send_shift_confirm_reminders",
        "schedule": crontab(hour=9, minute=0),
    },
    # activities: meetings past their sign-up deadline with too few signed up do not run;
    # participants are reminded the day before (activities/signups/tasks.py).
    "check-activity-minimums": {
        "task": "activities.signups.tasks.check_minimums",
        "schedule": crontab(minute="*/15"),
    },
    "send-activity-reminders": {
        "task": "activities.signups.tasks.send_reminders",
        "schedule": crontab(hour=10, minute=0),
    },
    # grants: a rejection no longer open to appeal closes its case (grants/decisions/tasks.py).
    "close-rejected-grant-cases": {
        "task": "grants.decisions.tasks.close_rejected_cases",
        "schedule": crontab(hour=2, minute=30),
    },
    # grants: grantees are reminded 14 days before a report is due, and once when it is overdue.
    "send-report-reminders": {
        "task": "grants.reports.tasks.send_report_reminders",
        "schedule": crontab(hour=7, minute=30),
    },
    # Printed documents: print again what was printed or published, at night, so the latest
    # binder is at hand (unchanged content is not typeset again: coordination/printing/).
    "refresh-printed-documents": {
        "task": "coordination.printing.tasks.refresh_printed_documents",
        "schedule": crontab(hour=2, minute=30),
    },
    # The outbox: publish again what the broker did not take (see coordination/outbox.py).
    "drain-outbox": {"task": "coordination.kernel.outbox.drain_outbox", "schedule": 60.0},
    # Text messages the provider refused or did not answer: tried again with backoff (sms.py).
    "resend-sms": {"task": "coordination.kernel.tasks.resend_due_sms", "schedule": 60.0},
}

# --- SMS (coordination/kernel/sms.py): "console" prints each message to the log; "http" posts
# JSON {to, from, text, reference} with a bearer token to SMS_HTTP_URL (a provider's API).
SMS_BACKEND = env.str("SMS_BACKEND", default="console")
SMS_HTTP_URL = env.str("SMS_HTTP_URL", default="")
SMS_HTTP_TOKEN = env.str("SMS_HTTP_TOKEN", default="")
SMS_SENDER = env.str("SMS_SENDER", default="Samspill")
SMS_TIMEOUT_SECONDS = env.float("SMS_TIMEOUT_SECONDS", default=10.0)

# partners: look organisation numbers up in the Central Coordinating Register for Legal Entities
# after a partner is saved. Empty: no lookup. Production: the Enhetsregisteret API,
# https://data.brreg.no/enhetsregisteret/api/enheter/{number}
BRREG_LOOKUP_URL = env.str("BRREG_LOOKUP_URL", default="")


# --- Accounts -----------------------------------------------------------------------------
AUTH_USER_MODEL = "coordination.User"
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "coordination:my_page"
# After logging in each person lands where their work is (a safe ?next= comes first); the
# client's address behind proxies and the login lockout: coordination/account_adapter.py.
ACCOUNT_ADAPTER = "coordination.kernel.account_adapter.AccountAdapter"

ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_EMAIL_VERIFICATION_BY_CODE_ENABLED = False
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_CHANGE_EMAIL = True
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_LOGOUT_REDIRECT_URL = "home"
ACCOUNT_SESSION_REMEMBER = None
ACCOUNT_RATE_LIMITS_ENABLED = True  # documented default; stated so nobody turns it off by habit
# allauth's defaults, plus the project's own: the public "ask for help" form (volunteers).
ACCOUNT_RATE_LIMITS = {
    "report_need_publicly": "5/h/ip",
    "request_start_publicly": "5/h/ip",
    "propose_activity_publicly": "5/h/ip",
}
ACCOUNT_FORMS = {"signup": "coordination.kernel.forms.SignupForm"}
# The client's address for rate limits (login, sign-up, the public help form): behind N proxies
# that each append to X-Forwarded-For, the Nth entry from the right; 0 = the connection's own.
# Failed logins count per account and address (coordination/client_ip.py).
TRUSTED_PROXY_COUNT = env.int("TRUSTED_PROXY_COUNT", default=0)
if TRUSTED_PROXY_COUNT < 0:
    raise ImproperlyConfigured("TRUSTED_PROXY_COUNT must be 0 or more.")
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[Samspill] "
ACCOUNT_PRECONFIRM_EMAIL_SENT_REDIRECT_URL = None

MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = "Samspill"
# Coordinators, volunteer contacts and grant officers must turn on two-factor authentication
# before they reach personal data. On by default in production, off by default in development.
SAMSPILL_REQUIRE_MFA_FOR_STAFF = env.bool("REQUIRE_MFA_FOR_STAFF", default=not DEBUG)

# --- Email: console in development; EMAIL_URL (smtp://, smtp+tls://, smtp+ssl://) in production
if env.str("EMAIL_URL", default=""):
    _smtp = env.email_url("EMAIL_URL")
    MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {
                "host": _smtp["EMAIL_HOST"],
                "port": _smtp["EMAIL_PORT"],
                "username": _smtp["EMAIL_HOST_USER"],
                "password": _smtp["EMAIL_HOST_PASSWORD"],
                "use_tls": _smtp.get("EMAIL_USE_TLS", False),
                "use_ssl": _smtp.get("EMAIL_USE_SSL", False),
                "timeout": 20,
            },
        }
    }
else:
    MAILERS = {"default": {"BACKEND": "django.core.mail.backends.console.EmailBackend"}}
# Where people report problems (accessibility, privacy) and ask for help.
SUPPORT_EMAIL = env.str("SUPPORT_EMAIL", default="support@samspill.example")
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="Samspill <ikke-svar@samspill.no>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# --- Internationalisation -------------------------------------------------------------------
LANGUAGE_CODE = "nb"
# Language names in their own language, as a language switcher shows them.
LANGUAGES = [("nb", "Bokmål"), ("nn", "Nynorsk"), ("en", "English")]
# Our catalogue first; then nynorsk for django-allauth, which ships none (locale/README.md).
LOCALE_PATHS = [BASE_DIR / "locale", BASE_DIR / "locale" / "allauth"]
# Translated data (the staircase's texts): one column per language, bokmål when one is empty.
MODELTRANSLATION_DEFAULT_LANGUAGE = LANGUAGE_CODE
MODELTRANSLATION_FALLBACK_LANGUAGES = (LANGUAGE_CODE,)
MODELTRANSLATION_TRANSLATION_FILES = (
    "coordination.staircase.translation",
    "activities.catalogue.translation",
    "grants.schemes.translation",
)
TIME_ZONE = "Europe/Oslo"
USE_I18N = True
USE_TZ = True
LANGUAGE_COOKIE_SECURE = not DEBUG
LANGUAGE_COOKIE_HTTPONLY = True
LANGUAGE_COOKIE_SAMESITE = "Lax"

# --- Static and media ---------------------------------------------------------------------
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
# Uploaded files live outside the web root and are served only through permission-checked views.
MEDIA_ROOT = Path(env.str("MEDIA_ROOT", default=str(BASE_DIR / "private-media")))
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 1024 * 1024  # form fields; files are limited per UploadField

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

# --- Security -----------------------------------------------------------------------------
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
    "form-action": [CSP.SELF],
}
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_AGE = 8 * 60 * 60
if not DEBUG:
    SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=365 * 24 * 60 * 60)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="INFO")},
    # WeasyPrint tells each step of every render at INFO; its warnings (a refused URL) stay.
    "loggers": {"weasyprint.progress": {"level": "WARNING"}},
}
