"""When CI points the suite at PostgreSQL and Redis, nothing silently falls back."""

import os

import pytest
from django.conf import settings
from django.core.cache import cache
from django.db import connection


@pytest.mark.django_db
def test_database_is_the_one_configured():
    url = os.environ.get("DATABASE_URL", "")
    expected = "postgresql" if url.startswith("postgres") else "sqlite"
    assert connection.vendor == expected


def test_celery_and_cache_use_redis_when_configured():
    if not os.environ.get("CELERY_BROKER_URL"):
        assert settings.CELERY_TASK_ALWAYS_EAGER
        pytest.skip("embedded default: no broker configured")
    assert not settings.CELERY_TASK_ALWAYS_EAGER
    assert settings.CELERY_BROKER_URL.startswith("redis://")
    if os.environ.get("CACHE_URL", "").startswith("redis"):
        assert settings.CACHES["default"]["BACKEND"].endswith("RedisCache")
        cache.set("samspill-ci-probe", "ok", 5)
        assert cache.get("samspill-ci-probe") == "ok"
