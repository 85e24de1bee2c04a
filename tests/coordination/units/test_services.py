"""Units and their volunteer contacts, and forum meetings: the rules the services keep."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from coordination.kernel import services as core_services
from coordination.models import ForumMeeting, Membership, Role, Unit, UnitContact
from coordination.units import services
from tests.factories import MembershipFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def contact(volunteer_contact_lom):
    return Membership.objects.get(user=volunteer_contact_lom, role=Role.VOLUNTEER_CONTACT)


@pytest.fixture
def unit(lom, coordinator_lom):
    return services.create_unit(
        municipality=lom, by=coordinator_lom, name="Lom sjukeheim", kind="nursing_home"
    )


def test_coordinator_creates_and_changes_a_unit(lom, coordinator_lom):
    unit = services.create_unit(
        municipality=lom, by=coordinator_lom, name=" Lom sjukeheim ", kind="nursing_home",
        address="Lomsvegen 12", leader_name="Eli Vole",
    )  # fmt: skip
    assert (unit.name, unit.kind, unit.address, unit.leader_name) == (
        "Lom sjukeheim", "nursing_home", "Lomsvegen 12", "Eli Vole"
    )  # fmt: skip
    services.update_unit(
        municipality=lom, by=coordinator_lom, unit=unit, name="Lom helsetun", kind="other"
    )
    unit.refresh_from_db()
    assert (unit.name, unit.kind) == ("Lom helsetun", "other")


def test_unit_names_are_unique_in_a_municipality_only(lom, drammen, coordinator_lom, unit):
    with pytest.raises(ValidationError):
        services.create_unit(
            municipality=lom, by=coordinator_lom, name="LOM SJUKEHEIM", kind="home_care"
        )
    drammen_coordinator = MembershipFactory(municipality=drammen).user
    services.create_unit(
        municipality=drammen, by=drammen_coordinator, name="Lom sjukeheim", kind="nursing_home"
    )


def test_unit_needs_a_name_and_a_known_kind(lom, coordinator_lom):
    for name, kind in (("", "nursing_home"), ("Biblioteket", "castle")):
        with pytest.raises(ValidationError):
            services.create_unit(municipality=lom, by=coordinator_lom, name=name, kind=kind)
    assert not Unit.objects.exists()


def test_only_a_coordinator_of_the_municipality_manages_units(
    lom, volunteer_contact_lom, coordinator_drammen, unit
):
    for person in (volunteer_contact_lom, coordinator_drammen):
        with pytest.raises(PermissionDenied):
            services.create_unit(municipality=lom, by=person, name="Ny", kind="other")
        with pytest.raises(PermissionDenied):
            services.delete_unit(unit=unit, by=person)


def test_a_volunteer_contact_can_serve_several_units(lom, coordinator_lom, unit, contact):
    other = services.create_unit(
        municipality=lom, by=coordinator_lom, name="Heimetenesta", kind="home_care"
    )
    services.add_unit_contact(unit=unit, membership=contact, by=coordinator_lom)
    services.add_unit_contact(unit=other, membership=contact, by=coordinator_lom)
    assert set(contact.units.all()) == {unit, other}
    with pytest.raises(ValidationError, match="allerede"):
        services.add_unit_contact(unit=unit, membership=contact, by=coordinator_lom)


def test_a_membership_of_another_role_is_refused_with_a_clear_message(
    coordinator_lom, unit, applicant
):
    partner_role = Membership.objects.get(user=applicant)
    with pytest.raises(ValidationError) as refused:
        services.add_unit_contact(unit=unit, membership=partner_role, by=coordinator_lom)
    assert "rollen frivillighetskontakt" in str(refused.value)
    assert not UnitContact.objects.exists()


def test_a_volunteer_contact_of_another_municipality_is_refused(coordinator_lom, unit, drammen):
    drammen_contact = MembershipFactory(municipality=drammen, role=Role.VOLUNTEER_CONTACT)
    with pytest.raises(ValidationError) as refused:
        services.add_unit_contact(unit=unit, membership=drammen_contact, by=coordinator_lom)
    assert "samme kommune" in str(refused.value)
    assert not UnitContact.objects.exists()


def test_taking_the_role_away_removes_the_link(coordinator_lom, unit, contact):
    services.add_unit_contact(unit=unit, membership=contact, by=coordinator_lom)
    core_services.remove_membership(membership=contact, by=coordinator_lom)
    assert not UnitContact.objects.exists()
    assert Unit.objects.filter(pk=unit.pk).exists()


def test_removing_a_unit_keeps_the_contacts_role(coordinator_lom, unit, contact):
    services.add_unit_contact(unit=unit, membership=contact, by=coordinator_lom)
    services.delete_unit(unit=unit, by=coordinator_lom)
    assert Membership.objects.filter(pk=contact.pk).exists()
    assert not UnitContact.objects.exists()


def test_units_without_contact(coordinator_lom, lom, unit, contact):
    other = services.create_unit(
        municipality=lom, by=coordinator_lom, name="Dagsenter", kind="day_centre"
    )
    services.add_unit_contact(unit=unit, membership=contact, by=coordinator_lom)
    assert list(Unit.objects.without_contact()) == [other]


# --- Forum -----------------------------------------------------------------------------------


def _at(days: int) -> datetime.datetime:
    return timezone.now() + datetime.timedelta(days=days)


def test_coordinator_plans_a_meeting_and_writes_minutes(lom, coordinator_lom, contact):
    meeting = services.create_forum_meeting(
        municipality=lom, by=coordinator_lom, starts_at=_at(7), place="Lom rådhus",
        agenda="1. Velkommen\n2. Sommeren",
    )  # fmt: skip
    assert meeting.created_by == coordinator_lom and meeting.minutes == ""
    coordinator_role = Membership.objects.get(user=coordinator_lom)
    services.save_minutes(
        meeting=meeting, by=coordinator_lom, minutes="Alle var til stede.",
        attendees=[contact, coordinator_role],
    )  # fmt: skip
    meeting.refresh_from_db()
    assert meeting.minutes == "Alle var til stede."
    assert meeting.minutes_by == coordinator_lom and meeting.minutes_by_name == "Ingrid Bakken"
    assert meeting.minutes_at is not None
    assert set(meeting.attendees.all()) == {contact, coordinator_role}


def test_attendees_are_only_the_municipalitys_contacts_and_coordinators(
    lom, drammen, coordinator_lom, applicant
):
    partner_role = Membership.objects.get(user=applicant)
    drammen_contact = MembershipFactory(municipality=drammen, role=Role.VOLUNTEER_CONTACT)
    for wrong in (partner_role, drammen_contact):
        with pytest.raises(ValidationError):
            services.create_forum_meeting(
                municipality=lom, by=coordinator_lom, starts_at=_at(1), attendees=[wrong]
            )
    assert not ForumMeeting.objects.exists()


def test_volunteer_contacts_read_but_do_not_write_the_forum(lom, volunteer_contact_lom):
    with pytest.raises(PermissionDenied):
        services.create_forum_meeting(municipality=lom, by=volunteer_contact_lom, starts_at=_at(1))


def test_meeting_querysets_split_upcoming_and_past(lom, coordinator_lom):
    past = services.create_forum_meeting(municipality=lom, by=coordinator_lom, starts_at=_at(-3))
    coming = services.create_forum_meeting(municipality=lom, by=coordinator_lom, starts_at=_at(3))
    assert list(ForumMeeting.objects.upcoming()) == [coming]
    assert list(ForumMeeting.objects.past()) == [past]
    assert past.is_past and not coming.is_past
