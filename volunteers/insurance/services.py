"""Insurance for volunteers: the coordinator writes who insures them and for what (one row per
municipality); volunteers in the roles where it matters (those the coordinator marks, and every
role that gives transport) and volunteers asked to drive see it."""

from __future__ import annotations

from collections.abc import Iterable

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone

from coordination.kernel import audit
from coordination.kernel.models import Municipality, User
from coordination.kernel.permissions import can
from volunteers.models import InsuranceInfo, Interest, Need, RoleHolder, Volunteer, VolunteerRole

INSURANCE_FIELDS = ("insured_by", "covers", "own_car", "if_something_happens")


def insurance_of(municipality_id: str) -> InsuranceInfo | None:
    return InsuranceInfo.objects.filter(municipality_id=municipality_id).first()


@transaction.atomic
def save_insurance(
    *, municipality: Municipality, fields: dict, roles: Iterable[VolunteerRole], by: User
) -> InsuranceInfo:
    """Create or change the municipality's insurance text and the roles it matters for."""
    if not can(by, "manage_screening", municipality):
        raise PermissionDenied
    roles = list(roles)
    if any(role.municipality_id != municipality.pk for role in roles):
        raise PermissionDenied  # the form offers only this municipality's roles
    info, created = InsuranceInfo.objects.select_for_update().get_or_create(
        municipality=municipality,
        defaults={name: fields.get(name, "") for name in INSURANCE_FIELDS},
    )
    for name in INSURANCE_FIELDS:
        setattr(info, name, (fields.get(name) or "").strip())
    info.updated_at, info.updated_by = timezone.now(), by
    info.full_clean(exclude=["municipality"])
    info.save()
    info.roles.set(roles)
    audit.record(by, "created" if created else "changed", info, code="volunteers.insurance")
    return info


def insurance_for_volunteer(volunteer: Volunteer) -> InsuranceInfo | None:
    """The insurance, if the volunteer holds a role where it matters (or one that gives
    transport); None otherwise or when the municipality has not written it."""
    info = insurance_of(volunteer.municipality_id)
    if info is None:
        return None
    holders = RoleHolder.objects.filter(volunteer=volunteer)
    matters = (
        holders.filter(role__interest=Interest.TRANSPORT).exists()
        or holders.filter(role__in=info.roles.all()).exists()
    )
    return info if matters else None


def insurance_for_need(need: Need) -> InsuranceInfo | None:
    """The insurance to show in an invitation: for a ride (the volunteer drives their own
    car), or when the municipality's role for this kind of help is one where it matters."""
    info = insurance_of(need.municipality_id)
    if info is None:
        return None
    if need.needs_driver or need.kind == Interest.TRANSPORT:
        return info
    roles = VolunteerRole.objects.filter(municipality_id=need.municipality_id, interest=need.kind)
    return info if info.roles.filter(pk__in=roles.values("pk")).exists() else None
