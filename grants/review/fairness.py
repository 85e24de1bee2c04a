"""The fairness check, pure: are small municipalities (and some kinds of applicant) left
behind? Applications, awards, award rate and amount per inhabitant by municipality size class
and by applicant type, and the share of the budget that went to small municipalities against
the share the round reserves for them."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import NamedTuple

from django.utils.translation import pgettext_lazy

# Size classes by inhabitants (the municipality register's population).
SMALL_BELOW = 5_000
LARGE_FROM = 20_000
SMALL, MEDIUM, LARGE = "small", "medium", "large"
SIZE_CLASSES = (SMALL, MEDIUM, LARGE)
# The size classes' names, as an export or a page shows them.
SIZE_CLASS_LABELS = {
    SMALL: pgettext_lazy("municipality size", "small"),
    MEDIUM: pgettext_lazy("municipality size", "medium"),
    LARGE: pgettext_lazy("municipality size", "large"),
}


def size_class(population: int) -> str:
    """small under 5 000 inhabitants, medium 5 000–19 999, large from 20 000."""
    if population < SMALL_BELOW:
        return SMALL
    if population < LARGE_FROM:
        return MEDIUM
    return LARGE


class Entry(NamedTuple):
    """One application: the applicant's municipality (number and population), the applicant
    type, what it asks for and what it was awarded (decided, else proposed; 0 for none). A
    named tuple: a round has thousands, made on every look at the check."""

    municipality: str
    population: int
    applicant_type: str
    requested: int
    awarded: int


@dataclass(frozen=True)
class Group:
    """The figures of one size class or applicant type."""

    key: str
    applications: int
    awarded_count: int
    requested: int
    awarded: int
    # The inhabitants of the distinct applicant municipalities in the group.
    population: int

    @property
    def award_rate(self) -> float | None:
        """Per cent of the applications granted (or proposed for a grant)."""
        return 100 * self.awarded_count / self.applications if self.applications else None

    @property
    def per_inhabitant(self) -> float | None:
        """NOK awarded per inhabitant of the applicant municipalities."""
        return self.awarded / self.population if self.population else None


@dataclass(frozen=True)
class Fairness:
    by_size: list[Group]
    by_type: list[Group]
    budget: int
    reserve_share: int  # per cent of the budget reserved for small municipalities
    small_awarded: int
    total_awarded: int

    @property
    def reserved(self) -> int:
        return self.budget * self.reserve_share // 100

    @property
    def small_share(self) -> float | None:
        """Per cent of the budget that went to small municipalities."""
        return 100 * self.small_awarded / self.budget if self.budget else None

    @property
    def below_reserve(self) -> bool:
        return self.reserve_share > 0 and self.small_awarded < self.reserved


def _group(key: str, entries: Sequence[Entry]) -> Group:
    populations = {entry.municipality: entry.population for entry in entries}
    return Group(
        key=key,
        applications=len(entries),
        awarded_count=sum(1 for entry in entries if entry.awarded > 0),
        requested=sum(entry.requested for entry in entries),
        awarded=sum(entry.awarded for entry in entries),
        population=sum(populations.values()),
    )


def check_fairness(
    entries: Iterable[Entry], *, budget: int, reserve_share: int, types: Sequence[str]
) -> Fairness:
    """The figures of a round: every size class (also an empty one) and each of ``types``
    (in that order) that has applications."""
    found = list(entries)
    # Each entry sorted once into its size class and its type.
    sizes: dict[str, list[Entry]] = defaultdict(list)
    kinds: dict[str, list[Entry]] = defaultdict(list)
    for entry in found:
        sizes[size_class(entry.population)].append(entry)
        kinds[entry.applicant_type].append(entry)
    by_size = [_group(key, sizes[key]) for key in SIZE_CLASSES]
    by_type = [_group(key, kinds[key]) for key in types if kinds[key]]
    return Fairness(
        by_size=by_size,
        by_type=by_type,
        budget=budget,
        reserve_share=reserve_share,
        small_awarded=by_size[0].awarded,
        total_awarded=sum(e.awarded for e in found),
    )
