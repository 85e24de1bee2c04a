"""The one way an application's status changes: the state machine's check, the change, and the
case event (who, when, from what to what, why) in one transaction. Every service that moves an
application calls ``transition``; nothing else writes ``Application.status``."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction

from coordination.kernel.models import User
from grants.applications import workflow
from grants.applications.models import Application, ApplicationEvent


def transition(
    *,
    application: Application,
    name: str,
    by: User | None,
    actor: str,
    note: str = "",
) -> ApplicationEvent:
    """Make transition ``name`` as ``actor`` (``workflow.Actor``; ``by`` None for the
    portal's own jobs), or raise ValidationError with the reason. The caller has already asked
    whether ``by`` speaks for that actor (the applicant, the grant-maker's officer)."""
    verdict = workflow.check(name, application.status, actor)
    if not verdict:
        raise ValidationError(verdict.reason)
    with transaction.atomic():
        # Lock the row: two officers (or a double click) cannot both move it from one status.
        locked = Application.objects.select_for_update().get(pk=application.pk)
        if locked.status != application.status:
            raise ValidationError(workflow.refusal_for(locked.status))
        before = locked.status
        locked.transition_to(
            workflow.TRANSITIONS[name].target, refusal=workflow.refusal_for(before)
        )
        locked.save(update_fields=["status", "updated_at"])
        application.status = locked.status
        return ApplicationEvent.objects.create(
            application=application,
            actor=by,
            actor_name=by.full_name if by is not None else "",
            transition=name,
            from_status=before,
            to_status=locked.status,
            note=note,
        )
