from celery import shared_task
from django.conf import settings
from django.urls import reverse

from coordination.kernel import retention, sms
from coordination.kernel.jobs import acting_for
from coordination.kernel.mail import send_email, send_email_to_address
from coordination.kernel.models import Membership, Municipality, RoleInvitation, User
from coordination.kernel.outbox import deliver, drain_outbox  # noqa: F401 (the worker finds them here)
from coordination.kernel.permissions import get_for_user


@shared_task(acks_late=True)
def apply_retention_rules() -> dict[str, int]:
    """Nightly: delete or anonymise what has been kept long enough (see retention.py)."""
    return {run.rule: run.affected for run in retention.apply_rules()}


@shared_task(acks_late=True)
@acting_for("manage_roles")
def notify_role_added(*, user: User, municipality: Municipality, membership: int) -> str:
    """Tell a person, in their own language, that they have been given a role."""
    given = get_for_user(
        Membership.objects.select_related("user", "municipality").filter(municipality=municipality),
        user,
        "manage_roles",
        pk=membership,
    )
    return send_email(
        to=given.user,
        municipality=municipality,
        template="coordination/email/role_added",
        context={
            "membership": given,
            "given_by": user,
            "url": settings.SITE_URL + reverse("coordination:my_page"),
        },
    )


@shared_task(acks_late=True)
def send_sms_message(*, message: int) -> str:
    """Try to send one text message (kernel.sms): once, however often it is delivered."""
    return sms.attempt(message)


@shared_task(acks_late=True)
def resend_due_sms() -> int:
    """Every minute: text messages that failed or were lost, whose pause is over."""
    return sms.resend_due()


@shared_task(acks_late=True)
def send_role_invitation(*, invitation: int) -> str:
    """Email a role invitation, in the municipality's written standard (the invited person has
    no account, so no language of their own). An invitation no longer waiting is not sent."""
    found = RoleInvitation.objects.select_related("municipality", "invited_by").get(pk=invitation)
    if not found.is_pending:
        return ""
    return send_email_to_address(
        address=found.email,
        municipality=found.municipality,
        template="coordination/email/role_invitation",
        context={
            "invitation": found,
            "municipality": found.municipality,
            "signup_url": settings.SITE_URL + reverse("account_signup"),
            "login_url": settings.SITE_URL + reverse("account_login"),
        },
    )
