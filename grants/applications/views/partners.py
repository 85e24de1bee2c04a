"""Partners: the applicant names them and removes them; each partner answers from its own
page whether it takes part."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from coordination.kernel import ui
from coordination.kernel.http import AuthenticatedRequest
from coordination.kernel.permissions import login_required
from grants.applications import services
from grants.applications.forms import PartnerAnswerForm, PartnerForm, PartnerSearchForm
from grants.applications.models import ApplicationPartner
from grants.applications.permissions import is_applicant, speaks_for_partner
from grants.applications.views.common import locked_redirect, own_application


@login_required
@require_http_methods(["GET", "POST"])
def application_partners(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    application = own_application(request, pk)
    if refused := locked_redirect(request, application):
        return refused
    search = PartnerSearchForm(request.GET or None)
    query = search.cleaned_data["q"] if search.is_valid() else ""
    if request.method == "POST":
        query = request.POST.get("q", "")[:100]
    form = PartnerForm(request.POST or None, query=query, initial={"q": query})
    if ui.submit(
        request,
        form,
        lambda _data: services.add_partner(
            by=request.user, application=application, **form.service_arguments()
        ),
    ):
        messages.success(
            request, _("The partner is added. We have asked them by email to confirm taking part.")
        )
        return redirect("grants:application_partners", application.pk)
    return render(
        request,
        "grants/applications/partners.html",
        {
            "application": application,
            "partners": list(application.partners.select_related("organisation", "municipality")),
            "search": search,
            "query": query,
            "form": form,
            "searched": len(query.strip()) >= 2,
            "scheme": application.round.scheme,
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def application_partner_remove(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    partner = get_object_or_404(
        ApplicationPartner.objects.select_related(
            "application__round", "organisation", "municipality"
        ),
        pk=pk,
    )
    application = partner.application
    if not is_applicant(request.user, application):
        raise Http404
    if refused := locked_redirect(request, application):
        return refused
    back = reverse("grants:application_partners", args=[application.pk])
    return ui.confirm_then(
        request,
        do=lambda: services.remove_partner(by=request.user, partner=partner),
        done=_("%(partner)s is removed from the application.") % {"partner": partner.name},
        then=back,
        title=_("Remove a partner"),
        question=_("Do you want to remove %(partner)s from the application «%(title)s»?")
        % {"partner": partner.name, "title": application.title},
        submit_label=_("Yes, remove the partner"),
        back_url=back,
    )


@login_required
@require_http_methods(["GET", "POST"])
def partner_confirm(request: AuthenticatedRequest, pk: int) -> HttpResponse:
    partner = get_object_or_404(
        ApplicationPartner.objects.select_related(
            "application__round__scheme",
            "application__grant_maker",
            "application__organisation",
            "application__municipality",
            "organisation",
            "municipality",
        ),
        pk=pk,
    )
    if not speaks_for_partner(request.user, partner):
        raise Http404
    application = partner.application
    form = PartnerAnswerForm(request.POST or None)
    if application.is_editable and ui.submit(
        request,
        form,
        lambda data: services.answer_partnership(
            by=request.user, partner=partner, confirm=data["answer"] == "yes"
        ),
    ):
        if partner.confirmed_at:
            messages.success(request, _("Thank you. You have confirmed taking part."))
        else:
            messages.success(
                request, _("Thank you. The applicant is told that you do not take part.")
            )
        return redirect("grants:partner_confirm", partner.pk)
    return render(
        request,
        "grants/applications/partner_confirm.html",
        {
            "partner": partner,
            "application": application,
            "form": form if application.is_editable else None,
            "detail_url": reverse("grants:application_detail", args=[application.pk]),
        },
    )
