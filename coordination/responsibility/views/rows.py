"""The responsibility map's rows: a coordinator adds, renames, reorders and removes its tasks
and parties, each on a page of its own."""

from __future__ import annotations

from django.contrib import messages
from django.forms import BaseForm
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from coordination.kernel import ui
from coordination.kernel.permissions import get_for_user, municipality_view
from coordination.responsibility import services
from coordination.responsibility.forms import PartyForm, TaskForm
from coordination.responsibility.models import (
    ResponsibilityParty,
    ResponsibilityTask,
)
from coordination.responsibility.services import ACTION


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
