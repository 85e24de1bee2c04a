"""Demo data for the routine binder and the annual wheel (``seed_demo``; idempotent).

Lom is on its way from dialogue to coordination: four routines copied from the starter set,
two approved (one soon due for review) and two drafts, one written with the nursing home's
volunteer contact; a wheel with the year's main events. Drammen is at partnership level: twelve
approved routines reviewed this year, and something on the wheel every month."""

from __future__ import annotations

import datetime

from django.utils import timezone

from coordination.kernel.contributions import contribute
from coordination.models import Routine, User, WheelEvent
from coordination.routines import services as routine_services
from coordination.routines.starters import STARTER_ROUTINES

LOM, DRAMMEN = "3434", "3301"

LOM_WHEEL = [
    ("Introduksjonskurs for nye frivillige", "course", 3, 12, "Lom bygdesenter, kl. 18–21."),
    (
        "Frivilligforum: vårmøte",
        "meeting",
        4,
        None,
        "Frivillighetskontaktene, frivilligsentralen og lagene.",
    ),
    (
        "Sommerfest på sjukeheimen",
        "recognition",
        6,
        20,
        "Grilling i hagen med beboere, frivillige og pårørende.",
    ),
    (
        "Vervekampanje: Bli besøksvenn",
        "campaign",
        9,
        None,
        "Stand på Lom-marknaden og i Fossbergom.",
    ),
    ("Tilskudd til aktivitetstiltak: søknadsfrist", "grant_deadline", 10, 15, ""),
    ("Julebord for frivillige", "recognition", 12, 5, "Kommunen takker alle frivillige."),
]

DRAMMEN_WHEEL = [
    ("Nyttårsmarkering på Verdighetsenteret", "activity", 1, 15),
    ("Frivilligforum for frivillighetskontaktene", "meeting", 2, 6),
    ("Introduksjonskurs, vår", "course", 3, 10),
    ("Søknadsfrist: tilskudd til aktivitetstiltak", "grant_deadline", 4, 1),
    ("Frivilligdugnad i sansehagen", "activity", 5, 20),
    ("Sommerfest for frivillige", "recognition", 6, 12),
    ("Sommeraktiviteter: tur langs elva", "activity", 7, None),
    ("Vervekampanje for nye besøksvenner", "campaign", 8, None),
    ("Introduksjonskurs, høst", "course", 9, 15),
    ("Eldredagen 1. oktober", "activity", 10, 1),
    ("Frivilligforum: høstmøte", "meeting", 11, 4),
    ("Frivillighetens dag: julefest for frivillige", "recognition", 12, 5),
]


def _coordinator(email: str) -> User | None:
    return User.objects.filter(email=email).first()


def _copy(municipality_number: str, coordinator: User, keys: list[str]) -> dict[str, Routine]:
    have = Routine.objects.filter(municipality_id=municipality_number, starter_key__in=keys)
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
        for r in Routine.objects.filter(municipality_id=municipality_number, starter_key__in=keys)
    }


def _approve_once(routine: Routine, by: User, next_review: datetime.date) -> None:
    if routine.approved_version_id is None:
        routine_services.approve_routine(routine=routine, by=by, next_review=next_review)


def _wheel(municipality_number: str, events) -> None:
    for title, category, month, day, *rest in events:
        WheelEvent.objects.get_or_create(
            municipality_id=municipality_number,
            title=title,
            defaults={"category": category, "month": month, "day": day,
                      "description": rest[0] if rest else ""},
        )  # fmt: skip


@contribute.demo_step(order=30)
def seed(command) -> None:
    today = timezone.localdate()
    lom = _coordinator("koordinator.lom@samspill.example")
    if lom is not None:
        routines = _copy(LOM, lom, ["welcome", "confidentiality", "worried", "transport"])
        _approve_once(routines["welcome"], lom, routine_services.add_months(today, 11))
        _approve_once(routines["confidentiality"], lom, today + datetime.timedelta(days=20))
        contact = _coordinator("kontakt.sjukeheim.lom@samspill.example")
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
                + "\n\nPå Lom sjukeheim: ring vakttelefonen 61 21 00 00 hele døgnet.",
                note="Vakttelefonen på sjukeheimen lagt til.",
            )
        _wheel(LOM, LOM_WHEEL)
    drammen = _coordinator("koordinator.drammen@samspill.example")
    if drammen is not None:
        keys = [starter["key"] for starter in STARTER_ROUTINES][:12]
        routines = _copy(DRAMMEN, drammen, keys)
        for index, key in enumerate(keys):
            review = routine_services.add_months(today, 12) - datetime.timedelta(days=index * 9)
            _approve_once(routines[key], drammen, review)
        _wheel(DRAMMEN, DRAMMEN_WHEEL)
