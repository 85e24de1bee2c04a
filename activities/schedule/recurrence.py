"""When a schedule meets, worked out without the database: the dates of a rule (once, weekly,
every other week, monthly on the same weekday of the month), inside its season and a horizon,
skipping the exceptions, each with its start and end in Europe/Oslo and the place it is at.

Times are wall-clock times in Oslo: a meeting at 11:00 stays at 11:00 when the clocks change
in March and October (the UTC instant moves, not the local time). The rotation follows the
rule's dates, skipped ones included, so adding an exception never moves a later meeting to
another place."""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from dateutil.relativedelta import relativedelta
from dateutil.rrule import MONTHLY, WEEKLY, rrule, weekday

OSLO = ZoneInfo("Europe/Oslo")
UTC = datetime.UTC

ONCE = "once"
WEEKLY_RULE = "weekly"
EVERY_OTHER_WEEK = "every_other_week"
MONTHLY_RULE = "monthly"
FREQUENCIES = (ONCE, WEEKLY_RULE, EVERY_OTHER_WEEK, MONTHLY_RULE)

# Open-ended rules (no end of season) are made this far ahead; the nightly task moves it on.
HORIZON_MONTHS = 12


@dataclass(frozen=True)
class Occurrence:
    date: datetime.date
    starts_at: datetime.datetime
    ends_at: datetime.datetime
    place_index: int


def horizon(today: datetime.date) -> datetime.date:
    """The last date sessions are made for, seen from ``today``."""
    return today + relativedelta(months=HORIZON_MONTHS)


def local(day: datetime.date, time: datetime.time) -> datetime.datetime:
    """``time`` on ``day`` in Oslo, as an aware datetime. A time that does not exist (02:30
    on the night the clocks go forward) becomes the same instant a minute-hand would show
    after the change (03:30)."""
    naive = datetime.datetime.combine(day, time.replace(tzinfo=None))
    return naive.replace(tzinfo=OSLO).astimezone(UTC).astimezone(OSLO)


def week_of_month(day: datetime.date) -> int:
    """1–4 for the first to fourth weekday of its kind in the month; -1 for the fifth (which
    becomes "the last", since not every month has a fifth)."""
    nth = (day.day - 1) // 7 + 1
    return -1 if nth == 5 else nth


def rule_dates(
    frequency: str, starts_on: datetime.date, until: datetime.date
) -> list[datetime.date]:
    """Every date of the rule from ``starts_on`` to ``until`` (inclusive), exceptions not yet
    taken out."""
    if frequency not in FREQUENCIES:
        raise ValueError(f"unknown frequency: {frequency!r}")
    if frequency == ONCE:
        return [starts_on]  # a single meeting is made however far ahead it is
    if until < starts_on:
        return []
    start = datetime.datetime.combine(starts_on, datetime.time())
    end = datetime.datetime.combine(until, datetime.time())
    if frequency == MONTHLY_RULE:
        nth = week_of_month(starts_on)
        rule = rrule(MONTHLY, dtstart=start, until=end, byweekday=weekday(starts_on.weekday(), nth))
        found = [moment.date() for moment in rule]
        # A first date on a fifth weekday is itself a meeting even if "last" would pick it too.
        return found if starts_on in found else [starts_on, *found]
    interval = 2 if frequency == EVERY_OTHER_WEEK else 1
    return [moment.date() for moment in rrule(WEEKLY, dtstart=start, until=end, interval=interval)]


def occurrences(
    *,
    frequency: str,
    starts_on: datetime.date,
    start_time: datetime.time,
    end_time: datetime.time,
    ends_on: datetime.date | None = None,
    exceptions: Iterable[datetime.date] = (),
    places: int = 1,
    today: datetime.date | None = None,
) -> list[Occurrence]:
    """The meetings of a rule, in date order. The season ends at ``ends_on``; whatever its
    end, no meeting later than the horizon (12 months after ``today``) is made."""
    if end_time <= start_time:
        raise ValueError("a meeting ends after it starts")
    last = horizon(today or datetime.date.today())  # noqa: DTZ011 (callers pass Oslo's date)
    if ends_on is not None:
        last = min(last, ends_on)
    skipped = set(exceptions)
    rotation = max(places, 1)
    found = []
    for index, day in enumerate(rule_dates(frequency, starts_on, last)):
        if day in skipped:
            continue
        found.append(
            Occurrence(
                date=day,
                starts_at=local(day, start_time),
                ends_at=local(day, end_time),
                place_index=index % rotation,
            )
        )
    return found
