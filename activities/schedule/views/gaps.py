"""Where the offer is thin, for the coordinator: meetings in the coming (or last) 12 months by
weekday and part of the day, and by month, for the whole municipality or one area — with the
empty cells saying «No activity». Two aggregate queries, whatever the number of meetings."""

from __future__ import annotations

import datetime

from dateutil.relativedelta import relativedelta
from django.db.models import Count, F, Value
from django.db.models.functions import Coalesce, ExtractHour, ExtractIsoWeekDay, TruncMonth
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from django.views.decorators.http import require_GET

from activities.catalogue.models import Place
from activities.schedule.forms import GapsFilterForm
from activities.schedule.models import SessionStatus
from activities.schedule.recurrence import local
from activities.schedule.views.calendars import public_sessions
from coordination.kernel.permissions import municipality_view

PARTS = (
    ("morning", pgettext_lazy("part of day", "Morning"), 0, 12),
    ("afternoon", pgettext_lazy("part of day", "Afternoon"), 12, 17),
    ("evening", pgettext_lazy("part of day", "Evening"), 17, 24),
)
PART_HOURS = {key: (lo, hi) for key, _label, lo, hi in PARTS}
NO_AREA = ""


def part_of_day(hour: int) -> str:
    return next(key for key, _label, lo, hi in PARTS if lo <= hour < hi)


def gap_counts(municipality, start: datetime.datetime, end: datetime.datetime, area: str = ""):
    """(weekday × part of day, month) counts of meetings that run, between ``start`` and
    ``end``, in the municipality or one area (the meeting's place, else the activity's)."""
    sessions = (
        public_sessions(municipality)
        .between(start, end)
        .exclude(status__in=[SessionStatus.CANCELLED, SessionStatus.NOT_RUNNING])
        .order_by()
        .annotate(area=Coalesce(F("place__area"), F("activity__place__area"), Value(NO_AREA)))
    )
    if area:
        sessions = sessions.filter(area=area)
    grid: dict[tuple[int, str], int] = {}
    by_hour = (
        sessions.annotate(day=ExtractIsoWeekDay("starts_at"), hour=ExtractHour("starts_at"))
        .values("day", "hour")
        .annotate(n=Count("pk"))
    )
    for row in by_hour:
        key = (row["day"], part_of_day(row["hour"]))
        grid[key] = grid.get(key, 0) + row["n"]
    months = {
        timezone.localtime(row["month"]).date().replace(day=1)
        if isinstance(row["month"], datetime.datetime)
        else row["month"]: row["n"]
        for row in sessions.annotate(month=TruncMonth("starts_at"))
        .values("month")
        .annotate(n=Count("pk"))
    }
    return grid, months


@municipality_view("coordinate_activities")
@require_GET
def gaps(request: HttpRequest) -> HttpResponse:
    municipality = request.municipality
    areas = sorted(
        set(
            Place.objects.in_municipality(municipality)
            .filter(archived=False)
            .values_list("area", flat=True)
        )
    )
    form = GapsFilterForm(request.GET or None, areas=areas)
    area = form.cleaned_data["area"] if form.is_valid() else ""
    past = request.GET.get("period") == "past"
    today = timezone.localdate()
    # The coming 12 months from today, or the last 12 up to now.
    first = (today - relativedelta(months=12)).replace(day=1) if past else today.replace(day=1)
    since, until = (
        local(first, datetime.time()),
        local(first + relativedelta(months=12), datetime.time()),
    )
    start, end = (since, timezone.now()) if past else (timezone.now(), until)
    grid, months = gap_counts(municipality, start, end, area)
    monday = today - datetime.timedelta(days=today.weekday())
    rows = [
        {
            "label": label,
            "cells": [
                {"day": monday + datetime.timedelta(days=d - 1), "count": grid.get((d, key), 0)}
                for d in range(1, 8)
            ],
        }
        for key, label, _lo, _hi in PARTS
    ]
    month_cells = [
        {"month": m, "count": months.get(m, 0)}
        for m in (first + relativedelta(months=n) for n in range(12))
    ]
    return render(
        request,
        "activities/schedule/gaps.html",
        {
            "municipality": municipality,
            "form": form,
            "area": area,
            "past": past,
            "rows": rows,
            "weekdays": [monday + datetime.timedelta(days=n) for n in range(7)],
            "months": month_cells,
            "total": sum(cell["count"] for cell in month_cells),
            "empty_slots": sum(1 for row in rows for cell in row["cells"] if not cell["count"]),
            "empty_months": sum(1 for cell in month_cells if not cell["count"]),
            "title": _("Where the offer is thin"),
        },
    )
