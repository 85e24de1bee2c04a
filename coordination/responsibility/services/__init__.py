"""The responsibility map: made from a starter set when a coordinator first opens it
(``maps``), edited as one grid saved in one transaction (``grid``), its tasks and parties added,
renamed, reordered and removed (``rows``); and the warnings a map can have: a task with no
responsible party, or with more than one (``task_warnings``)."""

from coordination.responsibility.services.grid import Cell, StaleGridError, grid_version, save_grid
from coordination.responsibility.services.maps import ACTION, MAX_ROWS, find_map, map_for
from coordination.responsibility.services.rows import (
    create_party,
    create_task,
    delete_row,
    move_row,
    rename_task,
    update_party,
)
from coordination.responsibility.services.task_warnings import (
    TaskWarning,
    responsibility_warnings,
    warnings_summary,
)

__all__ = [
    "ACTION",
    "MAX_ROWS",
    "Cell",
    "StaleGridError",
    "TaskWarning",
    "create_party",
    "create_task",
    "delete_row",
    "find_map",
    "grid_version",
    "map_for",
    "move_row",
    "rename_task",
    "responsibility_warnings",
    "save_grid",
    "update_party",
    "warnings_summary",
]
