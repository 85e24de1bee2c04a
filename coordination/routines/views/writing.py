"""Writing a routine, approving it, choosing its owner and co-authors, and archiving it:
coordinators, and named co-authors for the text."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from coordination.kernel import ui
from coordination.kernel.dates import add_months
from coordination.kernel.permissions import can, municipality_view
from coordination.kernel.steps import Step
from coordination.routines import services
from coordination.routines.forms import ApproveRoutineForm, RoutineForm, RoutinePeopleForm
from coordination.routines.models import Routine
from coordination.routines.permissions import can_edit_routine
from coordination.routines.views.binder import MANAGE, READ, _routine


def _routine_page(
    request: HttpRequest, template: str, routine: Routine | None, **context
) -> HttpResponse:
    """One of the pages for writing a routine (its form, approval, owner and co-authors);
    ``routine`` is None for a new one."""
    return render(
        request,
        f"coordination/routines/{template}",
        {"municipality": request.municipality, "routine": routine, **context},
    )


def _back_to_routine(request: HttpRequest, routine: Routine, message: str) -> HttpResponse:
    """Say what was saved and go back to the routine."""
    messages.success(request, message)
    return redirect("coordination:routine_detail", request.municipality.pk, routine.pk)


def _routine_fields(data: dict) -> dict:
    """What the routine form gives the services; a co-author's form has no step or topic
    (None: they stay as they are)."""
    return {
        "title": data["title"],
        "body": data["body"],
        "note": data.get("note") or "",
        "step": data.get("step"),
        "topic": data.get("topic"),
    }


@municipality_view(MANAGE)
@require_http_methods(["GET", "POST"])
def routine_create(request: HttpRequest) -> HttpResponse:
    municipality = request.municipality
    form = RoutineForm(
        request.POST if request.method == "POST" else None, initial={"step": Step.DEVELOP_ROUTINES}
    )
    if done := ui.submit(
        request,
        form,
        lambda data: services.create_routine(
            municipality=municipality, by=request.user, **_routine_fields(data)
        ),
    ):
        return _back_to_routine(request, done.value, _("The routine is saved as a draft."))
    return _routine_page(request, "routine_form.html", None, form=form)


@municipality_view(READ)
@require_http_methods(["GET", "POST"])
def routine_edit(request: HttpRequest, pk: int) -> HttpResponse:
    """A new version. Co-authors change the text; coordinators also the step and topic."""
    routine = _routine(request, pk)
    if not can_edit_routine(request.user, routine):
        raise Http404
    manager = can(request.user, MANAGE, routine)
    latest = routine.versions.order_by("-number").first()
    initial = {"title": latest.title if latest else routine.title,
               "body": latest.body if latest else "", "step": routine.step,
               "topic": routine.topic}  # fmt: skip
    form = RoutineForm(
        request.POST if request.method == "POST" else None, initial=initial, may_place=manager
    )
    if done := ui.submit(
        request,
        form,
        lambda data: services.edit_routine(
            routine=routine, by=request.user, **_routine_fields(data)
        ),
    ):
        return _back_to_routine(
            request,
            routine,
            _("Version %(number)s is saved. A coordinator approves it before others read it.")
            % {"number": done.value.number},
        )
    return _routine_page(request, "routine_form.html", routine, form=form)


@municipality_view(MANAGE)
@require_http_methods(["GET", "POST"])
def routine_approve(request: HttpRequest, pk: int) -> HttpResponse:
    routine = _routine(request, pk)
    latest = routine.versions.order_by("-number").first()
    form = ApproveRoutineForm(
        request.POST if request.method == "POST" else None,
        initial={"next_review": add_months(timezone.localdate(), services.REVIEW_AFTER_MONTHS)},
    )
    if ui.submit(
        request,
        form,
        lambda data: services.approve_routine(
            routine=routine, by=request.user, next_review=data["next_review"]
        ),
    ):
        return _back_to_routine(request, routine, _("The routine is approved and in the binder."))
    return _routine_page(request, "routine_approve.html", routine, latest=latest, form=form)


@municipality_view(MANAGE)
@require_http_methods(["GET", "POST"])
def routine_people(request: HttpRequest, pk: int) -> HttpResponse:
    routine = _routine(request, pk)
    form = RoutinePeopleForm(
        request.POST if request.method == "POST" else None,
        routine=routine,
        initial={"owner": routine.owner_id, "co_authors": list(routine.co_authors.all())},
    )
    if ui.submit(
        request,
        form,
        lambda data: services.set_routine_people(
            routine=routine, by=request.user, owner=data["owner"], co_authors=data["co_authors"]
        ),
    ):
        return _back_to_routine(request, routine, _("The owner and co-authors are saved."))
    return _routine_page(request, "routine_people.html", routine, form=form)


@municipality_view(MANAGE)
@require_http_methods(["GET", "POST"])
def routine_archive(request: HttpRequest, pk: int) -> HttpResponse:
    routine = _routine(request, pk)
    return ui.confirm_then(
        request,
        do=lambda: services.archive_routine(routine=routine, by=request.user),
        done=_("The routine is archived. Its versions are kept."),
        then=reverse("coordination:routine_list", args=[request.municipality.pk]),
        title=_("Archive the routine"),
        question=_(
            "Do you want to take %(title)s out of the binder? Its versions are kept and can "
            "still be read by coordinators."
        )
        % {"title": routine.title},
        submit_label=_("Yes, archive it"),
        back_url=reverse("coordination:routine_detail", args=[request.municipality.pk, routine.pk]),
    )
