"""Volunteer shifts: the organiser adds what a session needs (a slot: a task, how many, the
role whose readiness rules apply), ready volunteers take a shift or are asked and answer for
themselves (never a task they did not accept), confirm a few days before, drop out (a
substitute is asked), and the organiser records who came — the hours flow to the volunteer's
total through the hours module."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from activities.catalogue.permissions import can_manage_activity
from activities.rides.models import Ride, RideStatus
from activities.schedule.models import Session, SessionStatus
from activities.shifts.models import SHIFT_HOLDING, Shift, ShiftSlot, ShiftStatus, Task
from coordination.kernel import audit, outbox
from coordination.kernel.models import User
from volunteers.hours import services as hours_services
from volunteers.matching.ranking import TIMES, Proposal
from volunteers.profile.models import Interest, Signature, Volunteer
from volunteers.profile.services import current_declaration
from volunteers.screening.models import VolunteerRole
from volunteers.screening.readiness import (
    Missing,
    Readiness,
    missing_for,
    ready_q,
    roles_for_kind,
)

NOTIFY_TASK = "activities.shifts.tasks.notify_shift"
# Shifts starting within this many days are asked to be confirmed (once).
CONFIRM_DAYS = 3
LIVE = SHIFT_HOLDING


# --- who may ---------------------------------------------------------------------------------


def require_organiser(user: User | None, session: Session) -> None:
    """The activity's organisers and the coordinator (PermissionDenied for anyone else)."""
    if user is None or not can_manage_activity(user, session.activity):
        raise PermissionDenied


def _is_volunteer_of(user: User | None, shift: Shift) -> bool:
    return user is not None and user.is_authenticated and shift.volunteer.user_id == user.pk


def check_session_ahead(session: Session) -> None:
    if session.status != SessionStatus.PLANNED:
        raise ValidationError(_("This meeting is not planned to run, so it has no shifts to fill."))
    if session.starts_at <= timezone.now():
        raise ValidationError(_("This meeting has already started."))


# --- readiness for a slot ----------------------------------------------------------------------


def session_times(session: Session) -> frozenset[str]:
    """The volunteer's availability the session's time of day falls in (matching's TIMES)."""
    local = timezone.localtime(session.starts_at)
    if local.weekday() >= 5:
        return frozenset({"weekends"})
    if local.hour >= 17:
        return frozenset({"evenings"})
    return frozenset({"weekday_daytime"})


def _role_missing(role: VolunteerRole) -> Missing:
    return Missing(_("the role %(role)s") % {"role": role.name}, Missing.ROLE)


def readiness_for_slot(
    volunteer: Volunteer, slot: ShiftSlot, *, held: dict[int, list] | None = None
) -> Readiness:
    """Is the volunteer ready for the slot's role (the screening rules: holds the role, the
    current declaration signed, the certificate and the courses the role asks for)? Without a
    role: the current declaration signed. ``held`` is ``missing_for([volunteer])`` when the
    caller already has it (a page of slots: one look for all)."""
    municipality_id = slot.municipality_id
    if held is None:
        held = missing_for([volunteer])
    roles = {readiness.role.pk: readiness for readiness in held.get(volunteer.pk, [])}
    role = slot.role
    if role is not None and role.pk in roles:
        found = roles[role.pk]
        return Readiness(role, found.missing, municipality_id, found.certificate_by)
    missing: list[Missing] = []
    if not _signed_current(volunteer):
        missing.append(Missing(_("the confidentiality declaration"), Missing.DECLARATION))
    if role is not None:
        missing.append(_role_missing(role))
    return Readiness(role, tuple(missing), municipality_id)


def _signed_current(volunteer: Volunteer) -> bool:
    """Signed the municipality's current declaration (or it has none). A page of slots sets
    ``volunteer.signed_current`` once (``signed_current_of``)."""
    if hasattr(volunteer, "signed_current"):
        return bool(volunteer.signed_current)
    return signed_current_of(volunteer)


def signed_current_of(volunteer: Volunteer) -> bool:
    declaration = current_declaration(volunteer.municipality_id)
    if declaration is None:
        return True
    return Signature.objects.filter(volunteer=volunteer, text=declaration).exists()


def refusal_for(readiness: Readiness) -> str:
    """Why a volunteer may not take the shift, in words they can act on."""
    said = []
    for item in readiness.missing:
        kind = getattr(item, "kind", "")
        if kind == Missing.DECLARATION:
            said.append(_("You need to sign the confidentiality declaration first."))
        elif kind in (Missing.CERTIFICATE, Missing.RENEWAL):
            said.append(_("You need a police certificate for this role — talk to the coordinator."))
        elif kind == Missing.ROLE:
            said.append(
                _("You do not have the role %(role)s yet — talk to the coordinator.")
                % {"role": readiness.role.name if readiness.role else ""}
            )
        else:
            said.append(
                _("You need the course %(course)s for this role — talk to the coordinator.")
                % {"course": getattr(getattr(item, "course", None), "name", "")}
            )
    return " ".join(said)


def driver_refusal(volunteer: Volunteer) -> str:
    if volunteer.can_drive and volunteer.has_car:
        return ""
    return _("A driver needs a driving licence and a car: add them to your profile if you have.")


def check_can_hold(volunteer: Volunteer, slot: ShiftSlot, *, own: bool) -> None:
    """The rules for holding a shift in the slot: an active volunteer of the municipality,
    ready for the slot's role, with a car for driving. ``own``: said to the volunteer."""
    if volunteer.municipality_id != slot.municipality_id or volunteer.left_at is not None:
        raise ValidationError(
            _("You are not an active volunteer in this municipality.")
            if own
            else _("%(name)s is not an active volunteer in this municipality.")
            % {"name": volunteer}
        )
    readiness = readiness_for_slot(volunteer, slot)
    if not readiness.ready:
        if own:
            raise ValidationError(refusal_for(readiness))
        raise ValidationError(
            _("%(name)s is not ready for this shift yet: %(missing)s missing.")
            % {"name": volunteer, "missing": readiness.missing_text}
        )
    if slot.task == Task.DRIVER and (refusal := driver_refusal(volunteer)):
        raise ValidationError(
            refusal if own else _("%(name)s has no car to drive.") % {"name": volunteer}
        )


def _lock_slot(slot: ShiftSlot) -> ShiftSlot:
    return (
        ShiftSlot.objects.select_for_update(of=("self",))
        .select_related("session__activity")
        .get(pk=slot.pk)
    )


def held_count(slot: ShiftSlot) -> int:
    return Shift.objects.filter(slot=slot, status__in=LIVE).count()


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
    slot = _lock_slot(slot)
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
    slot = _lock_slot(slot)
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


def _locked(shift: Shift) -> Shift:
    return (
        Shift.objects.select_for_update(of=("self",))
        .select_related("slot__session__activity", "volunteer")
        .get(pk=shift.pk)
    )


@transaction.atomic
def answer_shift(*, shift: Shift, by: User, accept: bool) -> Shift:
    """The asked volunteer says yes (signed up; a driver's rides get their driver) or no (the
    rides reserved for them need a driver again). The organiser may record an answer the
    volunteer gave on the phone."""
    shift = _locked(shift)
    own = _is_volunteer_of(by, shift)
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
    shift = _locked(shift)
    if not _is_volunteer_of(by, shift):
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


def ready_for_slot(slot: ShiftSlot) -> QuerySet[Volunteer]:
    """Active volunteers of the municipality, with a login, ready for the slot's role (without
    a role: the current declaration signed)."""
    volunteers = Volunteer.objects.in_municipality(slot.municipality_id).filter(
        left_at__isnull=True, anonymised_at__isnull=True, user__is_active=True
    )
    if slot.role is not None:
        volunteers = volunteers.filter(ready_q(slot.role))
    elif (declaration := current_declaration(slot.municipality_id)) is not None:
        volunteers = volunteers.filter(
            Exists(Signature.objects.filter(volunteer=OuterRef("pk"), text=declaration))
        )
    if slot.task == Task.DRIVER:
        volunteers = volunteers.filter(can_drive=True, has_car=True)
    return volunteers


def busy_in(session: Session) -> set[int]:
    """Volunteers holding a live shift in the session (one shift each per meeting)."""
    return set(
        Shift.objects.filter(slot__session=session, status__in=LIVE).values_list(
            "volunteer_id", flat=True
        )
    )


def propose_for_slot(slot: ShiftSlot, *, limit: int = 10) -> list[Proposal]:
    """Volunteers to ask for the slot, best first: for driving, matching's proposals (ready,
    drive, in the area); otherwise the ready volunteers free at that time of day, those who
    have not said no to this slot before."""
    session = slot.session
    if slot.task == Task.DRIVER:
        from activities.rides.services import propose_drivers

        return propose_drivers(session=session, limit=limit)
    said_no = Shift.objects.filter(slot=slot).exclude(status__in=LIVE).values("volunteer_id")
    times = session_times(session)
    found = (
        ready_for_slot(slot)
        .exclude(pk__in=busy_in(session))
        .exclude(pk__in=said_no)
        .filter(Q.create([(t, True) for t in times], Q.OR))
        .select_related("user")
        .order_by("sort_name", "pk")[:limit]
    )
    labels = {t: str(getattr(Volunteer._meta.get_field(t), "verbose_name", t)) for t in TIMES}
    reasons = [
        _("ready for the role %(role)s") % {"role": slot.role.name}
        if slot.role
        else _("has signed the confidentiality declaration"),
        _("free %(times)s") % {"times": ", ".join(labels[t] for t in sorted(times))},
    ]
    return [Proposal(volunteer=v, score=0, reasons=list(reasons), role=slot.role) for v in found]


@transaction.atomic
def drop_shift(*, shift: Shift, by: User, reason: str = "") -> Shift:
    """The volunteer drops out (or the organiser records that they did): the organiser is told
    and a substitute is asked — the best proposal for the slot. A driver's rides need a driver
    again, reserved for the substitute until they say yes."""
    shift = _locked(shift)
    own = _is_volunteer_of(by, shift)
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
    shift = _locked(shift)
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
