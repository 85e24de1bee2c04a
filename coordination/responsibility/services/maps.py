"""The municipality's responsibility map, found or made from the starter set the first time."""

from __future__ import annotations

from django.db import IntegrityError, transaction

from coordination.kernel.models import Municipality
from coordination.responsibility.models import (
    STARTER_PARTIES,
    STARTER_TASKS,
    ResponsibilityMap,
    ResponsibilityParty,
    ResponsibilityTask,
)

ACTION = "manage_responsibility_map"
MAX_ROWS = 60  # tasks or parties in one map: the grid stays one readable page


def find_map(municipality: Municipality) -> ResponsibilityMap | None:
    """The municipality's map, or None while no coordinator has opened it yet."""
    return ResponsibilityMap.objects.filter(municipality=municipality).first()


def map_for(municipality: Municipality) -> ResponsibilityMap:
    """The municipality's map; made from the starter set the first time it is asked for. Only
    the coordinators' pages ask for it (readers get ``find_map``)."""
    found = find_map(municipality)
    if found is not None:
        return found
    try:
        with transaction.atomic():
            found = ResponsibilityMap.objects.create(municipality=municipality)
            ResponsibilityTask.objects.bulk_create(
                ResponsibilityTask(map=found, starter_key=key, position=i)
                for i, key in enumerate(STARTER_TASKS, start=1)
            )
            ResponsibilityParty.objects.bulk_create(
                ResponsibilityParty(map=found, starter_key=key, position=i)
                for i, key in enumerate(STARTER_PARTIES, start=1)
            )
    except IntegrityError:  # made by a request at the same moment
        found = ResponsibilityMap.objects.get(municipality=municipality)
    return found
