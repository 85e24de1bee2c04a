"""A meeting cancelled by its organiser, or not running because too few signed up by the
deadline (checked once per meeting by a beat task)."""

from __future__ import annotations

from datetime import datetime, timedelta

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import DateTimeField, ExpressionWrapper, F, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from activities.catalogue.permissions import can_manage_activity
from activities.rides.models import Ride, RideStatus
from activities.schedule.models import Session, SessionStatus
from activities.signups.services.places import SESSION_NOTICE_TASK, places_taken, signed_up_for
from activities.signups.services.signing import locked
from coordination.kernel import outbox
from coordination.kernel.models import User


def _cancel_rides(session: Session) -> None:
    for ride in Ride.objects.filter(session=session).exclude(status=RideStatus.CANCELLED):
        ride.transition_to(RideStatus.CANCELLED, refusal="")
        ride.driver_shift = None
        ride.save(update_fields=["status", "driver_shift"])


def cancel_session(*, session: Session, by: User, reason: str) -> int:
    """The organiser cancels a meeting: everyone signed up and the volunteers on shift are
    told, the rides are cancelled. Returns how many participants are told."""
    if not can_manage_activity(by, session.activity):
        raise PermissionDenied
    with transaction.atomic():
        session = locked(Session.objects.select_related("activity"), session.pk)
        if session.starts_at <= timezone.now():
            raise ValidationError(_("This meeting has already started."))
        session.transition_to(
            SessionStatus.CANCELLED,
            refusal=_("This meeting is not planned, so it cannot be cancelled."),
        )
        session.status_note = reason.strip()
        session.save(update_fields=["status", "status_note"])
        _cancel_rides(session)
        told = signed_up_for(session).count()
        outbox.send(SESSION_NOTICE_TASK, session=session.pk, notice="cancelled")
    return told


def check_minimum(*, session: Session) -> bool:
    """At the deadline: too few confirmed for the activity's minimum, and the meeting does not
    run (everyone signed up is told). Once per session. Returns whether it runs."""
    with transaction.atomic():
        session = locked(Session.objects.select_related("activity"), session.pk)
        if session.minimum_checked_at is not None or session.status != SessionStatus.PLANNED:
            return session.status == SessionStatus.PLANNED
        session.minimum_checked_at = timezone.now()
        minimum = session.activity.minimum_participants
        runs = minimum is None or places_taken(session=session) >= minimum
        if not runs:
            session.transition_to(SessionStatus.NOT_RUNNING, refusal="")
            session.status_note = _("Too few signed up by the deadline.")
            _cancel_rides(session)
            outbox.send(SESSION_NOTICE_TASK, session=session.pk, notice="not_running")
        session.save(update_fields=["status", "status_note", "minimum_checked_at"])
    return runs


def sessions_due_for_minimum_check(now: datetime | None = None) -> QuerySet[Session]:
    """Planned meetings of activities with a minimum whose sign-up deadline has passed, not yet
    checked and not begun: one query, the deadline worked out by the database."""
    now = now or timezone.now()
    deadline = ExpressionWrapper(
        F("starts_at") - F("activity__signup_deadline_hours") * timedelta(hours=1),
        output_field=DateTimeField(),
    )
    return (
        Session.objects.filter(
            status=SessionStatus.PLANNED,
            minimum_checked_at__isnull=True,
            activity__minimum_participants__isnull=False,
            starts_at__gt=now,
        )
        .annotate(deadline=deadline)
        .filter(deadline__lte=now)
    )


def due_for_minimum_check(now: datetime | None = None) -> list[int]:
    return list(sessions_due_for_minimum_check(now).values_list("pk", flat=True))


# --- Telling people ----------------------------------------------------------------------------
