"""Proposing a correction to a shared partner's details (a coordinator whose municipality does
not keep them), and answering it (the organisation's representatives, or the municipality that
registered it while it has none)."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from coordination.kernel import ui
from coordination.kernel.permissions import municipality_view
from coordination.partners import services
from coordination.partners.forms import CorrectionDecisionForm, CorrectionForm
from coordination.partners.models import PartnerCorrection
from coordination.partners.permissions import can_change_partner_details, can_propose_correction
from coordination.partners.views.organisations import MANAGE, PAGES, _partner


@municipality_view(MANAGE)
@require_http_methods(["GET", "POST"])
def partner_correction_propose(request: HttpRequest, pk: int) -> HttpResponse:
    municipality = request.municipality
    partner = _partner(request, pk)
    back = reverse("coordination:partner_detail", args=[municipality.pk, partner.pk])
    verdict = can_propose_correction(request.user, partner, municipality)
    if not verdict:
        messages.info(request, verdict.reason)
        return redirect("coordination:partner_edit", municipality.pk, partner.pk)
    form = CorrectionForm(request.POST or None, initial=CorrectionForm.initial_for(partner))
    if ui.submit(
        request,
        form,
        lambda data: services.propose_correction(
            partner=partner, municipality=municipality, by=request.user, **data
        ),
    ):
        messages.success(
            request,
            _(
                "Your correction is sent. %(name)s's details change when those who keep them "
                "accept it; you see the answer on this page."
            )
            % {"name": partner.name},
        )
        return redirect(back)
    return ui.form_page(
        request,
        form=form,
        title=_("Propose a correction to %(name)s") % {"name": partner.name},
        submit_label=_("Send the correction"),
        back_url=back,
        back_label=_("Back to %(name)s") % {"name": partner.name},
        intro=_(
            "The name and details of %(name)s are shared by every municipality that works with "
            "it, so they are kept by the organisation itself (or the municipality that "
            "registered it). Write the details as they should be; they decide."
        )
        % {"name": partner.name},
    )


@municipality_view(PAGES)
@require_http_methods(["GET", "POST"])
def partner_correction_decide(request: HttpRequest, pk: int) -> HttpResponse:
    """A correction to a partner of this municipality, for those who keep its details (404
    for anyone else)."""
    municipality = request.municipality
    proposal = get_object_or_404(
        PartnerCorrection.objects.select_related("municipality", "proposed_by"), pk=pk
    )
    partner = _partner(request, proposal.organisation_id, PAGES)
    if not can_change_partner_details(request.user, partner, municipality):
        raise Http404
    back = reverse("coordination:partner_detail", args=[municipality.pk, partner.pk])
    form = CorrectionDecisionForm(request.POST or None)
    if proposal.status == PartnerCorrection.Status.PROPOSED and ui.submit(
        request,
        form,
        lambda data: services.decide_correction(
            correction=proposal,
            municipality=municipality,
            by=request.user,
            accept=data["decision"] == "accept",
            reason=data["reason"],
        ),
    ):
        accepted = form.cleaned_data["decision"] == "accept"
        messages.success(
            request,
            _("The correction is accepted, and the details are changed.")
            if accepted
            else _("The correction is declined; the details are as they were."),
        )
        return redirect(back)
    return render(
        request,
        "coordination/partners/correction_decide.html",
        {
            "municipality": municipality,
            "partner": partner,
            "correction": proposal,
            "form": form,
            "back_url": back,
        },
    )
