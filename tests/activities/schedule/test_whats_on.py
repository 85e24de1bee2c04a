"""«What's on» printed: this month's meetings by date in large print, read back from the PDF."""

import datetime
import io

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import translation
from pypdf import PdfReader

from activities.models import SessionStatus
from activities.schedule import exports
from coordination.kernel import contributions
from coordination.kernel.documents import typeset
from tests.activities.factories import ActivityFactory, PlaceFactory, SessionFactory, at
from tests.factories import municipality

pytestmark = pytest.mark.django_db


def test_the_period_takes_in_next_month_when_this_one_is_nearly_over():
    assert exports.period(datetime.date(2026, 12, 5)) == (
        datetime.date(2026, 12, 5), datetime.date(2026, 12, 31), False,
    )  # fmt: skip
    assert exports.period(datetime.date(2026, 12, 24)) == (
        datetime.date(2026, 12, 24), datetime.date(2027, 1, 31), True,
    )  # fmt: skip


def test_whats_on_prints_the_meetings_with_pick_up_and_phone(tmp_path):
    today = datetime.date(2026, 12, 5)
    place = PlaceFactory(name="Bøverdalen grendehus", address="Bøverdalsvegen 1")
    friday = ActivityFactory(title="Fredagstreff", place=place, transport_offered=True,
                             sign_up_phone="61212345")  # fmt: skip
    SessionFactory(activity=friday, starts_at=at(datetime.date(2026, 12, 11), 11),
                   ends_at=at(datetime.date(2026, 12, 11), 13))  # fmt: skip
    SessionFactory(activity=ActivityFactory(title="Turgruppa"), status=SessionStatus.CANCELLED,
                   starts_at=at(datetime.date(2026, 12, 12), 10),
                   ends_at=at(datetime.date(2026, 12, 12), 12))  # fmt: skip
    SessionFactory(activity=ActivityFactory(title="Neste år"),
                   starts_at=at(datetime.date(2027, 1, 8), 10),
                   ends_at=at(datetime.date(2027, 1, 8), 12))  # fmt: skip
    composed = exports.compose_whats_on(municipality("3434"), "nb", today=today)
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(typeset(composed))).pages)
    for expected in ("Fredagstreff", "11:00", "Bøverdalsvegen 1", "61212345", "Turgruppa"):
        assert expected in text
    assert "Neste år" not in text
    assert (
        "font-size: 16pt"
        in open(  # noqa: SIM115 (the stylesheet is small)
            "static/print/whats_on.css", encoding="utf-8"
        ).read()
    )


def test_the_document_is_registered_and_renders_from_the_command(tmp_path):
    assert contributions.document("whats-on").publishable
    out = tmp_path / "w.pdf"
    call_command("render_document", "whats-on", "--municipality", "3434", "--out", str(out))
    assert out.read_bytes().startswith(b"%PDF")


def test_the_wheel_gets_season_starts_and_one_off_meetings_not_every_week(coordinator_lom):
    from activities.models import Frequency
    from activities.schedule import services
    from activities.schedule.contributions import activity_wheel_entries

    today = datetime.date(2027, 3, 1)
    weekly = ActivityFactory(title="Turgruppa")
    services.create_schedule(
        activity=weekly, by=coordinator_lom, frequency=Frequency.WEEKLY, starts_on=today,
        ends_on=datetime.date(2027, 5, 31), start_time=datetime.time(10),
        end_time=datetime.time(12), places=[weekly.place],
    )  # fmt: skip
    party = ActivityFactory(title="Sommarfest")
    SessionFactory(activity=party, starts_at=at(datetime.date(2027, 6, 20), 15),
                   ends_at=at(datetime.date(2027, 6, 20), 18))  # fmt: skip
    entries = activity_wheel_entries(municipality("3434"), 2027)
    assert [(e.date, e.category) for e in entries] == [
        (today, "activity"), (datetime.date(2027, 6, 20), "activity"),
    ]  # fmt: skip
    assert "Turgruppa" in entries[0].title and entries[1].title == "Sommarfest"


def test_a_month_with_many_activity_dates_names_the_first_and_says_there_are_more(monkeypatch):
    from activities.schedule import contributions as schedule_contributions
    from activities.schedule.contributions import activity_wheel_entries

    monkeypatch.setattr(schedule_contributions, "WHEEL_PER_MONTH", 2)
    for day in (3, 5, 9, 12):
        on = datetime.date(2027, 6, day)
        SessionFactory(activity=ActivityFactory(title=f"Treff {day}"), starts_at=at(on, 15),
                       ends_at=at(on, 16))  # fmt: skip
    july = datetime.date(2027, 7, 1)
    SessionFactory(activity=ActivityFactory(title="Sommarfest"), starts_at=at(july, 15),
                   ends_at=at(july, 18))  # fmt: skip
    with translation.override("en"):
        entries = activity_wheel_entries(municipality("3434"), 2027)
    assert [(e.date.day, e.title) for e in entries] == [
        (3, "Treff 3"), (5, "Treff 5"),
        (5, "More activity dates from this day on: see the calendar"),
        (1, "Sommarfest"),
    ]  # fmt: skip
    calendar = reverse("activities:calendar_month", args=["3434"])
    assert entries[2].url == f"{calendar}?month=2027-06"


def test_the_wheels_activity_dates_take_a_fixed_number_of_queries(django_assert_num_queries):
    from activities.schedule.contributions import activity_wheel_entries

    lom = municipality("3434")

    def read(count: int) -> None:
        for n in range(count):
            on = datetime.date(2027, 1 + n % 12, 1 + n % 28)
            SessionFactory(starts_at=at(on, 15), ends_at=at(on, 16))
        with django_assert_num_queries(2):
            activity_wheel_entries(lom, 2027)

    read(2)
    read(40)


def test_season_starts_beyond_the_months_share_also_say_there_are_more(
    coordinator_lom, monkeypatch
):
    from activities.models import Frequency
    from activities.schedule import contributions as schedule_contributions
    from activities.schedule import services
    from activities.schedule.contributions import activity_wheel_entries

    monkeypatch.setattr(schedule_contributions, "WHEEL_PER_MONTH", 1)
    for day, title in ((1, "Turgruppa"), (8, "Songkoret")):
        activity = ActivityFactory(title=title)
        services.create_schedule(
            activity=activity, by=coordinator_lom, frequency=Frequency.WEEKLY,
            starts_on=datetime.date(2027, 3, day), ends_on=datetime.date(2027, 3, 31),
            start_time=datetime.time(10), end_time=datetime.time(12), places=[activity.place],
        )  # fmt: skip
    with translation.override("en"):
        entries = activity_wheel_entries(municipality("3434"), 2027)
    assert [(e.date.day, e.title) for e in entries] == [
        (1, "Season starts: Turgruppa"),
        (1, "More activity dates from this day on: see the calendar"),
    ]


def test_the_wheels_activity_dates_of_one_month_leave_the_others_unread(coordinator_lom):
    """The dashboard's «this month on the wheel» reads only that month's seasons and
    one-off meetings."""
    from activities.models import Frequency
    from activities.schedule import services
    from activities.schedule.contributions import activity_wheel_entries

    for month, title in ((5, "Maitreff"), (6, "Sommarfest"), (7, "Julifest")):
        on = datetime.date(2027, month, 10)
        SessionFactory(activity=ActivityFactory(title=title), starts_at=at(on, 15),
                       ends_at=at(on, 18))  # fmt: skip
    for month, title in ((6, "Turgruppa"), (7, "Songkoret")):
        weekly = ActivityFactory(title=title)
        services.create_schedule(
            activity=weekly, by=coordinator_lom, frequency=Frequency.WEEKLY,
            starts_on=datetime.date(2027, month, 1), ends_on=datetime.date(2027, 8, 31),
            start_time=datetime.time(10), end_time=datetime.time(12), places=[weekly.place],
        )  # fmt: skip
    with translation.override("en"):
        june = activity_wheel_entries(municipality("3434"), 2027, range(6, 7))
    assert [(e.date, e.title) for e in june] == [
        (datetime.date(2027, 6, 1), "Season starts: Turgruppa"),
        (datetime.date(2027, 6, 10), "Sommarfest"),
    ]
