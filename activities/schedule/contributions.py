"""What the schedule area gives the rest of the portal: the printed «what's on» (this month's
meetings in large print) among the municipality's documents, and the annual wheel's activity
entries — a season's first meeting and each one-off meeting, never every weekly meeting."""

from __future__ import annotations

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from activities.catalogue.models import ActivityStatus
from activities.schedule import exports
from activities.schedule.models import Frequency, Schedule, Session, SessionStatus
from coordination.kernel.contributions import WheelEntry, contribute

WHEEL_CATEGORY = "activity"  # the wheel's own category «Activity»


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


@contribute.wheel_source
def activity_wheel_entries(municipality, year: int) -> list[WheelEntry]:
    """Seasons that start in ``year`` (a recurring schedule's first date) and the one-off
    meetings of the year, of the municipality's published activities."""
    number = getattr(municipality, "pk", municipality)
    published = {"activity__status": ActivityStatus.PUBLISHED, "activity__municipality": number}
    seasons = (
        Schedule.objects.filter(starts_on__year=year, **published)
        .exclude(frequency=Frequency.ONCE)
        .select_related("activity")
        .order_by("starts_on", "pk")
    )
    one_offs = (
        Session.objects.in_municipality(number)
        .filter(starts_at__year=year, activity__status=ActivityStatus.PUBLISHED)
        .exclude(schedule__frequency__in=[f for f in Frequency.values if f != Frequency.ONCE])
        .exclude(status__in=[SessionStatus.CANCELLED, SessionStatus.NOT_RUNNING])
        .select_related("activity")
        .order_by("starts_at", "pk")
    )
    entries = [
        WheelEntry(
            date=schedule.starts_on,
            title=_("Season starts: %(title)s") % {"title": schedule.activity.title},
            category=WHEEL_CATEGORY,
            url=_detail(schedule.activity),
            action="view_wheel",
        )
        for schedule in seasons
    ]
    entries += [
        WheelEntry(
            date=timezone.localdate(session.starts_at),
            title=session.activity.title,
            category=WHEEL_CATEGORY,
            url=_detail(session.activity),
            action="view_wheel",
        )
        for session in one_offs
    ]
    return entries
