"""The Celery app. Without CELERY_BROKER_URL, tasks run eagerly in-process (see settings)."""

import os

from celery import Celery

from coordination.apps import project_modules

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "coordination.settings")

app = Celery("samspill")
app.config_from_object("django.conf:settings", namespace="CELERY")


def packages_with_tasks() -> list[str]:
    """Each of the project's apps and areas that has a ``tasks.py`` (coordination.kernel,
    coordination.partners, volunteers.needs, …): the worker registers the tasks found there.
    Found as the apps' contributions and demo steps are (``coordination.apps``)."""
    return [module.rpartition(".")[0] for module in project_modules("tasks", kernel=True)]


app.autodiscover_tasks(packages_with_tasks)
