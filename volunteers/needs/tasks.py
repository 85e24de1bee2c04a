"""The emails about needs, sent after the change that asks for them has committed: the
invitation to the volunteer, and the word to the coordinators when a volunteer answers or
someone asks for help through the public form."""

from __future__ import annotations

from functools import partial
from typing import Any

from celery import shared_task
from django.conf import settings
from django.urls import reverse

from coordination.kernel.jobs import acting_for
from coordination.kernel.mail import send_email
from coordination.kernel.models import Municipality, Role, User
from coordination.kernel.permissions import get_for_user
from volunteers.calls.models import CallReason
from volunteers.calls.services import reach_volunteer
from volunteers.needs.models import Invitation, InvitationStatus, Need


@shared_task(acks_late=True)
@acting_for("manage_needs")
def send_invitation(*, user: User, municipality: Municipality, invitation: int) -> str:
    """Tell the volunteer, in their own language, that they are asked to help, with a link to
    the invitation, the way they chose: an email, a text message, or a call on the coordinator's
    call list. It names the kind of help and the area, never the person."""
    invited = get_for_user(
        Invitation.objects.select_related("need", "volunteer__user"),
        user,
        "manage_needs",
        via="need__municipality",
        pk=invitation,
        need__municipality=municipality,
    )
    recipient = invited.volunteer.user  # None: registered by phone, without a login
    if invited.status != InvitationStatus.PENDING:
        return ""
    url = reverse("volunteers:invitation", args=[invited.pk])
    context = {
        "invitation": invited,
        "need": invited.need,
        "municipality": municipality,
        # Without a login the invitation page is out of reach: they answer by phone.
        "url": settings.SITE_URL + url if recipient is not None else "",
        "coordinator": invited.invited_by,
    }
    return reach_volunteer(
        volunteer=invited.volunteer,
        email=partial(
            send_email, to=recipient, template="volunteers/email/invitation", context=context
        ),
        sms_template="volunteers/sms/invitation.txt",
        sms_context=context,
        purpose="needs.invitation",
        reason=CallReason.INVITATION,
        invitation=invited,
    )


def _email_coordinators(municipality_id: str, template: str, context: dict[str, Any]) -> list[str]:
    """The email to each active coordinator of the municipality, each in their language."""
    coordinators = User.objects.filter(
        memberships__municipality_id=municipality_id,
        memberships__role=Role.COORDINATOR,
        is_active=True,
    ).distinct()
    return [
        send_email(to=each, template=template, context=context, municipality=municipality_id)
        for each in coordinators
    ]


def _need_url(need: Need) -> str:
    return settings.SITE_URL + reverse(
        "volunteers:need_detail", args=[need.municipality_id, need.pk]
    )


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
    context = {"invitation": answered, "need": need, "url": _need_url(need)}
    return _email_coordinators(
        need.municipality_id, "volunteers/email/invitation_answered", context
    )


@shared_task(acks_late=True)
def notify_need_reported(*, need: int) -> list[str]:
    """Tell the coordinators that someone asked for help through the public form. The email
    carries a link only: the person's details stay in the portal."""
    reported = Need.objects.filter(pk=need).first()
    if reported is None:
        return []
    context = {"need": reported, "url": _need_url(reported)}
    return _email_coordinators(reported.municipality_id, "volunteers/email/need_reported", context)
