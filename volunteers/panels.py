"""What the volunteers app contributes to coordination's pages and to a person's data export."""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext as _

from coordination.contributions import Panel
from coordination.permissions import can

from .models import Volunteer
from .services import declaration_to_sign, has_consented


def volunteer_panel(request) -> Panel:
    volunteer = Volunteer.objects.filter(user=request.user).first()
    return Panel(
        "volunteers/partials/_my_page_panel.html",
        {
            "volunteer": volunteer,
            "to_sign": declaration_to_sign(volunteer) if volunteer else None,
            "needs_consent": volunteer is not None and not has_consented(volunteer),
        },
    )


def volunteer_home(request) -> str | None:
    """A volunteer's My page is their volunteer page: one home, waiting invitations first."""
    if Volunteer.objects.filter(user=request.user).exists():
        return reverse("volunteers:own_page")
    return None


def other_my_page_panels(request) -> list[Panel]:
    """My page's panels from the other apps (partners, routines …), for the volunteer page."""
    from coordination.contributions import MY_PAGE_PANELS

    return [
        panel
        for build in MY_PAGE_PANELS
        if build is not volunteer_panel and (panel := build(request)) is not None
    ]


def export_volunteer(user) -> dict | None:
    volunteer = (
        Volunteer.objects.filter(user=user)
        .select_related("municipality")
        .prefetch_related("interests", "consents", "signatures__text", "notes")
        .first()
    )
    if volunteer is None:
        return None
    return {
        "municipality": volunteer.municipality.name,
        "area": volunteer.area,
        "interests": volunteer.interest_codes,
        "skills": volunteer.skills,
        "languages": volunteer.languages,
        "available": {
            f: getattr(volunteer, f)
            for f in ("weekday_daytime", "evenings", "weekends", "summer", "winter")
        },
        "can_drive": volunteer.can_drive,
        "has_car": volunteer.has_car,
        "frequency": volunteer.frequency,
        "contact_by": volunteer.contact_by,
        "active_since": volunteer.active_since.isoformat(),
        "consents": [
            {
                "version": c.purpose_version,
                "text": c.purpose_text,
                "given_at": c.given_at.isoformat(),
            }
            for c in volunteer.consents.all()
        ],
        # What coordinators wrote about the person is theirs to see too (not who wrote it).
        "notes_about_you": [
            {"written_at": n.written_at.isoformat(), "text": n.text} for n in volunteer.notes.all()
        ],
        "confidentiality_declarations_signed": [
            {"version": s.text.version, "signed_at": s.signed_at.isoformat()}
            for s in volunteer.signatures.all()
        ],
        "hours": _export_hours(volunteer),
    }


def _export_hours(volunteer: Volunteer) -> list[dict]:
    """Every hours entry of the volunteer, with the rate and allowance of approved ones."""
    return [
        {
            "date": entry.worked_on.isoformat(),
            "hours": str(entry.hours),
            "km": str(entry.km),
            "km_rate": str(entry.km_rate) if entry.km_rate is not None else None,
            "km_allowance": str(entry.reimbursement) if entry.km_rate is not None else None,
            "status": entry.status,
            "what_you_did": entry.description,
            "assignment": entry.assignment.need.get_kind_display() if entry.assignment else None,
            "municipality": entry.municipality.name,
            "logged_at": entry.logged_at.isoformat(),
            "decided_at": entry.decided_at.isoformat() if entry.decided_at else None,
        }
        for entry in volunteer.hours.select_related("assignment__need", "municipality").order_by(
            "worked_on", "pk"
        )
    ]


def overview_links(request, municipality) -> list[tuple[str, str]]:
    links = []
    if can(request.user, "view_volunteers", municipality):
        url = reverse("volunteers:registry", args=[municipality.pk])
        links.append((url, _("Volunteers")))
    if can(request.user, "manage_declaration", municipality):
        url = reverse("volunteers:declaration_manage", args=[municipality.pk])
        links.append((url, _("The confidentiality declaration volunteers sign")))
    if can(request.user, "manage_hours", municipality):
        url = reverse("volunteers:hours_manage", args=[municipality.pk])
        links.append((url, _("Volunteer hours: approve, totals and kilometre rate")))
    return links


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


def export_screening(user) -> dict | None:
    """The volunteer's roles, police certificate checks (that they were seen, never what they
    said) and courses."""
    volunteer = Volunteer.objects.filter(user=user).first()
    if volunteer is None:
        return None
    holders = volunteer.roles.select_related("role").prefetch_related("certificate_checks")
    return {
        "roles": [
            {
                "role": holder.role.name,
                "since": holder.since.isoformat(),
                "police_certificate_checks": [
                    {
                        "kind": check.kind,
                        "presented_on": check.presented_on.isoformat(),
                        "approved": check.approved,
                        "renew_by": check.renew_by.isoformat() if check.renew_by else None,
                    }
                    for check in holder.certificate_checks.all()
                ],
            }
            for holder in holders
        ],
        "courses_completed": [
            {"course": c.course.name, "completed_on": c.completed_on.isoformat()}
            for c in volunteer.completions.select_related("course")
        ],
    }


def needs_links(request, municipality) -> list[tuple[str, str]]:
    if not can(request.user, "report_needs", municipality):
        return []
    return [(reverse("volunteers:need_list", args=[municipality.pk]), _("Needs for help"))]


def export_volunteer_tasks(user) -> dict | None:
    """The volunteer's invitations and assignments, for their own data download. About the
    person helped: only the kind of help and the area, as that person's details are theirs."""
    from .models import Assignment, Invitation

    invitations = Invitation.objects.filter(volunteer__user=user).select_related("need")
    assignments = Assignment.objects.filter(volunteer__user=user).select_related("need")
    if not invitations and not assignments:
        return None

    def day(value):
        return value.isoformat() if value else None

    return {
        "invitations": [
            {
                "help": i.need.kind,
                "area": i.need.area,
                "status": i.status,
                "sent_at": day(i.sent_at),
                "answered_at": day(i.answered_at),
                "why_you_were_asked": i.reasons,
                "your_reason_for_declining": i.decline_reason,
            }
            for i in invitations
        ],
        "assignments": [
            {
                "help": a.need.kind,
                "area": a.need.area,
                "status": a.status,
                "started_on": day(a.started_on),
                "trial_meeting_on": day(a.trial_meeting_on),
                "agreed_frequency": a.frequency,
                "ended_on": day(a.ended_on),
                "why_it_ended": a.end_reason,
            }
            for a in assignments
        ],
    }
