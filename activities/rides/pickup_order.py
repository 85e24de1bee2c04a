"""The pick-up order of one car: stops through the villages in the order the organiser wrote
on the activity (``Activity.route_villages()``), villages not on the route after those in
alphabetical order, and within a village by address. Pick-up times count backwards from the
arrival at the place. Pure: no database, no clock — tested on its own."""

from __future__ import annotations

import datetime
import re
from collections.abc import Hashable, Sequence
from dataclasses import dataclass

# The car is at the place this long before the start, so nobody walks in late and out of breath.
ARRIVE_BEFORE_START = 10
# From the last village of the route to the place: a rural drive (Lom's villages lie 5–20 km
# apart), with time to help people out of the car.
MINUTES_TO_PLACE = 10
# From one village to the next on the route.
MINUTES_BETWEEN_VILLAGES = 10
# Between two stops in the same village: a short drive and a hand to the car door.
MINUTES_BETWEEN_STOPS = 4
# A wheelchair is folded into the boot and the person helped into the seat: the stop takes longer.
WHEELCHAIR_EXTRA_MINUTES = 6


@dataclass(frozen=True)
class Stop:
    """One participant to fetch: ``key`` is the caller's (a ride's pk)."""

    key: Hashable
    area: str
    address: str
    wheelchair: bool = False


@dataclass(frozen=True)
class PlannedStop:
    key: Hashable
    number: int  # 1 = the first pick-up
    pickup_at: datetime.datetime
    stop: Stop


def _fold(text: str) -> str:
    return " ".join(text.split()).casefold()


def _natural(text: str) -> tuple:
    """ "Vegen 2" before "Vegen 12": numbers compare as numbers."""
    return tuple(
        (0, int(part), "") if part.isdigit() else (1, 0, part)
        for part in re.split(r"(\d+)", _fold(text))
        if part
    )


def order_stops(stops: Sequence[Stop], route: Sequence[str]) -> list[Stop]:
    """The stops in driving order: the route's villages first in the route's order, then the
    villages not on the route alphabetically, then stops with no village; by address inside
    each village. The route is matched without regard to case or extra spaces."""
    position: dict[str, int] = {}
    for number, village in enumerate(route):
        position.setdefault(_fold(village), number)

    def key(stop: Stop) -> tuple:
        village = _fold(stop.area)
        if village in position:
            group: tuple = (0, position[village], "")
        elif village:
            group = (1, 0, village)
        else:
            group = (2, 0, "")
        return (*group, _natural(stop.address), str(stop.key))

    return sorted(stops, key=key)


def plan(
    stops: Sequence[Stop], *, route: Sequence[str], starts_at: datetime.datetime
) -> list[PlannedStop]:
    """The stops in order, numbered from 1, each with the time to be ready. Counted backwards:
    the car arrives ``ARRIVE_BEFORE_START`` minutes before ``starts_at``; the last stop is
    ``MINUTES_TO_PLACE`` before that; each earlier stop the minutes to the next (same village
    or the next village) before it; a wheelchair stop starts ``WHEELCHAIR_EXTRA_MINUTES``
    earlier."""
    ordered = order_stops(stops, route)
    if not ordered:
        return []
    arrive = starts_at - datetime.timedelta(minutes=ARRIVE_BEFORE_START)
    times: list[datetime.datetime] = [arrive] * len(ordered)
    leave_next = arrive - datetime.timedelta(minutes=MINUTES_TO_PLACE)
    for index in range(len(ordered) - 1, -1, -1):
        stop = ordered[index]
        extra = WHEELCHAIR_EXTRA_MINUTES if stop.wheelchair else 0
        times[index] = leave_next - datetime.timedelta(minutes=extra)
        if index:
            before = ordered[index - 1]
            gap = (
                MINUTES_BETWEEN_STOPS
                if _fold(before.area) == _fold(stop.area)
                else MINUTES_BETWEEN_VILLAGES
            )
            leave_next = times[index] - datetime.timedelta(minutes=gap)
    return [
        PlannedStop(key=stop.key, number=number, pickup_at=times[number - 1], stop=stop)
        for number, stop in enumerate(ordered, start=1)
    ]
