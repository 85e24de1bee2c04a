"""The public calendars: a month and a week with each day's meetings, cancelled ones struck
and saying so, filtered by kind and place; only published activities of the municipality."""

import datetime

import pytest
from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from activities.models import ActivityStatus, Category, SessionStatus
from activities.schedule.views import calendars
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


def test_a_month_with_too_many_meetings_shows_each_days_count_linking_to_its_week(
    client, monkeypatch
):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    monkeypatch.setattr(calendars, "MONTH_LIST_LIMIT", 3)
    day = _day_next_month()
    for hour in (10, 12, 14):
        SessionFactory(activity=ActivityFactory(title=f"Treff {hour}"), starts_at=at(day, hour),
                       ends_at=at(day, hour + 1))  # fmt: skip
    following = day + datetime.timedelta(days=1)
    SessionFactory(activity=ActivityFactory(title="Kveldstreff"), starts_at=at(following, 18),
                   ends_at=at(following, 19))  # fmt: skip
    text = client.get(_month_url(day)).content.decode()
    assert "4 meetings this month." in text
    assert "Treff 10" not in text and "Kveldstreff" not in text
    iso = day.isocalendar()
    week = reverse("activities:calendar_week", args=["3434"]) + f"?week={iso.year}-W{iso.week:02d}"
    assert f'href="{week}#day-{day:%Y-%m-%d}">3 meetings</a>' in text
    assert f'#day-{following:%Y-%m-%d}">1 meeting</a>' in text
    # The link leads to that day on the week's page, where the meetings are listed.
    week_page = client.get(week).content.decode()
    assert f'id="day-{day:%Y-%m-%d}"' in week_page and "Treff 10" in week_page


def test_a_filter_that_leaves_few_enough_meetings_lists_them_again(client, monkeypatch):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    monkeypatch.setattr(calendars, "MONTH_LIST_LIMIT", 3)
    day = _day_next_month()
    hall = PlaceFactory(name="Fossbergom grendehus")
    for hour in (10, 12, 14):
        SessionFactory(starts_at=at(day, hour), ends_at=at(day, hour + 1))
    SessionFactory(activity=ActivityFactory(title="Bygdetreff", place=hall), place=hall,
                   starts_at=at(day, 18), ends_at=at(day, 19))  # fmt: skip
    many = client.get(_month_url(day)).content.decode()
    assert "Bygdetreff" not in many and "4 meetings</a>" in many
    text = client.get(_month_url(day, place=hall.pk)).content.decode()
    assert "Bygdetreff" in text and "18:00–19:00" in text and "meeting</a>" not in text


@pytest.mark.parametrize("limit", [1000, 1])
def test_a_month_of_counts_reads_a_fixed_number_of_queries(client, monkeypatch, limit):
    monkeypatch.setattr(calendars, "MONTH_LIST_LIMIT", limit)
    day = _day_next_month()

    def count(n: int) -> int:
        for number in range(n):
            on = day + datetime.timedelta(days=number % 3)
            SessionFactory(starts_at=at(on, 11), ends_at=at(on, 12))
        client.get(_month_url(day))
        with CaptureQueriesContext(connection) as queries:
            assert client.get(_month_url(day)).status_code == 200
        return len(queries)

    assert count(2) == count(12)


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
