from allauth.account.signals import email_confirmed
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete
from django.dispatch import receiver

from coordination.kernel.models import SmsMessage, User
from coordination.kernel.sms import sms_given_up
from coordination.partners.models import AgreementParty, CooperationAgreement
from volunteers.calls.services import add_call_for_failed_sms
from volunteers.leaving.services import anonymise_volunteer
from volunteers.models import (
    CertificateCheck,
    CourseCompletion,
    DeclarationText,
    RoleHolder,
    Signature,
    Volunteer,
    VolunteerRole,
)
from volunteers.registry.services.by_hand import link_login
from volunteers.screening import ready_state


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


# --- the stored readiness for roles (screening.ready_state) ------------------------------------
# Whatever writes a requirement — a service, the admin, a data fix in the shell — the holders it
# concerns are written again in the same transaction, so the stored state never says "ready"
# where ``readiness.ready_q`` does not. Bulk writes (``bulk_create``, ``QuerySet.update``) send no
# signal: the services that make them refresh themselves.


@receiver(post_save, sender=RoleHolder, dispatch_uid="volunteers.readiness_role_given")
def readiness_of_new_holder(sender, instance: RoleHolder, created: bool, **kwargs) -> None:
    if created:
        ready_state.refresh_readiness(RoleHolder.objects.filter(pk=instance.pk))
        instance.ready, instance.ready_until = (
            RoleHolder.objects.filter(pk=instance.pk).values_list("ready", "ready_until").get()
        )


@receiver(post_delete, sender=RoleHolder, dispatch_uid="volunteers.readiness_role_taken")
def readiness_after_role_taken(sender, instance: RoleHolder, **kwargs) -> None:
    """The volunteer's summary of all their roles: one fewer to be ready for."""
    ready_state.refresh_summaries([instance.volunteer_id])


@receiver(post_save, sender=CertificateCheck, dispatch_uid="volunteers.readiness_check")
@receiver(post_delete, sender=CertificateCheck, dispatch_uid="volunteers.readiness_check_gone")
def readiness_after_check(sender, instance: CertificateCheck, **kwargs) -> None:
    ready_state.refresh_readiness(RoleHolder.objects.filter(pk=instance.holder_id))


@receiver(post_save, sender=CourseCompletion, dispatch_uid="volunteers.readiness_course")
@receiver(post_delete, sender=CourseCompletion, dispatch_uid="volunteers.readiness_course_gone")
@receiver(post_save, sender=Signature, dispatch_uid="volunteers.readiness_signed")
@receiver(post_delete, sender=Signature, dispatch_uid="volunteers.readiness_signature_gone")
def readiness_after_volunteer_record(sender, instance, **kwargs) -> None:
    ready_state.refresh_volunteer(instance.volunteer_id)


@receiver(post_save, sender=Volunteer, dispatch_uid="volunteers.readiness_organisation")
def readiness_after_organisation(sender, instance: Volunteer, created: bool, update_fields=None,
                                 **kwargs) -> None:  # fmt: skip
    """The organisation they volunteer through: its screening may count for their roles."""
    if not created and (update_fields is None or "through_organisation" in update_fields):
        ready_state.refresh_volunteer(instance)


@receiver(post_save, sender=DeclarationText, dispatch_uid="volunteers.readiness_declaration")
def readiness_after_new_declaration(sender, instance: DeclarationText, created: bool, **kwargs):
    """A new version: every signature is of an old one now."""
    if created:
        ready_state.declaration_published(instance)


@receiver(post_save, sender=VolunteerRole, dispatch_uid="volunteers.readiness_role_rules")
def readiness_after_role_change(sender, instance: VolunteerRole, created: bool, **kwargs) -> None:
    if not created:
        ready_state.refresh_readiness(instance.holders.all())


@receiver(
    m2m_changed,
    sender=VolunteerRole.required_courses.through,
    dispatch_uid="volunteers.readiness_role_courses",
)
def readiness_after_role_courses(sender, instance, action: str, reverse: bool, pk_set, **kwargs):
    if not action.startswith("post_"):
        return
    if reverse:  # course.roles.add(...): ``instance`` is the course
        roles = (
            VolunteerRole.objects.filter(pk__in=pk_set)
            if pk_set  # after a clear, whichever roles had it: those of its municipality
            else VolunteerRole.objects.filter(municipality_id=instance.municipality_id)
        )
        holders = RoleHolder.objects.filter(role__in=roles)
    else:
        holders = instance.holders.all()
    ready_state.refresh_readiness(holders)


@receiver(post_save, sender=CooperationAgreement, dispatch_uid="volunteers.readiness_agreement")
@receiver(post_save, sender=AgreementParty, dispatch_uid="volunteers.readiness_party")
@receiver(post_delete, sender=AgreementParty, dispatch_uid="volunteers.readiness_party_gone")
def readiness_after_agreement(sender, instance, **kwargs) -> None:
    """Whose own screening the municipality accepts, or until when: those who volunteer through
    a partner organisation."""
    agreement_id = (
        instance.pk if isinstance(instance, CooperationAgreement) else instance.agreement_id
    )
    for municipality_id in CooperationAgreement.objects.filter(pk=agreement_id).values_list(
        "municipality_id", flat=True
    ):  # none when the agreement itself is being deleted
        ready_state.refresh_municipality(municipality_id, through_partners_only=True)
