"""Calendars (month, week, iCalendar feeds), schedules and sessions, and the gaps view."""

from activities.schedule.views.calendars import calendar_month, calendar_week
from activities.schedule.views.feeds import activity_feed, calendar_feed
from activities.schedule.views.gaps import gaps
from activities.schedule.views.organiser import (
    schedule_create,
    schedule_edit,
    session_create,
    session_detail,
    session_edit,
)

__all__ = [
    "activity_feed",
    "calendar_feed",
    "calendar_month",
    "calendar_week",
    "gaps",
    "schedule_create",
    "schedule_edit",
    "session_create",
    "session_detail",
    "session_edit",
]
