"""Telling people: the receipt, a place from the waiting list, a meeting that is off, the
reminder the day before (email or text message as they chose; a phone call goes on the
organiser's call list)."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from django.conf import settings
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from activities.schedule.models import Session, SessionStatus
from activities.shifts.models import Shift
from activities.signups.models import (
    OnBehalf,
    Reminder,
    SignUp,
    SignUpStatus,
)
from activities.signups.services.places import holding_places, signed_up_for, waiting_position
from coordination.kernel import mail, sms
from coordination.kernel.reminders import remind_once


def receipt_url(signup: SignUp) -> str:
    return settings.SITE_URL + reverse("activities:signup_receipt", args=[signup.token])


def _mobile_of(signup: SignUp) -> str:
    for number in (signup.participant_phone, signup.signed_up_by_phone):
        if sms.can_receive_sms(number):
            return number
    return ""


def _email_to(signup: SignUp, template: str, context: dict[str, Any]) -> None:
    if signup.participant_user is not None and (
        signup.participant_user.email == signup.participant_email
    ):
        mail.send_email(
            to=signup.participant_user,
            template=template,
            context=context,
            municipality=signup.municipality_id,
        )
    else:
        mail.send_email_to_address(
            address=signup.participant_email,
            template=template,
            context=context,
            municipality=signup.municipality_id,
        )


def reach(signup: SignUp, *, notice: str, extra: dict[str, Any] | None = None) -> str:
    """Tell the participant (or the one who signed them up) by their chosen channel: email,
    a text message, or — a phone call chosen — nothing here (the organiser's call list shows
    them). No channel chosen: email if there is an address, else a text message. Returns the
    channel used ("email", "sms", "phone" or "")."""
    context = {
        "signup": signup,
        "activity": signup.activity,
        "session": signup.session,
        "municipality": signup.activity.municipality,
        "url": receipt_url(signup),
        "position": waiting_position(signup),
        **(extra or {}),
    }
    channel = signup.reminder
    if channel == Reminder.PHONE and signup.participant_phone and notice != "receipt":
        return "phone"
    mobile = _mobile_of(signup)
    wants_sms = channel in (Reminder.SMS, Reminder.PHONE) or not signup.participant_email
    if wants_sms and mobile:
        sms.send_text(
            to=mobile,
            template=f"activities/signups/sms/{notice}.txt",
            context=context,
            municipality=signup.municipality_id,
            purpose=f"activities.{notice}",
        )
        return "sms"
    if signup.participant_email:
        _email_to(signup, f"activities/signups/email/{notice}", context)
        return "email"
    return ""


def notify_signup(*, signup: SignUp, notice: str) -> str:
    """The receipt after signing up, or the word that a place came free ("promoted")."""
    if notice == "promoted" and signup.status != SignUpStatus.CONFIRMED:
        return ""
    if (
        notice == "receipt"
        and signup.on_behalf == OnBehalf.ORGANISER
        and not (signup.participant_email or _mobile_of(signup))
    ):
        return ""
    return reach(signup, notice=notice)


def notify_session_off(*, session: Session, notice: str) -> int:
    """Tell everyone signed up (and, cancelled by the organiser, the volunteers on shift) that
    a meeting is off. Returns how many were told by email or text message."""
    told = 0
    extra = {"reason": session.status_note, "off_session": session}
    for signup in signed_up_for(session).select_related(
        "activity__municipality", "session", "participant_user"
    ):
        if reach(signup, notice=notice, extra=extra) in ("email", "sms"):
            told += 1
    if notice == "cancelled":
        shifts = (
            Shift.objects.holding()
            .filter(slot__session=session)
            .select_related("volunteer__user", "slot")
        )
        for shift in shifts:
            user = shift.volunteer.user
            context = {
                "activity": session.activity,
                "session": session,
                "municipality": session.activity.municipality,
                "reason": session.status_note,
            }
            if user is not None and user.email:
                mail.send_email(
                    to=user,
                    template="activities/signups/email/shift_session_cancelled",
                    context=context,
                    municipality=session.municipality_id,
                )
            elif sms.can_receive_sms(shift.volunteer.contact_phone):
                sms.send_text(
                    to=shift.volunteer.contact_phone,
                    template="activities/signups/sms/shift_session_cancelled.txt",
                    context=context,
                    municipality=session.municipality_id,
                    purpose="activities.session_cancelled",
                )
    return told


def send_reminders(*, session: Session) -> int:
    """The day before: each participant with a place reminded by email or text message, as
    they chose (a phone call: they are on the organiser's call list). Once per session."""
    sent = 0
    session = Session.objects.select_related("activity__municipality").get(pk=session.pk)
    if session.status != SessionStatus.PLANNED:
        return 0

    def record() -> bool:
        return bool(
            Session.objects.filter(pk=session.pk, reminders_sent_at__isnull=True).update(
                reminders_sent_at=timezone.now()
            )
        )

    def send() -> None:
        nonlocal sent
        for signup in (
            holding_places(session=session)
            .filter(reminder__in=[Reminder.EMAIL, Reminder.SMS])
            .select_related("activity__municipality", "participant_user")
        ):
            signup.session = session  # a period enrolment: remind of this meeting
            if reach(signup, notice="reminder") in ("email", "sms"):
                sent += 1

    remind_once(record=record, send=send)
    return sent


def sessions_to_remind(now: datetime | None = None) -> list[int]:
    """Planned meetings tomorrow (Europe/Oslo) whose reminders have not gone out."""
    now = now or timezone.now()
    tomorrow = timezone.localdate(now) + timedelta(days=1)
    start = timezone.make_aware(datetime.combine(tomorrow, datetime.min.time()))
    return list(
        Session.objects.planned()
        .between(start, start + timedelta(days=1))
        .filter(reminders_sent_at__isnull=True)
        .values_list("pk", flat=True)
    )


def phone_calls_due(municipality_id: str, now: datetime | None = None) -> dict[str, list[SignUp]]:
    """The organiser's reminder call list: who chose a phone call, by what to tell them."""
    now = now or timezone.now()
    tomorrow = timezone.localdate(now) + timedelta(days=1)
    start = timezone.make_aware(datetime.combine(tomorrow, datetime.min.time()))
    base = SignUp.objects.in_municipality(municipality_id).filter(reminder=Reminder.PHONE)
    related = ("activity", "session__place", "activity__place")
    return {
        "remind": list(
            base.filter(status=SignUpStatus.CONFIRMED)
            .filter(
                Q(
                    session__status=SessionStatus.PLANNED,
                    session__starts_at__gte=start,
                    session__starts_at__lt=start + timedelta(days=1),
                )
                # a period enrolment: reminded of each meeting of the period
                | Q(
                    session__isnull=True,
                    activity__in=Session.objects.planned()
                    .between(start, start + timedelta(days=1))
                    .values("activity_id"),
                )
            )  # fmt: skip
            .select_related(*related)
            .order_by("session__starts_at", "activity_id", "created_at")
        ),
        "off": list(
            base.filter(
                status__in=[SignUpStatus.CONFIRMED, SignUpStatus.WAITING],
                session__status__in=[SessionStatus.CANCELLED, SessionStatus.NOT_RUNNING],
                session__starts_at__gte=now,
                session__starts_at__lt=now + timedelta(days=14),
            )
            .select_related(*related)
            .order_by("session__starts_at", "session_id", "created_at")
        ),
        "promoted": list(
            base.filter(
                status=SignUpStatus.CONFIRMED,
                promoted_at__gte=now - timedelta(days=7),
            )
            .filter(Q(session__starts_at__gte=now) | Q(session__isnull=True))
            .select_related(*related)
            .order_by("promoted_at", "pk")
        ),
    }
