from celery import shared_task
from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import override

from coordination.kernel.jobs import acting_for
from coordination.kernel.permissions import get_for_user
from coordination.kernel.text import render_subject
from coordination.models import Role, User
from volunteers.models import Invitation, InvitationStatus, Need


@shared_task(acks_late=True)
@acting_for("manage_needs")
def send_invitation(*, user, municipality, invitation: int) -> str:
    """Tell the volunteer, in their own language, that they are asked to help, with a link to
    the invitation. The email names the kind of help and the area, never the person."""
    invited = get_for_user(
        Invitation.objects.select_related("need", "volunteer__user"),
        user,
        "manage_needs",
        via="need__municipality",
        pk=invitation,
        need__municipality=municipality,
    )
    recipient = invited.volunteer.user
    if recipient is None or invited.status != InvitationStatus.PENDING:
        return ""
    with override(recipient.preferred_language):
        context = {
            "recipient": recipient,
            "invitation": invited,
            "need": invited.need,
            "municipality": municipality,
            "url": settings.SITE_URL + reverse("volunteers:invitation", args=[invited.pk]),
        }
        subject = render_subject("volunteers/email/invitation_subject.txt", context)
        body = render_to_string("volunteers/email/invitation.txt", context)
    send_mail(subject, body, None, [recipient.email])
    return recipient.email


def _coordinators(municipality_id: str):
    return User.objects.filter(
        memberships__municipality_id=municipality_id,
        memberships__role=Role.COORDINATOR,
        is_active=True,
    ).distinct()


def _email_coordinators(municipality_id: str, template: str, context: dict) -> list[str]:
    sent = []
    for coordinator in _coordinators(municipality_id):
        with override(coordinator.preferred_language):
            subject = render_subject(f"{template}_subject.txt", context)
            body = render_to_string(f"{template}.txt", context)
        send_mail(subject, body, None, [coordinator.email])
        sent.append(coordinator.email)
    return sent


@shared_task(acks_late=True)
def notify_invitation_answered(*, invitation: int) -> list[str]:
    """Tell the municipality's coordinators that a volunteer answered. It acts for nobody: the
    volunteer answered for themself, and the recipients are chosen by their role when it runs."""
    answered = (
        Invitation.objects.select_related("need", "volunteer__user")
        .filter(pk=invitation, status__in=[InvitationStatus.ACCEPTED, InvitationStatus.DECLINED])
        .first()
    )
    if answered is None:
        return []
    need = answered.need
    context = {
        "invitation": answered,
        "need": need,
        "url": settings.SITE_URL
        + reverse("volunteers:need_detail", args=[need.municipality_id, need.pk]),
    }
    template = "volunteers/email/invitation_answered"
    return _email_coordinators(need.municipality_id, template, context)


@shared_task(acks_late=True)
def notify_need_reported(*, need: int) -> list[str]:
    """Tell the coordinators that someone asked for help through the public form. The email
    carries a link only: the person's details stay in the portal."""
    reported = Need.objects.filter(pk=need).first()
    if reported is None:
        return []
    context = {
        "need": reported,
        "url": settings.SITE_URL
        + reverse("volunteers:need_detail", args=[reported.municipality_id, reported.pk]),
    }
    return _email_coordinators(reported.municipality_id, "volunteers/email/need_reported", context)
