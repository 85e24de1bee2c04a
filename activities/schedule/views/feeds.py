"""iCalendar feeds (RFC 5545) of a municipality's published activities and of one activity,
for phones and calendar programs to subscribe to: from 30 days back to a year ahead, times in
Europe/Oslo with its VTIMEZONE, one stable UID per meeting, cancelled meetings kept with
STATUS:CANCELLED (so a subscribed calendar strikes them instead of silently dropping them)."""

from __future__ import annotations

import datetime
from urllib.parse import urlsplit

import icalendar
from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from activities.catalogue.models import Activity, ActivityStatus
from activities.schedule.models import Session, SessionStatus
from activities.schedule.views.calendars import public_sessions
from coordination.kernel.models import Municipality
from coordination.kernel.permissions import public

DAYS_BACK = 30
DAYS_AHEAD = 366
# SEQUENCE counts minutes since this moment: it grows each time a meeting is changed.
SEQUENCE_EPOCH = datetime.datetime(2025, 1, 1, tzinfo=datetime.UTC)
NOT_ON = (SessionStatus.CANCELLED, SessionStatus.NOT_RUNNING)


def uid_domain() -> str:
    return urlsplit(settings.SITE_URL).hostname or "samspill"


def session_uid(session: Session) -> str:
    return f"session-{session.pk}@{uid_domain()}"


def sequence(session: Session) -> int:
    """Grows when the meeting changes (its time, place or note are saved) and once more when
    it is called off, so calendar programs take the newest version."""
    changed = session.updated_at or SEQUENCE_EPOCH
    minutes = max(int((changed - SEQUENCE_EPOCH).total_seconds() // 60), 0)
    return minutes + (1 if session.status in NOT_ON else 0)


def _location(session: Session) -> str:
    place = session.place or session.activity.place
    if place is None:
        return ""
    return ", ".join(part for part in (place.name, place.address, place.area) if part)


def _description(session: Session) -> str:
    activity = session.activity
    lines = [activity.description]
    if session.status_note:
        lines.append(session.status_note)
    if session.status in NOT_ON:
        lines.insert(0, session.get_status_display())
    if activity.transport_offered:
        lines.append(_("Transport offered: ask for pick-up when you sign up."))
    if activity.sign_up_phone:
        lines.append(_("Sign up by phone: %(phone)s") % {"phone": activity.sign_up_phone})
    if activity.contact_name or activity.contact_phone:
        lines.append(
            _("Contact: %(who)s")
            % {"who": ", ".join(p for p in (activity.contact_name, activity.contact_phone) if p)}
        )
    return "\n\n".join(line for line in lines if line)


def build_calendar(name: str, sessions, stamp: datetime.datetime) -> icalendar.Calendar:
    cal = icalendar.Calendar()
    cal.add("prodid", "-//Samspill//Activities//NO")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", name)
    cal.add("x-wr-timezone", settings.TIME_ZONE)
    base = settings.SITE_URL
    for session in sessions:
        activity = session.activity
        event = icalendar.Event()
        event.add("uid", session_uid(session))
        event.add("dtstamp", stamp)
        event.add("dtstart", timezone.localtime(session.starts_at))
        event.add("dtend", timezone.localtime(session.ends_at))
        event.add("summary", activity.title)
        if location := _location(session):
            event.add("location", location)
        event.add("description", _description(session))
        event.add(
            "url",
            base
            + reverse("activities:activity_detail", args=[activity.municipality_id, activity.pk]),
        )
        event.add("status", "CANCELLED" if session.status in NOT_ON else "CONFIRMED")
        event.add("sequence", sequence(session))
        cal.add_component(event)
    cal.add_missing_timezones()
    return cal


def _window():
    now = timezone.now()
    return now - datetime.timedelta(days=DAYS_BACK), now + datetime.timedelta(days=DAYS_AHEAD)


def _response(cal: icalendar.Calendar, filename: str) -> HttpResponse:
    response = HttpResponse(cal.to_ical(), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    response["Cache-Control"] = "public, max-age=900"
    return response


@public
@require_GET
def calendar_feed(request: HttpRequest, municipality: str) -> HttpResponse:
    place = get_object_or_404(Municipality, pk=municipality)
    start, end = _window()
    sessions = public_sessions(place).between(start, end)
    name = _("Activities in %(name)s") % {"name": place.name}
    return _response(build_calendar(name, sessions, timezone.now()), f"activities-{place.pk}.ics")


@public
@require_GET
def activity_feed(request: HttpRequest, municipality: str, pk: int) -> HttpResponse:
    activity = get_object_or_404(
        Activity.objects.in_municipality(municipality).filter(
            status=ActivityStatus.PUBLISHED, listed_only=False
        ),
        pk=pk,
    )
    start, end = _window()
    sessions = (
        public_sessions(activity.municipality_id).filter(activity=activity).between(start, end)
    )
    name = f"{activity.title} – {activity.municipality.name}"
    return _response(build_calendar(name, sessions, timezone.now()), f"activity-{activity.pk}.ics")
