"""The iCalendar feeds, parsed back with the icalendar library: stable UIDs, Oslo times with a
VTIMEZONE, cancelled meetings marked, only the municipality's published activities."""

import datetime

import icalendar
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from activities.models import ActivityStatus, SessionStatus
from activities.schedule import services
from tests.activities.factories import ActivityFactory, PlaceFactory, SessionFactory, at

pytestmark = pytest.mark.django_db


def _events(response) -> list:
    cal = icalendar.Calendar.from_ical(response.content)
    return list(cal.walk("VEVENT")), cal


def test_the_municipalitys_feed_parses_back_with_stable_uids_and_oslo_times(client):
    day = timezone.localdate() + datetime.timedelta(days=10)
    place = PlaceFactory(name="Bøverdalen grendehus", address="Bøverdalsvegen 1")
    on = SessionFactory(activity=ActivityFactory(title="Fredagstreff", place=place),
                        starts_at=at(day, 11), ends_at=at(day, 13))  # fmt: skip
    off = SessionFactory(starts_at=at(day, 15), ends_at=at(day, 16), status=SessionStatus.CANCELLED)
    SessionFactory(activity=ActivityFactory(title="Forslag", status=ActivityStatus.PROPOSED))
    other = ActivityFactory(municipality_id="3301", place=PlaceFactory(municipality_id="3301"))
    SessionFactory(activity=other)
    url = reverse("activities:calendar_feed", args=["3434"])
    first = client.get(url)
    assert first["Content-Type"] == "text/calendar; charset=utf-8"
    events, cal = _events(first)
    again, _cal = _events(client.get(url))
    assert [str(e["UID"]) for e in events] == [str(e["UID"]) for e in again]
    by_uid = {str(e["UID"]): e for e in events}
    assert set(by_uid) == {f"session-{on.pk}@127.0.0.1", f"session-{off.pk}@127.0.0.1"}
    event = by_uid[f"session-{on.pk}@127.0.0.1"]
    start = event.decoded("DTSTART")
    assert str(start.tzinfo) == "Europe/Oslo" and start.hour == 11
    assert event["DTSTART"].params["TZID"] == "Europe/Oslo"
    assert str(event["SUMMARY"]) == "Fredagstreff"
    assert "Bøverdalsvegen 1" in str(event["LOCATION"])
    assert str(by_uid[f"session-{off.pk}@127.0.0.1"]["STATUS"]) == "CANCELLED"
    assert [str(tz["TZID"]) for tz in cal.walk("VTIMEZONE")] == ["Europe/Oslo"]
    assert "Lom" in str(cal["X-WR-CALNAME"])
    assert "DTSTAMP" in event and "URL" in event


def test_the_sequence_grows_when_a_meeting_changes(client, coordinator_lom):
    session = SessionFactory()
    type(session).objects.filter(pk=session.pk).update(
        updated_at=timezone.now() - datetime.timedelta(hours=1)
    )
    session.refresh_from_db()
    url = reverse("activities:activity_feed", args=["3434", session.activity_id])
    [before], _cal = _events(client.get(url))
    services.update_session(session=session, by=coordinator_lom, status_note="Ny tid")
    [after], _cal = _events(client.get(url))
    assert int(after["SEQUENCE"]) > int(before["SEQUENCE"])


def test_the_activity_feed_has_only_that_activity_and_not_an_unpublished_one(client):
    session = SessionFactory()
    SessionFactory()
    events, _cal = _events(
        client.get(reverse("activities:activity_feed", args=["3434", session.activity_id]))
    )
    assert [str(e["UID"]).split("@")[0] for e in events] == [f"session-{session.pk}"]
    proposed = ActivityFactory(status=ActivityStatus.PROPOSED)
    url = reverse("activities:activity_feed", args=["3434", proposed.pk])
    assert client.get(url).status_code == 404
    assert (
        client.get(
            reverse("activities:activity_feed", args=["3301", session.activity_id])
        ).status_code
        == 404
    )


def test_the_feed_reads_a_fixed_number_of_queries(client):
    url = reverse("activities:calendar_feed", args=["3434"])

    def count(n: int) -> int:
        for _ in range(n):
            SessionFactory()
        client.get(url)
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        return len(queries)

    assert count(2) == count(12)
