"""The word about shifts, sent after the change has committed: a volunteer asked to take a
shift (or to stand in for one who dropped out), the organisers told of answers and drop-outs,
and the daily reminder to confirm a shift starting within three days (once per shift)."""

from __future__ import annotations

import datetime

from celery import shared_task
from django.conf import settings
from django.db.models import QuerySet
from django.urls import reverse
from django.utils import timezone

from activities.schedule.models import SessionStatus
from activities.shifts.models import Shift, ShiftStatus
from activities.shifts.services import CONFIRM_DAYS
from coordination.kernel import sms
from coordination.kernel.mail import send_email
from coordination.kernel.models import Membership, Role, User
from coordination.kernel.reminders import remind_once
from volunteers.profile import own
from volunteers.profile.models import ContactBy, Volunteer


def tell_volunteer(volunteer: Volunteer, name: str, context: dict) -> str:
    """The way the volunteer chose: a text message (when they chose one and have a mobile),
    else an email. Returns "sms", "email" or "" (no login or no address: the organiser's page
    shows the phone number to call)."""
    user = volunteer.user
    if user is None:
        return ""
    if volunteer.contact_by == ContactBy.SMS and sms.can_receive_sms(user):
        sms.send_text(
            to=user,
            template=f"activities/shifts/sms/{name}.txt",
            context=context,
            municipality=volunteer.municipality_id,
            purpose=f"shifts.{name}",
        )
        return "sms"
    if user.email:
        send_email(
            to=user,
            template=f"activities/shifts/email/{name}",
            context=context,
            municipality=volunteer.municipality_id,
        )
        return "email"
    return ""


def organisers_of(shift: Shift) -> QuerySet[User]:
    """Who runs the activity: the organiser's representatives, else the coordinators."""
    activity = shift.slot.session.activity
    memberships = Membership.objects.filter(
        municipality_id=activity.municipality_id, user__is_active=True
    )
    if activity.organiser_id is not None:
        found = memberships.filter(
            role=Role.PARTNER_REPRESENTATIVE, organisation_id=activity.organiser_id
        )
        if found.exists():
            return User.objects.filter(pk__in=found.values("user_id"))
    return User.objects.filter(pk__in=memberships.filter(role=Role.COORDINATOR).values("user_id"))


def _own_url(shift: Shift) -> str:
    return settings.SITE_URL + own.own_url("activities:own_shift", shift.municipality_id, shift.pk)


def _shifts_url(shift: Shift) -> str:
    return settings.SITE_URL + reverse(
        "activities:session_shifts", args=[shift.municipality_id, shift.slot.session_id]
    )


@shared_task(acks_late=True)
def notify_shift(*, shift: int, event: str, reason: str = "") -> list[str]:
    """``asked``: the volunteer is asked (they answer on the shift's page); ``accepted``,
    ``declined``, ``dropped``: the organisers are told. Nothing when the shift moved on."""
    found = (
        Shift.objects.select_related(
            "slot__session__activity", "slot__session__place", "volunteer__user"
        )
        .filter(pk=shift)
        .first()
    )
    if found is None:
        return []
    session = found.slot.session
    context = {
        "shift": found,
        "session": session,
        "activity": session.activity,
        "task": found.slot.get_task_display(),
        "starts_at": timezone.localtime(session.starts_at),
        "reason": reason,
    }
    if event == "asked":
        if found.status != ShiftStatus.ASKED:
            return []
        sent = tell_volunteer(found.volunteer, "shift_asked", {**context, "url": _own_url(found)})
        return [sent] if sent else []
    context["url"] = _shifts_url(found)
    return [
        send_email(
            to=user,
            template=f"activities/shifts/email/shift_{event}",
            context=context,
            municipality=found.municipality_id,
        )
        for user in organisers_of(found)
        if user.email
    ]


def due_for_confirmation(now: datetime.datetime | None = None) -> QuerySet[Shift]:
    """Signed-up shifts of planned meetings starting within ``CONFIRM_DAYS`` days, not yet
    reminded."""
    now = now or timezone.now()
    return Shift.objects.filter(
        status=ShiftStatus.SIGNED_UP,
        confirm_reminder_sent_at__isnull=True,
        volunteer__user__isnull=False,
        volunteer__left_at__isnull=True,
        slot__session__status=SessionStatus.PLANNED,
        slot__session__starts_at__gt=now,
        slot__session__starts_at__lte=now + datetime.timedelta(days=CONFIRM_DAYS),
    ).select_related("slot__session__activity", "slot__session__place", "volunteer__user")


@shared_task(acks_late=True)
def send_shift_confirm_reminders() -> int:
    """Ask each volunteer once to confirm a shift of the next days; returns how many."""
    now = timezone.now()
    sent = 0
    for shift in due_for_confirmation(now):
        session = shift.slot.session
        context = {
            "shift": shift,
            "session": session,
            "activity": session.activity,
            "task": shift.slot.get_task_display(),
            "starts_at": timezone.localtime(session.starts_at),
            "url": _own_url(shift),
        }

        def record(pk: int = shift.pk) -> bool:
            return bool(
                Shift.objects.filter(pk=pk, confirm_reminder_sent_at__isnull=True).update(
                    confirm_reminder_sent_at=now
                )
            )

        def send(volunteer: Volunteer = shift.volunteer, context: dict = context) -> str:
            return tell_volunteer(volunteer, "shift_confirm", context)

        if remind_once(record=record, send=send):
            sent += 1
    return sent
