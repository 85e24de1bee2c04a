"""The printed handbooks (issue 14): the volunteer handbook for the introductory course (also in
large print, same content) and the handbook for volunteer contacts (the Drammen model's
"digital handbook"). Each is composed from the portal's data in the document's language and
typeset by ``kernel.documents``; user text is escaped by the templates.

The volunteer handbook may be published at a public link, so it names only what the
coordinator chose to show the public (``kernel.contact.PublicContact``). The contact handbook
lists volunteers with their phone numbers: personal data, printed by coordinators only."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Q
from django.utils import translation
from django.utils.text import get_text_list
from django.utils.translation import gettext as _

from coordination.kernel.contact import public_contact
from coordination.kernel.documents import Composed, compose
from coordination.kernel.models import Membership, Municipality, Role
from coordination.routines.models import Routine, RoutineTopic
from coordination.units.models import ForumMeeting, Unit, UnitContact
from volunteers.models import InsuranceInfo, Signature, Volunteer, VolunteerRole, VolunteerUnit
from volunteers.profile.contacts import EMERGENCY, Callee
from volunteers.profile.services import current_declaration
from volunteers.screening.readiness import missing_for

VOLUNTEER_HANDBOOK = "volunteer-handbook"
LARGE_PRINT = "volunteer-handbook-large-print"
CONTACT_HANDBOOK = "contact-handbook"
VOLUNTEER_TEMPLATE = "volunteers/handbook/volunteer_handbook.html"
CONTACT_TEMPLATE = "volunteers/handbook/contact_handbook.html"

# The routines that concern volunteers: by topic, and two starters about volunteers themselves
# whose topic is "other" (illness and infection, an accident during an activity). A routine
# copied from a starter keeps its ``starter_key`` when the municipality edits it.
VOLUNTEER_TOPICS = (
    RoutineTopic.WELCOMING,
    RoutineTopic.CONFIDENTIALITY,
    RoutineTopic.POLICE_CERTIFICATE,
    RoutineTopic.WORRIED,
    RoutineTopic.ENDING,
    RoutineTopic.TRANSPORT,
    RoutineTopic.FOLLOW_UP,
)
VOLUNTEER_STARTERS = ("infection", "accident")
FORUM_MEETINGS_LISTED = 6


@dataclass(frozen=True)
class Section:
    """A chapter: its anchor and its title, in the table of contents with its page number."""

    key: str
    title: str


@dataclass(frozen=True)
class Contact:
    """Someone to call, as printed: who, what for, how."""

    name: str
    about: str = ""
    phone: str = ""
    email: str = ""
    when: str = ""


@dataclass
class UnitPage:
    """One unit in the contact handbook: its details, contacts and ready volunteers."""

    unit: Unit
    contacts: list[Contact] = field(default_factory=list)
    volunteers: list[dict[str, Any]] = field(default_factory=list)
    not_ready: int = 0


def municipality_label(municipality: Municipality) -> str:
    return _("%(name)s municipality") % {"name": municipality.name}


# --- What both handbooks print --------------------------------------------------------------


def _number(municipality: Municipality) -> str:
    return municipality.pk


def public_coordinator(municipality: Municipality) -> Contact | None:
    """The coordinator as the public page shows them: the name only if they chose to show it,
    the number and address the municipality gives the public. None when it gives nothing."""
    contact = public_contact(municipality)
    if contact is None or not contact.has_anything:
        return None
    return Contact(
        name=contact.shown_name,
        about=_("Your volunteer coordinator"),
        phone=contact.phone,
        email=contact.email,
        when=contact.when_to_call,
    )


def staff_coordinator(municipality: Municipality) -> Contact | None:
    """For staff (the contact handbook): the coordinator chosen as the municipality's contact,
    else its first coordinator, with the public number and address, else their own."""
    contact = public_contact(municipality)
    coordinators = (
        Membership.objects.in_municipality(municipality)
        .filter(role=Role.COORDINATOR, user__is_active=True)
        .select_related("user")
    )
    person = None
    if contact is not None and contact.coordinator_id:
        person = coordinators.filter(user_id=contact.coordinator_id).first()
    person = person or coordinators.order_by("created_at", "pk").first()
    if person is None:
        return None
    user = person.user
    return Contact(
        name=user.full_name or user.email,
        about=_("Coordinator"),
        phone=contact.phone if contact and contact.phone else user.phone,
        email=contact.email if contact and contact.email else user.email,
        when=contact.when_to_call if contact else "",
    )


def emergency_numbers() -> list[Callee]:
    """The national numbers, first on every list: they do not depend on the municipality."""
    return [
        EMERGENCY[0],
        Callee(name="112", about=_("Police"), phone="112"),
        Callee(name="110", about=_("Fire"), phone="110"),
        EMERGENCY[1],
    ]


def home_care(municipality: Municipality) -> list[Contact]:
    """The municipality's home-care services that have a phone number (its units' data)."""
    units = Unit.objects.in_municipality(municipality).filter(kind="home_care").exclude(phone="")
    return [
        Contact(name=unit.name, about=_("Home care service"), phone=unit.phone) for unit in units
    ]


def roles(municipality: Municipality) -> list[VolunteerRole]:
    return list(
        VolunteerRole.objects.in_municipality(municipality).prefetch_related("required_courses")
    )


def _routine_entry(routine: Routine) -> dict[str, Any]:
    version = routine.approved_version
    assert version is not None  # readable() routines have one
    return {
        "key": f"routine-{routine.pk}",
        "title": version.title,
        "body": version.body,
        "version": version.number,
        "approved": routine.approved_at,
        "topic": routine.topic,
    }


def volunteer_routines(municipality: Municipality) -> list[dict[str, Any]]:
    """The approved routines that concern volunteers, in the binder's order."""
    routines = (
        Routine.objects.readable()
        .in_municipality(municipality)
        .filter(Q(topic__in=VOLUNTEER_TOPICS) | Q(starter_key__in=VOLUNTEER_STARTERS))
        .select_related("approved_version")
    )
    return [_routine_entry(routine) for routine in routines]


def other_routine_titles(municipality: Municipality, shown: list[dict[str, Any]]) -> list[str]:
    """The titles of the binder's other approved routines (the contact handbook lists them)."""
    keys = {entry["key"] for entry in shown}
    routines = Routine.objects.readable().in_municipality(municipality)
    return [
        routine.approved_version.title
        for routine in routines.select_related("approved_version")
        if f"routine-{routine.pk}" not in keys and routine.approved_version is not None
    ]


def units_with_contacts(municipality: Municipality) -> list[UnitPage]:
    """Every unit with its volunteer contacts (staff, with their work details)."""
    units = list(Unit.objects.in_municipality(municipality))
    pages = {unit.pk: UnitPage(unit) for unit in units}
    links = (
        UnitContact.objects.filter(unit__in=units, membership__user__is_active=True)
        .select_related("membership__user")
        .order_by("membership__user__full_name", "pk")
    )
    for link in links:
        user = link.membership.user
        pages[link.unit_id].contacts.append(
            Contact(
                name=user.full_name or user.email,
                about=_("Volunteer contact"),
                phone=user.phone,
                email=user.email,
            )
        )
    return list(pages.values())


# --- The volunteer handbook -----------------------------------------------------------------


def volunteer_handbook_title(municipality: Municipality, *, large_print: bool = False) -> str:
    if large_print:
        return _("Handbook for volunteers, large print – %(name)s") % {"name": municipality.name}
    return _("Handbook for volunteers – %(name)s") % {"name": municipality.name}


def _volunteer_sections() -> list[Section]:
    return [
        Section("welcome", _("Welcome")),
        Section("ground_rules", _("The ground rules")),
        Section("confidentiality", _("Confidentiality: the staff's duty and your declaration")),
        Section("roles", _("The roles: what you do and what you do not do")),
        Section("worried", _("When you are worried about someone")),
        Section("insurance", _("Insurance")),
        Section("police_certificate", _("Police certificates")),
        Section("contacts", _("Contacts")),
        Section("routines", _("Routines that concern you")),
    ]


def _contents(municipality: Municipality, sections: list[Section]) -> dict[str, Any]:
    """What every handbook's cover and table of contents need."""
    return {
        "municipality": municipality,
        "municipality_label": municipality_label(municipality),
        "sections": sections,
        "titles": {section.key: section.title for section in sections},
    }


def compose_volunteer_handbook(
    municipality: Municipality, language: str, *, large_print: bool = False
) -> Composed:
    """The handbook for the introductory course in ``language``, ready to typeset. The large
    print variant is the same content with a stylesheet of bigger type."""
    with translation.override(language):
        title = volunteer_handbook_title(municipality, large_print=large_print)
        role_list = roles(municipality)
        insurance = (
            InsuranceInfo.objects.filter(municipality=municipality)
            .prefetch_related("roles")
            .first()
        )
        insured_roles = [role.name for role in insurance.roles.all()] if insurance else []
        routines = volunteer_routines(municipality)
        context = {
            **_contents(municipality, _volunteer_sections()),
            "large_print": large_print,
            "edition": _("Large print") if large_print else "",
            "coordinator": public_coordinator(municipality),
            "declaration": current_declaration(municipality),
            "roles": role_list,
            "certificate_roles": [role for role in role_list if role.requires_certificate],
            "insurance": insurance,
            "insurance_roles": get_text_list(insured_roles, _("and")),
            "emergency": emergency_numbers(),
            "home_care": home_care(municipality),
            "units": units_with_contacts(municipality),
            "routines": routines,
            "worried_routine": next(
                (entry for entry in routines if entry["topic"] == RoutineTopic.WORRIED), None
            ),
        }
    return compose(
        template=VOLUNTEER_TEMPLATE,
        context=context,
        title=title,
        language=language,
        header=municipality.name,
    )


# --- The contact handbook -------------------------------------------------------------------


def _signed(municipality: Municipality, volunteer_ids: Iterable[int]) -> set[int]:
    """Those of the volunteers who signed the current declaration (all, when there is none)."""
    declaration = current_declaration(municipality)
    if declaration is None:
        return set(volunteer_ids)
    return set(
        Signature.objects.filter(
            text=declaration, volunteer_id__in=list(volunteer_ids)
        ).values_list("volunteer_id", flat=True)
    )


def ready_volunteers_by_unit(municipality: Municipality) -> dict[int, tuple[list[dict], int]]:
    """unit id -> (the active volunteers of the municipality linked to it who are ready, as
    name, phone and roles; how many others are linked but not ready). Ready: signed the
    current declaration (if there is one) and ready for every role they hold."""
    links = list(
        VolunteerUnit.objects.filter(
            unit__municipality=municipality,
            volunteer__municipality=municipality,  # never another municipality's volunteer
            volunteer__left_at__isnull=True,
        )
        .select_related("volunteer__user")
        .order_by("volunteer__sort_name", "volunteer_id")
    )
    volunteers = {link.volunteer_id: link.volunteer for link in links}
    readiness = missing_for(volunteers.values())
    signed = _signed(municipality, volunteers)
    result: dict[int, tuple[list[dict], int]] = {}
    for link in links:
        ready_list, not_ready = result.get(link.unit_id, ([], 0))
        volunteer: Volunteer = link.volunteer
        held = readiness.get(volunteer.pk, [])
        if volunteer.pk in signed and all(role.ready for role in held):
            names = [role.role.name for role in held]
            ready_list.append(
                {
                    "name": volunteer.person_name,
                    "phone": volunteer.contact_phone,
                    "roles": get_text_list(names, _("and")),
                }
            )
        else:
            not_ready += 1
        result[link.unit_id] = (ready_list, not_ready)
    return result


def contact_handbook_title(municipality: Municipality) -> str:
    return _("Handbook for volunteer contacts – %(name)s") % {"name": municipality.name}


def _contact_sections(units: list[UnitPage]) -> list[Section]:
    return [
        Section("tasks", _("Your tasks as volunteer contact")),
        *(Section(f"unit-{page.unit.pk}", page.unit.name) for page in units),
        Section("roles", _("What the volunteers do and do not do")),
        Section("routines", _("Routines")),
        Section("forum", _("The forum of volunteer contacts")),
        Section("who_to_call", _("Who to call")),
    ]


def compose_contact_handbook(municipality: Municipality, language: str) -> Composed:
    """The volunteer contacts' working tool in ``language``: their tasks, each unit with its
    ready volunteers, the routines, the forum and whom to call."""
    with translation.override(language):
        title = contact_handbook_title(municipality)
        units = units_with_contacts(municipality)
        ready = ready_volunteers_by_unit(municipality)
        for page in units:
            page.volunteers, page.not_ready = ready.get(page.unit.pk, ([], 0))
        routines = volunteer_routines(municipality)
        forum = ForumMeeting.objects.in_municipality(municipality)
        context = {
            **_contents(municipality, _contact_sections(units)),
            "units": units,
            "roles": roles(municipality),
            "routines": routines,
            "other_routines": other_routine_titles(municipality, routines),
            "upcoming": list(forum.upcoming().order_by("starts_at")[:FORUM_MEETINGS_LISTED]),
            "last_meeting": forum.past().order_by("-starts_at").first(),
            "coordinator": staff_coordinator(municipality),
            "emergency": emergency_numbers(),
            "home_care": home_care(municipality),
        }
    return compose(
        template=CONTACT_TEMPLATE,
        context=context,
        title=title,
        language=language,
        header=municipality.name,
    )
