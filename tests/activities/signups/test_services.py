"""Signing up: capacity and the waiting list in order, the deadline, binding sign-ups, fees,
period enrolments, the minimum rule and the reminders the day before."""

import datetime

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation

from activities.models import (
    Enrolment,
    OnBehalf,
    Reminder,
    Ride,
    RideStatus,
    SessionStatus,
    SignUp,
    SignUpStatus,
)
from activities.signups import services, tasks
from coordination.kernel.models import SmsMessage
from tests.activities.factories import ActivityFactory, SessionFactory, SignUpFactory, at

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _in_english():
    """The refusals are checked by their English words (the catalogues translate them)."""
    with translation.override("en"):
        yield


def _session(**activity):
    return SessionFactory(activity=ActivityFactory(**activity))


def _sign(session, name, **fields):
    fields.setdefault("participant_phone", "")
    return services.sign_up(by=None, session=session, participant_name=name, **fields)


def test_full_session_puts_the_next_person_on_the_waiting_list():
    session = _session(capacity=2)
    first, second = _sign(session, "Anna"), _sign(session, "Berit")
    third = _sign(session, "Cecilie")
    assert [first.status, second.status] == [SignUpStatus.CONFIRMED] * 2
    assert third.status == SignUpStatus.WAITING
    assert services.waiting_position(third) == 1
    assert services.places_left(session=session) == 0


def test_cancelling_promotes_the_first_waiting_in_order_and_tells_them(
    django_capture_on_commit_callbacks,
):
    session = _session(capacity=1)
    holder = _sign(session, "Anna")
    waiting_first = _sign(session, "Berit", participant_email="berit@example.no")
    waiting_second = _sign(session, "Cecilie")
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.cancel_sign_up(signup=holder, by=None)
    waiting_first.refresh_from_db()
    waiting_second.refresh_from_db()
    assert waiting_first.status == SignUpStatus.CONFIRMED
    assert waiting_first.promoted_at is not None
    assert waiting_second.status == SignUpStatus.WAITING
    assert services.waiting_position(waiting_second) == 1
    [email] = mail.outbox
    assert email.to == ["berit@example.no"]
    assert waiting_first.token in email.body


def test_sign_up_after_the_deadline_is_refused():
    starts = timezone.now() + datetime.timedelta(hours=10)
    session = SessionFactory(
        activity=ActivityFactory(signup_deadline_hours=24),
        starts_at=starts,
        ends_at=starts + datetime.timedelta(hours=2),
    )
    with pytest.raises(ValidationError, match="closed"):
        _sign(session, "Anna")


def test_a_session_not_planned_refuses_sign_up():
    session = _session()
    session.status = SessionStatus.CANCELLED
    session.save()
    with pytest.raises(ValidationError):
        _sign(session, "Anna")


def test_the_same_person_cannot_sign_up_twice():
    session = _session()
    services.sign_up(by=None, session=session, participant_name="Anna", participant_phone="4123")
    with pytest.raises(ValidationError, match="already signed up"):
        services.sign_up(
            by=None, session=session, participant_name="anna", participant_phone="4123"
        )


def test_a_binding_sign_up_is_not_cancelled_through_the_link_but_the_organiser_may(
    coordinator_lom,
):
    session = _session(binding=True, contact_phone="61 21 00 00")
    signup = _sign(session, "Anna")
    assert signup.binding
    with pytest.raises(ValidationError, match="61 21 00 00"):
        services.cancel_sign_up(signup=signup, by=None)
    services.cancel_sign_up(signup=signup, by=coordinator_lom)
    signup.refresh_from_db()
    assert signup.status == SignUpStatus.CANCELLED


def test_a_representative_of_another_organisation_may_not_cancel(applicant):
    signup = _sign(_session(), "Anna")
    with pytest.raises(PermissionDenied):
        services.cancel_sign_up(signup=signup, by=applicant)


def test_a_fee_category_the_activity_does_not_offer_is_refused():
    session = _session(fee=50)
    with pytest.raises(ValidationError) as refused:
        _sign(session, "Anna", fee_category="reduced")
    assert "fee_category" in refused.value.message_dict
    with pytest.raises(ValidationError):
        _sign(session, "Anna", fee_category="free")
    assert _sign(session, "Anna", fee_category="standard").fee_category == "standard"


def test_fees_are_offered_with_dignity():
    activity = ActivityFactory(fee=50, reduced_fee=20, free_places=True)
    assert services.fee_categories(activity) == ["standard", "reduced", "free"]
    sentence = services.fee_sentence(activity)
    assert "50 kr" in sentence and "20 kr" in sentence and "free place" in sentence
    assert "no one asks why" in sentence
    assert services.fee_categories(ActivityFactory(fee=0)) == ["free"]
    assert _sign(_session(fee=0), "Anna").fee_category == "free"


def test_transport_needs_an_address_and_an_activity_that_offers_it():
    with pytest.raises(ValidationError) as refused:
        _sign(_session(transport_offered=True), "Anna", needs_transport=True)
    assert "pickup_address" in refused.value.message_dict
    with pytest.raises(ValidationError) as refused:
        _sign(_session(), "Anna", needs_transport=True, pickup_address="Vegen 1")
    assert "needs_transport" in refused.value.message_dict


def test_a_transport_request_becomes_a_ride():
    session = _session(transport_offered=True)
    signup = _sign(
        session,
        "Anna",
        needs_transport=True,
        pickup_address="Bøverdalsvegen 12",
        pickup_area="Bøverdalen",
        mobility_aids=["walker"],
    )
    [ride] = Ride.objects.filter(signup=signup)
    assert ride.pickup_address == "Bøverdalsvegen 12" and ride.mobility_aids == ["walker"]
    services.cancel_sign_up(signup=signup, by=None)
    ride.refresh_from_db()
    assert ride.status == RideStatus.CANCELLED


def test_on_behalf_records_who_signed_up():
    signup = _sign(
        _session(),
        "Anna",
        on_behalf=OnBehalf.RELATIVE,
        signed_up_by_name="Per Dotter",
        signed_up_by_phone="91234567",
    )
    assert (signup.on_behalf, signup.signed_up_by_name) == ("relative", "Per Dotter")
    with pytest.raises(ValidationError):
        _sign(_session(), "Anna", on_behalf=OnBehalf.RELATIVE)


def test_the_organiser_by_phone_needs_the_permission_and_may_sign_up_where_web_is_closed(
    coordinator_lom, volunteer
):
    session = _session(sign_up_web=False, sign_up_phone="61 21 00 00")
    with pytest.raises(ValidationError, match="61 21 00 00"):
        _sign(session, "Anna")
    with pytest.raises(PermissionDenied):
        _sign(session, "Anna", on_behalf=OnBehalf.ORGANISER, signed_up_by_name="X")
    signup = services.sign_up(
        by=coordinator_lom,
        session=session,
        participant_name="Anna",
        on_behalf=OnBehalf.ORGANISER,
        signed_up_by_name=coordinator_lom.full_name,
    )
    assert signup.signed_up_by == coordinator_lom


def test_a_period_enrolment_counts_in_every_session():
    activity = ActivityFactory(enrolment=Enrolment.FOR_PERIOD, capacity=1)
    first = SessionFactory(activity=activity)
    second = SessionFactory(
        activity=activity, starts_at=first.starts_at + datetime.timedelta(days=7)
    )
    enrolled = services.sign_up(by=None, activity=activity, participant_name="Anna")
    assert enrolled.session is None and enrolled.status == SignUpStatus.CONFIRMED
    assert services.places_left(session=first) == 0
    assert services.places_left(session=second) == 0
    late = services.sign_up(by=None, activity=activity, participant_name="Berit")
    assert late.status == SignUpStatus.WAITING
    with pytest.raises(ValidationError):
        _sign(first, "Cecilie")  # a period activity: no sign-up for one meeting


def test_the_places_taken_count_each_sessions_own_and_the_period_enrolments_in_one_query(
    django_assert_num_queries,
):
    activity = ActivityFactory(capacity=10)
    first = SessionFactory(activity=activity)
    second = SessionFactory(
        activity=activity, starts_at=first.starts_at + datetime.timedelta(days=7)
    )
    SignUpFactory.create_batch(2, session=first)
    SignUpFactory(session=first, status=SignUpStatus.WAITING)
    SignUpFactory(session=first, status=SignUpStatus.CANCELLED)
    SignUpFactory(session=None, activity=activity, municipality=activity.municipality)
    elsewhere = ActivityFactory()  # another activity's period enrolment counts not here
    SignUpFactory(session=None, activity=elsewhere, municipality=elsewhere.municipality)
    with django_assert_num_queries(1):
        taken = services.places_taken_in([first, second])
    assert taken == {first.pk: 3, second.pk: 1}


def test_a_sign_up_without_transport_does_not_look_for_rides():
    """A new sign-up has no rides to cancel: only one that asks for transport makes them."""
    session = _session(capacity=5, transport_offered=True)
    with CaptureQueriesContext(connection) as queries:
        _sign(session, "Anna")
    assert not [q["sql"] for q in queries if "activities_ride" in q["sql"]]
    asking = _sign(session, "Berit", needs_transport=True, pickup_address="Vegen 1")
    assert Ride.objects.filter(signup=asking).count() == 1


def _minimum_session(minimum, hours_ahead=10):
    starts = timezone.now() + datetime.timedelta(hours=hours_ahead)
    return SessionFactory(
        activity=ActivityFactory(minimum_participants=minimum, capacity=10),
        starts_at=starts,
        ends_at=starts + datetime.timedelta(hours=2),
    )


def test_below_the_minimum_at_the_deadline_the_session_does_not_run_and_all_are_told_once(
    django_capture_on_commit_callbacks,
):
    session = _minimum_session(4)
    SignUpFactory(session=session, participant_email="a@example.no", reminder=Reminder.EMAIL)
    SignUpFactory(session=session, participant_phone="91234567", reminder=Reminder.SMS)
    ride_taker = SignUpFactory(session=session, status=SignUpStatus.WAITING)
    ride = Ride.objects.create(
        municipality_id="3434", session=session, signup=ride_taker, pickup_address="Vegen 1"
    )
    SignUpFactory(session=session, participant_phone="61000000", reminder=Reminder.PHONE)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        assert tasks.check_minimums() == 1
    session.refresh_from_db()
    assert session.status == SessionStatus.NOT_RUNNING
    assert session.minimum_checked_at is not None
    assert [m.to for m in mail.outbox] == [["a@example.no"]]
    assert SmsMessage.objects.filter(to="+4791234567").count() == 1
    ride.refresh_from_db()
    assert ride.status == RideStatus.CANCELLED
    # The phone-channel participant is on the organiser's call list.
    calls = services.phone_calls_due("3434")
    assert [s.participant_phone for s in calls["off"]] == ["61000000"]
    # Exactly once.
    with django_capture_on_commit_callbacks(execute=True):
        assert tasks.check_minimums() == 0
        tasks.check_session_minimum(session=session.pk)
    assert len(mail.outbox) == 1


def test_at_the_minimum_the_session_runs(django_capture_on_commit_callbacks):
    session = _minimum_session(2)
    SignUpFactory.create_batch(2, session=session)
    with django_capture_on_commit_callbacks(execute=True):
        assert tasks.check_minimums() == 1
    session.refresh_from_db()
    assert session.status == SessionStatus.PLANNED and session.minimum_checked_at is not None


def test_the_minimum_is_not_checked_before_the_deadline():
    session = _minimum_session(3, hours_ahead=48)
    assert services.due_for_minimum_check() == []
    session.refresh_from_db()
    assert session.minimum_checked_at is None


def test_reminders_go_once_by_each_participants_channel(django_capture_on_commit_callbacks):
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    session = SessionFactory(starts_at=at(tomorrow, 11), ends_at=at(tomorrow, 13))
    SignUpFactory(session=session, participant_email="a@example.no", reminder=Reminder.EMAIL)
    SignUpFactory(session=session, participant_phone="91234567", reminder=Reminder.SMS)
    SignUpFactory(session=session, participant_phone="61000000", reminder=Reminder.PHONE)
    SignUpFactory(session=session, participant_email="n@example.no", reminder=Reminder.NONE)
    SignUpFactory(
        session=session,
        participant_email="w@example.no",
        reminder=Reminder.EMAIL,
        status=SignUpStatus.WAITING,
    )
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        assert tasks.send_reminders() == 1
    assert [m.to for m in mail.outbox] == [["a@example.no"]]
    assert SmsMessage.objects.filter(to="+4791234567").count() == 1
    calls = services.phone_calls_due("3434")
    assert [s.participant_phone for s in calls["remind"]] == ["61000000"]
    with django_capture_on_commit_callbacks(execute=True):
        assert tasks.send_reminders() == 0
        tasks.send_session_reminders(session=session.pk)
    assert len(mail.outbox) == 1


def test_cancelling_a_session_tells_everyone_and_cancels_rides(
    coordinator_lom, django_capture_on_commit_callbacks
):
    session = _session(transport_offered=True)
    signup = _sign(
        session, "Anna", participant_email="a@example.no", needs_transport=True,
        pickup_address="Vegen 1",
    )  # fmt: skip
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        told = services.cancel_session(session=session, by=coordinator_lom, reason="Hallen er tatt")
    assert told == 1
    session.refresh_from_db()
    assert session.status == SessionStatus.CANCELLED
    [email] = mail.outbox
    assert "Hallen er tatt" in email.body
    assert Ride.objects.get(signup=signup).status == RideStatus.CANCELLED


def test_the_receipt_goes_by_email_with_the_link(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        signup = _sign(_session(), "Anna <b>", participant_email="a@example.no")
    [email] = mail.outbox
    assert services.receipt_url(signup) in email.body
    assert SignUp.objects.get(pk=signup.pk).status == SignUpStatus.CONFIRMED


def test_retention_anonymises_old_sign_ups_and_keeps_the_figures():
    from activities.signups.contributions import _anonymise, _old_signups

    long_ago = timezone.now() - datetime.timedelta(days=400)
    old = SignUpFactory(
        session=SessionFactory(starts_at=long_ago, ends_at=long_ago + datetime.timedelta(hours=1)),
        needs_transport=True,
        pickup_address="Vegen 1",
        pickup_area="Garmo",
    )
    recent = SignUpFactory()
    assert list(_old_signups(timezone.now())) == [old]
    assert _anonymise(_old_signups(timezone.now())) == 1
    old.refresh_from_db()
    assert old.participant_name == "–" and old.participant_phone == ""
    assert old.pickup_area == "Garmo" and old.needs_transport
    assert list(_old_signups(timezone.now())) == []
    recent.refresh_from_db()
    assert recent.participant_name != "–"


def test_a_promoted_person_who_chose_text_messages_gets_one(django_capture_on_commit_callbacks):
    session = _session(capacity=1)
    holder = _sign(session, "Anna")
    _sign(session, "Berit", participant_phone="91234567", reminder=Reminder.SMS)
    with django_capture_on_commit_callbacks(execute=True):
        services.cancel_sign_up(signup=holder, by=None)
    [message] = SmsMessage.objects.filter(purpose="activities.promoted")
    assert message.to == "+4791234567" and "Fredagstreff" in message.text


def test_a_promoted_person_who_chose_a_call_is_on_the_call_list(
    django_capture_on_commit_callbacks,
):
    session = _session(capacity=1)
    holder = _sign(session, "Anna")
    _sign(session, "Berit", participant_phone="61000000", reminder=Reminder.PHONE)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.cancel_sign_up(signup=holder, by=None)
    assert mail.outbox == [] and not SmsMessage.objects.filter(purpose="activities.promoted")
    assert [s.participant_name for s in services.phone_calls_due("3434")["promoted"]] == ["Berit"]


def test_a_waiting_place_may_be_given_up_through_the_link_even_when_binding():
    session = _session(capacity=1, binding=True)
    _sign(session, "Anna")
    waiting = _sign(session, "Berit")
    services.cancel_sign_up(signup=waiting, by=None)
    waiting.refresh_from_db()
    assert waiting.status == SignUpStatus.CANCELLED
