"""Lays out the partner map: the municipality in the centre cell of a 3 × 3 grid and one cell
for each type of partner around it, so that gaps (no church, no business yet) show too."""

from __future__ import annotations

from dataclasses import dataclass, field

from coordination.partners.models import OfferKind, PartnerOrganisation

# Grid cells around the centre, clockwise from the top left: (row, column), 1-based.
AROUND = [(1, 1), (1, 2), (1, 3), (2, 3), (3, 3), (3, 2), (3, 1), (2, 1)]


@dataclass
class Group:
    kind: str
    label: str
    row: int
    column: int
    partners: list = field(default_factory=list)

    @property
    def x(self) -> float:
        """The cell's centre in the connector drawing (0–100)."""
        return (self.column - 0.5) * 100 / 3

    @property
    def y(self) -> float:
        return (self.row - 0.5) * 100 / 3


def groups(partners: list[PartnerOrganisation]) -> list[Group]:
    by_kind: dict[str, list] = {}
    for partner in with_offer_kinds(partners):
        by_kind.setdefault(partner.kind, []).append(partner)
    found = []
    for (kind, label), (row, column) in zip(PartnerOrganisation.Kind.choices, AROUND, strict=False):
        found.append(Group(kind, label, row, column, by_kind.get(kind, [])))
    return found


def with_offer_kinds(partners) -> list:
    """Each partner's kinds of offer here, once each, in the legend's order (from the
    prefetched ``offers_here``)."""
    order = list(OfferKind.values)
    for partner in partners:
        kinds = {offer.kind for offer in getattr(partner, "offers_here", [])}
        partner.offer_kinds = [
            (kind, OfferKind(kind).label) for kind in sorted(kinds, key=order.index)
        ]
    return partners
