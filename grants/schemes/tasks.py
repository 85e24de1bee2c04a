"""Emails of the schemes area: a person given a role in a grant-maker hears of it (enqueued on
commit by the services through the outbox; takes an id)."""

from __future__ import annotations

from celery import shared_task
from django.conf import settings
from django.urls import reverse

from coordination.kernel.mail import send_email
from coordination.kernel.models import GrantMakerRole


@shared_task(acks_late=True)
def notify_grant_role_added(*, grant_role: int) -> str:
    """Tell a person, in their own language, that they are now an officer or a reviewer of a
    grant-maker, with the link to its home. A role taken away before the job runs sends
    nothing."""
    given = (
        GrantMakerRole.objects.select_related("user", "grant_maker", "created_by")
        .filter(pk=grant_role)
        .first()
    )
    if given is None:
        return ""
    return send_email(
        to=given.user,
        template="grants/schemes/email/grant_role_added",
        municipality=given.grant_maker.municipality,
        context={
            "grant_role": given,
            "grant_maker": given.grant_maker,
            "given_by": given.created_by,
            "url": settings.SITE_URL
            + reverse("grants:grant_maker_home", args=[given.grant_maker_id]),
        },
    )
