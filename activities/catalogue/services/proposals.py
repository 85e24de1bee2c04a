"""Proposals from seniors and groups without an organisation: proposed in public, approved
or declined by the coordinator, the proposer told by email if they gave one."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from activities.catalogue.models import (
    Activity,
    ActivityStatus,
    ActivityType,
)
from activities.catalogue.services.activities import check_activity
from activities.catalogue.services.common import plain
from coordination.kernel import audit, outbox
from coordination.kernel.models import Municipality, User
from coordination.kernel.permissions import require

PROPOSAL_TEXT = ("title", "description", "when_text", "proposed_by_name", "proposed_by_phone")


@transaction.atomic
def propose_activity(
    *,
    municipality: Municipality,
    title: str,
    description: str,
    activity_type: ActivityType,
    proposed_by_name: str,
    proposed_by_phone: str,
    proposed_by_email: str = "",
    when_text: str = "",
) -> Activity:
    """A senior or a group without an organisation proposes an activity; the coordinators are
    told and call them back. Nothing is published until a coordinator approves it."""
    activity = Activity(
        municipality=municipality,
        title=plain(title),
        description=plain(description),
        activity_type=activity_type,
        when_text=plain(when_text),
        proposed_by_name=plain(proposed_by_name),
        proposed_by_phone=plain(proposed_by_phone),
        proposed_by_email=(proposed_by_email or "").strip(),
        status=ActivityStatus.PROPOSED,
        # The proposer's phone is for the call back only: the coordinator fills in the contact
        # and how to sign up when approving it.
        sign_up_web=False,
        listed_only=True,
    )
    errors: dict[str, list[str]] = {}
    for field in PROPOSAL_TEXT:
        if field != "when_text" and not getattr(activity, field):
            errors.setdefault(field, []).append(_("This field is required."))
    if not ActivityType.objects.for_municipality(municipality).filter(pk=activity_type.pk).exists():
        errors.setdefault("activity_type", []).append(_("Choose a type of activity."))
    if errors:
        raise ValidationError(errors)
    activity.full_clean(validate_constraints=False, exclude=["created_by", "place", "organiser"])
    activity.save()
    outbox.send("activities.catalogue.tasks.notify_activity_proposed", activity=activity.pk)
    return activity


def _proposal(activity: Activity, by: User) -> None:
    require(by, "coordinate_activities", activity)
    if activity.status != ActivityStatus.PROPOSED:
        raise ValidationError(_("This proposal has already been answered."))


def _answered(activity: Activity, by: User, *, code: str) -> None:
    """Record the coordinator's answer, and tell the proposer if they gave an email."""
    audit.record(by, "changed", activity, code=code, params={"title": activity.title})
    if activity.proposed_by_email:
        outbox.send("activities.catalogue.tasks.notify_proposal_decided", activity=activity.pk)


@transaction.atomic
def approve_activity(*, activity: Activity, by: User) -> Activity:
    """Publish a proposal (the coordinator has filled in what it needed)."""
    _proposal(activity, by)
    activity.transition_to(
        ActivityStatus.PUBLISHED, refusal=_("This proposal cannot be approved any more.")
    )
    activity.published_at = timezone.now()
    check_activity(activity, list(activity.co_organisers.all()))
    activity.save()
    _answered(activity, by, code="activities.proposal_approved")
    return activity


@transaction.atomic
def decline_activity(*, activity: Activity, by: User, reason: str) -> Activity:
    _proposal(activity, by)
    reason = plain(reason)
    if not reason:
        raise ValidationError({"decline_reason": _("Say why, so that the proposer understands.")})
    if len(reason) > 500:
        raise ValidationError({"decline_reason": _("Keep the reason under 500 characters.")})
    activity.transition_to(
        ActivityStatus.DECLINED, refusal=_("This proposal cannot be declined any more.")
    )
    activity.decline_reason = reason
    activity.save(update_fields=["status", "decline_reason"])
    _answered(activity, by, code="activities.proposal_declined")
    return activity
