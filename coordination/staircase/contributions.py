"""What the involvement staircase registers with the rest of the portal: its own evidence
(``named_coordinator``), the dashboard panel and a link on the overview. Each registers at its
definition."""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from coordination.kernel.contributions import Evidence, Panel, contribute
from coordination.kernel.models import Membership, Role
from coordination.kernel.permissions import can
from coordination.staircase import services as staircase

DASHBOARD_ORDER = 10
NEXT_STEPS_ON_DASHBOARD = 3


@contribute.evidence("named_coordinator")
def named_coordinator(municipality) -> Evidence:
    """Met when the municipality has at least one person with the coordinator role: evidence
    for "a named contact person", never for "time set aside for the work" (a role in the portal
    says nothing about a position's time)."""
    count = Membership.objects.in_municipality(municipality).filter(role=Role.COORDINATOR).count()
    if count:
        summary = ngettext(
            "%(count)s coordinator is named in the portal.",
            "%(count)s coordinators are named in the portal.",
            count,
        ) % {"count": count}
    else:
        summary = _("No coordinator is named in the portal yet.")
    return Evidence(
        met=count > 0,
        summary=summary,
        # the overview's list of people with a role, below the dashboard
        url=reverse("coordination:overview", args=[municipality.pk]) + "#team-heading",
    )


@contribute.dashboard_panel(order=DASHBOARD_ORDER)
def dashboard_panel(request, municipality) -> Panel | None:
    if not can(request.user, "view_staircase", municipality):
        return None
    current = staircase.current_for(municipality)
    # From today's data (the portal's evidence now, the last answers where it has none).
    steps = staircase.next_steps_today(municipality, current).steps if current else []
    return Panel(
        template="coordination/staircase/_dashboard_panel.html",
        context={
            "municipality": municipality,
            "current": current,
            "next_steps": steps[:NEXT_STEPS_ON_DASHBOARD],
            "more_steps": max(len(steps) - NEXT_STEPS_ON_DASHBOARD, 0),
            "may_answer": can(request.user, "answer_staircase", municipality),
        },
    )


@contribute.overview_links(order=10)
def overview_links(request, municipality) -> list[tuple[str, str]]:
    if not can(request.user, "view_staircase", municipality):
        return []
    url = reverse("coordination:assessment_list", args=[municipality.pk])
    return [(url, _("The involvement staircase: where we stand"))]
