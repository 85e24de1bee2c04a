from allauth.account.signals import email_confirmed
from django.db.models.signals import post_save, pre_delete
from django.dispatch import receiver

from coordination.kernel.models import SmsMessage, User
from coordination.kernel.sms import sms_given_up
from volunteers.calls.services import add_call_for_failed_sms
from volunteers.leaving.services import anonymise_volunteer
from volunteers.models import Volunteer
from volunteers.registry.services.by_hand import link_login


@receiver(post_save, sender=User, dispatch_uid="volunteers.keep_sort_name")
def keep_sort_name(sender, instance: User, update_fields=None, **kwargs) -> None:
    """A person's name and email live on their account (coordination); the registry sorts and
    searches by them."""
    if update_fields is not None and not {"full_name", "email"} & set(update_fields):
        return  # e.g. last_login at every login
    for volunteer in Volunteer.objects.filter(user=instance):
        volunteer.user = instance
        volunteer.save(update_fields=["sort_name", "search_text"])


@receiver(pre_delete, sender=User, dispatch_uid="volunteers.anonymise_on_account_deletion")
def anonymise_on_account_deletion(sender, instance: User, **kwargs) -> None:
    """However an account goes (the person deletes it, a retention rule, the admin), the
    volunteer profile is anonymised, never left behind with the person's details."""
    for volunteer in Volunteer.objects.filter(user=instance):
        anonymise_volunteer(volunteer=volunteer)


@receiver(sms_given_up, dispatch_uid="volunteers.call_when_sms_failed")
def call_when_sms_failed(sender, message: SmsMessage, **kwargs) -> None:
    """A text message that could not be sent after every attempt: the coordinator phones the
    volunteer instead (the call list)."""
    add_call_for_failed_sms(message)


@receiver(email_confirmed, dispatch_uid="volunteers.link_login")
def link_login_on_confirmation(sender, request, email_address, **kwargs) -> None:
    """A person confirmed their address: a volunteer registered by a coordinator with that
    address (and no login) becomes theirs."""
    link_login(address=email_address)
