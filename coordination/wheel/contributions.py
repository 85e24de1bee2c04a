"""What the annual wheel contributes to the rest of the portal: its own categories in the
legend, the staircase evidence that counts its months, the dashboard panel of this month and a
link on the overview. Each registers at its definition."""

from __future__ import annotations

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from coordination.kernel import permissions
from coordination.kernel.contributions import Evidence, Panel, contribute
from coordination.wheel.models import WheelCategory
from coordination.wheel.services import months_with_entries, wheel_items

WHEEL_MONTHS_NEEDED = 8

# The wheel's own categories (of the events it holds itself), after agreements and the forum.
for category in WheelCategory:
    contribute.wheel_category(category.value, category.label, order=30)


@contribute.evidence("wheel_most_months")
def wheel_most_months(municipality) -> Evidence:
    year = timezone.localdate().year
    count = len(months_with_entries(municipality, year))
    return Evidence(
        met=count >= WHEEL_MONTHS_NEEDED,
        summary=_("Entries in %(count)s of 12 months") % {"count": count},
        url=reverse("coordination:wheel_detail", args=[municipality.pk]),
    )


@contribute.dashboard_panel(order=70)
def wheel_panel(request, municipality) -> Panel | None:
    if not permissions.can(request.user, "view_wheel", municipality):
        return None
    today = timezone.localdate()
    items = [
        item
        for item in wheel_items(municipality, today.year, user=request.user)
        if item.month == today.month
    ]
    return Panel(
        template="coordination/wheel/_dashboard_panel.html",
        context={"municipality": municipality, "items": items, "today": today},
    )


@contribute.overview_links(order=45)
def overview_links(request, municipality) -> list[tuple[str, str]]:
    if not permissions.can(request.user, "view_wheel", municipality):
        return []
    return [(reverse("coordination:wheel_detail", args=[municipality.pk]), _("The annual wheel"))]
