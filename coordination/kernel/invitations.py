"""Role invitations (issue 13): a coordinator gives a colleague a role before the colleague has
an account, and the national administrator gives a new municipality its first coordinator. The
role is made when a person verifies the invited address (signing up, or logging in with it
already verified); only that address, compared without regard to case, and only while the
invitation is neither withdrawn nor expired."""

from __future__ import annotations

from datetime import timedelta

from allauth.account.models import EmailAddress
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from coordination.kernel import audit, outbox, permissions
from coordination.kernel.models import (
    INVITATION_DAYS,
    Membership,
    Municipality,
    Role,
    RoleInvitation,
    User,
)

SEND_TASK = "coordination.kernel.tasks.send_role_invitation"


def _invite(
    *, municipality: Municipality, email: str, role: str, by: User, organisation=None
) -> RoleInvitation:
    email = email.strip()
    if role == Role.PARTNER_REPRESENTATIVE and organisation is None:
        raise ValidationError({"organisation": _("Choose the organisation they represent.")})
    if role != Role.PARTNER_REPRESENTATIVE:
        organisation = None
    waiting = RoleInvitation.objects.in_municipality(municipality).pending().for_email(email)
    if waiting.select_for_update().filter(role=role).exists():
        raise ValidationError(
            {"email": _("An invitation to this address for this role is already waiting.")}
        )
    now = timezone.now()
    invitation = RoleInvitation.objects.create(
        municipality=municipality,
        email=email,
        role=role,
        organisation=organisation,
        invited_by=by,
        created_at=now,
        expires_at=now + timedelta(days=INVITATION_DAYS),
    )
    audit.record(
        by,
        "created",
        invitation,
        code="invitation.created",
        params={"role": role, "email": email},
    )
    outbox.send(SEND_TASK, invitation=invitation.pk)
    return invitation


@transaction.atomic
def invite_to_role(
    *, municipality: Municipality, email: str, role: str, by: User, organisation=None
) -> RoleInvitation:
    """A coordinator invites a colleague who has no account yet."""
    permissions.require(by, "manage_roles", municipality)
    return _invite(
        municipality=municipality, email=email, role=role, by=by, organisation=organisation
    )


@transaction.atomic
def invite_first_coordinator(*, municipality: Municipality, email: str, by: User) -> RoleInvitation:
    """The national administrator invites a municipality's first coordinator."""
    permissions.require_national_administrator(by)
    return _invite(municipality=municipality, email=email, role=Role.COORDINATOR, by=by)


@transaction.atomic
def withdraw_invitation(*, invitation: RoleInvitation, by: User) -> None:
    permissions.require(by, "manage_roles", invitation)
    invitation = RoleInvitation.objects.select_for_update().get(pk=invitation.pk)
    if not invitation.is_pending:
        raise ValidationError(_("This invitation is no longer waiting: nothing was changed."))
    invitation.withdrawn_at = timezone.now()
    invitation.save(update_fields=["withdrawn_at"])
    audit.record(
        by,
        "changed",
        invitation,
        code="invitation.withdrawn",
        params={"role": invitation.role, "email": invitation.email},
    )


@transaction.atomic
def accept_invitations(*, user: User, email: str) -> list[Membership]:
    """Give ``user`` the roles waiting for ``email``, if it is one of their verified addresses.
    Called by allauth's signals (kernel.signals); an invitation is accepted once."""
    verified = EmailAddress.objects.filter(user=user, email__iexact=email.strip(), verified=True)
    if not user.is_active or not verified.exists():
        return []
    given = []
    waiting = RoleInvitation.objects.pending().for_email(email).select_for_update()
    for invitation in waiting.select_related("municipality"):
        membership, created = Membership.objects.get_or_create(
            user=user,
            municipality=invitation.municipality,
            role=invitation.role,
            defaults={"organisation": invitation.organisation, "created_by": invitation.invited_by},
        )
        invitation.accepted_at = timezone.now()
        invitation.accepted_by = user
        invitation.save(update_fields=["accepted_at", "accepted_by"])
        words = {"role": invitation.role, "name": str(user)}
        if created:
            audit.record(user, "created", membership, code="membership.role", params=words)
            given.append(membership)
        audit.record(user, "changed", invitation, code="invitation.accepted", params=words)
    permissions.forget_roles(user)
    return given


def accept_for_verified_addresses(user: User) -> list[Membership]:
    """Every verified address of ``user`` (at login: an invitation made after they signed up)."""
    given: list[Membership] = []
    for address in EmailAddress.objects.filter(user=user, verified=True).values_list(
        "email", flat=True
    ):
        if RoleInvitation.objects.pending().for_email(address).exists():
            given += accept_invitations(user=user, email=address)
    return given
