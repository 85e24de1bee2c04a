"""The coordinator writes who insures the municipality's volunteers, and for what."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from coordination.kernel import ui
from coordination.kernel.permissions import municipality_view
from volunteers.insurance.forms import InsuranceForm
from volunteers.insurance.models import InsuranceInfo
from volunteers.insurance.services import create_insurance, insurance_of, update_insurance


def _save(request: HttpRequest, info: InsuranceInfo | None, data: dict) -> InsuranceInfo:
    if info is None:
        return create_insurance(municipality=request.municipality, by=request.user, **data)
    return update_insurance(info=info, by=request.user, **data)


@municipality_view("manage_screening")
@require_http_methods(["GET", "POST"])
def insurance_edit(request: HttpRequest) -> HttpResponse:
    municipality = request.municipality
    info = insurance_of(municipality.pk)
    form = InsuranceForm(request.POST or None, instance=info, municipality=municipality)
    if ui.submit(request, form, lambda data: _save(request, info, data)):
        messages.success(request, _("The insurance is saved. Volunteers see it where it matters."))
        return redirect("volunteers:role_list", municipality.pk)
    return render(
        request,
        "volunteers/insurance_form.html",
        {"municipality": municipality, "form": form, "info": info},
    )
