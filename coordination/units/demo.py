"""Demo data for units and the forum. Lom (level 2 going on 3): two units with the demo
volunteer contacts, no forum yet. Drammen (level 4): six units with contacts, four forum
meetings in the last year. Units, their contacts and the forum are made through the
services, acting as each municipality's coordinator. Someone to call: the home care services
have a phone number, and Lom's coordinator Ingrid Bakken shows her name and phone on Lom's public
page. Idempotent: a second run changes nothing."""

from __future__ import annotations

import datetime

from django.utils import timezone

from coordination.kernel import services as core_services
from coordination.kernel.contact import public_contact
from coordination.kernel.contributions import contribute
from coordination.kernel.demo import DRAMMEN, LOM, coordinator_of, on
from coordination.kernel.models import Membership, Municipality, Role, User
from coordination.units import services
from coordination.units.models import ForumMeeting, Unit, UnitKind

# (municipality, name, kind, address, leader, contact emails)
UNITS = [
    (LOM, "Lom sjukeheim", UnitKind.NURSING_HOME, "Lomsvegen 12, 2686 Lom", "Eli Vole",
     ["kontakt.sjukeheim.lom@samspill.example"]),
    (LOM, "Heimetenesta i Lom", UnitKind.HOME_CARE, "Heile kommunen", "Jon Rudi",
     ["kontakt.heimeteneste.lom@samspill.example"]),
    (DRAMMEN, "Bragernes sykehjem", UnitKind.NURSING_HOME, "Bragernes", "Anne Holm",
     ["kontakt.drammen@samspill.example"]),
    (DRAMMEN, "Fjell sykehjem", UnitKind.NURSING_HOME, "Fjell", "Rune Aas",
     ["kontakt.fjell.drammen@samspill.example"]),
    (DRAMMEN, "Strømsø bo- og behandlingssenter", UnitKind.NURSING_HOME, "Strømsø",
     "Lise Kvam", ["kontakt.stromso.drammen@samspill.example"]),
    (DRAMMEN, "Hjemmetjenesten i Drammen", UnitKind.HOME_CARE, "Hele kommunen", "Geir Lunde",
     ["kontakt.hjemmetjenesten.drammen@samspill.example", "kontakt.drammen@samspill.example"]),
    (DRAMMEN, "Aktivitetssenteret på Konnerud", UnitKind.DAY_CENTRE, "Konnerud", "Tone Moe",
     ["kontakt.konnerud.drammen@samspill.example"]),
    (DRAMMEN, "Drammensbiblioteket", UnitKind.LIBRARY, "Grønland 32, Drammen", "Per Sand",
     ["kontakt.biblioteket.drammen@samspill.example"]),
]  # fmt: skip

# The numbers volunteers call at the home care services (made up).
UNIT_PHONES = {"Heimetenesta i Lom": "61 21 30 00", "Hjemmetjenesten i Drammen": "32 04 70 00"}

# Drammen's extra volunteer contacts (no login line: they only appear in the lists).
DRAMMEN_CONTACTS = [
    ("kontakt.fjell.drammen@samspill.example", "Amina Hussein", "913 45 210"),
    ("kontakt.stromso.drammen@samspill.example", "Jonas Berg", "928 11 403"),
    ("kontakt.hjemmetjenesten.drammen@samspill.example", "Silje Andersen", "941 20 377"),
    ("kontakt.konnerud.drammen@samspill.example", "Tor Eriksen", "907 66 182"),
    ("kontakt.biblioteket.drammen@samspill.example", "Nina Johansen", "952 03 914"),
]

# (days ago, place, agenda, minutes)
DRAMMEN_MEETINGS = [
    (320, "Drammen rådhus, møterom Tinghuset",
     "1. Velkommen og presentasjonsrunde\n2. Erfaringer med besøksvenner i høst\n"
     "3. Introduksjonskurset i januar\n4. Eventuelt",
     "Alle virksomhetene var representert. Besøksvennene på Bragernes fungerer godt, men "
     "hjemmetjenesten trenger flere frivillige på kveldstid. Introduksjonskurset holdes "
     "15. januar på biblioteket; Nina sender invitasjon."),
    (230, "Drammensbiblioteket, Salongen",
     "1. Rutine for taushetserklæring og politiattest\n2. Skyss til fredagsklubben\n"
     "3. Eventuelt",
     "Vi gikk gjennom rutinen for taushetserklæring. Frivilligsentralen koordinerer skyss til "
     "fredagsklubben fra mars. Tor undersøker om aktivitetssenteret kan låne minibuss."),
    (140, "Aktivitetssenteret på Konnerud",
     "1. Sommeraktiviteter\n2. Oppfølging av nye frivillige\n3. Ansvarskartet",
     "Sommerprogrammet er klart. Hver frivillighetskontakt ringer nye frivillige etter to uker. "
     "Ansvarskartet er oppdatert: frivillighetskoordinatoren har ansvar for rekruttering."),
    (50, "Strømsø bo- og behandlingssenter",
     "1. Årshjulet for neste år\n2. Søknad om tilskudd til aktivitetstiltak\n"
     "3. Evaluering av høsten",
     "Årshjulet for neste år ble vedtatt. Søknaden om tilskudd sendes innen fristen, med "
     "frivilligsentralen som medsøker. Høsten har gått bra; flere menn har meldt seg som "
     "frivillige."),
]  # fmt: skip


def _contact(municipality: Municipality, by: User, email: str) -> Membership | None:
    """The person's volunteer contact role in the municipality, given once."""
    user = User.objects.filter(email__iexact=email).first()
    if user is None:
        return None
    role = Role.VOLUNTEER_CONTACT
    found = Membership.objects.filter(user=user, municipality=municipality, role=role).first()
    return found or core_services.add_membership(
        municipality=municipality, email=email, role=role, by=by
    )


def _seed_units() -> None:
    drammen = Municipality.objects.get(pk=DRAMMEN)
    for email, name, phone in DRAMMEN_CONTACTS:
        user, created = User.objects.get_or_create(
            email=email, defaults={"full_name": name, "phone": phone}
        )
        if created:  # no login for these: they only appear in the lists
            user.set_unusable_password()
            user.save(update_fields=["password"])
        _contact(drammen, coordinator_of(DRAMMEN), email)
    for number, name, kind, address, leader, emails in UNITS:
        municipality, by = Municipality.objects.get(pk=number), coordinator_of(number)
        unit = Unit.objects.in_municipality(municipality).filter(name=name).first()
        if unit is None:
            unit = services.create_unit(
                municipality=municipality, by=by, name=name, kind=kind, address=address,
                leader_name=leader, phone=UNIT_PHONES.get(name, ""),
            )  # fmt: skip
        for email in emails:
            membership = _contact(municipality, by, email)
            if (
                membership is not None
                and not unit.contact_links.filter(membership=membership).exists()
            ):
                services.add_unit_contact(unit=unit, membership=membership, by=by)


def _seed_forum() -> None:
    if ForumMeeting.objects.in_municipality(DRAMMEN).exists():
        return
    drammen, by = Municipality.objects.get(pk=DRAMMEN), coordinator_of(DRAMMEN)
    coordinator = Membership.objects.get(user=by, municipality=drammen, role=Role.COORDINATOR)
    contacts = list(Membership.objects.in_municipality(drammen).filter(role=Role.VOLUNTEER_CONTACT))
    today = timezone.localdate()
    for index, (days_ago, place, agenda, minutes) in enumerate(DRAMMEN_MEETINGS):
        day = today - datetime.timedelta(days=days_ago)
        came = [m for i, m in enumerate(contacts) if (i + index) % 4 != 0]
        with on(day - datetime.timedelta(days=14)):  # planned two weeks ahead
            meeting = services.create_forum_meeting(
                municipality=drammen,
                by=by,
                starts_at=timezone.make_aware(datetime.datetime.combine(day, datetime.time(13))),
                place=place,
                agenda=agenda,
                attendees=[*came, coordinator],
            )
        with on(day + datetime.timedelta(days=1)):  # the minutes the day after
            services.save_minutes(meeting=meeting, by=by, minutes=minutes)


def _seed_public_contact() -> None:
    """Ingrid Bakken chooses to show her name and phone (the number Lom's insurance text gives)
    on Lom's public page, and when to call; Drammen has chosen nothing yet."""
    if public_contact(LOM) is not None:
        return
    ingrid = coordinator_of(LOM)
    core_services.update_public_contact(
        municipality=Municipality.objects.get(pk=LOM),
        by=ingrid,
        coordinator=ingrid,
        show_name=True,
        phone="61 21 99 00",
        when_to_call="Kvardagar 9–15",
    )


@contribute.demo_step(order=20)
def seed(command) -> None:
    _seed_units()
    _seed_forum()
    _seed_public_contact()
