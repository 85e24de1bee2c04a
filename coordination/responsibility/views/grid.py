"""The responsibility map: read as a grid by coordinators, volunteer contacts and partner
representatives; edited as one grid by coordinators (its rows: ``rows.py``). The map is made
from the starter set when a coordinator first opens it; until then the readers are told that
there is none yet."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from coordination.kernel import ui
from coordination.kernel.permissions import can, municipality_view
from coordination.responsibility import services
from coordination.responsibility.forms import GridForm, PartyForm, TaskForm, cell_name
from coordination.responsibility.models import (
    ROLE_ABBREVIATIONS,
    ROLE_EXPLANATIONS,
    ResponsibilityAssignment,
    ResponsibilityRole,
)
from coordination.responsibility.services import ACTION


def _grid(map_):
    """Tasks, parties and cells in three queries, whatever the size of the map."""
    tasks = list(map_.tasks.all())
    parties = list(map_.parties.select_related("unit", "partner"))
    assignments = list(
        ResponsibilityAssignment.objects.filter(task__map=map_).only("task_id", "party_id", "role")
    )
    return tasks, parties, assignments


def _legend() -> list[tuple[str, str]]:
    return [(ROLE_ABBREVIATIONS[role], ROLE_EXPLANATIONS[role]) for role in ResponsibilityRole]


def _context(request, map_, tasks, parties, assignments, **extra) -> dict:
    warnings = services.responsibility_warnings(map_, tasks=tasks, assignments=assignments)
    return {
        "municipality": request.municipality,
        "map": map_,
        "tasks": tasks,
        "parties": parties,
        "warnings": warnings,
        "warnings_by_task": {w.task.pk: w for w in warnings},
        "legend": _legend(),
        **extra,
    }


@municipality_view("view_responsibility_map")
@require_GET
def responsibility_map_detail(request: HttpRequest) -> HttpResponse:
    municipality = request.municipality
    may_manage = can(request.user, ACTION, municipality)
    # A coordinator's first visit makes the map from the starter set; a reader's makes nothing.
    map_ = services.map_for(municipality) if may_manage else services.find_map(municipality)
    if map_ is None:
        return render(
            request,
            "coordination/responsibility/map_detail.html",
            {"municipality": municipality, "map": None, "may_manage": False},
        )
    tasks, parties, assignments = _grid(map_)
    cells = {(a.task_id, a.party_id): a.role for a in assignments}
    labels = dict(ResponsibilityRole.choices)
    context = _context(request, map_, tasks, parties, assignments, may_manage=may_manage)
    context["rows"] = [
        (
            task,
            [
                {"letter": ROLE_ABBREVIATIONS.get(role, ""), "label": labels.get(role, "")}
                for party in parties
                for role in [cells.get((task.pk, party.pk), "")]
            ],
            context["warnings_by_task"].get(task.pk),
        )
        for task in tasks
    ]
    return render(request, "coordination/responsibility/map_detail.html", context)


@municipality_view(ACTION)
@require_http_methods(["GET", "POST"])
def responsibility_map_edit(request: HttpRequest) -> HttpResponse:
    municipality = request.municipality
    map_ = services.map_for(municipality)
    tasks, parties, assignments = _grid(map_)
    form = GridForm(
        request.POST or None,
        tasks=tasks,
        parties=parties,
        assignments=assignments,
        version=services.grid_version(map_),
    )
    done = ui.submit(request, form, lambda data: _save_grid(request, map_, form))
    if done and isinstance(done.value, services.StaleGridError):
        # Show the grid as it is now (with its new version), and say why nothing was saved.
        map_.refresh_from_db()
        tasks, parties, assignments = _grid(map_)
        form = _current_grid_form(map_, tasks, parties, assignments)
        form.add_error(None, done.value)
    elif done:
        if done.value:
            messages.success(request, _("The responsibility map is saved."))
        else:
            messages.info(request, _("Nothing was changed."))
        return redirect("coordination:responsibility_map_edit", municipality.pk)
    context = _context(
        request,
        map_,
        tasks,
        parties,
        assignments,
        form=form,
        sections=_row_sections(municipality, tasks, parties),
    )
    context["rows"] = [
        (task, fields, context["warnings_by_task"].get(task.pk))
        for task, fields in form.bound_rows()
    ]
    return render(request, "coordination/responsibility/map_edit.html", context)


def _save_grid(request: HttpRequest, map_, form: GridForm) -> int | services.StaleGridError:
    """How many cells changed; or, when someone saved the map after this form was opened, the
    refusal (the page then shows the map as it is now)."""
    try:
        return services.save_grid(
            map_=map_, by=request.user, cells=form.cells(), version=form.sent_version()
        )
    except services.StaleGridError as error:
        return error


def _current_grid_form(map_, tasks, parties, assignments) -> GridForm:
    """A grid form bound to what is saved now, so that it can carry an error message."""
    current = {(a.task_id, a.party_id): a.role for a in assignments}
    data = {
        cell_name(task.pk, party.pk): current.get((task.pk, party.pk), "")
        for task in tasks
        for party in parties
    }
    data["version"] = services.grid_version(map_)
    form = GridForm(
        data, tasks=tasks, parties=parties, assignments=assignments, version=data["version"]
    )
    form.is_valid()
    return form


def _row_sections(municipality, tasks, parties) -> list[dict]:
    """The lists of tasks and of parties below the grid, each with its form to add one."""
    return [
        {
            "id": "tasks",
            "heading": _("Tasks"),
            "rows": tasks,
            "edit_url": "coordination:responsibility_task_edit",
            "move_url": "coordination:responsibility_task_move",
            "delete_url": "coordination:responsibility_task_delete",
            "add_id": "new-task",
            "add_heading": _("Add a task"),
            "add_url": reverse("coordination:responsibility_task_add", args=[municipality.pk]),
            "add_submit": _("Add the task"),
            # other ids than the grid's and each other's: both forms have a "name" field
            "form": TaskForm(auto_id="id_task_%s"),
        },
        {
            "id": "parties",
            "heading": _("Parties"),
            "rows": parties,
            "edit_url": "coordination:responsibility_party_edit",
            "move_url": "coordination:responsibility_party_move",
            "delete_url": "coordination:responsibility_party_delete",
            "add_id": "new-party",
            "add_heading": _("Add a party"),
            "add_url": reverse("coordination:responsibility_party_add", args=[municipality.pk]),
            "add_submit": _("Add the party"),
            "form": PartyForm(municipality=municipality, auto_id="id_party_%s"),
        },
    ]
