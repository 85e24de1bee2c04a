"""Emails of the catalogue: the coordinators hear of a proposal, the proposer hears the answer
(each enqueued on commit by the services through the outbox; each takes an id)."""

from __future__ import annotations

from celery import shared_task
from django.conf import settings
from django.urls import reverse

from activities.catalogue.models import Activity, ActivityStatus
from coordination.kernel.mail import email_coordinators, send_email_to_address


@shared_task(acks_late=True)
def notify_activity_proposed(*, activity: int) -> list[str]:
    """Tell the coordinators a proposal waits. The email carries a link only: the proposer's
    phone number stays in the portal."""
    proposal = Activity.objects.select_related("municipality").filter(pk=activity).first()
    if proposal is None or proposal.status != ActivityStatus.PROPOSED:
        return []
    url = settings.SITE_URL + reverse(
        "activities:proposal_decide", args=[proposal.municipality_id, proposal.pk]
    )
    return email_coordinators(
        municipality=proposal.municipality,
        template="activities/catalogue/email/activity_proposed",
        context={"activity": proposal, "municipality": proposal.municipality, "url": url},
    )


@shared_task(acks_late=True)
def notify_proposal_decided(*, activity: int) -> str:
    """Tell the proposer (if they gave an email) whether their activity was approved."""
    decided = Activity.objects.select_related("municipality").filter(pk=activity).first()
    if (
        decided is None
        or not decided.proposed_by_email
        or decided.status == ActivityStatus.PROPOSED
    ):
        return ""
    url = ""
    if decided.status == ActivityStatus.PUBLISHED:
        url = settings.SITE_URL + reverse(
            "activities:activity_detail", args=[decided.municipality_id, decided.pk]
        )
    return send_email_to_address(
        address=decided.proposed_by_email,
        municipality=decided.municipality,
        template="activities/catalogue/email/proposal_decided",
        context={"activity": decided, "municipality": decided.municipality, "url": url},
    )
