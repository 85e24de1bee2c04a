"""What ``seed_scale``'s steps share: the sizes asked for, one seeded random source, the
municipalities weighted by population, bulk inserts in batches, and what one step leaves for the
next (``scale.made``). Each app fills its part in its ``scale.py``
(``@contribute.scale_step(order=…)``).

Scale data is not demo data: it is written with ``bulk_create`` straight into the tables (no
services, no audit, no emails), so that a national installation's worth of rows takes minutes.
A step sets what ``save()`` would have set (e.g. ``Volunteer.sort_name``)."""

from __future__ import annotations

import random
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice
from typing import Any

from django.db.models import Model

from coordination.kernel.models import Municipality, User

BATCH = 5_000
EMAIL_DOMAIN = "scale.example"  # every user seed_scale makes has an address here


def coordinator_email(number: str) -> str:
    """The login of the coordinator ``seed_scale`` makes for municipality ``number``."""
    return f"koordinator.{number}@{EMAIL_DOMAIN}"


def is_filled() -> bool:
    """Whether ``seed_scale`` has already filled this database."""
    return User.objects.filter(email__endswith=f"@{EMAIL_DOMAIN}").exists()


def batched[T](items: Iterable[T], size: int = BATCH) -> Iterator[list[T]]:
    iterator = iter(items)
    while chunk := list(islice(iterator, size)):
        yield chunk


@dataclass
class Scale:
    volunteers: int = 100_000
    activities: int = 5_000
    signups: int = 1_000_000
    applications: int = 2_000
    seed: int = 17
    log: Callable[[str], Any] = print
    rng: random.Random = field(init=False)
    # (number, population) of every municipality, largest first
    municipalities: list[tuple[str, int]] = field(init=False, default_factory=list)
    made: dict[str, Any] = field(init=False, default_factory=dict)

    def __post_init__(self) -> None:
        self.rng = random.Random(self.seed)
        self.municipalities = list(
            Municipality.objects.order_by("-population", "number").values_list(
                "number", "population"
            )
        )

    @property
    def numbers(self) -> list[str]:
        return [number for number, _population in self.municipalities]

    @property
    def largest(self) -> str:
        """The municipality the benchmarks look at: the one with the most people."""
        return self.municipalities[0][0]

    def spread(self, count: int, *, power: float = 1.0) -> list[str]:
        """``count`` municipality numbers drawn by population (``power`` < 1 flattens: the
        small ones get more than their share), every municipality at least once when
        ``count`` allows, so that none is empty."""
        numbers = self.numbers
        weights = [max(population, 1) ** power for _number, population in self.municipalities]
        if count < len(numbers):
            return self.rng.choices(numbers, weights, k=count)
        return numbers + self.rng.choices(numbers, weights, k=count - len(numbers))

    def bulk[M: Model](self, model: type[M], rows: Iterable[M], *, batch: int = BATCH) -> list[M]:
        """Insert ``rows`` in batches; returns them with their primary keys."""
        made: list[M] = []
        for chunk in batched(rows, batch):
            made += model._default_manager.bulk_create(chunk, batch_size=batch)
        return made

    def count(self, model: type[Model]) -> int:
        return model._default_manager.count()
