"""The public calendars: a month as a grid (a list on a phone) and a week day by day, each day
with its meetings (time, activity, place; a cancelled one struck through and saying so),
filtered by kind of activity and place like the catalogue. No login.

A month with more meetings than anyone can read in a grid (a large municipality's month has
thousands) shows how many meetings each day has instead, each day a link to its place in the
week; choosing a kind of activity or a place brings the meetings back when few enough remain."""

from __future__ import annotations

import calendar
import datetime
import re
from collections import defaultdict

from django.db.models import Count
from django.db.models.functions import TruncDate
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.views.decorators.http import require_GET

from activities.catalogue.models import ActivityStatus
from activities.schedule.forms import CalendarFilterForm
from activities.schedule.models import Session
from activities.schedule.recurrence import local
from coordination.kernel.models import Municipality
from coordination.kernel.permissions import public

MONTH = re.compile(r"^(\d{4})-(\d{2})$")
WEEK = re.compile(r"^(\d{4})-W(\d{2})$")
# The calendar pages and feeds reach this far either way of today (and no further).
YEARS_EITHER_WAY = 3
# Up to this many meetings a month lists them day by day; above it, each day shows its count
# (bench/README.md, Activities: rendering 2 000 meetings took 300 ms, 77 times a plain page).
MONTH_LIST_LIMIT = 150


def public_sessions(municipality: Municipality):
    """Meetings of the municipality's published activities that run here."""
    return (
        Session.objects.in_municipality(municipality)
        .filter(activity__status=ActivityStatus.PUBLISHED, activity__listed_only=False)
        .select_related("activity__activity_type", "activity__place", "place")
        .order_by("starts_at", "pk")
    )


def _in_reach(day: datetime.date, today: datetime.date) -> bool:
    return abs(day.year - today.year) <= YEARS_EITHER_WAY


def parse_month(text: str | None, today: datetime.date) -> datetime.date:
    """The first day of ``YYYY-MM``, or of this month when it is missing or out of reach."""
    found = MONTH.match(text or "")
    if found:
        year, month = int(found[1]), int(found[2])
        if 1 <= month <= 12:
            first = datetime.date(year, month, 1)
            if _in_reach(first, today):
                return first
    return today.replace(day=1)


def parse_week(text: str | None, today: datetime.date) -> datetime.date:
    """The Monday of ISO week ``YYYY-Www``, or of this week."""
    found = WEEK.match(text or "")
    if found:
        try:
            monday = datetime.date.fromisocalendar(int(found[1]), int(found[2]), 1)
        except ValueError:
            monday = None
        if monday is not None and _in_reach(monday, today):
            return monday
    return today - datetime.timedelta(days=today.weekday())


def _filtered(request: HttpRequest, municipality: Municipality):
    form = CalendarFilterForm(request.GET or None, municipality=municipality)
    sessions = public_sessions(municipality)
    if form.is_valid():
        if form.cleaned_data["category"]:
            sessions = sessions.filter(
                activity__activity_type__category=form.cleaned_data["category"]
            )
        if form.cleaned_data["place"]:
            sessions = sessions.filter(place=form.cleaned_data["place"])
    return form, sessions


def _by_day(sessions) -> dict[datetime.date, list[Session]]:
    """The meetings by local day, with only what a calendar line shows (time, status, title,
    place): a week of a large municipality has hundreds."""
    days: dict[datetime.date, list[Session]] = defaultdict(list)
    shown = (
        sessions.select_related(None)
        .select_related("activity", "place")
        .only("starts_at", "ends_at", "status", "activity__title", "place__name")
    )
    for session in shown:
        days[timezone.localtime(session.starts_at).date()].append(session)
    return days


def _per_day(sessions) -> dict[datetime.date, int]:
    """How many meetings start on each local day, counted in the database."""
    zone = timezone.get_current_timezone()
    return dict(
        sessions.order_by()
        .annotate(day=TruncDate("starts_at", tzinfo=zone))
        .values_list("day")
        .annotate(n=Count("pk"))
    )


def week_label(day: datetime.date) -> str:
    """``YYYY-Www``, the ISO week of ``day`` as the week page reads it."""
    iso = day.isocalendar()
    return f"{iso.year}-W{iso.week:02d}"


def _filter_query(form: CalendarFilterForm) -> str:
    """The filters as a query string to carry to the previous and next page."""
    if not form.is_bound or not form.is_valid():
        return ""
    parts = []
    if form.cleaned_data["category"]:
        parts.append(f"category={form.cleaned_data['category']}")
    if form.cleaned_data["place"]:
        parts.append(f"place={form.cleaned_data['place'].pk}")
    return "".join(f"&{part}" for part in parts)


@public
@require_GET
def calendar_month(request: HttpRequest, municipality: str) -> HttpResponse:
    place = get_object_or_404(Municipality, pk=municipality)
    today = timezone.localdate()
    first = parse_month(request.GET.get("month"), today)
    after = (first + datetime.timedelta(days=32)).replace(day=1)
    before = (first - datetime.timedelta(days=1)).replace(day=1)
    form, sessions = _filtered(request, place)
    in_month = sessions.between(local(first, datetime.time()), local(after, datetime.time()))
    per_day = _per_day(in_month)
    count = sum(per_day.values())
    listed = count <= MONTH_LIST_LIMIT
    days = _by_day(in_month) if listed else {}
    weeks = [
        [
            {
                "date": day,
                "in_month": day.month == first.month,
                "sessions": days.get(day, []),
                "count": per_day.get(day, 0),
                "week": week_label(day),
            }
            for day in week
        ]
        for week in calendar.Calendar(firstweekday=0).monthdatescalendar(first.year, first.month)
    ]
    return render(
        request,
        "activities/schedule/calendar_month.html",
        {
            "municipality": place,
            "form": form,
            "first": first,
            "weeks": weeks,
            "weekdays": [week_day["date"] for week_day in weeks[0]],
            "count": count,
            "listed": listed,
            "today": today,
            "previous": before if _in_reach(before, today) else None,
            "next": after if _in_reach(after, today) else None,
            "filters": _filter_query(form),
            "this_week": week_label(today),
        },
    )


@public
@require_GET
def calendar_week(request: HttpRequest, municipality: str) -> HttpResponse:
    place = get_object_or_404(Municipality, pk=municipality)
    today = timezone.localdate()
    monday = parse_week(request.GET.get("week"), today)
    following = monday + datetime.timedelta(days=7)
    form, sessions = _filtered(request, place)
    days = _by_day(
        sessions.between(local(monday, datetime.time()), local(following, datetime.time()))
    )
    week_days = [
        {"date": day, "sessions": days.get(day, [])}
        for day in (monday + datetime.timedelta(days=n) for n in range(7))
    ]
    previous = monday - datetime.timedelta(days=7)

    return render(
        request,
        "activities/schedule/calendar_week.html",
        {
            "municipality": place,
            "form": form,
            "monday": monday,
            "sunday": monday + datetime.timedelta(days=6),
            "week_number": monday.isocalendar().week,
            "week_label": week_label(monday),
            "days": week_days,
            "count": sum(len(found) for found in days.values()),
            "today": today,
            "previous": week_label(previous) if _in_reach(previous, today) else None,
            "next": week_label(following) if _in_reach(following, today) else None,
            "filters": _filter_query(form),
            "month": f"{monday.year}-{monday.month:02d}",
        },
    )
