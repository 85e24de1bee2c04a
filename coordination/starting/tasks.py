from celery import shared_task
from django.conf import settings
from django.urls import reverse

from coordination.kernel.mail import send_email_to_address
from coordination.starting.models import StartRequest


@shared_task(acks_late=True)
def send_start_request_decision(*, start_request: int) -> str:
    """Tell the requester the decision (and the reason, when declined), in the municipality's
    written standard; an approval's invitation comes in its own email."""
    found = StartRequest.objects.select_related("municipality").get(pk=start_request)
    return send_email_to_address(
        address=found.email,
        municipality=found.municipality,
        template="coordination/email/start_request_decision",
        context={
            "start_request": found,
            "municipality": found.municipality,
            "approved": found.status == StartRequest.Status.APPROVED,
            "signup_url": settings.SITE_URL + reverse("account_signup"),
        },
    )
