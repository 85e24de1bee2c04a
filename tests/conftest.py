"""Personas shared by every test: named people with real roles in real municipalities."""

import os
from importlib import import_module
from urllib.parse import urlsplit, urlunsplit

import pytest
from django.apps import apps
from django.core.management.sql import emit_post_migrate_signal
from django.db import connections, transaction
from django.test import TransactionTestCase
from hypothesis import HealthCheck
from hypothesis import settings as hypothesis_settings

from activities.models import ActivityType
from coordination.kernel.services import load_municipalities
from coordination.models import GrantRole, Municipality, Role, StaircaseLevel
from coordination.staircase.defaults import add_defaults
from tests.factories import (
    GrantMakerRoleFactory,
    MembershipFactory,
    UserFactory,
    municipality,
    national_grant_maker,
)

# live_server + database fixtures run Django in Playwright's event loop thread.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

# hypothesis: "dev" explores new examples on every run; "ci" (chosen when the environment has
# CI set, as .ci/run does) tries the same examples every time, so that CI is deterministic.
# Neither keeps a .hypothesis/ folder in the project: a failure prints its example. Loaded
# here, before any test module builds its settings on top of the default.
_HYPOTHESIS_COMMON = {
    "database": None,
    "deadline": None,
    "suppress_health_check": [HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
}
hypothesis_settings.register_profile(
    "dev", derandomize=False, max_examples=100, print_blob=False, **_HYPOTHESIS_COMMON
)
hypothesis_settings.register_profile(
    "ci", derandomize=True, max_examples=50, print_blob=True, **_HYPOTHESIS_COMMON
)


def hypothesis_profile(environ) -> str:
    """HYPOTHESIS_PROFILE when set, else "ci" wherever CI is set (to anything but false)."""
    if environ.get("HYPOTHESIS_PROFILE"):
        return environ["HYPOTHESIS_PROFILE"]
    return "ci" if environ.get("CI", "").lower() not in ("", "0", "false", "no") else "dev"


hypothesis_settings.load_profile(hypothesis_profile(os.environ))

LOM, DRAMMEN = "3434", "3301"

# --- Running in parallel (pytest-xdist: `make test` runs two workers, gw0 and gw1) ---------------
# pytest-django gives each worker its own test database (test_<name>_gw0, _gw1); live servers
# take a free port each; MEDIA_ROOT and tmp_path are per test. Redis is the one thing shared:
# one worker's cache.clear() (FLUSHDB) would wipe the other's rate limits in the middle of a
# test, and a real Celery worker started by one test would take the other's tasks. So each xdist
# worker gets its own Redis databases: worker N adds 2 * N to every configured number (CI's broker
# 0 and cache 1 are 0 and 1 for gw0, 2 and 3 for gw1).
REDIS_SETTINGS = ("CELERY_BROKER_URL", "CELERY_RESULT_BACKEND", "CACHE_URL")
REDIS_DATABASES = 16  # redis-server's default


def redis_url_for_worker(url: str, worker: int) -> str:
    """``url`` with its Redis database number moved up by 2 * ``worker``; other URLs as given."""
    parts = urlsplit(url)
    if parts.scheme not in ("redis", "rediss") or worker == 0:
        return url
    number = int(parts.path.strip("/") or 0) + 2 * worker
    if number >= REDIS_DATABASES:
        raise pytest.UsageError(f"{url}: xdist worker {worker} would need Redis database {number}")
    return urlunsplit(parts._replace(path=f"/{number}"))


def _redis_per_xdist_worker(environ=os.environ) -> None:
    worker_id = environ.get("PYTEST_XDIST_WORKER", "")
    if not worker_id.startswith("gw"):
        return
    worker, count = int(worker_id[2:]), int(environ.get("PYTEST_XDIST_WORKER_COUNT", "1"))
    # Two workers must never meet in one database: check every worker's numbers, not just ours.
    bases = {urlsplit(environ[name]).path.strip("/") or "0" for name in REDIS_SETTINGS
             if urlsplit(environ.get(name, "")).scheme in ("redis", "rediss")}  # fmt: skip
    taken = [int(base) + 2 * n for base in bases for n in range(count)]
    if len(taken) != len(set(taken)):
        raise pytest.UsageError(
            f"Redis databases {sorted(bases)} overlap across {count} xdist workers (each worker"
            " adds 2 to every number): pick numbers that differ by 1, e.g. broker 0, cache 1"
        )
    from asgiref.local import Local
    from django.conf import settings
    from django.core.cache import caches

    for name in REDIS_SETTINGS:
        if name in environ:  # the environment: Celery reads it before its settings; subprocesses
            environ[name] = redis_url_for_worker(environ[name], worker)
    settings.CELERY_BROKER_URL = redis_url_for_worker(settings.CELERY_BROKER_URL, worker)
    settings.CELERY_RESULT_BACKEND = redis_url_for_worker(settings.CELERY_RESULT_BACKEND, worker)
    for cache in settings.CACHES.values():
        location = cache.get("LOCATION", "")
        if isinstance(location, str):
            cache["LOCATION"] = redis_url_for_worker(location, worker)
        else:
            cache["LOCATION"] = [redis_url_for_worker(url, worker) for url in location]
    # Django set up before this conftest: forget any cache connection made with the old settings.
    caches._settings = caches.settings = caches.configure_settings(None)
    caches._connections = Local(caches.thread_critical)
    from coordination.celery import app

    app.conf.update(
        broker_url=settings.CELERY_BROKER_URL, result_backend=settings.CELERY_RESULT_BACKEND
    )


_redis_per_xdist_worker()


@pytest.fixture(autouse=True)
def _reference_data(request):
    """Municipalities are reference data loaded by a migration. Transactional tests (live
    server, real Celery worker) empty every table afterwards, and plugins may run them before
    other database tests; so any database test that finds them gone loads them again."""
    uses_db = request.node.get_closest_marker("django_db") is not None or bool(
        {"db", "transactional_db", "live_server"} & set(request.fixturenames)
    )
    if not uses_db:
        return
    marker = request.node.get_closest_marker("django_db")
    transactional = (marker is not None and marker.kwargs.get("transaction", False)) or bool(
        {"transactional_db", "live_server"} & set(request.fixturenames)
    )
    request.getfixturevalue("transactional_db" if transactional else "db")
    ensure_reference_data()
    request.node.stash[_EMPTIED] = transactional


_EMPTIED = pytest.StashKey[bool]()


def _empty_every_table(test_case: TransactionTestCase) -> None:
    """What Django's ``flush`` does after a transactional test, in milliseconds: it empties
    every table with one TRUNCATE, which on PostgreSQL makes new files for each of the 110
    tables and their indexes: 3–4 s after each of ~150 browser and worker tests, a tenth of the
    suite. DELETE of the few rows a test leaves is as empty; the foreign keys are deferred
    (Django makes them so), so the order does not matter. Then ``post_migrate``, as flush does
    (content types, permissions)."""
    for alias in test_case._databases_names(include_mirrors=False):
        connection = connections[alias]
        tables = connection.introspection.django_table_names(
            only_existing=True, include_views=False
        )
        with transaction.atomic(using=alias), connection.cursor() as cursor:
            cursor.execute("SET CONSTRAINTS ALL DEFERRED")
            for table in tables:
                cursor.execute(f"DELETE FROM {connection.ops.quote_name(table)}")
        emit_post_migrate_signal(verbosity=0, interactive=False, db=alias)


TransactionTestCase._fixture_teardown = _empty_every_table  # type: ignore[method-assign]


@pytest.hookimpl(hookwrapper=True, trylast=True)
def pytest_runtest_teardown(item, nextitem):
    """After a transactional test has emptied every table, load the reference data again, for
    good (committed): else each database test after it would load the 357 municipalities anew
    inside its own transaction and roll them back again (pytest runs the browser tests in the
    middle of the suite: its ordering for Playwright's session fixtures undoes pytest-django's)."""
    yield
    if nextitem is not None and item.stash.get(_EMPTIED, False):
        from pytest_django.plugin import blocking_manager_key

        with item.config.stash[blocking_manager_key].unblock():
            ensure_reference_data()


def ensure_reference_data() -> None:
    """Load the municipalities and the staircase's default levels and indicators if they are
    gone (see _reference_data); also for data a module builds once for all its tests."""
    if not Municipality.objects.exists():
        load_municipalities()
    # staircase: the default levels and indicators are reference data loaded by migration too.
    if not StaircaseLevel.objects.exists():
        add_defaults(apps, None)
    # activities: the shipped activity types (Fredagstreff, …) are loaded by migration too.
    if not ActivityType.objects.filter(municipality=None).exists():
        import_module("activities.migrations.0002_shipped_activity_types").add_types(apps, None)


@pytest.fixture(autouse=True)
def _private_media(settings, tmp_path):
    """Files tests store (uploads, exports) go to a temporary folder, never the project's."""
    settings.MEDIA_ROOT = tmp_path / "private-media"


@pytest.fixture(autouse=True)
def _default_language():
    """Each test starts in bokmål: a request in another language leaves its language active in
    the thread (LocaleMiddleware does not undo it), which would leak into the next test."""
    from django.utils import translation

    translation.activate("nb")
    yield
    translation.deactivate()


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Rate limits live in the cache; one test's failed logins must not block the next."""
    from django.core.cache import cache

    cache.clear()


@pytest.fixture(autouse=True)
def _celery_in_process(request):
    """Tasks run eagerly in tests, even when CI configures Redis, except in tests that start a
    real worker (``@pytest.mark.celery_worker``): a queued task nobody consumes would be lost."""
    from coordination.celery import app

    eager = request.node.get_closest_marker("celery_worker") is None
    before = app.conf.task_always_eager
    app.conf.task_always_eager = eager or before
    yield
    app.conf.task_always_eager = before


@pytest.fixture
def lom(db):
    return municipality(LOM)


@pytest.fixture
def drammen(db):
    return municipality(DRAMMEN)


# The personas: (municipality, role or None for none, full name); a grant role is held in the
# national grant-maker.
PERSONA_ROLES = {
    "coordinator_lom": (LOM, Role.COORDINATOR, "Ingrid Bakken"),
    "coordinator_drammen": (DRAMMEN, Role.COORDINATOR, "Hassan Ali"),
    "volunteer_contact_lom": (LOM, Role.VOLUNTEER_CONTACT, "Kari Sletten"),
    # issue 16: officer and reviewer of the national grant-maker (no role in a municipality)
    "officer": (None, GrantRole.OFFICER, "Sigrid Lien"),
    "reviewer": (None, GrantRole.REVIEWER, "Olav Moen"),
    "volunteer": (LOM, None, "Astrid Rustad"),
    "applicant": (LOM, Role.PARTNER_REPRESENTATIVE, "Marit Nordheim"),
    # issue 13: decides requests to start Samspill; no role in any municipality
    "national_admin": (None, None, "Nora Riksheim"),
}


def make_persona(name: str):
    """The persona ``name`` (see PERSONA_ROLES), made anew; the fixtures below each make one."""
    number, role, full_name = PERSONA_ROLES[name]
    user = UserFactory(full_name=full_name, is_national_administrator=name == "national_admin")
    if role in GrantRole.values:
        GrantMakerRoleFactory(user=user, grant_maker=national_grant_maker(), role=role)
    elif role is not None:
        MembershipFactory(user=user, municipality=municipality(number), role=role)
    return user


@pytest.fixture
def coordinator_lom(db):
    return make_persona("coordinator_lom")


@pytest.fixture
def coordinator_drammen(db):
    return make_persona("coordinator_drammen")


@pytest.fixture
def volunteer_contact_lom(db):
    return make_persona("volunteer_contact_lom")


@pytest.fixture
def officer(db):
    return make_persona("officer")


@pytest.fixture
def reviewer(db):
    return make_persona("reviewer")


@pytest.fixture
def national_admin(db):
    return make_persona("national_admin")


@pytest.fixture
def volunteer(db):
    return make_persona("volunteer")


@pytest.fixture
def applicant(db):
    return make_persona("applicant")


@pytest.fixture
def client_of(client):
    """Log the test client in as a persona: ``client_of(coordinator_lom).get(...)``;
    ``client_of(person, language="en")`` makes it the person's own choice of language (which
    beats the switcher's cookie)."""

    def log_in(user, language: str | None = None):
        if language is not None:
            user.preferred_language = language
            user.save(update_fields=["preferred_language"])
        client.force_login(user)
        return client

    return log_in


# Modules whose tests share something built once (a module-scoped fixture: the URL sweep's world
# and the tally it prints): under pytest-xdist each runs whole in one process.
KEEP_TOGETHER = {"tests/trust/test_url_sweep.py"}


@pytest.hookimpl(optionalhook=True)
def pytest_xdist_make_scheduler(config, log):
    """`pytest -n 2` (xdist's default `--dist load`, as `make test` runs it): every test goes to
    whichever process is free, except that a module in KEEP_TOGETHER goes whole to one. (xdist's
    own `--dist loadgroup` cannot: it renames node ids, which pytest 9 no longer lets it do.)"""
    if config.getvalue("dist") != "load":
        return None
    from xdist.scheduler import LoadScopeScheduling

    class OneTestAtATimeButKeepModulesTogether(LoadScopeScheduling):
        def _split_scope(self, nodeid: str) -> str:
            module = nodeid.split("::", 1)[0]
            return module if module in KEEP_TOGETHER else nodeid

    return OneTestAtATimeButKeepModulesTogether(config, log)


def pytest_terminal_summary(terminalreporter, config):
    """Lines tests ask to show even when they pass (e.g. the URL sweep's coverage)."""
    for line in getattr(config, "samspill_summary", []):
        terminalreporter.write_line(line)


def pytest_sessionfinish(session):
    """An xdist worker hands its summary lines to the controller, which prints them."""
    if hasattr(session.config, "workeroutput"):
        session.config.workeroutput["samspill_summary"] = getattr(
            session.config, "samspill_summary", []
        )


@pytest.hookimpl(optionalhook=True)
def pytest_testnodedown(node, error):
    lines = getattr(node, "workeroutput", {}).get("samspill_summary", [])
    node.config.samspill_summary = [*getattr(node.config, "samspill_summary", []), *lines]


def pytest_configure(config):
    from django.conf import settings

    # Hashing passwords the production way costs ~0.3 s each; tests do not need it.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
