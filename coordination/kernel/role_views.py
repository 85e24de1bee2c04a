"""A municipality's people: who holds a role (given, invited before they have an account,
removed), and whom the public can call (the public contact a coordinator chooses)."""

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from coordination.kernel import invitations, services, ui
from coordination.kernel.contact import PublicContact, public_contact
from coordination.kernel.forms import MembershipForm, PublicContactForm
from coordination.kernel.http import MunicipalityRequest
from coordination.kernel.models import Membership, RoleInvitation
from coordination.kernel.permissions import get_for_user, municipality_view


@municipality_view("manage_public_contact")
@require_http_methods(["GET", "POST"])
def public_contact_edit(request: MunicipalityRequest) -> HttpResponse:
    municipality = request.municipality
    contact = public_contact(municipality) or PublicContact(municipality=municipality)
    form = PublicContactForm(request.POST or None, instance=contact, municipality=municipality)
    if ui.submit(
        request,
        form,
        lambda data: services.update_public_contact(
            municipality=municipality, by=request.user, **data
        ),
    ):
        messages.success(request, _("The public page shows what you chose."))
        return redirect("coordination:municipality_detail", municipality.pk)
    return ui.form_page(
        request,
        form=form,
        title=_("Whom the public can call"),
        intro=_(
            "The public page of %(name)s shows only what you choose here. The coordinator you "
            "choose also signs the portal's emails, and replies go to the email address shown "
            "(or to that coordinator)."
        )
        % {"name": municipality.name},
        submit_label=_("Save"),
        back_url=reverse("coordination:overview", args=[municipality.pk]),
    )


@municipality_view("manage_roles")
@require_http_methods(["GET", "POST"])
def membership_add(request: MunicipalityRequest) -> HttpResponse:
    municipality = request.municipality
    form = MembershipForm(request.POST or None, municipality=municipality)
    if done := ui.submit(
        request,
        form,
        lambda data: services.give_role(municipality=municipality, by=request.user, **data),
    ):
        given = done.value
        if isinstance(given, RoleInvitation):
            messages.success(
                request,
                _(
                    "%(email)s has no account yet. We have sent an invitation: they get the role "
                    "%(role)s when they sign up with this address."
                )
                % {"email": given.email, "role": given.get_role_display().lower()},
            )
        else:
            messages.success(
                request,
                _("%(name)s is now %(role)s.")
                % {"name": given.user, "role": given.get_role_display().lower()},
            )
        return redirect("coordination:overview", municipality.pk)
    return ui.form_page(
        request,
        form=form,
        title=_("Add a person to a role"),
        intro=_(
            "The person gets the role in %(name)s and sees what the role gives access to the "
            "next time they open a page. Someone without an account is invited by email."
        )
        % {"name": municipality.name},
        submit_label=_("Add role"),
        back_url=reverse("coordination:overview", args=[municipality.pk]),
    )


@municipality_view("manage_roles")
@require_http_methods(["GET", "POST"])
def membership_remove(request: MunicipalityRequest, pk: int) -> HttpResponse:
    municipality = request.municipality
    membership = get_for_user(
        Membership.objects.select_related("user").filter(municipality=municipality),
        request.user,
        "manage_roles",
        pk=pk,
    )
    back = reverse("coordination:overview", args=[municipality.pk])
    words = {"name": membership.user, "role": membership.get_role_display().lower()}
    return ui.confirm_then(
        request,
        do=lambda: services.remove_membership(membership=membership, by=request.user),
        done=_("%(name)s no longer has the role %(role)s.") % words,
        then=back,
        title=_("Remove role"),
        question=_(
            "Do you want to remove the role %(role)s in %(municipality)s from %(name)s? Their "
            "account is kept."
        )
        % {
            "role": membership.get_role_display(),
            "municipality": municipality.name,
            "name": membership.user,
        },
        submit_label=_("Yes, remove the role"),
        back_url=back,
        template="coordination/membership_confirm_remove.html",
    )


@municipality_view("manage_roles")
@require_http_methods(["GET", "POST"])
def invitation_withdraw(request: MunicipalityRequest, pk: int) -> HttpResponse:
    municipality = request.municipality
    invitation = get_object_or_404(
        RoleInvitation.objects.in_municipality(municipality).pending(), pk=pk
    )
    back = reverse("coordination:overview", args=[municipality.pk])
    words = {"email": invitation.email, "role": invitation.get_role_display().lower()}
    return ui.confirm_then(
        request,
        do=lambda: invitations.withdraw_invitation(invitation=invitation, by=request.user),
        done=_("The invitation to %(email)s is withdrawn.") % words,
        then=back,
        title=_("Withdraw invitation"),
        question=_(
            "Do you want to withdraw the invitation to %(email)s (%(role)s)? If they sign up "
            "later, they get no role from it."
        )
        % words,
        submit_label=_("Yes, withdraw the invitation"),
        back_url=back,
    )
