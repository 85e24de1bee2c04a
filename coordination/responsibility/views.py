"""The responsibility map: read as a grid by coordinators, volunteer contacts and partner
representatives; edited as one grid by coordinators, who also add, rename, reorder and remove
its tasks and parties. The map is made from the starter set when a coordinator first opens it;
until then the readers are told that there is none yet."""

from __future__ import annotations

from django.contrib import messages
from django.forms import BaseForm
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from coordination.kernel import ui
from coordination.kernel.permissions import can, get_for_user, municipality_view
from coordination.responsibility import services
from coordination.responsibility.forms import GridForm, PartyForm, TaskForm, cell_name
from coordination.responsibility.models import (
    ROLE_ABBREVIATIONS,
    ROLE_EXPLANATIONS,
    ResponsibilityAssignment,
    ResponsibilityParty,
    ResponsibilityRole,
    ResponsibilityTask,
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


# --- Tasks and parties -------------------------------------------------------------------


def _row(request: HttpRequest, model: type[ResponsibilityTask | ResponsibilityParty], pk: int):
    """A task or a party of this municipality's map (404 elsewhere)."""
    return get_for_user(
        model.objects.filter(map__municipality=request.municipality).select_related("map"),
        request.user,
        ACTION,
        via="map__municipality",
        pk=pk,
    )


def _back(request: HttpRequest) -> str:
    return reverse("coordination:responsibility_map_edit", args=[request.municipality.pk])


def _back_to(request: HttpRequest, row) -> str:
    """The edit page, at the list the row is in."""
    return _back(request) + ("#tasks" if isinstance(row, ResponsibilityTask) else "#parties")


def _saved(request: HttpRequest, row, done: str) -> HttpResponse:
    """Say which task or party was saved (``done`` names it) and go back to the edit page."""
    messages.success(request, done % {"name": row})
    return redirect(_back_to(request, row))


def _row_page(request: HttpRequest, form: BaseForm, **page) -> HttpResponse:
    """A task's or a party's form on a page of its own."""
    return ui.form_page(
        request,
        form=form,
        back_url=_back(request),
        back_label=_("Back to the responsibility map"),
        **page,
    )


def _remove_page(
    request: HttpRequest,
    model: type[ResponsibilityTask | ResponsibilityParty],
    pk: int,
    *,
    done: str,
    title: str,
    question: str,
    submit_label: str,
) -> HttpResponse:
    """Ask before removing a task or a party; on POST remove it, then back to the edit page.
    ``done``, ``title`` and ``question`` name the row with ``%(name)s``."""
    row = _row(request, model, pk)
    named = {"name": row}
    return ui.confirm_then(
        request,
        do=lambda: services.delete_row(row=row, by=request.user),
        done=done % named,
        then=_back_to(request, row),
        back_url=_back(request),
        title=title % named,
        question=question % named,
        submit_label=submit_label,
    )


@municipality_view(ACTION)
@require_http_methods(["GET", "POST"])
def responsibility_task_add(request: HttpRequest) -> HttpResponse:
    map_ = services.map_for(request.municipality)
    form = TaskForm(request.POST or None)
    if done := ui.submit(
        request,
        form,
        lambda data: services.create_task(map_=map_, by=request.user, name=data["name"]),
    ):
        return _saved(request, done.value, _("The task %(name)s is added."))
    return _row_page(
        request,
        form,
        title=_("Add a task to the responsibility map"),
        submit_label=_("Add the task"),
    )


@municipality_view(ACTION)
@require_http_methods(["GET", "POST"])
def responsibility_task_edit(request: HttpRequest, pk: int) -> HttpResponse:
    task = _row(request, ResponsibilityTask, pk)
    shown = task.display_name
    form = TaskForm(request.POST or None, instance=task)
    if done := ui.submit(
        request,
        form,
        lambda data: services.rename_task(task=task, by=request.user, name=data["name"]),
    ):
        return _saved(request, done.value, _("The task %(name)s is saved."))
    return _row_page(
        request,
        form,
        title=_("Rename the task %(name)s") % {"name": shown},
        submit_label=_("Save"),
        delete_url=reverse(
            "coordination:responsibility_task_delete", args=[request.municipality.pk, task.pk]
        ),
    )


def _move(request: HttpRequest, row) -> HttpResponse:
    direction = request.POST.get("direction", "")
    ui.attempt(request, lambda: services.move_row(row=row, by=request.user, direction=direction))
    return redirect(_back_to(request, row))


@municipality_view(ACTION)
@require_POST
def responsibility_task_move(request: HttpRequest, pk: int) -> HttpResponse:
    return _move(request, _row(request, ResponsibilityTask, pk))


@municipality_view(ACTION)
@require_POST
def responsibility_party_move(request: HttpRequest, pk: int) -> HttpResponse:
    return _move(request, _row(request, ResponsibilityParty, pk))


@municipality_view(ACTION)
@require_http_methods(["GET", "POST"])
def responsibility_task_delete(request: HttpRequest, pk: int) -> HttpResponse:
    return _remove_page(
        request,
        ResponsibilityTask,
        pk,
        done=_("The task %(name)s is removed."),
        title=_("Remove the task %(name)s"),
        question=_(
            "Do you want to remove the task %(name)s from the responsibility map, with who "
            "does what for it?"
        ),
        submit_label=_("Yes, remove the task"),
    )


@municipality_view(ACTION)
@require_http_methods(["GET", "POST"])
def responsibility_party_add(request: HttpRequest) -> HttpResponse:
    municipality = request.municipality
    map_ = services.map_for(municipality)
    form = PartyForm(request.POST or None, municipality=municipality)
    if done := ui.submit(
        request,
        form,
        lambda data: services.create_party(
            map_=map_,
            by=request.user,
            name=data.get("name") or "",
            unit=data.get("unit"),
            partner=data.get("partner"),
        ),
    ):
        return _saved(request, done.value, _("The party %(name)s is added."))
    return _row_page(
        request,
        form,
        title=_("Add a party to the responsibility map"),
        submit_label=_("Add the party"),
    )


@municipality_view(ACTION)
@require_http_methods(["GET", "POST"])
def responsibility_party_edit(request: HttpRequest, pk: int) -> HttpResponse:
    municipality = request.municipality
    party = _row(request, ResponsibilityParty, pk)
    shown = party.display_name
    form = PartyForm(request.POST or None, instance=party, municipality=municipality)
    if done := ui.submit(
        request,
        form,
        lambda data: services.update_party(
            party=party,
            by=request.user,
            name=data.get("name") or shown,
            unit=data.get("unit"),
            partner=data.get("partner"),
        ),
    ):
        return _saved(request, done.value, _("The party %(name)s is saved."))
    return _row_page(
        request,
        form,
        title=_("Change the party %(name)s") % {"name": shown},
        submit_label=_("Save"),
        delete_url=reverse(
            "coordination:responsibility_party_delete", args=[municipality.pk, party.pk]
        ),
    )


@municipality_view(ACTION)
@require_http_methods(["GET", "POST"])
def responsibility_party_delete(request: HttpRequest, pk: int) -> HttpResponse:
    return _remove_page(
        request,
        ResponsibilityParty,
        pk,
        done=_("The party %(name)s is removed."),
        title=_("Remove the party %(name)s"),
        question=_(
            "Do you want to remove %(name)s from the responsibility map, with what it does "
            "for each task?"
        ),
        submit_label=_("Yes, remove the party"),
    )
