"""The gaps view: the coordinator sees, per area, which times of the week and which months
have no activity, in words, from a fixed number of queries."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from activities.models import SessionStatus
from tests.activities.factories import ActivityFactory, PlaceFactory, SessionFactory, at

pytestmark = pytest.mark.django_db


def _next(weekday: int) -> datetime.date:
    today = timezone.localdate()
    return today + datetime.timedelta(days=(weekday - today.weekday()) % 7 or 7)


def test_the_grid_counts_meetings_and_says_no_activity_elsewhere(client_of, coordinator_lom):
    tuesday = _next(1)
    SessionFactory(starts_at=at(tuesday, 11), ends_at=at(tuesday, 13))
    SessionFactory(starts_at=at(tuesday, 18), ends_at=at(tuesday, 20))
    SessionFactory(
        starts_at=at(tuesday, 19), ends_at=at(tuesday, 20), status=SessionStatus.CANCELLED
    )
    page = client_of(coordinator_lom, language="en").get(reverse("activities:gaps", args=["3434"]))
    assert page.status_code == 200
    rows = page.context["rows"]
    morning, afternoon, evening = ([c["count"] for c in row["cells"]] for row in rows)
    assert morning[1] == 1 and evening[1] == 1  # the cancelled one does not count
    assert sum(afternoon) == 0
    text = page.content.decode()
    assert text.count("No activity") == 19 + sum(
        1 for m in page.context["months"] if not m["count"]
    )
    assert "loneliness is worst" in text


def test_one_area_at_a_time(client_of, coordinator_lom):
    day = _next(2)
    far = PlaceFactory(name="Skjåk grendehus", area="Bøverdalen")
    SessionFactory(starts_at=at(day, 11), ends_at=at(day, 12))
    SessionFactory(activity=ActivityFactory(place=far), starts_at=at(day, 18), ends_at=at(day, 19))
    page = client_of(coordinator_lom).get(
        reverse("activities:gaps", args=["3434"]) + "?area=Bøverdalen"
    )
    assert page.context["total"] == 1
    evening = [c["count"] for c in page.context["rows"][2]["cells"]]
    assert evening[2] == 1


def test_only_the_coordinator_sees_the_gaps(client_of, applicant):
    assert client_of(applicant).get(reverse("activities:gaps", args=["3434"])).status_code == 404


def test_the_gaps_read_a_fixed_number_of_queries(client_of, coordinator_lom):
    client = client_of(coordinator_lom)
    url = reverse("activities:gaps", args=["3434"])
    day = _next(3)

    def count(n: int) -> int:
        for _ in range(n):
            SessionFactory(starts_at=at(day, 11), ends_at=at(day, 12))
        client.get(url)
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        return len(queries)

    assert count(2) == count(12)
