"""Screening's part of the volunteers' demo story: Lom's introductory course, its two roles,
who holds them and the police certificates seen, and Drammen's introductory course. The steps in
``volunteers/needs/demo.py`` (50 and 60) tell them, each on its day (``on(day)`` in
``volunteers/profile/demo.py``)."""

import datetime
from decimal import Decimal

from django.utils import timezone

from coordination.kernel.dates import add_months
from coordination.kernel.demo import days_ago, on
from coordination.kernel.languages import language_of_municipality
from coordination.models import Municipality, User
from volunteers.hours import services as hours_services
from volunteers.insurance.services import create_insurance
from volunteers.models import Volunteer
from volunteers.screening import services as screening_services
from volunteers.screening.starter_roles import starter_role


def _last_march_12(today: datetime.date) -> datetime.date:
    this_year = today.replace(month=3, day=12)
    return this_year if this_year < today else this_year.replace(year=today.year - 1)


def _lom_screening(lom: Municipality, volunteers: dict, by: User) -> dict:
    """Lom's course, its two roles, who holds them, and the police certificates seen."""
    today = timezone.localdate()
    with on(days_ago(1200)):
        course = screening_services.create_course(
            municipality=lom,
            by=by,
            name="Introduksjonskurs for frivillige",
            is_introductory=True,
            description="Teieplikt, roller og ansvar, og kven du kontaktar om du blir uroleg.",
        )
        visiting = screening_services.create_role(
            municipality=lom,
            by=by,
            **starter_role("visiting_friend", language_of_municipality(lom)),
            requires_certificate=True,
            certificate_kinds=["limited", "ordinary"],
            certificate_legal_basis=(
                "Besøksvener er åleine heime hos eldre som kan vere sårbare. Lom kommune "
                "krev difor politiattest, jf. helse- og omsorgstenestelova § 5-4, når "
                "besøka er ein del av tenestene til kommunen."
            ),
            certificate_valid_months=36,
            required_courses=[course],
        )
        driver = screening_services.create_role(
            municipality=lom, by=by, **starter_role("driver", language_of_municipality(lom))
        )
        create_insurance(
            municipality=lom,
            insured_by="Lom kommune, kollektiv ulykkesforsikring for frivillige (KLP)",
            covers="Personskade som skjer medan du gjer eit oppdrag du har teke gjennom "
            "Samspill, også på vegen til og frå oppdraget.",
            own_car="Skade på din eigen bil blir dekt av bilforsikringa di. Kommunen "
            "dekkjer eigendelen, inntil 10 000 kr, når skaden skjer på eit oppdrag.",
            if_something_happens="Ring koordinatoren (61 21 99 00) same dag, og skriv "
            "ned kva som skjedde. Ved fare for liv og helse: ring 113 først.",
            roles=[visiting],
            by=by,
        )
        hours_services.set_km_rate(municipality=lom, rate=Decimal("3.50"), by=by)
    sessions = []
    for held in (days_ago(1125), _last_march_12(today)):
        with on(held - datetime.timedelta(days=30)):
            sessions.append(
                screening_services.create_session(
                    course=course,
                    by=by,
                    starts_at=timezone.make_aware(
                        datetime.datetime.combine(held, datetime.time(18))
                    ),
                    place="Lom bygdesenter",
                )
            )
    with on(today - datetime.timedelta(days=3)):
        next_year = _last_march_12(today).replace(year=_last_march_12(today).year + 1)
        screening_services.create_session(
            course=course,
            by=by,
            starts_at=timezone.make_aware(datetime.datetime.combine(next_year, datetime.time(18))),
            place="Lom bygdesenter",
        )
    for session, keys in zip(sessions, (("astrid", "randi"), ("ola",)), strict=True):
        with on(timezone.localdate(session.starts_at) + datetime.timedelta(days=1)):
            screening_services.record_completions(
                session=session, volunteers=[volunteers[k] for k in keys], by=by
            )
    holders = {}
    for key, role, since in (
        ("astrid", visiting, 1115),
        ("randi", visiting, 1115),
        # Ola volunteers through Lom frivilligsentral: its own police certificate check counts
        # under Lom's agreement with it, so none is recorded here (profile's demo).
        ("ola", visiting, 300),
        ("nils", driver, 190),
        ("tor", driver, 140),
    ):
        with on(days_ago(since)):
            holders[key] = screening_services.give_role(volunteer=volunteers[key], role=role, by=by)
    # Astrid's certificate is due for renewal in 20 days (a reminder is on its way); Randi
    # showed hers two years ago.
    astrid_presented = add_months(today + datetime.timedelta(days=20), -36)
    for key, presented in (("astrid", astrid_presented), ("randi", days_ago(800))):
        with on(presented):
            screening_services.record_certificate_check(
                holder=holders[key], kind="limited", presented_on=presented, approved=True, by=by
            )
    return {"visiting": visiting, "driver": driver}


def _drammen_course(drammen: Municipality, volunteers: list[Volunteer], by: User) -> None:
    """The introductory course, held this year (so the staircase's evidence finds it)."""
    today = timezone.localdate()
    held_on = max(days_ago(40), datetime.date(today.year, 1, 2))
    with on(held_on - datetime.timedelta(days=30)):
        course = screening_services.create_course(
            municipality=drammen,
            by=by,
            name="Introduksjonskurs for frivillige",
            is_introductory=True,
            description="Rolle, taushetsplikt og etikk.",
        )
        session = screening_services.create_session(
            course=course,
            by=by,
            starts_at=timezone.make_aware(datetime.datetime.combine(held_on, datetime.time(17))),
            place="Drammen frivilligsentral",
        )
    with on(min(held_on + datetime.timedelta(days=1), today)):
        screening_services.record_completions(session=session, volunteers=volunteers[:30], by=by)
