"""Writing applications in the demo: a whole application through the applicant's services
(project, budget, answers, partners who confirm from their own login), and this winter's open
round."""

from __future__ import annotations

import datetime

from coordination.kernel.demo import DRAMMEN, LOM, VAGA, coordinator_of, days_ago, on
from coordination.models import Municipality, PartnerOrganisation, User
from grants.applications import services as applications
from grants.applications.models import Application
from grants.demo.people import representative_of, speaker_for
from grants.models import Round


def apply(
    by: User,
    round_: Round,
    *,
    title: str,
    municipality: str,
    organisation=None,
    budget: list[tuple[int, str, str, int]],
    partners=(),
    activities=(),
    light=False,
    texts: dict | None = None,
) -> Application:
    """A whole application, written on the day the ``on`` around it says."""
    application = applications.start_application(
        by=by,
        round=round_,
        title=title,
        municipality=Municipality.objects.get(pk=municipality),
        organisation=organisation,
        light=light,
    )
    applications.update_application(by=by, application=application, **(texts or {}))
    if activities:
        applications.set_activities(by=by, application=application, activities=activities)
    applications.replace_budget(
        by=by,
        application=application,
        lines=[
            {"year": year, "description": what, "source": source, "amount": amount}
            for year, what, source, amount in budget
        ],
    )
    applications.save_answers(
        by=by,
        application=application,
        answers={q.pk: ANSWER for q in round_.questions.all() if not light or q.in_light_form},
    )
    for partner, contribution in partners:
        found = applications.add_partner(
            by=by, application=application, contribution=contribution, **partner
        )
        applications.answer_partnership(by=speaker_for(found), partner=found, confirm=True)
    return application


ANSWER = (
    "Heimetenesta og frivilligsentralen ringjer rundt til dei som bur åleine, og vi hentar "
    "dei som ikkje kjem seg fram sjølve."
)


def project_texts(
    summary: str, target_groups: str, continuation: str, year: int, years: int = 1
) -> dict:
    return {
        "summary": summary,
        "description": summary
        + " Tiltaket blir planlagt saman med kommunen, frivilligsentralen og laga i bygda.",
        "target_groups": target_groups,
        "planned_activities": "Faste treff, skyss og følgje, opplæring av frivillige.",
        "continuation": continuation,
        "starts_on": datetime.date(year, 3, 1),
        "ends_on": datetime.date(year + years - 1, 12, 31),
    }


def open_round(round_: Round) -> None:
    year = round_.closes_at.year
    lom_centre = PartnerOrganisation.objects.get(name="Lom frivilligsentral")
    with on(days_ago(12)):
        apply(
            representative_of("Lom frivilligsentral"),
            round_,
            title="Eldrekraft: seniorar som frivillige i skulen",
            municipality=LOM,
            organisation=lom_centre,
            budget=[(year, "Koordinering og opplæring", "grant", 90_000)],
            light=True,
            texts={"summary": "Pensjonistar les med elevar og fortel om bygda før i tida."},
        )
    with on(days_ago(8)):
        drammen = apply(
            coordinator_of(DRAMMEN),
            round_,
            title="Turgrupper med følge",
            municipality=DRAMMEN,
            budget=[(year, "Turledere og følge", "grant", 200_000)],
            texts=project_texts(
                "Ukentlige turgrupper med følge for dem som ikke går alene.",
                "Hjemmeboende eldre med nedsatt gangfunksjon.",
                "Turgruppene drives videre av frivilligsentralen.",
                year,
            ),
        )
        applications.submit_application(by=drammen.created_by, application=drammen)
    with on(days_ago(3)):
        joint = apply(
            coordinator_of(VAGA),
            round_,
            title="Felles frivilligkoordinering i Lom og Vågå",
            municipality=VAGA,
            budget=[
                (year, "Felles koordinator", "grant", 300_000),
                (year + 1, "Felles koordinator", "grant", 300_000),
            ],
            partners=[
                (
                    {"municipality": Municipality.objects.get(pk=LOM)},
                    "Lom deler koordinatoren og kontoret på Lom helsetun.",
                )
            ],
            texts=project_texts(
                "Ein koordinator for to små kommunar, med kontordagar i begge.",
                "Heimebuande eldre i Lom og Vågå.",
                "Kommunane deler stillinga vidare etter prosjektet.",
                year,
                years=2,
            ),
        )
        applications.submit_application(by=joint.created_by, application=joint)
