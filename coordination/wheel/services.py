"""The annual wheel: the municipality's own events (written here) and everything the other
parts of the portal contribute (``contributions.wheel_entries``), gathered into one year and
laid out as a 12-month wheel. ``wheel_context`` prepares what the SVG partial draws, so that a
printed wheel can reuse the same partial."""

from __future__ import annotations

import calendar
import datetime
import functools
from collections.abc import Callable
from dataclasses import dataclass, field, replace

from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.dates import MONTHS
from django.utils.translation import gettext as _

from coordination.kernel import audit, contributions, permissions
from coordination.kernel.models import Municipality, User
from coordination.wheel import drawing
from coordination.wheel.models import MAX_YEAR, MIN_YEAR, WheelCategory, WheelEvent

MANAGE = "manage_wheel"


def _cleaned(
    *,
    title: str,
    category: str,
    month: int,
    day: int | None,
    description: str,
    recurring: bool,
    year: int | None,
) -> dict:
    """The event's fields, or a ValidationError naming each that cannot be placed on the
    wheel (a day the month does not have, a one-off event without its year)."""
    title, description = title.strip(), description.strip()
    errors = {}
    if not title:
        errors["title"] = _("Give the event a title.")
    if category not in WheelCategory.values:
        errors["category"] = _("Choose one of the categories in the list.")
    if month not in range(1, 13):
        errors["month"] = _("Choose a month.")
    elif day is not None and not 1 <= day <= calendar.monthrange(2024, month)[1]:
        errors["day"] = _("%(month)s has no day %(day)s.") % {"month": MONTHS[month], "day": day}
    if recurring:
        year = None
    elif year is None or not MIN_YEAR <= year <= MAX_YEAR:
        errors["year"] = _("Write the year of an event that is not every year.")
    elif day is not None and month == 2 and day == 29 and not calendar.isleap(year):
        errors["day"] = _("%(year)s has no 29 February.") % {"year": year}
    if errors:
        raise ValidationError(errors)
    return {"title": title, "category": category, "month": month, "day": day,
            "description": description, "recurring": recurring, "year": year}  # fmt: skip


@transaction.atomic
def create_wheel_event(
    *,
    municipality: Municipality,
    by: User,
    title: str,
    category: str,
    month: int,
    day: int | None = None,
    description: str = "",
    recurring: bool = True,
    year: int | None = None,
) -> WheelEvent:
    """One of the municipality's own events on the wheel: every year, or in one year."""
    permissions.require(by, MANAGE, municipality)
    fields = _cleaned(title=title, category=category, month=month, day=day,
                      description=description, recurring=recurring, year=year)  # fmt: skip
    return WheelEvent.objects.create(municipality=municipality, **fields)


@transaction.atomic
def update_wheel_event(
    *,
    event: WheelEvent,
    by: User,
    title: str,
    category: str,
    month: int,
    day: int | None = None,
    description: str = "",
    recurring: bool = True,
    year: int | None = None,
) -> WheelEvent:
    permissions.require(by, MANAGE, event)
    fields = _cleaned(title=title, category=category, month=month, day=day,
                      description=description, recurring=recurring, year=year)  # fmt: skip
    for name, value in fields.items():
        setattr(event, name, value)
    event.save()
    return event


@transaction.atomic
def delete_wheel_event(*, event: WheelEvent, by: User) -> None:
    permissions.require(by, MANAGE, event)
    audit.record(by, "deleted", event, code="wheel.event")
    event.delete()


# --- The year's contents --------------------------------------------------------------------


@dataclass(frozen=True)
class WheelItem:
    month: int
    day: int | None
    title: str
    category: str
    url: str = ""
    description: str = ""
    own: bool = False  # the municipality's own event (editable on the events page)
    action: str = ""  # the permission needed to open ``url`` (see WheelEntry)

    @property
    def category_label(self) -> str:
        return category_label(self.category)


def own_events(municipality: Municipality, year: int) -> list[WheelItem]:
    number = municipality.pk
    return [
        WheelItem(
            month=event.month,
            day=event.day
            if event.day is None or _day_exists(year, event.month, event.day)
            else calendar.monthrange(year, event.month)[1],
            title=event.title,
            category=event.category,
            url=reverse("coordination:wheel_event_edit", args=[number, event.pk]),
            description=event.description,
            own=True,
            action="manage_wheel",
        )
        for event in WheelEvent.objects.in_municipality(municipality).in_year(year)
    ]


def _day_exists(year: int, month: int, day: int) -> bool:
    return day <= calendar.monthrange(year, month)[1]


def wheel_items(
    municipality: Municipality,
    year: int,
    *,
    user=None,
    months: range = contributions.WHOLE_YEAR,
) -> list[WheelItem]:
    """Everything on the wheel in ``months`` of ``year`` (the dashboard asks for this month
    only): own events and every registered source, by date (events without a day first in
    their month). For a ``user``, an item keeps its link only when they may open it
    (otherwise its title is shown as plain text)."""
    own = [event for event in own_events(municipality, year) if event.month in months]
    items = own + [
        WheelItem(
            month=entry.date.month,
            day=entry.date.day,
            title=entry.title,
            category=entry.category,
            url=entry.url,
            action=entry.action,
        )
        for entry in contributions.wheel_entries(municipality, year, months)
    ]
    if user is not None:
        may_follow = _may_follow(user, municipality)
        items = [item if may_follow(item) else replace(item, url="") for item in items]
    return sorted(items, key=lambda item: (item.month, item.day or 0, item.title))


def _may_follow(user, municipality: Municipality) -> Callable[[WheelItem], bool]:
    """Whether ``user`` may open an item's link, each action and each address asked once
    (a year of a large municipality repeats the same few pages many times)."""

    @functools.cache
    def may(action: str) -> bool:
        return permissions.can(user, action, municipality)

    @functools.cache
    def opens(url: str) -> bool:
        return permissions.may_open(user, url)

    def follow(item: WheelItem) -> bool:
        if not item.url:
            return True
        if item.action and not may(item.action):
            return False
        # An own event's link is this area's edit page, open to whoever may manage the wheel.
        return item.own or opens(item.url)

    return follow


def months_with_entries(municipality: Municipality, year: int) -> set[int]:
    return {item.month for item in wheel_items(municipality, year)}


def category_label(key: str) -> str:
    label = contributions.WHEEL_CATEGORIES.get(key)
    return str(label) if label is not None else key


# --- Drawing (the geometry is in drawing.py) ------------------------------------------------


def wheel_context(
    municipality: Municipality, year: int, today: datetime.date | None = None, *, user=None
) -> dict:
    """What ``partials/_wheel_svg.html`` and the list by month need: 12 months with their
    sectors, labels, markers and items, and the legend of the categories in use. Links only
    for what ``user`` may open (see ``wheel_items``)."""
    today = today or timezone.localdate()
    items = wheel_items(municipality, year, user=user)
    legend = drawing.legend(items, list(contributions.WHEEL_CATEGORIES), category_label)
    by_month: dict[int, list[WheelItem]] = {number: [] for number in range(1, 13)}
    for item in items:
        by_month[item.month].append(item)
    months = [
        drawing.month(number, str(MONTHS[number]).capitalize(), by_month[number], legend,
                      current=(today.year, today.month) == (year, number))
        for number in range(1, 13)
    ]  # fmt: skip
    return {
        "year": year,
        "months": months,
        "legend": list(legend.values()),
        "total": len(items),
        "size": drawing.SIZE,
        "centre": drawing.CENTRE,
    }


# --- This season: the coming months' public events ------------------------------------------

SEASON_MONTHS = 3


@dataclass
class SeasonMonth:
    year: int
    month: int
    name: str
    items: list[WheelItem] = field(default_factory=list)


def season(
    municipality: Municipality, today: datetime.date | None = None, *, months: int = SEASON_MONTHS
) -> list[SeasonMonth]:
    """The municipality's own events from ``today`` to the end of the ``months``-th month
    (this month counts as the first), by month. Only the wheel's own events: the coordinator
    writes them for everyone who reads the wheel (courses, parties, activities, campaigns,
    meetings, grant deadlines for the local associations). What other parts of the portal put
    on the wheel is internal work: agreement and routine reviews, the forum of volunteer
    contacts, course sessions for registered volunteers. An event without a day is shown in
    its month, also this month (it may still be ahead)."""
    today = today or timezone.localdate()
    by_year: dict[int, list[WheelItem]] = {}
    found = []
    for offset in range(months):
        year, month = divmod(today.month - 1 + offset, 12)
        year, month = today.year + year, month + 1
        if year not in by_year:
            by_year[year] = own_events(municipality, year)
        items = [
            item
            for item in by_year[year]
            if item.month == month
            and (item.day is None or datetime.date(year, month, item.day) >= today)
        ]
        items.sort(key=lambda item: (item.day or 0, item.title))
        found.append(SeasonMonth(year, month, str(MONTHS[month]), items))
    return found
