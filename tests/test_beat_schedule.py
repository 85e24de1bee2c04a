"""Every periodic job Celery beat is told to run exists as a registered task: a name that no
task answers to would be dropped by the worker every night without anyone noticing."""

import importlib
import re
from pathlib import Path

from django.conf import settings

from coordination.celery import app


def test_every_scheduled_job_is_a_registered_task():
    scheduled = {entry["task"] for entry in settings.CELERY_BEAT_SCHEDULE.values()}
    assert scheduled, "no periodic jobs at all"
    for name in scheduled:
        importlib.import_module(name.rpartition(".")[0])  # as the worker's autodiscovery does
    assert scheduled - set(app.tasks) == set()


def test_every_task_sent_by_name_is_a_registered_task():
    """Services send some tasks by name (``outbox.send("volunteers.needs.tasks.x", …)``), so
    that the task module may import the service: a misspelt name would only fail in the
    worker, after the change was committed."""
    root = Path(__file__).resolve().parents[1]
    pattern = re.compile(
        r"[\"']((?:coordination|volunteers|activities|grants)(?:\.\w+)*\.tasks\.\w+)[\"']"
    )
    named = {
        match
        for app in ("coordination", "volunteers", "activities", "grants")
        for path in (root / app).rglob("*.py")
        if "migrations" not in path.parts
        for match in pattern.findall(path.read_text())
    }
    assert "volunteers.needs.tasks.notify_need_reported" in named
    for name in named:
        importlib.import_module(name.rpartition(".")[0])
    assert named - set(app.tasks) == set()
