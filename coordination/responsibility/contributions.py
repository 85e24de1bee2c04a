"""What the responsibility map contributes: its staircase evidence and a link on the
coordination overview, and the figures the units' dashboard panel shows (its warnings)."""

from __future__ import annotations

from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from coordination.kernel.contributions import BinderSection, Evidence, contribute
from coordination.kernel.permissions import can
from coordination.responsibility.exports import DOCUMENT, binder_section, compose_map
from coordination.responsibility.models import ResponsibilityMap
from coordination.responsibility.services import responsibility_warnings, warnings_summary


def _number(municipality) -> str:
    return getattr(municipality, "pk", municipality)


@contribute.evidence("responsibility_map")
def responsibility_map_evidence(municipality) -> Evidence:
    number = _number(municipality)
    url = reverse("coordination:responsibility_map_detail", args=[number])
    map_ = ResponsibilityMap.objects.filter(municipality_id=number).first()
    if map_ is None:
        return Evidence(met=False, summary=_("No responsibility map yet"), url=url)
    tasks = list(map_.tasks.all())
    warnings = responsibility_warnings(map_, tasks=tasks)
    return Evidence(
        met=bool(tasks) and not warnings, summary=warnings_summary(len(tasks), warnings), url=url
    )


@contribute.figures("responsibility_map")
def responsibility_map_figures(municipality) -> dict:
    """For the units' dashboard panel: is there a map, how many warnings, where to see them."""
    number = _number(municipality)
    map_ = ResponsibilityMap.objects.filter(municipality_id=number).first()
    url = reverse("coordination:responsibility_map_detail", args=[number])
    return {
        "has_map": map_ is not None,
        "warning_count": len(responsibility_warnings(map_)) if map_ else 0,
        "map_url": url + "#warnings",
    }


@contribute.overview_links(order=35)
def overview_links(request, municipality) -> list[tuple[str, str]]:
    if not can(request.user, "view_responsibility_map", municipality):
        return []
    url = reverse("coordination:responsibility_map_detail", args=[municipality.pk])
    return [(url, _("The responsibility map: who is responsible for what"))]


@contribute.document(
    DOCUMENT,
    title=gettext_lazy("Responsibility map"),
    description=gettext_lazy("Who is responsible for what: every task and party, on A4 landscape."),
    action="view_responsibility_map",
    order=20,
)
def responsibility_map_document(municipality, language: str):
    return compose_map(municipality, language)


@contribute.binder_sections(order=30)
def responsibility_map_in_binder(municipality) -> list[BinderSection]:
    """The map as an appendix of the routine binder."""
    return binder_section(municipality)
