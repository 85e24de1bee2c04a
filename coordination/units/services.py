"""Units and their volunteer contacts, and the forum of volunteer contacts. Each service checks
its permission in the municipality the object belongs to."""

from __future__ import annotations

import datetime
from collections.abc import Iterable

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from coordination.kernel import audit, permissions
from coordination.kernel.models import Membership, Municipality, Role, User
from coordination.units.models import ForumMeeting, Unit, UnitContact, UnitKind

FORUM_ROLES = (Role.VOLUNTEER_CONTACT, Role.COORDINATOR)


def _require_own(
    by: User, action: str, municipality: Municipality, obj: Unit | ForumMeeting
) -> None:
    """``by`` may ``action`` in ``municipality``, and ``obj`` (being changed) belongs to it."""
    permissions.require(by, action, municipality)
    if obj.municipality_id != municipality.pk:
        raise PermissionDenied


# --- Units ---------------------------------------------------------------------------------


def _write_unit(
    unit: Unit,
    *,
    by: User,
    verb: str,
    name: str,
    kind: str,
    address: str,
    leader_name: str,
    phone: str,
) -> Unit:
    """The rules a unit keeps: a name unique in the municipality, a known kind."""
    name = name.strip()
    if not name:
        raise ValidationError({"name": _("Give the unit a name.")})
    if kind not in UnitKind.values:
        raise ValidationError({"kind": _("Choose what kind of unit it is.")})
    clash = Unit.objects.in_municipality(unit.municipality_id).filter(name__iexact=name)
    if clash.exclude(pk=unit.pk).exists():
        raise ValidationError({"name": _("There is already a unit with this name.")})
    unit.name, unit.kind = name, kind
    unit.address, unit.leader_name = address.strip(), leader_name.strip()
    unit.phone = phone.strip()
    unit.save()
    audit.record(by, verb, unit, code="unit.saved", params={"name": unit.name})
    return unit


@transaction.atomic
def create_unit(
    *,
    municipality: Municipality,
    by: User,
    name: str,
    kind: str,
    address: str = "",
    leader_name: str = "",
    phone: str = "",
) -> Unit:
    """Create a unit in the municipality."""
    permissions.require(by, "manage_units", municipality)
    return _write_unit(
        Unit(municipality=municipality),
        by=by,
        verb="created",
        name=name,
        kind=kind,
        address=address,
        leader_name=leader_name,
        phone=phone,
    )


@transaction.atomic
def update_unit(
    *,
    unit: Unit,
    municipality: Municipality,
    by: User,
    name: str,
    kind: str,
    address: str = "",
    leader_name: str = "",
    phone: str = "",
) -> Unit:
    """Change a unit's name, kind, address, leader or phone."""
    _require_own(by, "manage_units", municipality, unit)
    return _write_unit(
        unit,
        by=by,
        verb="changed",
        name=name,
        kind=kind,
        address=address,
        leader_name=leader_name,
        phone=phone,
    )


@transaction.atomic
def delete_unit(*, unit: Unit, by: User) -> None:
    permissions.require(by, "manage_units", unit.municipality_id)
    audit.record(by, "deleted", unit, code="unit.saved", params={"name": unit.name})
    unit.delete()


@transaction.atomic
def add_unit_contact(*, unit: Unit, membership: Membership, by: User) -> UnitContact:
    """Make a volunteer contact of the municipality a contact for ``unit`` (one person may serve
    several units). Only a volunteer contact's role in the same municipality can be linked."""
    permissions.require(by, "manage_units", unit.municipality_id)
    if membership.municipality_id != unit.municipality_id:
        raise ValidationError(
            {"membership": _("Choose a volunteer contact in the same municipality as the unit.")}
        )
    if membership.role != Role.VOLUNTEER_CONTACT:
        raise ValidationError(
            {
                "membership": _(
                    "Only a person with the role volunteer contact can be a unit's contact. "
                    "Give them the role first."
                )
            }
        )
    if UnitContact.objects.filter(unit=unit, membership=membership).exists():
        raise ValidationError(
            {
                "membership": _("%(name)s is already a contact for this unit.")
                % {"name": membership.user}
            }
        )
    link = UnitContact.objects.create(unit=unit, membership=membership)
    audit.record(
        by,
        "created",
        link,
        municipality=unit.municipality_id,
        code="unit.contact",
        params={"unit": unit.name, "name": str(membership.user)},
    )
    return link


@transaction.atomic
def remove_unit_contact(*, link: UnitContact, by: User) -> None:
    municipality = link.unit.municipality_id
    permissions.require(by, "manage_units", municipality)
    audit.record(
        by,
        "deleted",
        link,
        municipality=municipality,
        code="unit.contact",
        params={"unit": link.unit.name, "name": str(link.membership.user)},
    )
    link.delete()


def forum_members(municipality: Municipality | str):
    """The roles that can attend the forum: the municipality's volunteer contacts and
    coordinators."""
    return (
        Membership.objects.in_municipality(municipality)
        .filter(role__in=FORUM_ROLES)
        .select_related("user")
        .order_by("user__full_name", "pk")
    )


# --- The forum of volunteer contacts --------------------------------------------------------


def _check_attendees(municipality: Municipality, attendees: Iterable[Membership]) -> list:
    chosen = list(attendees)
    if any(a.municipality_id != municipality.pk or a.role not in FORUM_ROLES for a in chosen):
        raise ValidationError(
            {
                "attendees": _("Choose only volunteer contacts and coordinators in %(name)s.")
                % {"name": municipality.name}
            }
        )
    return chosen


def _write_meeting(
    meeting: ForumMeeting,
    *,
    by: User,
    verb: str,
    starts_at: datetime.datetime | None,
    place: str,
    agenda: str,
    attendees: Iterable[Membership],
) -> ForumMeeting:
    if starts_at is None:
        raise ValidationError({"starts_at": _("Give the date and time of the meeting.")})
    chosen = _check_attendees(meeting.municipality, attendees)
    meeting.starts_at = starts_at
    meeting.place, meeting.agenda = place.strip(), agenda.strip()
    meeting.save()
    meeting.attendees.set(chosen)
    audit.record(by, verb, meeting, code="forum.meeting")
    return meeting


@transaction.atomic
def create_forum_meeting(
    *,
    municipality: Municipality,
    by: User,
    starts_at: datetime.datetime,
    place: str = "",
    agenda: str = "",
    attendees: Iterable[Membership] = (),
) -> ForumMeeting:
    """Plan a forum meeting: when, where, the agenda, who came."""
    permissions.require(by, "manage_forum", municipality)
    meeting = ForumMeeting(municipality=municipality, created_by=by)
    return _write_meeting(
        meeting,
        by=by,
        verb="created",
        starts_at=starts_at,
        place=place,
        agenda=agenda,
        attendees=attendees,
    )


@transaction.atomic
def update_forum_meeting(
    *,
    meeting: ForumMeeting,
    municipality: Municipality,
    by: User,
    starts_at: datetime.datetime,
    place: str = "",
    agenda: str = "",
    attendees: Iterable[Membership] = (),
) -> ForumMeeting:
    """Change a forum meeting's time, place, agenda or who came."""
    _require_own(by, "manage_forum", municipality, meeting)
    return _write_meeting(
        meeting,
        by=by,
        verb="changed",
        starts_at=starts_at,
        place=place,
        agenda=agenda,
        attendees=attendees,
    )


@transaction.atomic
def save_minutes(
    *,
    meeting: ForumMeeting,
    by: User,
    minutes: str,
    attendees: Iterable[Membership] | None = None,
) -> ForumMeeting:
    """Write the minutes of a meeting; who wrote them and when is kept with them."""
    permissions.require(by, "manage_forum", meeting.municipality_id)
    if attendees is not None:
        meeting.attendees.set(_check_attendees(meeting.municipality, attendees))
    meeting.minutes = minutes.strip()
    meeting.minutes_by = by
    meeting.minutes_by_name = by.full_name or by.email
    meeting.minutes_at = timezone.now()
    meeting.save(update_fields=["minutes", "minutes_by", "minutes_by_name", "minutes_at"])
    audit.record(by, "changed", meeting, code="forum.minutes")
    return meeting


@transaction.atomic
def delete_forum_meeting(*, meeting: ForumMeeting, by: User) -> None:
    permissions.require(by, "manage_forum", meeting.municipality_id)
    audit.record(by, "deleted", meeting, code="forum.meeting")
    meeting.delete()
