"""What partners and agreements contribute to the shared pages: the annual wheel (review and
end dates), evidence for the involvement staircase, the dashboard panel, links on the
coordination overview and the demo. ``register()`` is called once from
``CoordinationConfig.ready()``."""

from __future__ import annotations

from django.db.models import Exists, OuterRef, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from coordination.kernel import audit, contributions
from coordination.kernel.contributions import DashboardPanel, Evidence, Panel, WheelEntry
from coordination.kernel.permissions import can
from coordination.models import AgreementParty, CooperationAgreement, Membership, PartnerOffer, Role

WHEEL_CATEGORY = "agreement"
REVIEW_DAYS = 60
# agreements_with_partners: this share of the partners must be party to an active agreement.
AGREEMENT_SHARE = 0.8
PARTNERS_NEEDED = 3


def _url(name: str, municipality, *args, query: str = "") -> str:
    url = reverse(f"coordination:{name}", args=[municipality.pk, *args])
    return f"{url}?{query}" if query else url


# --- The annual wheel ---------------------------------------------------------------------


def wheel_entries(municipality, year: int) -> list[WheelEntry]:
    """Each draft or active agreement's review date and end date in ``year``."""
    agreements = CooperationAgreement.objects.filter(municipality=municipality).exclude(
        status=CooperationAgreement.Status.ENDED
    )
    entries = []
    for agreement in agreements.filter(Q(review_on__year=year) | Q(ends_on__year=year)).only(
        "pk", "title", "review_on", "ends_on", "municipality_id"
    ):
        url = _url("agreement_detail", municipality, agreement.pk)
        if agreement.review_on.year == year:
            entries.append(
                WheelEntry(
                    agreement.review_on,
                    _("Review: %(title)s") % {"title": agreement.title},
                    WHEEL_CATEGORY,
                    url,
                    action="view_partners",
                )
            )
        if agreement.ends_on and agreement.ends_on.year == year:
            entries.append(
                WheelEntry(
                    agreement.ends_on,
                    _("Ends: %(title)s") % {"title": agreement.title},
                    WHEEL_CATEGORY,
                    url,
                    action="view_partners",
                )
            )
    return entries


# --- Staircase evidence -------------------------------------------------------------------


def partners_mapped(municipality) -> Evidence:
    """Met with at least 3 partners that have an offer registered."""
    with_offers = municipality.partners.filter(
        Exists(PartnerOffer.objects.filter(municipality=municipality, organisation=OuterRef("pk")))
    ).count()
    offers = PartnerOffer.objects.filter(municipality=municipality).count()
    summary = (
        ngettext("%(partners)s partner", "%(partners)s partners", with_offers)
        % {"partners": with_offers}
        + ", "
        + ngettext("%(offers)s offer mapped", "%(offers)s offers mapped", offers)
        % {"offers": offers}
    )
    return Evidence(with_offers >= PARTNERS_NEEDED, summary, _url("partner_map", municipality))


def active_agreement(municipality) -> Evidence:
    count = CooperationAgreement.objects.filter(municipality=municipality).active().count()
    summary = ngettext("%(count)s active agreement", "%(count)s active agreements", count) % {
        "count": count
    }
    return Evidence(count >= 1, summary, _url("agreement_list", municipality, query="show=active"))


def agreements_with_partners(municipality) -> Evidence:
    """Met when at least 80 % of the partners are party to an active agreement."""
    partners = municipality.partners.all()
    total = partners.count()
    active = CooperationAgreement.objects.filter(municipality=municipality).active()
    covered = partners.filter(
        Exists(AgreementParty.objects.filter(organisation=OuterRef("pk"), agreement__in=active))
    ).count()
    summary = ngettext(
        "%(covered)s of %(total)s partner has an active agreement",
        "%(covered)s of %(total)s partners have an active agreement",
        total,
    ) % {"covered": covered, "total": total}
    met = total > 0 and covered >= AGREEMENT_SHARE * total
    return Evidence(met, summary, _url("agreement_list", municipality, query="show=active"))


# --- The dashboard and the overview ----------------------------------------------------------


def dashboard_panel(request, municipality) -> DashboardPanel | None:
    if not can(request.user, "view_partners", municipality):
        return None
    today = timezone.localdate()
    agreements = CooperationAgreement.objects.filter(municipality=municipality)
    context = {
        "municipality": municipality,
        "active": agreements.active(today).count(),
        "review": agreements.due_for_review(today, REVIEW_DAYS).count(),
        "expired": agreements.expired(today).count(),
        "partners": municipality.partners.count(),
        "list_url": _url("agreement_list", municipality),
        "partner_list_url": _url("partner_list", municipality),
        "partner_map_url": _url("partner_map", municipality),
    }
    return DashboardPanel(50, "coordination/partners/_dashboard_panel.html", context)


def overview_links(request, municipality) -> list[tuple[str, str]]:
    if not can(request.user, "view_partners", municipality):
        return []
    return [
        (_url("partner_list", municipality), _("Partners")),
        (_url("partner_map", municipality), _("The partner map")),
        (_url("agreement_list", municipality), _("Cooperation agreements")),
    ]


def representative_panel(request) -> Panel | None:
    """On My page of a partner representative: their organisation's page and the agreements
    it is party to, in each municipality where they speak for it."""
    memberships = list(
        Membership.objects.filter(
            user=request.user, role=Role.PARTNER_REPRESENTATIVE, organisation__isnull=False
        )
        .select_related("organisation", "municipality")
        .order_by("municipality__name", "organisation__name")
    )
    if not memberships:
        return None
    places = []
    for membership in memberships:
        agreements = CooperationAgreement.objects.filter(
            municipality=membership.municipality, party_rows__organisation=membership.organisation
        ).exclude(status=CooperationAgreement.Status.DRAFT)
        places.append(
            {
                "membership": membership,
                "url": _url("partner_detail", membership.municipality, membership.organisation_id),
                "agreements": [
                    (a.title, _url("agreement_detail", membership.municipality, a.pk))
                    for a in agreements.order_by("title", "pk")[:10]
                ],
            }
        )
    return Panel("coordination/partners/_my_page_panel.html", {"places": places})


def agreement_status_message(params: dict) -> str:
    """The audit sentence of an agreement's new status (its label in the reader's language)."""
    status = CooperationAgreement.Status(params["status"]).label
    return _("Agreement %(status)s: %(title)s") % {"status": str(status).lower(), **params}


def register() -> None:
    from coordination.management.commands.seed_demo import DEMO_STEPS
    from coordination.partners import tasks as tasks_partners  # noqa: F401 (registers the Celery tasks)
    from coordination.partners.demo import seed

    contributions.register_wheel_category(WHEEL_CATEGORY, gettext_lazy("Agreements"))
    if wheel_entries not in contributions.WHEEL_SOURCES:
        contributions.WHEEL_SOURCES.append(wheel_entries)
    audit.register_messages({"agreement.status": agreement_status_message})
    contributions.register_evidence("partners_mapped", partners_mapped)
    contributions.register_evidence("active_agreement", active_agreement)
    contributions.register_evidence("agreements_with_partners", agreements_with_partners)
    if dashboard_panel not in contributions.DASHBOARD_PANELS:
        contributions.DASHBOARD_PANELS.append(dashboard_panel)
    if representative_panel not in contributions.MY_PAGE_PANELS:
        contributions.MY_PAGE_PANELS.append(representative_panel)
    if overview_links not in contributions.OVERVIEW_LINKS:
        contributions.OVERVIEW_LINKS.append(overview_links)
    if seed not in DEMO_STEPS:
        DEMO_STEPS.append(seed)


__all__ = ["register"]
