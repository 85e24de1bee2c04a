"""The annual wheel printed (issue 14): the wheel as vector SVG with its legend and the list by
month (A4), the same as a section of the routine binder, and «this season», a one-page
calendar of the coming months' public events for the local paper or the parish magazine.
Each is composed by ``kernel.documents.compose`` and typeset in a worker."""

from __future__ import annotations

import datetime
import math
from dataclasses import dataclass

from django.utils import timezone, translation
from django.utils.text import Truncator
from django.utils.translation import gettext as _

from coordination.kernel.contact import public_contact
from coordination.kernel.documents import Composed, compose
from coordination.kernel.models import Municipality
from coordination.wheel import services

WHEEL_TEMPLATE = "coordination/wheel/print/wheel_pdf.html"
SECTION_TEMPLATE = "coordination/wheel/print/_wheel_section.html"
SEASON_TEMPLATE = "coordination/wheel/print/season_pdf.html"

# «This season» fits one page in large type: titles and descriptions are cut at a length a
# reader takes in at a glance, and events are taken in date order while the page has room (an
# estimate in millimetres of A4 below the heading and above the contact box, checked by the
# tests with the longest texts there can be); the rest are counted ("and 3 more").
SEASON_TITLE_CHARS = 90
SEASON_DESCRIPTION_CHARS = 150
SEASON_ROOM_MM = 168.0
TITLE_CHARS_PER_LINE, TITLE_LINE_MM = 36, 7.4
DESCRIPTION_CHARS_PER_LINE, DESCRIPTION_LINE_MM = 50, 6.0
EVENT_GAP_MM, MONTH_HEADING_MM, NOTE_MM = 4.0, 15.0, 8.0
CONTACT_CHARS_PER_LINE, CONTACT_LINE_MM = 40, 7.0


def wheel_title(municipality: Municipality, year: int) -> str:
    return _("Annual wheel %(year)s – %(name)s") % {"year": year, "name": municipality.name}


def wheel_print_context(municipality: Municipality, year: int) -> dict:
    """What the printed wheel and its binder section draw: the wheel of ``year`` with every
    entry (titles only: a printout has no links), no month marked as the current one (a
    printout hangs on the wall all year)."""
    wheel = services.wheel_context(municipality, year, datetime.date(year - 1, 1, 1))
    categories = {entry.key: entry for entry in wheel["legend"]}
    by_month = [
        {"name": month.name, "rows": [(item, categories[item.category]) for item in month.items]}
        for month in wheel["months"]
    ]
    return {"municipality": municipality, "wheel": wheel, "by_month": by_month, "year": year}


def compose_wheel(
    municipality: Municipality, language: str, today: datetime.date | None = None
) -> Composed:
    """This year's wheel in ``language``: the wheel and its legend on the first page, the
    list by month after it."""
    year = (today or timezone.localdate()).year
    with translation.override(language):
        title = wheel_title(municipality, year)
        context = wheel_print_context(municipality, year)
    return compose(
        template=WHEEL_TEMPLATE,
        context={**context, "level": 2},
        title=title,
        language=language,
        header=municipality.name,
    )


@dataclass
class SeasonEvent:
    day: int | None
    title: str
    description: str
    category: str


def _lines(text: str, per_line: int) -> int:
    return math.ceil(len(text) / per_line) if text else 0


def _contact_lines(contact) -> int:
    """The lines the contact box's «who» takes (the room is measured with one)."""
    if contact is None:
        return 1
    who = ", ".join(
        part
        for part in (contact.shown_name, contact.phone, contact.email, contact.when_to_call)
        if part
    )
    return max(_lines(who, CONTACT_CHARS_PER_LINE), 1)


def season_months(municipality: Municipality, today: datetime.date, contact=None) -> list[dict]:
    """The months of «this season», each with the events the page has room for and how many
    more it has («… and 3 more this month»). Once one event does not fit, none after it is
    shown either: the calendar never skips a date."""
    room = SEASON_ROOM_MM - (_contact_lines(contact) - 1) * CONTACT_LINE_MM
    full = False
    months = []
    for found in services.season(municipality, today):
        room -= MONTH_HEADING_MM
        events = []
        for item in found.items:
            event = SeasonEvent(
                day=item.day,
                title=Truncator(item.title).chars(SEASON_TITLE_CHARS),
                description=Truncator(item.description).chars(SEASON_DESCRIPTION_CHARS),
                category=item.category_label,
            )
            height = (
                _lines(event.title, TITLE_CHARS_PER_LINE) * TITLE_LINE_MM
                + _lines(event.description, DESCRIPTION_CHARS_PER_LINE) * DESCRIPTION_LINE_MM
                + EVENT_GAP_MM
            )
            full = full or height > room
            if not full:
                room -= height
                events.append(event)
        more = len(found.items) - len(events)
        if more or not found.items:
            room -= NOTE_MM
        months.append({"year": found.year, "number": found.month, "name": found.name,
                       "events": events, "more": more})  # fmt: skip
    return months


def season_title(municipality: Municipality) -> str:
    return _("This season in %(name)s") % {"name": municipality.name}


def compose_season(
    municipality: Municipality, language: str, today: datetime.date | None = None
) -> Composed:
    """«This season»: the coming three months' public events on one A4 page in large type,
    with whom to contact (only what the coordinator chose to show the public)."""
    today = today or timezone.localdate()
    contact = public_contact(municipality)
    if contact is not None and not contact.has_anything:
        contact = None
    with translation.override(language):
        title = season_title(municipality)
        months = season_months(municipality, today, contact)
    return compose(
        template=SEASON_TEMPLATE,
        context={
            "municipality": municipality,
            "months": months,
            "first": months[0],
            "last": months[-1],
            "contact": contact,
        },
        title=title,
        language=language,
        header=municipality.name,
    )
