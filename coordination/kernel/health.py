"""Readiness checks behind /healthz: can we reach the database and the Celery broker?"""

from django.conf import settings
from django.db import connection
from kombu import Connection


def check_database() -> str:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception as exc:  # any failure means "down"; the type is in the report
        return f"error: {type(exc).__name__}"
    return "ok"


def check_broker() -> str:
    """'eager' when tasks run in-process (no broker configured), else 'ok' or the error."""
    if settings.CELERY_TASK_ALWAYS_EAGER:
        return "eager"
    try:
        with Connection(settings.CELERY_BROKER_URL, connect_timeout=2) as conn:
            conn.ensure_connection(max_retries=1, interval_start=0, interval_step=0, timeout=2)
    except Exception as exc:
        return f"error: {type(exc).__name__}"
    return "ok"
