"""The demo's responsibility maps, filled in through the map's service as each
municipality's coordinator: Lom's partly, with one warning (the annual wheel has nobody
responsible yet); Drammen's complete. Idempotent: a map that has cells is left as it is."""

from __future__ import annotations

from coordination.kernel.contributions import contribute
from coordination.kernel.demo import DRAMMEN, LOM, coordinator_of
from coordination.kernel.models import Municipality
from coordination.responsibility.models import ResponsibilityAssignment, ResponsibilityRole
from coordination.responsibility.services import map_for, save_grid

R, C, CO, INF = (
    ResponsibilityRole.RESPONSIBLE,
    ResponsibilityRole.CARRIES_OUT,
    ResponsibilityRole.CONSULTED,
    ResponsibilityRole.INFORMED,
)

PARTIES = ["coordinator", "unit_leaders", "volunteer_contacts", "volunteer_centre", "partners",
           "volunteers"]  # fmt: skip
# task -> one role per party, in the order of PARTIES ("" = empty cell)
DRAMMEN_MAP = {
    "recruiting": [R, INF, C, C, C, ""],
    "introductory_course": [R, INF, C, CO, "", INF],
    "police_certificates": [R, INF, CO, "", "", INF],
    "confidentiality": [R, INF, C, "", "", INF],
    "follow_up": [CO, INF, R, C, "", ""],
    "matching": [R, CO, C, C, "", INF],
    "transport": [CO, "", INF, R, C, C],
    "grants": [R, CO, "", C, C, ""],
    "annual_wheel": [R, CO, C, CO, CO, INF],
    "routines": [R, C, C, CO, "", CO],
    "agreements": [R, INF, "", CO, CO, ""],
    "forum": [R, INF, C, INF, "", ""],
}
# Lom: partly filled in; the annual wheel has nobody responsible yet (the one warning).
LOM_MAP = {
    "recruiting": [R, "", C, C, "", ""],
    "introductory_course": [R, "", C, CO, "", ""],
    "police_certificates": [R, "", "", "", "", ""],
    "confidentiality": [R, "", C, "", "", ""],
    "follow_up": [CO, "", R, C, "", ""],
    "matching": [R, "", "", C, "", ""],
    "transport": ["", "", "", R, C, ""],
    "grants": [R, "", "", CO, "", ""],
    "annual_wheel": [CO, "", "", CO, "", ""],
    "routines": [R, CO, "", "", "", ""],
    "agreements": [R, "", "", "", CO, ""],
    "forum": [R, "", INF, "", "", ""],
}


def _seed_map(number: str, roles_by_task: dict) -> None:
    map_ = map_for(Municipality.objects.get(pk=number))
    if ResponsibilityAssignment.objects.filter(task__map=map_).exists():
        return
    tasks = {t.starter_key: t.pk for t in map_.tasks.all()}
    parties = {p.starter_key: p.pk for p in map_.parties.all()}
    cells = {
        (tasks[task], parties[party]): role
        for task, roles in roles_by_task.items()
        if task in tasks
        for party, role in zip(PARTIES, roles, strict=True)
        if role and party in parties
    }
    save_grid(map_=map_, by=coordinator_of(number), cells=cells)


@contribute.demo_step(order=21)  # after the units (the map's parties name them)
def seed(command) -> None:
    _seed_map(LOM, LOM_MAP)
    _seed_map(DRAMMEN, DRAMMEN_MAP)
