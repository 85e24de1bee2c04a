"""Demo data for the routine binder (``seed_demo``; idempotent).

Lom is on its way from dialogue to coordination: four routines copied from the starter set,
two approved (one soon due for review) and two drafts, one written with the nursing home's
volunteer contact; a wheel with the year's main events. Drammen is at partnership level: twelve
approved routines reviewed this year, and something on the wheel every month."""

from __future__ import annotations

import datetime

from django.utils import timezone

from coordination.kernel.contributions import contribute
from coordination.kernel.dates import add_months
from coordination.kernel.demo import DRAMMEN, LOM, coordinator_of
from coordination.kernel.models import User
from coordination.routines import services as routine_services
from coordination.routines.models import Routine
from coordination.routines.starters import STARTER_ROUTINES


def _person(email: str) -> User | None:
    return User.objects.filter(email=email).first()


def _copy(municipality_number: str, coordinator: User, keys: list[str]) -> dict[str, Routine]:
    have = Routine.objects.in_municipality(municipality_number).filter(starter_key__in=keys)
    missing = [key for key in keys if key not in {r.starter_key for r in have}]
    if missing:
        routine_services.copy_starter_routines(
            municipality=coordinator.memberships.get(
                municipality_id=municipality_number, role="coordinator"
            ).municipality,
            by=coordinator,
            keys=missing,
        )
    return {
        r.starter_key: r
        for r in Routine.objects.in_municipality(municipality_number).filter(starter_key__in=keys)
    }


def _approve_once(routine: Routine, by: User, next_review: datetime.date) -> None:
    if routine.approved_version_id is None:
        routine_services.approve_routine(routine=routine, by=by, next_review=next_review)


@contribute.demo_step(order=30)
def seed(command) -> None:
    today = timezone.localdate()
    lom = coordinator_of(LOM)
    routines = _copy(LOM, lom, ["welcome", "confidentiality", "worried", "transport"])
    _approve_once(routines["welcome"], lom, add_months(today, 11))
    _approve_once(routines["confidentiality"], lom, today + datetime.timedelta(days=20))
    contact = _person("kontakt.sjukeheim.lom@samspill.example")
    worried = routines["worried"]
    if contact is not None and not worried.co_authors.filter(pk=contact.pk).exists():
        routine_services.set_routine_people(
            routine=worried, by=lom, owner=lom, co_authors=[contact]
        )
        routine_services.edit_routine(
            routine=worried,
            by=contact,
            title=worried.title,
            body=worried.versions.order_by("-number").first().body
            + "\n\nPå Lom sjukeheim: ring vakttelefonen 61 21 00 00 heile døgnet.",
            note="Vakttelefonen på sjukeheimen lagt til.",
        )
    drammen = coordinator_of(DRAMMEN)
    keys = [starter.key for starter in STARTER_ROUTINES][:12]
    routines = _copy(DRAMMEN, drammen, keys)
    for index, key in enumerate(keys):
        review = add_months(today, 12) - datetime.timedelta(days=index * 9)
        _approve_once(routines[key], drammen, review)
