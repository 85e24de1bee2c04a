"""The partner registry, a partner's page with its contacts and offers, and the partner map.
Coordinators manage them; volunteer contacts and grant officers read; a partner representative
sees only their own organisation's page. The agreements are in partners_agreements.py."""

from __future__ import annotations

from functools import partial

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import Exists, OuterRef, Prefetch, Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from stdnum.no import orgnr

from coordination.kernel import permissions
from coordination.kernel.forms import add_service_errors
from coordination.kernel.permissions import can, get_for_user, municipality_view
from coordination.kernel.ui import confirm_then
from coordination.models import (
    AgreementParty,
    CooperationAgreement,
    Municipality,
    OfferKind,
    PartnerContact,
    PartnerOffer,
    PartnerOrganisation,
)
from coordination.partners import services
from coordination.partners.forms import ContactForm, OfferForm, PartnerForm, PartnerSearchForm
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
        queryset=PartnerOffer.objects.filter(municipality=municipality).order_by("kind", "pk"),
        to_attr="offers_here",
    )


def municipality_areas(municipality) -> list[str]:
    """Every area or village named in the municipality's offers, alphabetically."""
    found: dict[str, str] = {}
    for areas in PartnerOffer.objects.filter(municipality=municipality).values_list(
        "areas", flat=True
    ):
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
    offers = PartnerOffer.objects.filter(municipality=municipality, organisation=OuterRef("pk"))
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
            agreement__in=CooperationAgreement.objects.filter(municipality=municipality).active(),
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


def _partner_fields(form: PartnerForm) -> dict:
    data = form.cleaned_data
    return {
        "name": data["name"],
        "kind": data["kind"],
        "organisation_number": data.get("organisation_number") or "",
        "email": data.get("email") or "",
        "phone": data.get("phone") or "",
    }


@municipality_view(MANAGE)
@require_http_methods(["GET", "POST"])
def partner_add(request: HttpRequest) -> HttpResponse:
    municipality = request.municipality
    form = PartnerForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            partner, linked = services.save_partner(
                municipality=municipality, by=request.user, **_partner_fields(form)
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
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


@municipality_view(PAGES)
@require_http_methods(["GET", "POST"])
def partner_edit(request: HttpRequest, pk: int) -> HttpResponse:
    """Coordinators, and the organisation's own representatives, change a partner's details;
    a coordinator whose municipality only linked the partner is told who keeps them."""
    municipality = request.municipality
    partner = _partner(request, pk, PAGES)
    may_change = permissions.can_change_partner_details(request.user, partner, municipality)
    if not (may_change or can(request.user, MANAGE, municipality)):
        raise Http404
    if not may_change:
        # A partner another municipality registered: its shared details are not ours to change.
        if request.method == "POST":
            messages.error(
                request,
                _(
                    "%(name)s was registered by another municipality, so its name and details "
                    "are not changed here. Nothing was saved."
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
                "keeper": Municipality.objects.filter(pk=partner.keeper_municipality_id).first(),
                "shared_with": partner.municipalities.exclude(pk=municipality.pk).count(),
            },
        )
    form = PartnerForm(request.POST or None, initial=PartnerForm.initial_for(partner))
    if request.method == "POST" and form.is_valid():
        try:
            services.save_partner(
                municipality=municipality, by=request.user, partner=partner, **_partner_fields(form)
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("%(name)s is saved.") % {"name": partner.name})
            return redirect("coordination:partner_detail", municipality.pk, partner.pk)
        partner.refresh_from_db()
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
    agreements = (
        CooperationAgreement.objects.filter(
            municipality=municipality, party_rows__organisation=partner
        )
        .order_by("-starts_on", "pk")
        .distinct()
    )
    return render(
        request,
        "coordination/partners/partner_detail.html",
        {
            "municipality": municipality,
            "partner": partner,
            "contacts": PartnerContact.objects.filter(
                municipality=municipality, organisation=partner
            ),
            "offers": PartnerOffer.objects.filter(municipality=municipality, organisation=partner),
            "agreements": agreements,
            "other_municipalities": partner.municipalities.exclude(pk=municipality.pk).order_by(
                "name"
            ),
            "may_manage": may_manage,
            "may_change_details": permissions.can_change_partner_details(
                request.user, partner, municipality
            ),
            "may_read_registry": can(request.user, READ, municipality),
            "form": contact_form or offer_form,  # the one that was sent, if any
            "contact_form": contact_form or (ContactForm() if may_manage else None),
            "offer_form": offer_form or (OfferForm() if may_manage else None),
            "today": timezone.localdate(),
        },
        status=status,
    )


@municipality_view(PAGES)
@require_GET
def partner_detail(request: HttpRequest, pk: int) -> HttpResponse:
    partner = _partner(request, pk, PAGES)
    if not permissions.can_view_partner(request.user, partner, request.municipality):
        raise Http404
    return _detail_page(request, partner)


def _add_to_partner(
    request: HttpRequest, pk: int, form_class, save, done: str, form_name: str
) -> HttpResponse:
    """Add a contact or an offer with ``save`` (a service); on an error the partner's page is
    shown again with the form that was sent (``form_name``: its name in ``_detail_page``)."""
    municipality = request.municipality
    partner = _partner(request, pk)
    form = form_class(request.POST)
    if form.is_valid():
        try:
            save(municipality=municipality, by=request.user, partner=partner, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, done)
            return redirect("coordination:partner_detail", municipality.pk, partner.pk)
    return _detail_page(request, partner, **{form_name: form})


@municipality_view(MANAGE)
@require_POST
def partner_contact_add(request: HttpRequest, pk: int) -> HttpResponse:
    return _add_to_partner(
        request,
        pk,
        ContactForm,
        services.save_contact,
        _("The contact person is added."),
        "contact_form",
    )


@municipality_view(MANAGE)
@require_http_methods(["GET", "POST"])
def partner_contact_remove(request: HttpRequest, pk: int) -> HttpResponse:
    municipality = request.municipality
    contact = _item(request, PartnerContact, pk)
    back = reverse("coordination:partner_detail", args=[municipality.pk, contact.organisation_id])
    return confirm_then(
        request,
        do=lambda: services.remove_contact(contact=contact, by=request.user),
        done=_("%(name)s is removed as a contact person.") % {"name": contact.name},
        then=back,
        title=_("Remove a contact person"),
        question=_(
            "Do you want to remove %(name)s as your contact person at %(partner)s? Only your "
            "municipality's contact list changes; the partner itself is kept."
        )
        % {"name": contact.name, "partner": contact.organisation.name},
        submit_label=_("Yes, remove the contact person"),
        back_url=back,
    )


@municipality_view(MANAGE)
@require_POST
def partner_offer_add(request: HttpRequest, pk: int) -> HttpResponse:
    return _add_to_partner(
        request, pk, OfferForm, services.save_offer, _("The offer is added."), "offer_form"
    )


@municipality_view(MANAGE)
@require_http_methods(["GET", "POST"])
def partner_offer_remove(request: HttpRequest, pk: int) -> HttpResponse:
    municipality = request.municipality
    offer = _item(request, PartnerOffer, pk)
    back = reverse("coordination:partner_detail", args=[municipality.pk, offer.organisation_id])
    return confirm_then(
        request,
        do=lambda: services.remove_offer(offer=offer, by=request.user),
        done=_("The offer is removed."),
        then=back,
        title=_("Remove an offer"),
        question=_(
            "Do you want to remove the offer «%(offer)s» from %(partner)s? It is no longer shown "
            "in the partner registry or on the partner map."
        )
        % {"offer": offer.description, "partner": offer.organisation.name},
        submit_label=_("Yes, remove the offer"),
        back_url=back,
    )


def _item(request: HttpRequest, model: type[PartnerContact | PartnerOffer], pk: int):
    """A contact person or an offer in this municipality, with its organisation."""
    return get_for_user(
        model.objects.filter(municipality=request.municipality).select_related("organisation"),
        request.user,
        MANAGE,
        pk=pk,
    )


def _edit_item(
    request: HttpRequest, item, form_class, save, initial: dict, done: str, heading: str
) -> HttpResponse:
    """Change a contact person or an offer with ``save`` (a service already given the item)."""
    municipality = request.municipality
    partner = item.organisation
    form = form_class(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            save(municipality=municipality, by=request.user, partner=partner, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, done)
            return redirect("coordination:partner_detail", municipality.pk, partner.pk)
    return render(
        request,
        "coordination/partners/item_form.html",
        {"municipality": municipality, "form": form, "partner": partner, "heading": heading},
    )


@municipality_view(MANAGE)
@require_http_methods(["GET", "POST"])
def partner_contact_edit(request: HttpRequest, pk: int) -> HttpResponse:
    contact = _item(request, PartnerContact, pk)
    return _edit_item(
        request,
        contact,
        ContactForm,
        partial(services.save_contact, contact=contact),
        initial={f: getattr(contact, f) for f in ("name", "role", "email", "phone")},
        done=_("The contact person is saved."),
        heading=_("Change the contact person at %(name)s") % {"name": contact.organisation.name},
    )


@municipality_view(MANAGE)
@require_http_methods(["GET", "POST"])
def partner_offer_edit(request: HttpRequest, pk: int) -> HttpResponse:
    offer = _item(request, PartnerOffer, pk)
    return _edit_item(
        request,
        offer,
        OfferForm,
        partial(services.save_offer, offer=offer),
        initial={
            "kind": offer.kind,
            "description": offer.description,
            "areas": ", ".join(offer.area_list),
        },
        done=_("The offer is saved."),
        heading=_("Change what %(name)s offers") % {"name": offer.organisation.name},
    )


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
