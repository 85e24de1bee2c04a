"""Which units a volunteer helps at: the link that lets the units' volunteer contacts follow
the volunteer up (and see them in the registry)."""

from __future__ import annotations

from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from coordination.kernel import audit, permissions
from coordination.kernel.models import User
from coordination.units.models import Unit
from volunteers.models import Volunteer, VolunteerUnit


@transaction.atomic
def set_volunteer_units(*, volunteer: Volunteer, units: Iterable[Unit], by: User) -> bool:
    """Link the volunteer to exactly these units of their municipality (none: unlinked from
    all). Returns whether anything changed."""
    permissions.require(by, "link_volunteer_units", volunteer)
    chosen = {unit.pk: unit for unit in units}
    if any(unit.municipality_id != volunteer.municipality_id for unit in chosen.values()):
        raise ValidationError(
            {"units": _("Choose units of the volunteer's own municipality only.")}
        )
    # Lock the volunteer so that two coordinators saving at once do not both add a link.
    Volunteer.objects.select_for_update().filter(pk=volunteer.pk).first()
    linked = set(volunteer.unit_links.values_list("unit_id", flat=True))
    added, removed = set(chosen) - linked, linked - set(chosen)
    if not added and not removed:
        return False
    volunteer.unit_links.filter(unit_id__in=removed).delete()
    VolunteerUnit.objects.bulk_create(
        [VolunteerUnit(volunteer=volunteer, unit=chosen[pk]) for pk in sorted(added)],
        ignore_conflicts=True,
    )
    names = ", ".join(sorted(unit.name for unit in chosen.values())) or "-"
    audit.record(by, "changed", volunteer, code="volunteer.units", params={"units": names})
    return True
