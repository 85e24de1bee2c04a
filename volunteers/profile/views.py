"""The volunteer's own pages: registration, profile, the declaration."""

from django.contrib import messages
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from coordination.kernel import ui
from coordination.kernel.models import User
from coordination.kernel.permissions import login_required
from coordination.kernel.views import my_places
from volunteers.hours import totals as hours_totals
from volunteers.insurance.services import insurance_for_volunteer
from volunteers.models import Signature, Volunteer
from volunteers.needs.assignment_views import own_needs_context
from volunteers.profile import own, services
from volunteers.profile.contacts import who_to_call
from volunteers.profile.contributions import other_my_page_panels
from volunteers.profile.forms import ConsentForm, DeclarationSignForm, VolunteerProfileForm
from volunteers.screening.own_views import own_screening
from volunteers.screening.readiness import Known


def _own_volunteer(request: HttpRequest) -> Volunteer | None:
    return own.own_volunteer(request)


@login_required
@require_http_methods(["GET", "POST"])
def register(request: HttpRequest) -> HttpResponse:
    """Register as a volunteer; a volunteer registers here again to help in a neighbouring
    municipality too (a membership of its own, with its own consent and declaration)."""
    current = _own_volunteer(request)
    form = VolunteerProfileForm(
        request.POST or None, user=request.user, with_consent=True, copy_from=current
    )
    if current is not None and not form.fields["municipality"].queryset.exists():
        messages.info(request, _("You are already a volunteer in every municipality you can be."))
        return redirect("volunteers:own_page")
    joined = ui.submit(request, form, lambda data: _register(request.user, data))
    if joined:
        messages.success(request, _("Welcome as a volunteer! One last step: the declaration."))
        return redirect(own.own_url("volunteers:declaration", joined.value.municipality_id))
    return render(
        request,
        "volunteers/volunteer_form.html",
        {"form": form, "registering": True, "joining": current},
    )


@login_required
@require_http_methods(["GET", "POST"])
def profile_edit(request: HttpRequest) -> HttpResponse:
    volunteer = _own_volunteer(request)
    if volunteer is None:
        return redirect("volunteers:register")
    form = VolunteerProfileForm(
        request.POST or None, instance=volunteer, user=request.user, with_consent=False
    )
    if ui.submit(request, form, lambda data: _update(volunteer, request.user, data)):
        messages.success(request, _("Your details have been saved."))
        return redirect("volunteers:own_page")
    return render(request, "volunteers/volunteer_form.html", {"form": form, "registering": False})


def _save_phone(user: User, data: dict) -> None:
    phone = data.get("phone")
    if phone and phone != user.phone:
        user.phone = phone
        user.save(update_fields=["phone"])


@transaction.atomic
def _register(user: User, data: dict) -> Volunteer:
    _save_phone(user, data)
    return services.register_volunteer(
        user=user, profile=data, interests=data["interests"], consented=data["consent"]
    )


@transaction.atomic
def _update(volunteer: Volunteer, user: User, data: dict) -> None:
    _save_phone(user, data)
    services.update_profile(volunteer=volunteer, profile=data, interests=data["interests"], by=user)


@login_required
@require_GET
def own_page(request: HttpRequest) -> HttpResponse:
    volunteer = _own_volunteer(request)
    if volunteer is None:
        return redirect("volunteers:register")
    # Loaded once, and passed along: the signatures shown also tell whether the current
    # declaration is signed, and the screening panel's readiness needs the declaration too.
    signatures = list(Signature.objects.filter(volunteer=volunteer).select_related("text"))
    current = services.current_declaration(volunteer.municipality_id)
    signed = current is not None and any(s.text_id == current.pk for s in signatures)
    screening = own_screening(volunteer, declaration=current)
    known = Known(
        holders=[row["holder"] for row in screening["roles"]],
        completed={completion.course_id for completion in screening["completions"]},
        signed={signature.text_id for signature in signatures},
        declarations={volunteer.municipality_id: current},
    )
    return render(
        request,
        "volunteers/own_page.html",
        {
            "volunteer": volunteer,
            "memberships": own.with_waiting_invitations(request.volunteer_memberships),
            "to_sign": current if current is not None and not signed else None,
            "signatures": signatures,
            "consent": volunteer.consents.first(),
            "own_hours": hours_totals.own_summary(volunteer),
            "screening": screening,
            "insurance": insurance_for_volunteer(volunteer),
            **own_needs_context(volunteer, known=known),
            **who_to_call(volunteer),
            # My page's parts: this page is the volunteer's one home ("My page").
            "places": my_places(request.user),
            "panels": other_my_page_panels(request),
        },
    )


@login_required
@require_http_methods(["GET", "POST"])
def declaration(request: HttpRequest) -> HttpResponse:
    volunteer = _own_volunteer(request)
    if volunteer is None:
        return redirect("volunteers:register")
    current = services.current_declaration(volunteer.municipality_id)
    signed = current is not None and services.has_signed(volunteer, current)
    version = current.version if current else 0
    form = DeclarationSignForm(
        request.POST or None, current_version=version, initial={"version": version}
    )
    if current is not None and ui.submit(
        request,
        form,
        lambda data: services.sign_declaration(volunteer=volunteer, text=current, by=request.user),
    ):
        messages.success(request, _("Thank you. You have signed the declaration."))
        return redirect("volunteers:own_page")
    return render(
        request,
        "volunteers/declaration_sign.html",
        {"volunteer": volunteer, "declaration": current, "signed": signed, "form": form},
    )


@login_required
@require_http_methods(["GET", "POST"])
def consent(request: HttpRequest) -> HttpResponse:
    """A volunteer a coordinator imported gives their consent here when they first log in."""
    volunteer = _own_volunteer(request)
    if volunteer is None:
        return redirect("volunteers:register")
    if services.has_consented(volunteer):
        return redirect("volunteers:own_page")
    form = ConsentForm(request.POST or None)
    if ui.submit(
        request, form, lambda data: services.give_consent(volunteer=volunteer, by=request.user)
    ):
        messages.success(request, _("Thank you. Your consent is recorded."))
        if services.declaration_to_sign(volunteer) is not None:
            return redirect("volunteers:declaration")
        return redirect("volunteers:own_page")
    return render(
        request,
        "volunteers/consent.html",
        {"volunteer": volunteer, "form": form, "purpose": services.CONSENT_PURPOSE},
    )
