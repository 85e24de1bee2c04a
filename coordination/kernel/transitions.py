"""One guarded way to change a model's ``status`` (CONVENTIONS: "status changes happen only
through one guarded transition per model"). The model lists where each status may go in
``ALLOWED``, beside its TextChoices; its services change the status only with
``transition_to``, which refuses a move the table does not allow."""

from __future__ import annotations

from collections.abc import Mapping, Set
from typing import Any, ClassVar

from django.core.exceptions import ValidationError


class GuardedStatus:
    """Mixed into a model with a ``status`` field. ``refusal`` is what the person is told when
    the move is not allowed (a message, or a ``{field: message}`` dict)."""

    ALLOWED: ClassVar[Mapping[str, Set[str]]]
    status: Any

    def may_move_to(self, status: str) -> bool:
        return status in self.ALLOWED[self.status]

    def transition_to(self, status: str, *, refusal: Any) -> None:
        """Set ``status`` (not saved yet), or raise ValidationError(refusal)."""
        if not self.may_move_to(status):
            raise ValidationError(refusal)
        self.status = status
