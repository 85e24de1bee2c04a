"""What screening (roles, police certificates and courses) gives the rest of the portal: course
sessions on the annual wheel, the introductory course as staircase evidence, links on the
coordination overview and the volunteer's roles and courses in their data export."""

from __future__ import annotations

from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from coordination.kernel.account_data import coded, when
from coordination.kernel.contributions import Evidence, WheelEntry, contribute
from coordination.kernel.permissions import can
from volunteers.models import CertificateKind, CourseSession, Volunteer

contribute.wheel_category("course_session", gettext_lazy("Courses for volunteers"), order=50)


@contribute.wheel_source
def course_sessions(municipality, year: int, months: range) -> list[WheelEntry]:
    sessions = CourseSession.objects.filter(
        course__municipality=municipality, starts_at__year=year
    ).select_related("course")
    return [
        WheelEntry(
            date=timezone.localtime(session.starts_at).date(),
            title=session.course.name,
            category="course_session",
            url=reverse("volunteers:course_detail", args=[municipality.pk, session.course_id]),
            action="manage_screening",
        )
        for session in sessions
    ]


@contribute.evidence("intro_course_this_year")
def intro_course_this_year(municipality) -> Evidence:
    now = timezone.now()
    sessions = CourseSession.objects.filter(
        course__municipality=municipality,
        course__is_introductory=True,
        starts_at__year=timezone.localdate().year,
    )
    held = sessions.filter(starts_at__lte=now).order_by("-starts_at").first()
    url = reverse("volunteers:course_list", args=[municipality.pk])
    if held:
        return Evidence(True, _("An introductory course was held on %(date)s.") % _on(held), url)
    planned = sessions.order_by("starts_at").first()
    if planned:
        return Evidence(
            False, _("An introductory course is planned for %(date)s.") % _on(planned), url
        )
    return Evidence(False, _("No introductory course has been held this year."), url)


def _on(session: CourseSession) -> dict:
    return {"date": date_format(timezone.localtime(session.starts_at).date(), "j. F Y")}


@contribute.overview_links(order=60)
def screening_links(request, municipality) -> list[tuple[str, str]]:
    if not can(request.user, "manage_screening", municipality):
        return []
    return [
        (
            reverse("volunteers:role_list", args=[municipality.pk]),
            _("Volunteer roles and what they require"),
        ),
        (
            reverse("volunteers:course_list", args=[municipality.pk]),
            _("Courses for volunteers, and who has completed them"),
        ),
    ]


@contribute.export_section(
    "volunteer_screening",
    title=gettext_lazy("Your roles, police certificate checks and courses"),
    order=30,
)
def export_screening(user) -> list[dict]:
    """The volunteer's roles, police certificate checks (that they were seen, never what they
    said) and courses; one entry per municipality they volunteer in."""
    return [
        _export_membership_screening(volunteer)
        for volunteer in Volunteer.objects.filter(user=user)
        .select_related("municipality")
        .order_by("created_at", "pk")
    ]


def _export_membership_screening(volunteer: Volunteer) -> dict:
    holders = volunteer.roles.select_related("role").prefetch_related("certificate_checks")
    return {
        "municipality": volunteer.municipality.name,
        "roles": [
            {
                "role": holder.role.name,
                "since": when(holder.since),
                "police_certificate_checks": [
                    {
                        "kind": coded(check.kind, CertificateKind),
                        "presented_on": when(check.presented_on),
                        "approved": check.approved,
                        "renew_by": when(check.renew_by),
                    }
                    for check in holder.certificate_checks.all()
                ],
            }
            for holder in holders
        ],
        "courses_completed": [
            {"course": c.course.name, "completed_on": when(c.completed_on)}
            for c in volunteer.completions.select_related("course")
        ],
    }
