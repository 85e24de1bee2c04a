"""Rides follow sign-ups: asking for transport makes a ride; cancelling cancels it."""

import pytest

from activities.models import Enrolment, RideStatus, SignUpStatus
from activities.rides.services import sync_rides_for_session, sync_rides_for_signup
from tests.activities.factories import ActivityFactory, SessionFactory, SignUpFactory

pytestmark = pytest.mark.django_db


def _with_transport(**kwargs):
    return SignUpFactory(
        needs_transport=True, pickup_address="Bøverdalsvegen 12", pickup_area="Bøverdalen", **kwargs
    )


def test_a_transport_request_becomes_a_ride_with_the_address():
    signup = _with_transport()
    [ride] = sync_rides_for_signup(signup=signup)
    assert (ride.session, ride.pickup_address, ride.status) == (
        signup.session,
        "Bøverdalsvegen 12",
        RideStatus.NEEDED,
    )
    assert sync_rides_for_signup(signup=signup) == [ride]  # again: the same ride


def test_cancelling_the_sign_up_cancels_the_ride():
    signup = _with_transport()
    [ride] = sync_rides_for_signup(signup=signup)
    signup.status = SignUpStatus.CANCELLED
    signup.save()
    assert sync_rides_for_signup(signup=signup) == []
    ride.refresh_from_db()
    assert ride.status == RideStatus.CANCELLED


def test_a_period_enrolment_rides_to_every_session_and_to_new_ones():
    activity = ActivityFactory(enrolment=Enrolment.FOR_PERIOD)
    first = SessionFactory(activity=activity)
    signup = _with_transport(session=None, activity=activity, municipality=activity.municipality)
    assert [r.session for r in sync_rides_for_signup(signup=signup)] == [first]
    later = SessionFactory(activity=activity, starts_at=first.starts_at.replace(year=2099))
    assert [r.session for r in sync_rides_for_session(session=later)] == [later]
