"""The map's tasks and parties: added, renamed, linked, reordered and removed."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max, Model
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


@transaction.atomic
def create_task(*, map_: ResponsibilityMap, by: User, name: str) -> ResponsibilityTask:
    permissions.require(by, ACTION, map_.municipality_id)
    name = _clean_name(ResponsibilityTask, map_, name)
    if map_.tasks.count() >= MAX_ROWS:
        raise ValidationError({"name": _("The map can have at most %(max)s tasks.") % {
            "max": MAX_ROWS}})  # fmt: skip
    last = map_.tasks.aggregate(last=Max("position"))["last"] or 0
    task = ResponsibilityTask.objects.create(map=map_, name=name, position=last + 1)
    audit.record(
        by,
        "created",
        task,
        municipality=map_.municipality_id,
        code="responsibility.row",
        params={"name": name},
    )
    return task


@transaction.atomic
def rename_task(*, task: ResponsibilityTask, by: User, name: str) -> ResponsibilityTask:
    permissions.require(by, ACTION, task.map.municipality_id)
    task.name = _clean_name(ResponsibilityTask, task.map, name, task)
    task.save(update_fields=["name"])
    audit.record(
        by,
        "changed",
        task,
        municipality=task.map.municipality_id,
        code="responsibility.row",
        params={"name": task.name},
    )
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
    if map_.parties.count() >= MAX_ROWS:
        raise ValidationError({"name": _("The map can have at most %(max)s parties.") % {
            "max": MAX_ROWS}})  # fmt: skip
    last = map_.parties.aggregate(last=Max("position"))["last"] or 0
    party = ResponsibilityParty.objects.create(
        map=map_, name=name, unit_id=_pk(unit), partner_id=_pk(partner), position=last + 1
    )
    audit.record(
        by,
        "created",
        party,
        municipality=map_.municipality_id,
        code="responsibility.row",
        params={"name": name},
    )
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
    audit.record(
        by,
        "changed",
        party,
        municipality=party.map.municipality_id,
        code="responsibility.row",
        params={"name": party.name},
    )
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
    audit.record(
        by,
        "deleted",
        row,
        municipality=row.map.municipality_id,
        code="responsibility.row",
        params={"name": str(row.display_name)},
    )
    row.delete()
