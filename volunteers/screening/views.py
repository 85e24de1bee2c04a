"""Screening pages for coordinators: roles and what they require, courses and sessions, and on a
volunteer's page their roles, police certificate checks and courses. Also the readiness shown
to volunteer contacts, in the registry and to the volunteers themselves."""

from __future__ import annotations

from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Count, Exists, Min, OuterRef, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods

from coordination.kernel import ui
from coordination.kernel.pagination import IdsFirstPaginator, ids_first_page
from coordination.kernel.permissions import get_for_user, municipality_view
from volunteers.models import (
    Course,
    CourseCompletion,
    CourseSession,
    RoleHolder,
    Volunteer,
    VolunteerRole,
)
from volunteers.registry.forms import VolunteerSearchForm
from volunteers.screening import services as screening
from volunteers.screening.forms import (
    CourseForm,
    CourseSessionForm,
    SessionCompletionsForm,
    VolunteerRoleForm,
)
from volunteers.screening.services import ACTION
from volunteers.screening.starter_roles import starter_choices, starter_role

PAGE_SIZE = 50
# How many names of a session's participants the session page lists.
SESSION_NAMES_SHOWN = 100


def _course(request: HttpRequest, pk: int) -> Course:
    return get_for_user(
        Course.objects.in_municipality(request.municipality), request.user, ACTION, pk=pk
    )


def _session(request: HttpRequest, pk: int) -> CourseSession:
    return get_for_user(
        CourseSession.objects.filter(course__municipality=request.municipality).select_related(
            "course"
        ),
        request.user,
        ACTION,
        via="course__municipality",
        pk=pk,
    )


# --- Roles --------------------------------------------------------------------------------


@municipality_view(ACTION)
@require_http_methods(["GET", "POST"])
def role_list(request: HttpRequest) -> HttpResponse:
    municipality = request.municipality
    language = translation.get_language() or "nb"
    starter = starter_role(request.GET.get("starter", ""), language)
    form = VolunteerRoleForm(request.POST or None, municipality=municipality, initial=starter)
    if done := ui.submit(
        request,
        form,
        lambda data: screening.create_role(municipality=municipality, by=request.user, **data),
    ):
        messages.success(request, _("The role %(name)s is saved.") % {"name": done.value.name})
        return redirect("volunteers:role_list", municipality.pk)
    roles = (
        VolunteerRole.objects.in_municipality(municipality)
        .annotate(holder_count=Count("holders"))
        .prefetch_related("required_courses")
        .order_by("name", "pk")
    )
    return render(
        request,
        "volunteers/role_list.html",
        {
            "municipality": municipality,
            "form": form,
            "page": Paginator(roles, PAGE_SIZE).get_page(request.GET.get("page")),
            "starters": starter_choices(language),
            "starter": starter,
        },
    )


@municipality_view(ACTION)
@require_http_methods(["GET", "POST"])
def role_edit(request: HttpRequest, pk: int) -> HttpResponse:
    municipality = request.municipality
    role = get_for_user(
        VolunteerRole.objects.in_municipality(municipality), request.user, ACTION, pk=pk
    )
    name = role.name  # the form writes what was typed onto the instance, even when refused
    form = VolunteerRoleForm(request.POST or None, instance=role, municipality=municipality)
    if ui.submit(
        request, form, lambda data: screening.update_role(role=role, by=request.user, **data)
    ):
        messages.success(request, _("The role %(name)s is saved.") % {"name": role.name})
        return redirect("volunteers:role_list", municipality.pk)
    return render(
        request,
        "volunteers/role_form.html",
        {
            "municipality": municipality,
            "form": form,
            "name": name,
            "holder_count": RoleHolder.objects.filter(role_id=role.pk).count(),
        },
    )


# --- Courses and sessions -----------------------------------------------------------------


@municipality_view(ACTION)
@require_http_methods(["GET", "POST"])
def course_list(request: HttpRequest) -> HttpResponse:
    municipality = request.municipality
    form = CourseForm(request.POST or None)
    if done := ui.submit(
        request,
        form,
        lambda data: screening.create_course(municipality=municipality, by=request.user, **data),
    ):
        course = done.value
        messages.success(request, _("The course %(name)s is saved.") % {"name": course.name})
        return redirect("volunteers:course_detail", municipality.pk, course.pk)
    courses = (
        Course.objects.in_municipality(municipality)
        .annotate(
            completed_count=Count("completions", distinct=True),
            next_session=Min(
                "sessions__starts_at", filter=Q(sessions__starts_at__gte=timezone.now())
            ),
        )
        .order_by("name", "pk")
    )
    return render(
        request,
        "volunteers/course_list.html",
        {
            "municipality": municipality,
            "form": form,
            "page": Paginator(courses, PAGE_SIZE).get_page(request.GET.get("page")),
        },
    )


@municipality_view(ACTION)
@require_http_methods(["GET", "POST"])
def course_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """The course, its sessions, and a form to add a session."""
    municipality = request.municipality
    course = _course(request, pk)
    form = CourseSessionForm(request.POST or None)
    if ui.submit(
        request, form, lambda data: screening.create_session(course=course, by=request.user, **data)
    ):
        messages.success(request, _("The session is added."))
        return redirect("volunteers:course_detail", municipality.pk, course.pk)
    sessions = course.sessions.annotate(completed_count=Count("completions")).order_by(
        "-starts_at", "pk"
    )
    return render(
        request,
        "volunteers/course_detail.html",
        {
            "municipality": municipality,
            "course": course,
            "form": form,
            "completed_count": course.completions.count(),
            "page": Paginator(sessions, PAGE_SIZE).get_page(request.GET.get("page")),
        },
    )


@municipality_view(ACTION)
@require_http_methods(["GET", "POST"])
def course_edit(request: HttpRequest, pk: int) -> HttpResponse:
    municipality = request.municipality
    course = _course(request, pk)
    name = course.name
    form = CourseForm(request.POST or None, instance=course)
    if ui.submit(
        request, form, lambda data: screening.update_course(course=course, by=request.user, **data)
    ):
        messages.success(request, _("The course %(name)s is saved.") % {"name": course.name})
        return redirect("volunteers:course_detail", municipality.pk, course.pk)
    return ui.form_page(
        request,
        form=form,
        title=_("Change the course %(name)s") % {"name": name},
        submit_label=_("Save"),
        back_url=reverse("volunteers:course_detail", args=[municipality.pk, course.pk]),
    )


@municipality_view(ACTION)
@require_http_methods(["GET", "POST"])
def session_edit(request: HttpRequest, pk: int) -> HttpResponse:
    municipality = request.municipality
    session = _session(request, pk)
    form = CourseSessionForm(request.POST or None, instance=session)
    course_url = reverse("volunteers:course_detail", args=[municipality.pk, session.course_id])
    if ui.submit(
        request,
        form,
        lambda data: screening.update_session(session=session, by=request.user, **data),
    ):
        messages.success(request, _("The session is saved."))
        return redirect(course_url)
    return ui.form_page(
        request,
        form=form,
        title=_("Change a session of %(name)s") % {"name": session.course.name},
        submit_label=_("Save"),
        back_url=course_url,
    )


def _completions_recorded(course: Course, count: int) -> str:
    return ngettext(
        "%(count)s volunteer is now recorded as having completed %(course)s.",
        "%(count)s volunteers are now recorded as having completed %(course)s.",
        count,
    ) % {"course": course.name, "count": count}


def _volunteers_to_tick(request: HttpRequest, course: Course, search: VolunteerSearchForm):
    """The municipality's active volunteers, searched, each marked if they have the course."""
    volunteers = (
        Volunteer.objects.active()
        .filter(municipality=request.municipality)
        .select_related("user")
        .annotate(
            completed=Exists(
                CourseCompletion.objects.filter(course=course, volunteer=OuterRef("pk"))
            )
        )
    )
    if search.is_valid() and (text := search.cleaned_data["q"].strip()):
        volunteers = volunteers.search(text)
    return volunteers.order_by("sort_name", "pk")


@municipality_view(ACTION)
@require_http_methods(["GET", "POST"])
def session_completions(request: HttpRequest, pk: int) -> HttpResponse:
    """Tick who completed a session. The list is searched and paged, so it works whatever the
    number of volunteers."""
    session = _session(request, pk)
    course = session.course
    search = VolunteerSearchForm(request.GET)
    form = SessionCompletionsForm(
        request.POST or None,
        session=session,
        initial={"completed_on": screening.session_day(session)},
    )
    if done := ui.submit(
        request,
        form,
        lambda data: screening.record_completions(session=session, by=request.user, **data),
    ):
        messages.success(request, _completions_recorded(course, done.value))
        return redirect(request.get_full_path())
    # The first names by ids: the people are joined for those rows only, not for every one.
    participants = IdsFirstPaginator(
        session.completions.select_related("volunteer__user").order_by(
            "volunteer__sort_name", "pk"
        ),
        SESSION_NAMES_SHOWN,
    ).page(1)
    return render(
        request,
        "volunteers/session_completions.html",
        {
            "municipality": request.municipality,
            "session": session,
            "course": course,
            "search": search,
            "form": form,
            "ticked": {str(v) for v in form.data.getlist("volunteers")} if form.is_bound else set(),
            # Ids first: the "has the course" mark is computed for the page's rows only.
            "page": ids_first_page(
                _volunteers_to_tick(request, course, search), request, PAGE_SIZE
            ),
            "participant_count": participants.paginator.count,
            "participants": participants.object_list,
        },
    )
