"""The sentences of the rides' audit codes."""

from __future__ import annotations

from django.utils.translation import gettext_lazy

from coordination.kernel.contributions import contribute

contribute.audit_messages(
    {
        "rides.planned": gettext_lazy("Pick-up order and times set for a meeting's rides"),
        "rides.assigned": gettext_lazy("Rides given to a driver"),
    }
)
