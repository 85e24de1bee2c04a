"""The binder's list grouped by the 8 steps, and a routine's page: everyone with a role in the
municipality reads approved routines; coordinators and named co-authors also their drafts. The
access rules and the routine lookup the other views share are here."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.db.models import Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_http_methods

from coordination.kernel.permissions import (
    ROUTINE_CO_AUTHOR_ROLES,
    can,
    get_for_user,
    has_role,
    municipality_view,
)
from coordination.kernel.steps import STEP_DESCRIPTIONS
from coordination.routines.forms import RoutineFilterForm
from coordination.routines.models import Routine, RoutineVersion
from coordination.routines.permissions import can_edit_routine

PAGE_SIZE = 50
READ, MANAGE = "view_routines", "manage_routines"
# Earlier versions and what changed: people with a role, not volunteers (approved text only).
HISTORY = "view_routine_history"


def _visible(request: HttpRequest):
    """The routines this person may open: all of them for coordinators; for others those in
    the binder (approved) and the drafts they co-author."""
    routines = Routine.objects.in_municipality(request.municipality)
    if can(request.user, MANAGE, request.municipality):
        return routines
    approved = Q(approved_version__isnull=False)
    # A co-author sees the drafts only while they hold a co-author's role there (a former
    # volunteer contact no longer does: 404, and never the draft's title).
    if has_role(request.user, request.municipality, *ROUTINE_CO_AUTHOR_ROLES):
        approved |= Q(co_authors=request.user)
    return routines.current().filter(approved).distinct()


def _routine(request: HttpRequest, pk: int) -> Routine:
    return get_for_user(
        _visible(request).select_related("owner", "approved_by", "approved_version"),
        request.user,
        READ,
        pk=pk,
    )


def _shown_version(routine: Routine, editor: bool) -> RoutineVersion | None:
    """Editors read the latest version; everyone else the approved one."""
    if editor:
        return routine.versions.select_related("changed_by").order_by("-number").first()
    return routine.approved_version


def _filtered(routines, form: RoutineFilterForm, today):
    """The routines the filter asks for; those in use (not archived) when it asks nothing."""
    if not (form.is_bound and form.is_valid()):
        return routines.current()
    data = form.cleaned_data
    if data["topic"]:
        routines = routines.filter(topic=data["topic"])
    status = data["status"]
    routines = routines.filter(status=status) if status else routines.current()
    if data["due"]:
        routines = routines.due_for_review(today)
    if data["overdue"]:
        routines = routines.overdue_for_review(today)
    return routines


@municipality_view(READ)
@require_http_methods(["GET"])
def routine_list(request: HttpRequest) -> HttpResponse:
    municipality = request.municipality
    today = timezone.localdate()
    form = RoutineFilterForm(request.GET or None)
    routines = _visible(request).select_related("owner", "approved_by", "approved_version")
    routines = routines.defer("approved_version__body")
    manager = can(request.user, MANAGE, municipality)
    routines = _filtered(routines, form, today)
    page = Paginator(routines.order_by("step", "title", "pk"), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    co_authored = (
        set(request.user.co_authored_routines.values_list("pk", flat=True))
        if not manager and has_role(request.user, municipality, *ROUTINE_CO_AUTHOR_ROLES)
        else set()
    )
    for routine in page.object_list:
        # Readers see the approved version only: its number and title, never a draft's.
        routine.sees_draft = manager or routine.pk in co_authored or not routine.approved_version
        routine.shown_number = (
            routine.version_number if routine.sees_draft else routine.approved_version.number
        )
        routine.shown_title = (
            routine.title if routine.sees_draft else routine.approved_version.title
        )
        routine.overdue = routine.is_overdue(today)
    return render(
        request,
        "coordination/routines/routine_list.html",
        {
            "municipality": municipality,
            "form": form,
            "page": page,
            "may_manage": manager,
            "filtered": form.is_bound and form.is_valid() and any(form.cleaned_data.values()),
            "step_descriptions": {int(step): text for step, text in STEP_DESCRIPTIONS.items()},
            "today": today,
        },
    )


@municipality_view(READ)
@require_http_methods(["GET"])
def routine_detail(request: HttpRequest, pk: int) -> HttpResponse:
    routine = _routine(request, pk)
    editor = can_edit_routine(request.user, routine)
    version = _shown_version(routine, editor)
    return render(
        request,
        "coordination/routines/routine_detail.html",
        {
            "municipality": request.municipality,
            "routine": routine,
            "version": version,
            "paragraphs": [p for p in (version.body.split("\n\n") if version else []) if p],
            "co_authors": routine.co_authors.order_by("full_name"),
            "may_edit": editor,
            "may_manage": can(request.user, MANAGE, routine),
            "may_read_history": can(request.user, HISTORY, routine),
            "step_description": STEP_DESCRIPTIONS.get(routine.step, ""),
            "overdue": routine.is_overdue(timezone.localdate()),
        },
    )
