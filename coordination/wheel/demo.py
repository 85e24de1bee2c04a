"""Demo data for the annual wheel (``seed_demo``; idempotent): Lom's wheel has the year's main
events, Drammen's something every month. Made through the wheel's services, by each
municipality's coordinator."""

from __future__ import annotations

from coordination.kernel.contributions import contribute
from coordination.kernel.demo import DRAMMEN, LOM, coordinator_of
from coordination.kernel.models import Municipality
from coordination.wheel import services
from coordination.wheel.models import WheelEvent

LOM_WHEEL = [
    ("Introduksjonskurs for nye frivillige", "course", 3, 12, "Lom bygdesenter, kl. 18–21."),
    (
        "Frivilligforum: vårmøte",
        "meeting",
        4,
        None,
        "Frivilligkontaktane, frivilligsentralen og laga.",
    ),
    (
        "Sommarfest på sjukeheimen",
        "recognition",
        6,
        20,
        "Grilling i hagen med bebuarar, frivillige og pårørande.",
    ),
    (
        "Vervekampanje: Bli besøksven",
        "campaign",
        9,
        None,
        "Stand på Lom-marknaden og i Fossbergom.",
    ),
    ("Tilskot til aktivitetstiltak: søknadsfrist", "grant_deadline", 10, 15, ""),
    ("Julebord for frivillige", "recognition", 12, 5, "Kommunen takkar alle frivillige."),
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


def _events(number: str, events) -> None:
    by, municipality = coordinator_of(number), Municipality.objects.get(pk=number)
    have = set(WheelEvent.objects.in_municipality(municipality).values_list("title", flat=True))
    for title, category, month, day, *rest in events:
        if title not in have:
            services.create_wheel_event(
                municipality=municipality,
                by=by,
                title=title,
                category=category,
                month=month,
                day=day,
                description=rest[0] if rest else "",
            )


@contribute.demo_step(order=31)  # after the routine binder
def seed(command) -> None:
    _events(LOM, LOM_WHEEL)
    _events(DRAMMEN, DRAMMEN_WHEEL)
