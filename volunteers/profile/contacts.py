"""Who do I call: the phone numbers a volunteer needs — their coordinator, the volunteer
contacts of the units where they help, the home care service, and the emergency numbers."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from coordination.kernel.contact import public_contact
from coordination.kernel.models import Membership, Role
from coordination.units.models import Unit, UnitContact, UnitKind
from volunteers.profile.models import Volunteer


@dataclass(frozen=True)
class Callee:
    """One person or service to call: who, what for, and how."""

    name: str
    about: str | Promise
    phone: str = ""
    email: str = ""


# Emergencies first on every list: they do not depend on what a municipality filled in.
EMERGENCY = (
    Callee(name="113", about=_("Medical emergency (ambulance)"), phone="113"),
    Callee(name="116 117", about=_("Out-of-hours medical service (legevakt)"), phone="116117"),
)


def coordinator_of(volunteer: Volunteer) -> Callee | None:
    """The coordinator chosen as the municipality's contact (else its first coordinator), with
    the number and address the contact gives, else the coordinator's own."""
    contact = public_contact(volunteer.municipality_id)
    coordinators = Membership.objects.in_municipality(volunteer.municipality_id).filter(
        role=Role.COORDINATOR, user__is_active=True
    )
    person = None
    if contact is not None and contact.coordinator_id:
        person = coordinators.filter(user_id=contact.coordinator_id).select_related("user").first()
    if person is None:
        person = coordinators.select_related("user").order_by("created_at", "pk").first()
    if person is None:
        return None
    user = person.user
    return Callee(
        name=user.full_name or user.email,
        about=_("Your volunteer coordinator"),
        phone=(contact.phone if contact and contact.phone else user.phone),
        email=(contact.email if contact and contact.email else user.email),
    )


def unit_contacts_of(volunteer: Volunteer) -> list[Callee]:
    """The volunteer contacts of the units where the volunteer helps."""
    links = (
        UnitContact.objects.filter(unit__volunteer_links__volunteer=volunteer)
        .select_related("unit", "membership__user")
        .order_by("unit__name", "membership__user__full_name")
    )
    return [
        Callee(
            name=link.membership.user.full_name or link.membership.user.email,
            about=_("Volunteer contact at %(unit)s") % {"unit": link.unit.name},
            phone=link.membership.user.phone,
            email=link.membership.user.email,
        )
        for link in links
        if link.membership.user.is_active
    ]


def home_care_of(municipality_id: str) -> list[Callee]:
    """The municipality's home care services that have a phone number."""
    units = Unit.objects.in_municipality(municipality_id).filter(kind=UnitKind.HOME_CARE)
    return [
        Callee(name=unit.name, about=_("Home care service"), phone=unit.phone)
        for unit in units.exclude(phone="")
    ]


def who_to_call(volunteer: Volunteer) -> dict[str, object]:
    """The template context of the "Who do I call" list."""
    return {
        "call_coordinator": coordinator_of(volunteer),
        "call_unit_contacts": unit_contacts_of(volunteer),
        "call_home_care": home_care_of(volunteer.municipality_id),
        "call_emergency": EMERGENCY,
    }
