"""A coordinator registers a volunteer by phone, changes a volunteer's details, records the
consent of a volunteer who has none by phone, and invites a volunteer without a login to make
one (services in ``volunteers.registry.services.by_hand``)."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.timezone import localtime
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from coordination.kernel import ui
from coordination.kernel.permissions import get_for_user, municipality_view
from volunteers.models import Volunteer
from volunteers.registry.forms import ConsentByPhoneForm, VolunteerDetailsForm
from volunteers.registry.services import by_hand

# The form page, with the form's own layout (fieldsets, the consent text to read out).
TEMPLATE = "volunteers/volunteer_by_hand_form.html"


def _volunteer_of(request: HttpRequest, pk: int) -> Volunteer:
    return get_for_user(
        Volunteer.objects.in_municipality(request.municipality)
        .filter(anonymised_at__isnull=True)
        .select_related("user"),
        request.user,
        by_hand.ACTION,
        pk=pk,
    )


def _detail_url(volunteer: Volunteer) -> str:
    return reverse("volunteers:volunteer_detail", args=[volunteer.municipality_id, volunteer.pk])


@municipality_view(by_hand.ACTION)
@require_http_methods(["GET", "POST"])
def volunteer_add(request: HttpRequest) -> HttpResponse:
    """Register a volunteer who called (or was called): name and phone are enough."""
    municipality = request.municipality
    form = VolunteerDetailsForm(request.POST or None, register=True, municipality=municipality)
    if done := ui.submit(
        request,
        form,
        lambda data: by_hand.register_by_phone(
            municipality=municipality,
            by=request.user,
            details=form.details(),
            interests=data["interests"],
            consent_given=data.get("consent_given", False),
        ),
    ):
        messages.success(
            request,
            _("%(name)s is registered as a volunteer, with their consent given by phone.")
            % {"name": done.value},
        )
        return redirect(_detail_url(done.value))
    return ui.form_page(
        request,
        form=form,
        title=_("Register a volunteer by phone"),
        intro=_(
            "For someone who would like to help but has no email or login: their name and "
            "phone number are enough. They can get a login later if they want one."
        ),
        submit_label=_("Register the volunteer"),
        back_url=reverse("volunteers:registry", args=[municipality.pk]),
        back_label=_("Back to the volunteers"),
        template=TEMPLATE,
    )


@municipality_view(by_hand.ACTION)
@require_http_methods(["GET", "POST"])
def volunteer_edit(request: HttpRequest, pk: int) -> HttpResponse:
    volunteer = _volunteer_of(request, pk)
    form = VolunteerDetailsForm(
        request.POST or None,
        register=False,
        municipality=request.municipality,
        volunteer=volunteer,
    )
    if done := ui.submit(
        request,
        form,
        lambda data: by_hand.change_details(
            volunteer=volunteer,
            by=request.user,
            details=form.details(),
            interests=data["interests"],
        ),
    ):
        if done.value:
            messages.success(request, _("The volunteer's details are saved."))
        else:
            messages.info(request, _("Nothing was changed."))
        return redirect(_detail_url(volunteer))
    return ui.form_page(
        request,
        form=form,
        title=_("Change the details of %(name)s") % {"name": volunteer},
        submit_label=_("Save the details"),
        back_url=_detail_url(volunteer),
        back_label=_("Back to the volunteer"),
        template=TEMPLATE,
    )


@municipality_view(by_hand.ACTION)
@require_http_methods(["GET", "POST"])
def volunteer_login_invite(request: HttpRequest, pk: int) -> HttpResponse:
    volunteer = _volunteer_of(request, pk)
    return ui.confirm_then(
        request,
        do=lambda: by_hand.invite_to_make_login(volunteer=volunteer, by=request.user),
        done=_("The invitation is sent to %(email)s.") % {"email": volunteer.email},
        then=_detail_url(volunteer),
        title=_("Invite the volunteer to make a login"),
        question=_(
            "%(name)s gets an email at %(email)s with a link to make a login. When they have "
            "made it with this address and confirmed it, the login is linked to their "
            "volunteer details here."
        )
        % {"name": volunteer, "email": volunteer.email or "–"},
        submit_label=_("Send the invitation"),
        back_url=_detail_url(volunteer),
        back_label=_("Back to the volunteer"),
    )


@municipality_view(by_hand.ACTION)
@require_http_methods(["GET", "POST"])
def volunteer_consent_by_phone(request: HttpRequest, pk: int) -> HttpResponse:
    """Read the consent text out to a volunteer who has none recorded, and record their yes."""
    volunteer = _volunteer_of(request, pk)
    if request.method == "GET" and volunteer.consents.exists():
        messages.info(request, _("The volunteer's consent is already recorded."))
        return redirect(_detail_url(volunteer))
    # Bound on every POST: an unticked box sends nothing, and that is an answer to show.
    form = ConsentByPhoneForm(request.POST if request.method == "POST" else None)
    if done := ui.submit(
        request,
        form,
        lambda data: by_hand.record_consent_by_phone(
            volunteer=volunteer, by=request.user, consent_given=data["consent_given"]
        ),
    ):
        messages.success(
            request,
            _("The consent of %(name)s is recorded as given by phone on %(date)s.")
            % {"name": volunteer, "date": date_format(localtime(done.value.given_at))},
        )
        return redirect(_detail_url(volunteer))
    return ui.form_page(
        request,
        form=form,
        title=_("Record consent given by phone"),
        intro=_(
            "No consent is recorded for %(name)s. Call them, read the text below out, and tick "
            "the box only if they agree."
        )
        % {"name": volunteer},
        submit_label=_("Record the consent"),
        back_url=_detail_url(volunteer),
        back_label=_("Back to the volunteer"),
        template=TEMPLATE,
    )
