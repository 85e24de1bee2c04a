# ruff: noqa: E501  (one line of a role description a line reads best)
"""Samspill's starter roles: a visiting friend and a driver in elder care, each saying in
plain words what the volunteer does and does not do. A coordinator starts from one on the role
list and adapts it; the demo uses them too.

Written for this product, in bokmål and English. Not gettext: once saved, the text is the
municipality's own and is edited there. One thing a line. They keep to the ground rules:
volunteers never give health care, never replace staff in statutory tasks, never handle money
or keys. Whether a role requires a police certificate, which kinds and why is deliberately
left out: the coordinator decides and writes the legal basis."""

from __future__ import annotations

STARTER_ROLES: list[dict] = [
    {
        "key": "visiting_friend",
        "interest": "visiting_friend",
        "name_nb": "Besøksvenn",
        "name_en": "Visiting friend",
        "what_you_do_nb": """Besøker personen fast, for eksempel en gang i uka, til tider dere avtaler
Prater, drikker en kopp kaffe, leser avisa eller spiller kort sammen
Går tur sammen, eller følger personen til en aktivitet i nærheten
Sier fra til koordinatoren hvis du blir bekymret for personen, eller ikke kan komme""",
        "what_you_do_not_do_nb": """Gir medisiner eller annen helsehjelp
Hjelper med personlig stell, dusj eller toalettbesøk
Tar deg av penger, bankkort, nøkler eller post
Gjør oppgaver hjemmetjenesten har ansvaret for, som rengjøring eller praktisk bistand personen har vedtak om
Forteller videre det du får vite om personen""",
        "what_you_do_en": """Visit the person regularly, for example once a week, at times you agree on
Talk, have a cup of coffee, read the paper or play cards together
Go for a walk together, or go with the person to an activity nearby
Tell the coordinator if you are worried about the person, or cannot come""",
        "what_you_do_not_do_en": """Give medicine or any other health care
Help with personal care, showering or going to the toilet
Handle money, bank cards, keys or post
Do tasks the home care service is responsible for, such as cleaning or practical help the person has a decision for
Pass on what you learn about the person""",
    },
    {
        "key": "driver",
        "interest": "transport",
        "name_nb": "Sjåfør",
        "name_en": "Driver",
        "what_you_do_nb": """Kjører personen med din egen bil til og fra avtaler, aktiviteter eller butikken
Hjelper personen inn og ut av bilen, og følger til døra
Venter, eller henter igjen til tiden dere har avtalt
Sier fra til koordinatoren i god tid hvis du ikke kan kjøre som avtalt""",
        "what_you_do_not_do_nb": """Kjører uten gyldig førerkort, eller med en bil som ikke er trygg
Løfter eller bærer personen, eller gir helsehjelp underveis
Tar betalt for turen (kilometergodtgjørelse fra kommunen er noe annet)
Tar deg av penger, bankkort eller nøkler
Tar med personen på egne ærend uten at dere har avtalt det""",
        "what_you_do_en": """Drive the person in your own car to and from appointments, activities or the shop
Help the person in and out of the car, and walk with them to the door
Wait, or pick them up again at the time you agreed
Tell the coordinator in good time if you cannot drive as agreed""",
        "what_you_do_not_do_en": """Drive without a valid licence, or in a car that is not safe
Lift or carry the person, or give health care on the way
Take payment for the trip (the municipality's mileage allowance is something else)
Handle money, bank cards or keys
Take the person along on your own errands without agreeing on it first""",
    },
]


def starter_role(key: str, language: str = "nb") -> dict | None:
    """The starter role ``key`` in ``language`` (bokmål unless English is asked for), as the
    fields of a role: name, interest, what_you_do, what_you_do_not_do."""
    suffix = "en" if language.startswith("en") else "nb"
    for role in STARTER_ROLES:
        if role["key"] == key:
            return {
                "name": role[f"name_{suffix}"],
                "interest": role["interest"],
                "what_you_do": role[f"what_you_do_{suffix}"],
                "what_you_do_not_do": role[f"what_you_do_not_do_{suffix}"],
            }
    return None


def starter_choices(language: str = "nb") -> list[tuple[str, str]]:
    suffix = "en" if language.startswith("en") else "nb"
    return [(role["key"], role[f"name_{suffix}"]) for role in STARTER_ROLES]
