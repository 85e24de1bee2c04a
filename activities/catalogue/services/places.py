"""Places where activities meet (village halls, community centres): the coordinator keeps
the list; a place that was used is marked no longer in use, never deleted."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from activities.catalogue.models import (
    Place,
)
from activities.catalogue.services.common import plain
from coordination.kernel import audit
from coordination.kernel.models import Municipality, User
from coordination.kernel.permissions import require

PLACE_FIELDS = frozenset(
    {
        "name",
        "kind",
        "area",
        "address",
        "step_free",
        "accessible_toilet",
        "hearing_loop",
        "archived",
    }
)


def _check_place(place: Place) -> None:
    clash = (
        Place.objects.in_municipality(place.municipality)
        .filter(name__iexact=place.name.strip())
        .exclude(pk=place.pk)
    )
    if clash.exists():
        raise ValidationError(
            {"name": _("There is already a place with this name. Choose another name.")}
        )
    place.full_clean(validate_unique=False, validate_constraints=False)


@transaction.atomic
def create_place(
    *,
    municipality: Municipality,
    by: User,
    name: str,
    kind: str,
    area: str,
    address: str = "",
    step_free: bool = False,
    accessible_toilet: bool = False,
    hearing_loop: bool = False,
) -> Place:
    require(by, "coordinate_activities", municipality)
    place = Place(
        municipality=municipality,
        name=plain(name),
        kind=kind,
        area=plain(area),
        address=plain(address),
        step_free=step_free,
        accessible_toilet=accessible_toilet,
        hearing_loop=hearing_loop,
    )
    _check_place(place)
    place.save()
    audit.record(by, "created", place, code="activities.place_created", params={"name": place.name})
    return place


@transaction.atomic
def update_place(*, place: Place, by: User, **fields: Any) -> Place:
    require(by, "coordinate_activities", place)
    unknown = set(fields) - PLACE_FIELDS
    if unknown:
        raise TypeError(f"update_place() got unknown fields: {sorted(unknown)}")
    for name, value in fields.items():
        setattr(place, name, plain(value) if isinstance(value, str) and name != "kind" else value)
    _check_place(place)
    place.save()
    audit.record(by, "changed", place, code="activities.place_changed", params={"name": place.name})
    return place
