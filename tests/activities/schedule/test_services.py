"""Schedules make sessions: once and idempotently, remade after a change without losing a
meeting people signed up for; exceptions; one-off meetings; who may do it; the nightly job."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from activities.models import (
    Enrolment,
    Frequency,
    RideStatus,
    Session,
    SignUpStatus,
)
from activities.schedule import services
from activities.schedule.recurrence import OSLO
from activities.schedule.tasks import extend_schedules
from tests.activities.factories import ActivityFactory, PlaceFactory, SignUpFactory, at
from tests.factories import PartnerOrganisationFactory

pytestmark = pytest.mark.django_db

ELEVEN, ONE = datetime.time(11), datetime.time(13)


def _monday_in(weeks: int) -> datetime.date:
    today = timezone.localdate()
    return today + datetime.timedelta(days=7 * weeks - today.weekday())


def _weekly(activity, by, **kwargs):
    first = _monday_in(1)
    fields = {
        "frequency": Frequency.WEEKLY,
        "starts_on": first,
        "ends_on": first + datetime.timedelta(weeks=3),
        "start_time": ELEVEN,
        "end_time": ONE,
        "places": [activity.place],
    }
    return services.create_schedule(activity=activity, by=by, **{**fields, **kwargs})


def test_a_weekly_schedule_makes_its_sessions_once(coordinator_lom):
    activity = ActivityFactory()
    schedule = _weekly(activity, coordinator_lom)
    sessions = list(schedule.sessions.order_by("starts_at"))
    assert len(sessions) == 4
    assert {timezone.localtime(s.starts_at).time() for s in sessions} == {ELEVEN}
    assert {s.place for s in sessions} == {activity.place}
    assert {s.municipality_id for s in sessions} == {"3434"}
    assert services.make_sessions(schedule=schedule) == 0
    assert schedule.sessions.count() == 4


def test_places_rotate_in_the_order_given(coordinator_lom):
    activity = ActivityFactory()
    second = PlaceFactory(name="Fossbergom grendehus")
    schedule = _weekly(activity, coordinator_lom, places=[activity.place, second])
    places = [s.place for s in schedule.sessions.order_by("starts_at")]
    assert places == [activity.place, second, activity.place, second]


def test_exceptions_given_with_the_rule_have_no_session(coordinator_lom):
    activity = ActivityFactory()
    skipped = _monday_in(2)
    schedule = _weekly(activity, coordinator_lom, exceptions=[skipped])
    assert skipped not in set(schedule.sessions.values_list("occurrence", flat=True))
    assert schedule.sessions.count() == 3


def test_a_partner_representative_runs_only_their_own_organisations_activity(applicant):
    own = PartnerOrganisationFactory()
    applicant.memberships.update(organisation=own)
    _weekly(ActivityFactory(organiser=own), applicant)
    with pytest.raises(PermissionDenied):
        _weekly(ActivityFactory(organiser=PartnerOrganisationFactory()), applicant)


def test_others_may_not_make_a_schedule(volunteer_contact_lom, coordinator_drammen):
    activity = ActivityFactory()
    for person in (volunteer_contact_lom, coordinator_drammen):
        with pytest.raises(PermissionDenied):
            _weekly(activity, person)


def test_a_listed_only_activity_has_no_meetings(coordinator_lom):
    with pytest.raises(ValidationError):
        _weekly(ActivityFactory(listed_only=True), coordinator_lom)


def test_a_place_of_another_municipality_is_refused(coordinator_lom):
    activity = ActivityFactory()
    elsewhere = PlaceFactory(municipality_id="3301")
    with pytest.raises(ValidationError):
        _weekly(activity, coordinator_lom, places=[elsewhere])


def test_changing_the_rule_removes_empty_sessions_and_keeps_those_with_sign_ups(coordinator_lom):
    activity = ActivityFactory()
    schedule = _weekly(activity, coordinator_lom)
    first, second, third, fourth = schedule.sessions.order_by("starts_at")
    SignUpFactory(session=fourth)
    made = services.update_schedule(
        schedule=schedule,
        by=coordinator_lom,
        frequency=Frequency.WEEKLY,
        starts_on=schedule.starts_on,
        ends_on=schedule.starts_on + datetime.timedelta(weeks=1),
        start_time=datetime.time(12),
        end_time=datetime.time(14),
        places=[activity.place],
    )
    assert (made.removed, made.updated, made.created) == (1, 2, 0)
    assert made.kept == [fourth]
    assert set(schedule.sessions.all()) == {first, second, fourth}
    first.refresh_from_db()
    assert timezone.localtime(first.starts_at).time() == datetime.time(12)


def test_a_moved_session_with_sign_ups_keeps_its_time(coordinator_lom):
    activity = ActivityFactory()
    schedule = _weekly(activity, coordinator_lom)
    first = schedule.sessions.order_by("starts_at").first()
    SignUpFactory(session=first)
    made = services.update_schedule(
        schedule=schedule, by=coordinator_lom, frequency=Frequency.WEEKLY,
        starts_on=schedule.starts_on, ends_on=schedule.ends_on, start_time=datetime.time(12),
        end_time=datetime.time(14), places=[activity.place],
    )  # fmt: skip
    assert made.kept == [first]
    first.refresh_from_db()
    assert timezone.localtime(first.starts_at).time() == ELEVEN


def test_an_exception_removes_the_empty_session(coordinator_lom):
    schedule = _weekly(ActivityFactory(), coordinator_lom)
    day = _monday_in(2)
    services.add_exception(schedule=schedule, by=coordinator_lom, date=day, reason="Påske")
    assert not schedule.sessions.filter(occurrence=day).exists()
    assert services.make_sessions(schedule=schedule) == 0  # not made again
    services.remove_exception(schedule=schedule, by=coordinator_lom, date=day)
    assert schedule.sessions.filter(occurrence=day).exists()


def test_an_exception_on_a_date_people_signed_up_for_says_to_cancel_instead(coordinator_lom):
    schedule = _weekly(ActivityFactory(), coordinator_lom)
    session = schedule.sessions.get(occurrence=_monday_in(2))
    SignUpFactory(session=session)
    with pytest.raises(ValidationError, match="Cancel that meeting"):
        services.add_exception(schedule=schedule, by=coordinator_lom, date=_monday_in(2))
    assert Session.objects.filter(pk=session.pk).exists()
    assert not schedule.exceptions.exists()


def test_new_sessions_get_rides_for_those_enrolled_for_the_period(coordinator_lom):
    activity = ActivityFactory(enrolment=Enrolment.FOR_PERIOD, transport_offered=True)
    signup = SignUpFactory(
        session=None, activity=activity, municipality=activity.municipality,
        needs_transport=True, pickup_address="Bøverdalsvegen 12", status=SignUpStatus.CONFIRMED,
    )  # fmt: skip
    schedule = _weekly(activity, coordinator_lom)
    rides = signup.rides.all()
    assert rides.count() == 4
    assert {r.status for r in rides} == {RideStatus.NEEDED}
    assert {r.session_id for r in rides} == set(schedule.sessions.values_list("pk", flat=True))


def test_an_open_ended_schedule_reaches_a_year_ahead_and_the_nightly_job_is_idempotent(
    coordinator_lom,
):
    schedule = _weekly(ActivityFactory(), coordinator_lom, ends_on=None)
    last = schedule.sessions.order_by("-starts_at").first()
    assert last.occurrence <= timezone.localdate() + datetime.timedelta(days=366)
    assert last.occurrence >= timezone.localdate() + datetime.timedelta(days=350)
    schedule.sessions.filter(pk=last.pk).delete()
    assert extend_schedules() == 1
    assert extend_schedules() == 0


def test_a_one_off_session_and_changing_it(coordinator_lom):
    activity = ActivityFactory(capacity=10)
    day = _monday_in(2)
    session = services.add_session(
        activity=activity, by=coordinator_lom, starts_at=at(day, 18), ends_at=at(day, 20),
        place=activity.place,
    )  # fmt: skip
    assert session.schedule is None and session.effective_capacity == 10
    SignUpFactory(session=session)
    SignUpFactory(session=session)
    with pytest.raises(ValidationError, match="2 people already have a place"):
        services.update_session(session=session, by=coordinator_lom, capacity=1)
    before = session.updated_at
    services.update_session(
        session=session, by=coordinator_lom, capacity=5, status_note="Ta med sko"
    )
    session.refresh_from_db()
    assert (session.capacity, session.status_note) == (5, "Ta med sko")
    assert session.updated_at > before
    with pytest.raises(ValidationError):
        services.update_session(session=session, by=coordinator_lom, ends_at=at(day, 17))


def test_the_session_times_are_oslo_times(coordinator_lom):
    schedule = _weekly(ActivityFactory(), coordinator_lom)
    session = schedule.sessions.first()
    assert session.starts_at.astimezone(OSLO).hour == 11
