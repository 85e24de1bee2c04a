"""Stopping as a volunteer, and a coordinator removing a volunteer from the registry."""

from django.contrib import messages
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from coordination.kernel import ui
from coordination.kernel.models import User
from coordination.kernel.permissions import get_for_user, login_required, municipality_view
from volunteers.leaving import services as leaving
from volunteers.models import Volunteer
from volunteers.profile.forms import LeaveForm
from volunteers.profile.own import own_volunteer


@login_required
@require_http_methods(["GET", "POST"])
def leave(request: HttpRequest) -> HttpResponse:
    """The volunteer stops, and may ask for their details to be deleted at once. Their account
    stays; they can register again later. Someone who helps in several municipalities stops in
    the one their page shows, and stays in the others."""
    volunteer = own_volunteer(request)
    if volunteer is None or volunteer.left_at is not None:
        return redirect("volunteers:own_page")
    form = LeaveForm(request.POST if request.method == "POST" else None)
    if done := ui.submit(request, form, lambda data: _stop(volunteer, request.user, **data)):
        if done.value:
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


@transaction.atomic
def _stop(volunteer: Volunteer, user: User, *, delete_now: bool) -> bool:
    """The volunteer stops, and their details go at once if they asked; whether they did."""
    leaving.end_volunteering(volunteer=volunteer, by=user)
    if delete_now:
        leaving.anonymise_volunteer(volunteer=volunteer, by=user)
    return delete_now


def _volunteer_of(request: HttpRequest, pk: int) -> Volunteer:
    return get_for_user(
        Volunteer.objects.in_municipality(request.municipality).select_related("user"),
        request.user,
        "manage_screening",
        pk=pk,
    )


def _detail_url(volunteer: Volunteer) -> str:
    return reverse("volunteers:volunteer_detail", args=[volunteer.municipality_id, volunteer.pk])


@municipality_view("manage_screening")
@require_http_methods(["GET", "POST"])
def volunteer_leave(request: HttpRequest, pk: int) -> HttpResponse:
    """The coordinator records that a volunteer has stopped."""
    volunteer = _volunteer_of(request, pk)
    return ui.confirm_then(
        request,
        do=lambda: leaving.end_volunteering(volunteer=volunteer, by=request.user),
        done=_("%(name)s is recorded as having stopped.") % {"name": volunteer},
        then=_detail_url(volunteer),
        title=_("Record that the volunteer has stopped"),
        question=_(
            "%(name)s will no longer be proposed for tasks. Running tasks are ended, open "
            "invitations withdrawn, and roles with their police certificate records removed."
        )
        % {"name": volunteer},
        submit_label=_("Yes, the volunteer has stopped"),
        back_url=_detail_url(volunteer),
        back_label=_("Back to the volunteer"),
    )


@municipality_view("manage_screening")
@require_http_methods(["GET", "POST"])
def volunteer_anonymise(request: HttpRequest, pk: int) -> HttpResponse:
    """The coordinator deletes a volunteer's personal data; the statistics stay."""
    volunteer = _volunteer_of(request, pk)
    question = _(
        "The name, contact details, profile, notes, roles and police certificate "
        "records of %(name)s are deleted. This cannot be undone."
    ) % {"name": volunteer}
    kept = _(
        "The hours given and the tasks helped with are kept in the statistics, without "
        "anything that points to the person. Their account, if they have one, is not deleted."
    )
    return ui.confirm_then(
        request,
        do=lambda: leaving.anonymise_volunteer(volunteer=volunteer, by=request.user),
        done=_("The volunteer's personal data is deleted. Their hours are kept."),
        then=reverse("volunteers:registry", args=[request.municipality.pk]),
        title=_("Delete the volunteer's personal data"),
        question=question,
        details=[kept],
        submit_label=_("Yes, delete the personal data"),
        back_url=_detail_url(volunteer),
        back_label=_("Back to the volunteer"),
    )
