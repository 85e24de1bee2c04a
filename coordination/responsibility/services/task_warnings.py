"""The warnings a map can have: a task with no responsible party, or with more than one."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from coordination.responsibility.models import (
    ResponsibilityAssignment,
    ResponsibilityMap,
    ResponsibilityRole,
    ResponsibilityTask,
)


@dataclass(frozen=True)
class TaskWarning:
    task: ResponsibilityTask
    kind: Literal["no_responsible", "several_responsible"]
    responsible_count: int

    @property
    def message(self) -> str:
        if self.kind == "no_responsible":
            return _("%(task)s has no responsible party.") % {"task": self.task.display_name}
        return ngettext(
            "%(task)s has %(count)s responsible party. Choose one; the others can carry it out.",
            "%(task)s has %(count)s responsible parties. Choose one; the others can carry it out.",
            self.responsible_count,
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
