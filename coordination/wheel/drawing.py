"""The annual wheel's geometry, with no database and no request: 12 month sectors, a marker for
each entry in its month's sector, and a legend whose categories each have a colour AND a shape
(and, after the first eight, an outline instead of a fill), so that the wheel reads on screen,
in black-and-white print and for people who do not tell the colours apart. The web page and
the printed wheel draw the same numbers (``services.wheel_context`` builds them from data)."""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

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

# Okabe–Ito: colours told apart also with the common colour vision deficiencies (the same as
# ``.wheel-colour-N`` in samspill.css; the printed wheel writes them into the SVG).
PALETTE = ("#e69f00", "#56b4e9", "#009e73", "#f0e442", "#0072b2", "#d55e00", "#cc79a7", "#000000")
COLOURS = len(PALETTE)
# One shape per colour; the next eight categories are outlines of a different shape.
SHAPES = (
    "circle", "square", "diamond", "triangle", "triangle_down", "hexagon", "star", "pentagon",
)  # fmt: skip
INK = "#1a1a1a"


class Placed(Protocol):
    """What the wheel needs of an entry (``services.WheelItem``)."""

    @property
    def month(self) -> int: ...

    @property
    def category(self) -> str: ...


def point(radius: float, degrees: float) -> tuple[float, float]:
    """A point ``radius`` from the centre, ``degrees`` clockwise from the top."""
    angle = math.radians(degrees - 90)
    return round(CENTRE + radius * math.cos(angle), 1), round(CENTRE + radius * math.sin(angle), 1)


def slot(mid: float, index: int) -> tuple[float, float]:
    """Where the ``index``-th marker of the month whose sector's middle is at ``mid``° lies."""
    ring, across = divmod(index, len(ACROSS))
    radius = RINGS[ring]
    return point(radius, mid + math.degrees(ACROSS[across] / radius))


def sector_path(month: int) -> str:
    start, end = (month - 1) * 30, month * 30
    (x1, y1), (x2, y2) = point(OUTER, start), point(OUTER, end)
    (x3, y3), (x4, y4) = point(INNER, end), point(INNER, start)
    return (
        f"M {x1} {y1} A {OUTER} {OUTER} 0 0 1 {x2} {y2} "
        f"L {x3} {y3} A {INNER} {INNER} 0 0 0 {x4} {y4} Z"
    )


def _polygon(x: float, y: float, r: float, corners: int, start: float, inner: float = 0) -> str:
    """A regular polygon (or, with ``inner``, a star) around (x, y); starts at the corner at
    ``start``° (0° = up), so that every shape starts on its left side like the circle."""
    points = []
    steps = corners * 2 if inner else corners
    for index in range(steps):
        radius = inner if inner and index % 2 else r
        angle = math.radians(start + index * 360 / steps - 90)
        points.append(
            f"{round(x + radius * math.cos(angle), 1)} {round(y + radius * math.sin(angle), 1)}"
        )
    return "M " + " L ".join(points) + " Z"


def shape_path(shape: str, x: float, y: float, r: float = MARKER) -> str:
    if shape == "square":
        s = r * 0.85
        return f"M {x - s} {y - s} H {x + s} V {y + s} H {x - s} Z"
    if shape == "diamond":
        return f"M {x} {y - r} L {x + r} {y} L {x} {y + r} L {x - r} {y} Z"
    if shape == "triangle":
        return f"M {x} {y - r} L {x + r} {y + r * 0.8} L {x - r} {y + r * 0.8} Z"
    if shape == "triangle_down":
        return f"M {x - r} {y - r * 0.8} L {x + r} {y - r * 0.8} L {x} {y + r} Z"
    if shape == "hexagon":
        return _polygon(x, y, r, 6, 270)
    if shape == "star":
        return _polygon(x, y, r * 1.15, 5, 288, inner=r * 0.5)
    if shape == "pentagon":
        return _polygon(x, y, r, 5, 288)
    return f"M {x - r} {y} A {r} {r} 0 1 0 {x + r} {y} A {r} {r} 0 1 0 {x - r} {y} Z"


@dataclass
class LegendEntry:
    key: str
    label: str
    colour: int
    shape: str
    hollow: bool = False
    count: int = 0
    swatch: str = ""

    @property
    def fill(self) -> str:
        """For the printed wheel, which writes colours into the SVG."""
        return "#ffffff" if self.hollow else PALETTE[self.colour]

    @property
    def stroke(self) -> str:
        return PALETTE[self.colour] if self.hollow else INK

    @property
    def stroke_width(self) -> float:
        return 3.5 if self.hollow else 1.5


@dataclass
class Month:
    number: int
    name: str
    current: bool
    path: str
    label_x: float
    label_y: float
    items: list[Any] = field(default_factory=list)
    markers: list[dict] = field(default_factory=list)
    more: int = 0
    more_x: float = 0
    more_y: float = 0
    # The printed wheel writes the month's name along its arc, upright in the lower half.
    label_angle: float = 0


def legend(
    items: Iterable[Placed], registered: Sequence[str], label: Any
) -> dict[str, LegendEntry]:
    """The categories in use, in the order of ``registered`` (all the registered categories,
    own first), each labelled by ``label(key)``. A category's colour and shape follow from its
    place among all registered categories, not among those used this year, so that it looks
    the same on every year's wheel."""
    items = list(items)
    used = {item.category for item in items}
    order = [key for key in registered if key in used]
    unknown = sorted(used - set(order))
    places = {key: index for index, key in enumerate([*registered, *unknown])}
    found = {}
    for key in order + unknown:
        index = places[key]
        round_ = index // COLOURS
        shape = SHAPES[(index + 3 * round_) % len(SHAPES)]
        found[key] = LegendEntry(
            key=key,
            label=label(key),
            colour=index % COLOURS,
            shape=shape,
            hollow=round_ % 2 == 1,
            swatch=shape_path(shape, 12, 12, 9),
        )
    for item in items:
        found[item.category].count += 1
    return found


def month(
    number: int,
    name: str,
    items: list[Any],
    categories: dict[str, LegendEntry],
    *,
    current: bool,
) -> Month:
    """One month's sector, label and markers; when the month has more items than slots, the
    last slot says how many more there are."""
    mid = (number - 1) * 30 + 15
    label_x, label_y = point(LABEL_RADIUS, mid)
    drawn = Month(
        number=number,
        name=name,
        current=current,
        path=sector_path(number),
        label_x=label_x,
        label_y=label_y,
        items=items,
        label_angle=mid if mid < 90 or mid > 270 else mid - 180,
    )
    shown = items if len(items) <= SLOTS else items[: SLOTS - 1]
    for index, item in enumerate(shown):
        x, y = slot(mid, index)
        entry = categories[item.category]
        drawn.markers.append(
            {
                "item": item,
                "colour": entry.colour,
                "hollow": entry.hollow,
                "fill": entry.fill,
                "stroke": entry.stroke,
                "stroke_width": entry.stroke_width,
                "label": entry.label,
                "path": shape_path(entry.shape, x, y),
            }
        )
    if len(items) > len(shown):
        drawn.more = len(items) - len(shown)
        drawn.more_x, drawn.more_y = slot(mid, SLOTS - 1)
    return drawn
