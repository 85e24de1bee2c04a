"""The volunteers' demo story, steps 50 and 60: in Lom the screening
(``volunteers/screening/demo.py``), needs in several steps of the method, invitations, a
visiting-friend pairing with follow-ups and hours, and version 2 of the declaration; in Drammen
40 volunteers, an introductory course and four needs. Told through the services, each thing on
the day it happened (``on(day)`` in ``volunteers/profile/demo.py``)."""

import datetime
from decimal import Decimal

from coordination.kernel.contributions import contribute
from coordination.kernel.demo import DRAMMEN, LOM, coordinator_of, days_ago, on
from coordination.models import Municipality, User
from volunteers.hours import services as hours_services
from volunteers.matching import ranking as matching
from volunteers.models import Need, Volunteer
from volunteers.needs import services as need_services
from volunteers.profile.demo import (
    _contact,
    _drammen_volunteers,
    _key,
    _lom_new_declaration,
)
from volunteers.screening.demo import _drammen_course, _lom_screening


def _step(need: Need, step: str, day: datetime.date, by: User, notes: str = "") -> None:
    with on(day):
        need_services.record_step(need=need, step=step, by=by, notes=notes)


def _invite(need: Need, volunteer: Volunteer | None, day: datetime.date, by: User):
    """Invite ``volunteer`` as matching proposed them, with matching's own reasons (None: the
    volunteer matching proposes first)."""
    with on(day):
        proposals = [
            p
            for p in matching.propose_for_need(need, limit=50)
            if volunteer is None or p.volunteer.pk == volunteer.pk
        ][:1]
        if not proposals:
            raise RuntimeError(f"Matching does not propose {volunteer} for {need}: fix the demo.")
        return need_services.invite_volunteers(need=need, proposals=proposals, by=by)[0]


def _helped_by(
    need: Need,
    volunteer: Volunteer | None,
    by: User,
    *,
    invited_on: datetime.date,
    accepted_on: datetime.date,
):
    """The coordinator invites (as matching proposes) and the volunteer says yes."""
    invitation = _invite(need, volunteer, invited_on, by)
    with on(accepted_on, hour=18):
        return need_services.accept_invitation(invitation=invitation, by=invitation.volunteer.user)


def _agreed_after_trial(
    need: Need, assignment, by: User, *, met_on: datetime.date, agreed_on: datetime.date
) -> None:
    """The trial meeting went well; they meet weekly, and the need is established."""
    with on(agreed_on):
        need_services.set_pairing(
            assignment=assignment,
            by=by,
            trial_meeting_on=met_on,
            trial_went_well=True,
            frequency="weekly",
        )
    _step(need, "established", agreed_on, by)


def _report(municipality, fields: dict, day: datetime.date, by: User | None) -> Need:
    with on(day):
        return need_services.report_need(
            municipality=municipality, fields=fields, consented=True, by=by
        )


def _need_fields(person, kind, area, description, *, times=(True, False, False), **more):
    return {
        "person_name": person,
        "person_phone": "612 11 234",
        "address": f"{area}, Lom",
        "kind": kind,
        "area": area,
        "description": description,
        "weekday_daytime": times[0],
        "evenings": times[1],
        "weekends": times[2],
        **more,
    }


# --- Lom ---------------------------------------------------------------------------------


def _lom_pairing(lom, volunteers, by) -> None:
    """A visiting friend found, tried, agreed on and followed up; her hours logged weekly."""
    astrid = volunteers["astrid"]
    need = _report(
        lom,
        _need_fields(
            "Signe Rudi",
            "visiting_friend",
            "Lom sentrum",
            "Enkje, bur åleine og høyrer dårleg. Ønskjer besøk og ein tur i nærområdet, gjerne "
            "med ein som likar å strikke.",
            times=(True, False, True),
        ),
        days_ago(60),
        by,
    )
    _step(need, "mapped", days_ago(53), by, "Samtale heime hos henne saman med dottera.")
    _step(need, "clarified", days_ago(46), by)
    pairing = _helped_by(need, astrid, by, invited_on=days_ago(42), accepted_on=days_ago(40))
    _agreed_after_trial(need, pairing, by, met_on=days_ago(37), agreed_on=days_ago(36))
    with on(days_ago(35)):
        follow_ups = need_services.plan_follow_ups(
            need=need,
            by=by,
            first_on=days_ago(14),
            every_weeks=4,
            until=days_ago(14) + datetime.timedelta(weeks=4),
            assignment=pairing,
        )
    _step(need, "follow_up", days_ago(14), by)
    with on(days_ago(14), hour=15):
        need_services.record_follow_up(
            follow_up=follow_ups[0],
            by=by,
            held_on=days_ago(14),
            notes="Begge trivst. Dei held fram kvar tysdag.",
        )
    logged = []
    for weeks in (4, 3, 2, 1):
        worked_on = days_ago(7 * weeks)
        with on(worked_on, hour=20):
            logged.append(
                hours_services.log_own_hours(
                    volunteer=astrid,
                    by=astrid.user,
                    worked_on=worked_on,
                    hours=Decimal("2"),
                    km=Decimal("6"),
                    description="Besøk og tur",
                    assignment=pairing,
                )
            )
    with on(days_ago(5)):
        hours_services.approve_hours(entry_ids=[e.pk for e in logged[:3]], by=by)


def _lom_ride(lom, volunteers, by) -> None:
    """A ride reported by the home-care service: one driver said no, the other has not answered
    (and must sign the new declaration before he sees who it is for)."""
    contact = _contact("kontakt.heimeteneste.lom@samspill.example")
    need = _report(
        lom,
        _need_fields(
            "Hans Moen",
            "transport",
            "Bøverdalen",
            "Skyss til dagsenteret og fredagsklubben på Lom, tur-retur. Brukar rullator.",
            needs_driver=True,
        ),
        days_ago(20),
        contact,
    )
    _step(need, "mapped", days_ago(17), by, "Snakka med Hans på telefon.")
    _step(need, "clarified", days_ago(12), by)
    _invite(need, volunteers["nils"], days_ago(8), by)
    declined = _invite(need, volunteers["tor"], days_ago(8), by)
    with on(days_ago(7), hour=21):
        need_services.decline_invitation(
            invitation=declined, by=volunteers["tor"].user, reason="Er bortreist i desember."
        )


def _lom_past_pairing(lom, volunteers, by) -> None:
    """Two years of visits that ended when Solveig moved into the nursing home."""
    randi = volunteers["randi"]
    need = _report(
        lom,
        _need_fields(
            "Solveig Vole",
            "visiting_friend",
            "Lom sentrum",
            "Ønskjer besøk ein gong i veka, likar kortspel og å høyre om bygda.",
        ),
        days_ago(770),
        by,
    )
    _step(need, "mapped", days_ago(765), by)
    _step(need, "clarified", days_ago(762), by)
    pairing = _helped_by(need, randi, by, invited_on=days_ago(760), accepted_on=days_ago(759))
    _agreed_after_trial(need, pairing, by, met_on=days_ago(752), agreed_on=days_ago(745))
    _step(need, "follow_up", days_ago(700), by)
    with on(days_ago(10)):
        need_services.end_assignment(
            assignment=pairing,
            by=by,
            reason="moved",
            note="Solveig har flytta inn på sjukeheimen.",
        )
    _step(need, "closed", days_ago(10), by)


@contribute.demo_step(order=50)
def seed_screening_and_needs(command) -> None:
    """Lom's roles, course, police certificate checks, needs in several steps of the method,
    invitations, a visiting-friend pairing with follow-ups, and hours."""
    lom = Municipality.objects.get(pk=LOM)
    if Need.objects.in_municipality(lom).exists():
        return
    by = coordinator_of(LOM)
    volunteers = {_key(v): v for v in Volunteer.objects.in_municipality(lom).select_related("user")}
    _lom_screening(lom, volunteers, by)
    _lom_past_pairing(lom, volunteers, by)
    _lom_pairing(lom, volunteers, by)
    _lom_ride(lom, volunteers, by)
    _report(
        lom,
        _need_fields(
            "Marit Lien",
            "digital_help",
            "Fossbergom",
            "Vil lære å bruke nettbrettet til videosamtalar med barnebarna.",
            times=(True, True, False),
        ),
        days_ago(10),
        None,  # through the public help form
    )
    marit = Need.objects.get(municipality=lom, person_name="Marit Lien")
    _step(marit, "mapped", days_ago(4), by, "Ringde dottera, som sende inn skjemaet.")
    _report(
        lom,
        _need_fields(
            "Kristian Garmo",
            "walks",
            "Garmo",
            "Treng følgje på tur for å halde seg i form etter eit fall i vinter. Går med stokk.",
            times=(False, False, True),
        ),
        days_ago(2),
        _contact("kontakt.sjukeheim.lom@samspill.example"),
    )
    _lom_new_declaration(lom, volunteers, by)


# --- Drammen -----------------------------------------------------------------------------

# person, kind, area, the step it has reached, whether a volunteer helps already
DRAMMEN_NEEDS = [
    ("Reidun Solberg", "visiting_friend", "Konnerud", "follow_up"),
    ("Arne Kristiansen", "transport", "Fjell", "established"),
    ("Gunvor Lie", "digital_help", "Strømsø", "mapped"),
    ("Egil Nilsen", "walks", "Åssiden", "reported"),
]


def _drammen_needs(drammen: Municipality, by: User) -> None:
    contact = _contact("kontakt.drammen@samspill.example")
    for offset, (person, kind, area, reached) in enumerate(DRAMMEN_NEEDS):
        started = days_ago(90 - 10 * offset)
        fields = _need_fields(person, kind, area, "Meldt av hjemmetjenesten.")
        fields.update(person_phone="32 04 00 00", address=f"{area}, Drammen")
        fields["needs_driver"] = kind == "transport"
        need = _report(drammen, fields, started, contact)
        if reached == "reported":
            continue
        _step(need, "mapped", started + datetime.timedelta(days=5), by)
        if reached == "mapped":
            continue
        _step(need, "clarified", started + datetime.timedelta(days=10), by)
        invited_on = started + datetime.timedelta(days=14)
        _helped_by(
            need,
            None,  # the volunteer matching proposes first
            by,
            invited_on=invited_on,
            accepted_on=invited_on + datetime.timedelta(days=1),
        )
        _step(need, "established", started + datetime.timedelta(days=20), by)
        if reached == "follow_up":
            _step(need, "follow_up", started + datetime.timedelta(days=60), by)


@contribute.demo_step(order=60)
def seed_drammen(command) -> None:
    """40 volunteers (36 have signed the declaration), an introductory course held this year
    that most have taken, and four needs in different steps, two of them with a volunteer."""
    drammen = Municipality.objects.get(pk=DRAMMEN)
    if Volunteer.objects.in_municipality(drammen).exists():
        return
    by = coordinator_of(DRAMMEN)
    volunteers = _drammen_volunteers(drammen, by)
    _drammen_course(drammen, volunteers, by)
    _drammen_needs(drammen, by)
