"""What partners and agreements contribute to the shared pages: the annual wheel (review and
end dates), evidence for the involvement staircase, the dashboard panel, links on the
coordination overview and the representative's panel on My page. Found and imported by
``CoordinationConfig.ready()``; each registers at its definition."""

from __future__ import annotations

from django.db.models import Count, Exists, OuterRef, Prefetch, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from coordination.kernel import figures_cache
from coordination.kernel.contributions import (
    BinderSection,
    Evidence,
    Panel,
    WheelEntry,
    contribute,
)
from coordination.kernel.models import Membership, Role
from coordination.kernel.permissions import can
from coordination.partners import tasks  # noqa: F401 (registers the Celery tasks)
from coordination.partners.models import (
    AgreementParty,
    CooperationAgreement,
    PartnerContact,
    PartnerCorrection,
    PartnerOffer,
    PartnerOrganisation,
)

WHEEL_CATEGORY = "agreement"
REVIEW_DAYS = 60
# agreements_with_partners: this share of the partners must be party to an active agreement.
AGREEMENT_SHARE = 0.8
PARTNERS_NEEDED = 3


def _url(name: str, municipality, *args, query: str = "") -> str:
    url = reverse(f"coordination:{name}", args=[municipality.pk, *args])
    return f"{url}?{query}" if query else url


# --- The annual wheel ---------------------------------------------------------------------

contribute.wheel_category(WHEEL_CATEGORY, gettext_lazy("Agreements"), order=10)


@contribute.wheel_source
def wheel_entries(municipality, year: int, months: range) -> list[WheelEntry]:
    """Each draft or active agreement's review date and end date in ``year``."""
    agreements = CooperationAgreement.objects.in_municipality(municipality).exclude(
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


@contribute.evidence("partners_mapped")
def partners_mapped(municipality) -> Evidence:
    """Met with at least 3 partners that have an offer registered."""
    with_offers = municipality.partners.filter(
        Exists(
            PartnerOffer.objects.in_municipality(municipality).filter(organisation=OuterRef("pk"))
        )
    ).count()
    offers = PartnerOffer.objects.in_municipality(municipality).count()
    summary = (
        ngettext("%(partners)s partner", "%(partners)s partners", with_offers)
        % {"partners": with_offers}
        + ", "
        + ngettext("%(offers)s offer mapped", "%(offers)s offers mapped", offers)
        % {"offers": offers}
    )
    return Evidence(with_offers >= PARTNERS_NEEDED, summary, _url("partner_map", municipality))


@contribute.evidence("active_agreement")
def active_agreement(municipality) -> Evidence:
    count = CooperationAgreement.objects.in_municipality(municipality).active().count()
    summary = ngettext("%(count)s active agreement", "%(count)s active agreements", count) % {
        "count": count
    }
    return Evidence(count >= 1, summary, _url("agreement_list", municipality, query="show=active"))


@contribute.evidence("agreements_with_partners")
def agreements_with_partners(municipality) -> Evidence:
    """Met when at least 80 % of the partners are party to an active agreement."""
    partners = municipality.partners.all()
    total = partners.count()
    active = CooperationAgreement.objects.in_municipality(municipality).active()
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


# --- Figures for other areas' pages and documents ----------------------------------------


@contribute.figures("partner_roster")
def partner_roster(municipality) -> dict:
    """The municipality's partners for a page or a printout of another area (the «how we work
    together» flowchart): volunteer centres first, then by name, each with its kind, its
    shared phone and whether it is party to an agreement in force."""
    in_force = CooperationAgreement.objects.in_municipality(municipality).in_force()
    partners = municipality.partners.annotate(
        in_agreement=Exists(
            AgreementParty.objects.filter(organisation=OuterRef("pk"), agreement__in=in_force)
        )
    ).order_by("name", "pk")
    kinds = dict(PartnerOrganisation.Kind.choices)
    roster = [
        {
            "name": partner.name,
            "kind": partner.kind,
            "kind_label": str(kinds.get(partner.kind, partner.kind)),
            "phone": partner.phone,
            "volunteer_centre": partner.kind == PartnerOrganisation.Kind.VOLUNTEER_CENTRE,
            "in_agreement": partner.in_agreement,
        }
        for partner in partners
    ]
    roster.sort(key=lambda partner: not partner["volunteer_centre"])  # stable: then by name
    return {"partners": roster, "count": len(roster)}


# --- The dashboard and the overview ----------------------------------------------------------


@contribute.dashboard_panel(order=50)
def dashboard_panel(request, municipality) -> Panel | None:
    if not can(request.user, "view_partners", municipality):
        return None
    context = {
        "municipality": municipality,
        **partner_counts(municipality),
        "list_url": _url("agreement_list", municipality),
        "partner_list_url": _url("partner_list", municipality),
        "partner_map_url": _url("partner_map", municipality),
    }
    return Panel("coordination/partners/_dashboard_panel.html", context, may_be_old=True)


@figures_cache.per_municipality("partners")
def partner_counts(municipality) -> dict[str, int]:
    """The agreements in one aggregate (the filters stay the QuerySet's own) and the partners."""
    today = timezone.localdate()
    agreements = CooperationAgreement.objects.in_municipality(municipality)
    counts = agreements.aggregate(
        active=Count("pk", filter=Q(pk__in=agreements.active(today).values("pk"))),
        review=Count(
            "pk", filter=Q(pk__in=agreements.due_for_review(today, REVIEW_DAYS).values("pk"))
        ),
        expired=Count("pk", filter=Q(pk__in=agreements.expired(today).values("pk"))),
    )
    return {**counts, "partners": municipality.partners.count()}


@contribute.overview_links(order=20)
def overview_links(request, municipality) -> list[tuple[str, str]]:
    if not can(request.user, "view_partners", municipality):
        return []
    return [
        (_url("partner_list", municipality), _("Partners")),
        (_url("partner_map", municipality), _("The partner map")),
        (_url("agreement_list", municipality), _("Cooperation agreements")),
    ]


@contribute.my_page_panel(order=10)
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
        agreements = (
            CooperationAgreement.objects.in_municipality(membership.municipality)
            .filter(party_rows__organisation=membership.organisation)
            .exclude(status=CooperationAgreement.Status.DRAFT)
        )
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
    # Corrections other municipalities proposed to the shared details wait for the
    # representatives (one query for all their organisations).
    waiting = dict(
        PartnerCorrection.objects.filter(
            organisation__in={m.organisation_id for m in memberships},
            status=PartnerCorrection.Status.PROPOSED,
        )
        .values("organisation")
        .annotate(n=Count("pk"))
        .values_list("organisation", "n")
    )
    for place in places:
        place["corrections"] = waiting.get(place["membership"].organisation_id, 0)
    return Panel("coordination/partners/_my_page_panel.html", {"places": places})


def agreement_status_message(params: dict) -> str:
    """The audit sentence of an agreement's new status (its label in the reader's language)."""
    status = CooperationAgreement.Status(params["status"]).label
    return _("Agreement %(status)s: %(title)s") % {"status": str(status).lower(), **params}


contribute.audit_messages(
    {
        "agreement.status": agreement_status_message,
        "partner.correction_proposed": gettext_lazy("Correction proposed to %(name)s's details"),
        "partner.correction_accepted": gettext_lazy(
            "Correction to %(name)s's details accepted; the details changed"
        ),
        "partner.correction_declined": gettext_lazy("Correction to %(name)s's details declined"),
    }
)


# --- Someone to call: the volunteer centre on the municipality's public page -----------------


@contribute.figures("volunteer_centre")
def volunteer_centre(municipality) -> dict[str, str]:
    """The municipality's volunteer centre (the first by name when there are several): its
    name, phone and email as the partner registry holds them; {} when none is registered."""
    centre = (
        PartnerOrganisation.objects.filter(
            municipalities=municipality, kind=PartnerOrganisation.Kind.VOLUNTEER_CENTRE
        )
        .order_by("name", "pk")
        .first()
    )
    if centre is None:
        return {}
    return {"name": centre.name, "phone": centre.phone, "email": centre.email}


# --- The routine binder (issue 14) ----------------------------------------------------------


@contribute.binder_sections(order=55)
def partners_in_binder(municipality) -> list[BinderSection]:
    """The partners of the routine binder: each with its phone and email and the contact
    persons this municipality talks to there."""
    partners = (
        PartnerOrganisation.objects.filter(municipalities=municipality)
        .prefetch_related(
            Prefetch(
                "contacts",
                queryset=PartnerContact.objects.in_municipality(municipality).order_by(
                    "name", "pk"
                ),
            )
        )
        .order_by("name", "pk")
    )
    rows = [
        {
            "name": partner.name,
            "kind": partner.get_kind_display(),
            "phone": partner.phone,
            "email": partner.email,
            "contacts": list(partner.contacts.all()),
        }
        for partner in partners
    ]
    return [
        BinderSection(
            key="partners",
            title=_("Partners"),
            template="coordination/partners/_binder_partners.html",
            context={"partners": rows},
            index_terms=tuple(row["name"] for row in rows),
        )
    ]
