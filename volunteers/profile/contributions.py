"""What a volunteer's own profile gives the rest of the portal: the volunteering panel on My
page, the volunteer's page as their home, and the volunteer's profile in their data export."""

from __future__ import annotations

from django.urls import reverse
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from coordination.kernel.account_data import amount, coded, when
from coordination.kernel.contributions import BinderSection, Panel, contribute, render_my_page
from coordination.routines.exports import text_blocks
from volunteers.models import (
    ContactBy,
    DeclarationText,
    Frequency,
    HoursStatus,
    Interest,
    Volunteer,
)
from volunteers.profile.own import own_volunteer
from volunteers.profile.services import current_declaration, declaration_to_sign, has_consented


@contribute.my_page_panel(order=30)
def volunteer_panel(request) -> Panel:
    volunteer = own_volunteer(request)
    return Panel(
        "volunteers/partials/_my_page_panel.html",
        {
            "volunteer": volunteer,
            "to_sign": declaration_to_sign(volunteer) if volunteer else None,
            "needs_consent": volunteer is not None and not has_consented(volunteer),
        },
    )


@contribute.home_page
def volunteer_home(request) -> str | None:
    """A volunteer's My page is their volunteer page: one home, waiting invitations first."""
    if Volunteer.objects.filter(user=request.user).exists():
        return reverse("volunteers:own_page")
    return None


def other_my_page_panels(request) -> list[SafeString]:
    """My page's panels from the other apps (partners, routines …), for the volunteer page."""
    return render_my_page(request, leave_out=[volunteer_panel])


# What each key of the volunteer's data is called on their readable data page.
LABELS = {
    "area": gettext_lazy("Area"),
    "interests": gettext_lazy("What you would like to do"),
    "skills": gettext_lazy("Skills"),
    "languages": gettext_lazy("Languages you speak"),
    "available": gettext_lazy("When you can help"),
    "weekday_daytime": gettext_lazy("Weekdays, daytime"),
    "evenings": gettext_lazy("Evenings"),
    "weekends": gettext_lazy("Weekends"),
    "summer": gettext_lazy("In summer"),
    "winter": gettext_lazy("In winter"),
    "can_drive": gettext_lazy("Driving licence"),
    "has_car": gettext_lazy("Has a car"),
    "frequency": gettext_lazy("How often"),
    "contact_by": gettext_lazy("How we contact you"),
    "volunteers_through": gettext_lazy("The organisation you volunteer through"),
    "active_since": gettext_lazy("Volunteer since"),
    "consents": gettext_lazy("Consents you have given"),
    "version": gettext_lazy("Version"),
    "text": gettext_lazy("Text"),
    "given_at": gettext_lazy("Given"),
    "notes_about_you": gettext_lazy("Notes about you"),
    "written_at": gettext_lazy("Written"),
    "confidentiality_declarations_signed": gettext_lazy(
        "Confidentiality declarations you have signed"
    ),
    "signed_at": gettext_lazy("Signed"),
    "hours": gettext_lazy("Hours"),
    "date": gettext_lazy("Date"),
    "km": gettext_lazy("Kilometres"),
    "km_rate": gettext_lazy("Kilometre rate (NOK)"),
    "km_allowance": gettext_lazy("Mileage allowance (NOK)"),
    "status": gettext_lazy("Status"),
    "what_you_did": gettext_lazy("What you did"),
    "assignment": gettext_lazy("Assignment"),
    "logged_at": gettext_lazy("Logged"),
    "decided_at": gettext_lazy("Decided"),
    "roles": gettext_lazy("Roles"),
    "police_certificate_checks": gettext_lazy("Police certificate checks"),
    "kind": gettext_lazy("Kind"),
    "presented_on": gettext_lazy("Shown on"),
    "approved": gettext_lazy("Approved"),
    "renew_by": gettext_lazy("Renew by"),
    "courses_completed": gettext_lazy("Courses completed"),
    "course": gettext_lazy("Course"),
    "completed_on": gettext_lazy("Completed"),
    "invitations": gettext_lazy("Invitations"),
    "help": gettext_lazy("Kind of help"),
    "sent_at": gettext_lazy("Sent"),
    "answered_at": gettext_lazy("Answered"),
    "why_you_were_asked": gettext_lazy("Why you were asked"),
    "your_reason_for_declining": gettext_lazy("Your reason for saying no"),
    "assignments": gettext_lazy("Assignments"),
    "started_on": gettext_lazy("Started"),
    "trial_meeting_on": gettext_lazy("Trial meeting"),
    "agreed_frequency": gettext_lazy("How often you agreed"),
    "ended_on": gettext_lazy("Ended"),
    "why_it_ended": gettext_lazy("Why it ended"),
}


@contribute.export_section(
    "volunteer",
    title=gettext_lazy("Your volunteer profile in each municipality"),
    labels=LABELS,
    order=20,
)
def export_volunteer(user) -> list[dict]:
    """One entry per municipality the person volunteers in (each has its own)."""
    return [
        _export_membership(volunteer)
        for volunteer in Volunteer.objects.filter(user=user)
        .select_related("municipality", "through_organisation")
        .prefetch_related("interests", "consents", "signatures__text", "notes")
        .order_by("created_at", "pk")
    ]


def _export_membership(volunteer: Volunteer) -> dict:
    return {
        "municipality": volunteer.municipality.name,
        "area": volunteer.area,
        "interests": [coded(code, Interest) for code in volunteer.interest_codes],
        "skills": volunteer.skills,
        "languages": volunteer.languages,
        "available": {
            f: getattr(volunteer, f)
            for f in ("weekday_daytime", "evenings", "weekends", "summer", "winter")
        },
        "can_drive": volunteer.can_drive,
        "has_car": volunteer.has_car,
        "frequency": coded(volunteer.frequency, Frequency),
        "contact_by": coded(volunteer.contact_by, ContactBy),
        "volunteers_through": (
            volunteer.through_organisation.name if volunteer.through_organisation else None
        ),
        "active_since": when(volunteer.active_since),
        "consents": [
            {
                "version": c.purpose_version,
                "text": c.purpose_text,
                "given_at": when(c.given_at),
            }
            for c in volunteer.consents.all()
        ],
        # What coordinators wrote about the person is theirs to see too (not who wrote it).
        "notes_about_you": [
            {"written_at": when(n.written_at), "text": n.text} for n in volunteer.notes.all()
        ],
        "confidentiality_declarations_signed": [
            {"version": s.text.version, "signed_at": when(s.signed_at)}
            for s in volunteer.signatures.all()
        ],
        "hours": _export_hours(volunteer),
    }


def _export_hours(volunteer: Volunteer) -> list[dict]:
    """Every hours entry of the volunteer, with the rate and allowance of approved ones."""
    return [
        {
            "date": when(entry.worked_on),
            "hours": amount(entry.hours),
            "km": amount(entry.km),
            "km_rate": amount(entry.km_rate),
            "km_allowance": amount(entry.reimbursement) if entry.km_rate is not None else None,
            "status": coded(entry.status, HoursStatus),
            "what_you_did": entry.description,
            "assignment": coded(entry.assignment.need.kind, Interest) if entry.assignment else None,
            "municipality": entry.municipality.name,
            "logged_at": when(entry.logged_at),
            "decided_at": when(entry.decided_at),
        }
        for entry in volunteer.hours.select_related("assignment__need", "municipality").order_by(
            "worked_on", "pk"
        )
    ]


# issue 13: a new coordinator's getting-started list (the declaration and the first volunteers)
contribute.getting_started(
    "declaration",
    gettext_lazy("Publish the confidentiality declaration volunteers sign"),
    is_done=lambda municipality: DeclarationText.objects.filter(municipality=municipality).exists(),
    url=lambda municipality: reverse("volunteers:declaration_manage", args=[municipality.pk]),
    order=10,
)
contribute.getting_started(
    "first_volunteers",
    gettext_lazy("Register the first volunteers"),
    is_done=lambda municipality: Volunteer.objects.in_municipality(municipality).exists(),
    url=lambda municipality: reverse("volunteers:registry", args=[municipality.pk]),
    order=50,
)


# --- The routine binder (issue 14) ----------------------------------------------------------


@contribute.binder_sections(order=60)
def declaration_in_binder(municipality) -> list[BinderSection]:
    """The confidentiality declaration volunteers sign, as the municipality published it last
    (or a note that it has published none yet)."""
    declaration = current_declaration(municipality)
    return [
        BinderSection(
            key="declaration",
            title=_("The confidentiality declaration volunteers sign"),
            template="volunteers/partials/_binder_declaration.html",
            context={
                "declaration": declaration,
                "blocks": text_blocks(declaration.body) if declaration else [],
            },
            index_terms=(_("Confidentiality declaration"),),
        )
    ]
