"""The volunteers' part of ``seed_demo``: Lom's and Drammen's volunteers, screening, needs,
invitations, a visiting-friend pairing and hours — told as a story through the services.

Every write goes through the same service a person's click would call, on the day it happened
(``on(day)`` moves the clock there), so the demo can never show a state the services refuse,
and its dates agree with each other: nobody answers before they are invited, logs hours before
they started, or holds a role before they registered. Idempotent: a municipality whose
volunteers are already there is left as it is."""

import datetime
from collections.abc import Iterator
from contextlib import contextmanager
from decimal import Decimal

import time_machine
from allauth.account.models import EmailAddress
from django.utils import timezone, translation

from coordination.kernel.contributions import contribute
from coordination.kernel.dates import add_months
from coordination.kernel.demo import DEMO_PASSWORD, DRAMMEN, LOM, coordinator_of
from coordination.models import Municipality, User
from volunteers.hours import services as hours_services
from volunteers.insurance.services import create_insurance
from volunteers.matching import ranking as matching
from volunteers.models import DeclarationText, Need, Volunteer
from volunteers.needs import services as need_services
from volunteers.profile.services import (
    publish_declaration,
    register_volunteer,
    sign_declaration,
    starter_declaration_text,
)
from volunteers.screening import services as screening_services
from volunteers.screening.starter_roles import starter_role

# Lom's volunteers: email, name, area, interests, evenings, weekends, drives,
# days since they registered.
DEMO_VOLUNTEERS = [
    ("frivillig.astrid@samspill.example", "Astrid Rustad", "Lom sentrum",
     ["visiting_friend", "culture"], False, True, False, 1185),
    ("frivillig.randi@samspill.example", "Randi Bakkom", "Lom sentrum",
     ["visiting_friend", "walks"], True, True, False, 1155),
    ("frivillig.ola@samspill.example", "Ola Sulheim", "Garmo",
     ["walks", "activity_leading"], False, True, True, 400),
    ("frivillig.kari.o@samspill.example", "Kari Ofigsbø", "Fossbergom",
     ["digital_help"], True, False, False, 300),
    ("frivillig.nils@samspill.example", "Nils Brimi", "Bøverdalen",
     ["transport", "practical_help"], True, False, True, 200),
    ("frivillig.tor@samspill.example", "Tor Vole", "Bøverdalen",
     ["transport"], False, False, True, 150),
]  # fmt: skip

# Version 2 of Lom's declaration came out last week; these have signed it already. Nils and Tor
# signed version 1 only, so they see no one's details until they sign again.
SIGNED_LATEST = ("astrid", "randi", "ola", "kari.o")

DECLARATION_V2_NOTE = (
    "\n\nNytt i versjon 2: Du deler ikke bilder eller opplysninger om den du besøker i sosiale "
    "medier, heller ikke når personen selv sier det er greit."
)


def days_ago(days: int) -> datetime.date:
    return timezone.localdate() - datetime.timedelta(days=days)


@contextmanager
def on(day: datetime.date, hour: int = 10) -> Iterator[None]:
    """Run the services as if it were ``day`` at ``hour`` o'clock."""
    moment = timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)))
    with time_machine.travel(moment, tick=False):
        yield


def _person(email: str, name: str, *, can_log_in: bool = True) -> User:
    user = User.objects.create(email=email, full_name=name)
    if can_log_in:
        user.set_password(DEMO_PASSWORD)
    else:
        user.set_unusable_password()
    user.save(update_fields=["password"])
    EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
    return user


def _contact(email: str) -> User:
    return User.objects.get(email=email)


def _register(email, name, municipality, *, area, interests, **times) -> Volunteer:
    """The person signs up on the portal and registers as a volunteer, with consent."""
    user = User.objects.filter(email=email).first() or _person(email, name)
    profile = {"municipality": municipality, "area": area, "weekday_daytime": True} | times
    return register_volunteer(user=user, profile=profile, interests=interests, consented=True)


def _sign(volunteer: Volunteer, text) -> None:
    sign_declaration(volunteer=volunteer, text=text, by=volunteer.user)


def _last_march_12(today: datetime.date) -> datetime.date:
    this_year = today.replace(month=3, day=12)
    return this_year if this_year < today else this_year.replace(year=today.year - 1)


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


@contribute.demo_step(order=40)
def seed_volunteers(command) -> None:
    """Lom's declaration (two versions) and six volunteers who registered over three years."""
    lom = Municipality.objects.get(pk=LOM)
    if Volunteer.objects.filter(municipality=lom).exists():
        return
    coordinator = coordinator_of(LOM)
    with on(days_ago(1215)), translation.override("nb"):
        first = publish_declaration(
            municipality=lom, body=starter_declaration_text(), by=coordinator
        )
    volunteers = {}
    for email, name, area, interests, evenings, weekends, drives, since in DEMO_VOLUNTEERS:
        with on(days_ago(since)):
            volunteer = _register(
                email,
                name,
                lom,
                area=area,
                interests=interests,
                evenings=evenings,
                weekends=weekends,
                can_drive=drives,
                has_car=drives,
            )
        with on(days_ago(since - 3), hour=19):
            _sign(volunteer, first)
        volunteers[_key(volunteer)] = volunteer


def _key(volunteer: Volunteer) -> str:
    return volunteer.user.email.split("@")[0].removeprefix("frivillig.")


def _lom_screening(lom: Municipality, volunteers: dict, by: User) -> dict:
    """Lom's course, its two roles, who holds them, and the police certificates seen."""
    today = timezone.localdate()
    with on(days_ago(1200)):
        course = screening_services.create_course(
            municipality=lom,
            by=by,
            name="Introduksjonskurs for frivillige",
            is_introductory=True,
            description="Taushetsplikt, roller og ansvar, hvem du kontakter hvis du blir bekymret.",
        )
        visiting = screening_services.create_role(
            municipality=lom,
            by=by,
            **starter_role("visiting_friend", "nb"),
            requires_certificate=True,
            certificate_kinds=["limited", "ordinary"],
            certificate_legal_basis=(
                "Besøksvenner er alene hjemme hos eldre som kan være sårbare. Lom kommune "
                "krever derfor politiattest, jf. helse- og omsorgstjenesteloven § 5-4 når "
                "besøkene er en del av kommunens tjenester."
            ),
            certificate_valid_months=36,
            required_courses=[course],
        )
        driver = screening_services.create_role(
            municipality=lom, by=by, **starter_role("driver", "nb")
        )
        create_insurance(
            municipality=lom,
            insured_by="Lom kommune, kollektiv ulykkesforsikring for frivillige (KLP)",
            covers="Personskade som skjer mens du gjør et oppdrag du har tatt gjennom "
            "Samspill, også på vei til og fra oppdraget.",
            own_car="Skade på din egen bil dekkes av din egen bilforsikring. Kommunen "
            "dekker egenandelen, inntil 10 000 kr, når skaden skjer på et oppdrag.",
            if_something_happens="Ring koordinatoren (61 21 99 00) samme dag, og skriv "
            "ned hva som skjedde. Ved fare for liv og helse: ring 113 først.",
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


def _lom_pairing(lom, volunteers, by) -> None:
    """A visiting friend found, tried, agreed on and followed up; her hours logged weekly."""
    astrid = volunteers["astrid"]
    need = _report(
        lom,
        _need_fields(
            "Signe Rudi",
            "visiting_friend",
            "Lom sentrum",
            "Enke, bor alene og hører dårlig. Ønsker besøk og en tur i nærområdet, gjerne en "
            "som liker å strikke.",
            times=(True, False, True),
        ),
        days_ago(60),
        by,
    )
    _step(need, "mapped", days_ago(53), by, "Samtale hjemme hos henne sammen med datteren.")
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
            notes="Begge trives. Fortsetter hver tirsdag.",
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
            "Skyss til dagsenteret og fredagsklubben på Lom, tur-retur. Bruker rullator.",
            needs_driver=True,
        ),
        days_ago(20),
        contact,
    )
    _step(need, "mapped", days_ago(17), by, "Snakket med Hans på telefon.")
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
            "Ønsker besøk en gang i uka, liker kortspill og å høre om bygda.",
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
            note="Solveig har flyttet på sjukeheimen.",
        )
    _step(need, "closed", days_ago(10), by)


def _lom_new_declaration(lom: Municipality, volunteers: dict, by: User) -> None:
    """Last week Lom published version 2 of its declaration (after the invitations above were
    sent); four have signed it, so Nils and Tor see no one's details until they sign again."""
    first = DeclarationText.objects.get(municipality=lom, version=1)
    with on(days_ago(6)):
        second = publish_declaration(municipality=lom, body=first.body + DECLARATION_V2_NOTE, by=by)
    for number, key in enumerate(SIGNED_LATEST):
        with on(days_ago(5 - number), hour=20):
            _sign(volunteers[key], second)


@contribute.demo_step(order=50)
def seed_screening_and_needs(command) -> None:
    """Lom's roles, course, police certificate checks, needs in several steps of the method,
    invitations, a visiting-friend pairing with follow-ups, and hours."""
    lom = Municipality.objects.get(pk=LOM)
    if Need.objects.filter(municipality=lom).exists():
        return
    by = coordinator_of(LOM)
    volunteers = {
        _key(v): v for v in Volunteer.objects.filter(municipality=lom).select_related("user")
    }
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
            "Vil lære å bruke nettbrettet til videosamtaler med barnebarna.",
            times=(True, True, False),
        ),
        days_ago(10),
        None,  # through the public help form
    )
    marit = Need.objects.get(municipality=lom, person_name="Marit Lien")
    _step(marit, "mapped", days_ago(4), by, "Ringte datteren, som sendte inn skjemaet.")
    _report(
        lom,
        _need_fields(
            "Kristian Garmo",
            "walks",
            "Garmo",
            "Trenger følge på tur for å holde seg i form etter et fall i vinter. Går med stokk.",
            times=(False, False, True),
        ),
        days_ago(2),
        _contact("kontakt.sjukeheim.lom@samspill.example"),
    )
    _lom_new_declaration(lom, volunteers, by)


# --- Drammen -----------------------------------------------------------------------------

# Drammen, the larger municipality at staircase level 4: many registered volunteers, nearly
# all of them signed, an introductory course held this year, needs followed through the method.
DRAMMEN_AREAS = ["Bragernes", "Strømsø", "Konnerud", "Fjell", "Åssiden", "Gulskogen"]
DRAMMEN_FIRST = ["Aud", "Bjørn", "Eva", "Geir", "Hilde", "Ivar", "Jorunn", "Knut", "Liv", "Magne"]
DRAMMEN_LAST = ["Andersen", "Berg", "Dahl", "Hansen"]
DRAMMEN_INTERESTS = ["visiting_friend", "transport", "digital_help", "walks", "culture"]
# person, kind, area, the step it has reached, whether a volunteer helps already
DRAMMEN_NEEDS = [
    ("Reidun Solberg", "visiting_friend", "Konnerud", "follow_up"),
    ("Arne Kristiansen", "transport", "Fjell", "established"),
    ("Gunvor Lie", "digital_help", "Strømsø", "mapped"),
    ("Egil Nilsen", "walks", "Åssiden", "reported"),
]


def _drammen_volunteers(drammen: Municipality, by: User) -> list[Volunteer]:
    """40 volunteers who registered over two years; 36 signed the declaration."""
    with on(days_ago(730)), translation.override("nb"):
        declaration = publish_declaration(
            municipality=drammen, body=starter_declaration_text(), by=by
        )
    volunteers = []
    for number in range(40):
        first = DRAMMEN_FIRST[number % len(DRAMMEN_FIRST)]
        last = DRAMMEN_LAST[number // len(DRAMMEN_FIRST)]
        email = f"frivillig.drammen.{number + 1:02d}@samspill.example"
        registered = days_ago(720 - 15 * number)
        with on(registered):
            user = User.objects.filter(email=email).first() or _person(
                email, f"{first} {last}", can_log_in=False
            )
            volunteer = _register(
                email,
                user.full_name,
                drammen,
                area=DRAMMEN_AREAS[number % len(DRAMMEN_AREAS)],
                interests=[DRAMMEN_INTERESTS[number % len(DRAMMEN_INTERESTS)]],
                willing_to_travel=number % 2 == 1,
                weekday_daytime=number % 2 == 0 or number % 5 == 1,
                evenings=number % 3 == 0,
                weekends=number % 4 == 0,
                can_drive=number % 5 == 1,
                has_car=number % 5 == 1,
            )
        if number < 36:
            with on(registered + datetime.timedelta(days=2), hour=19):
                _sign(volunteer, declaration)
        volunteers.append(volunteer)
    return volunteers


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
    if Volunteer.objects.filter(municipality=drammen).exists():
        return
    by = coordinator_of(DRAMMEN)
    volunteers = _drammen_volunteers(drammen, by)
    _drammen_course(drammen, volunteers, by)
    _drammen_needs(drammen, by)
