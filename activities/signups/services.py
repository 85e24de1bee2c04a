"""Signing up for an activity (oneself, or on someone's behalf), the waiting list and its order,
cancelling, a session that is cancelled or does not run for too few, and the reminder the day
before. Every write here locks what it counts, so two people never get the last place."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta
from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Count, DateTimeField, ExpressionWrapper, F, Q, QuerySet
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from activities.catalogue.models import Activity, ActivityStatus, Enrolment
from activities.catalogue.permissions import can_manage_activity
from activities.rides.models import Ride, RideStatus
from activities.rides.services import sync_rides_for_signup
from activities.schedule.models import Session, SessionStatus
from activities.shifts.models import Shift
from activities.signups.models import (
    FeeCategory,
    MobilityAid,
    OnBehalf,
    Reminder,
    SignUp,
    SignUpStatus,
)
from coordination.kernel import mail, outbox, permissions, sms
from coordination.kernel.models import User
from coordination.kernel.reminders import remind_once

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
    """Confirmed places per session of one activity, in two queries whatever their number:
    each session's own sign-ups, and the period enrolments that count in all of them."""
    if not sessions:
        return {}
    own = dict(
        SignUp.objects.filter(session__in=sessions, status=SignUpStatus.CONFIRMED)
        .order_by()
        .values_list("session")
        .annotate(n=Count("pk"))
    )
    activity_ids = {s.activity_id for s in sessions}
    period = dict(
        SignUp.objects.filter(
            activity_id__in=activity_ids, session__isnull=True, status=SignUpStatus.CONFIRMED
        )
        .order_by()
        .values_list("activity")
        .annotate(n=Count("pk"))
    )
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


def _locked(queryset: QuerySet, pk: int):
    """The row, locked until the transaction ends (only its own row, not the joined ones)."""
    return queryset.select_for_update(of=("self",)).get(pk=pk)


# --- Signing up --------------------------------------------------------------------------------


def _refuse_closed(activity: Activity, *, by_staff: bool) -> None:
    if activity.status != ActivityStatus.PUBLISHED or activity.listed_only:
        raise ValidationError(_("This activity does not take sign-ups here."))
    if not activity.sign_up_web and not by_staff:
        if activity.sign_up_phone:
            raise ValidationError(
                _("Sign up for this activity by phone: call %(phone)s.")
                % {"phone": activity.sign_up_phone}
            )
        raise ValidationError(_("This activity does not take sign-ups on the web."))


def _refuse_session(session: Session, now: datetime) -> None:
    if session.status != SessionStatus.PLANNED:
        raise ValidationError(_("This meeting is not going ahead, so you cannot sign up for it."))
    if now >= deadline_of(session):
        raise ValidationError(_("Sign-up for this meeting has closed."))


def _same_person(name: str, phone: str) -> Q:
    return Q(participant_name__iexact=name.strip(), participant_phone=phone.strip())


def _check_fields(
    activity: Activity,
    *,
    participant_name: str,
    on_behalf: str,
    signed_up_by_name: str,
    reminder: str,
    needs_transport: bool,
    pickup_address: str,
    mobility_aids: Sequence[str],
    fee_category: str,
    participant_phone: str,
    participant_email: str,
) -> None:
    errors: dict[str, str] = {}
    if not participant_name.strip():
        errors["participant_name"] = _("Write the name of the person who is coming.")
    if on_behalf not in OnBehalf.values:
        errors["on_behalf"] = _("Choose who is signing up.")
    elif on_behalf and not signed_up_by_name.strip():
        errors["signed_up_by_name"] = _("Write your own name, as you sign up for someone else.")
    if needs_transport and not activity.transport_offered:
        errors["needs_transport"] = _("This activity does not offer transport.")
    if needs_transport and not pickup_address.strip():
        errors["pickup_address"] = _("Write the address where the driver should pick you up.")
    if any(aid not in MobilityAid.values for aid in mobility_aids):
        errors["mobility_aids"] = _("Choose mobility aids from the list.")
    if fee_category not in fee_categories(activity):
        errors["fee_category"] = _("This activity does not offer that fee. Choose one offered.")
    if reminder not in Reminder.values:
        errors["reminder"] = _("Choose how you would like to be reminded.")
    elif reminder == Reminder.EMAIL and not participant_email:
        errors["participant_email"] = _("Write an email address for the reminder by email.")
    elif reminder in (Reminder.SMS, Reminder.PHONE) and not participant_phone:
        errors["participant_phone"] = _("Write a phone number for the reminder.")
    elif reminder == Reminder.SMS and not sms.can_receive_sms(participant_phone):
        errors["participant_phone"] = _("A text message needs a mobile number, e.g. 912 34 567.")
    if errors:
        raise ValidationError(errors)


def sign_up(
    *,
    by: User | None,
    session: Session | None = None,
    activity: Activity | None = None,
    participant_name: str,
    participant_phone: str = "",
    participant_email: str = "",
    on_behalf: str = "",
    signed_up_by_name: str = "",
    signed_up_by_phone: str = "",
    reminder: str = "none",
    needs_transport: bool = False,
    pickup_address: str = "",
    pickup_area: str = "",
    return_trip: bool = True,
    mobility_aids: Sequence[str] = (),
    accessibility_needs: str = "",
    fee_category: str = "standard",
) -> SignUp:
    """A place for one meeting (``session``) or, for an activity that enrols for a period, for
    the whole period (``activity``; the place counts in every meeting). Full: a place on the
    waiting list. The organiser's staff may sign someone up by phone (``on_behalf`` organiser)
    where the web sign-up is closed."""
    if session is None and activity is None:
        raise ValueError("sign_up needs a session or an activity")
    by_staff = on_behalf == OnBehalf.ORGANISER
    if by_staff:
        target = session.activity if session is not None else activity
        assert target is not None
        if by is None or not permissions.can(by, "sign_up_participants", target):
            raise PermissionDenied
    with transaction.atomic():
        now = timezone.now()
        sessions: list[Session]
        if session is not None:
            session = (
                Session.objects.select_for_update(of=("self",))
                .select_related("activity")
                .get(pk=session.pk)
            )
            activity = session.activity
            sessions = [session]
        else:
            assert activity is not None
            activity = Activity.objects.select_for_update().get(pk=activity.pk)
            if activity.enrolment != Enrolment.FOR_PERIOD:
                raise ValidationError(_("Sign up for one meeting at a time for this activity."))
            sessions = list(
                Session.objects.select_for_update(of=("self",))
                .filter(activity=activity, status=SessionStatus.PLANNED, starts_at__gt=now)
                .select_related("activity")
            )
            if not sessions:
                raise ValidationError(_("There are no meetings ahead to sign up for."))
            if now >= deadline_of(sessions[0]):
                raise ValidationError(_("Sign-up for this period has closed."))
        _refuse_closed(activity, by_staff=by_staff)
        if session is not None:
            if activity.enrolment == Enrolment.FOR_PERIOD:
                raise ValidationError(_("This activity is signed up for the whole period."))
            _refuse_session(session, now)
        if activity.fee == 0 and fee_category == FeeCategory.STANDARD:
            fee_category = FeeCategory.FREE  # the standard fee of a free activity is nothing
        _check_fields(
            activity,
            participant_name=participant_name,
            on_behalf=on_behalf,
            signed_up_by_name=signed_up_by_name,
            reminder=reminder,
            needs_transport=needs_transport,
            pickup_address=pickup_address,
            mobility_aids=mobility_aids,
            fee_category=fee_category,
            participant_phone=participant_phone,
            participant_email=participant_email,
        )
        live = SignUp.objects.active().filter(
            _same_person(participant_name, participant_phone), activity=activity
        )
        live = live.filter(session=session) if session is not None else live.filter(session=None)
        if live.exists():
            raise ValidationError(
                _("%(name)s is already signed up for this.") % {"name": participant_name.strip()}
            )
        full = not room_in_all(sessions)
        signup = SignUp.objects.create(
            municipality_id=activity.municipality_id,
            activity=activity,
            session=session,
            participant_name=participant_name.strip(),
            participant_phone=participant_phone.strip(),
            participant_email=participant_email.strip(),
            participant_user=by if by is not None and not on_behalf else None,
            on_behalf=on_behalf,
            signed_up_by_name=signed_up_by_name.strip() if on_behalf else "",
            signed_up_by_phone=signed_up_by_phone.strip() if on_behalf else "",
            signed_up_by=by if on_behalf else None,
            reminder=reminder,
            needs_transport=needs_transport,
            pickup_address=pickup_address.strip() if needs_transport else "",
            pickup_area=pickup_area.strip() if needs_transport else "",
            return_trip=return_trip if needs_transport else False,
            mobility_aids=list(mobility_aids),
            accessibility_needs=accessibility_needs.strip(),
            fee_category=fee_category,
            binding=activity.binding,
            status=SignUpStatus.WAITING if full else SignUpStatus.CONFIRMED,
        )
        sync_rides_for_signup(signup=signup)
        outbox.send(NOTIFY_TASK, signup=signup.pk, notice="receipt")
    return signup


# --- Cancelling and the waiting list -----------------------------------------------------------


def may_cancel_by_link(signup: SignUp) -> permissions.Verdict:
    """Whether the participant may cancel through the receipt's link."""
    if signup.status == SignUpStatus.CANCELLED:
        return permissions.Verdict(False, _("This sign-up is already cancelled."))
    if signup.binding and signup.status == SignUpStatus.CONFIRMED:
        phone = signup.activity.contact_phone or signup.activity.sign_up_phone
        if phone:
            return permissions.Verdict(
                False,
                _("The sign-up is binding. To cancel, call the organiser at %(phone)s.")
                % {"phone": phone},
            )
        return permissions.Verdict(
            False, _("The sign-up is binding. To cancel, call the organiser.")
        )
    return permissions.Verdict(True)


def cancel_sign_up(*, signup: SignUp, by: User | None) -> SignUp:
    """Cancel a place or a place in the queue. ``by`` None: the participant through the
    receipt's link (a binding place cannot be given up that way); an organiser may cancel any.
    A freed place goes to the first on the waiting list."""
    with transaction.atomic():
        signup = _locked(SignUp.objects.select_related("activity"), signup.pk)
        if by is None:
            verdict = may_cancel_by_link(signup)
            if not verdict:
                raise ValidationError(verdict.reason)
        elif not can_manage_activity(by, signup.activity):
            raise PermissionDenied
        held_a_place = signup.status == SignUpStatus.CONFIRMED
        signup.transition_to(
            SignUpStatus.CANCELLED, refusal=_("This sign-up is already cancelled.")
        )
        signup.cancelled_at = timezone.now()
        signup.save(update_fields=["status", "cancelled_at"])
        sync_rides_for_signup(signup=signup)
        if held_a_place:
            promote_waiting(session_or_activity=signup.session or signup.activity)
    return signup


def promote_waiting(*, session_or_activity: Session | Activity) -> list[SignUp]:
    """Give freed places to the waiting list, first come first served; each promoted person is
    told the way they chose. Returns those promoted."""
    promoted: list[SignUp] = []
    with transaction.atomic():
        if isinstance(session_or_activity, Session):
            session = (
                Session.objects.select_for_update(of=("self",))
                .select_related("activity")
                .get(pk=session_or_activity.pk)
            )
            if session.status != SessionStatus.PLANNED:
                return []
            sessions = [session]
            queue = SignUp.objects.filter(session=session)
        else:
            activity = session_or_activity
            sessions = list(
                Session.objects.select_for_update(of=("self",))
                .filter(
                    activity=activity, status=SessionStatus.PLANNED, starts_at__gt=timezone.now()
                )
                .select_related("activity")
            )
            queue = SignUp.objects.filter(activity=activity, session__isnull=True)
        waiting = list(queue.waiting().select_for_update())
        for signup in waiting:
            if not room_in_all(sessions):
                break
            signup.transition_to(SignUpStatus.CONFIRMED, refusal="")
            signup.promoted_at = timezone.now()
            signup.save(update_fields=["status", "promoted_at"])
            sync_rides_for_signup(signup=signup)
            outbox.send(NOTIFY_TASK, signup=signup.pk, notice="promoted")
            promoted.append(signup)
    return promoted


# --- The organiser ends a session, or too few signed up -----------------------------------------


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
        session = _locked(Session.objects.select_related("activity"), session.pk)
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
        session = _locked(Session.objects.select_related("activity"), session.pk)
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
