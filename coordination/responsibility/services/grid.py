"""The grid: every cell's role saved in one transaction, refused as stale when someone saved
the map after the form was opened."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from coordination.kernel import audit, permissions
from coordination.kernel.models import User
from coordination.responsibility.models import (
    ResponsibilityAssignment,
    ResponsibilityMap,
    ResponsibilityParty,
    ResponsibilityRole,
    ResponsibilityTask,
)
from coordination.responsibility.services.maps import ACTION

Cell = tuple[int, int]  # (task id, party id)


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
