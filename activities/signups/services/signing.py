"""Signing up (oneself or on someone's behalf), cancelling a place and promoting the
waiting list in order. Every write locks what it counts, so two never get the last place."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from activities.catalogue.models import Activity, ActivityStatus, Enrolment
from activities.catalogue.permissions import can_manage_activity
from activities.rides.services import sync_rides_for_signup
from activities.schedule.models import Session, SessionStatus
from activities.signups.models import (
    FeeCategory,
    MobilityAid,
    OnBehalf,
    Reminder,
    SignUp,
    SignUpStatus,
)
from activities.signups.services.places import NOTIFY_TASK, deadline_of, fee_categories, room_in_all
from coordination.kernel import outbox, permissions, sms
from coordination.kernel.models import User


def locked(queryset: QuerySet, pk: int):
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
        if needs_transport:  # without, a new sign-up has no rides to make or cancel
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
        signup = locked(SignUp.objects.select_related("activity"), signup.pk)
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
