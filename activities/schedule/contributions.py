"""What the schedule area gives the rest of the portal: the printed «what's on» (this month's
meetings in large print) among the municipality's documents, and the annual wheel's activity
entries — a season's first meeting and each one-off meeting, never every weekly meeting."""

from __future__ import annotations

import datetime
from collections import defaultdict
from dataclasses import dataclass

from django.db import connection
from django.db.models import Count, F, Q, Window
from django.db.models.expressions import RawSQL
from django.db.models.functions import ExtractMonth, RowNumber
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from activities.catalogue.models import ActivityStatus
from activities.schedule import exports
from activities.schedule.models import Frequency, Schedule, Session, SessionStatus
from activities.schedule.recurrence import local
from coordination.kernel.contributions import WHOLE_YEAR, WheelEntry, contribute

WHEEL_CATEGORY = "activity"  # the wheel's own category «Activity»
# A month on the annual wheel names at most this many of the activities' dates, then says there
# are more (bench: a year of Bergen's 14 000 one-off meetings took the wheel 15 s, 785 times a
# plain page, and 2 MB of HTML).
WHEEL_PER_MONTH = 10


@contribute.document(
    "whats-on",
    title=gettext_lazy("What's on"),
    description=gettext_lazy(
        "This month's activities in large print, by date, with pick-up and how to sign up: "
        "for home-care staff to hand out and for the notice board."
    ),
    action="view_wheel",
    publishable=True,
    order=36,
)
def whats_on_document(municipality, language: str):
    return exports.compose_whats_on(municipality, language)


def _detail(activity) -> str:
    return reverse("activities:activity_detail", args=[activity.municipality_id, activity.pk])


def _first_of_seasons(queryset):
    """The first ``WHEEL_PER_MONTH`` seasons starting in each month, each with ``in_month``:
    how many start in its month in all (a few hundred at most: one window query)."""
    month = F("wheel_month")
    return (
        queryset.annotate(wheel_month=ExtractMonth("starts_on"))
        .annotate(
            rank=Window(RowNumber(), partition_by=month, order_by=[F("starts_on"), F("pk")]),
            in_month=Window(Count("pk"), partition_by=month),
        )
        .filter(rank__lte=WHEEL_PER_MONTH)
        .order_by("starts_on", "pk")
    )


def _month_starts(year: int, months: range) -> list[datetime.datetime]:
    """Midnight (Oslo) on the first of each month in ``months`` and of the month after."""
    return [
        local(datetime.date(year + month // 13, (month - 1) % 12 + 1, 1), datetime.time())
        for month in range(months.start, months.stop + 1)
    ]


@dataclass(frozen=True)
class _Meeting:
    pk: int
    starts_at: datetime.datetime
    activity_id: int
    title: str
    municipality_id: str


def _first_of_meetings(queryset, year: int, months: range) -> list[_Meeting]:
    """The first ``WHEEL_PER_MONTH`` meetings of each month in ``months`` of ``year`` and one
    more (to know there are more), each month read by the index on the start: a large
    municipality has thousands of meetings a year, and counting or numbering them all took
    longer than the rest of the wheel. One query, the month's part written once and run for
    each month (LATERAL): a union of twelve parts took longer to build and plan than to run."""
    starts = _month_starts(year, months)
    month = queryset.filter(
        starts_at__gte=RawSQL("month.begins", ()), starts_at__lt=RawSQL("month.ends", ())
    ).order_by("starts_at", "pk")[: WHEEL_PER_MONTH + 1]
    part, params = month.values_list(
        "pk", "starts_at", "activity_id", "activity__title", "activity__municipality_id"
    ).query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT found.* FROM unnest(%s::timestamptz[], %s::timestamptz[]) AS month (begins, "
            f"ends) CROSS JOIN LATERAL ({part}) AS found ORDER BY 2, 1",  # by start, then pk
            [starts[:-1], starts[1:], *params],
        )
        return [_Meeting(*row) for row in cursor.fetchall()]


@contribute.wheel_source
def activity_wheel_entries(municipality, year: int, months: range = WHOLE_YEAR) -> list[WheelEntry]:
    """Seasons that start in ``months`` of ``year`` (a recurring schedule's first date) and the
    one-off meetings of those months, of the municipality's published activities. A month
    with more than ``WHEEL_PER_MONTH`` of them names the first ones and then says there are
    more, with a link to the month in the activity calendar (a large municipality has
    thousands)."""
    number = getattr(municipality, "pk", municipality)
    published = {"activity__status": ActivityStatus.PUBLISHED, "activity__municipality": number}
    starts = _month_starts(year, months)
    first, after = starts[0].date(), starts[-1].date()
    seasons = _first_of_seasons(
        Schedule.objects.filter(starts_on__gte=first, starts_on__lt=after, **published)
        .exclude(frequency=Frequency.ONCE)
        .select_related("activity")
        .only("starts_on", "activity__title", "activity__municipality_id")
    )
    # One-off: made by hand (no schedule) or by a schedule that meets once. Asked as a set of
    # schedules rather than joined row by row: most of a month's meetings are weekly ones.
    once = Schedule.objects.filter(frequency=Frequency.ONCE).values("pk")
    one_offs = _first_of_meetings(
        Session.objects.in_municipality(number)
        .filter(activity__status=ActivityStatus.PUBLISHED)
        .filter(Q(schedule__isnull=True) | Q(schedule__in=once))
        .exclude(status__in=[SessionStatus.CANCELLED, SessionStatus.NOT_RUNNING]),
        year,
        months,
    )
    # Seasons not read (beyond the first of their month) count towards «more».
    unread: dict[int, int] = defaultdict(int)
    dated = []
    for schedule in seasons:
        unread[schedule.wheel_month] = schedule.in_month - min(schedule.in_month, WHEEL_PER_MONTH)
        dated.append(
            WheelEntry(
                date=schedule.starts_on,
                title=_("Season starts: %(title)s") % {"title": schedule.activity.title},
                category=WHEEL_CATEGORY,
                url=_detail(schedule.activity),
                action="view_wheel",
            )
        )
    for meeting in one_offs:
        dated.append(
            WheelEntry(
                date=timezone.localdate(meeting.starts_at),
                title=meeting.title,
                category=WHEEL_CATEGORY,
                url=reverse(
                    "activities:activity_detail",
                    args=[meeting.municipality_id, meeting.activity_id],
                ),
                action="view_wheel",
            )
        )
    by_month: dict[int, list[WheelEntry]] = defaultdict(list)
    for entry in sorted(dated, key=lambda entry: entry.date):
        by_month[entry.date.month].append(entry)
    entries = []
    calendar = reverse("activities:calendar_month", args=[number])
    for month, found in sorted(by_month.items()):
        shown = found[:WHEEL_PER_MONTH]
        entries += shown
        if len(found) > len(shown) or unread[month]:
            # Every date not shown is on or after the last one shown.
            entries.append(
                WheelEntry(
                    date=shown[-1].date,
                    title=_("More activity dates from this day on: see the calendar"),
                    category=WHEEL_CATEGORY,
                    url=f"{calendar}?month={year}-{month:02d}",
                    action="view_wheel",
                )
            )
    return entries
