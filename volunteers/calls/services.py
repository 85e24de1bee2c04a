"""Reaching a volunteer the way they chose (``reach_volunteer``: a text message, an email, or a
call on the coordinator's call list), and marking a call done."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from coordination.kernel import audit, sms
from coordination.kernel.models import SmsMessage, User
from coordination.kernel.permissions import require
from volunteers.calls.models import CallReason, PhoneCall
from volunteers.needs.models import Invitation
from volunteers.profile.models import ContactBy, Volunteer


def add_call(
    *,
    volunteer: Volunteer,
    reason: str,
    invitation: Invitation | None = None,
    sms_message: SmsMessage | None = None,
    details: dict[str, Any] | None = None,
) -> PhoneCall:
    """Put the volunteer on the call list (once per invitation and per failed message)."""
    unique: dict[str, Any] = {}
    if invitation is not None and reason == CallReason.INVITATION:
        unique = {"invitation": invitation, "reason": reason}
    elif sms_message is not None:
        unique = {"sms": sms_message}
    fields = {
        "municipality_id": volunteer.municipality_id,
        "volunteer": volunteer,
        "reason": reason,
        "invitation": invitation,
        "sms": sms_message,
        "details": details or {},
    }
    if unique:
        return PhoneCall.objects.get_or_create(**unique, defaults=fields)[0]
    return PhoneCall.objects.create(**fields)


def reach_volunteer(
    *,
    volunteer: Volunteer,
    email: Callable[[], object],
    sms_template: str,
    sms_context: dict[str, Any],
    purpose: str,
    reason: str,
    invitation: Invitation | None = None,
    details: dict[str, Any] | None = None,
) -> str:
    """Send the word the way the volunteer chose: a text message when they chose one and have a
    mobile; an email when they chose email (or a call without giving a number); a call on the
    call list when they chose a phone call (with the email too, if they have an address, to
    keep the link) or cannot be written to at all. Returns "sms", "email" or "call"."""
    user = volunteer.user
    has_email = bool(user is not None and user.email)
    # A volunteer without a login (registered by phone) is texted at the number recorded.
    texted = user if user is not None else volunteer.contact_phone
    if volunteer.contact_by == ContactBy.SMS and sms.can_receive_sms(texted):
        sms.send_text(
            to=texted, template=sms_template, context=sms_context,
            municipality=volunteer.municipality_id, purpose=purpose,
        )  # fmt: skip
        return "sms"
    # A call chosen, but no number to call: the email is the one way that reaches them.
    callable_ = volunteer.contact_by == ContactBy.PHONE and bool(volunteer.contact_phone)
    if has_email and not callable_:
        email()
        return "email"
    add_call(volunteer=volunteer, reason=reason, invitation=invitation, details=details)
    if has_email:
        email()
    return "call"


def _without_login_at(municipality_id: str, number: str) -> Volunteer | None:
    """The volunteer without a login whose recorded phone is ``number`` (normalised)."""
    for volunteer in (
        Volunteer.objects.in_municipality(municipality_id)
        .filter(user__isnull=True, anonymised_at__isnull=True)
        .exclude(phone="")
    ):
        try:
            if sms.normalise_mobile(volunteer.phone) == number:
                return volunteer
        except ValidationError:  # a landline or a number written wrong: not this one
            continue
    return None


def add_call_for_failed_sms(message: SmsMessage) -> PhoneCall | None:
    """A text message given up for good: its volunteer is phoned instead."""
    volunteer = (
        Volunteer.objects.in_municipality(message.municipality_id)
        .filter(user_id=message.recipient_id)
        .first()
        if message.recipient_id is not None
        else _without_login_at(message.municipality_id, message.to)
    )
    if volunteer is None:
        return None
    return add_call(volunteer=volunteer, reason=CallReason.SMS_FAILED, sms_message=message)


@transaction.atomic
def mark_call_done(*, call: PhoneCall, by: User) -> PhoneCall:
    """The coordinator phoned (or reached the person otherwise): the call leaves the list."""
    require(by, "manage_calls", call.municipality)
    call = PhoneCall.objects.select_for_update().get(pk=call.pk)
    if call.done_at is not None:
        raise ValidationError(_("This call has already been marked as done."))
    call.done_at = timezone.now()
    call.done_by = by
    call.save(update_fields=["done_at", "done_by"])
    audit.record(
        by,
        "changed",
        call,
        municipality=call.municipality_id,
        code="call.done",
        params={"reason": call.reason},
    )
    return call
