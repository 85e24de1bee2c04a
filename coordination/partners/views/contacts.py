"""A partner's contact persons and offers in this municipality: adding, changing and removing
them from the partner's page (organisations.py). Coordinators manage them, and the
organisation's own representatives manage their organisation's."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django import forms
from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseNotAllowed
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from coordination.kernel import ui
from coordination.kernel.permissions import get_for_user, municipality_view
from coordination.partners import services
from coordination.partners.forms import ContactForm, OfferForm
from coordination.partners.models import PartnerContact, PartnerOffer
from coordination.partners.permissions import can_manage_partner_relation
from coordination.partners.views.organisations import PAGES, _detail_page, _partner


def _add_to_partner(
    request: HttpRequest,
    pk: int,
    form: forms.BaseForm,
    create: Callable[..., Any],
    done: str,
    form_name: str,
) -> HttpResponse:
    """Add a contact or an offer with ``create`` (a service); on an error the partner's page is
    shown again with the form that was sent (``form_name``: its name in ``_detail_page``)."""
    municipality = request.municipality
    partner = _partner(request, pk, PAGES)
    if not can_manage_partner_relation(request.user, partner, municipality):
        raise Http404
    if request.method != "POST":  # after the check: a GET tells nobody the partner exists
        return HttpResponseNotAllowed(["POST"])
    if ui.submit(
        request,
        form,
        lambda data: create(municipality=municipality, by=request.user, partner=partner, **data),
    ):
        messages.success(request, done)
        return redirect("coordination:partner_detail", municipality.pk, partner.pk)
    return _detail_page(request, partner, **{form_name: form})


@municipality_view(PAGES)
@require_http_methods(["GET", "POST"])
def partner_contact_add(request: HttpRequest, pk: int) -> HttpResponse:
    return _add_to_partner(
        request,
        pk,
        ContactForm(request.POST),
        services.create_contact,
        _("The contact person is added."),
        "contact_form",
    )


@municipality_view(PAGES)
@require_http_methods(["GET", "POST"])
def partner_contact_remove(request: HttpRequest, pk: int) -> HttpResponse:
    contact = _item(request, PartnerContact, pk)
    return _remove_item(
        request,
        contact,
        lambda: services.remove_contact(contact=contact, by=request.user),
        done=_("%(name)s is removed as a contact person.") % {"name": contact.name},
        title=_("Remove a contact person"),
        question=_(
            "Do you want to remove %(name)s as your contact person at %(partner)s? Only your "
            "municipality's contact list changes; the partner itself is kept."
        )
        % {"name": contact.name, "partner": contact.organisation.name},
        submit_label=_("Yes, remove the contact person"),
    )


@municipality_view(PAGES)
@require_http_methods(["GET", "POST"])
def partner_offer_add(request: HttpRequest, pk: int) -> HttpResponse:
    return _add_to_partner(
        request,
        pk,
        OfferForm(request.POST),
        services.create_offer,
        _("The offer is added."),
        "offer_form",
    )


@municipality_view(PAGES)
@require_http_methods(["GET", "POST"])
def partner_offer_remove(request: HttpRequest, pk: int) -> HttpResponse:
    offer = _item(request, PartnerOffer, pk)
    return _remove_item(
        request,
        offer,
        lambda: services.remove_offer(offer=offer, by=request.user),
        done=_("The offer is removed."),
        title=_("Remove an offer"),
        question=_(
            "Do you want to remove the offer «%(offer)s» from %(partner)s? It is no longer shown "
            "in the partner registry or on the partner map."
        )
        % {"offer": offer.description, "partner": offer.organisation.name},
        submit_label=_("Yes, remove the offer"),
    )


def _remove_item(
    request: HttpRequest,
    item: PartnerContact | PartnerOffer,
    remove: Callable[[], object],
    *,
    done: str,
    **page: str,
) -> HttpResponse:
    """Ask before removing a contact person or an offer (``remove``, a service); then back to
    the partner's page."""
    back = reverse(
        "coordination:partner_detail", args=[request.municipality.pk, item.organisation_id]
    )
    return ui.confirm_then(request, do=remove, done=done, then=back, back_url=back, **page)


def _item(request: HttpRequest, model: type[PartnerContact | PartnerOffer], pk: int):
    """A contact person or an offer in this municipality, with its organisation: for its
    coordinators, or the organisation's own representatives (404 for anyone else)."""
    item = get_for_user(
        model.objects.in_municipality(request.municipality).select_related("organisation"),
        request.user,
        PAGES,
        pk=pk,
    )
    if not can_manage_partner_relation(request.user, item.organisation, request.municipality):
        raise Http404
    return item


def _edit_item(
    request: HttpRequest,
    item: PartnerContact | PartnerOffer,
    form: forms.BaseForm,
    update: Callable[[dict[str, Any]], object],
    *,
    done: str,
    title: str,
) -> HttpResponse:
    """Change a contact person or an offer with ``update`` (a service given the item)."""
    municipality = request.municipality
    partner = item.organisation
    back = reverse("coordination:partner_detail", args=[municipality.pk, partner.pk])
    if ui.submit(request, form, update):
        messages.success(request, done)
        return redirect(back)
    return ui.form_page(
        request,
        form=form,
        title=title,
        submit_label=_("Save"),
        back_url=back,
        back_label=_("Back to %(name)s") % {"name": partner.name},
    )


@municipality_view(PAGES)
@require_http_methods(["GET", "POST"])
def partner_contact_edit(request: HttpRequest, pk: int) -> HttpResponse:
    contact = _item(request, PartnerContact, pk)
    fields = ("name", "role", "email", "phone")
    return _edit_item(
        request,
        contact,
        ContactForm(request.POST or None, initial={f: getattr(contact, f) for f in fields}),
        lambda data: services.update_contact(
            contact=contact, municipality=request.municipality, by=request.user, **data
        ),
        done=_("The contact person is saved."),
        title=_("Change the contact person at %(name)s") % {"name": contact.organisation.name},
    )


@municipality_view(PAGES)
@require_http_methods(["GET", "POST"])
def partner_offer_edit(request: HttpRequest, pk: int) -> HttpResponse:
    offer = _item(request, PartnerOffer, pk)
    initial = {
        "kind": offer.kind,
        "description": offer.description,
        "areas": ", ".join(offer.area_list),
    }
    return _edit_item(
        request,
        offer,
        OfferForm(request.POST or None, initial=initial),
        lambda data: services.update_offer(
            offer=offer, municipality=request.municipality, by=request.user, **data
        ),
        done=_("The offer is saved."),
        title=_("Change what %(name)s offers") % {"name": offer.organisation.name},
    )
