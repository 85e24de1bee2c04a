"""How many places a meeting has left, the waiting list's order, and the fees an activity
offers (read by the pages and by the writes below)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta

from django.db.models import Count, Q, QuerySet
from django.utils.translation import gettext as _

from activities.catalogue.models import Activity
from activities.schedule.models import Session
from activities.signups.models import (
    FeeCategory,
    SignUp,
    SignUpStatus,
)

NOTIFY_TASK = "activities.signups.tasks.notify_signup"
SESSION_NOTICE_TASK = "activities.signups.tasks.notify_session_off"


# --- Reading -----------------------------------------------------------------------------------


def deadline_of(session: Session) -> datetime:
    """When sign-up closes: ``signup_deadline_hours`` before the start."""
    return session.starts_at - timedelta(hours=session.activity.signup_deadline_hours)


def holding_places(*, session: Session) -> QuerySet[SignUp]:
    """The confirmed places of a session: its own sign-ups, and the period enrolments of its
    activity (which count in every session)."""
    return SignUp.objects.filter(
        Q(session=session) | Q(session__isnull=True, activity_id=session.activity_id),
        status=SignUpStatus.CONFIRMED,
    )


def places_taken(*, session: Session) -> int:
    return holding_places(session=session).count()


def places_taken_in(sessions: Sequence[Session]) -> dict[int, int]:
    """Confirmed places per session of one activity, in one query whatever their number:
    each session's own sign-ups, and the period enrolments that count in all of them."""
    if not sessions:
        return {}
    activity_ids = {s.activity_id for s in sessions}
    counted = (
        SignUp.objects.filter(
            Q(session__in=sessions) | Q(session__isnull=True, activity_id__in=activity_ids),
            status=SignUpStatus.CONFIRMED,
        )
        .order_by()
        .values_list("session", "activity")
        .annotate(n=Count("pk"))
    )
    own: dict[int, int] = {}
    period: dict[int, int] = {}
    for session, activity, n in counted:
        if session is None:
            period[activity] = n
        else:
            own[session] = n
    return {s.pk: own.get(s.pk, 0) + period.get(s.activity_id, 0) for s in sessions}


def room_in_all(sessions: Sequence[Session]) -> bool:
    """Whether every one of the sessions has a place free (no limit counts as room)."""
    taken = places_taken_in(sessions)
    return all(s.effective_capacity is None or taken[s.pk] < s.effective_capacity for s in sessions)


def places_left(*, session: Session) -> int | None:
    """None: no limit."""
    capacity = session.effective_capacity
    if capacity is None:
        return None
    return max(capacity - places_taken(session=session), 0)


def waiting_position(signup: SignUp) -> int | None:
    """The place in the queue (1 is next), or None when not waiting."""
    if signup.status != SignUpStatus.WAITING:
        return None
    queue = SignUp.objects.filter(status=SignUpStatus.WAITING, activity_id=signup.activity_id)
    queue = (
        queue.filter(session=signup.session)
        if signup.session_id
        else queue.filter(session__isnull=True)
    )
    before = queue.filter(
        Q(created_at__lt=signup.created_at) | Q(created_at=signup.created_at, pk__lt=signup.pk)
    )
    return before.count() + 1


def fee_categories(activity: Activity) -> list[str]:
    """The fee categories the activity offers, in order."""
    if activity.fee == 0:
        return [FeeCategory.FREE]
    offered: list[str] = [FeeCategory.STANDARD]
    if activity.reduced_fee is not None:
        offered.append(FeeCategory.REDUCED)
    if activity.free_places:
        offered.append(FeeCategory.FREE)
    return offered


def fee_sentence(activity: Activity) -> str:
    """The fee offered with dignity: what each category costs, and that no one asks why."""
    offered = fee_categories(activity)
    if offered == [FeeCategory.FREE]:
        return _("It is free of charge.")
    if offered == [FeeCategory.STANDARD]:
        return _("The fee is %(fee)s kr.") % {"fee": activity.fee}
    parts = [_("standard %(fee)s kr") % {"fee": activity.fee}]
    if FeeCategory.REDUCED in offered:
        parts.append(_("reduced %(fee)s kr") % {"fee": activity.reduced_fee})
    if FeeCategory.FREE in offered:
        parts.append(_("or a free place"))
    return _("Pay what suits you: %(choices)s — no one asks why.") % {"choices": ", ".join(parts)}


def signed_up_for(session: Session) -> QuerySet[SignUp]:
    """Everyone still signed up (a place or waiting) for a session, period enrolments too."""
    return SignUp.objects.filter(
        Q(session=session) | Q(session__isnull=True, activity_id=session.activity_id),
        status__in=[SignUpStatus.CONFIRMED, SignUpStatus.WAITING],
    )
