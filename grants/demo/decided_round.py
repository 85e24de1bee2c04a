"""Last winter's round in the demo, decided: screening, reviews (one reviewer not impartial),
the ranking's proposals, decisions, an appeal changed on reconsideration, grants accepted, and
reports pre-filled from the activities."""

from __future__ import annotations

import datetime

from coordination.kernel.demo import DRAMMEN, LOM, VAGA, coordinator_of, days_ago, on
from coordination.models import Municipality, PartnerOrganisation, User
from grants.applications import services as applications
from grants.applications.models import Application
from grants.decisions import services as decisions
from grants.demo.applicants import apply, project_texts
from grants.demo.people import applicant_of, representative_of
from grants.models import Outcome, Recommendation, Round
from grants.reports import services as reports
from grants.reports.prefill import initial_values
from grants.review import services as review


def decided_round(round_: Round, officer: User, reviewers: list[User]) -> None:
    year = round_.closes_at.year
    lom_centre = PartnerOrganisation.objects.get(name="Lom frivilligsentral")
    drammen_centre = PartnerOrganisation.objects.get(name="Frivilligsentralen i Drammen")
    friday = list(lom_centre.activities.filter(title__startswith="Fredagstreff")[:1])
    submitted = round_.opens_at.date() + datetime.timedelta(days=30)
    with on(submitted):
        friday_app = apply(
            representative_of("Lom frivilligsentral"),
            round_,
            title="Fredagstreff med skyss i grendene",
            municipality=LOM,
            organisation=lom_centre,
            budget=[
                (year, "Skyss og følgje", "grant", 120_000),
                (year, "Kaffi og mat", "grant", 60_000),
                (year + 1, "Skyss og følgje", "grant", 120_000),
                (year + 1, "Kaffi og mat", "grant", 60_000),
                (year, "Frivillig innsats og lokale", "own", 40_000),
            ],
            partners=[
                (
                    {"municipality": Municipality.objects.get(pk=LOM)},
                    "Heimetenesta fortel brukarane om treffa og melder på dei som vil.",
                ),
                (
                    {"organisation": PartnerOrganisation.objects.get(name="Lom pensjonistlag")},
                    "Pensjonistlaget står for kaffien og køyrer.",
                ),
            ],
            activities=friday,
            texts=project_texts(
                "Fredagstreff kvar veke med henting gjennom Bøverdalen og Garmo.",
                "Heimebuande eldre, også personar med demens, som sit mykje åleine.",
                "Frivilligsentralen held fram med treffa; kommunen tek skyssen inn i budsjettet.",
                year,
                years=2,
            ),
        )
        vaga_app = apply(
            coordinator_of(VAGA),
            round_,
            title="Frivilligkoordinator i Vågå – første år",
            municipality=VAGA,
            budget=[
                (year, "Koordinator i 40 % stilling", "grant", 250_000),
                (year, "Kontor og telefon", "own", 30_000),
            ],
            texts=project_texts(
                "Ein koordinator som knyter frivillige til heimetenesta i Vågå.",
                "Heimebuande eldre med lite nettverk.",
                "Stillinga blir vidareført i kommunebudsjettet frå år to.",
                year,
            ),
        )
        drammen_app = apply(
            coordinator_of(DRAMMEN),
            round_,
            title="Besøksvenner for hjemmeboende med demens",
            municipality=DRAMMEN,
            budget=[(year, "Opplæring og oppfølging av besøksvenner", "grant", 250_000)],
            texts=project_texts(
                "Besøksvenner som får opplæring i demens og følges opp av kommunen.",
                "Hjemmeboende personer med demens og deres pårørende.",
                "Besøkstjenesten blir en fast del av frivillighetsarbeidet.",
                year,
            ),
        )
        digital_app = apply(
            representative_of("Frivilligsentralen i Drammen"),
            round_,
            title="Digital hjelp for seniorer på biblioteket",
            municipality=DRAMMEN,
            organisation=drammen_centre,
            budget=[(year, "Nettbrett og kurs", "grant", 300_000)],
            texts=project_texts(
                "Drop-in med digital hjelp to dager i uka.",
                "Seniorer som vil lære.",
                "Biblioteket viderefører tilbudet.",
                year,
            ),
        )
        minibus_app = apply(
            representative_of("Frivilligsentralen i Drammen"),
            round_,
            title="Ny minibuss til dagsenteret",
            municipality=DRAMMEN,
            organisation=drammen_centre,
            budget=[(year, "Minibuss", "grant", 450_000)],
            texts=project_texts(
                "En minibuss til turer.", "Brukere av dagsenteret.", "Bussen varer.", year
            ),
        )
        every = [friday_app, vaga_app, drammen_app, digital_app, minibus_app]
        for application in every:
            applications.submit_application(by=application.created_by, application=application)

    screened = round_.closes_at.date() + datetime.timedelta(days=7)
    with on(screened):
        for application in every[:4]:
            review.screen_application(by=officer, application=application, eligible=True)
        review.screen_application(
            by=officer,
            application=minibus_app,
            eligible=False,
            reason="Ordninga gir ikkje tilskot til køyretøy åleine.",
        )
        review.assign_reviewers(by=officer, applications=every[:4], reviewers=reviewers)

    _reviews(round_, reviewers, friday_app, vaga_app, drammen_app, digital_app, screened)

    decided = screened + datetime.timedelta(days=35)
    with on(decided):
        for application, amount in (
            (friday_app, 360_000),
            (vaga_app, 150_000),
            (drammen_app, 250_000),
            (digital_app, None),
        ):
            review.propose_award(by=officer, application=application, amount=amount)
            review.close_review(by=officer, application=application)
        decisions.decide_application(
            by=officer,
            application=friday_app,
            outcome=Outcome.GRANTED,
            amounts_by_year={year: 180_000, year + 1: 180_000},
            grounds="Eit godt samarbeid mellom kommunen og laga, med skyss for dei som treng det.",
            conditions="Tilskotet skal brukast til skyss og treff som skildra i søknaden.",
        )
        vaga_decision = decisions.decide_application(
            by=officer,
            application=vaga_app,
            outcome=Outcome.PARTLY_GRANTED,
            amounts_by_year={year: 150_000},
            grounds="Godt forankra, men planen for samarbeid med laga er tynn.",
        )
        decisions.decide_application(
            by=officer,
            application=drammen_app,
            outcome=Outcome.GRANTED,
            amounts_by_year={year: 250_000},
            grounds="Søknaden når personer med demens og gir besøksvennene god opplæring.",
        )
        decisions.decide_application(
            by=officer,
            application=digital_app,
            outcome=Outcome.REJECTED,
            amounts_by_year={},
            grounds="Søknaden ble rangert lavere enn andre innenfor rammen; få samarbeidspartnere.",
        )
        decisions.decide_application(
            by=officer,
            application=minibus_app,
            outcome=Outcome.REJECTED,
            amounts_by_year={},
            grounds="Søknaden fyller ikke vilkårene: ordningen gir ikke tilskudd til kjøretøy.",
        )

    with on(decided + datetime.timedelta(days=10)):
        appeal = decisions.lodge_appeal(
            by=coordinator_of(VAGA),
            application=vaga_app,
            reason="Vi har no avtale med pensjonistlaget og Vågå frivilligsentral om besøka.",
        )
        for application in (friday_app, drammen_app):
            decisions.accept_grant(by=applicant_of(application), application=application)
    with on(decided + datetime.timedelta(days=24)):
        decisions.handle_appeal(
            by=officer,
            appeal=appeal,
            handling="changed",
            outcome=Outcome.PARTLY_GRANTED,
            amounts_by_year={year: 200_000},
            notes="Samarbeidsavtalen med laga svarer på det som mangla.",
            grounds="Med avtalen med laga er planen for samarbeid god nok til ein større del.",
        )
        assert vaga_decision.application_id == vaga_app.pk
        decisions.accept_grant(by=coordinator_of(VAGA), application=vaga_app)

    with on(decided + datetime.timedelta(days=23)):
        decisions.close_rejected_cases()  # the nightly job, once the appeal time is over
    _reports(friday_app, vaga_app, officer, year)


def _reviews(round_: Round, reviewers, friday, vaga, drammen, digital, screened) -> None:
    criteria = list(round_.criteria.all())
    # (application, reviewer index) -> the score they gave every criterion, and recommendation
    given = {
        (friday.pk, 0): (5, Recommendation.GRANT),
        (friday.pk, 1): (4, Recommendation.GRANT),
        (vaga.pk, 0): (3, Recommendation.GRANT_PARTLY),
        (drammen.pk, 0): (4, Recommendation.GRANT),
        (drammen.pk, 1): (4, Recommendation.GRANT),
        (digital.pk, 0): (3, Recommendation.GRANT_PARTLY),
        (digital.pk, 1): (1, Recommendation.REJECT),
    }
    with on(screened + datetime.timedelta(days=14)):
        for index, reviewer in enumerate(reviewers):
            for assignment in reviewer.review_assignments.filter(application__round=round_):
                if (assignment.application_id, index) not in given:
                    review.declare_impartiality(
                        by=reviewer,
                        assignment=assignment,
                        impartial=False,
                        conflict="Mannen min arbeider i heimetenesta i Vågå.",
                    )
                    continue
                review.declare_impartiality(by=reviewer, assignment=assignment, impartial=True)
                value, recommendation = given[(assignment.application_id, index)]
                scores = {
                    c.pk: (None if c.order == 6 and value < 3 else max(0, value - c.order % 2), "")
                    for c in criteria
                }
                review.score_application(
                    by=reviewer,
                    assignment=assignment,
                    scores=scores,
                    recommendation=recommendation,
                    comment="Vurdert etter kriteria.",
                    submit=True,
                )


def _reports(friday: Application, vaga: Application, officer: User, year: int) -> None:
    with on(days_ago(60)):
        progress = friday.reports.get(kind="progress")
        marit = representative_of("Lom frivilligsentral")
        # The form opens with what Samspill counted in the Friday gathering; Marit adds the rest.
        progress = reports.prefill_report(by=marit, report=progress)
        reports.save_report(
            by=marit,
            report=progress,
            **initial_values(progress.prefilled_from),
            senior_volunteers=4,
            what_was_done="Fredagstreff kvar veke sidan mars, med henting i Bøverdalen og Garmo.",
            money_used=150_000,
            what_lasted="Pensjonistlaget køyrer fast; heimetenesta melder på.",
        )
        reports.submit_report(by=marit, report=progress)
    with on(days_ago(52)):
        reports.assess_report(by=officer, report=progress, approve=True)
    with on(days_ago(20)):
        final = vaga.reports.get(kind="final")
        eirik = coordinator_of(VAGA)
        reports.save_report(
            by=eirik,
            report=final,
            what_was_done="Koordinatoren har rekruttert 23 frivillige og starta tre besøksgrupper.",
            participants_reached=64,
            sessions_held=96,
            volunteers_involved=23,
            volunteer_hours=410,
            senior_volunteers=11,
            money_used=200_000,
            what_lasted="Stillinga er vidareført i budsjettet for neste år.",
        )
        reports.submit_report(by=eirik, report=final)
    with on(days_ago(12)):
        reports.assess_report(by=officer, report=final, approve=True)
