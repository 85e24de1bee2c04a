"""Role invitations (issue 13): a coordinator gives a colleague a role before they have an
account; the role is made when the invited address is verified, never for another address."""

import re
from datetime import timedelta

import pytest
from allauth.account.models import EmailAddress
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from coordination.kernel import invitations, permissions, services
from coordination.kernel.models import AuditEvent, Membership, Role, RoleInvitation, User
from tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db


def _sign_up(client, email):
    return client.post(
        reverse("account_signup"),
        {
            "full_name": "Ny Kollega",
            "email": email,
            "password1": "Fjellvann-2026!",
            "password2": "Fjellvann-2026!",
        },
    )


def _confirm(client, address):
    message = next(
        m for m in reversed(mail.outbox) if address.lower() in [to.lower() for to in m.to]
    )
    link = re.search(r"https?://[^/\s]+(/accounts/confirm-email/[^\s]+)", message.body)
    assert link, message.body
    client.post(link.group(1))


def test_the_roles_form_invites_an_address_without_an_account(
    client_of, coordinator_lom, lom, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client_of(coordinator_lom, language="en").post(
            reverse("coordination:membership_add", args=["3434"]),
            {"email": "Ny.Kollega@Lom.example", "role": Role.VOLUNTEER_CONTACT},
            follow=True,
        )
    page = response.content.decode()
    assert "We have sent an invitation" in page
    assert "Invitations waiting for an account" in page
    invitation = RoleInvitation.objects.get()
    assert (invitation.municipality, invitation.role) == (lom, Role.VOLUNTEER_CONTACT)
    sent = [m for m in mail.outbox if m.to == ["Ny.Kollega@Lom.example"]]
    assert len(sent) == 1
    assert "Lom" in sent[0].subject
    assert "/accounts/signup/" in sent[0].body
    assert AuditEvent.objects.filter(code="invitation.created", municipality=lom).exists()


def test_invitation_email_is_in_the_municipalitys_written_standard(
    coordinator_lom, lom, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        invitations.invite_to_role(
            municipality=lom,
            email="ny@lom.example",
            role=Role.VOLUNTEER_CONTACT,
            by=coordinator_lom,
        )
    # Lom writes nynorsk; the invited person has no language of their own yet.
    assert "Venleg helsing" in mail.outbox[-1].body  # nynorsk's sign-off, not bokmål's


def test_sign_up_with_the_invited_address_gives_the_role_when_it_is_verified(
    client, coordinator_lom, lom
):
    invitations.invite_to_role(
        municipality=lom, email="ny.kollega@lom.example", role=Role.VOLUNTEER_CONTACT,
        by=coordinator_lom,
    )  # fmt: skip
    _sign_up(client, "NY.KOLLEGA@lom.example")
    user = User.objects.get(email__iexact="ny.kollega@lom.example")
    assert not Membership.objects.filter(user=user).exists()  # not before it is verified
    _confirm(client, "NY.KOLLEGA@lom.example")
    membership = Membership.objects.get(user=user)
    assert (membership.municipality, membership.role) == (lom, Role.VOLUNTEER_CONTACT)
    assert membership.created_by == coordinator_lom
    invitation = RoleInvitation.objects.get()
    assert invitation.accepted_by == user and invitation.accepted_at is not None
    codes = set(AuditEvent.objects.in_municipality(lom).values_list("code", flat=True))
    assert {"invitation.created", "invitation.accepted", "membership.role"} <= codes


def test_sign_up_with_another_address_gives_nothing(client, coordinator_lom, lom):
    invitations.invite_to_role(
        municipality=lom, email="ny.kollega@lom.example", role=Role.COORDINATOR, by=coordinator_lom
    )
    _sign_up(client, "someone.else@lom.example")
    _confirm(client, "someone.else@lom.example")
    user = User.objects.get(email="someone.else@lom.example")
    assert not Membership.objects.filter(user=user).exists()
    assert RoleInvitation.objects.pending().count() == 1


def test_an_unverified_address_gives_nothing(coordinator_lom, lom):
    invitations.invite_to_role(
        municipality=lom, email="ny@lom.example", role=Role.VOLUNTEER_CONTACT, by=coordinator_lom
    )
    user = UserFactory(email="ny@lom.example", verified=False)
    EmailAddress.objects.create(user=user, email=user.email, verified=False, primary=True)
    assert invitations.accept_invitations(user=user, email="ny@lom.example") == []
    assert invitations.accept_for_verified_addresses(user) == []
    assert not Membership.objects.filter(user=user).exists()


def test_logging_in_with_a_verified_address_accepts_an_invitation(client, coordinator_lom, lom):
    person = UserFactory(email="kari@lom.example")
    # Invited by address after they had signed up (e.g. the national administrator's invitation).
    RoleInvitation.objects.create(
        municipality=lom,
        email="KARI@lom.example",
        role=Role.VOLUNTEER_CONTACT,
        invited_by=coordinator_lom,
        expires_at=timezone.now() + timedelta(days=3),
    )
    client.post(reverse("account_login"), {"login": person.email, "password": PASSWORD})
    assert Membership.objects.filter(
        user=person, municipality=lom, role=Role.VOLUNTEER_CONTACT
    ).exists()


@pytest.mark.parametrize("state", ["expired", "withdrawn"])
def test_an_expired_or_withdrawn_invitation_gives_nothing(state, client, coordinator_lom, lom):
    invitation = invitations.invite_to_role(
        municipality=lom, email="ny@lom.example", role=Role.VOLUNTEER_CONTACT, by=coordinator_lom
    )
    if state == "expired":
        invitation.expires_at = timezone.now() - timedelta(minutes=1)
        invitation.save()
    else:
        invitations.withdraw_invitation(invitation=invitation, by=coordinator_lom)
    _sign_up(client, "ny@lom.example")
    _confirm(client, "ny@lom.example")
    assert not Membership.objects.filter(user__email="ny@lom.example").exists()


def test_coordinator_withdraws_a_pending_invitation(client_of, coordinator_lom, lom):
    invitation = invitations.invite_to_role(
        municipality=lom, email="ny@lom.example", role=Role.VOLUNTEER_CONTACT, by=coordinator_lom
    )
    client = client_of(coordinator_lom, language="en")
    url = reverse("coordination:invitation_withdraw", args=["3434", invitation.pk])
    assert "Withdraw invitation" in client.get(url).content.decode()
    client.post(url)
    invitation.refresh_from_db()
    assert invitation.withdrawn_at is not None
    assert AuditEvent.objects.filter(code="invitation.withdrawn").exists()
    assert client.get(url).status_code == 404  # no longer waiting
    with pytest.raises(ValidationError):
        invitations.withdraw_invitation(invitation=invitation, by=coordinator_lom)


def test_only_the_municipalitys_coordinator_invites_or_withdraws(
    client_of, coordinator_drammen, volunteer_contact_lom, coordinator_lom, lom
):
    with pytest.raises(PermissionDenied):
        invitations.invite_to_role(
            municipality=lom,
            email="x@lom.example",
            role=Role.VOLUNTEER_CONTACT,
            by=volunteer_contact_lom,
        )
    invitation = invitations.invite_to_role(
        municipality=lom, email="x@lom.example", role=Role.VOLUNTEER_CONTACT, by=coordinator_lom
    )
    url = reverse("coordination:invitation_withdraw", args=["3434", invitation.pk])
    assert client_of(coordinator_drammen).post(url).status_code == 404
    assert RoleInvitation.objects.pending().count() == 1


def test_a_second_invitation_for_the_same_role_is_refused(coordinator_lom, lom):
    invitations.invite_to_role(
        municipality=lom, email="x@lom.example", role=Role.VOLUNTEER_CONTACT, by=coordinator_lom
    )
    with pytest.raises(ValidationError):
        services.give_role(
            municipality=lom, email="X@Lom.example", role=Role.VOLUNTEER_CONTACT, by=coordinator_lom
        )


def test_give_role_to_a_person_with_an_account_is_immediate(coordinator_lom, lom):
    person = UserFactory(email="kari@lom.example")
    given = services.give_role(
        municipality=lom, email="KARI@lom.example", role=Role.VOLUNTEER_CONTACT, by=coordinator_lom
    )
    assert isinstance(given, Membership)
    assert permissions.has_role(person, lom, Role.VOLUNTEER_CONTACT)
    assert not RoleInvitation.objects.exists()
