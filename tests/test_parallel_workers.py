"""The suite runs in two pytest-xdist workers (`make test`): each has its own test database
(pytest-django) and its own Redis databases (tests/conftest.py), so that one worker's
cache.clear() or real Celery worker never reaches the other's tests."""

import os

import pytest
from django.conf import settings
from django.core.cache import cache
from django.db import connection

from coordination.celery import app
from tests.conftest import redis_url_for_worker


def test_worker_n_adds_2_n_to_every_redis_database_number():
    assert redis_url_for_worker("redis://127.0.0.1:6379/0", 0) == "redis://127.0.0.1:6379/0"
    assert redis_url_for_worker("redis://127.0.0.1:6379/0", 1) == "redis://127.0.0.1:6379/2"
    assert redis_url_for_worker("redis://127.0.0.1:6379/1", 1) == "redis://127.0.0.1:6379/3"
    assert redis_url_for_worker("redis://127.0.0.1:6379", 2) == "redis://127.0.0.1:6379/4"
    assert redis_url_for_worker("memory://", 1) == "memory://"
    with pytest.raises(pytest.UsageError):
        redis_url_for_worker("redis://127.0.0.1:6379/14", 1)


def test_this_worker_uses_its_own_databases(db):
    worker = os.environ.get("PYTEST_XDIST_WORKER", "")
    if not worker.startswith("gw") or not settings.CELERY_BROKER_URL.startswith("redis"):
        pytest.skip("runs under pytest-xdist with Redis (make test with CI's settings)")
    expected = redis_url_for_worker(os.environ["CELERY_BROKER_URL"], 0)  # already moved
    assert settings.CELERY_BROKER_URL == app.conf.broker_url == expected
    with app.connection_for_write() as broker:
        assert broker.as_uri().endswith(expected.rsplit(":", 1)[1])
    if settings.CACHES["default"]["BACKEND"].endswith("RedisCache"):
        db = cache._cache.get_client().connection_pool.connection_kwargs["db"]
        assert f"/{db}" == "/" + os.environ["CACHE_URL"].rsplit("/", 1)[1]
        number = int(worker[2:])
        assert db >= 2 * number
    assert connection.settings_dict["NAME"].endswith(f"_{worker}")  # pytest-django's part
