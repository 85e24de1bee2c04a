"""The activities objects of the Lom the URL sweep looks at (see PK_OBJECT in
tests/trust/access/activities.py): an activity the ``applicant`` persona's organisation runs,
with a place, a schedule and a session next week; a participant who asked for a ride; a host
shift the ``volunteer`` persona holds; a proposal waiting for the coordinator."""

import datetime

from django.utils import timezone

from activities.models import (
    ActivityStatus,
    ActivityType,
    Attendance,
    Category,
    Feedback,
    Frequency,
    Ride,
    Schedule,
    SchedulePlace,
    SessionStatus,
    ShiftStatus,
    Task,
)
from tests.activities.factories import (
    ActivityFactory,
    PlaceFactory,
    SessionFactory,
    ShiftFactory,
    ShiftSlotFactory,
    SignUpFactory,
    at,
)


def lom_activities(*, partner, own_volunteer) -> dict:
    place = PlaceFactory(name="Bøverdalen grendehus", area="Bøverdalen", step_free=True)
    activity = ActivityFactory(
        title="Fredagstreff", organiser=partner, place=place, transport_offered=True, capacity=20
    )
    next_week = timezone.localdate() + datetime.timedelta(days=7)
    schedule = Schedule.objects.create(
        activity=activity,
        frequency=Frequency.WEEKLY,
        starts_on=next_week,
        start_time=datetime.time(11),
        end_time=datetime.time(13),
    )
    SchedulePlace.objects.create(schedule=schedule, place=place)
    session = SessionFactory(activity=activity, schedule=schedule, occurrence=next_week)
    signup = SignUpFactory(
        session=session,
        participant_name="Ingrid Bakken",
        needs_transport=True,
        pickup_address="Bøverdalsvegen 12",
        pickup_area="Bøverdalen",
    )
    slot = ShiftSlotFactory(session=session, task=Task.HOST)
    held = SessionFactory(
        activity=activity,
        starts_at=at(timezone.localdate() - datetime.timedelta(days=7), 11),
        status=SessionStatus.HELD,
    )
    came = SignUpFactory(session=held, participant_name="Per Sletten")
    return {
        "place": place,
        "activity": activity,
        "activity_type": ActivityType.objects.create(
            municipality_id="3434", category=Category.SOCIAL, name="Slåttedans"
        ),
        "proposed_activity": ActivityFactory(
            title="Sjakk på biblioteket",
            status=ActivityStatus.PROPOSED,
            published_at=None,
            proposed_by_name="Olav Haugen",
            proposed_by_phone="41234567",
        ),
        "schedule": schedule,
        "session": session,
        "held_session": held,
        "signup": signup,
        "ride": Ride.objects.create(
            municipality_id="3434",
            session=session,
            signup=signup,
            pickup_address=signup.pickup_address,
            pickup_area=signup.pickup_area,
        ),
        "shift_slot": slot,
        "shift": ShiftFactory(slot=slot, volunteer=own_volunteer, status=ShiftStatus.SIGNED_UP),
        "attendance": Attendance.objects.create(
            municipality_id="3434", session=held, signup=came, present=True
        ),
        "feedback": Feedback.objects.create(municipality_id="3434", session=held, rating=5),
    }
