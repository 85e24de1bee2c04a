"""The grants' demo story (``seed_demo`` step 85, after the activities a grant report counts):
Helsedirektoratet runs the national scheme for activity measures for the elderly. Last winter's
round is decided: Lom frivilligsentral's Friday gathering with pick-up through the villages —
a joint application with Lom municipality and Lom pensjonistlag — got two years; Vågå asked
for its first volunteer coordinator, got part of it, appealed and got more on reconsideration;
Drammen's visiting friends for people with dementia were granted, the volunteer centre's
digital help was not, and its minibus was not eligible. One reviewer was not impartial on
Vågå's application (her husband works in Vågå's home care) and stood aside. Reports are
coming in. This winter's round is open: Lom frivilligsentral is writing about seniors as
volunteers in the school, Drammen has applied, and Vågå and Lom apply together for a shared
coordinator.

Lom has its own small scheme for local associations too (a municipal grant-maker), whose
officer may not handle an application where Lom itself is a party.

Told through the services on the day each thing happened (``on(day)``). Idempotent: a demo
with the national grant-maker already there is left as it is."""

from __future__ import annotations

import datetime

from django.utils import timezone

from coordination.kernel.contributions import contribute
from coordination.kernel.demo import (
    DEMO_PASSWORD,
    DRAMMEN,
    LOM,
    VAGA,
    coordinator_of,
    days_ago,
    demo_login,
    on,
)
from coordination.models import (
    GrantMaker,
    GrantRole,
    Membership,
    Municipality,
    PartnerOrganisation,
    Role,
    User,
)
from coordination.starting.demo import national_administrator
from grants.applications import services as applications
from grants.applications.models import Application
from grants.decisions import services as decisions
from grants.models import Outcome, Recommendation, Round
from grants.reports import services as reports
from grants.reports.prefill import initial_values
from grants.review import services as review
from grants.schemes import services as schemes

NATIONAL = "Helsedirektoratet"
OFFICER = ("saksbehandlar.helsedir@samspill.example", "Sigrid Lien")
REVIEWERS = [
    ("fagvurderar.helsedir@samspill.example", "Olav Moen"),
    ("fagvurderar2.helsedir@samspill.example", "Hanne Berg"),
]
LOM_OFFICER = ("saksbehandlar.lom@samspill.example", "Eli Garmo")
# Representatives of the organisations that apply (besides Lom frivilligsentral's Marit).
REPRESENTATIVES = [
    ("pensjonistlag.lom@samspill.example", "Ragnhild Sulheim", LOM, "Lom pensjonistlag"),
    (
        "frivilligsentral.drammen@samspill.example",
        "Jonas Berg",
        DRAMMEN,
        "Frivilligsentralen i Drammen",
    ),
]


def _representative_of(name: str) -> User:
    return (
        Membership.objects.filter(role=Role.PARTNER_REPRESENTATIVE, organisation__name=name)
        .select_related("user")
        .order_by("pk")
        .first()
        .user
    )


def _people(command) -> dict[str, User]:
    people = {"officer": demo_login(*OFFICER)}
    people["reviewers"] = [demo_login(*person) for person in REVIEWERS]
    for email, full_name, number, organisation in REPRESENTATIVES:
        user = demo_login(email, full_name)
        Membership.objects.get_or_create(
            user=user,
            municipality_id=number,
            role=Role.PARTNER_REPRESENTATIVE,
            defaults={"organisation": PartnerOrganisation.objects.get(name=organisation)},
        )
    for label, (email, _name) in [
        ("grant-officer", OFFICER),
        ("grant-reviewer", REVIEWERS[0]),
        ("grant-reviewer-2", REVIEWERS[1]),
        ("grant-officer-lom", LOM_OFFICER),
        ("partner-lom-pensioners", REPRESENTATIVES[0][:2]),
        ("partner-drammen", REPRESENTATIVES[1][:2]),
    ]:
        command.stdout.write(f"{label} {email} {DEMO_PASSWORD}")
    return people


def _moment(day: datetime.date, hour: int, minute: int = 0) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour, minute)))


def _scheme(admin: User, officer: User):
    with on(days_ago(400)):
        national = schemes.create_grant_maker(
            by=admin,
            name=NATIONAL,
            kind=GrantMaker.Kind.NATIONAL,
            email="postmottak@helsedir.example",
        )
        schemes.add_grant_role(
            by=admin, grant_maker=national, email=officer.email, role=GrantRole.OFFICER
        )
        for email, _name in REVIEWERS:
            schemes.add_grant_role(
                by=officer, grant_maker=national, email=email, role=GrantRole.REVIEWER
            )
        scheme = schemes.create_scheme(
            by=officer,
            grant_maker=national,
            name="Tilskudd til aktivitetstiltak for eldre",
            name_nn="Tilskot til aktivitetstiltak for eldre",
            name_en="Grants for activity measures for the elderly",
            purpose=(
                "Aktivitetstiltak som forebygger ensomhet og passivitet blant eldre, og "
                "partnerskap mellom kommuner og frivillige som mobiliserer eldrekraft."
            ),
            purpose_nn=(
                "Aktivitetstiltak som førebyggjer einsemd og passivitet blant eldre, og "
                "partnarskap mellom kommunar og frivillige som mobiliserer eldrekraft."
            ),
            purpose_en=(
                "Activity measures that prevent loneliness and passivity among the elderly, and "
                "partnerships between municipalities and volunteers that mobilise «eldrekraft»."
            ),
            applicant_kinds="both",
            partnership_required=False,
            max_amount=500_000,
            max_years=3,
        )
    return national, scheme


def _round(officer: User, scheme, *, opened: datetime.date, closes: datetime.datetime, name: str):
    with on(opened - datetime.timedelta(days=10)):
        return schemes.create_round(
            by=officer,
            scheme=scheme,
            name=name,
            opens_at=_moment(opened, 8),
            closes_at=closes,
            budget=4_000_000,
            small_municipality_share=30,
            light_limit=100_000,
            progress_report_due=datetime.date(closes.year, 10, 1),
            final_report_due=datetime.date(closes.year + 1, 4, 1),
        )


def _apply(
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
        applications.answer_partnership(by=_speaker_for(found), partner=found, confirm=True)
    return application


def _speaker_for(partner) -> User:
    if partner.organisation_id:
        return _representative_of(partner.organisation.name)
    return coordinator_of(partner.municipality_id)


ANSWER = (
    "Heimetenesta og frivilligsentralen ringjer rundt til dei som bur åleine, og vi hentar "
    "dei som ikkje kjem seg fram sjølve."
)


def _texts(summary: str, target_groups: str, continuation: str, year: int, years: int = 1) -> dict:
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


@contribute.demo_step(order=85)  # after the activities a report counts; before the staircase
def seed(command) -> None:
    people = _people(command)
    if GrantMaker.objects.filter(name=NATIONAL).exists():
        return
    admin = national_administrator()
    officer, reviewers = people["officer"], people["reviewers"]
    national, scheme = _scheme(admin, officer)
    _lom_own_scheme(admin)
    closed_opened = days_ago(330)
    closed = _round(
        officer,
        scheme,
        opened=closed_opened,
        closes=_moment(closed_opened + datetime.timedelta(days=50), 12),
        name=str(closed_opened.year),
    )
    _closed_round(closed, officer, reviewers)
    opened = days_ago(33)
    open_round = _round(
        officer,
        scheme,
        opened=opened,
        closes=_moment(opened + datetime.timedelta(days=90), 12),
        name=str(opened.year + 1),
    )
    _open_round(open_round)


def _lom_own_scheme(admin: User) -> None:
    """Lom's own small scheme for local associations: a municipal grant-maker."""
    officer = demo_login(*LOM_OFFICER)
    with on(days_ago(200)):
        lom_grants = schemes.create_grant_maker(
            by=admin,
            name="Lom kommune",
            kind=GrantMaker.Kind.MUNICIPALITY,
            municipality=Municipality.objects.get(pk=LOM),
        )
        schemes.add_grant_role(
            by=admin, grant_maker=lom_grants, email=officer.email, role=GrantRole.OFFICER
        )
        scheme = schemes.create_scheme(
            by=officer,
            grant_maker=lom_grants,
            name="Tilskot til lag og foreiningar",
            purpose="Små tilskot til lag som skaper møteplassar for eldre i grendene.",
            applicant_kinds="organisations",
            partnership_required=False,
            max_amount=30_000,
            max_years=1,
        )
    opened = days_ago(20)
    with on(opened):
        schemes.create_round(
            by=officer,
            scheme=scheme,
            name=str(opened.year + 1),
            opens_at=_moment(opened, 8),
            closes_at=_moment(opened + datetime.timedelta(days=75), 15),
            budget=150_000,
            light_limit=30_000,
            final_report_due=datetime.date(opened.year + 2, 2, 1),
        )


def _closed_round(round_: Round, officer: User, reviewers: list[User]) -> None:
    year = round_.closes_at.year
    lom_centre = PartnerOrganisation.objects.get(name="Lom frivilligsentral")
    drammen_centre = PartnerOrganisation.objects.get(name="Frivilligsentralen i Drammen")
    friday = list(lom_centre.activities.filter(title__startswith="Fredagstreff")[:1])
    submitted = round_.opens_at.date() + datetime.timedelta(days=30)
    with on(submitted):
        friday_app = _apply(
            _representative_of("Lom frivilligsentral"),
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
            texts=_texts(
                "Fredagstreff kvar veke med henting gjennom Bøverdalen og Garmo.",
                "Heimebuande eldre, også personar med demens, som sit mykje åleine.",
                "Frivilligsentralen held fram med treffa; kommunen tek skyssen inn i budsjettet.",
                year,
                years=2,
            ),
        )
        vaga_app = _apply(
            coordinator_of(VAGA),
            round_,
            title="Frivilligkoordinator i Vågå – første år",
            municipality=VAGA,
            budget=[
                (year, "Koordinator i 40 % stilling", "grant", 250_000),
                (year, "Kontor og telefon", "own", 30_000),
            ],
            texts=_texts(
                "Ein koordinator som knyter frivillige til heimetenesta i Vågå.",
                "Heimebuande eldre med lite nettverk.",
                "Stillinga blir vidareført i kommunebudsjettet frå år to.",
                year,
            ),
        )
        drammen_app = _apply(
            coordinator_of(DRAMMEN),
            round_,
            title="Besøksvenner for hjemmeboende med demens",
            municipality=DRAMMEN,
            budget=[(year, "Opplæring og oppfølging av besøksvenner", "grant", 250_000)],
            texts=_texts(
                "Besøksvenner som får opplæring i demens og følges opp av kommunen.",
                "Hjemmeboende personer med demens og deres pårørende.",
                "Besøkstjenesten blir en fast del av frivillighetsarbeidet.",
                year,
            ),
        )
        digital_app = _apply(
            _representative_of("Frivilligsentralen i Drammen"),
            round_,
            title="Digital hjelp for seniorer på biblioteket",
            municipality=DRAMMEN,
            organisation=drammen_centre,
            budget=[(year, "Nettbrett og kurs", "grant", 300_000)],
            texts=_texts(
                "Drop-in med digital hjelp to dager i uka.",
                "Seniorer som vil lære.",
                "Biblioteket viderefører tilbudet.",
                year,
            ),
        )
        minibus_app = _apply(
            _representative_of("Frivilligsentralen i Drammen"),
            round_,
            title="Ny minibuss til dagsenteret",
            municipality=DRAMMEN,
            organisation=drammen_centre,
            budget=[(year, "Minibuss", "grant", 450_000)],
            texts=_texts(
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
            decisions.accept_grant(by=_applicant_of(application), application=application)
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


def _applicant_of(application: Application) -> User:
    if application.organisation_id:
        return _representative_of(application.organisation.name)
    return coordinator_of(application.municipality_id)


def _reports(friday: Application, vaga: Application, officer: User, year: int) -> None:
    with on(days_ago(60)):
        progress = friday.reports.get(kind="progress")
        marit = _representative_of("Lom frivilligsentral")
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


def _open_round(round_: Round) -> None:
    year = round_.closes_at.year
    lom_centre = PartnerOrganisation.objects.get(name="Lom frivilligsentral")
    with on(days_ago(12)):
        _apply(
            _representative_of("Lom frivilligsentral"),
            round_,
            title="Eldrekraft: seniorar som frivillige i skulen",
            municipality=LOM,
            organisation=lom_centre,
            budget=[(year, "Koordinering og opplæring", "grant", 90_000)],
            light=True,
            texts={"summary": "Pensjonistar les med elevar og fortel om bygda før i tida."},
        )
    with on(days_ago(8)):
        drammen = _apply(
            coordinator_of(DRAMMEN),
            round_,
            title="Turgrupper med følge",
            municipality=DRAMMEN,
            budget=[(year, "Turledere og følge", "grant", 200_000)],
            texts=_texts(
                "Ukentlige turgrupper med følge for dem som ikke går alene.",
                "Hjemmeboende eldre med nedsatt gangfunksjon.",
                "Turgruppene drives videre av frivilligsentralen.",
                year,
            ),
        )
        applications.submit_application(by=drammen.created_by, application=drammen)
    with on(days_ago(3)):
        joint = _apply(
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
            texts=_texts(
                "Ein koordinator for to små kommunar, med kontordagar i begge.",
                "Heimebuande eldre i Lom og Vågå.",
                "Kommunane deler stillinga vidare etter prosjektet.",
                year,
                years=2,
            ),
        )
        applications.submit_application(by=joint.created_by, application=joint)
