"""``seed_scale``'s activities: ``scale.activities`` activities over the country by population,
each meeting every other week from six months ago by its schedule (20 sessions),
``scale.signups`` sign-ups spread evenly over the sessions (one in ten with a ride), and a
driver's shift on the sessions of the activities that offer transport. See
``coordination.kernel.scale``."""

from __future__ import annotations

import datetime
from collections import defaultdict

from django.utils import timezone

from activities.models import (
    Activity,
    ActivityStatus,
    ActivityType,
    Frequency,
    Place,
    PlaceKind,
    Ride,
    RideStatus,
    Schedule,
    SchedulePlace,
    Session,
    SessionStatus,
    Shift,
    ShiftSlot,
    ShiftStatus,
    SignUp,
    Task,
)
from coordination.kernel.contributions import contribute
from coordination.kernel.scale import BATCH, Scale

SESSIONS_PER_ACTIVITY = 20
PLACES_PER_MUNICIPALITY = 12
TITLES = ["Fredagstreff", "Strikkekafé", "Trim for eldre", "Seniordans", "Turgruppe", "Allsong"]


@contribute.scale_step(order=40)
def activities(scale: Scale) -> None:
    rng = scale.rng
    now = timezone.now()
    homes = scale.spread(scale.activities)
    types = list(ActivityType.objects.filter(municipality=None))
    places: dict[str, list[Place]] = {}
    for number in sorted(set(homes)):
        places[number] = [
            Place(
                municipality_id=number,
                name=f"Grendehus {i}",
                kind=PlaceKind.VILLAGE_HALL,
                area=f"Grend {i}",
            )  # fmt: skip
            for i in range(PLACES_PER_MUNICIPALITY)
        ]
    made_places = scale.bulk(Place, (p for group in places.values() for p in group))
    assert len(made_places) == sum(len(group) for group in places.values())
    activities = scale.bulk(
        Activity,
        (
            Activity(
                municipality_id=number,
                title=f"{TITLES[i % len(TITLES)]} {i}",
                description="Kaffi og prat.",
                activity_type=rng.choice(types),
                place=rng.choice(places[number]),
                status=ActivityStatus.PUBLISHED if i % 20 else ActivityStatus.ARCHIVED,
                published_at=now,
                transport_offered=i % 3 == 0,
                fee=0 if i % 2 else 50,
                capacity=30,
            )  # fmt: skip
            for i, number in enumerate(homes)
        ),
    )
    # Each activity meets every other week from six months ago, by its schedule (as the
    # organiser's schedule form makes them): the wheel shows a season, not every meeting.
    start = timezone.localdate() - datetime.timedelta(days=180)
    firsts = [
        datetime.datetime.combine(
            start + datetime.timedelta(days=rng.randrange(7)),
            datetime.time(rng.randrange(9, 20)),
            tzinfo=timezone.get_current_timezone(),
        )
        for _activity in activities
    ]
    schedules = scale.bulk(
        Schedule,
        (
            Schedule(
                activity=activity,
                frequency=Frequency.EVERY_OTHER_WEEK,
                starts_on=timezone.localdate(first),
                ends_on=timezone.localdate(first + datetime.timedelta(weeks=2 * 19)),
                start_time=timezone.localtime(first).time(),
                end_time=timezone.localtime(first + datetime.timedelta(hours=2)).time(),
            )
            for activity, first in zip(activities, firsts, strict=True)
        ),
    )
    scale.bulk(
        SchedulePlace,
        (
            SchedulePlace(schedule=schedule, place=activity.place, position=0)
            for schedule, activity in zip(schedules, activities, strict=True)
        ),
    )
    sessions: list[Session] = []
    for activity, schedule, first in zip(activities, schedules, firsts, strict=True):
        for week in range(SESSIONS_PER_ACTIVITY):
            begins = first + datetime.timedelta(weeks=week * 2)
            sessions.append(
                Session(
                    municipality_id=activity.municipality_id, activity=activity,
                    schedule=schedule, occurrence=timezone.localdate(begins),
                    place=activity.place, starts_at=begins,
                    ends_at=begins + datetime.timedelta(hours=2),
                    status=SessionStatus.HELD if begins < now else SessionStatus.PLANNED,
                )
            )  # fmt: skip
    sessions = scale.bulk(Session, sessions, batch=BATCH * 4)
    _signups(scale, sessions)
    _shifts(scale, sessions, {a.pk: a for a in activities})


def _signups(scale: Scale, sessions: list[Session]) -> None:
    """``scale.signups`` sign-ups spread evenly over the sessions, a ride for one in ten."""
    rng = scale.rng
    per_session, extra = divmod(scale.signups, max(len(sessions), 1))
    signups: list[SignUp] = []
    of_session: list[Session] = []

    def flush() -> None:
        made = SignUp.objects.bulk_create(signups, batch_size=BATCH * 4)
        Ride.objects.bulk_create(
            (
                Ride(
                    municipality_id=s.municipality_id,
                    session=session,
                    signup=s,
                    pickup_address=s.pickup_address,
                    pickup_area="Sentrum",
                    status=RideStatus.COVERED if rng.random() < 0.7 else RideStatus.NEEDED,
                )  # fmt: skip
                for s, session in zip(made, of_session, strict=True)
                if s.needs_transport
            ),
            batch_size=BATCH * 4,
        )
        signups.clear()
        of_session.clear()

    for i, session in enumerate(sessions):
        for n in range(per_session + (1 if i < extra else 0)):
            ride = n % 10 == 0
            signups.append(
                SignUp(
                    municipality_id=session.municipality_id, activity_id=session.activity_id,
                    session=session, participant_name=f"Deltakar {n}",
                    participant_phone="41234567", needs_transport=ride,
                    pickup_address="Vegen 1" if ride else "", token=f"s{session.pk}-{n}",
                )
            )  # fmt: skip
            of_session.append(session)
        if len(signups) >= BATCH * 4:
            flush()
    flush()


def _shifts(scale: Scale, sessions: list[Session], activities: dict[int, Activity]) -> None:
    """A driver's slot on every session of an activity that offers transport, filled by a
    volunteer of the municipality (attended if the session was held)."""
    rng = scale.rng
    volunteers: dict[str, list[int]] = scale.made.get("volunteers", defaultdict(list))
    with_transport = [
        s
        for s in sessions
        if activities[s.activity_id].transport_offered and volunteers.get(s.municipality_id)
    ]
    slots = scale.bulk(
        ShiftSlot,
        (
            ShiftSlot(municipality_id=s.municipality_id, session=s, task=Task.DRIVER, count=1)
            for s in with_transport
        ),
    )
    held = {s.pk for s in with_transport if s.status == SessionStatus.HELD}
    scale.bulk(
        Shift,
        (
            Shift(
                municipality_id=slot.municipality_id,
                slot=slot,
                volunteer_id=rng.choice(volunteers[slot.municipality_id]),
                status=ShiftStatus.ATTENDED if slot.session_id in held else ShiftStatus.CONFIRMED,
            )  # fmt: skip
            for slot in slots
        ),
    )
