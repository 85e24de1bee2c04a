"""Helpers for the evaluation tests: sessions in the past, participants with a place."""

import datetime

import pytest
from django.utils import timezone

from activities.models import Ride, RideStatus
from tests.activities.factories import SessionFactory, SignUpFactory, at


def days_ago(days: int, hour: int = 11):
    return at(timezone.localdate() - datetime.timedelta(days=days), hour)


def participant(session, name: str, *, area: str = "", ride: bool = False, **fields):
    """A confirmed sign-up for ``session``; ``ride`` gives it a covered ride."""
    signup = SignUpFactory(
        session=session,
        participant_name=name,
        pickup_area=area,
        needs_transport=ride,
        pickup_address="Vegen 1" if ride else "",
        **fields,
    )
    if ride:
        Ride.objects.create(
            municipality_id=session.municipality_id,
            session=session,
            signup=signup,
            pickup_address=signup.pickup_address,
            pickup_area=area,
            status=RideStatus.COVERED,
        )
    return signup


@pytest.fixture
def past_session(db):
    """A session of Lom that started three days ago (still planned)."""
    return SessionFactory(starts_at=days_ago(3))
