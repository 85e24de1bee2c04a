"""The responsibility map as a printed document (A4 landscape PDF), made by
``kernel.documents.render_pdf``. A wide map is printed as several tables of at most
``PARTIES_PER_TABLE`` parties, each repeating the task column; a long one repeats its header
row on every page."""

from __future__ import annotations

from django.utils import translation
from django.utils.translation import gettext as _

from coordination.kernel.contributions import BinderSection
from coordination.kernel.documents import Composed, compose, typeset
from coordination.kernel.models import Municipality
from coordination.responsibility.models import (
    ROLE_ABBREVIATIONS,
    ROLE_EXPLANATIONS,
    ResponsibilityAssignment,
    ResponsibilityRole,
)
from coordination.responsibility.services.maps import find_map

DOCUMENT = "responsibility-map"
PARTIES_PER_TABLE = 8  # columns that stay readable at 12 pt across A4 landscape
TEMPLATE = "coordination/responsibility/map_pdf.html"
BINDER_TEMPLATE = "coordination/responsibility/_binder_map.html"


def map_title(municipality: Municipality) -> str:
    """The document's title in the active language."""
    return _("Responsibility map – %(name)s") % {"name": municipality.name}


def _tables(map_) -> list[dict]:
    tasks = list(map_.tasks.all())
    parties = list(map_.parties.all())
    cells = {
        (a.task_id, a.party_id): a.role
        for a in ResponsibilityAssignment.objects.filter(task__map=map_).only(
            "task_id", "party_id", "role"
        )
    }
    labels = {str(role): str(label) for role, label in ResponsibilityRole.choices}
    letters = {str(role): str(letter) for role, letter in ROLE_ABBREVIATIONS.items()}
    groups = [
        parties[start : start + PARTIES_PER_TABLE]
        for start in range(0, len(parties), PARTIES_PER_TABLE)
    ]
    tables = []
    for number, group in enumerate(groups, start=1):
        rows = [
            (
                task.display_name,
                [
                    (letters.get(role, ""), labels.get(role, ""))
                    for party in group
                    for role in [cells.get((task.pk, party.pk), "")]
                ],
            )
            for task in tasks
        ]
        caption = (
            _("Parties %(first)s–%(last)s of %(count)s")
            % {
                "first": (number - 1) * PARTIES_PER_TABLE + 1,
                "last": (number - 1) * PARTIES_PER_TABLE + len(group),
                "count": len(parties),
            }
            if len(groups) > 1
            else ""
        )
        tables.append(
            {"parties": [p.display_name for p in group], "rows": rows, "caption": caption}
        )
    return tables


def _legend() -> list[tuple[str, str]]:
    return [
        (str(ROLE_ABBREVIATIONS[role]), str(ROLE_EXPLANATIONS[role])) for role in ResponsibilityRole
    ]


def compose_map(municipality: Municipality, language: str) -> Composed:
    """The municipality's map in ``language``, ready to typeset; a municipality with no map
    yet gets a page that says so."""
    map_ = find_map(municipality)
    with translation.override(language):
        title = map_title(municipality)
        legend = _legend()
        tables = _tables(map_) if map_ is not None else []
    return compose(
        template=TEMPLATE,
        context={"municipality": municipality, "tables": tables, "legend": legend},
        title=title,
        language=language,
        header=municipality.name,
    )


def binder_section(municipality: Municipality) -> list[BinderSection]:
    """The map as an appendix of the routine binder (in the active language), on landscape
    pages, its parties (the roles and partners) in the index. Nothing when there is no map."""
    map_ = find_map(municipality)
    if map_ is None:
        return []
    tables = _tables(map_)
    parties = tuple(dict.fromkeys(party for table in tables for party in table["parties"]))
    return [
        BinderSection(
            key=DOCUMENT,
            title=_("Responsibility map"),
            template=BINDER_TEMPLATE,
            context={
                "tables": tables,
                "legend": _legend(),
                "index_terms": True,
                "wide": True,
            },
            index_terms=parties,
        )
    ]


def responsibility_map_pdf(*, municipality: Municipality, language: str) -> tuple[str, bytes]:
    """The map as (title, PDF bytes)."""
    composed = compose_map(municipality, language)
    return composed.title, typeset(composed)
