"""The organiser's pages: making and changing a schedule (with a preview of the dates), a
one-off meeting, changing it, and a meeting's page with its numbers."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from activities.models import Frequency, Schedule, SignUpStatus
from activities.schedule import services
from tests.activities.factories import (
    ActivityFactory,
    PlaceFactory,
    SessionFactory,
    ShiftFactory,
    ShiftSlotFactory,
    SignUpFactory,
)
from tests.factories import PartnerOrganisationFactory

pytestmark = pytest.mark.django_db


def _next_monday() -> datetime.date:
    today = timezone.localdate()
    return today + datetime.timedelta(days=7 - today.weekday())


def _form(activity, **extra):
    first = _next_monday()
    return {
        "frequency": Frequency.WEEKLY,
        "starts_on": first.isoformat(),
        "ends_on": (first + datetime.timedelta(weeks=5)).isoformat(),
        "start_time": "11:00",
        "end_time": "13:00",
        "place_1": activity.place_id,
        "exceptions": (first + datetime.timedelta(weeks=1)).strftime("%d.%m.%Y"),
        **extra,
    }


def test_the_coordinator_previews_then_saves_a_schedule(client_of, coordinator_lom):
    activity = ActivityFactory()
    url = reverse("activities:schedule_create", args=["3434", activity.pk])
    client = client_of(coordinator_lom, language="en")
    page = client.post(url, {**_form(activity), "action": "preview"})
    assert page.status_code == 200
    assert "The next meetings would be" in page.content.decode()
    assert not Schedule.objects.exists()
    done = client.post(url, _form(activity), follow=True)
    schedule = Schedule.objects.get()
    assert schedule.sessions.count() == 5
    assert "5 meetings are planned" in done.content.decode()


def test_a_first_date_in_the_past_is_refused(client_of, coordinator_lom):
    activity = ActivityFactory()
    url = reverse("activities:schedule_create", args=["3434", activity.pk])
    past = (timezone.localdate() - datetime.timedelta(days=3)).isoformat()
    page = client_of(coordinator_lom, language="en").post(url, _form(activity, starts_on=past))
    assert "cannot be in the past" in page.content.decode()
    assert not Schedule.objects.exists()


def test_another_organisations_representative_gets_404(client_of, applicant):
    applicant.memberships.update(organisation=PartnerOrganisationFactory())
    activity = ActivityFactory(organiser=PartnerOrganisationFactory())
    client = client_of(applicant)
    assert (
        client.get(reverse("activities:schedule_create", args=["3434", activity.pk])).status_code
        == 404
    )
    schedule = Schedule.objects.create(
        activity=activity, frequency=Frequency.WEEKLY, starts_on=_next_monday(),
        start_time=datetime.time(11), end_time=datetime.time(13),
    )  # fmt: skip
    assert (
        client.get(reverse("activities:schedule_edit", args=["3434", schedule.pk])).status_code
        == 404
    )
    session = SessionFactory(activity=activity)
    for name in ("session_detail", "session_edit"):
        assert (
            client.get(reverse(f"activities:{name}", args=["3434", session.pk])).status_code == 404
        )


def _four_mondays(activity, by):
    first = _next_monday()
    return first, services.create_schedule(
        activity=activity, by=by, frequency=Frequency.WEEKLY, starts_on=first,
        ends_on=first + datetime.timedelta(weeks=3), start_time=datetime.time(11),
        end_time=datetime.time(13), places=[activity.place],
    )  # fmt: skip


def test_changing_a_schedule_adds_an_exception_and_reports_what_was_kept(
    client_of, coordinator_lom
):
    activity = ActivityFactory()
    first, schedule = _four_mondays(activity, coordinator_lom)
    taken = schedule.sessions.get(occurrence=first + datetime.timedelta(weeks=3))
    SignUpFactory(session=taken)
    data = _form(activity, ends_on=(first + datetime.timedelta(weeks=2)).isoformat())
    page = client_of(coordinator_lom, language="en").post(
        reverse("activities:schedule_edit", args=["3434", schedule.pk]), data, follow=True
    )
    text = page.content.decode()
    assert "1 meeting removed" in text
    assert "has people signed up: it is kept" in text
    assert list(schedule.exceptions.values_list("date", flat=True)) == [
        first + datetime.timedelta(weeks=1)
    ]
    assert schedule.sessions.filter(pk=taken.pk).exists()


def test_a_date_without_a_meeting_is_refused_where_people_signed_up(client_of, coordinator_lom):
    activity = ActivityFactory()
    first, schedule = _four_mondays(activity, coordinator_lom)
    SignUpFactory(session=schedule.sessions.get(occurrence=first + datetime.timedelta(weeks=1)))
    page = client_of(coordinator_lom, language="en").post(
        reverse("activities:schedule_edit", args=["3434", schedule.pk]),
        _form(activity, ends_on=(first + datetime.timedelta(weeks=3)).isoformat()),
    )
    assert "Cancel that meeting instead" in page.content.decode()
    assert not schedule.exceptions.exists()
    assert schedule.sessions.count() == 4


def test_a_one_off_meeting_is_added_and_changed(client_of, coordinator_lom):
    activity = ActivityFactory()
    client = client_of(coordinator_lom, language="en")
    day = _next_monday()
    page = client.post(
        reverse("activities:session_create", args=["3434", activity.pk]),
        {"starts_at": f"{day}T18:00", "ends_at": f"{day}T20:00", "place": activity.place_id},
        follow=True,
    )
    session = activity.sessions.get()
    assert page.status_code == 200 and "The meeting is added" in page.content.decode()
    hall = PlaceFactory(name="Lom kulturhus")
    client.post(
        reverse("activities:session_edit", args=["3434", session.pk]),
        {"starts_at": f"{day}T18:00", "ends_at": f"{day}T21:00", "place": hall.pk, "capacity": 12,
         "status_note": "Ta med innesko"},
    )  # fmt: skip
    session.refresh_from_db()
    assert (session.place, session.capacity, session.status_note) == (hall, 12, "Ta med innesko")
    assert timezone.localtime(session.ends_at).hour == 21


def test_the_session_page_shows_the_numbers_and_the_way_on(client_of, coordinator_lom):
    session = SessionFactory(activity=ActivityFactory(capacity=10))
    SignUpFactory(session=session)
    SignUpFactory(session=session, status=SignUpStatus.WAITING)
    ShiftFactory(slot=ShiftSlotFactory(session=session, count=2))
    page = client_of(coordinator_lom, language="en").get(
        reverse("activities:session_detail", args=["3434", session.pk])
    )
    text = page.content.decode()
    assert "1 person has a place" in text and "of 10 places" in text
    assert "1 person on the waiting list" in text
    assert "1 of 2 volunteer shifts filled" in text
    for name in ("session_participants", "session_rides", "session_shifts", "session_attendance",
                 "session_cancel", "session_edit"):  # fmt: skip
        assert reverse(f"activities:{name}", args=["3434", session.pk]) in text


def test_the_session_page_reads_a_fixed_number_of_queries(client_of, coordinator_lom):
    client = client_of(coordinator_lom)

    def count(n: int) -> int:
        session = SessionFactory()
        for _ in range(n):
            SignUpFactory(session=session)
        url = reverse("activities:session_detail", args=["3434", session.pk])
        client.get(url)
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        return len(queries)

    assert count(2) == count(12)
