"""What every screening service shares: the permission it checks (``manage_screening``), and
the rule that a day something was done on is not in the future."""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.utils import timezone

ACTION = "manage_screening"


def _not_in_future(day: datetime.date, field: str, message: str) -> None:
    if day > timezone.localdate():
        raise ValidationError({field: message})
