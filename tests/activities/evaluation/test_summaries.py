"""The summaries with known numbers: what grant reports and the evaluation pages read."""

import datetime
from decimal import Decimal

import pytest

from activities.evaluation.services import (
    AFTERNOON,
    EVENING,
    MORNING,
    activity_summary,
    municipality_summary,
    record_attendance,
)
from activities.models import Category, Feedback, SessionStatus, ShiftStatus
from tests.activities.evaluation.conftest import participant
from tests.activities.factories import (
    ActivityFactory,
    SessionFactory,
    ShiftFactory,
    ShiftSlotFactory,
    at,
    shipped_type,
)
from tests.factories import HoursEntryFactory, municipality
from volunteers.hours.models import HoursStatus

pytestmark = pytest.mark.django_db

MONDAY = datetime.date(2025, 11, 3)
FRIDAY = datetime.date(2025, 11, 7)
SATURDAY = datetime.date(2025, 11, 8)


@pytest.fixture
def autumn(coordinator_lom):
    """Fredagstreff in November 2025: held Monday morning and Friday evening, not running on
    Saturday, cancelled the Monday after; answers and volunteers' shifts."""
    activity = ActivityFactory(title="Fredagstreff")
    monday = SessionFactory(activity=activity, starts_at=at(MONDAY, 10))
    friday = SessionFactory(activity=activity, starts_at=at(FRIDAY, 18))
    SessionFactory(activity=activity, starts_at=at(SATURDAY, 11), status=SessionStatus.NOT_RUNNING)
    SessionFactory(
        activity=activity,
        starts_at=at(MONDAY + datetime.timedelta(days=7), 10),
        status=SessionStatus.CANCELLED,
    )
    SessionFactory(activity=activity)  # next week, planned: not counted

    anna = participant(monday, "Anna", area="Bøverdalen", ride=True)
    berit = participant(monday, "Berit", area="Bøverdalen ")
    participant(monday, "Carl", area="Lom sentrum")  # did not come
    record_attendance(
        session=monday, by=coordinator_lom, present_signup_ids=[anna.pk, berit.pk], walk_ins=2
    )
    anna_again = participant(friday, "anna ", area="Bøverdalen")
    dagny = participant(friday, "Dagny", area="Fossbergom")
    record_attendance(
        session=friday,
        by=coordinator_lom,
        present_signup_ids=[anna_again.pk, dagny.pk],
        came_by_ride_ids=[dagny.pk],
        rides_ticked=True,
    )
    for session, rating, area in [
        (monday, 5, ""),
        (monday, 5, ""),
        (monday, 4, "Bøverdalen"),
        (friday, 3, ""),
        (friday, 1, "Fossbergom"),
    ]:
        Feedback.objects.create(municipality_id="3434", session=session, rating=rating, area=area)
    host = ShiftSlotFactory(session=monday)
    worked = ShiftFactory(slot=host, status=ShiftStatus.ATTENDED)
    worked.hours_entry = HoursEntryFactory(
        volunteer=worked.volunteer, hours=Decimal("2.5"), status=HoursStatus.APPROVED
    )
    worked.save()
    refused = ShiftFactory(slot=host, status=ShiftStatus.ATTENDED)
    refused.hours_entry = HoursEntryFactory(
        volunteer=refused.volunteer, hours=Decimal("3"), status=HoursStatus.REJECTED
    )
    refused.save()
    ShiftFactory(slot=host, status=ShiftStatus.NO_SHOW)
    ShiftFactory(slot=ShiftSlotFactory(session=friday), status=ShiftStatus.ATTENDED)
    return activity


def test_the_activity_summary_counts_sessions_people_villages_rides_times_and_answers(autumn):
    summary = activity_summary(autumn)
    assert (
        summary.sessions_held,
        summary.sessions_not_running,
        summary.sessions_cancelled,
    ) == (2, 1, 1)
    assert (summary.present, summary.walk_ins, summary.participants) == (4, 2, 6)
    assert summary.per_session == 3.0
    assert summary.unique_participants == 3  # Anna came twice
    assert (summary.came_by_ride, summary.sessions_with_ride, summary.ride_share) == (2, 2, 100)
    assert summary.villages == {"Bøverdalen": 3, "Fossbergom": 1}
    assert summary.feedback_villages == {"Bøverdalen": 1, "Fossbergom": 1}
    assert summary.village_rows == [("Bøverdalen", 3, 1), ("Fossbergom", 1, 1)]
    assert summary.times == {(1, MORNING): 1, (5, EVENING): 1}
    assert summary.evening_or_weekend_share == 50
    assert summary.ratings == {1: 1, 2: 0, 3: 1, 4: 1, 5: 2}
    assert (summary.answers, summary.average_rating) == (5, 3.6)
    assert summary.rating_rows[4] == (5, 2, 40)
    assert (summary.shifts_worked, summary.volunteer_hours) == (3, Decimal("2.5"))


def test_the_period_limits_the_summary(autumn):
    summary = activity_summary(autumn, since=datetime.date(2025, 11, 5))
    assert (summary.sessions_held, summary.sessions_not_running) == (1, 1)
    assert (summary.present, summary.walk_ins) == (2, 0)
    assert summary.times == {(5, EVENING): 1}
    only_monday = activity_summary(autumn, since=MONDAY, until=MONDAY)
    assert (only_monday.sessions_held, only_monday.answers, only_monday.shifts_worked) == (
        1,
        3,
        2,
    )


def test_an_activity_with_nothing_yet_has_zeros_not_errors():
    summary = activity_summary(ActivityFactory())
    assert (summary.sessions_held, summary.participants, summary.per_session) == (0, 0, 0.0)
    assert summary.average_rating is None
    assert summary.ride_share == 0


def test_the_municipality_summary_has_a_row_per_activity_totals_and_categories(
    autumn, coordinator_lom
):
    walking = ActivityFactory(title="Demenskafé", activity_type=shipped_type("dementia_cafe"))
    walk = SessionFactory(activity=walking, starts_at=at(SATURDAY, 13))
    ola = participant(walk, "Ola", area="Fossbergom")
    record_attendance(session=walk, by=coordinator_lom, present_signup_ids=[ola.pk])
    other = SessionFactory(
        activity=ActivityFactory(municipality=municipality("3301")), starts_at=at(MONDAY, 10)
    )
    other.status = SessionStatus.HELD
    other.save()

    summary = municipality_summary(municipality("3434"))
    rows = {row.activity.title: row for row in summary.rows}
    assert set(rows) == {"Fredagstreff", "Demenskafé"}
    assert (rows["Demenskafé"].sessions_held, rows["Demenskafé"].present) == (1, 1)
    assert rows["Demenskafé"].times == {(6, AFTERNOON): 1}
    assert (summary.total.sessions_held, summary.total.participants) == (3, 7)
    assert summary.total.unique_participants == 4
    assert summary.total.villages == {"Bøverdalen": 3, "Fossbergom": 2}
    assert summary.total.evening_or_weekend_sessions == 2
    by_category = {row.category: row for row in summary.categories}
    assert list(by_category) == [Category.SOCIAL, Category.DEMENTIA_FRIENDLY]
    assert by_category[Category.SOCIAL].sessions_held == 2
    assert by_category[Category.DEMENTIA_FRIENDLY].participants == 1
    assert by_category[Category.DEMENTIA_FRIENDLY].label == "Dementia-friendly community"


def test_the_municipality_summary_rows_can_be_one_page(autumn):
    second = ActivityFactory(title="Strikkegruppe")
    summary = municipality_summary(municipality("3434"), activities=[second])
    assert [row.activity for row in summary.rows] == [second]
    assert summary.total.sessions_held == 2  # the totals still cover every activity
