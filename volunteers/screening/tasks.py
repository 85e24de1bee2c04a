from celery import shared_task

from volunteers.screening import ready_state, reminders


@shared_task(acks_late=True)
def send_screening_reminders() -> dict[str, int]:
    """Daily: police certificates due for renewal, and declarations left unsigned. Each
    reminder goes out once, so running it twice in a day sends nothing new."""
    return {
        "certificates": reminders.send_certificate_reminders(),
        "declarations": reminders.send_declaration_reminders(),
    }


@shared_task(acks_late=True)
def tidy_readiness() -> int:
    """Nightly: the stored readiness that dates changed (renewals due, agreements ended or
    begun) written again. Pages are right without it; it keeps the stored state tidy."""
    return ready_state.tidy_readiness()
