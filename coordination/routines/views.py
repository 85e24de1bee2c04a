"""The routine binder: the list grouped by the 8 steps, a routine and its versions, writing and
approving, owner and co-authors, and copying Samspill's starter routines. Everyone with a role
in the municipality reads approved routines; coordinators and named co-authors write."""

from __future__ import annotations

from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods

from coordination.kernel import ui
from coordination.kernel.dates import add_months
from coordination.kernel.permissions import (
    ROUTINE_CO_AUTHOR_ROLES,
    can,
    get_for_user,
    has_role,
    municipality_view,
)
from coordination.kernel.steps import STEP_DESCRIPTIONS, Step
from coordination.routines import services
from coordination.routines.forms import (
    ApproveRoutineForm,
    RoutineFilterForm,
    RoutineForm,
    RoutinePeopleForm,
    StarterRoutinesForm,
)
from coordination.routines.models import Routine, RoutineVersion
from coordination.routines.permissions import can_edit_routine

PAGE_SIZE = 50
READ, MANAGE = "view_routines", "manage_routines"
# Earlier versions and what changed: people with a role, not volunteers (approved text only).
HISTORY = "view_routine_history"


def _visible(request: HttpRequest):
    """The routines this person may open: all of them for coordinators; for others those in
    the binder (approved) and the drafts they co-author."""
    routines = Routine.objects.filter(municipality=request.municipality)
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


@municipality_view(MANAGE)
@require_http_methods(["GET", "POST"])
def routine_starters(request: HttpRequest) -> HttpResponse:
    """Samspill's starter routines: tick some to copy them into the binder as drafts."""
    municipality = request.municipality
    language = services.starter_language(request.user)
    form = StarterRoutinesForm(
        request.POST if request.method == "POST" else None, language=language
    )
    if done := ui.submit(
        request,
        form,
        lambda data: services.copy_starter_routines(
            municipality=municipality, by=request.user, keys=data["keys"]
        ),
    ):
        _say_copied(request, *done.value)
        return redirect("coordination:routine_list", municipality.pk)
    return render(
        request,
        "coordination/routines/routine_starters.html",
        {
            "municipality": municipality,
            "form": form,
            "starters": services.starters_for(municipality, language),
            "language": language,
        },
    )


def _say_copied(request: HttpRequest, copied: list[Routine], skipped: list[str]) -> None:
    if copied:
        messages.success(
            request,
            ngettext(
                "%(count)s routine is copied into the binder as a draft.",
                "%(count)s routines are copied into the binder as drafts.",
                len(copied),
            )
            % {"count": len(copied)},
        )
    if skipped:
        messages.info(
            request,
            ngettext(
                "%(count)s was skipped: the binder has it already.",
                "%(count)s were skipped: the binder has them already.",
                len(skipped),
            )
            % {"count": len(skipped)},
        )
