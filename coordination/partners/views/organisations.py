"""The partner registry, a partner's page with its contacts and offers, and the partner map.
Coordinators manage them; volunteer contacts and grant officers read; a partner representative
sees only their own organisation's page. Adding, changing and removing contacts and offers is
in contacts.py; the agreements are in agreements.py."""

from __future__ import annotations

from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Exists, OuterRef, Prefetch, Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods
from stdnum.no import orgnr

from coordination.kernel import ui
from coordination.kernel.models import Municipality
from coordination.kernel.permissions import can, get_for_user, municipality_view
from coordination.partners import services
from coordination.partners.forms import ContactForm, OfferForm, PartnerForm, PartnerSearchForm
from coordination.partners.models import (
    AgreementParty,
    CooperationAgreement,
    OfferKind,
    PartnerContact,
    PartnerCorrection,
    PartnerOffer,
    PartnerOrganisation,
)
from coordination.partners.permissions import (
    can_change_partner_details,
    can_manage_partner_relation,
    can_propose_correction,
    can_view_partner,
    has_representatives,
)
from coordination.partners.views.map import groups as map_groups
from coordination.partners.views.map import with_offer_kinds

PAGE_SIZE = 50
MANAGE, READ, PAGES = "manage_partners", "view_partners", "view_partner_pages"


def _partner(request: HttpRequest, pk: int, action: str = MANAGE) -> PartnerOrganisation:
    return get_for_user(
        PartnerOrganisation.objects.filter(municipalities=request.municipality),
        request.user,
        action,
        via="municipalities",
        pk=pk,
    )


def offers_here(municipality) -> Prefetch:
    """The partner's offers to this municipality only (one query for a whole page)."""
    return Prefetch(
        "offers",
        queryset=PartnerOffer.objects.in_municipality(municipality).order_by("kind", "pk"),
        to_attr="offers_here",
    )


def municipality_areas(municipality) -> list[str]:
    """Every area or village named in the municipality's offers, alphabetically."""
    found: dict[str, str] = {}
    for areas in PartnerOffer.objects.in_municipality(municipality).values_list("areas", flat=True):
        for area in services.split_areas(areas):
            found.setdefault(area.casefold(), area)
    return sorted(found.values(), key=str.casefold)


def filtered_partners(request: HttpRequest, form: PartnerSearchForm):
    """The municipality's partners as the search form asks; none (and the form says why) when
    what was sent is not valid."""
    municipality = request.municipality
    partners = municipality.partners.all()
    if form.errors:
        return partners.none()
    data = form.cleaned_data if form.is_valid() else {}
    query = (data.get("q") or "").strip()
    if query:
        number = orgnr.compact(query) if query.replace(" ", "").isdigit() else None
        partners = partners.filter(
            Q(name__icontains=query) | (Q(organisation_number=number) if number else Q())
        )
    if data.get("kind"):
        partners = partners.filter(kind=data["kind"])
    offers = PartnerOffer.objects.in_municipality(municipality).filter(organisation=OuterRef("pk"))
    if data.get("offer"):
        offers = offers.filter(kind=data["offer"])
    if data.get("area"):
        offers = offers.filter(Q(areas="") | Q(areas__icontains=data["area"]))
    if data.get("offer") or data.get("area"):
        partners = partners.filter(Exists(offers))
    return partners


def _active_agreements_q(municipality):
    return Exists(
        AgreementParty.objects.filter(
            organisation=OuterRef("pk"),
            agreement__in=CooperationAgreement.objects.in_municipality(municipality).active(),
        )
    )


# --- Partners -------------------------------------------------------------------------------


@municipality_view(READ)
@require_GET
def partner_list(request: HttpRequest) -> HttpResponse:
    municipality = request.municipality
    form = PartnerSearchForm(request.GET or None, areas=municipality_areas(municipality))
    partners = (
        filtered_partners(request, form)
        .annotate(has_active_agreement=_active_agreements_q(municipality))
        .prefetch_related(offers_here(municipality))
        .order_by("name", "pk")
    )
    page = Paginator(partners, PAGE_SIZE).get_page(request.GET.get("page"))
    with_offer_kinds(page.object_list)
    return render(
        request,
        "coordination/partners/partner_list.html",
        {
            "municipality": municipality,
            "form": form,
            "page": page,
            "may_manage": can(request.user, MANAGE, municipality),
        },
    )


@municipality_view(MANAGE)
@require_http_methods(["GET", "POST"])
def partner_add(request: HttpRequest) -> HttpResponse:
    municipality = request.municipality
    form = PartnerForm(request.POST or None)
    if done := ui.submit(
        request,
        form,
        lambda data: services.create_partner(municipality=municipality, by=request.user, **data),
    ):
        partner, linked = done.value
        if linked:
            messages.success(
                request,
                _(
                    "%(name)s was already registered by another municipality, with the same "
                    "organisation number. It is now your partner too; its name and details "
                    "are shared, and your contacts and offers are your own."
                )
                % {"name": partner.name},
            )
        else:
            messages.success(request, _("%(name)s is added.") % {"name": partner.name})
        return redirect("coordination:partner_detail", municipality.pk, partner.pk)
    return render(
        request,
        "coordination/partners/partner_form.html",
        {"municipality": municipality, "form": form, "partner": None},
    )


def _kept_elsewhere(request: HttpRequest, partner: PartnerOrganisation) -> HttpResponse:
    """A partner another municipality registered: its shared details are not ours to change.
    The page says who keeps them; a POST changes nothing."""
    municipality = request.municipality
    if request.method == "POST":
        messages.error(
            request,
            _(
                "The name and details of %(name)s are not changed here. Nothing was saved; "
                "you can propose a correction instead."
            )
            % {"name": partner.name},
        )
        return redirect("coordination:partner_edit", municipality.pk, partner.pk)
    return render(
        request,
        "coordination/partners/partner_form.html",
        {
            "municipality": municipality,
            "form": None,
            "partner": partner,
            "keeper": None
            if has_representatives(partner)
            else Municipality.objects.filter(pk=partner.keeper_municipality_id).first(),
            "kept_by_itself": has_representatives(partner),
            "may_propose": bool(can_propose_correction(request.user, partner, municipality)),
            "shared_with": partner.municipalities.exclude(pk=municipality.pk).count(),
        },
    )


@municipality_view(PAGES)
@require_http_methods(["GET", "POST"])
def partner_edit(request: HttpRequest, pk: int) -> HttpResponse:
    """Coordinators, and the organisation's own representatives, change a partner's details;
    a coordinator whose municipality only linked the partner is told who keeps them."""
    municipality = request.municipality
    partner = _partner(request, pk, PAGES)
    if not can_change_partner_details(request.user, partner, municipality):
        if not can(request.user, MANAGE, municipality):
            raise Http404
        return _kept_elsewhere(request, partner)
    form = PartnerForm(request.POST or None, initial=PartnerForm.initial_for(partner))
    if ui.submit(
        request,
        form,
        lambda data: services.update_partner(
            partner=partner, municipality=municipality, by=request.user, **data
        ),
    ):
        messages.success(request, _("%(name)s is saved.") % {"name": partner.name})
        return redirect("coordination:partner_detail", municipality.pk, partner.pk)
    return render(
        request,
        "coordination/partners/partner_form.html",
        {
            "municipality": municipality,
            "form": form,
            "partner": partner,
            "shared_with": partner.municipalities.exclude(pk=municipality.pk).count(),
        },
    )


def _detail_page(
    request: HttpRequest,
    partner: PartnerOrganisation,
    *,
    contact_form: ContactForm | None = None,
    offer_form: OfferForm | None = None,
    status: int = 200,
) -> HttpResponse:
    municipality = request.municipality
    may_manage = can(request.user, MANAGE, municipality)
    may_manage_relation = bool(can_manage_partner_relation(request.user, partner, municipality))
    may_change_details = bool(can_change_partner_details(request.user, partner, municipality))
    if may_change_details:
        corrections = partner.corrections.filter(status=PartnerCorrection.Status.PROPOSED)
    elif may_manage:
        corrections = partner.corrections.filter(municipality=municipality)[:5]
    else:
        corrections = PartnerCorrection.objects.none()
    agreements = (
        CooperationAgreement.objects.in_municipality(municipality)
        .filter(party_rows__organisation=partner)
        .order_by("-starts_on", "pk")
        .distinct()
    )
    return render(
        request,
        "coordination/partners/partner_detail.html",
        {
            "municipality": municipality,
            "partner": partner,
            "contacts": PartnerContact.objects.in_municipality(municipality).filter(
                organisation=partner
            ),
            "offers": PartnerOffer.objects.in_municipality(municipality).filter(
                organisation=partner
            ),
            "agreements": agreements,
            "other_municipalities": partner.municipalities.exclude(pk=municipality.pk).order_by(
                "name"
            ),
            "may_manage": may_manage,
            "may_manage_relation": may_manage_relation,
            "may_change_details": may_change_details,
            "may_propose": bool(can_propose_correction(request.user, partner, municipality)),
            "corrections": list(corrections.select_related("municipality")),
            "may_read_registry": can(request.user, READ, municipality),
            "form": contact_form or offer_form,  # the one that was sent, if any
            "contact_form": contact_form or (ContactForm() if may_manage_relation else None),
            "offer_form": offer_form or (OfferForm() if may_manage_relation else None),
            "today": timezone.localdate(),
        },
        status=status,
    )


@municipality_view(PAGES)
@require_GET
def partner_detail(request: HttpRequest, pk: int) -> HttpResponse:
    partner = _partner(request, pk, PAGES)
    if not can_view_partner(request.user, partner, request.municipality):
        raise Http404
    return _detail_page(request, partner)


@municipality_view(READ)
@require_GET
def partner_map(request: HttpRequest) -> HttpResponse:
    """The "mind map of partners" (step 2, Map): the municipality in the centre, its partners
    around it by type, each with what it offers."""
    municipality = request.municipality
    areas = municipality_areas(municipality)
    form = PartnerSearchForm(request.GET or None, areas=areas)
    form.fields.pop("q")
    form.fields.pop("kind")
    partners = list(
        filtered_partners(request, form)
        .annotate(has_active_agreement=_active_agreements_q(municipality))
        .prefetch_related(offers_here(municipality))
        .order_by("name", "pk")
    )
    return render(
        request,
        "coordination/partners/partner_map.html",
        {
            "municipality": municipality,
            "form": form,
            "groups": map_groups(partners),
            "partners": partners,
            "offer_kinds": OfferKind.choices,
            "filtered": bool(form.is_bound and form.is_valid() and any(form.cleaned_data.values())),
        },
    )
