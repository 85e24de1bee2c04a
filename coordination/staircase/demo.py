"""Demo staircase assessments for ``seed_demo``: Lom at level 2 going on 3 (a new coordinator,
two assessments a year apart), Drammen at level 4 after two years, and a few municipalities of
each size class so the comparison page has content (some agree to be named). Idempotent: a
municipality that already has a completed assessment is left as it is.

It runs after the other demo steps (``order=90``): the latest assessments of Lom and Drammen
store the evidence of the data those steps made, and their answers agree with it, or say in a
comment why not.

The one demo step that writes rows itself rather than through the area's services:
``save_assessment`` stamps the day it runs and today's evidence, while this history is
back-dated (with today's evidence only on the latest), and most of it belongs to
municipalities whose people are not in the demo."""

from __future__ import annotations

import datetime

from django.utils import timezone

from coordination.kernel.contributions import contribute
from coordination.kernel.demo import DRAMMEN, LOM, coordinator_of
from coordination.kernel.models import Municipality, User
from coordination.staircase import scoring
from coordination.staircase.evidence import evidence_fields, evidence_in_every_language
from coordination.staircase.models import Answer, Assessment, Indicator, StaircaseSharing

# Per level, the answers to its indicators in order ("y" yes, "p" partly, "n" no; the last
# letter repeats when a level has more indicators).
LOM_A_YEAR_AGO = {1: "yyyp", 2: "ypnpn", 3: "pnnnnnnn", 4: "n", 5: "n"}
LOM_NOW = {1: "yyyy", 2: "yyyyp", 3: "yyyppppp", 4: "pyynynppn", 5: "n"}
DRAMMEN_HISTORY = [
    (24, {1: "yyyy", 2: "yyyyp", 3: "yyyppnnn", 4: "ppnnnnnnn", 5: "n"}),
    (12, {1: "yyyy", 2: "yyyyy", 3: "yyyyyypp", 4: "yyyyppnnn", 5: "pnnn"}),
]
DRAMMEN_NOW = {1: "yyyy", 2: "yyyyy", 3: "yyyyyyyp", 4: "yyyyyyyyp", 5: "ppypnnp"}
# A believable pattern reaching each level.
REACHING = {
    1: {1: "yyyp", 2: "yppnn", 3: "pnnn", 4: "n", 5: "n"},
    2: {1: "yyyy", 2: "yyyyp", 3: "yypppnnn", 4: "pnnn", 5: "n"},
    3: {1: "yyyy", 2: "yyyyy", 3: "yyyyyypp", 4: "yypppnnnn", 5: "n"},
    4: {1: "yyyy", 2: "yyyyy", 3: "yyyyyyyy", 4: "yyyyyyypp", 5: "ppnnnnn"},
    5: {1: "yyyy", 2: "yyyyy", 3: "yyyyyyyy", 4: "yyyyyyyyy", 5: "yyyyypp"},
}
# (municipality number, level reached, agrees to be named, months ago); all take part in the
# comparison (which is opt-in) so that the demo shows it
OTHERS = [
    ("3435", 2, True, 3),  # Vågå
    ("3433", 1, False, 5),  # Skjåk
    ("3432", 3, False, 8),  # Lesja
    ("3431", 2, True, 2),  # Dovre
    ("3437", 3, True, 4),  # Sel
    ("3436", 2, False, 6),  # Nord-Fron
    ("1579", 1, False, 9),  # Hustadvika
    ("3405", 3, True, 2),  # Lillehammer
    ("3407", 4, False, 7),  # Gjøvik
    ("4601", 4, True, 3),  # Bergen
    ("5001", 3, False, 5),  # Trondheim
    ("4204", 3, False, 10),  # Kristiansand
    ("3907", 2, False, 4),  # Sandefjord
    ("1103", 5, True, 1),  # Stavanger
]
LOM_COMMENTS = {
    "named_coordinator": "Ny frivilligkoordinator i 50 % stilling frå i vår.",
    "volunteers_registered": "Seks frivillige er registrerte, fleire er på veg.",
    "declarations_signed": "Fire av seks har skrive under. Nils manglar framleis.",
    "routines_exist": "Vi har rutine for mottak av nye frivillige, men ikkje for oppfølging.",
    "wheel_most_months": "Årshjulet har fredagsklubben og julemarknaden, men sommaren er tom.",
    "partners_mapped": "Frivilligsentralen, pensjonistlaget, sanitetslaget og Fjellmuseet.",
    "active_agreement": "Samarbeidsavtale med frivilligsentralen frå i år.",
    "unit_contacts": "Sjukeheimen og heimetenesta har kvar sin frivilligkontakt.",
    "intro_course_this_year": "Vi heldt introduksjonskurs i mars, saman med frivilligsentralen.",
    "routines_reviewed": "Vi har gått gjennom begge rutinane i år, men ikkje saman med frivillige.",
    "responsibility_map": "Ansvarskartet er laga, men éi oppgåve manglar framleis ein ansvarleg.",
}
# What Drammen's coordinator wrote beside the answers the portal's own data also shows.
DRAMMEN_COMMENTS = {
    "needs_mapped": "Hjemmetjenesten melder behov, og koordinatoren kartlegger dem i samtaler.",
    "volunteers_registered": "40 frivillige er registrert; frivilligsentralen legger inn flere.",
    "declarations_signed": "Nesten alle har skrevet under; de siste har fått påminnelse.",
    "intro_course_this_year": "Introduksjonskurset holdes sammen med frivilligsentralen.",
}


def _values(pattern: dict[int, str], indicators: list[Indicator]) -> dict[int, str]:
    position: dict[int, int] = {}
    letters = {"y": "yes", "p": "partly", "n": "no"}
    found = {}
    for indicator in indicators:
        number = indicator.level.number
        index = position.get(number, 0)
        position[number] = index + 1
        code = pattern[number]
        found[indicator.pk] = letters[code[min(index, len(code) - 1)]]
    return found


def _record(
    number: str,
    pattern: dict[int, str],
    months_ago: int,
    *,
    by: User | None,
    indicators: list[Indicator],
    comments: dict[str, str] | None = None,
    evidence: dict | None = None,
) -> Assessment:
    values = _values(pattern, indicators)
    result = scoring.score(scoring.Item(i.level.number, values[i.pk]) for i in indicators)
    day = timezone.localdate() - datetime.timedelta(days=round(months_ago * 30.4))
    Assessment.objects.in_municipality(number).filter(is_current=True).update(is_current=False)
    assessment = Assessment.objects.create(
        municipality_id=number,
        status=Assessment.Status.COMPLETED,
        made_by=by,
        completed_on=day,
        level_reached=result.level,
        score=result.score,
        is_current=True,
    )
    comments, evidence = comments or {}, evidence or {}
    rows, commented = [], set()
    for indicator in indicators:
        comment = (
            "" if indicator.evidence_key in commented else comments.get(indicator.evidence_key, "")
        )
        if comment:
            commented.add(indicator.evidence_key)
        rows.append(
            Answer(
                assessment=assessment,
                indicator=indicator,
                level_number=indicator.level.number,
                value=values[indicator.pk],
                comment=comment,
                **evidence_fields(evidence, indicator.evidence_key),
            )
        )
    Answer.objects.bulk_create(rows)
    return assessment


@contribute.demo_step(order=90)  # last but one: see the docstring
def seed(command) -> None:
    indicators = list(Indicator.objects.active().in_order())
    if not indicators:
        return
    assessed = set(
        Assessment.objects.completed().values_list("municipality_id", flat=True).distinct()
    )
    if LOM not in assessed:
        by = coordinator_of(LOM)
        _record(LOM, LOM_A_YEAR_AGO, 14, by=by, indicators=indicators)
        lom = Municipality.objects.get(pk=LOM)
        _record(
            LOM,
            LOM_NOW,
            2,
            by=by,
            indicators=indicators,
            comments=LOM_COMMENTS,
            evidence=evidence_in_every_language(lom, indicators),
        )
        StaircaseSharing.objects.get_or_create(
            municipality_id=LOM, defaults={"takes_part": True, "share_name": True}
        )
    if DRAMMEN not in assessed:
        by = coordinator_of(DRAMMEN)
        for months_ago, pattern in DRAMMEN_HISTORY:
            _record(DRAMMEN, pattern, months_ago, by=by, indicators=indicators)
        _record(
            DRAMMEN,
            DRAMMEN_NOW,
            1,
            by=by,
            indicators=indicators,
            comments=DRAMMEN_COMMENTS,
            evidence=evidence_in_every_language(Municipality.objects.get(pk=DRAMMEN), indicators),
        )
        StaircaseSharing.objects.get_or_create(
            municipality_id=DRAMMEN, defaults={"takes_part": True, "share_name": True}
        )
    for number, level, named, months_ago in OTHERS:
        if number in assessed:
            continue
        _record(number, REACHING[level], months_ago, by=None, indicators=indicators)
        StaircaseSharing.objects.get_or_create(
            municipality_id=number, defaults={"takes_part": True, "share_name": named}
        )
