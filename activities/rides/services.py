"""Rides follow sign-ups: a participant with a place who asked for transport has a ride to each
session they come to; cancelling, losing the place or no longer needing transport cancels the
rides still ahead. The sign-up services call ``sync_rides_for_signup``; making a schedule's
sessions calls ``sync_rides_for_session`` (a period enrolment rides to every session)."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from activities.rides.models import Ride, RideStatus
from activities.schedule.models import Session, SessionStatus
from activities.signups.models import SignUp, SignUpStatus


def _sessions_of(signup: SignUp):
    """The planned sessions ahead that the sign-up is for."""
    sessions = Session.objects.filter(status=SessionStatus.PLANNED, starts_at__gte=timezone.now())
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
