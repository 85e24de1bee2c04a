"""allauth's moments that give a person the roles they were invited to (kernel.invitations):
an address confirmed, a login with addresses already verified."""

from allauth.account.signals import email_confirmed, user_logged_in
from django.dispatch import receiver

from coordination.kernel import invitations


@receiver(email_confirmed, dispatch_uid="coordination.accept_invitations_on_confirmation")
def accept_on_confirmation(sender, request, email_address, **kwargs) -> None:
    invitations.accept_invitations(user=email_address.user, email=email_address.email)


@receiver(user_logged_in, dispatch_uid="coordination.accept_invitations_on_login")
def accept_on_login(sender, request, user, **kwargs) -> None:
    invitations.accept_for_verified_addresses(user)
