"""What the schedule area gives the rest of the portal: the printed «what's on» (this month's
meetings in large print) among the municipality's documents."""

from __future__ import annotations

from django.utils.translation import gettext_lazy

from activities.schedule import exports
from coordination.kernel.contributions import contribute


@contribute.document(
    "whats-on",
    title=gettext_lazy("What's on"),
    description=gettext_lazy(
        "This month's activities in large print, by date, with pick-up and how to sign up: "
        "for home-care staff to hand out and for the notice board."
    ),
    action="view_wheel",
    publishable=True,
    order=36,
)
def whats_on_document(municipality, language: str):
    return exports.compose_whats_on(municipality, language)
