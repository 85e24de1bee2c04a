"""What the volunteers app gives coordination's dashboard, annual wheel and involvement staircase
(registered in ``VolunteersConfig.ready()``; coordination never imports this app)."""

from __future__ import annotations

from django.db.models import Count, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from coordination.kernel import contributions
from coordination.kernel.contributions import DashboardPanel, Evidence, WheelEntry
from coordination.kernel.permissions import can, scope_to_user
from volunteers.models import CourseSession, HoursEntry, HoursStatus, Need, NeedStatus, Volunteer
from volunteers.profile.services import current_declaration
from volunteers.screening.readiness import readiness_counts

# Share of active volunteers who must have signed the current declaration for the staircase.
SIGNED_SHARE_NEEDED = 0.8
FIGURES_TEMPLATE = "coordination/partials/_dashboard_figures.html"


def _url(name: str, municipality, **query) -> str:
    url = reverse(name, args=[municipality.pk])
    return f"{url}?{urlencode(query)}" if query else url


def volunteer_places(user) -> list[str]:
    """Numbers of the municipalities where ``user`` is an active volunteer (for the permission
    rules that let volunteers in)."""
    return list(
        Volunteer.objects.active().filter(user=user).values_list("municipality_id", flat=True)
    )


def export_volunteer_units(user) -> list[str] | None:
    """For the person's own data: the units a coordinator linked them to (whose volunteer
    contacts see them)."""
    volunteer = Volunteer.objects.filter(user=user).first()
    if volunteer is None:
        return None
    return [link.unit.name for link in volunteer.unit_links.select_related("unit")]


# --- the dashboard ---------------------------------------------------------------------------


def volunteers_panel(request, municipality) -> DashboardPanel | None:
    """Active volunteers, how many are ready for their roles, and what screening is missing."""
    if not can(request.user, "view_volunteers", municipality):
        return None
    # A volunteer contact counts the volunteers of their units, as their registry lists.
    active = scope_to_user(
        Volunteer.objects.filter(municipality=municipality), request.user, "view_volunteers"
    ).active()
    declaration = current_declaration(municipality.pk)
    not_signed = (
        active.annotate_signed_current(declaration.pk).filter(signed_current=False).count()
        if declaration
        else None
    )
    with_roles, missing = readiness_counts(municipality.pk, volunteers=active)
    registry = "volunteers:registry"
    figures = [(active.count(), _("active volunteers"), _url(registry, municipality))]
    if with_roles:
        figures += [
            (
                with_roles - missing,
                _("ready for all their roles"),
                _url(registry, municipality, readiness="ready"),
            ),
            (
                missing,
                _("missing something for a role (declaration, police certificate or course)"),
                _url(registry, municipality, readiness="missing"),
            ),
        ]
    if not_signed is not None:
        figures.append(
            (
                not_signed,
                _("have not signed the current confidentiality declaration"),
                _url(registry, municipality, declaration="missing"),
            )
        )
    if can(request.user, "manage_hours", municipality):
        waiting = HoursEntry.objects.filter(
            municipality=municipality, status=HoursStatus.PENDING
        ).count()
        figures.append(
            (
                waiting,
                _("hours entries waiting for approval"),
                _url("volunteers:hours_manage", municipality),
            )
        )
    return DashboardPanel(
        20, FIGURES_TEMPLATE, {"title": _("Volunteers"), "figures": figures, "empty": None}
    )


def needs_panel(request, municipality) -> DashboardPanel | None:
    """Open needs by step of the method (Vennesla), each linking to the list of that step."""
    if not can(request.user, "report_needs", municipality):
        return None
    counts = dict(
        Need.objects.filter(municipality=municipality)
        .exclude(status=NeedStatus.CLOSED)
        .order_by()
        .values_list("status")
        .annotate(n=Count("pk"))
    )
    figures = [
        (counts.get(value, 0), label, _url("volunteers:need_list", municipality, step=value))
        for value, label in NeedStatus.choices
        if value != NeedStatus.CLOSED
    ]
    return DashboardPanel(
        30,
        FIGURES_TEMPLATE,
        {
            "title": _("Open needs, by step"),
            "figures": figures,
            "total": sum(counts.values()),
            "empty": _("No open needs.") if not counts else None,
        },
    )


# --- the annual wheel ------------------------------------------------------------------------


def course_sessions(municipality, year: int) -> list[WheelEntry]:
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


# --- evidence for the involvement staircase --------------------------------------------------


def volunteers_registered(municipality) -> Evidence:
    count = Volunteer.objects.filter(municipality=municipality).active().count()
    return Evidence(
        met=count > 0,
        summary=ngettext(
            "%(count)d active volunteer is registered.",
            "%(count)d active volunteers are registered.",
            count,
        )
        % {"count": count},
        url=_url("volunteers:registry", municipality),
    )


def declarations_signed(municipality) -> Evidence:
    declaration = current_declaration(municipality.pk)
    url = _url("volunteers:registry", municipality, declaration="missing")
    if declaration is None:
        return Evidence(False, _("No confidentiality declaration is published yet."), url)
    counts = (
        Volunteer.objects.filter(municipality=municipality)
        .active()
        .annotate_signed_current(declaration.pk)
        .aggregate(total=Count("pk"), signed=Count("pk", filter=Q(signed_current=True)))
    )
    total, signed = counts["total"], counts["signed"]
    if not total:
        return Evidence(False, _("No active volunteers are registered yet."), url)
    share = signed / total
    return Evidence(
        met=share >= SIGNED_SHARE_NEEDED,
        summary=_(
            "%(signed)d of %(total)d active volunteers (%(percent)d %%) have signed the "
            "current confidentiality declaration."
        )
        % {"signed": signed, "total": total, "percent": round(share * 100)},
        url=url,
    )


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


def register() -> None:
    contributions.DASHBOARD_PANELS.extend([volunteers_panel, needs_panel])
    # No "needs_mapped": needs for help reported one by one do not show that the elderly's needs
    # for activities and meeting places are mapped; the portal cannot show that (issue 10).
    contributions.register_wheel_category("course_session", gettext_lazy("Courses for volunteers"))
    contributions.WHEEL_SOURCES.append(course_sessions)
    for key, provider in {
        "volunteers_registered": volunteers_registered,
        "declarations_signed": declarations_signed,
        "intro_course_this_year": intro_course_this_year,
    }.items():
        contributions.register_evidence(key, provider)
