"""The coordinator's overview of a municipality: the dashboard's panels (each from the part of
the portal that knows the figures), who holds which role, and links to everything for
coordination. The dashboard only gathers; the panels and links are contributions."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from coordination.kernel import contributions
from coordination.kernel.models import RoleInvitation
from coordination.kernel.permissions import can, municipality_view


@municipality_view("view_municipality")
@require_GET
def overview(request: HttpRequest) -> HttpResponse:
    municipality = request.municipality
    panels = contributions.dashboard_panels(request, municipality)
    memberships = municipality.memberships.select_related("user", "organisation").order_by(
        "role", "user__full_name"
    )
    return render(
        request,
        "coordination/overview.html",
        {
            "municipality": municipality,
            "memberships": memberships,
            "invitations": RoleInvitation.objects.in_municipality(municipality)
            .pending()
            .select_related("invited_by", "organisation"),
            "may_manage_roles": can(request.user, "manage_roles", municipality),
            "may_view_audit_log": can(request.user, "view_audit_log", municipality),
            "links": contributions.overview_links(request, municipality),
            "panels": panels,  # rendered in the page's context ({% panel %})
            # Some figures are counted once a minute (kernel.figures_cache): the page says so.
            "figures_may_be_old": any(panel.may_be_old for panel in panels),
        },
    )
