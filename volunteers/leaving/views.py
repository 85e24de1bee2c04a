"""Stopping as a volunteer, and a coordinator removing a volunteer from the registry."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from coordination.kernel.permissions import get_for_user, login_required, municipality_view
from volunteers.leaving import services as leaving
from volunteers.models import Volunteer
from volunteers.profile.forms import LeaveForm


@login_required
@require_http_methods(["GET", "POST"])
def leave(request: HttpRequest) -> HttpResponse:
    """The volunteer stops, and may ask for their details to be deleted at once. Their account
    stays; they can register again later."""
    volunteer = Volunteer.objects.filter(user=request.user, left_at__isnull=True).first()
    if volunteer is None:
        return redirect("volunteers:own_page")
    form = LeaveForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        leaving.end_volunteering(volunteer=volunteer, by=request.user)
        if form.cleaned_data["delete_now"]:
            leaving.anonymise_volunteer(volunteer=volunteer, by=request.user)
            messages.success(
                request,
                _("You have stopped as a volunteer, and your volunteer details are deleted."),
            )
        else:
            messages.success(
                request, _("You have stopped as a volunteer. Thank you for your help!")
            )
        return redirect("coordination:my_page")
    return render(request, "volunteers/leave_confirm.html", {"volunteer": volunteer, "form": form})


def _volunteer_of(request: HttpRequest, pk: int) -> Volunteer:
    return get_for_user(
        Volunteer.objects.filter(municipality=request.municipality).select_related("user"),
        request.user,
        "manage_screening",
        pk=pk,
    )


@municipality_view("manage_screening")
@require_http_methods(["GET", "POST"])
def volunteer_leave(request: HttpRequest, pk: int) -> HttpResponse:
    """The coordinator records that a volunteer has stopped."""
    volunteer = _volunteer_of(request, pk)
    if request.method == "POST":
        try:
            leaving.end_volunteering(volunteer=volunteer, by=request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(
                request, _("%(name)s is recorded as having stopped.") % {"name": volunteer}
            )
        return redirect("volunteers:volunteer_detail", request.municipality.pk, volunteer.pk)
    return render(
        request,
        "volunteers/volunteer_confirm_leave.html",
        {"municipality": request.municipality, "volunteer": volunteer, "anonymise": False},
    )


@municipality_view("manage_screening")
@require_http_methods(["GET", "POST"])
def volunteer_anonymise(request: HttpRequest, pk: int) -> HttpResponse:
    """The coordinator deletes a volunteer's personal data; the statistics stay."""
    volunteer = _volunteer_of(request, pk)
    if request.method == "POST":
        leaving.anonymise_volunteer(volunteer=volunteer, by=request.user)
        messages.success(
            request, _("The volunteer's personal data is deleted. Their hours are kept.")
        )
        return redirect("volunteers:registry", request.municipality.pk)
    return render(
        request,
        "volunteers/volunteer_confirm_leave.html",
        {"municipality": request.municipality, "volunteer": volunteer, "anonymise": True},
    )
