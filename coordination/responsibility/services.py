"""The responsibility map: made from a starter set when a coordinator first opens it, edited
as one grid (saved here in one transaction), its tasks and parties added, renamed, reordered and
removed; and the warnings a map can have (a task with no responsible party, or with more than
one)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Max, Model
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from coordination.kernel import audit, permissions
from coordination.kernel.models import Municipality, User
from coordination.responsibility.models import (
    STARTER_PARTIES,
    STARTER_TASKS,
    ResponsibilityAssignment,
    ResponsibilityMap,
    ResponsibilityParty,
    ResponsibilityRole,
    ResponsibilityTask,
)

ACTION = "manage_responsibility_map"
MAX_ROWS = 60  # tasks or parties in one map: the grid stays one readable page

Cell = tuple[int, int]  # (task id, party id)


def find_map(municipality: Municipality) -> ResponsibilityMap | None:
    """The municipality's map, or None while no coordinator has opened it yet."""
    return ResponsibilityMap.objects.filter(municipality=municipality).first()


def map_for(municipality: Municipality) -> ResponsibilityMap:
    """The municipality's map; made from the starter set the first time it is asked for. Only
    the coordinators' pages ask for it (readers get ``find_map``)."""
    found = find_map(municipality)
    if found is not None:
        return found
    try:
        with transaction.atomic():
            found = ResponsibilityMap.objects.create(municipality=municipality)
            ResponsibilityTask.objects.bulk_create(
                ResponsibilityTask(map=found, starter_key=key, position=i)
                for i, key in enumerate(STARTER_TASKS, start=1)
            )
            ResponsibilityParty.objects.bulk_create(
                ResponsibilityParty(map=found, starter_key=key, position=i)
                for i, key in enumerate(STARTER_PARTIES, start=1)
            )
    except IntegrityError:  # made by a request at the same moment
        found = ResponsibilityMap.objects.get(municipality=municipality)
    return found


# --- Warnings --------------------------------------------------------------------------------


@dataclass(frozen=True)
class TaskWarning:
    task: ResponsibilityTask
    kind: Literal["no_responsible", "several_responsible"]
    responsible_count: int

    @property
    def message(self) -> str:
        if self.kind == "no_responsible":
            return _("%(task)s has no responsible party.") % {"task": self.task.display_name}
        return _(
            "%(task)s has %(count)s responsible parties. Choose one; the others can carry it out."
        ) % {"task": self.task.display_name, "count": self.responsible_count}


def responsibility_warnings(
    map_: ResponsibilityMap,
    *,
    tasks: list[ResponsibilityTask] | None = None,
    assignments: list[ResponsibilityAssignment] | None = None,
) -> list[TaskWarning]:
    """Every task with no responsible party, or with more than one, in the map's order. Pass
    the tasks and assignments already loaded to spend no queries."""
    if tasks is None:
        tasks = list(map_.tasks.all())
    responsible: Iterable[int]
    if assignments is None:
        responsible = ResponsibilityAssignment.objects.filter(
            task__map=map_, role=ResponsibilityRole.RESPONSIBLE
        ).values_list("task_id", flat=True)
    else:
        responsible = [a.task_id for a in assignments if a.role == ResponsibilityRole.RESPONSIBLE]
    counts: dict[int, int] = {}
    for task_id in responsible:
        counts[task_id] = counts.get(task_id, 0) + 1
    found = []
    for task in tasks:
        count = counts.get(task.pk, 0)
        if count == 0:
            found.append(TaskWarning(task, "no_responsible", 0))
        elif count > 1:
            found.append(TaskWarning(task, "several_responsible", count))
    return found


def warnings_summary(task_count: int, warnings: list[TaskWarning]) -> str:
    """ "12 tasks, 1 without a responsible party" (and how many have several)."""
    parts = [ngettext("%(count)s task", "%(count)s tasks", task_count) % {"count": task_count}]
    none = sum(1 for w in warnings if w.kind == "no_responsible")
    several = len(warnings) - none
    if none:
        parts.append(
            ngettext(
                "%(count)s without a responsible party",
                "%(count)s without a responsible party",
                none,
            )
            % {"count": none}
        )
    if several:
        parts.append(
            ngettext(
                "%(count)s with more than one responsible party",
                "%(count)s with more than one responsible party",
                several,
            )
            % {"count": several}
        )
    if not warnings and task_count:
        parts.append(_("each with one responsible party"))
    return ", ".join(parts)


# --- The grid --------------------------------------------------------------------------------


class StaleGridError(ValidationError):
    """Someone saved the grid after this form was opened: saving would silently undo their
    changes, so nothing is saved and the person is shown the grid as it is now."""


def grid_version(map_: ResponsibilityMap) -> str:
    """The token a grid form carries: the map's last-changed time, to the microsecond."""
    return map_.updated_at.isoformat() if map_.updated_at else ""


def _stale() -> StaleGridError:
    return StaleGridError(
        _(
            "Someone else saved the responsibility map after you opened it. Your changes were "
            "not saved, so that theirs are not lost. The map below is as it is now: make your "
            "changes again and save."
        ),
        code="stale",
    )


@transaction.atomic
def save_grid(
    *, map_: ResponsibilityMap, by: User, cells: dict[Cell, str], version: str | None = None
) -> int:
    """Set the role of every cell given (``""`` empties it), in one transaction and a fixed
    number of queries whatever the size of the grid. Cells naming a task or party of another
    map, or a role that does not exist, refuse the whole grid. Returns how many cells changed.

    ``version`` is the ``grid_version`` the form was opened with: when the map was saved since,
    ``StaleGridError`` is raised and nothing changes. The map row is locked first, so two saves
    at the same moment run one after the other and the second sees the first's version."""
    permissions.require(by, ACTION, map_.municipality_id)
    locked = ResponsibilityMap.objects.select_for_update().get(pk=map_.pk)
    if version is not None and version != grid_version(locked):
        raise _stale()
    _check_cells(map_, cells)
    changed = _write_cells(map_, cells)
    if changed:
        locked.save(update_fields=["updated_at"])
        map_.updated_at = locked.updated_at
        audit.record(
            by,
            "changed",
            map_,
            municipality=map_.municipality_id,
            code="responsibility.cells",
            params={"count": changed},
        )
    return changed


def _check_cells(map_: ResponsibilityMap, cells: dict[Cell, str]) -> None:
    """Refuse cells of tasks or parties the map does not have, and roles that do not exist."""
    task_ids = set(ResponsibilityTask.objects.filter(map=map_).values_list("pk", flat=True))
    party_ids = set(ResponsibilityParty.objects.filter(map=map_).values_list("pk", flat=True))
    for (task_id, party_id), role in cells.items():
        if task_id not in task_ids or party_id not in party_ids:
            raise ValidationError(
                _("The map has changed since you opened it. Open it again and make your changes.")
            )
        if role and role not in ResponsibilityRole.values:
            raise ValidationError(_("Choose a role from the list in every cell."))


def _write_cells(map_: ResponsibilityMap, cells: dict[Cell, str]) -> int:
    """Delete, create and change the assignments the cells differ in (three queries at most);
    returns how many. A cell filled by someone else meanwhile makes the grid stale."""
    existing = {
        (a.task_id, a.party_id): a
        for a in ResponsibilityAssignment.objects.filter(task__map=map_).select_for_update()
    }
    to_delete, to_create, to_update = [], [], []
    for cell, role in cells.items():
        current = existing.get(cell)
        if not role:
            if current is not None:
                to_delete.append(current.pk)
        elif current is None:
            to_create.append(ResponsibilityAssignment(task_id=cell[0], party_id=cell[1], role=role))
        elif current.role != role:
            current.role = role
            to_update.append(current)
    try:
        with transaction.atomic():  # a savepoint: an empty cell may have been filled meanwhile
            if to_delete:
                ResponsibilityAssignment.objects.filter(pk__in=to_delete).delete()
            if to_create:
                ResponsibilityAssignment.objects.bulk_create(to_create)
            if to_update:
                ResponsibilityAssignment.objects.bulk_update(to_update, ["role"])
    except IntegrityError:
        raise _stale() from None
    return len(to_delete) + len(to_create) + len(to_update)


# --- Tasks and parties -----------------------------------------------------------------------


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
