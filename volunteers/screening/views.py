"""Screening pages for coordinators: roles and what they require, courses and sessions, and on a
volunteer's page their roles, police certificate checks and courses. Also the readiness shown
to volunteer contacts, in the registry and to the volunteers themselves."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import Count, Exists, Min, OuterRef, Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods

from coordination.kernel.forms import add_service_errors
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
from volunteers.screening.starter_roles import starter_choices, starter_role

PAGE_SIZE = 50
# How many names of a session's participants the session page lists.
SESSION_NAMES_SHOWN = 100

ACTION = "manage_screening"


def _course(request: HttpRequest, pk: int) -> Course:
    return get_for_user(
        Course.objects.filter(municipality=request.municipality), request.user, ACTION, pk=pk
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


def form_page(request: HttpRequest, **context) -> HttpResponse:
    """One form on a page of its own: what the small forms on a volunteer's page show when
    opened alone, or when what was sent needs correcting."""
    return render(
        request, "volunteers/screening_form.html", {"municipality": request.municipality, **context}
    )


# --- Roles --------------------------------------------------------------------------------


def _role_fields(form: VolunteerRoleForm) -> dict:
    data = form.cleaned_data
    return {
        "name": data["name"],
        "interest": data.get("interest") or "",
        "what_you_do": data.get("what_you_do") or "",
        "what_you_do_not_do": data.get("what_you_do_not_do") or "",
        "requires_certificate": bool(data.get("requires_certificate")),
        "certificate_kinds": data.get("certificate_kinds") or [],
        "certificate_legal_basis": data.get("certificate_legal_basis") or "",
        "certificate_valid_months": data.get("certificate_valid_months"),
        "required_courses": data.get("required_courses") or [],
    }


@municipality_view(ACTION)
@require_http_methods(["GET", "POST"])
def role_list(request: HttpRequest) -> HttpResponse:
    municipality = request.municipality
    language = translation.get_language() or "nb"
    starter = starter_role(request.GET.get("starter", ""), language)
    form = VolunteerRoleForm(request.POST or None, municipality=municipality, initial=starter)
    if request.method == "POST" and form.is_valid():
        try:
            role = screening.save_role(
                municipality=municipality, by=request.user, **_role_fields(form)
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The role %(name)s is saved.") % {"name": role.name})
            return redirect("volunteers:role_list", municipality.pk)
    roles = (
        VolunteerRole.objects.filter(municipality=municipality)
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
        VolunteerRole.objects.filter(municipality=municipality), request.user, ACTION, pk=pk
    )
    name = role.name  # the form writes what was typed onto the instance, even when refused
    form = VolunteerRoleForm(request.POST or None, instance=role, municipality=municipality)
    if request.method == "POST" and form.is_valid():
        try:
            screening.save_role(
                municipality=municipality, by=request.user, role=role, **_role_fields(form)
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
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


def _course_fields(form: CourseForm) -> dict:
    data = form.cleaned_data
    return {
        "name": data["name"],
        "description": data.get("description") or "",
        "is_introductory": bool(data.get("is_introductory")),
    }


@municipality_view(ACTION)
@require_http_methods(["GET", "POST"])
def course_list(request: HttpRequest) -> HttpResponse:
    municipality = request.municipality
    form = CourseForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            course = screening.save_course(
                municipality=municipality, by=request.user, **_course_fields(form)
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The course %(name)s is saved.") % {"name": course.name})
            return redirect("volunteers:course_detail", municipality.pk, course.pk)
    courses = (
        Course.objects.filter(municipality=municipality)
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
    if request.method == "POST" and form.is_valid():
        try:
            screening.save_session(
                course=course,
                by=request.user,
                starts_at=form.cleaned_data["starts_at"],
                place=form.cleaned_data.get("place") or "",
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
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
    if request.method == "POST" and form.is_valid():
        try:
            screening.save_course(
                municipality=municipality, by=request.user, course=course, **_course_fields(form)
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The course %(name)s is saved.") % {"name": course.name})
            return redirect("volunteers:course_detail", municipality.pk, course.pk)
    return form_page(
        request,
        form=form,
        title=_("Change the course %(name)s") % {"name": name},
        submit=_("Save"),
        cancel_url=reverse("volunteers:course_detail", args=[municipality.pk, course.pk]),
    )


@municipality_view(ACTION)
@require_http_methods(["GET", "POST"])
def session_edit(request: HttpRequest, pk: int) -> HttpResponse:
    municipality = request.municipality
    session = _session(request, pk)
    form = CourseSessionForm(request.POST or None, instance=session)
    course_url = reverse("volunteers:course_detail", args=[municipality.pk, session.course_id])
    if request.method == "POST" and form.is_valid():
        try:
            screening.save_session(
                course=session.course,
                by=request.user,
                session=session,
                starts_at=form.cleaned_data["starts_at"],
                place=form.cleaned_data.get("place") or "",
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The session is saved."))
            return redirect(course_url)
    return form_page(
        request,
        form=form,
        title=_("Change a session of %(name)s") % {"name": session.course.name},
        submit=_("Save"),
        cancel_url=course_url,
    )


@municipality_view(ACTION)
@require_http_methods(["GET", "POST"])
def session_completions(request: HttpRequest, pk: int) -> HttpResponse:
    """Tick who completed a session. The list is searched and paged, so it works whatever the
    number of volunteers."""
    municipality = request.municipality
    session = _session(request, pk)
    course = session.course
    search = VolunteerSearchForm(request.GET)
    form = SessionCompletionsForm(
        request.POST or None,
        session=session,
        initial={"completed_on": screening.session_day(session)},
    )
    if request.method == "POST" and form.is_valid():
        try:
            recorded = screening.record_completions(
                session=session,
                volunteers=form.cleaned_data["volunteers"],
                completed_on=form.cleaned_data["completed_on"],
                by=request.user,
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request,
                ngettext(
                    "%(count)s volunteer is now recorded as having completed %(course)s.",
                    "%(count)s volunteers are now recorded as having completed %(course)s.",
                    recorded,
                )
                % {"course": course.name, "count": recorded},
            )
            return redirect(request.get_full_path())
    volunteers = (
        Volunteer.objects.active()
        .filter(municipality=municipality)
        .select_related("user")
        .annotate(
            completed=Exists(
                CourseCompletion.objects.filter(course=course, volunteer=OuterRef("pk"))
            )
        )
    )
    if search.is_valid() and (text := search.cleaned_data["q"].strip()):
        volunteers = volunteers.search(text)
    participants = session.completions.select_related("volunteer__user").order_by(
        "volunteer__sort_name", "pk"
    )
    return render(
        request,
        "volunteers/session_completions.html",
        {
            "municipality": municipality,
            "session": session,
            "course": course,
            "search": search,
            "form": form,
            "ticked": {str(v) for v in form.data.getlist("volunteers")} if form.is_bound else set(),
            "page": Paginator(volunteers.order_by("sort_name", "pk"), PAGE_SIZE).get_page(
                request.GET.get("page")
            ),
            "participant_count": participants.count(),
            "participants": participants[:SESSION_NAMES_SHOWN],
        },
    )
