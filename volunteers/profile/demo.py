"""The volunteers' part of ``seed_demo`` begins here: Lom's declaration and its six volunteers
(step 40), with the tools the whole story is told with. Screening's part is in
``volunteers/screening/demo.py``; needs, invitations, a visiting-friend pairing, hours and Drammen
in ``volunteers/needs/demo.py`` (steps 50 and 60).

Every write goes through the same service a person's click would call, on the day it happened
(``on(day)`` moves the clock there), so the demo can never show a state the services refuse,
and its dates agree with each other: nobody answers before they are invited, logs hours before
they started, or holds a role before they registered. Idempotent: a municipality whose
volunteers are already there is left as it is."""

import datetime

from allauth.account.models import EmailAddress
from django.utils import translation

from coordination.kernel.contributions import contribute
from coordination.kernel.demo import DEMO_PASSWORD, LOM, VAGA, coordinator_of, days_ago, on
from coordination.kernel.languages import language_of_municipality
from coordination.models import Municipality, User
from coordination.partners.models import PartnerOrganisation
from volunteers.models import DeclarationText, Volunteer
from volunteers.profile.services import (
    publish_declaration,
    register_volunteer,
    sign_declaration,
    starter_declaration_text,
    update_profile,
)
from volunteers.registry.services.by_hand import register_by_phone

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
    "\n\nNytt i versjon 2: Du deler ikkje bilete eller opplysningar om den du besøkjer, i "
    "sosiale medium, heller ikkje når personen sjølv seier at det er greitt."
)


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
    # They registered on their municipality's pages, so they consented to its language's text.
    with translation.override(language_of_municipality(municipality)):
        return register_volunteer(user=user, profile=profile, interests=interests, consented=True)


def _sign(volunteer: Volunteer, text) -> None:
    sign_declaration(volunteer=volunteer, text=text, by=volunteer.user)


# --- Lom ---------------------------------------------------------------------------------


@contribute.demo_step(order=40)
def seed_volunteers(command) -> None:
    """Lom's declaration (two versions) and six volunteers who registered over three years."""
    lom = Municipality.objects.get(pk=LOM)
    if Volunteer.objects.in_municipality(lom).exists():
        return
    coordinator = coordinator_of(LOM)
    with on(days_ago(1215)), translation.override(language_of_municipality(LOM)):
        first = publish_declaration(
            municipality=lom,
            body=starter_declaration_text(language_of_municipality(lom)),
            by=coordinator,
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
    _through_the_volunteer_centre(volunteers["ola"])


# issue 13: Ola volunteers through Lom frivilligsentral, which checks the police certificates of
# its volunteers; Lom's agreement with the centre accepts that check (partners' demo), so Ola is
# ready as a visiting friend without a check of the municipality's own (screening's demo).
THROUGH_CENTRE = "Lom frivilligsentral"


def _through_the_volunteer_centre(volunteer: Volunteer) -> None:
    """The volunteer says on their own page which organisation they volunteer through."""
    centre = PartnerOrganisation.objects.filter(name=THROUGH_CENTRE).first()
    if centre is None:
        return
    with on(days_ago(390), hour=20):
        update_profile(
            volunteer=volunteer,
            profile={"through_organisation": centre},
            interests=volunteer.interest_codes,
            by=volunteer.user,
        )


def _key(volunteer: Volunteer) -> str:
    if not volunteer.user_id:  # registered by phone, without a login
        return f"phone-{volunteer.pk}"
    return volunteer.user.email.split("@")[0].removeprefix("frivillig.")


# Lom's volunteer without email: she called the coordinator, who registered her by phone and
# read the consent out to her (issue 13).
PHONE_VOLUNTEER = {
    "name": "Jorunn Lindsheim",
    "phone": "612 45 678",
    "area": "Bøverdalen",
    "skills": "Baking og strikking; kjenner dei fleste i dalen",
    "weekday_daytime": True,
    "frequency": "weekly",
    "contact_by": "phone",
}


@contribute.demo_step(order=41)
def seed_volunteer_by_phone(command) -> None:
    """One Lom volunteer with no email and no login, registered by the coordinator by phone."""
    lom = Municipality.objects.get(pk=LOM)
    if Volunteer.objects.in_municipality(lom).filter(name=PHONE_VOLUNTEER["name"]).exists():
        return
    with on(days_ago(20), hour=10), translation.override(language_of_municipality(lom)):
        register_by_phone(
            municipality=lom,
            by=coordinator_of(LOM),
            details=PHONE_VOLUNTEER,
            interests=["visiting_friend"],
            consent_given=True,
        )


def _lom_new_declaration(lom: Municipality, volunteers: dict, by: User) -> None:
    """Last week Lom published version 2 of its declaration (after the needs step's invitations
    were sent); four have signed it, so Nils and Tor see no one's details until they sign again."""
    first = DeclarationText.objects.get(municipality=lom, version=1)
    with on(days_ago(6)):
        second = publish_declaration(municipality=lom, body=first.body + DECLARATION_V2_NOTE, by=by)
    for number, key in enumerate(SIGNED_LATEST):
        with on(days_ago(5 - number), hour=20):
            _sign(volunteers[key], second)


# --- Vågå, Lom's neighbour -----------------------------------------------------------------

# Nils in Bøverdalen drives for Lom; since the summer he also drives for Vågå (issue 13: one
# login, a membership in each municipality, each with its own consent and declaration).
NILS_IN_VAGA = {"area": "Vågåmo", "weekday_daytime": True, "can_drive": True, "has_car": True}


@contribute.demo_step(order=42)
def seed_neighbouring_volunteer(command) -> None:
    """Vågå publishes its declaration; Nils from Lom joins Vågå as a driver and signs it."""
    vaga = Municipality.objects.get(pk=VAGA)
    if Volunteer.objects.in_municipality(vaga).exists():
        return
    language = language_of_municipality(vaga)
    with on(days_ago(400)), translation.override(language):
        declaration = publish_declaration(
            municipality=vaga, body=starter_declaration_text(language), by=coordinator_of(VAGA)
        )
    nils = User.objects.get(email="frivillig.nils@samspill.example")
    with on(days_ago(150), hour=18), translation.override(language):
        joined = register_volunteer(
            user=nils,
            profile={"municipality": vaga, **NILS_IN_VAGA},
            interests=["transport"],
            consented=True,
        )
    with on(days_ago(149), hour=19):
        _sign(joined, declaration)


# --- Drammen -----------------------------------------------------------------------------

# Drammen, the larger municipality at staircase level 4: many registered volunteers, nearly
# all of them signed, an introductory course held this year, needs followed through the method.
DRAMMEN_AREAS = ["Bragernes", "Strømsø", "Konnerud", "Fjell", "Åssiden", "Gulskogen"]
DRAMMEN_FIRST = ["Aud", "Bjørn", "Eva", "Geir", "Hilde", "Ivar", "Jorunn", "Knut", "Liv", "Magne"]
DRAMMEN_LAST = ["Andersen", "Berg", "Dahl", "Hansen"]
DRAMMEN_INTERESTS = ["visiting_friend", "transport", "digital_help", "walks", "culture"]


def _drammen_volunteers(drammen: Municipality, by: User) -> list[Volunteer]:
    """40 volunteers who registered over two years; 36 signed the declaration."""
    with on(days_ago(730)), translation.override(language_of_municipality(drammen)):
        declaration = publish_declaration(
            municipality=drammen,
            body=starter_declaration_text(language_of_municipality(drammen)),
            by=by,
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
