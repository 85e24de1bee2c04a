"""«What's on»: this month's meetings in large print, for home-care staff to hand to the people
they visit (and to put up on the notice board of the shop or the day centre). By date: time,
activity, place and address, whether there is pick-up, how to sign up with phone numbers, and
whom to call. Composed by ``kernel.documents.compose`` and typeset in a worker."""

from __future__ import annotations

import datetime
from collections import defaultdict
from dataclasses import dataclass

from django.conf import settings
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from activities.schedule.models import Session, SessionStatus
from activities.schedule.recurrence import local
from activities.schedule.views.calendars import public_sessions
from coordination.kernel.contact import public_contact
from coordination.kernel.documents import Composed, compose
from coordination.kernel.models import Municipality

TEMPLATE = "documents/whats_on.html"
# With fewer days than this left of the month, the next month is printed too.
NEARLY_OVER_DAYS = 10


@dataclass
class Day:
    date: datetime.date
    sessions: list[Session]


def period(today: datetime.date) -> tuple[datetime.date, datetime.date, bool]:
    """From ``today`` to the end of the month, or of the next month when this one is nearly
    over; and whether the next month is included."""
    next_first = (today.replace(day=28) + datetime.timedelta(days=4)).replace(day=1)
    if (next_first - today).days <= NEARLY_OVER_DAYS:
        after = (next_first.replace(day=28) + datetime.timedelta(days=4)).replace(day=1)
        return today, after - datetime.timedelta(days=1), True
    return today, next_first - datetime.timedelta(days=1), False


def whats_on_days(
    municipality: Municipality, first: datetime.date, last: datetime.date
) -> list[Day]:
    sessions = public_sessions(municipality).between(
        local(first, datetime.time()), local(last + datetime.timedelta(days=1), datetime.time())
    )
    days: dict[datetime.date, list[Session]] = defaultdict(list)
    for session in sessions:
        days[timezone.localtime(session.starts_at).date()].append(session)
    return [Day(date=day, sessions=found) for day, found in sorted(days.items())]


def whats_on_title(municipality: Municipality) -> str:
    return _("What's on in %(name)s") % {"name": municipality.name}


def compose_whats_on(
    municipality: Municipality, language: str, today: datetime.date | None = None
) -> Composed:
    today = today or timezone.localdate()
    first, last, two_months = period(today)
    contact = public_contact(municipality)
    if contact is not None and not contact.has_anything:
        contact = None
    with translation.override(language):
        title = whats_on_title(municipality)
    return compose(
        template=TEMPLATE,
        context={
            "municipality": municipality,
            "days": whats_on_days(municipality, first, last),
            "first": first,
            "last": last,
            "two_months": two_months,
            "contact": contact,
            "not_on": (SessionStatus.CANCELLED, SessionStatus.NOT_RUNNING),
            "web": settings.SITE_URL.split("://", 1)[-1]
            + reverse("activities:catalogue", args=[municipality.pk]),
        },
        title=title,
        language=language,
        header=municipality.name,
    )
