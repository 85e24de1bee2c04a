"""Writes for requests to start Samspill: receive one (anyone, on the public page), approve or
decline one (the national administrator). Each is audited in the municipality's log and
emailed to the requester in the municipality's written standard."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from coordination.kernel import audit, invitations, outbox, permissions
from coordination.kernel.models import Municipality, User
from coordination.starting.models import StartRequest

DECISION_TASK = "coordination.starting.tasks.send_start_request_decision"


def _already_pending() -> ValidationError:
    return ValidationError(
        {
            "email": _(
                "A request from this email address for this municipality is already waiting "
                "for a decision. You do not need to send it again."
            )
        }
    )


@transaction.atomic
def receive_start_request(*, municipality: Municipality, fields: dict[str, Any]) -> StartRequest:
    """Someone in a municipality without Samspill asks to start it."""
    if municipality.uses_samspill():
        raise ValidationError(_("This municipality already uses Samspill."))
    email = fields["email"].strip()
    pending = StartRequest.objects.in_municipality(municipality).filter(
        status=StartRequest.Status.PENDING, email__iexact=email
    )
    if pending.exists():
        raise _already_pending()
    try:
        with transaction.atomic():
            request = StartRequest.objects.create(
                municipality=municipality,
                full_name=fields["full_name"].strip(),
                position=fields["position"].strip(),
                email=email,
                phone=fields["phone"].strip(),
                message=fields.get("message", "").strip(),
            )
    except IntegrityError:  # the same form sent twice at once
        raise _already_pending() from None
    audit.record(
        None,
        "created",
        request,
        code="start_request.received",
        params={"name": request.full_name, "position": request.position},
    )
    return request


def _decide(request: StartRequest, status: str, by: User) -> StartRequest:
    permissions.require_national_administrator(by)
    request = StartRequest.objects.select_for_update().get(pk=request.pk)
    request.transition_to(
        status, refusal=_("This request has already been decided: nothing was changed.")
    )
    request.decided_at = timezone.now()
    request.decided_by = by
    return request


@transaction.atomic
def approve_start_request(*, request: StartRequest, by: User) -> StartRequest:
    """Approve: the requester is invited as the municipality's first coordinator."""
    request = _decide(request, StartRequest.Status.APPROVED, by)
    request.invitation = invitations.invite_first_coordinator(
        municipality=request.municipality, email=request.email, by=by
    )
    request.save(update_fields=["status", "decided_at", "decided_by", "invitation"])
    audit.record(
        by, "changed", request, code="start_request.approved", params={"name": request.full_name}
    )
    outbox.send(DECISION_TASK, start_request=request.pk)
    return request


@transaction.atomic
def decline_start_request(*, request: StartRequest, reason: str, by: User) -> StartRequest:
    """Decline, with the reason the requester is told."""
    if not reason.strip():
        raise ValidationError({"reason": _("Write the reason: the requester is told it.")})
    request = _decide(request, StartRequest.Status.DECLINED, by)
    request.reason = reason.strip()
    request.save(update_fields=["status", "decided_at", "decided_by", "reason"])
    audit.record(
        by, "changed", request, code="start_request.declined", params={"name": request.full_name}
    )
    outbox.send(DECISION_TASK, start_request=request.pk)
    return request
