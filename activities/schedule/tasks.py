"""The nightly job that keeps open-ended schedules a year ahead: each night one more day of
sessions is made for every schedule without an end (or with one not reached yet)."""

from __future__ import annotations

import logging

from celery import shared_task

from activities.schedule import services
from activities.schedule.models import Schedule

log = logging.getLogger(__name__)


@shared_task(acks_late=True)
def extend_schedules() -> int:
    """Make the sessions each open schedule lacks up to the horizon; returns how many were
    made. Idempotent: a second run the same night makes none. One schedule that fails is
    logged and the others go on."""
    made = 0
    for pk in services.open_schedules().values_list("pk", flat=True).iterator():
        schedule = Schedule.objects.select_related("activity").filter(pk=pk).first()
        if schedule is None:
            continue
        try:
            made += services.make_sessions(schedule=schedule)
        except Exception:
            log.exception("could not extend schedule %s", pk)
    return made
