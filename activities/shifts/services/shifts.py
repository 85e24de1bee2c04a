"""Shifts taken, asked, answered, confirmed and dropped (with a substitute asked): each a
guarded change of the shift's status, in a transaction, the volunteer told after commit."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from activities.rides.models import Ride, RideStatus
from activities.schedule.models import Session
from activities.shifts.models import Shift, ShiftSlot, ShiftStatus, Task
from activities.shifts.services.rules import (
    NOTIFY_TASK,
    check_can_hold,
    check_session_ahead,
    held_count,
    is_volunteer_of,
    lock_slot,
    locked_shift,
    propose_for_slot,
    require_organiser,
)
from coordination.kernel import audit, outbox
from coordination.kernel.models import User
from volunteers.profile.models import Interest, Volunteer
from volunteers.screening.models import VolunteerRole
from volunteers.screening.readiness import (
    roles_for_kind,
)

# --- the organiser's slots ---------------------------------------------------------------------


@transaction.atomic
def add_shift_slot(
    *,
    session: Session,
    by: User,
    task: str,
    count: int = 1,
    role: VolunteerRole | None = None,
) -> ShiftSlot:
    """What the session needs for one task. A task the session has already is changed (how
    many, which role) rather than added twice."""
    require_organiser(by, session)
    check_session_ahead(session)
    if task not in Task.values:
        raise ValidationError({"task": _("Choose a task.")})
    if not 1 <= count <= 50:
        raise ValidationError({"count": _("Write a number from 1 to 50.")})
    if role is not None and role.municipality_id != session.municipality_id:
        raise ValidationError({"role": _("Choose one of this municipality's volunteer roles.")})
    slot = ShiftSlot.objects.select_for_update().filter(session=session, task=task).first()
    if slot is None:
        slot = ShiftSlot.objects.create(
            municipality_id=session.municipality_id,
            session=session,
            task=task,
            count=count,
            role=role,
        )
        audit.record(by, "created", slot, code="shift.slot_added", params={"task": task})
        return slot
    if count < held_count(slot):
        raise ValidationError(
            {
                "count": _(
                    "More volunteers than that hold this shift already. Ask one to drop out first."
                )
            }
        )
    slot.count, slot.role = count, role
    slot.save(update_fields=["count", "role"])
    audit.record(by, "changed", slot, code="shift.slot_added", params={"task": task})
    return slot


def driver_slot(session: Session) -> ShiftSlot:
    """The session's driver slot, made when first needed (no role of its own: the role for
    transport, which matching uses too)."""
    slot = ShiftSlot.objects.filter(session=session, task=Task.DRIVER).first()
    if slot is not None:
        return slot
    role = roles_for_kind(session.municipality_id, Interest.TRANSPORT).first()
    return ShiftSlot.objects.create(
        municipality_id=session.municipality_id,
        session=session,
        task=Task.DRIVER,
        count=1,
        role=role,
    )


# --- volunteers take, are asked, answer, confirm -------------------------------------------------


def _create(slot: ShiftSlot, volunteer: Volunteer, status: str, **fields) -> Shift:
    try:
        with transaction.atomic():
            return Shift.objects.create(
                municipality_id=slot.municipality_id,
                slot=slot,
                volunteer=volunteer,
                status=status,
                **fields,
            )
    except IntegrityError:
        raise ValidationError(_("%(name)s already has this shift.") % {"name": volunteer}) from None


@transaction.atomic
def take_shift(*, slot: ShiftSlot, volunteer: Volunteer, by: User) -> Shift:
    """The volunteer takes an open shift themself: only when ready for it, while there is room
    and the meeting is ahead."""
    if volunteer.user_id is None or volunteer.user_id != by.pk:
        raise PermissionDenied
    slot = lock_slot(slot)
    check_session_ahead(slot.session)
    check_can_hold(volunteer, slot, own=True)
    if held_count(slot) >= slot.count:
        raise ValidationError(_("This shift is full. Thank you for offering!"))
    shift = _create(slot, volunteer, ShiftStatus.SIGNED_UP, answered_at=timezone.now())
    audit.record(by, "created", shift, code="shift.taken")
    return shift


@transaction.atomic
def ask_for_slot(
    *, slot: ShiftSlot, volunteer: Volunteer, by: User, substitute_for: Shift | None = None
) -> Shift:
    """The organiser asks a ready volunteer; the volunteer is told and answers for themself.
    Asking a driver beyond the slot's count makes room (each driver asked is a car more)."""
    if substitute_for is None:
        require_organiser(by, slot.session)
    slot = lock_slot(slot)
    check_session_ahead(slot.session)
    check_can_hold(volunteer, slot, own=False)
    if volunteer.user_id is None:
        raise ValidationError(
            _("%(name)s has no login and cannot answer here. Phone them instead.")
            % {"name": volunteer}
        )
    if held_count(slot) >= slot.count:
        if slot.task != Task.DRIVER:
            raise ValidationError(_("This shift is full. Add room for more first."))
        slot.count += 1
        slot.save(update_fields=["count"])
    shift = _create(slot, volunteer, ShiftStatus.ASKED, substitute_for=substitute_for)
    audit.record(by, "created", shift, code="shift.asked")
    outbox.send(NOTIFY_TASK, shift=shift.pk, event="asked")
    return shift


@transaction.atomic
def answer_shift(*, shift: Shift, by: User, accept: bool) -> Shift:
    """The asked volunteer says yes (signed up; a driver's rides get their driver) or no (the
    rides reserved for them need a driver again). The organiser may record an answer the
    volunteer gave on the phone."""
    shift = locked_shift(shift)
    own = is_volunteer_of(by, shift)
    if not own:
        require_organiser(by, shift.slot.session)
    if shift.status != ShiftStatus.ASKED:
        raise ValidationError(_("This request has already been answered."))
    if accept:
        check_session_ahead(shift.slot.session)
        check_can_hold(shift.volunteer, shift.slot, own=own)
    shift.transition_to(
        ShiftStatus.SIGNED_UP if accept else ShiftStatus.DECLINED,
        refusal=_("This request has already been answered."),
    )
    shift.answered_at = timezone.now()
    shift.save(update_fields=["status", "answered_at"])
    rides = Ride.objects.filter(driver_shift=shift).exclude(status=RideStatus.CANCELLED)
    if accept:
        rides.update(status=RideStatus.COVERED)
    else:
        rides.update(status=RideStatus.NEEDED, driver_shift=None)
    if shift.slot.task == Task.DRIVER:
        from activities.rides.services import plan_pickups

        plan_pickups(session=shift.slot.session)  # the driver's list has its order and times
    audit.record(by, "changed", shift, code="shift.answered", params={"accept": bool(accept)})
    outbox.send(NOTIFY_TASK, shift=shift.pk, event="accepted" if accept else "declined")
    return shift


@transaction.atomic
def confirm_shift(*, shift: Shift, by: User) -> Shift:
    """The volunteer confirms, a few days before, that they are coming."""
    shift = locked_shift(shift)
    if not is_volunteer_of(by, shift):
        raise PermissionDenied
    check_session_ahead(shift.slot.session)
    if shift.status == ShiftStatus.CONFIRMED:
        return shift
    shift.transition_to(
        ShiftStatus.CONFIRMED, refusal=_("Only a shift you have signed up for can be confirmed.")
    )
    shift.confirmed_at = timezone.now()
    shift.save(update_fields=["status", "confirmed_at"])
    audit.record(by, "changed", shift, code="shift.confirmed")
    return shift


# --- dropping out, and the substitute --------------------------------------------------------


@transaction.atomic
def drop_shift(*, shift: Shift, by: User, reason: str = "") -> Shift:
    """The volunteer drops out (or the organiser records that they did): the organiser is told
    and a substitute is asked — the best proposal for the slot. A driver's rides need a driver
    again, reserved for the substitute until they say yes."""
    shift = locked_shift(shift)
    own = is_volunteer_of(by, shift)
    if not own:
        require_organiser(by, shift.slot.session)
    check_session_ahead(shift.slot.session)
    shift.transition_to(ShiftStatus.DROPPED, refusal=_("Only a shift you hold can be dropped."))
    shift.save(update_fields=["status"])
    audit.record(
        by, "changed", shift, code="shift.dropped", params={"reason": reason.strip()[:300]}
    )
    outbox.send(NOTIFY_TASK, shift=shift.pk, event="dropped", reason=reason.strip()[:300])
    substitute = _ask_substitute(shift, by)
    Ride.objects.filter(driver_shift=shift).exclude(status=RideStatus.CANCELLED).update(
        status=RideStatus.NEEDED, driver_shift=substitute
    )
    return shift


def _ask_substitute(shift: Shift, by: User) -> Shift | None:
    excluded = {shift.volunteer_id}
    for proposal in propose_for_slot(shift.slot, limit=5):
        volunteer = proposal.volunteer
        if volunteer.pk in excluded or volunteer.user_id is None:
            continue
        try:
            return ask_for_slot(slot=shift.slot, volunteer=volunteer, by=by, substitute_for=shift)
        except ValidationError:
            continue
    return None
