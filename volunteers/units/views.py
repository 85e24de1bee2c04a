"""A coordinator links a volunteer to the units where they help, on the volunteer's page."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from coordination.kernel import ui
from coordination.kernel.permissions import can, get_for_user, municipality_view
from volunteers.models import Volunteer
from volunteers.registry.forms import VolunteerUnitsForm
from volunteers.screening.own_views import choices_once
from volunteers.units.services import set_volunteer_units


def units_context(request: HttpRequest, volunteer: Volunteer) -> dict:
    """What the detail page's units partial needs: the linked units, and the form for those
    who may change them."""
    may_link = can(request.user, "link_volunteer_units", volunteer)
    linked = [link.unit for link in volunteer.unit_links.select_related("unit")]
    form = (
        VolunteerUnitsForm(municipality=volunteer.municipality_id, initial={"units": linked})
        if may_link and not volunteer.anonymised_at
        else None
    )
    return {
        "linked_units": linked,
        "units_form": form,
        "units_to_link": form is not None and choices_once(form.fields["units"]),
    }


@municipality_view("link_volunteer_units")
@require_http_methods(["GET", "POST"])
def volunteer_units(request: HttpRequest, pk: int) -> HttpResponse:
    municipality = request.municipality
    volunteer = get_for_user(
        Volunteer.objects.in_municipality(municipality)
        .filter(anonymised_at__isnull=True)
        .select_related("user"),
        request.user,
        "link_volunteer_units",
        pk=pk,
    )
    linked = list(volunteer.unit_links.values_list("unit_id", flat=True))
    form = VolunteerUnitsForm(
        request.POST if request.method == "POST" else None,
        municipality=municipality,
        initial={"units": linked},
    )
    if done := ui.submit(
        request,
        form,
        lambda data: set_volunteer_units(volunteer=volunteer, by=request.user, **data),
    ):
        if done.value:
            messages.success(request, _("The volunteer's units are saved."))
        else:
            messages.info(request, _("Nothing was changed."))
        url = reverse("volunteers:volunteer_detail", args=[municipality.pk, volunteer.pk])
        return redirect(f"{url}#units")
    return render(
        request,
        "volunteers/volunteer_units_form.html",
        {"municipality": municipality, "volunteer": volunteer, "form": form},
    )
