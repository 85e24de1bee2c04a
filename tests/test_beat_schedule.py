"""Every periodic job Celery beat is told to run exists as a registered task: a name that no
task answers to would be dropped by the worker every night without anyone noticing."""

import importlib

from django.conf import settings

from coordination.celery import app


def test_every_scheduled_job_is_a_registered_task():
    scheduled = {entry["task"] for entry in settings.CELERY_BEAT_SCHEDULE.values()}
    assert scheduled, "no periodic jobs at all"
    for name in scheduled:
        importlib.import_module(name.rpartition(".")[0])  # as the worker's autodiscovery does
    assert scheduled - set(app.tasks) == set()
