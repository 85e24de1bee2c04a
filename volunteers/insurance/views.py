"""The coordinator writes who insures the municipality's volunteers, and for what."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from coordination.kernel.forms import add_service_errors
from coordination.kernel.permissions import municipality_view
from volunteers.insurance.forms import InsuranceForm
from volunteers.insurance.services import insurance_of, save_insurance


@municipality_view("manage_screening")
@require_http_methods(["GET", "POST"])
def insurance_edit(request: HttpRequest) -> HttpResponse:
    municipality = request.municipality
    info = insurance_of(municipality.pk)
    form = InsuranceForm(request.POST or None, instance=info, municipality=municipality)
    if request.method == "POST" and form.is_valid():
        try:
            save_insurance(
                municipality=municipality,
                fields=form.cleaned_data,
                roles=form.cleaned_data["roles"],
                by=request.user,
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request, _("The insurance is saved. Volunteers see it where it matters.")
            )
            return redirect("volunteers:role_list", municipality.pk)
    return render(
        request,
        "volunteers/insurance_form.html",
        {"municipality": municipality, "form": form, "info": info},
    )
