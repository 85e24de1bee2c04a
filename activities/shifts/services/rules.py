"""The rules of shifts: who may run a session's shifts, whether a volunteer is ready for a
slot (the screening rules of its role), and whom to ask for one."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from activities.catalogue.permissions import can_manage_activity
from activities.schedule.models import Session, SessionStatus
from activities.shifts.models import SHIFT_HOLDING, Shift, ShiftSlot, Task
from coordination.kernel.models import User
from volunteers.matching.ranking import TIMES, Proposal
from volunteers.profile.models import Signature, Volunteer
from volunteers.profile.services import current_declaration
from volunteers.screening.models import VolunteerRole
from volunteers.screening.readiness import Missing, Readiness, missing_for
from volunteers.screening.ready_state import stored_ready_q

NOTIFY_TASK = "activities.shifts.tasks.notify_shift"
# Shifts starting within this many days are asked to be confirmed (once).
CONFIRM_DAYS = 3
LIVE = SHIFT_HOLDING


# --- who may ---------------------------------------------------------------------------------


def require_organiser(user: User | None, session: Session) -> None:
    """The activity's organisers and the coordinator (PermissionDenied for anyone else)."""
    if user is None or not can_manage_activity(user, session.activity):
        raise PermissionDenied


def is_volunteer_of(user: User | None, shift: Shift) -> bool:
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


def lock_slot(slot: ShiftSlot) -> ShiftSlot:
    return (
        ShiftSlot.objects.select_for_update(of=("self",))
        .select_related("session__activity")
        .get(pk=slot.pk)
    )


def held_count(slot: ShiftSlot) -> int:
    return Shift.objects.filter(slot=slot, status__in=LIVE).count()


def locked_shift(shift: Shift) -> Shift:
    return (
        Shift.objects.select_for_update(of=("self",))
        .select_related("slot__session__activity", "volunteer")
        .get(pk=shift.pk)
    )


# --- whom to ask ------------------------------------------------------------------------------


def ready_for_slot(slot: ShiftSlot) -> QuerySet[Volunteer]:
    """Active volunteers of the municipality, with a login, ready for the slot's role (without
    a role: the current declaration signed). Reads the role holders' stored readiness: a list
    of whom to ask; taking the shift checks the one volunteer live (``check_can_hold``)."""
    volunteers = Volunteer.objects.in_municipality(slot.municipality_id).filter(
        left_at__isnull=True, anonymised_at__isnull=True, user__is_active=True
    )
    if slot.role is not None:
        volunteers = volunteers.filter(stored_ready_q(slot.role))
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
