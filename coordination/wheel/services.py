"""The annual wheel: the municipality's own events (written here) and everything the other
parts of the portal contribute (``contributions.wheel_entries``), gathered into one year and
laid out as a 12-month wheel. ``wheel_context`` prepares what the SVG partial draws, so that a
printed wheel can reuse the same partial."""

from __future__ import annotations

import calendar
import datetime
import math
from dataclasses import dataclass, field, replace

from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.dates import MONTHS
from django.utils.translation import gettext as _

from coordination.kernel import audit, contributions, permissions
from coordination.kernel.models import Municipality, User
from coordination.wheel.models import MAX_YEAR, MIN_YEAR, WheelCategory, WheelEvent

MANAGE = "manage_wheel"

# Okabe–Ito: colours told apart also with the common colour vision deficiencies. The wheel
# never relies on colour alone: each category also has its own marker shape and a text label.
COLOURS = 8
SHAPES = ("circle", "square", "diamond", "triangle")


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


def wheel_items(municipality: Municipality, year: int, *, user=None) -> list[WheelItem]:
    """Everything on the wheel in ``year``: own events and every registered source, by date
    (events without a day first in their month). For a ``user``, an item keeps its link only
    when they may open it (otherwise its title is shown as plain text)."""
    items = own_events(municipality, year) + [
        WheelItem(
            month=entry.date.month,
            day=entry.date.day,
            title=entry.title,
            category=entry.category,
            url=entry.url,
            action=entry.action,
        )
        for entry in contributions.wheel_entries(municipality, year)
        if entry.date.year == year
    ]
    if user is not None:
        items = [
            item if _may_follow(user, municipality, item) else replace(item, url="")
            for item in items
        ]
    return sorted(items, key=lambda item: (item.month, item.day or 0, item.title))


def _may_follow(user, municipality: Municipality, item: WheelItem) -> bool:
    if not item.url:
        return True
    if item.action and not permissions.can(user, item.action, municipality):
        return False
    return permissions.may_open(user, item.url)


def months_with_entries(municipality: Municipality, year: int) -> set[int]:
    return {item.month for item in wheel_items(municipality, year)}


def category_label(key: str) -> str:
    label = contributions.WHEEL_CATEGORIES.get(key)
    return str(label) if label is not None else key


# --- Drawing --------------------------------------------------------------------------------

SIZE = 640
CENTRE = SIZE / 2
OUTER, INNER = 300, 96
LABEL_RADIUS = 262
# Marker slots in a month's sector: rings from the centre outwards, three across. Across is a
# distance along the ring (not an angle), so that markers on the inner ring do not overlap:
# a marker is 22 units wide, and the innermost ring still has room for three side by side.
MARKER = 11
RINGS = (140, 168, 196, 224)
ACROSS = (-25.0, 0.0, 25.0)
SLOTS = len(RINGS) * len(ACROSS)


def _point(radius: float, degrees: float) -> tuple[float, float]:
    angle = math.radians(degrees - 90)  # 0° at the top, clockwise
    return round(CENTRE + radius * math.cos(angle), 1), round(CENTRE + radius * math.sin(angle), 1)


def _slot(mid: float, index: int) -> tuple[float, float]:
    """Where the ``index``-th marker of the month whose sector's middle is at ``mid``° lies."""
    ring, across = divmod(index, len(ACROSS))
    radius = RINGS[ring]
    return _point(radius, mid + math.degrees(ACROSS[across] / radius))


def _sector_path(month: int) -> str:
    start, end = (month - 1) * 30, month * 30
    (x1, y1), (x2, y2) = _point(OUTER, start), _point(OUTER, end)
    (x3, y3), (x4, y4) = _point(INNER, end), _point(INNER, start)
    return (
        f"M {x1} {y1} A {OUTER} {OUTER} 0 0 1 {x2} {y2} "
        f"L {x3} {y3} A {INNER} {INNER} 0 0 0 {x4} {y4} Z"
    )


def _shape_path(shape: str, x: float, y: float, r: float = MARKER) -> str:
    if shape == "square":
        s = r * 0.85
        return f"M {x - s} {y - s} H {x + s} V {y + s} H {x - s} Z"
    if shape == "diamond":
        return f"M {x} {y - r} L {x + r} {y} L {x} {y + r} L {x - r} {y} Z"
    if shape == "triangle":
        return f"M {x} {y - r} L {x + r} {y + r * 0.8} L {x - r} {y + r * 0.8} Z"
    return f"M {x - r} {y} A {r} {r} 0 1 0 {x + r} {y} A {r} {r} 0 1 0 {x - r} {y} Z"


@dataclass
class LegendEntry:
    key: str
    label: str
    colour: int
    shape: str
    count: int = 0
    swatch: str = ""


@dataclass
class Month:
    number: int
    name: str
    current: bool
    path: str
    label_x: float
    label_y: float
    items: list[WheelItem] = field(default_factory=list)
    markers: list[dict] = field(default_factory=list)
    more: int = 0
    more_x: float = 0
    more_y: float = 0


def _legend(items: list[WheelItem]) -> dict[str, LegendEntry]:
    """The categories in use, in the order of the registry (own categories first)."""
    used = {item.category for item in items}
    registered = list(contributions.WHEEL_CATEGORIES)
    order = [key for key in registered if key in used]
    unknown = sorted(used - set(order))
    # A category's colour and shape follow from its place among all registered categories,
    # not among those used this year, so that it looks the same on every year's wheel.
    places = {key: index for index, key in enumerate(registered + unknown)}
    legend = {}
    for key in order + unknown:
        index = places[key]
        shape = SHAPES[(index // COLOURS + index) % len(SHAPES)]
        legend[key] = LegendEntry(
            key=key,
            label=category_label(key),
            colour=index % COLOURS,
            shape=shape,
            swatch=_shape_path(shape, 12, 12, 9),
        )
    for item in items:
        legend[item.category].count += 1
    return legend


def _month(
    number: int, items: list[WheelItem], legend: dict[str, LegendEntry], *, current: bool
) -> Month:
    """One month's sector, label and markers; when the month has more items than slots, the
    last slot says how many more there are."""
    mid = (number - 1) * 30 + 15
    label_x, label_y = _point(LABEL_RADIUS, mid)
    month = Month(
        number=number,
        name=str(MONTHS[number]).capitalize(),
        current=current,
        path=_sector_path(number),
        label_x=label_x,
        label_y=label_y,
        items=items,
    )
    shown = items if len(items) <= SLOTS else items[: SLOTS - 1]
    for index, item in enumerate(shown):
        x, y = _slot(mid, index)
        entry = legend[item.category]
        month.markers.append(
            {
                "item": item,
                "colour": entry.colour,
                "label": entry.label,
                "path": _shape_path(entry.shape, x, y),
            }
        )
    if len(items) > len(shown):
        month.more = len(items) - len(shown)
        month.more_x, month.more_y = _slot(mid, SLOTS - 1)
    return month


def wheel_context(
    municipality: Municipality, year: int, today: datetime.date | None = None, *, user=None
) -> dict:
    """What ``partials/_wheel_svg.html`` and the list by month need: 12 months with their
    sectors, labels, markers and items, and the legend of the categories in use. Links only
    for what ``user`` may open (see ``wheel_items``)."""
    today = today or timezone.localdate()
    items = wheel_items(municipality, year, user=user)
    legend = _legend(items)
    months = [
        _month(number, [item for item in items if item.month == number], legend,
               current=(today.year, today.month) == (year, number))
        for number in range(1, 13)
    ]  # fmt: skip
    return {
        "year": year,
        "months": months,
        "legend": list(legend.values()),
        "total": len(items),
        "size": SIZE,
        "centre": CENTRE,
    }
