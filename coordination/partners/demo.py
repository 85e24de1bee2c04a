"""Demo partners and agreements for ``seed_demo``. Lom looks like a municipality at staircase
level 2 going on 3: its four partners mapped with contacts and offers, one active agreement
(with the volunteer centre, whose own screening of its volunteers Lom accepts) and one draft.
Drammen looks like level 4: eight partners, most of them party to an active agreement. Built
through the services, acting as each municipality's coordinator, so the demo shows nothing the
services would refuse. Idempotent: a second run changes nothing."""

from __future__ import annotations

import datetime

from django.utils import timezone

from coordination.kernel.contributions import contribute
from coordination.kernel.demo import DRAMMEN, LOM, VAGA, coordinator_of
from coordination.kernel.models import Membership, Municipality, Role, User
from coordination.partners import services
from coordination.partners.models import (
    CooperationAgreement,
    OfferKind,
    PartnerContact,
    PartnerOffer,
    PartnerOrganisation,
)

Kind = PartnerOrganisation.Kind

# name, kind, organisation number (valid check digit, made up for the demo), municipalities
DRAMMEN_PARTNERS = [
    ("Verdighetsenteret", Kind.ASSOCIATION, "", [DRAMMEN]),
    ("Drammen Røde Kors", Kind.ASSOCIATION, "", [DRAMMEN]),
    ("Nasjonalforeningen Drammen demensforening", Kind.ASSOCIATION, "", [DRAMMEN]),
    ("Bragernes menighet", Kind.CHURCH, "", [DRAMMEN]),
    ("Elvebyen Regnskap AS", Kind.BUSINESS, "", [DRAMMEN]),
    ("Drammens Museum", Kind.MUSEUM, "", [DRAMMEN]),
    ("Lier kommune", Kind.MUNICIPALITY, "", [DRAMMEN]),
]

# partner name -> (contacts: (name, role, email, phone), offers: (kind, description, areas))
LOM_DETAILS = {
    "Lom frivilligsentral": (
        [
            (
                "Marit Nordheim",
                "Dagleg leiar",
                "frivilligsentral.lom@samspill.example",
                "61 21 10 50",
            )
        ],
        [
            (OfferKind.PEOPLE, "Besøksvener og turvener, koordinert av sentralen", ""),
            (OfferKind.PREMISES, "Møterom i Lom bygdesenter tysdag og torsdag", "Lom sentrum"),
            (OfferKind.VEHICLES, "Sjåførar til fredagsklubben", "Bøverdalen; Garmo; Fossbergom"),
        ],
    ),
    "Lom pensjonistlag": (
        [("Arne Storhaug", "Leiar", "", "917 44 120")],
        [
            (OfferKind.PEOPLE, "Medlemmer som held kaffistove og allsong", "Lom sentrum"),
            (OfferKind.KNOWLEDGE, "Lokalhistorie og forteljekveldar", ""),
        ],
    ),
    "Lom sanitetslag": (
        [("Brit Løkken", "Leiar", "sanitet.lom@samspill.example", "")],
        [
            (OfferKind.MONEY, "Tilskot til turar for heimebuande eldre", ""),
            (OfferKind.PEOPLE, "Strikkegruppe og trimgruppe for eldre", "Fossbergom"),
        ],
    ),
    "Fjellmuseet i Lom": (
        [("Jon Bakken", "Formidlar", "fjellmuseet@samspill.example", "61 21 16 00")],
        [
            (OfferKind.PREMISES, "Kafé og foredragssal utanom sesongen", "Lom sentrum"),
            (OfferKind.KNOWLEDGE, "Omvisingar tilpassa personar med demens", ""),
        ],
    ),
}

DRAMMEN_DETAILS = {
    "Frivilligsentralen i Drammen": (
        [("Tone Hagen", "Daglig leder", "frivilligsentralen.drammen@samspill.example", "")],
        [
            (OfferKind.PEOPLE, "Besøksvenner og turvenner", ""),
            (OfferKind.PREMISES, "Møtelokaler på Strømsø", "Strømsø"),
        ],
    ),
    "Verdighetsenteret": (
        [("Ragnhild Moe", "Rådgiver", "post.verdighet@samspill.example", "")],
        [
            (OfferKind.KNOWLEDGE, "Kurs for frivillighetskontakter og ansatte", ""),
            (OfferKind.PEOPLE, "Nettverkskoordinator for frivillighet i omsorg", ""),
        ],
    ),
    "Drammen Røde Kors": (
        [("Ali Hassan", "Aktivitetsleder", "", "452 10 330")],
        [
            (OfferKind.PEOPLE, "Besøkstjeneste og følgetjeneste", ""),
            (OfferKind.VEHICLES, "Transporttjeneste med to biler", "Konnerud; Åssiden"),
        ],
    ),
    "Nasjonalforeningen Drammen demensforening": (
        [("Eva Lunde", "Leder", "demens.drammen@samspill.example", "")],
        [
            (OfferKind.KNOWLEDGE, "Demensvennlig samfunn: kurs for frivillige", ""),
            (OfferKind.PEOPLE, "Aktivitetsvenner for personer med demens", ""),
        ],
    ),
    "Bragernes menighet": (
        [("Knut Aas", "Diakon", "", "32 21 70 00")],
        [
            (OfferKind.PREMISES, "Menighetssalen til seniortreff", "Bragernes"),
            (OfferKind.PEOPLE, "Besøkstjeneste", "Bragernes"),
        ],
    ),
    "Elvebyen Regnskap AS": (
        [("Siri Berg", "Daglig leder", "siri.berg@samspill.example", "")],
        [(OfferKind.MONEY, "Sponser seniortreffene med 20 000 kroner i året", "")],
    ),
    "Drammens Museum": (
        [("Per Olsen", "Formidlingsleder", "", "32 20 09 30")],
        [
            (OfferKind.KNOWLEDGE, "Minnesamtaler med gjenstander fra gamle dager", ""),
            (OfferKind.PREMISES, "Kafeen på Marienlyst en formiddag i uka", "Bragernes"),
        ],
    ),
    "Lier kommune": (
        [("Hilde Dahl", "Frivillighetskoordinator", "frivillighet.lier@samspill.example", "")],
        [(OfferKind.KNOWLEDGE, "Felles introduksjonskurs for frivillige", "")],
    ),
}


def _partners(drammen: Municipality, by: User) -> None:
    for name, kind, _number, _numbers in DRAMMEN_PARTNERS:
        if not PartnerOrganisation.objects.filter(name=name).exists():
            services.create_partner(municipality=drammen, by=by, name=name, kind=kind)


def _number(municipality: Municipality, by: User, name: str, number: str) -> None:
    """A made-up organisation number with a valid check digit, set once."""
    partner = PartnerOrganisation.objects.filter(name=name, organisation_number="").first()
    if partner is None or PartnerOrganisation.objects.filter(organisation_number=number).exists():
        return
    services.update_partner(
        partner=partner,
        municipality=municipality,
        by=by,
        name=partner.name,
        kind=partner.kind,
        organisation_number=number,
        email=partner.email,
        phone=partner.phone,
    )


def _representative(municipality: Municipality, name: str) -> User | None:
    """The demo person who speaks for the organisation ``name`` in the municipality."""
    membership = (
        Membership.objects.filter(
            municipality=municipality,
            role=Role.PARTNER_REPRESENTATIVE,
            organisation__name=name,
        )
        .select_related("user")
        .first()
    )
    return membership.user if membership else None


# The volunteer centre's own update of its offer (nynorsk: Lom writes nynorsk).
DRIVERS_BEFORE = "Sjåførar til fredagsklubben"
DRIVERS_AFTER = "Sjåførar til fredagsklubben og til legetimar på Otta"


def _representative_keeps_offers(lom: Municipality) -> None:
    """Marit at Lom frivilligsentral keeps the centre's offers up to date herself."""
    marit = _representative(lom, "Lom frivilligsentral")
    offer = (
        PartnerOffer.objects.in_municipality(lom)
        .filter(organisation__name="Lom frivilligsentral", description=DRIVERS_BEFORE)
        .first()
    )
    if marit is None or offer is None:
        return
    services.update_offer(
        offer=offer,
        municipality=lom,
        by=marit,
        kind=offer.kind,
        description=DRIVERS_AFTER,
        areas=offer.area_list,
    )


def _details(municipality: Municipality, by: User, details: dict) -> None:
    for name, (contacts, offers) in details.items():
        partner = PartnerOrganisation.objects.filter(name=name).first()
        if partner is None:
            continue
        mine = {"organisation": partner, "municipality": municipality}
        if (
            name == "Lom frivilligsentral"
            and PartnerOffer.objects.filter(**mine, description=DRIVERS_AFTER).exists()
        ):
            offers = [o for o in offers if o[1] != DRIVERS_BEFORE]  # updated by the centre
        for contact_name, role, email, phone in contacts:
            if not PartnerContact.objects.filter(**mine, name=contact_name).exists():
                services.create_contact(
                    municipality=municipality, by=by, partner=partner, name=contact_name,
                    role=role, email=email, phone=phone,
                )  # fmt: skip
        for kind, description, areas in offers:
            if not PartnerOffer.objects.filter(**mine, kind=kind, description=description).exists():
                services.create_offer(
                    municipality=municipality, by=by, partner=partner, kind=kind,
                    description=description, areas=areas,
                )  # fmt: skip


def _agreement(
    municipality: Municipality,
    by: User,
    title: str,
    parties: dict[str, str],
    *,
    active: bool = False,
    screening_accepted: tuple[str, ...] = (),
    **fields,
) -> None:
    if CooperationAgreement.objects.in_municipality(municipality).filter(title=title).exists():
        return
    agreement = services.create_agreement(
        municipality=municipality,
        by=by,
        title=title,
        parties={
            PartnerOrganisation.objects.get(name=name): text for name, text in parties.items()
        },
        screening_accepted=[PartnerOrganisation.objects.get(name=n) for n in screening_accepted],
        **fields,
    )
    if active:
        services.set_agreement_status(
            agreement=agreement, by=by, status=CooperationAgreement.Status.ACTIVE
        )


@contribute.demo_step(order=10)
def seed(command) -> None:
    lom, drammen = Municipality.objects.get(pk=LOM), Municipality.objects.get(pk=DRAMMEN)
    lom_coordinator, drammen_coordinator = coordinator_of(LOM), coordinator_of(DRAMMEN)
    _partners(drammen, drammen_coordinator)
    # Lom frivilligsentral keeps its own details: its representative gives the number.
    _number(lom, _representative(lom, "Lom frivilligsentral") or lom_coordinator,
            "Lom frivilligsentral", "971234563")  # fmt: skip
    _number(drammen, drammen_coordinator, "Verdighetsenteret", "998877660")
    _details(lom, lom_coordinator, LOM_DETAILS)
    _details(drammen, drammen_coordinator, DRAMMEN_DETAILS)
    _lom_agreements(lom, lom_coordinator)
    _representative_keeps_offers(lom)
    _drammen_agreements(drammen, drammen_coordinator)
    _neighbour_proposes_a_correction()


# Vågå's coordinator has the volunteer centre's new switchboard number (issue 13).
CENTRE_NEW_PHONE = "61 21 10 55"


def _neighbour_proposes_a_correction() -> None:
    """Vågå links Lom frivilligsentral (it drives people from Vågå to Lom too) and proposes a
    new phone number for it. The centre keeps its own details, so the proposal waits for its
    representative, Marit; nothing changes until she accepts."""
    vaga = Municipality.objects.get(pk=VAGA)
    by = coordinator_of(VAGA)
    centre = PartnerOrganisation.objects.get(name="Lom frivilligsentral")
    if centre.municipalities.filter(pk=VAGA).exists() or not centre.organisation_number:
        return
    services.create_partner(
        municipality=vaga,
        by=by,
        name=centre.name,
        kind=centre.kind,
        organisation_number=centre.organisation_number,
    )
    services.propose_correction(
        partner=centre,
        municipality=vaga,
        by=by,
        name=centre.name,
        kind=centre.kind,
        organisation_number=centre.organisation_number,
        email=centre.email,
        phone=CENTRE_NEW_PHONE,
        comment="Frivilligsentralen har fått nytt sentralbordnummer, sjå heimesida deira.",
    )


def _lom_agreements(lom: Municipality, by: User) -> None:
    today = timezone.localdate()
    year_ago = today - datetime.timedelta(days=365)
    _agreement(
        lom,
        by,
        "Samarbeidsavtale med Lom frivilligsentral",
        {
            "Lom frivilligsentral": "Rekrutterer og følgjer opp besøksvener og sjåførar; "
            "held introduksjonskurset saman med kommunen."
        },
        purpose="Fleire heimebuande eldre i Lom skal ha nokon å snakke med og kome seg ut.",
        municipality_contribution="Frivilligkoordinator i 20 % stilling, lokale i "
        "bygdesenteret og køyregodtgjersle etter statens satsar.",
        responsibilities="Kommunen tek imot behov og formidlar dei; frivilligsentralen "
        "finn og følgjer opp dei frivillige. Frivilligsentralen ser politiattesten til dei "
        "frivillige som kjem gjennom han, og kommunen godtek den kontrollen.",
        contact_persons="Ingrid Bakken, Lom kommune, koordinator.lom@samspill.example\n"
        "Marit Nordheim, Lom frivilligsentral, 61 21 10 50",
        starts_on=year_ago,
        review_on=today + datetime.timedelta(days=75),
        ends_on=year_ago + datetime.timedelta(days=3 * 365),
        active=True,
        # issue 13: the centre's own check of police certificates counts (Ola, in the
        # volunteers' demo, volunteers through it).
        screening_accepted=("Lom frivilligsentral",),
    )
    _agreement(
        lom,
        by,
        "Fredagsklubben med skyss",
        {
            "Lom pensjonistlag": "Kaffi, allsong og vertskap kvar fredag.",
            "Lom sanitetslag": "Tilskot til skyss for dei som bur lengst unna.",
        },
        purpose="Ein fast møtestad fredag ettermiddag, med skyss frå grendene.",
        starts_on=today + datetime.timedelta(days=30),
        review_on=today + datetime.timedelta(days=200),
    )


def _drammen_agreements(drammen: Municipality, by: User) -> None:
    today = timezone.localdate()
    year_ago = today - datetime.timedelta(days=365)
    network = {
        "Frivilligsentralen i Drammen": "Rekrutterer besøksvenner og turvenner.",
        "Verdighetsenteret": "Nettverkskoordinator og kurs for frivillighetskontakter.",
        "Drammen Røde Kors": "Besøkstjeneste, følgetjeneste og transport.",
        "Nasjonalforeningen Drammen demensforening": "Aktivitetsvenner og kurs om demens.",
        "Bragernes menighet": "Lokaler og besøkstjeneste på Bragernes.",
        "Drammens Museum": "Minnesamtaler og kafé for seniorer.",
        "Lier kommune": "Felles introduksjonskurs for frivillige.",
    }
    _agreement(
        drammen,
        by,
        "Frivillighetsnettverket i omsorg",
        network,
        purpose="Frivillighetskontakter i alle virksomheter, et felles forum og felles kurs.",
        municipality_contribution="Frivillighetskontakt i hver virksomhet og nettverkskoordinator.",
        responsibilities="Kommunen leder forumet; partnerne stiller med frivillige og kurs.",
        starts_on=year_ago - datetime.timedelta(days=365),
        review_on=today + datetime.timedelta(days=40),
        active=True,
    )
    _agreement(
        drammen,
        by,
        "Seniortreff med sponsor",
        {"Elvebyen Regnskap AS": "20 000 kroner i året til seniortreffene."},
        purpose="Seniortreff i menighetssalen annenhver uke.",
        starts_on=year_ago,
        review_on=today + datetime.timedelta(days=180),
        ends_on=today + datetime.timedelta(days=365),
        active=True,
    )
