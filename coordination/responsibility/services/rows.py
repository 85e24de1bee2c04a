"""The map's tasks and parties: added, renamed, linked, reordered and removed."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max, Model, QuerySet
from django.utils.translation import gettext as _

from coordination.kernel import audit, permissions
from coordination.kernel.models import User
from coordination.responsibility.models import (
    ResponsibilityMap,
    ResponsibilityParty,
    ResponsibilityTask,
)
from coordination.responsibility.services.maps import ACTION, MAX_ROWS


def _clean_name(model, map_: ResponsibilityMap, name: str, row=None) -> str:
    name = name.strip()
    if not name:
        raise ValidationError({"name": _("Write a name.")})
    others = [r for r in model.objects.filter(map=map_) if row is None or r.pk != row.pk]
    if any(r.display_name.casefold() == name.casefold() for r in others):
        raise ValidationError({"name": _("The map already has a row with this name.")})
    return name


def _pk(row: Model | None) -> int | None:
    return row.pk if row is not None else None


def _check_party_links(map_: ResponsibilityMap, unit: Model | None, partner: Model | None) -> None:
    number = map_.municipality_id
    if (
        unit is not None
        and not ResponsibilityParty.unit_choices(number).filter(pk=unit.pk).exists()
    ):
        raise ValidationError({"unit": _("Choose a unit in this municipality.")})
    if (
        partner is not None
        and not ResponsibilityParty.partner_choices(number).filter(pk=partner.pk).exists()
    ):
        raise ValidationError(
            {"partner": _("Choose a partner organisation that works with this municipality.")}
        )
    if unit is not None and partner is not None:
        raise ValidationError(
            {"partner": _("A party is either a unit or a partner organisation, not both.")}
        )


def _next_position(rows: QuerySet, *, too_many: str) -> int:
    """The position after the last of ``rows`` (a map's tasks or parties), or ``too_many``
    (a message with ``%(max)s``) when the map has as many as it may."""
    if rows.count() >= MAX_ROWS:
        raise ValidationError({"name": too_many % {"max": MAX_ROWS}})
    return (rows.aggregate(last=Max("position"))["last"] or 0) + 1


def _record_row(
    by: User, verb: str, row: ResponsibilityTask | ResponsibilityParty, *, name: str
) -> None:
    audit.record(
        by,
        verb,
        row,
        municipality=row.map.municipality_id,
        code="responsibility.row",
        params={"name": name},
    )


@transaction.atomic
def create_task(*, map_: ResponsibilityMap, by: User, name: str) -> ResponsibilityTask:
    permissions.require(by, ACTION, map_.municipality_id)
    name = _clean_name(ResponsibilityTask, map_, name)
    position = _next_position(
        map_.tasks.all(), too_many=_("The map can have at most %(max)s tasks.")
    )
    task = ResponsibilityTask.objects.create(map=map_, name=name, position=position)
    _record_row(by, "created", task, name=name)
    return task


@transaction.atomic
def rename_task(*, task: ResponsibilityTask, by: User, name: str) -> ResponsibilityTask:
    permissions.require(by, ACTION, task.map.municipality_id)
    task.name = _clean_name(ResponsibilityTask, task.map, name, task)
    task.save(update_fields=["name"])
    _record_row(by, "changed", task, name=task.name)
    return task


@transaction.atomic
def create_party(
    *,
    map_: ResponsibilityMap,
    by: User,
    name: str,
    unit: Model | None = None,
    partner: Model | None = None,
) -> ResponsibilityParty:
    permissions.require(by, ACTION, map_.municipality_id)
    if not name.strip() and (unit or partner):
        name = str(unit or partner)
    name = _clean_name(ResponsibilityParty, map_, name)
    _check_party_links(map_, unit, partner)
    position = _next_position(
        map_.parties.all(), too_many=_("The map can have at most %(max)s parties.")
    )
    party = ResponsibilityParty.objects.create(
        map=map_, name=name, unit_id=_pk(unit), partner_id=_pk(partner), position=position
    )
    _record_row(by, "created", party, name=name)
    return party


@transaction.atomic
def update_party(
    *,
    party: ResponsibilityParty,
    by: User,
    name: str,
    unit: Model | None = None,
    partner: Model | None = None,
) -> ResponsibilityParty:
    permissions.require(by, ACTION, party.map.municipality_id)
    party.name = _clean_name(ResponsibilityParty, party.map, name, party)
    _check_party_links(party.map, unit, partner)
    party.unit_id, party.partner_id = _pk(unit), _pk(partner)
    party.save(update_fields=["name", "unit", "partner"])
    _record_row(by, "changed", party, name=party.name)
    return party


@transaction.atomic
def move_row(*, row: ResponsibilityTask | ResponsibilityParty, by: User, direction: str) -> None:
    """Move a task or a party one place up or down."""
    permissions.require(by, ACTION, row.map.municipality_id)
    if direction not in ("up", "down"):
        raise ValidationError(_("Choose up or down."))
    if isinstance(row, ResponsibilityTask):
        _move(ResponsibilityTask, row, direction)
    else:
        _move(ResponsibilityParty, row, direction)


def _move[R: (ResponsibilityTask, ResponsibilityParty)](
    model: type[R], row: R, direction: str
) -> None:
    rows = list(model._default_manager.filter(map_id=row.map_id).select_for_update())
    index = next(i for i, r in enumerate(rows) if r.pk == row.pk)
    other = index - 1 if direction == "up" else index + 1
    if not 0 <= other < len(rows):
        return
    rows[index], rows[other] = rows[other], rows[index]
    for position, r in enumerate(rows, start=1):
        r.position = position
    model._default_manager.bulk_update(rows, ["position"])


@transaction.atomic
def delete_row(*, row: ResponsibilityTask | ResponsibilityParty, by: User) -> None:
    """Remove a task or a party, and what the grid said about it."""
    permissions.require(by, ACTION, row.map.municipality_id)
    _record_row(by, "deleted", row, name=str(row.display_name))
    row.delete()
