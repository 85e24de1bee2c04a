"""Who came to a session (recorded by the organiser) and the participants' anonymous 1–5
answer afterwards."""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from zoneinfo import ZoneInfo

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q, QuerySet
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.translation import gettext as _

from activities.catalogue.permissions import can_manage_activity
from activities.evaluation.models import Attendance, Feedback
from activities.rides.models import Ride, RideStatus
from activities.schedule.models import Session, SessionStatus
from activities.signups.models import SignUp, SignUpStatus
from coordination.kernel.models import User

OSLO = ZoneInfo("Europe/Oslo")

# The form stays open this long after a meeting (people answer at home, a few days later).
FEEDBACK_DAYS = 30
# No session gets more answers than this (a public form: a robot cannot fill the table).
FEEDBACK_PER_SESSION = 300
MAX_WALK_INS = 1000
RATINGS = (1, 2, 3, 4, 5)


# --- Attendance ----------------------------------------------------------------------------


def confirmed_signups(session: Session) -> QuerySet[SignUp]:
    """The participants with a place in ``session``: its own confirmed sign-ups and the
    activity's confirmed enrolments for the whole period, in name order."""
    return (
        SignUp.objects.filter(
            Q(session=session) | Q(activity_id=session.activity_id, session__isnull=True),
            status=SignUpStatus.CONFIRMED,
        )
        .order_by(Lower("participant_name"), "pk")
        .distinct()
    )


def covered_ride_signups(session: Session) -> set[int]:
    """The sign-ups that had a ride with a driver to ``session``."""
    return set(
        Ride.objects.filter(session=session, status=RideStatus.COVERED).values_list(
            "signup_id", flat=True
        )
    )


def no_attendance_reason(session: Session) -> str:
    """Why no attendance is recorded for a session that was cancelled or did not run."""
    if session.status == SessionStatus.NOT_RUNNING:
        return _(
            "This session did not run because too few signed up, so there is no attendance "
            "to record."
        )
    return _("This session was cancelled, so there is no attendance to record.")


@transaction.atomic
def record_attendance(
    *,
    session: Session,
    by: User,
    present_signup_ids: Iterable[int],
    came_by_ride_ids: Iterable[int] = (),
    walk_ins: int = 0,
    rides_ticked: bool = False,
) -> int:
    """Record who came to ``session``: one Attendance row for each participant with a place
    (came or not), and how many came without signing up. The session becomes held. Recording
    again corrects what was recorded. Returns how many of those signed up came.

    ``came_by_ride_ids``: those who came with the pick-up; when none are given (and
    ``rides_ticked`` is false) everyone who came and had a ride with a driver counts as having
    come with it. The attendance page always says (``rides_ticked=True``)."""
    session = (
        Session.objects.select_for_update(of=("self",))
        .select_related("activity")
        .get(pk=session.pk)
    )
    if not can_manage_activity(by, session.activity):
        raise PermissionDenied
    if session.starts_at > timezone.now():
        start = timezone.localtime(session.starts_at, OSLO)
        raise ValidationError(
            _("This session has not started yet. You can record who came from %(day)s at %(time)s.")
            % {"day": f"{start:%d.%m.%Y}", "time": f"{start:%H:%M}"}
        )
    if session.status == SessionStatus.PLANNED:
        session.transition_to(SessionStatus.HELD, refusal="")
    elif session.status != SessionStatus.HELD:
        raise ValidationError(no_attendance_reason(session))
    if not 0 <= int(walk_ins) <= MAX_WALK_INS:
        raise ValidationError(
            {"walk_ins": _("Write a number from 0 to %(most)s.") % {"most": MAX_WALK_INS}}
        )
    signups = list(confirmed_signups(session).values_list("pk", flat=True))
    present = {int(pk) for pk in present_signup_ids}
    if present - set(signups):
        raise ValidationError(
            _("Some of those ticked no longer have a place in this session. Open the page again.")
        )
    by_ride = {int(pk) for pk in came_by_ride_ids}
    if not by_ride and not rides_ticked:
        by_ride = covered_ride_signups(session)
    now = timezone.now()
    rows = [
        Attendance(
            municipality_id=session.municipality_id,
            session=session,
            signup_id=pk,
            present=pk in present,
            came_by_ride=pk in present and pk in by_ride,
            recorded_at=now,
        )
        for pk in signups
    ]
    # A sign-up cancelled since the last recording is no longer on the list.
    Attendance.objects.filter(session=session).exclude(signup_id__in=signups).delete()
    Attendance.objects.bulk_create(
        rows,
        update_conflicts=True,
        unique_fields=["session", "signup"],
        update_fields=["present", "came_by_ride", "recorded_at"],
    )
    session.walk_ins = int(walk_ins)
    session.save(update_fields=["status", "walk_ins"])
    return len(present)


# --- The participants' answers -------------------------------------------------------------


def feedback_refusal(session: Session) -> str:
    """Why ``session`` takes no answers now ("" when it does)."""
    if session.status != SessionStatus.HELD:
        return _("This meeting has not been marked as held yet, so it cannot be rated.")
    if timezone.now() > session.ends_at + datetime.timedelta(days=FEEDBACK_DAYS):
        return _(
            "It is more than %(days)s days since this meeting, so the form is closed. "
            "Thank you all the same."
        ) % {"days": FEEDBACK_DAYS}
    return ""


def give_feedback(*, session: Session, rating: int, area: str = "", comment: str = "") -> Feedback:
    """One participant's anonymous answer after a held session (within 30 days): 1 (not good)
    to 5 (very good), optionally the village they came from and a comment."""
    if rating not in RATINGS:
        raise ValidationError({"rating": _("Choose one of the five answers, from 1 to 5.")})
    refusal = feedback_refusal(session)
    if refusal:
        raise ValidationError(refusal)
    if Feedback.objects.filter(session=session).count() >= FEEDBACK_PER_SESSION:
        raise ValidationError(_("This meeting has had all the answers it can take. Thank you."))
    return Feedback.objects.create(
        municipality_id=session.municipality_id,
        session=session,
        rating=rating,
        area=area.strip()[:100],
        comment=comment.strip()[:500],
    )
