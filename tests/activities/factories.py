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


# --- rides and shifts -----------------------------------------------------------------------


def declaration(number: str = "3434"):
    """The municipality's current confidentiality declaration (made once)."""
    from volunteers.models import DeclarationText

    return DeclarationText.objects.get_or_create(
        municipality_id=number, version=1, defaults={"body": "Eg teier om det eg får vite. " * 3}
    )[0]


def ready_volunteer(*, role=None, certificate: bool = True, sign: bool = True, **fields):
    """A volunteer in Lom free at any time of day, who has signed the declaration (``sign``)
    and holds ``role`` with an approved police certificate of its kind (``certificate``)."""
    from django.utils import timezone as tz

    from volunteers.models import CertificateCheck, RoleHolder, Signature

    for time in ("weekday_daytime", "evenings", "weekends"):
        fields.setdefault(time, True)
    volunteer = VolunteerFactory(**fields)
    if sign:
        Signature.objects.create(volunteer=volunteer, text=declaration(volunteer.municipality_id))
    if role is not None:
        holder = RoleHolder.objects.create(volunteer=volunteer, role=role)
        if certificate and role.requires_certificate:
            CertificateCheck.objects.create(
                holder=holder,
                kind=role.certificate_kinds[0],
                presented_on=tz.localdate() - datetime.timedelta(days=10),
                approved=True,
            )
    return volunteer


def ride_for(session, *, area: str, address: str, aids=(), **fields):
    """A participant of ``session`` who asked for a ride, and the ride."""
    from activities.models import Ride

    signup = SignUpFactory(
        session=session,
        needs_transport=True,
        pickup_address=address,
        pickup_area=area,
        mobility_aids=list(aids),
        **fields,
    )
    return Ride.objects.create(
        municipality_id=session.municipality_id,
        session=session,
        signup=signup,
        pickup_address=address,
        pickup_area=area,
        mobility_aids=list(aids),
    )
