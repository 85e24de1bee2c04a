"""The public calendars: a month and a week with each day's meetings, cancelled ones struck
and saying so, filtered by kind and place; only published activities of the municipality."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from activities.models import ActivityStatus, Category, SessionStatus
from tests.activities.factories import ActivityFactory, PlaceFactory, SessionFactory, at

pytestmark = pytest.mark.django_db


def _day_next_month() -> datetime.date:
    today = timezone.localdate()
    return (today.replace(day=28) + datetime.timedelta(days=4)).replace(day=10)


def _month_url(day: datetime.date, **query) -> str:
    extra = "".join(f"&{k}={v}" for k, v in query.items())
    return reverse("activities:calendar_month", args=["3434"]) + f"?month={day:%Y-%m}{extra}"


def test_the_month_lists_each_days_meetings_without_login(client):
    day = _day_next_month()
    session = SessionFactory(
        activity=ActivityFactory(title="Strikkekafé"), starts_at=at(day, 11), ends_at=at(day, 13)
    )
    SessionFactory(
        activity=ActivityFactory(title="Turgruppa"), starts_at=at(day, 14), ends_at=at(day, 15),
        status=SessionStatus.CANCELLED,
    )  # fmt: skip
    page = client.get(_month_url(day), HTTP_ACCEPT_LANGUAGE="en")
    text = page.content.decode()
    assert page.status_code == 200
    assert "Strikkekafé" in text and "11:00–13:00" in text and session.place.name in text
    assert reverse("activities:activity_detail", args=["3434", session.activity_id]) in text
    assert "<del>" in text and "Turgruppa" in text
    previous = (day.replace(day=1) - datetime.timedelta(days=1)).strftime("%Y-%m")
    assert f"?month={previous}" in text


def test_unpublished_and_other_municipalities_activities_are_not_shown(client):
    day = _day_next_month()
    SessionFactory(activity=ActivityFactory(title="Forslag", status=ActivityStatus.PROPOSED),
                   starts_at=at(day, 11), ends_at=at(day, 12))  # fmt: skip
    elsewhere = ActivityFactory(title="Drammenstreff", municipality_id="3301",
                                place=PlaceFactory(municipality_id="3301"))  # fmt: skip
    SessionFactory(activity=elsewhere, starts_at=at(day, 11), ends_at=at(day, 12))
    text = client.get(_month_url(day)).content.decode()
    assert "Forslag" not in text and "Drammenstreff" not in text


def test_the_filters_narrow_by_place_and_kind(client):
    day = _day_next_month()
    hall = PlaceFactory(name="Fossbergom grendehus")
    SessionFactory(activity=ActivityFactory(title="Fredagstreff A"), starts_at=at(day, 11),
                   ends_at=at(day, 12))  # fmt: skip
    SessionFactory(activity=ActivityFactory(title="Fredagstreff B", place=hall),
                   starts_at=at(day, 11), ends_at=at(day, 12))  # fmt: skip
    text = client.get(_month_url(day, place=hall.pk)).content.decode()
    assert "Fredagstreff B" in text and "Fredagstreff A" not in text
    text = client.get(_month_url(day, category=Category.WELFARE_TECHNOLOGY)).content.decode()
    assert "Fredagstreff" not in text


def test_the_week_shows_day_by_day(client):
    day = _day_next_month()
    SessionFactory(activity=ActivityFactory(title="Digivenn"), starts_at=at(day, 18),
                   ends_at=at(day, 20))  # fmt: skip
    iso = day.isocalendar()
    url = reverse("activities:calendar_week", args=["3434"]) + f"?week={iso.year}-W{iso.week:02d}"
    text = client.get(url).content.decode()
    assert "Digivenn" in text and "18:00–20:00" in text
    assert (
        client.get(reverse("activities:calendar_week", args=["3434"]) + "?week=junk").status_code
        == 200
    )


@pytest.mark.parametrize("name", ["calendar_month", "calendar_week"])
def test_the_calendars_read_a_fixed_number_of_queries(client, name):
    day = timezone.localdate() + datetime.timedelta(days=1)
    iso = day.isocalendar()
    query = (
        f"?month={day:%Y-%m}" if name == "calendar_month" else f"?week={iso.year}-W{iso.week:02d}"
    )
    url = reverse(f"activities:{name}", args=["3434"]) + query

    def count(n: int) -> int:
        for _ in range(n):
            SessionFactory(starts_at=at(day, 11), ends_at=at(day, 12))
        client.get(url)
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        return len(queries)

    assert count(2) == count(12)
