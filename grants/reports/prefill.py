"""What Samspill counted in the activities a grant funds, for the grantee's report: meetings
held, people who came, volunteers and their hours in the year reported on. Read through the
evaluation's summaries (``activities.evaluation.services.activity_summary``), which were made
for grant reports, so a report and the evaluation page never disagree."""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import Any

from django.db.models import Q

from activities.evaluation.services import activity_summary, prefixed, session_bounds
from activities.schedule.models import SessionStatus
from activities.shifts.models import Shift, ShiftStatus
from grants.applications.models import Application

# The report's fields that Samspill can count (the rest only the grantee knows).
PREFILLED_FIELDS = (
    "sessions_held",
    "participants_reached",
    "volunteers_involved",
    "volunteer_hours",
)


def counted_in_samspill(application: Application, year: int) -> dict[str, Any]:
    """The funded activities' figures for ``year`` (1 January to 31 December, Europe/Oslo), as
    JSON for ``Report.prefilled_from``: ``activities`` (their titles), ``sessions_held``,
    ``participants_reached`` (people who signed up and came, each counted once per activity),
    ``visits`` (every visit, walk-ins included), ``walk_ins``, ``volunteers_involved`` (people
    with a shift they came to), ``volunteer_hours`` (their approved or pending hours, as text)
    and ``senior_volunteers`` (None: Samspill does not record volunteers' ages). Empty when the
    grant funds no activity in Samspill."""
    activities = list(application.activities.order_by("title", "pk"))
    if not activities:
        return {}
    since, until = datetime.date(year, 1, 1), datetime.date(year, 12, 31)
    summaries = [activity_summary(a, since=since, until=until) for a in activities]
    # The same held sessions the summaries count; a volunteer on several of them counts once.
    held = prefixed(session_bounds(since, until) & Q(status=SessionStatus.HELD), "slot__session__")
    volunteers = (
        Shift.objects.filter(
            held, slot__session__activity__in=activities, status=ShiftStatus.ATTENDED
        )
        .values("volunteer")
        .distinct()
        .count()
    )
    hours = sum((s.volunteer_hours for s in summaries), Decimal(0))
    return {
        "year": year,
        "activities": [a.title for a in activities],
        "sessions_held": sum(s.sessions_held for s in summaries),
        "participants_reached": sum(s.unique_participants for s in summaries),
        "visits": sum(s.participants for s in summaries),
        "walk_ins": sum(s.walk_ins for s in summaries),
        "volunteers_involved": volunteers,
        "volunteer_hours": str(hours.quantize(Decimal("0.1"))),
        "shifts_worked": sum(s.shifts_worked for s in summaries),
        # Volunteers' ages are not recorded on their profile: the grantee counts the seniors.
        "senior_volunteers": None,
    }


def initial_values(counted: dict[str, Any]) -> dict[str, Any]:
    """The report form's starting values from what Samspill counted."""
    initial: dict[str, Any] = {}
    for name in PREFILLED_FIELDS:
        value = counted.get(name)
        if value is None:
            continue
        initial[name] = Decimal(value) if name == "volunteer_hours" else value
    return initial
