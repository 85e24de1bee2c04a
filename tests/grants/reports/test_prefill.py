"""What Samspill counted in the activities a grant funds, on a known data set: the report is
pre-filled with it and it is kept as first counted."""

import datetime
from decimal import Decimal

import pytest

from activities.evaluation.services import record_attendance
from activities.models import SessionStatus, ShiftStatus
from grants.reports import services
from grants.reports.prefill import counted_in_samspill, initial_values
from tests.activities.evaluation.conftest import participant
from tests.activities.factories import (
    ActivityFactory,
    SessionFactory,
    ShiftFactory,
    ShiftSlotFactory,
    at,
)
from tests.factories import HoursEntryFactory
from tests.grants.factories import ReportFactory
from volunteers.hours.models import HoursStatus

pytestmark = pytest.mark.django_db

YEAR = 2025


def _worked(slot, hours=None, volunteer=None):
    extra = {"volunteer": volunteer} if volunteer else {}
    shift = ShiftFactory(slot=slot, status=ShiftStatus.ATTENDED, **extra)
    if hours is not None:
        shift.hours_entry = HoursEntryFactory(
            volunteer=shift.volunteer, hours=Decimal(hours), status=HoursStatus.APPROVED
        )
        shift.save()
    return shift


@pytest.fixture
def funded(grant, coordinator_lom):
    """Turgruppa (3 meetings held in 2025, one in 2024, one cancelled) and Fredagstreff (one
    held in 2025), both funded by the grant."""
    walks = ActivityFactory(title="Turgruppa")
    march = SessionFactory(activity=walks, starts_at=at(datetime.date(YEAR, 3, 4), 11))
    june = SessionFactory(activity=walks, starts_at=at(datetime.date(YEAR, 6, 10), 11))
    december = SessionFactory(activity=walks, starts_at=at(datetime.date(YEAR, 12, 31), 18))
    earlier = SessionFactory(activity=walks, starts_at=at(datetime.date(YEAR - 1, 12, 31), 11))
    SessionFactory(
        activity=walks,
        starts_at=at(datetime.date(YEAR, 5, 1), 11),
        status=SessionStatus.CANCELLED,
    )
    anna, berit = participant(march, "Anna"), participant(march, "Berit")
    record_attendance(
        session=march, by=coordinator_lom, present_signup_ids=[anna.pk, berit.pk], walk_ins=2
    )
    anna_again, carl = participant(june, "Anna"), participant(june, "Carl")
    participant(june, "Dagny")  # signed up, did not come
    record_attendance(session=june, by=coordinator_lom, present_signup_ids=[anna_again.pk, carl.pk])
    record_attendance(session=december, by=coordinator_lom, present_signup_ids=[])
    before = participant(earlier, "Eldrid")
    record_attendance(session=earlier, by=coordinator_lom, present_signup_ids=[before.pk])

    host = ShiftSlotFactory(session=march)
    regular = _worked(host, "2.5")
    _worked(ShiftSlotFactory(session=june), "2", volunteer=regular.volunteer)
    _worked(ShiftSlotFactory(session=december))  # came, no hours recorded
    ShiftFactory(slot=host, status=ShiftStatus.NO_SHOW)
    _worked(ShiftSlotFactory(session=earlier), "5")  # 2024: not this year

    friday = ActivityFactory(title="Fredagstreff")
    meeting = SessionFactory(activity=friday, starts_at=at(datetime.date(YEAR, 9, 5), 12))
    anna_friday = participant(meeting, "Anna")
    record_attendance(session=meeting, by=coordinator_lom, present_signup_ids=[anna_friday.pk])
    ActivityFactory(title="Ikkje med")  # not funded by the grant

    grant.activities.add(walks, friday)
    return grant


def test_the_counts_are_the_funded_activities_in_the_year(funded):
    counted = counted_in_samspill(funded, YEAR)
    assert counted["activities"] == ["Fredagstreff", "Turgruppa"]
    assert counted["sessions_held"] == 4
    # Anna, Berit and Carl in Turgruppa; Anna again in Fredagstreff (once per activity).
    assert counted["participants_reached"] == 4
    assert (counted["visits"], counted["walk_ins"]) == (7, 2)
    assert counted["volunteers_involved"] == 2  # the regular counts once
    assert counted["volunteer_hours"] == "4.5"
    assert counted["shifts_worked"] == 3
    assert counted["senior_volunteers"] is None  # ages are not recorded


def test_a_year_with_nothing_held_counts_zero(funded):
    counted = counted_in_samspill(funded, YEAR + 1)
    assert (counted["sessions_held"], counted["participants_reached"]) == (0, 0)
    assert counted["volunteer_hours"] == "0.0"


def test_a_grant_that_funds_no_activity_in_samspill_counts_nothing(grant):
    assert counted_in_samspill(grant, YEAR) == {}


def test_the_form_starts_from_the_counts(funded):
    initial = initial_values(counted_in_samspill(funded, YEAR))
    assert initial == {
        "sessions_held": 4,
        "participants_reached": 4,
        "volunteers_involved": 2,
        "volunteer_hours": Decimal("4.5"),
    }


def test_the_counts_are_kept_as_first_counted(funded, applicant, coordinator_lom):
    report = ReportFactory(application=funded, year=YEAR)
    services.prefill_report(by=applicant, report=report)
    report.refresh_from_db()
    assert report.prefilled_from["sessions_held"] == 4
    later = SessionFactory(
        activity=funded.activities.get(title="Turgruppa"),
        starts_at=at(datetime.date(YEAR, 8, 1), 11),
    )
    record_attendance(session=later, by=coordinator_lom, present_signup_ids=[])
    services.prefill_report(by=applicant, report=report)
    report.refresh_from_db()
    assert report.prefilled_from["sessions_held"] == 4


def test_the_report_page_shows_the_counts_and_fills_them_in(funded, applicant, client_of):
    report = ReportFactory(application=funded, year=YEAR)
    page = client_of(applicant, language="en").get(f"/grants/reports/{report.pk}/")
    assert page.status_code == 200
    text = page.content.decode()
    assert "What Samspill counted in 2025" in text
    assert "4 meetings were held." in text
    assert 'name="sessions_held" value="4"' in text
    assert 'name="volunteer_hours" value="4.5"' in text
    assert "count the seniors who took part as volunteers yourself" in text
