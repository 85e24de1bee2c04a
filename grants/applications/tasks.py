"""Emails of the applicant's side, each enqueued on commit by a service (through the outbox)
and taking ids: the receipt, a partner asked to confirm, the applicant told the answer."""

from __future__ import annotations

from celery import shared_task
from django.conf import settings
from django.urls import reverse

from coordination.kernel.mail import email_coordinators, send_email, send_email_to_address
from coordination.kernel.models import User
from grants.applications.models import Application, ApplicationPartner
from grants.applications.people import speakers_for

# The signature of these emails is Samspill's own: the grant-maker, not the municipality's
# coordinator, answers for an application (the body names the grant-maker).
NO_SENDER = {"sender": None}


def _url(name: str, pk: int) -> str:
    return settings.SITE_URL + reverse(f"grants:{name}", args=[pk])


@shared_task(acks_late=True)
def send_receipt(*, application: int, submitter: int) -> list[str]:
    """The receipt to the person who sent the application and to its contact person: the
    reference, the title, when it was received (Norwegian time), and that it is now locked."""
    sent = (
        Application.objects.select_related("round__scheme", "grant_maker", "municipality")
        .filter(pk=application, submitted_at__isnull=False)
        .first()
    )
    if sent is None:
        return []
    context = {
        "application": sent,
        "url": _url("application_detail", sent.pk),
        **NO_SENDER,
    }
    template = "grants/applications/email/receipt"
    written: list[str] = []
    person = User.objects.filter(pk=submitter, is_active=True).first()
    if person is not None and person.email:
        written.append(
            send_email(
                to=person, template=template, context=context, municipality=sent.municipality
            )
        )
    contact = sent.contact_email.strip()
    if contact and contact.lower() not in {address.lower() for address in written}:
        written.append(
            send_email_to_address(
                address=contact, template=template, context=context, municipality=sent.municipality
            )
        )
    return written


@shared_task(acks_late=True)
def ask_partner_to_confirm(*, partner: int) -> list[str]:
    """Ask the partner (its representatives, or the municipality's coordinators) to confirm
    taking part, with a link to its own page."""
    found = (
        ApplicationPartner.objects.select_related(
            "application__municipality", "application__organisation", "organisation", "municipality"
        )
        .filter(pk=partner, confirmed_at__isnull=True, declined_at__isnull=True)
        .first()
    )
    if found is None:
        return []
    context = {
        "partner": found,
        "application": found.application,
        "url": _url("partner_confirm", found.pk),
        **NO_SENDER,
    }
    template = "grants/applications/email/partner_request"
    if found.municipality is not None:
        return email_coordinators(
            municipality=found.municipality, template=template, context=context
        )
    representatives = (
        speakers_for(organisation_id=found.organisation_id, municipality_id=None)
        .filter(user__is_active=True)
        .select_related("user", "municipality")
    )
    written: list[str] = []
    for membership in representatives:
        if membership.user.email and membership.user.email not in written:
            written.append(
                send_email(
                    to=membership.user,
                    template=template,
                    context=context,
                    municipality=membership.municipality,
                )
            )
    return written


@shared_task(acks_late=True)
def tell_partner_answer(*, partner: int) -> str:
    """Tell the person who started the application what the partner answered."""
    found = (
        ApplicationPartner.objects.select_related(
            "application__created_by", "application__municipality"
        )
        .filter(pk=partner)
        .first()
    )
    if found is None or found.application.created_by is None:
        return ""
    person = found.application.created_by
    if not person.is_active or not person.email:
        return ""
    return send_email(
        to=person,
        template="grants/applications/email/partner_answered",
        context={
            "partner": found,
            "application": found.application,
            "url": _url("application_detail", found.application_id),
            **NO_SENDER,
        },
        municipality=found.application.municipality,
    )
