"""The responsibility map's pages: the grid (``grid``), its rows, tasks and parties
(``rows``). The map printed as a PDF is one of the printed documents (``coordination.printing``)."""

from coordination.responsibility.views.grid import (
    responsibility_map_detail,
    responsibility_map_edit,
)
from coordination.responsibility.views.rows import (
    responsibility_party_add,
    responsibility_party_delete,
    responsibility_party_edit,
    responsibility_party_move,
    responsibility_task_add,
    responsibility_task_delete,
    responsibility_task_edit,
    responsibility_task_move,
)

__all__ = [
    "responsibility_map_detail",
    "responsibility_map_edit",
    "responsibility_party_add",
    "responsibility_party_delete",
    "responsibility_party_edit",
    "responsibility_party_move",
    "responsibility_task_add",
    "responsibility_task_delete",
    "responsibility_task_edit",
    "responsibility_task_move",
]
