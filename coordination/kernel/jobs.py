"""Background jobs that act for a person re-check that person's permission in the worker.

A job records who asked and for which municipality. By the time a worker runs it, the person
may have lost the role, or the message may be forged; so the worker asks the permission module
again and refuses (and audits the refusal) rather than trusting the queue.

    @shared_task(acks_late=True)
    @acting_for("manage_roles")
    def notify_role_added(*, user, municipality, membership: int): ...

    enqueue(notify_role_added, requested_by=request.user, municipality=m, membership=pk)
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps

from django.core.exceptions import PermissionDenied

from coordination.kernel import audit, outbox
from coordination.kernel.models import Municipality, User
from coordination.kernel.permissions import RULES, can


def acting_for(action: str) -> Callable:
    RULES[action]  # fail at import time for an unknown action

    def decorator(body: Callable) -> Callable:
        @wraps(body)
        def run(*, requested_by: int, municipality: str, **kwargs):
            place = Municipality.objects.get(pk=municipality)
            person = User.objects.filter(pk=requested_by).first()
            if person is None or not can(person, action, place):
                audit.record(
                    person,
                    "refused",
                    municipality=place,
                    object_type=body.__name__,
                    code="job.refused",
                    params={"action": action},
                )
                raise PermissionDenied(f"{body.__name__}: {requested_by} may not {action}")
            return body(user=person, municipality=place, **kwargs)

        return run

    return decorator


def enqueue(task, *, requested_by: User, municipality: Municipality, **kwargs) -> None:
    """Send the job when the current transaction commits (never for a rolled-back change),
    through the outbox: a broker that does not answer delays the job, never loses it."""
    outbox.send(task, requested_by=requested_by.pk, municipality=municipality.pk, **kwargs)
