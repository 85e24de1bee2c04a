from decimal import Decimal

import factory
from allauth.account.models import EmailAddress

from coordination.models import (
    GrantMaker,
    GrantMakerRole,
    GrantRole,
    Membership,
    Municipality,
    PartnerOrganisation,
    Role,
    Routine,
    RoutineVersion,
    User,
    WheelEvent,
)
from volunteers.models import (
    Assignment,
    Consent,
    Course,
    HoursEntry,
    Interest,
    Invitation,
    Need,
    NeedSource,
    Volunteer,
    VolunteerInterest,
    VolunteerRole,
)

PASSWORD = "a-Long-test-passw0rd"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"person{n}@samspill.example")
    full_name = factory.Faker("name", locale="no_NO")
    # The suite's people chose bokmål, so a page reads the same in Lom (nynorsk) as in Drammen;
    # tests/test_translations.py covers those who have not chosen (their municipality's language).
    preferred_language = "nb"
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @factory.post_generation
    def verified(self, create, extracted, **kwargs):
        """A verified primary email, as allauth requires for login (verified=False: none)."""
        if create and extracted is not False:
            EmailAddress.objects.create(user=self, email=self.email, verified=True, primary=True)
        if create:
            self.save()


def municipality(number: str) -> Municipality:
    """Municipalities are reference data, loaded by migration: fetch, never create."""
    return Municipality.objects.get(pk=number)


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    user = factory.SubFactory(UserFactory)
    municipality = factory.LazyFunction(lambda: municipality("3434"))
    role = Role.COORDINATOR


def national_grant_maker() -> GrantMaker:
    """The national grant-maker the test personas ``officer`` and ``reviewer`` work for."""
    found, _ = GrantMaker.objects.get_or_create(
        name="Helsedirektoratet", kind=GrantMaker.Kind.NATIONAL
    )
    return found


class GrantMakerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = GrantMaker

    name = factory.Sequence(lambda n: f"Tilskuddsforvalter {n}")
    kind = GrantMaker.Kind.NATIONAL


class GrantMakerRoleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = GrantMakerRole

    user = factory.SubFactory(UserFactory)
    grant_maker = factory.LazyFunction(national_grant_maker)
    role = GrantRole.OFFICER


class PartnerOrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PartnerOrganisation
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Pensjonistlag {n}")
    kind = PartnerOrganisation.Kind.ASSOCIATION

    @factory.post_generation
    def municipalities(self, create, extracted, **kwargs):
        if create:
            self.municipalities.add(*(extracted or ["3434"]))


# --- volunteers -------------------------------------------------------------------------


class VolunteerFactory(factory.django.DjangoModelFactory):
    """An active volunteer in Lom; pass ``interests=[...]`` to give them interests."""

    class Meta:
        model = Volunteer
        skip_postgeneration_save = True

    user = factory.SubFactory(UserFactory)
    municipality = factory.LazyFunction(lambda: municipality("3434"))
    area = "Lom sentrum"
    weekday_daytime = True

    @factory.post_generation
    def interests(self, create, extracted, **kwargs):
        if create and extracted:
            VolunteerInterest.objects.bulk_create(
                VolunteerInterest(volunteer=self, interest=i) for i in extracted
            )

    @factory.post_generation
    def consented(self, create, extracted, **kwargs):
        """Registered volunteers have consented; ``consented=False`` is one imported by a
        coordinator who has not logged in yet."""
        if create and extracted is not False:
            Consent.objects.create(volunteer=self, purpose_version="2026-11", purpose_text="…")


class VolunteerRoleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = VolunteerRole

    municipality = factory.LazyFunction(lambda: municipality("3434"))
    name = factory.Sequence(lambda n: f"Besøksvenn {n}")
    interest = Interest.VISITING_FRIEND
    certificate_kinds = factory.LazyFunction(list)  # e.g. ["limited", "ordinary"]
    requires_certificate = factory.LazyAttribute(lambda role: bool(role.certificate_kinds))


class CourseFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Course

    municipality = factory.LazyFunction(lambda: municipality("3434"))
    name = factory.Sequence(lambda n: f"Introduksjonskurs {n}")
    is_introductory = True


class NeedFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Need

    municipality = factory.LazyFunction(lambda: municipality("3434"))
    kind = Interest.VISITING_FRIEND
    description = "Noen å gå tur med på tirsdager"
    area = "Lom sentrum"
    weekday_daytime = True
    person_name = "Signe Haugen"  # not a persona: an email signed by one must not match
    person_phone = "61211234"
    address = "Bakkevegen 3"
    consent_text_version = "2026-11"
    source = NeedSource.COORDINATOR


class InvitationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Invitation

    need = factory.SubFactory(NeedFactory)
    volunteer = factory.SubFactory(VolunteerFactory)


class AssignmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Assignment

    need = factory.SubFactory(NeedFactory)
    volunteer = factory.SubFactory(VolunteerFactory)


class HoursEntryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = HoursEntry

    volunteer = factory.SubFactory(VolunteerFactory)
    municipality = factory.LazyAttribute(lambda entry: entry.volunteer.municipality)
    hours = Decimal("2")


# --- coordination: routines and the annual wheel -------------------------------------------


class RoutineFactory(factory.django.DjangoModelFactory):
    """A routine in Lom with version 1; ``approved=True`` approves it (review in a year)."""

    class Meta:
        model = Routine
        skip_postgeneration_save = True

    municipality = factory.LazyFunction(lambda: municipality("3434"))
    title = factory.Sequence(lambda n: f"Rutine {n}")
    step = 6
    topic = "welcoming"
    owner = factory.SubFactory(UserFactory)
    version_number = 1

    @factory.post_generation
    def approved(self, create, extracted, **kwargs):
        if not create:
            return
        import datetime

        from django.utils import timezone

        version = RoutineVersion.objects.create(
            routine=self, number=1, title=self.title, body="1. Slik gjør vi det.",
            changed_by=self.owner,
        )  # fmt: skip
        if extracted:
            self.status = Routine.Status.APPROVED
            self.approved_version = version
            self.approved_by = self.owner
            self.approved_at = timezone.now()
            self.next_review = timezone.localdate() + datetime.timedelta(days=365)
            self.save()


class WheelEventFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = WheelEvent

    municipality = factory.LazyFunction(lambda: municipality("3434"))
    title = factory.Sequence(lambda n: f"Hendelse {n}")
    category = "activity"
    month = 3


# --- visibility: the units where a volunteer helps -----------------------------------------


def link_to_contacts_unit(volunteer: Volunteer, contact: User, name: str = "Lom sjukeheim"):
    """Link ``volunteer`` to a unit (made if missing) whose volunteer contact is ``contact``,
    so that the contact sees the volunteer. Returns the unit."""
    from coordination.models import Unit, UnitContact
    from volunteers.models import VolunteerUnit

    unit, _ = Unit.objects.get_or_create(
        municipality_id=volunteer.municipality_id, name=name, defaults={"kind": "nursing_home"}
    )
    membership = Membership.objects.get(
        user=contact, municipality_id=volunteer.municipality_id, role=Role.VOLUNTEER_CONTACT
    )
    UnitContact.objects.get_or_create(unit=unit, membership=membership)
    VolunteerUnit.objects.get_or_create(volunteer=volunteer, unit=unit)
    return unit
