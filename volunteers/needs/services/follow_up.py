"""Follow-up conversations: planned ahead (e.g. every 4 weeks for 3 months) and recorded when
held."""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from coordination.kernel import audit
from coordination.kernel.models import User
from coordination.kernel.permissions import require
from volunteers.needs.models import Assignment, FollowUp, Need

# Most follow-up conversations one plan makes (once a week for a year and a bit).
MAX_FOLLOW_UPS = 60


def follow_up_dates(
    first_on: datetime.date, every_weeks: int | None, until: datetime.date | None
) -> list[datetime.date]:
    """``first_on``, then every ``every_weeks`` weeks up to and including ``until``."""
    if not every_weeks or until is None:
        return [first_on]
    dates: list[datetime.date] = []
    day = first_on
    while day <= until and len(dates) < MAX_FOLLOW_UPS:
        dates.append(day)
        day += datetime.timedelta(weeks=every_weeks)
    return dates


@transaction.atomic
def plan_follow_ups(
    *,
    need: Need,
    by: User,
    first_on: datetime.date,
    every_weeks: int | None = None,
    until: datetime.date | None = None,
    assignment: Assignment | None = None,
) -> list[FollowUp]:
    """Plan follow-up conversations, e.g. every 4 weeks for the next 3 months. A date already
    planned (and not yet held) for the same pairing is not planned twice."""
    require(by, "manage_needs", need)
    need.check_open()
    if assignment is not None and assignment.need_id != need.pk:
        raise ValidationError({"assignment": _("Choose one of this need's volunteers.")})
    if every_weeks is not None and not 1 <= every_weeks <= 26:
        raise ValidationError({"every_weeks": _("Choose between 1 and 26 weeks.")})
    if until is not None and until < first_on:
        raise ValidationError({"months": _("The last date is before the first one.")})
    dates = follow_up_dates(first_on, every_weeks, until)
    planned = set(
        FollowUp.objects.filter(
            need=need, assignment=assignment, held_on__isnull=True, due_on__in=dates
        ).values_list("due_on", flat=True)
    )
    made = FollowUp.objects.bulk_create(
        FollowUp(need=need, assignment=assignment, due_on=day)
        for day in dates
        if day not in planned
    )
    audit.record(by, "changed", need, code="need.follow_ups_planned", params={"count": len(made)})
    return made


@transaction.atomic
def record_follow_up(
    *, follow_up: FollowUp, by: User, held_on: datetime.date, notes: str = ""
) -> FollowUp:
    """The conversation was held: when, and what came out of it."""
    require(by, "manage_needs", follow_up.need)
    follow_up.need.check_not_anonymised()
    if held_on > timezone.localdate():
        raise ValidationError({"held_on": _("The date cannot be in the future.")})
    follow_up.held_on = held_on
    follow_up.notes = notes.strip()
    follow_up.held_by = by
    follow_up.save(update_fields=["held_on", "notes", "held_by"])
    audit.record(
        by,
        "changed",
        follow_up,
        municipality=follow_up.need.municipality_id,
        code="follow_up.held",
    )
    return follow_up
