"""What needs for help give the rest of the portal: open needs by step on the dashboard, a link
on the coordination overview and the volunteer's invitations and tasks in their data export."""

from __future__ import annotations

from django.db.models import Count
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from coordination.kernel import figures_cache
from coordination.kernel.account_data import coded, when
from coordination.kernel.contributions import Panel, contribute
from coordination.kernel.permissions import can
from volunteers.contributions import FIGURES_TEMPLATE, page_url
from volunteers.models import (
    Assignment,
    AssignmentStatus,
    EndReason,
    Frequency,
    Interest,
    Invitation,
    InvitationStatus,
    Need,
    NeedStatus,
)


@contribute.dashboard_panel(order=30)
def needs_panel(request, municipality) -> Panel | None:
    """Open needs by step of the method (Vennesla), each linking to the list of that step."""
    if not can(request.user, "report_needs", municipality):
        return None
    counts = open_needs_by_step(municipality)
    figures = [
        (counts.get(value, 0), label, page_url("volunteers:need_list", municipality, step=value))
        for value, label in NeedStatus.choices
        if value != NeedStatus.CLOSED
    ]
    return Panel(
        FIGURES_TEMPLATE,
        {
            "title": _("Open needs, by step"),
            "figures": figures,
            "total": sum(counts.values()),
            "empty": _("No open needs.") if not counts else None,
        },
        may_be_old=True,
    )


@figures_cache.per_municipality("open_needs")
def open_needs_by_step(municipality) -> dict[str, int]:
    """{step: how many open needs}, one grouped count (the same for all who may see it)."""
    return dict(
        Need.objects.in_municipality(municipality)
        .exclude(status=NeedStatus.CLOSED)
        .order_by()
        .values_list("status")
        .annotate(n=Count("pk"))
    )


@contribute.overview_links(order=70)
def needs_links(request, municipality) -> list[tuple[str, str]]:
    if not can(request.user, "report_needs", municipality):
        return []
    return [(reverse("volunteers:need_list", args=[municipality.pk]), _("Needs for help"))]


@contribute.export_section(
    "volunteer_tasks",
    title=gettext_lazy("Invitations you have had, and tasks you have helped with"),
    order=50,
)
def export_volunteer_tasks(user) -> dict | None:
    """The volunteer's invitations and assignments, for their own data download. About the
    person helped: only the kind of help and the area, as that person's details are theirs."""

    invitations = Invitation.objects.filter(volunteer__user=user).select_related("need")
    assignments = Assignment.objects.filter(volunteer__user=user).select_related("need")
    if not invitations and not assignments:
        return None

    return {
        "invitations": [
            {
                "help": coded(i.need.kind, Interest),
                "area": i.need.area,
                "status": coded(i.status, InvitationStatus),
                "sent_at": when(i.sent_at),
                "answered_at": when(i.answered_at),
                "why_you_were_asked": i.reasons,
                "your_reason_for_declining": i.decline_reason,
            }
            for i in invitations
        ],
        "assignments": [
            {
                "help": coded(a.need.kind, Interest),
                "area": a.need.area,
                "status": coded(a.status, AssignmentStatus),
                "started_on": when(a.started_on),
                "trial_meeting_on": when(a.trial_meeting_on),
                "agreed_frequency": coded(a.frequency, Frequency),
                "ended_on": when(a.ended_on),
                "why_it_ended": coded(a.end_reason, EndReason),
            }
            for a in assignments
        ],
    }
