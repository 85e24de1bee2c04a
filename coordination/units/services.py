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
from coordination.models import (
    ForumMeeting,
    Membership,
    Municipality,
    Role,
    Unit,
    UnitContact,
    UnitKind,
    User,
)

FORUM_ROLES = (Role.VOLUNTEER_CONTACT, Role.COORDINATOR)


def _require(by: User, action: str, municipality: Municipality | str) -> None:
    number = municipality.pk if isinstance(municipality, Municipality) else municipality
    if not permissions.can(by, action, Municipality(pk=number)):
        raise PermissionDenied


# --- Units ---------------------------------------------------------------------------------


@transaction.atomic
def save_unit(
    *,
    municipality: Municipality,
    by: User,
    name: str,
    kind: str,
    address: str = "",
    leader_name: str = "",
    unit: Unit | None = None,
) -> Unit:
    """Create a unit in the municipality, or change ``unit``."""
    _require(by, "manage_units", municipality)
    if unit is not None and unit.municipality_id != municipality.pk:
        raise PermissionDenied
    name = name.strip()
    if not name:
        raise ValidationError({"name": _("Give the unit a name.")})
    if kind not in UnitKind.values:
        raise ValidationError({"kind": _("Choose what kind of unit it is.")})
    clash = Unit.objects.filter(municipality=municipality, name__iexact=name)
    if unit is not None:
        clash = clash.exclude(pk=unit.pk)
    if clash.exists():
        raise ValidationError({"name": _("There is already a unit with this name.")})
    created = unit is None
    if unit is None:
        unit = Unit(municipality=municipality)
    unit.name = name
    unit.kind = kind
    unit.address = address.strip()
    unit.leader_name = leader_name.strip()
    unit.save()
    audit.record(
        by,
        "created" if created else "changed",
        unit,
        code="unit.saved",
        params={"name": unit.name},
    )
    return unit


@transaction.atomic
def delete_unit(*, unit: Unit, by: User) -> None:
    _require(by, "manage_units", unit.municipality_id)
    audit.record(by, "deleted", unit, code="unit.saved", params={"name": unit.name})
    unit.delete()


@transaction.atomic
def add_unit_contact(*, unit: Unit, membership: Membership, by: User) -> UnitContact:
    """Make a volunteer contact of the municipality a contact for ``unit`` (one person may serve
    several units). Only a volunteer contact's role in the same municipality can be linked."""
    _require(by, "manage_units", unit.municipality_id)
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
            {"membership": _("%(name)s is already a contact for this unit.")
             % {"name": membership.user}}
        )  # fmt: skip
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
    _require(by, "manage_units", municipality)
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
        Membership.objects.filter(municipality=municipality, role__in=FORUM_ROLES)
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


@transaction.atomic
def save_forum_meeting(
    *,
    municipality: Municipality,
    by: User,
    starts_at: datetime.datetime,
    place: str = "",
    agenda: str = "",
    attendees: Iterable[Membership] = (),
    meeting: ForumMeeting | None = None,
) -> ForumMeeting:
    """Plan a forum meeting (or change ``meeting``): when, where, the agenda, who came."""
    _require(by, "manage_forum", municipality)
    if meeting is not None and meeting.municipality_id != municipality.pk:
        raise PermissionDenied
    if starts_at is None:
        raise ValidationError({"starts_at": _("Give the date and time of the meeting.")})
    chosen = _check_attendees(municipality, attendees)
    created = meeting is None
    if meeting is None:
        meeting = ForumMeeting(municipality=municipality, created_by=by)
    meeting.starts_at = starts_at
    meeting.place = place.strip()
    meeting.agenda = agenda.strip()
    meeting.save()
    meeting.attendees.set(chosen)
    audit.record(by, "created" if created else "changed", meeting, code="forum.meeting")
    return meeting


@transaction.atomic
def save_minutes(
    *,
    meeting: ForumMeeting,
    by: User,
    minutes: str,
    attendees: Iterable[Membership] | None = None,
) -> ForumMeeting:
    """Write the minutes of a meeting; who wrote them and when is kept with them."""
    _require(by, "manage_forum", meeting.municipality_id)
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
    _require(by, "manage_forum", meeting.municipality_id)
    audit.record(by, "deleted", meeting, code="forum.meeting")
    meeting.delete()
