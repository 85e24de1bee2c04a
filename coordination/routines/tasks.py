from celery import shared_task

from coordination.kernel.outbox import deliver, drain_outbox  # noqa: F401 (the worker finds them here)
from coordination.routines import services


@shared_task(acks_late=True)
def send_routine_review_reminders() -> int:
    """Daily: each routine's owner is told once, 30 days before the routine's review."""
    return services.send_review_reminders()
