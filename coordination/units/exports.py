"""«How we work together»: a one-page flowchart (A4 landscape) of the municipality's own model,
drawn from its data: how a need reaches a volunteer, its units and their volunteer contacts,
the coordinator, its partners (from the partners area's ``partner_roster`` figures: areas
meet through the kernel) and the 8 steps that hold it together."""

from __future__ import annotations

import math

from django.db.models import Prefetch
from django.utils import translation
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from coordination.kernel import contributions
from coordination.kernel.contact import public_contact
from coordination.kernel.documents import Composed, compose
from coordination.kernel.models import Membership, Municipality, Role
from coordination.kernel.steps import STEP_DESCRIPTIONS, Step
from coordination.units.models import Unit, UnitContact, UnitKind

TEMPLATE = "coordination/units/how_we_work_pdf.html"
# What one landscape page holds beside the flow: units and partners are taken in order while
# their column has room (an estimate in millimetres, checked by a test with the longest names
# there can be); the rest are counted ("and 4 more"). Long names are cut (the contact
# handbook has them in full), so that the page is always one.
CONTACTS_SHOWN, NAME_CHARS, PERSON_CHARS = 2, 46, 30
COLUMN_MM, LINE_MM, ROW_GAP_MM = 58.0, 3.7, 1.6
UNIT_NAME_PER_LINE, PERSON_PER_LINE, PARTNER_PER_LINE = 21, 20, 22


def how_we_work_title(municipality: Municipality) -> str:
    return _("How we work together – %(name)s") % {"name": municipality.name}


def _units(municipality: Municipality) -> list[dict]:
    kinds = dict(UnitKind.choices)
    units = Unit.objects.in_municipality(municipality).prefetch_related(
        Prefetch(
            "contact_links",
            queryset=UnitContact.objects.select_related("membership__user").order_by(
                "membership__user__full_name", "pk"
            ),
        )
    )
    found = []
    for unit in units:
        contacts = [
            _cut(link.membership.user.full_name, PERSON_CHARS)
            for link in unit.contact_links.all()
            if link.membership.user.is_active
        ]
        found.append(
            {
                "name": _cut(unit.name, NAME_CHARS),
                "kind": str(kinds.get(unit.kind, unit.kind)),
                "phone": unit.phone,
                "contacts": contacts[:CONTACTS_SHOWN],
                "more_contacts": max(len(contacts) - CONTACTS_SHOWN, 0),
            }
        )
    return found


def _cut(text: str, length: int) -> str:
    return Truncator(text).chars(length)


def _coordinators(municipality: Municipality) -> list[str]:
    return [
        _cut(membership.user.full_name, PERSON_CHARS)
        for membership in Membership.objects.in_municipality(municipality)
        .filter(role=Role.COORDINATOR, user__is_active=True)
        .select_related("user")
        .order_by("created_at", "pk")
    ]


def _lines(text: str, per_line: int) -> int:
    return max(math.ceil(len(text) / per_line), 1)


def _unit_height(unit: dict) -> float:
    contacts = sum(_lines(name + ", ", PERSON_PER_LINE) for name in unit["contacts"]) or 1
    lines = max(_lines(unit["name"], UNIT_NAME_PER_LINE), contacts)
    return lines * LINE_MM + ROW_GAP_MM


def _partner_height(partner: dict) -> float:
    return (_lines(partner["name"], PARTNER_PER_LINE) + 1) * LINE_MM + ROW_GAP_MM


def _fitting(rows: list[dict], height, room: float) -> list[dict]:
    """The first of ``rows`` that fit in ``room`` millimetres."""
    taken = []
    for row in rows:
        room -= height(row)
        if room < 0:
            break
        taken.append(row)
    return taken


def compose_how_we_work(municipality: Municipality, language: str) -> Composed:
    """The flowchart in ``language``, ready to typeset (one A4 landscape page)."""
    with translation.override(language):
        title = how_we_work_title(municipality)
        units = _units(municipality)
        roster = contributions.figures_for("partner_roster", municipality)
        partners = [
            {**partner, "name": _cut(partner["name"], NAME_CHARS)}
            for partner in roster.get("partners", [])
        ]
        steps = [(step.value, str(step.label), str(STEP_DESCRIPTIONS[step])) for step in Step]
    # the partners in two columns side by side: the room of both
    shown_units = _fitting(units, _unit_height, COLUMN_MM)
    shown_partners = _fitting(partners, _partner_height, 2 * COLUMN_MM - 14)
    contact = public_contact(municipality)
    return compose(
        template=TEMPLATE,
        context={
            "municipality": municipality,
            "units": shown_units,
            "more_units": len(units) - len(shown_units),
            "partners": shown_partners,
            "more_partners": len(partners) - len(shown_partners),
            "coordinators": _coordinators(municipality)[:3],
            "contact": contact,
            "steps": steps,
        },
        title=title,
        language=language,
        header=municipality.name,
    )
