from celery import shared_task
from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from coordination.kernel import retention
from coordination.kernel.jobs import acting_for
from coordination.kernel.outbox import deliver, drain_outbox  # noqa: F401 (the worker finds them here)
from coordination.kernel.permissions import get_for_user
from coordination.kernel.text import render_subject
from coordination.models import Membership


@shared_task(acks_late=True)
def apply_retention_rules() -> dict[str, int]:
    """Nightly: delete or anonymise what has been kept long enough (see retention.py)."""
    return {run.rule: run.affected for run in retention.apply_rules()}


@shared_task(acks_late=True)
@acting_for("manage_roles")
def notify_role_added(*, user, municipality, membership: int) -> str:
    """Tell a person, in their own language, that they have been given a role."""
    given = get_for_user(
        Membership.objects.select_related("user", "municipality").filter(municipality=municipality),
        user,
        "manage_roles",
        pk=membership,
    )
    recipient = given.user
    with translation.override(recipient.preferred_language):
        context = {
            "recipient": recipient,
            "membership": given,
            "given_by": user,
            "url": settings.SITE_URL + reverse("coordination:my_page"),
        }
        subject = render_subject("coordination/email/role_added_subject.txt", context)
        body = render_to_string("coordination/email/role_added.txt", context)
    send_mail(subject, body, None, [recipient.email])
    return recipient.email
