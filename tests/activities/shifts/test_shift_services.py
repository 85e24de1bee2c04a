"""Volunteer shifts: only ready volunteers take them (with the reason when not), a full shift
takes nobody more, a confirmation is asked once, a substitute is asked when someone drops out,
and the hours of a shift worked count in the volunteer's total."""

import datetime
from decimal import Decimal

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.utils import timezone

from activities.models import RideStatus, ShiftStatus, Task
from activities.rides.services import ask_driver
from activities.shifts import services
from activities.shifts.tasks import send_shift_confirm_reminders
from tests.activities.factories import (
    SessionFactory,
    ShiftFactory,
    ShiftSlotFactory,
    at,
    declaration,
    ready_volunteer,
    ride_for,
)
from tests.factories import UserFactory, VolunteerRoleFactory
from volunteers.hours.models import HoursEntry, HoursStatus
from volunteers.hours.totals import totals
from volunteers.models import Interest

pytestmark = pytest.mark.django_db


@pytest.fixture
def host_role():
    return VolunteerRoleFactory(
        name="Vert", interest=Interest.CULTURE, certificate_kinds=["limited"]
    )


def _take(slot, volunteer):
    return services.take_shift(slot=slot, volunteer=volunteer, by=volunteer.user)


def test_a_ready_volunteer_takes_a_shift(host_role):
    slot = ShiftSlotFactory(role=host_role)
    volunteer = ready_volunteer(role=host_role)
    shift = _take(slot, volunteer)
    assert (shift.status, shift.volunteer) == (ShiftStatus.SIGNED_UP, volunteer)


def test_without_the_declaration_signed_the_shift_is_refused_with_the_reason():
    declaration()
    slot = ShiftSlotFactory(role=None)
    unsigned = ready_volunteer(sign=False)
    with pytest.raises(ValidationError) as refused, _english():
        _take(slot, unsigned)
    assert "sign the confidentiality declaration" in str(refused.value)
    assert _take(slot, ready_volunteer()).status == ShiftStatus.SIGNED_UP  # signed: fine


def test_a_role_requiring_a_police_certificate_refuses_without_one(host_role):
    slot = ShiftSlotFactory(role=host_role)
    volunteer = ready_volunteer(role=host_role, certificate=False)
    with pytest.raises(ValidationError) as refused, _english():
        _take(slot, volunteer)
    assert "You need a police certificate for this role — talk to the coordinator" in str(
        refused.value
    )


def test_without_the_role_the_shift_is_refused(host_role):
    slot = ShiftSlotFactory(role=host_role)
    with pytest.raises(ValidationError) as refused, _english():
        _take(slot, ready_volunteer())
    assert "You do not have the role Vert yet" in str(refused.value)


def test_a_full_shift_takes_nobody_more():
    slot = ShiftSlotFactory(count=1)
    _take(slot, ready_volunteer())
    with pytest.raises(ValidationError, match="full|fullt|full"):
        _take(slot, ready_volunteer())


def test_a_past_or_cancelled_meeting_has_no_shifts_to_take():
    past = SessionFactory(starts_at=at(timezone.localdate() - datetime.timedelta(days=2), 11))
    with pytest.raises(ValidationError):
        _take(ShiftSlotFactory(session=past), ready_volunteer())


def test_another_person_cannot_take_a_shift_for_a_volunteer():
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        services.take_shift(slot=ShiftSlotFactory(), volunteer=ready_volunteer(), by=UserFactory())


def test_the_confirm_reminder_goes_once_to_shifts_within_three_days(
    django_capture_on_commit_callbacks,
):
    soon = SessionFactory(starts_at=timezone.now() + datetime.timedelta(days=2))
    later = SessionFactory(starts_at=timezone.now() + datetime.timedelta(days=9))
    near = ShiftFactory(slot=ShiftSlotFactory(session=soon), volunteer=ready_volunteer())
    ShiftFactory(slot=ShiftSlotFactory(session=later), volunteer=ready_volunteer())
    assert send_shift_confirm_reminders() == 1
    assert send_shift_confirm_reminders() == 0
    assert [m.to for m in mail.outbox] == [[near.volunteer.user.email]]
    assert f"/volunteer/shifts/{near.pk}/" in mail.outbox[0].body
    near.refresh_from_db()
    assert near.confirm_reminder_sent_at is not None


def test_confirming_marks_the_shift_confirmed():
    shift = ShiftFactory(volunteer=ready_volunteer())
    services.confirm_shift(shift=shift, by=shift.volunteer.user)
    shift.refresh_from_db()
    assert shift.status == ShiftStatus.CONFIRMED and shift.confirmed_at is not None


def test_dropping_out_asks_a_substitute_and_tells_the_organiser(
    coordinator_lom, django_capture_on_commit_callbacks
):
    slot = ShiftSlotFactory(task=Task.HOST)
    dropping = ready_volunteer()
    shift = _take(slot, dropping)
    standby = ready_volunteer()
    with django_capture_on_commit_callbacks(execute=True):
        services.drop_shift(shift=shift, by=dropping.user, reason="Sjuk")
    shift.refresh_from_db()
    assert shift.status == ShiftStatus.DROPPED
    [substitute] = shift.substitutes.all()
    assert (substitute.volunteer, substitute.status) == (standby, ShiftStatus.ASKED)
    recipients = sorted(m.to[0] for m in mail.outbox)
    assert recipients == sorted([coordinator_lom.email, standby.user.email])


def test_a_drivers_rides_wait_for_the_substitute_and_are_covered_when_they_say_yes(
    coordinator_lom,
):
    role = VolunteerRoleFactory(interest=Interest.TRANSPORT)
    session = SessionFactory()
    ride = ride_for(session, area="Lom sentrum", address="Vegen 1")
    drive = {"role": role, "interests": [Interest.TRANSPORT], "can_drive": True, "has_car": True}
    driver = ready_volunteer(**drive)
    standby = ready_volunteer(**drive)
    shift = ask_driver(session=session, volunteer=driver, by=coordinator_lom, rides=[ride])
    services.answer_shift(shift=shift, by=driver.user, accept=True)

    services.drop_shift(shift=shift, by=driver.user)

    ride.refresh_from_db()
    substitute = ride.driver_shift
    assert (substitute.volunteer, substitute.substitute_for_id) == (standby, shift.pk)
    assert ride.status == RideStatus.NEEDED
    services.answer_shift(shift=substitute, by=standby.user, accept=True)
    ride.refresh_from_db()
    assert ride.status == RideStatus.COVERED


def _held_shift():
    session = SessionFactory(starts_at=at(timezone.localdate() - datetime.timedelta(days=1), 11))
    return ShiftFactory(slot=ShiftSlotFactory(session=session), volunteer=ready_volunteer())


def test_attendance_makes_approved_hours_in_the_volunteers_total(coordinator_lom):
    shift = _held_shift()
    services.record_shift_attendance(shift=shift, by=coordinator_lom, attended=True)
    shift.refresh_from_db()
    entry = shift.hours_entry
    assert (shift.status, entry.status, entry.hours) == (
        ShiftStatus.ATTENDED,
        HoursStatus.APPROVED,
        Decimal("2.00"),  # the meeting's two hours
    )
    volunteer_total = totals(HoursEntry.objects.filter(volunteer=shift.volunteer))
    assert volunteer_total["approved_hours"] == Decimal("2.00")

    services.record_shift_attendance(shift=shift, by=coordinator_lom, attended=True)
    assert HoursEntry.objects.filter(volunteer=shift.volunteer).count() == 1  # idempotent

    services.record_shift_attendance(
        shift=shift, by=coordinator_lom, attended=True, hours=Decimal("3.5")
    )
    assert list(HoursEntry.objects.values_list("hours", flat=True)) == [Decimal("3.50")]


def test_a_no_show_removes_the_hours(coordinator_lom):
    shift = _held_shift()
    services.record_shift_attendance(shift=shift, by=coordinator_lom, attended=True)
    services.record_shift_attendance(shift=shift, by=coordinator_lom, attended=False)
    shift.refresh_from_db()
    assert (shift.status, shift.hours_entry) == (ShiftStatus.NO_SHOW, None)
    assert not HoursEntry.objects.filter(volunteer=shift.volunteer).exists()


def test_attendance_waits_for_the_meeting_to_start(coordinator_lom):
    shift = ShiftFactory(volunteer=ready_volunteer())
    with pytest.raises(ValidationError):
        services.record_shift_attendance(shift=shift, by=coordinator_lom, attended=True)


def test_adding_a_slot_for_a_task_twice_changes_it(coordinator_lom):
    session = SessionFactory()
    first = services.add_shift_slot(session=session, by=coordinator_lom, task=Task.HOST)
    again = services.add_shift_slot(session=session, by=coordinator_lom, task=Task.HOST, count=3)
    assert first.pk == again.pk and again.count == 3


def _english():
    from django.utils import translation

    return translation.override("en")


def test_the_reminder_goes_by_text_message_to_those_who_chose_it():
    from coordination.kernel.models import SmsMessage
    from volunteers.models import ContactBy

    soon = SessionFactory(starts_at=timezone.now() + datetime.timedelta(days=1))
    texted = ready_volunteer(contact_by=ContactBy.SMS, user=UserFactory(phone="912 34 567"))
    ShiftFactory(slot=ShiftSlotFactory(session=soon), volunteer=texted)
    assert send_shift_confirm_reminders() == 1
    [message] = SmsMessage.objects.filter(purpose="shifts.shift_confirm")
    assert message.to.endswith("91234567") and "/volunteer/shifts/" in message.text
    assert mail.outbox == []


def test_asking_a_volunteer_who_is_not_ready_is_refused_with_what_is_missing(coordinator_lom):
    role = VolunteerRoleFactory(name="Vert", certificate_kinds=["limited"])
    slot = ShiftSlotFactory(role=role)
    with pytest.raises(ValidationError) as refused, _english():
        services.ask_for_slot(
            slot=slot, volunteer=ready_volunteer(role=role, certificate=False), by=coordinator_lom
        )
    assert "police certificate" in str(refused.value)


def test_the_organisers_representatives_are_told_of_a_drop_out_not_the_coordinator(
    coordinator_lom, django_capture_on_commit_callbacks
):
    from tests.activities.factories import ActivityFactory
    from tests.factories import MembershipFactory, PartnerOrganisationFactory

    partner = PartnerOrganisationFactory()
    rep = MembershipFactory(role="partner_representative", organisation=partner).user
    session = SessionFactory(activity=ActivityFactory(organiser=partner))
    shift = ShiftFactory(slot=ShiftSlotFactory(session=session), volunteer=ready_volunteer())
    with django_capture_on_commit_callbacks(execute=True):
        services.drop_shift(shift=shift, by=shift.volunteer.user)
    assert [m.to for m in mail.outbox] == [[rep.email]]


def test_whom_to_ask_reads_the_stored_readiness_and_taking_checks_live(host_role):
    """The list of whom to ask reads the role holders' stored readiness (one semi-join over
    many volunteers); taking the shift still checks the one volunteer's requirements live."""
    from volunteers.models import RoleHolder

    slot = ShiftSlotFactory(role=host_role)
    ready = ready_volunteer(role=host_role)
    lapsed = ready_volunteer(role=host_role)
    # Stored as ready until yesterday; the nightly job has not rewritten it yet.
    RoleHolder.objects.filter(volunteer=lapsed).update(
        ready=True, ready_until=timezone.localdate() - datetime.timedelta(days=1)
    )
    stale = ready_volunteer(role=host_role, certificate=False)
    RoleHolder.objects.filter(volunteer=stale).update(ready=True, ready_until=None)
    asked = [p.volunteer for p in services.propose_for_slot(slot)]
    assert ready in asked and lapsed not in asked
    with pytest.raises(ValidationError):  # the live check at the door: no certificate
        _take(slot, stale)
