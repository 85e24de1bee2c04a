"""What the volunteers app contributes to coordination's pages and to a person's data export."""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext as _

from coordination.contributions import Panel
from coordination.permissions import can

from .models import Volunteer
from .services import declaration_to_sign


def volunteer_panel(request) -> Panel:
    volunteer = Volunteer.objects.filter(user=request.user).first()
    return Panel(
        "volunteers/partials/_my_page_panel.html",
        {
            "volunteer": volunteer,
            "to_sign": declaration_to_sign(volunteer) if volunteer else None,
        },
    )


def export_volunteer(user) -> dict | None:
    volunteer = (
        Volunteer.objects.filter(user=user)
        .select_related("municipality")
        .prefetch_related("interests", "consents", "signatures__text")
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
        "confidentiality_declarations_signed": [
            {"version": s.text.version, "signed_at": s.signed_at.isoformat()}
            for s in volunteer.signatures.all()
        ],
    }


def overview_links(request, municipality) -> list[tuple[str, str]]:
    links = []
    if can(request.user, "view_volunteers", municipality):
        url = reverse("volunteers:registry", args=[municipality.pk])
        links.append((url, _("Volunteers")))
    if can(request.user, "manage_declaration", municipality):
        url = reverse("volunteers:declaration_manage", args=[municipality.pk])
        links.append((url, _("The confidentiality declaration volunteers sign")))
    return links


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
