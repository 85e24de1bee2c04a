"""What the involvement staircase registers with the rest of the portal: its own evidence
(``named_coordinator``), the dashboard panel, a link on the overview and the demo step.
Called once from ``CoordinationConfig.ready()``."""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from coordination.kernel import contributions
from coordination.kernel.permissions import can
from coordination.models import Membership, Role

DASHBOARD_ORDER = 10
NEXT_STEPS_ON_DASHBOARD = 3


def named_coordinator(municipality) -> contributions.Evidence:
    """Met when the municipality has at least one person with the coordinator role: evidence
    for "a named contact person", never for "time set aside for the work" (a role in the portal
    says nothing about a position's time)."""
    count = Membership.objects.filter(municipality=municipality, role=Role.COORDINATOR).count()
    if count:
        summary = ngettext(
            "%(count)s coordinator is named in the portal.",
            "%(count)s coordinators are named in the portal.",
            count,
        ) % {"count": count}
    else:
        summary = _("No coordinator is named in the portal yet.")
    return contributions.Evidence(
        met=count > 0,
        summary=summary,
        # the overview's list of people with a role, below the dashboard
        url=reverse("coordination:overview", args=[municipality.pk]) + "#team-heading",
    )


def dashboard_panel(request, municipality) -> contributions.DashboardPanel | None:
    if not can(request.user, "view_staircase", municipality):
        return None
    from coordination.staircase import services as staircase

    current = staircase.current_for(municipality)
    # From today's data (the portal's evidence now, the last answers where it has none).
    steps = staircase.next_steps_today(municipality, current).steps if current else []
    return contributions.DashboardPanel(
        order=DASHBOARD_ORDER,
        template="coordination/staircase/_dashboard_panel.html",
        context={
            "municipality": municipality,
            "current": current,
            "next_steps": steps[:NEXT_STEPS_ON_DASHBOARD],
            "more_steps": max(len(steps) - NEXT_STEPS_ON_DASHBOARD, 0),
            "may_answer": can(request.user, "answer_staircase", municipality),
        },
    )


def overview_links(request, municipality) -> list[tuple[str, str]]:
    if not can(request.user, "view_staircase", municipality):
        return []
    url = reverse("coordination:assessment_list", args=[municipality.pk])
    return [(url, _("The involvement staircase: where we stand"))]


def register() -> None:
    from coordination.management.commands.seed_demo import DEMO_STEPS
    from coordination.staircase.demo import seed

    contributions.register_evidence("named_coordinator", named_coordinator)
    if dashboard_panel not in contributions.DASHBOARD_PANELS:
        contributions.DASHBOARD_PANELS.append(dashboard_panel)
    if overview_links not in contributions.OVERVIEW_LINKS:
        contributions.OVERVIEW_LINKS.append(overview_links)
    if seed not in DEMO_STEPS:
        DEMO_STEPS.append(seed)
