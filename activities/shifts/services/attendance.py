"""Who came to their shift: the hours of a shift worked flow to the volunteer's total."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from activities.schedule.models import Session
from activities.shifts.models import Shift, ShiftStatus
from activities.shifts.services.rules import (
    LIVE,
    locked_shift,
    require_organiser,
)
from coordination.kernel import audit
from coordination.kernel.models import User
from volunteers.hours import services as hours_services

# --- attendance and hours ----------------------------------------------------------------------


def shift_hours(session: Session) -> Decimal:
    """The session's length in hours, to the quarter (what a shift is worth by default)."""
    minutes = Decimal((session.ends_at - session.starts_at).total_seconds()) / 60
    quarters = (minutes / 15).quantize(Decimal("1"), rounding=ROUND_HALF_UP)
    return max(Decimal("0.25"), quarters / 4).quantize(Decimal("0.01"))


@transaction.atomic
def record_shift_attendance(
    *, shift: Shift, by: User, attended: bool, hours: Decimal | None = None
) -> Shift:
    """The organiser records after the meeting whether the volunteer came. Came: an approved
    hours entry (the session's length, or ``hours``) counts in the volunteer's total; did not
    come: that entry goes. Recording the same again changes nothing."""
    shift = locked_shift(shift)
    session = shift.slot.session
    require_organiser(by, session)
    if session.starts_at > timezone.now():
        raise ValidationError(_("Record who came once the meeting has started."))
    if shift.status not in (*LIVE, ShiftStatus.ATTENDED, ShiftStatus.NO_SHOW):
        raise ValidationError(_("This volunteer did not hold the shift."))
    if shift.status == ShiftStatus.ASKED:
        raise ValidationError(_("This volunteer never said yes to the shift."))
    entry = shift.hours_entry
    worth = (hours if hours is not None else shift_hours(session)) if attended else None
    if entry is not None and (not attended or entry.hours != worth):
        shift.hours_entry = None
        shift.save(update_fields=["hours_entry"])
        hours_services.remove_worked_hours(entry=entry, by=by)
        entry = None
    if attended and entry is None and worth is not None:
        shift.hours_entry = hours_services.record_worked_hours(
            volunteer=shift.volunteer,
            by=by,
            worked_on=timezone.localdate(session.starts_at),
            hours=worth,
            description=_("Shift: %(task)s, %(activity)s")
            % {"task": shift.slot.get_task_display(), "activity": session.activity.title},
        )
    status = ShiftStatus.ATTENDED if attended else ShiftStatus.NO_SHOW
    if shift.status != status:
        shift.transition_to(status, refusal=_("This volunteer did not hold the shift."))
    shift.save(update_fields=["status", "hours_entry"])
    audit.record(by, "changed", shift, code="shift.attendance", params={"came": bool(attended)})
    return shift
