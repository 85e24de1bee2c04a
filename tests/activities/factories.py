"""Factories for the activities app: each sets only what is required (an activity in Lom,
published, of the shipped type «Fredagstreff»; a session next week at the activity's place)."""

import datetime
from zoneinfo import ZoneInfo

import factory
from django.utils import timezone

from activities.models import (
    Activity,
    ActivityStatus,
    ActivityType,
    Place,
    PlaceKind,
    Session,
    Shift,
    ShiftSlot,
    SignUp,
    Task,
)
from tests.factories import VolunteerFactory, municipality

OSLO = ZoneInfo("Europe/Oslo")


def shipped_type(key: str = "friday_gathering") -> ActivityType:
    """The shipped activity types are loaded by migration: fetch, never create."""
    return ActivityType.objects.get(municipality=None, key=key)


def at(day: datetime.date, hour: int, minute: int = 0) -> datetime.datetime:
    """An aware datetime in Europe/Oslo."""
    return datetime.datetime.combine(day, datetime.time(hour, minute), tzinfo=OSLO)


class PlaceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Place

    municipality = factory.LazyFunction(lambda: municipality("3434"))
    name = factory.Sequence(lambda n: f"Grendehus {n}")
    kind = PlaceKind.VILLAGE_HALL
    area = "Lom sentrum"


class ActivityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Activity

    municipality = factory.LazyFunction(lambda: municipality("3434"))
    title = factory.Sequence(lambda n: f"Fredagstreff {n}")
    description = "Kaffi, vafler og prat."
    activity_type = factory.LazyFunction(shipped_type)
    place = factory.SubFactory(PlaceFactory, municipality=factory.SelfAttribute("..municipality"))
    status = ActivityStatus.PUBLISHED
    published_at = factory.LazyFunction(timezone.now)


class SessionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Session

    activity = factory.SubFactory(ActivityFactory)
    municipality = factory.SelfAttribute("activity.municipality")
    place = factory.SelfAttribute("activity.place")
    starts_at = factory.LazyFunction(lambda: at(timezone.localdate() + datetime.timedelta(7), 11))
    ends_at = factory.LazyAttribute(lambda s: s.starts_at + datetime.timedelta(hours=2))


class SignUpFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SignUp

    session = factory.SubFactory(SessionFactory)
    activity = factory.SelfAttribute("session.activity")
    municipality = factory.SelfAttribute("session.municipality")
    participant_name = factory.Faker("name", locale="no_NO")
    participant_phone = "41234567"


class ShiftSlotFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ShiftSlot

    session = factory.SubFactory(SessionFactory)
    municipality = factory.SelfAttribute("session.municipality")
    task = Task.HOST


class ShiftFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Shift

    slot = factory.SubFactory(ShiftSlotFactory)
    municipality = factory.SelfAttribute("slot.municipality")
    volunteer = factory.SubFactory(
        VolunteerFactory, municipality=factory.SelfAttribute("..municipality")
    )
