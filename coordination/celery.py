"""The Celery app. Without CELERY_BROKER_URL, tasks run eagerly in-process (see settings)."""

import os
from pathlib import Path

from celery import Celery
from django.apps import apps

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "coordination.settings")

PROJECT_ROOT = Path(__file__).resolve().parent.parent

app = Celery("samspill")
app.config_from_object("django.conf:settings", namespace="CELERY")


def packages_with_tasks() -> list[str]:
    """Each of the project's apps and areas that has a ``tasks.py`` (coordination.kernel,
    coordination.partners, volunteers.needs, …): the worker registers the tasks found there."""
    found = []
    for config in apps.get_app_configs():
        app_path = Path(config.path)
        if app_path.parent != PROJECT_ROOT:
            continue
        found += [
            f"{config.name}.{area.parent.name}" for area in sorted(app_path.glob("*/tasks.py"))
        ]
    return found


app.autodiscover_tasks(packages_with_tasks)
