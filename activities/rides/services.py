"""Rides follow sign-ups: a participant with a place who asked for transport has a ride to each
session they come to; cancelling, losing the place or no longer needing transport cancels the
rides still ahead. The sign-up services call ``sync_rides_for_signup``; making a schedule's
sessions calls ``sync_rides_for_session`` (a period enrolment rides to every session)."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from activities.rides import pickup_order
from activities.rides.models import Ride, RideStatus
from activities.schedule.models import Session
from activities.shifts.models import SHIFT_HOLDING, Shift, ShiftStatus, Task
from activities.shifts.services import answer_shift as answer_shift  # the demo's one import
from activities.shifts.services import (
    ask_for_slot,
    busy_in,
    check_session_ahead,
    driver_slot,
    require_organiser,
    session_times,
)
from activities.signups.models import MobilityAid, SignUp, SignUpStatus
from coordination.kernel import audit
from coordination.kernel.models import User
from volunteers.matching.ranking import MatchRequest, Proposal, propose
from volunteers.profile.models import Interest, Volunteer


def _sessions_of(signup: SignUp):
    """The planned sessions ahead that the sign-up is for."""
    sessions = Session.objects.ahead()
    if signup.session_id is not None:
        return sessions.filter(pk=signup.session_id)
    return sessions.filter(activity_id=signup.activity_id)


def _wants_rides(signup: SignUp) -> bool:
    return signup.status == SignUpStatus.CONFIRMED and signup.needs_transport


def _fields_from(signup: SignUp) -> dict:
    return {
        "pickup_address": signup.pickup_address,
        "pickup_area": signup.pickup_area,
        "return_trip": signup.return_trip,
        "mobility_aids": list(signup.mobility_aids),
    }


@transaction.atomic
def sync_rides_for_signup(*, signup: SignUp) -> list[Ride]:
    """Make, update or cancel the sign-up's rides to the sessions ahead; returns those live."""
    sessions = list(_sessions_of(signup))
    existing = {r.session_id: r for r in Ride.objects.filter(signup=signup, session__in=sessions)}
    if not _wants_rides(signup):
        for ride in existing.values():
            if ride.status != RideStatus.CANCELLED:
                _cancel(ride)
        return []
    live = []
    for session in sessions:
        found = existing.get(session.pk)
        if found is None:
            ride = Ride.objects.create(
                municipality_id=signup.municipality_id,
                session=session,
                signup=signup,
                **_fields_from(signup),
            )
        else:
            ride = found
            for name, value in _fields_from(signup).items():
                setattr(ride, name, value)
            if ride.status == RideStatus.CANCELLED:
                ride.transition_to(RideStatus.NEEDED, refusal="")
            ride.save()
        live.append(ride)
    return live


def sync_rides_for_session(*, session: Session) -> list[Ride]:
    """Rides to a new session for those enrolled for the activity's whole period."""
    enrolled = SignUp.objects.filter(
        activity_id=session.activity_id, session__isnull=True, status=SignUpStatus.CONFIRMED
    ).filter(needs_transport=True)
    rides = []
    for signup in enrolled:
        rides += [r for r in sync_rides_for_signup(signup=signup) if r.session_id == session.pk]
    return rides


def _cancel(ride: Ride) -> None:
    ride.transition_to(RideStatus.CANCELLED, refusal="")
    ride.driver_shift = None
    ride.save(update_fields=["status", "driver_shift"])


# --- the pick-up order and the drivers ---------------------------------------------------------


def live_rides(session: Session):
    return Ride.objects.filter(session=session).exclude(status=RideStatus.CANCELLED)


def _is_wheelchair(ride: Ride) -> bool:
    return MobilityAid.WHEELCHAIR in (ride.mobility_aids or [])


@transaction.atomic
def plan_pickups(*, session: Session, by: User | None = None) -> list[Ride]:
    """Number the session's rides and give each a time to be ready: one pick-up order per
    driver (the rides reserved for them), and one for the rides without a driver yet, each
    through the activity's route (``pickup_order``). ``by`` None: the system (a task)."""
    if by is not None:
        require_organiser(by, session)
    rides = list(live_rides(session).select_for_update())
    route = session.activity.route_villages()
    groups: dict[int | None, list[Ride]] = defaultdict(list)
    for ride in rides:
        groups[ride.driver_shift_id].append(ride)
    by_pk = {ride.pk: ride for ride in rides}
    for group in groups.values():
        stops = [
            pickup_order.Stop(
                key=ride.pk,
                area=ride.pickup_area,
                address=ride.pickup_address,
                wheelchair=_is_wheelchair(ride),
            )
            for ride in group
        ]
        for planned in pickup_order.plan(stops, route=route, starts_at=session.starts_at):
            ride = by_pk[planned.key]
            ride.stop_number, ride.pickup_at = planned.number, planned.pickup_at
    Ride.objects.bulk_update(rides, ["stop_number", "pickup_at"])
    if by is not None:
        audit.record(by, "changed", session, code="rides.planned", params={"count": len(rides)})
    return sorted(rides, key=lambda r: (r.driver_shift_id or 0, r.stop_number or 0, r.pk))


def _main_area(session: Session) -> str:
    """The village most of the rides still needing a driver start from (else the place's)."""
    areas = Counter(
        ride.pickup_area.strip()
        for ride in live_rides(session).filter(status=RideStatus.NEEDED).only("pickup_area")
        if ride.pickup_area.strip()
    )
    if areas:
        return areas.most_common(1)[0][0]
    return session.place.area if session.place is not None else ""


def driver_request(session: Session, *, area: str = "") -> MatchRequest:
    """What matching needs to propose drivers for the session: transport, in the rides' area,
    at the session's time of day, volunteers with a car, not those already holding a shift
    in the meeting."""
    return MatchRequest(
        municipality_id=session.municipality_id,
        kind=Interest.TRANSPORT,
        area=area or _main_area(session),
        times=session_times(session),
        needs_driver=True,
        exclude_volunteer_ids=frozenset(busy_in(session)),
    )


def propose_drivers(*, session: Session, limit: int = 10) -> list[Proposal]:
    """Ready volunteers who drive in the area, best first, each with why (matching)."""
    return propose(driver_request(session), limit=limit)


def _check_rides(session: Session, rides: Sequence[Ride]) -> list[Ride]:
    ids = {ride.pk for ride in rides}
    found = list(live_rides(session).select_for_update().filter(pk__in=ids))
    if len(found) != len(ids):
        raise ValidationError(
            {"rides": _("Some of the rides are not this meeting's, or were cancelled.")}
        )
    return found


@transaction.atomic
def ask_driver(
    *, session: Session, volunteer: Volunteer, by: User, rides: Sequence[Ride] = ()
) -> Shift:
    """Ask a volunteer to drive: a driver's shift asked of them (the driver slot is made if
    missing); they are told and say yes or no themselves. The chosen rides are reserved for
    them and get their driver when they say yes."""
    require_organiser(by, session)
    shift = ask_for_slot(slot=driver_slot(session), volunteer=volunteer, by=by)
    chosen = _check_rides(session, rides)
    for ride in chosen:
        ride.driver_shift = shift
        if ride.status == RideStatus.COVERED:
            ride.transition_to(RideStatus.NEEDED, refusal="")
    Ride.objects.bulk_update(chosen, ["driver_shift", "status"])
    return shift


@transaction.atomic
def assign_rides(*, shift: Shift, rides: Sequence[Ride], by: User) -> None:
    """Give rides of the session to one of its drivers (from another driver, too). A driver
    who has said yes covers them at once; one still asked has them reserved."""
    shift = Shift.objects.select_related("slot__session__activity").get(pk=shift.pk)
    session = shift.slot.session
    require_organiser(by, session)
    check_session_ahead(session)
    if shift.slot.task != Task.DRIVER or shift.status not in SHIFT_HOLDING:
        raise ValidationError(_("Rides go to a driver who holds the session's driver shift."))
    chosen = _check_rides(session, rides)
    covered = shift.status != ShiftStatus.ASKED
    for ride in chosen:
        ride.driver_shift = shift
        ride.status = RideStatus.COVERED if covered else RideStatus.NEEDED
    Ride.objects.bulk_update(chosen, ["driver_shift", "status"])
    plan_pickups(session=session)
    audit.record(by, "changed", shift, code="rides.assigned", params={"count": len(chosen)})
