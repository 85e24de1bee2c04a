"""The routine binder: the list grouped by the 8 steps and a routine (``binder``), writing and
approving, owner and co-authors (``writing``), a routine's versions (``versions``), and copying
Samspill's starter routines (``starters``). Everyone with a role in the municipality reads
approved routines; coordinators and named co-authors write."""

from coordination.routines.views.binder import (
    HISTORY,
    MANAGE,
    PAGE_SIZE,
    READ,
    routine_detail,
    routine_list,
)
from coordination.routines.views.starters import routine_starters
from coordination.routines.views.versions import routine_version_detail, routine_versions
from coordination.routines.views.writing import (
    routine_approve,
    routine_archive,
    routine_create,
    routine_edit,
    routine_people,
)

__all__ = [
    "HISTORY",
    "MANAGE",
    "PAGE_SIZE",
    "READ",
    "routine_approve",
    "routine_archive",
    "routine_create",
    "routine_detail",
    "routine_edit",
    "routine_list",
    "routine_people",
    "routine_starters",
    "routine_version_detail",
    "routine_versions",
]
