"""What the catalogue gives the rest of the portal: links on the coordination overview, a
dashboard panel (published activities, those with transport, proposals waiting), a link on
My page for partner representatives, and the sentences of its audit codes."""

from __future__ import annotations

from django.db.models import Count, Q
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from activities.catalogue.models import Activity, ActivityStatus
from coordination.kernel import figures_cache
from coordination.kernel.contributions import Evidence, Panel, contribute
from coordination.kernel.models import Membership, Role
from coordination.kernel.permissions import can

FIGURES_TEMPLATE = "coordination/partials/_dashboard_figures.html"


def _url(name: str, municipality, query: str = "") -> str:
    return reverse(f"activities:{name}", args=[municipality.pk]) + (f"?{query}" if query else "")


@contribute.overview_links(order=55)
def catalogue_links(request, municipality) -> list[tuple[str, str]]:
    if not can(request.user, "manage_activities", municipality):
        return []
    links = [(_url("activity_list", municipality), _("Activities"))]
    if can(request.user, "coordinate_activities", municipality):
        links += [
            (_url("proposal_list", municipality), _("Proposed activities")),
            (_url("place_list", municipality), _("Places for activities")),
        ]
    return links


@contribute.dashboard_panel(order=40)
def activities_panel(request, municipality) -> Panel | None:
    """Published activities, those with transport, and proposals waiting for an answer: each
    number links to its list."""
    if not can(request.user, "coordinate_activities", municipality):
        return None
    counts = activity_counts(municipality)
    figures = [
        (
            counts["published"],
            _("published activities"),
            _url("activity_list", municipality, "status=published"),
        ),
        (
            counts["transport"],
            _("with transport offered"),
            _url("activity_list", municipality, "status=published&transport=1"),
        ),
        (counts["proposed"], _("proposals waiting"), _url("proposal_list", municipality)),
    ]
    return Panel(
        FIGURES_TEMPLATE,
        {
            "title": _("Activities"),
            "figures": figures,
            "empty": _("No activities yet.") if not any(counts.values()) else None,
        },
        may_be_old=True,
    )


@figures_cache.per_municipality("activities")
def activity_counts(municipality) -> dict[str, int]:
    return Activity.objects.in_municipality(municipality).aggregate(
        published=Count("pk", filter=Q(status=ActivityStatus.PUBLISHED)),
        transport=Count("pk", filter=Q(status=ActivityStatus.PUBLISHED, transport_offered=True)),
        proposed=Count("pk", filter=Q(status=ActivityStatus.PROPOSED)),
    )


@contribute.my_page_panel(order=12)
def organiser_panel(request) -> Panel | None:
    """On My page of a partner representative: the activities their organisation runs."""
    memberships = list(
        Membership.objects.filter(
            user=request.user, role=Role.PARTNER_REPRESENTATIVE, organisation__isnull=False
        )
        .select_related("organisation", "municipality")
        .order_by("municipality__name", "organisation__name")
    )
    if not memberships:
        return None
    places = [
        {
            "organisation": membership.organisation,
            "municipality": membership.municipality,
            "url": _url("activity_list", membership.municipality),
            "new_url": _url("activity_create", membership.municipality),
        }
        for membership in memberships
    ]
    return Panel("activities/catalogue/_my_page_panel.html", {"places": places})


contribute.audit_messages(
    {
        "activities.place_created": gettext_lazy("Place added: %(name)s"),
        "activities.place_changed": gettext_lazy("Place changed: %(name)s"),
        "activities.activity_published": gettext_lazy("Activity published: %(title)s"),
        "activities.activity_changed": gettext_lazy("Activity changed: %(title)s"),
        "activities.activity_ended": gettext_lazy("Activity ended: %(title)s"),
        "activities.proposal_approved": gettext_lazy("Proposed activity approved: %(title)s"),
        "activities.proposal_declined": gettext_lazy("Proposed activity declined: %(title)s"),
        "activities.type_added": gettext_lazy("Activity type added: %(name)s"),
        "activities.type_renamed": gettext_lazy("Activity type renamed: %(name)s"),
    }
)


@contribute.evidence("activities_published")
def activities_published(municipality) -> Evidence:
    """Step 3, level 1: activities and contact persons of the municipality and the voluntary
    sector are published where people find them — the public catalogue, with a contact."""
    published = Activity.objects.in_municipality(municipality).published()
    counts = published.aggregate(
        total=Count("pk"),
        with_contact=Count("pk", filter=~Q(contact_phone="") | ~Q(contact_email="")),
        by_partners=Count("pk", filter=Q(organiser__isnull=False)),
    )
    url = _url("catalogue", municipality)
    if not counts["total"]:
        return Evidence(False, _("No activities are published in the catalogue."), url)
    summary = ngettext(
        "%(total)d activity is published in the catalogue, %(contact)d with a contact person "
        "and %(partners)d run by partners.",
        "%(total)d activities are published in the catalogue, %(contact)d with a contact "
        "person and %(partners)d run by partners.",
        counts["total"],
    ) % {
        "total": counts["total"],
        "contact": counts["with_contact"],
        "partners": counts["by_partners"],
    }
    return Evidence(counts["with_contact"] > 0, summary, url)
