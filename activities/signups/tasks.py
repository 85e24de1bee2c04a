"""The sign-ups' background work: receipts and notices (sent after the change commits), the
minimum check at each meeting's deadline (every 15 minutes) and the reminders the day before
(daily). Periodic jobs find what is due in one query and send one task per session."""

from __future__ import annotations

from celery import shared_task

from activities.schedule.models import Session
from activities.signups import services
from activities.signups.models import SignUp
from coordination.kernel import outbox


@shared_task(acks_late=True)
def notify_signup(*, signup: int, notice: str) -> str:
    """The receipt, or the word that a place on the waiting list came free."""
    found = SignUp.objects.select_related(
        "activity__municipality", "session", "participant_user"
    ).get(pk=signup)
    return services.notify_signup(signup=found, notice=notice)


@shared_task(acks_late=True)
def notify_session_off(*, session: int, notice: str) -> int:
    """Everyone signed up for a meeting that is cancelled or does not run is told."""
    found = Session.objects.select_related("activity__municipality").get(pk=session)
    return services.notify_session_off(session=found, notice=notice)


@shared_task(acks_late=True)
def check_session_minimum(*, session: int) -> bool:
    return services.check_minimum(session=Session.objects.get(pk=session))


@shared_task(acks_late=True)
def check_minimums() -> int:
    """Every 15 minutes: the meetings whose sign-up deadline has passed get their check."""
    due = services.due_for_minimum_check()
    for pk in due:
        outbox.send(check_session_minimum, session=pk)
    return len(due)


@shared_task(acks_late=True)
def send_session_reminders(*, session: int) -> int:
    return services.send_reminders(session=Session.objects.get(pk=session))


@shared_task(acks_late=True)
def send_reminders() -> int:
    """Daily: tomorrow's meetings, each participant reminded once."""
    due = services.sessions_to_remind()
    for pk in due:
        outbox.send(send_session_reminders, session=pk)
    return len(due)
