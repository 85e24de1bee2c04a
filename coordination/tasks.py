from celery import shared_task
from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from coordination import retention
from coordination.jobs import acting_for
from coordination.models import Membership
from coordination.outbox import deliver, drain_outbox  # noqa: F401 (the worker finds them here)
from coordination.permissions import get_for_user
from coordination.text import render_subject


@shared_task(acks_late=True)
def apply_retention_rules() -> dict[str, int]:
    """Nightly: delete or anonymise what has been kept long enough (see retention.py)."""
    return {run.rule: run.affected for run in retention.apply_rules()}


@shared_task(acks_late=True)
def send_routine_review_reminders() -> int:
    """Daily: each routine's owner is told once, 30 days before the routine's review."""
    from coordination.services.routines import send_review_reminders

    return send_review_reminders()


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
