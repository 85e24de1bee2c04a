"""What the schemes area's pages share: the grant-maker's request, a round as a list shows
it."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from coordination.kernel.http import AuthenticatedRequest
from coordination.kernel.models import GrantMaker
from grants.schemes.models import Round


class GrantMakerRequest(AuthenticatedRequest):
    """A request to a ``grant_maker_view``: the grant-maker of the URL, checked."""

    grant_maker: GrantMaker


@dataclass
class RoundLine:
    """A round as a list shows it: whether it takes applications, and how many it has in
    each status."""

    round: Round
    state: str  # upcoming, open or closed
    status_counts: list[tuple[str, int]] = field(default_factory=list)


def round_state(round_: Round, now: datetime.datetime) -> str:
    """Upcoming, open or closed at ``now``."""
    if now < round_.opens_at:
        return "upcoming"
    return "open" if round_.is_open(now) else "closed"
