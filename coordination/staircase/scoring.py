"""Scoring the involvement staircase: a pure function of the answers, no database.

The rules, in plain words (the staircase page shows them too):

- Each answer gives points: yes = 1, partly = ½, no = 0 (an unanswered indicator counts as no).
- A level is **met** when its indicators together reach at least 80 % of their possible points
  (``THRESHOLD``) **and** every level below it is met. A level without indicators cannot be met.
- The **level reached** is the highest met level. It is 0 when level 1 is not met; people then
  see "not yet at level 1" (the number 0 is never shown as a level).
- The **score** (0–100) is the plain share of all possible points, over all indicators of all
  levels, rounded to a whole number (half up). It does not depend on the levels met: a
  municipality can have a good score but be held back a level by one weak level below.
- **Next steps** are the indicators not answered yes in the lowest level not met, and in the
  level after it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from fractions import Fraction

THRESHOLD = Fraction(80, 100)
POINTS = {"yes": Fraction(1), "partly": Fraction(1, 2), "no": Fraction(0)}
LEVELS = (1, 2, 3, 4, 5)


@dataclass(frozen=True)
class Item:
    """One answered (or unanswered) indicator: its level, the answer ("yes", "partly", "no" or
    "" for none), and whatever the caller wants back with it (``ref``)."""

    level: int
    value: str
    ref: object = None


@dataclass(frozen=True)
class LevelResult:
    number: int
    points: Fraction
    possible: int
    met: bool  # reached the threshold and every lower level is met

    @property
    def percent(self) -> int:
        return percent(self.points, self.possible)

    @property
    def reaches_threshold(self) -> bool:
        return self.possible > 0 and Fraction(self.points, self.possible) >= THRESHOLD


@dataclass(frozen=True)
class Result:
    level: int  # 0 = not yet at level 1
    score: int  # 0-100
    levels: tuple[LevelResult, ...]

    @property
    def first_unmet(self) -> int | None:
        return next((one.number for one in self.levels if not one.met), None)


def percent(points: Fraction, possible: int) -> int:
    """A whole percentage, rounded half up (so 87.5 gives 88)."""
    if not possible:
        return 0
    return int(Fraction(100) * points / possible + Fraction(1, 2))


def points_for(value: str) -> Fraction:
    return POINTS.get(value, Fraction(0))


def score(items: Iterable[Item], levels: Sequence[int] = LEVELS) -> Result:
    """The level reached, the score and each level's result for these answers."""
    items = list(items)
    results, below_met = [], True
    for number in levels:
        mine = [item for item in items if item.level == number]
        points = sum((points_for(item.value) for item in mine), Fraction(0))
        one = LevelResult(number, points, len(mine), met=False)
        met = below_met and one.reaches_threshold
        results.append(LevelResult(number, points, len(mine), met=met))
        below_met = met
    reached = max((one.number for one in results if one.met), default=0)
    total = sum((points_for(item.value) for item in items), Fraction(0))
    return Result(level=reached, score=percent(total, len(items)), levels=tuple(results))


def next_steps(items: Iterable[Item], result: Result) -> list[Item]:
    """The indicators not answered yes in the lowest level not met and the level after it, in
    the order given; empty when every level is met."""
    first = result.first_unmet
    if first is None:
        return []
    wanted = {first, first + 1}
    return [item for item in items if item.level in wanted and item.value != "yes"]
