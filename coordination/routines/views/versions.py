"""A routine's earlier versions and what changed between them: people with a role, not
volunteers (those who cannot edit read the approved versions only)."""

from __future__ import annotations

from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_http_methods

from coordination.kernel.permissions import can, get_for_user, municipality_view
from coordination.routines import services
from coordination.routines.models import Routine, RoutineVersion
from coordination.routines.permissions import can_edit_routine
from coordination.routines.views.binder import HISTORY, MANAGE, PAGE_SIZE, READ, _routine, _visible


def _readable_versions(request: HttpRequest, routine: Routine):
    versions = routine.versions.select_related("changed_by").defer("body")
    if can_edit_routine(request.user, routine) or can(request.user, MANAGE, routine):
        return versions
    if routine.approved_version is None:  # a draft: nothing to read for those who cannot edit
        return versions.none()
    return versions.filter(number__lte=routine.approved_version.number)


@municipality_view(HISTORY)
@require_http_methods(["GET"])
def routine_versions(request: HttpRequest, pk: int) -> HttpResponse:
    routine = _routine(request, pk)
    versions = _readable_versions(request, routine).order_by("-number")
    return render(
        request,
        "coordination/routines/routine_versions.html",
        {
            "municipality": request.municipality,
            "routine": routine,
            "page": Paginator(versions, PAGE_SIZE).get_page(request.GET.get("page")),
        },
    )


@municipality_view(HISTORY)
@require_http_methods(["GET"])
def routine_version_detail(request: HttpRequest, pk: int) -> HttpResponse:
    version = get_for_user(
        RoutineVersion.objects.filter(routine__in=_visible(request).values("pk")).select_related(
            "routine", "changed_by"
        ),
        request.user,
        READ,
        via="routine__municipality",
        pk=pk,
    )
    routine = version.routine
    readable = _readable_versions(request, routine)
    if not readable.filter(pk=version.pk).exists():
        raise Http404
    previous = readable.filter(number__lt=version.number).order_by("-number").first()
    if previous is not None:
        previous = RoutineVersion.objects.get(pk=previous.pk)  # with its body
    return render(
        request,
        "coordination/routines/routine_version.html",
        {
            "municipality": request.municipality,
            "routine": routine,
            "version": version,
            "paragraphs": [p for p in version.body.split("\n\n") if p],
            "previous": previous,
            "diff": services.diff_versions(previous, version) if previous else [],
            "is_approved": routine.approved_version_id == version.pk,
        },
    )
