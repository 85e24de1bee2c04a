"""What linking volunteers to units gives the rest of the portal: the units in the volunteer's
data export."""

from __future__ import annotations

from django.utils.translation import gettext_lazy

from coordination.kernel.contributions import contribute
from volunteers.models import VolunteerUnit


@contribute.export_section("volunteer_units", title=gettext_lazy("Units where you help"), order=40)
def export_volunteer_units(user) -> list[str]:
    """For the person's own data: the units a coordinator linked them to (whose volunteer
    contacts see them)."""
    return [
        link.unit.name
        for link in VolunteerUnit.objects.filter(volunteer__user=user)
        .select_related("unit")
        .order_by("unit__name", "pk")
    ]
