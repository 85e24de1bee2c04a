"""Insurance for volunteers: the coordinator writes who insures them and for what (one row per
municipality); volunteers in the roles where it matters (those the coordinator marks, and every
role that gives transport) and volunteers asked to drive see it."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Required, TypedDict, Unpack

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from coordination.kernel import audit
from coordination.kernel.models import Municipality, User
from coordination.kernel.permissions import require
from volunteers.models import InsuranceInfo, Interest, Need, RoleHolder, Volunteer, VolunteerRole

INSURANCE_FIELDS = ("insured_by", "covers", "own_car", "if_something_happens")
ACTION = "manage_screening"


def insurance_of(municipality_id: str) -> InsuranceInfo | None:
    return InsuranceInfo.objects.filter(municipality_id=municipality_id).first()


class InsuranceFields(TypedDict, total=False):
    """What the insurance says, and the roles it matters for (the insurance form's fields)."""

    insured_by: Required[str]
    covers: Required[str]
    own_car: str
    if_something_happens: str
    roles: Iterable[VolunteerRole]


def _write(info: InsuranceInfo, *, by: User, fields: InsuranceFields) -> InsuranceInfo:
    roles = list(fields.get("roles", ()))
    if any(role.municipality_id != info.municipality_id for role in roles):
        raise PermissionDenied  # the form offers only this municipality's roles
    for name in INSURANCE_FIELDS:
        setattr(info, name, str(fields.get(name) or "").strip())
    info.updated_at, info.updated_by = timezone.now(), by
    info.full_clean(exclude=["municipality"])
    try:  # two coordinators writing it at once: the second is told, not given a 500
        with transaction.atomic():
            info.save()
    except IntegrityError:
        raise ValidationError(
            _("Someone saved the insurance at the same moment. Open the page again and look.")
        ) from None
    info.roles.set(roles)
    return info


@transaction.atomic
def create_insurance(
    *, municipality: Municipality, by: User, **fields: Unpack[InsuranceFields]
) -> InsuranceInfo:
    """Write who insures the municipality's volunteers, for what, and the roles it matters
    for (once per municipality; afterwards it is changed with ``update_insurance``)."""
    require(by, ACTION, municipality)
    info = _write(InsuranceInfo(municipality=municipality), by=by, fields=fields)
    audit.record(by, "created", info, code="volunteers.insurance")
    return info


@transaction.atomic
def update_insurance(
    *, info: InsuranceInfo, by: User, **fields: Unpack[InsuranceFields]
) -> InsuranceInfo:
    """Change the municipality's insurance text and the roles it matters for."""
    require(by, ACTION, info.municipality_id)
    info = InsuranceInfo.objects.select_for_update().get(pk=info.pk)
    _write(info, by=by, fields=fields)
    audit.record(by, "changed", info, code="volunteers.insurance")
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
    roles = VolunteerRole.objects.in_municipality(need.municipality_id).filter(interest=need.kind)
    return info if info.roles.filter(pk__in=roles.values("pk")).exists() else None
