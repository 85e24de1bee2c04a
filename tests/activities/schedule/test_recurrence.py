"""The dates of a schedule: weekly, every other week, monthly on the same weekday of the month,
one-off; seasons, exceptions, the horizon, rotating places, and the clocks changing."""

import datetime

from hypothesis import given
from hypothesis import strategies as st

from activities.schedule.recurrence import OSLO, horizon, occurrences, week_of_month

D = datetime.date
ELEVEN, ONE = datetime.time(11), datetime.time(13)
TODAY = D(2026, 9, 1)


def _dates(**kwargs):
    base = {"start_time": ELEVEN, "end_time": ONE, "today": TODAY}
    return [o.date for o in occurrences(**{**base, **kwargs})]


def test_weekly_meets_every_week_until_the_end_of_the_season():
    found = _dates(frequency="weekly", starts_on=D(2026, 9, 4), ends_on=D(2026, 9, 25))
    assert found == [D(2026, 9, 4), D(2026, 9, 11), D(2026, 9, 18), D(2026, 9, 25)]


def test_every_other_week_skips_a_week():
    found = _dates(frequency="every_other_week", starts_on=D(2026, 9, 4), ends_on=D(2026, 10, 2))
    assert found == [D(2026, 9, 4), D(2026, 9, 18), D(2026, 10, 2)]


def test_exceptions_are_skipped():
    found = _dates(
        frequency="weekly",
        starts_on=D(2026, 12, 10),
        ends_on=D(2027, 1, 7),
        exceptions=[D(2026, 12, 24), D(2026, 12, 31)],
    )
    assert found == [D(2026, 12, 10), D(2026, 12, 17), D(2027, 1, 7)]


def test_monthly_keeps_the_first_friday():
    found = _dates(frequency="monthly", starts_on=D(2026, 9, 4), ends_on=D(2026, 12, 31))
    assert found == [D(2026, 9, 4), D(2026, 10, 2), D(2026, 11, 6), D(2026, 12, 4)]
    assert all(day.weekday() == 4 and day.day <= 7 for day in found)


def test_monthly_on_a_fifth_weekday_becomes_the_last():
    # 29 October 2026 is the fifth Thursday; November has only four.
    assert week_of_month(D(2026, 10, 29)) == -1
    found = _dates(frequency="monthly", starts_on=D(2026, 10, 29), ends_on=D(2027, 1, 31))
    assert found == [D(2026, 10, 29), D(2026, 11, 26), D(2026, 12, 31), D(2027, 1, 28)]


def test_once_is_one_meeting():
    assert _dates(frequency="once", starts_on=D(2026, 9, 4), ends_on=D(2026, 12, 1)) == [
        D(2026, 9, 4)
    ]


def test_an_open_ended_rule_stops_at_the_horizon():
    found = _dates(frequency="weekly", starts_on=D(2026, 9, 4))
    assert found[-1] <= horizon(TODAY) == D(2027, 9, 1)
    assert len(found) == 52


def test_eleven_stays_eleven_across_the_october_and_march_clock_changes():
    found = occurrences(
        frequency="weekly",
        starts_on=D(2026, 10, 22),
        ends_on=D(2027, 4, 8),
        start_time=ELEVEN,
        end_time=ONE,
        today=TODAY,
    )
    assert {o.starts_at.astimezone(OSLO).time() for o in found} == {ELEVEN}
    offsets = {o.starts_at.utcoffset() for o in found}
    assert offsets == {datetime.timedelta(hours=1), datetime.timedelta(hours=2)}
    assert all(o.ends_at - o.starts_at == datetime.timedelta(hours=2) for o in found)


def test_places_take_turns_and_an_exception_does_not_move_the_next_meeting():
    plain = occurrences(
        frequency="weekly", starts_on=D(2026, 9, 4), ends_on=D(2026, 10, 2), start_time=ELEVEN,
        end_time=ONE, places=2, today=TODAY,
    )  # fmt: skip
    assert [o.place_index for o in plain] == [0, 1, 0, 1, 0]
    skipped = occurrences(
        frequency="weekly", starts_on=D(2026, 9, 4), ends_on=D(2026, 10, 2), start_time=ELEVEN,
        end_time=ONE, places=2, exceptions=[D(2026, 9, 11)], today=TODAY,
    )  # fmt: skip
    assert [(o.date, o.place_index) for o in skipped] == [
        (o.date, o.place_index) for o in plain if o.date != D(2026, 9, 11)
    ]


@given(
    frequency=st.sampled_from(["weekly", "every_other_week", "monthly"]),
    starts_on=st.dates(min_value=D(2026, 1, 1), max_value=D(2027, 6, 30)),
    weeks=st.integers(min_value=0, max_value=80),
    hour=st.integers(min_value=6, max_value=21),
    skip=st.sets(st.integers(min_value=0, max_value=20), max_size=5),
)
def test_every_meeting_is_on_the_weekday_inside_the_season_at_the_local_time(
    frequency, starts_on, weeks, hour, skip
):
    ends_on = starts_on + datetime.timedelta(weeks=weeks)
    exceptions = {starts_on + datetime.timedelta(weeks=n) for n in skip}
    found = occurrences(
        frequency=frequency,
        starts_on=starts_on,
        ends_on=ends_on,
        start_time=datetime.time(hour),
        end_time=datetime.time(hour + 1, 30),
        exceptions=exceptions,
        places=3,
        today=D(2026, 1, 1),
    )
    dates = [o.date for o in found]
    assert dates == sorted(set(dates))
    assert not set(dates) & exceptions
    for o in found:
        assert starts_on <= o.date <= min(ends_on, horizon(D(2026, 1, 1)))
        assert o.date.weekday() == starts_on.weekday()
        assert o.starts_at.astimezone(OSLO).time() == datetime.time(hour)
        assert o.starts_at.astimezone(OSLO).date() == o.date
        assert 0 <= o.place_index < 3
    if frequency == "every_other_week":
        assert all((d - starts_on).days % 14 == 0 for d in dates)
    if frequency == "monthly" and week_of_month(starts_on) > 0:
        assert all(week_of_month(d) == week_of_month(starts_on) for d in dates)
