"""``seed_scale``'s grants: one national grant-maker with a round of ``scale.applications``
applications from all over the country, with budgets, reviews and scores, proposals and some
decisions. See ``coordination.kernel.scale``."""

from __future__ import annotations

import datetime

from django.utils import timezone

from coordination.kernel.contributions import contribute
from coordination.kernel.models import GrantMaker, GrantMakerRole, GrantRole, User
from coordination.kernel.scale import BATCH, EMAIL_DOMAIN, Scale
from grants.applications.models import Application, BudgetLine
from grants.applications.workflow import Status
from grants.decisions.models import APPEAL_PERIOD, Decision, Outcome
from grants.review import scoring
from grants.review.models import Recommendation, ReviewAssignment, Score
from grants.schemes.models import Round, Scheme
from grants.schemes.services.schemes import _copy_defaults

REVIEWERS = 40
REVIEWS_PER_APPLICATION = 2
ORGANISATION_SHARE = 0.7  # the rest: the municipality applies itself
OFFICER = f"saksbehandler@{EMAIL_DOMAIN}"
MAKER = "Helsedirektoratet (scale)"
TEXT = (
    "Faste treff for heimebuande eldre med skyss og følgje, der frivillige og heimetenesta "
    "samarbeider om å nå dei som sit mest aleine. "
)


def reviewer_email(n: int) -> str:
    return f"fagvurderer{n}@{EMAIL_DOMAIN}"


@contribute.scale_step(order=60)
def grants(scale: Scale) -> None:
    """One national grant-maker with an officer and 40 reviewers, one scheme, one round with
    the 9 default criteria and ``scale.applications`` submitted applications from organisations
    and municipalities all over the country (weighted by √population): 3 budget lines each, 2
    sent impartial reviews of 9 scores, a proposed amount; a tenth granted with a decision."""
    rng = scale.rng
    now = timezone.now()
    count = scale.applications
    maker = GrantMaker.objects.create(
        name=MAKER, kind=GrantMaker.Kind.NATIONAL, email=f"tilskudd@{EMAIL_DOMAIN}"
    )
    officer = User.objects.create_user(
        email=OFFICER, password="x", full_name="Saksbehandler (scale)"
    )
    reviewers = User.objects.bulk_create(
        User(
            email=reviewer_email(n),
            full_name=f"Fagvurderer {n:02d}",
            password="!",
        )
        for n in range(REVIEWERS)
    )
    GrantMakerRole.objects.bulk_create(
        [GrantMakerRole(user=officer, grant_maker=maker, role=GrantRole.OFFICER)]
        + [GrantMakerRole(user=r, grant_maker=maker, role=GrantRole.REVIEWER) for r in reviewers]
    )
    scheme = Scheme.objects.create(
        grant_maker=maker,
        name_nb="Tilskudd til aktivitet og fellesskap for eldre",
        name_nn="Tilskot til aktivitet og fellesskap for eldre",
        purpose_nb="Tiltak som gir eldre aktivitet, fellesskap og møteplasser.",
        max_amount=1_000_000,
        max_years=2,
    )
    opens = now - datetime.timedelta(days=150)
    round_ = Round.objects.create(
        grant_maker=maker,
        scheme=scheme,
        name=str(opens.year),
        opens_at=opens,
        closes_at=opens + datetime.timedelta(days=60),
        budget=100_000 * count,
        small_municipality_share=15,
        final_report_due=datetime.date(opens.year + 2, 2, 1),
    )
    _copy_defaults(round_)  # the 9 default criteria (and 5 conditions) in every language
    criteria = list(round_.criteria.all())
    assert len(criteria) == 9, len(criteria)

    # Applicants all over the country: more from the larger municipalities, but every one.
    numbers = scale.numbers
    weights = [population**0.5 for _number, population in scale.municipalities]
    # The applicants: partner organisations from the coordination step, or the municipality.
    organisations = scale.made["organisations"]

    year = round_.closes_at.year + 1
    statuses = []
    for i in range(count):
        if i % 10 == 0:  # a tenth decided
            statuses.append(Status.GRANTED)
        else:
            statuses.append(Status.IN_REVIEW if rng.random() < 0.6 else Status.READY_FOR_DECISION)
    quality = [rng.gauss(3.2, 0.8) for _ in range(count)]
    applications: list = []
    for i in range(count):
        if rng.random() < ORGANISATION_SHARE:
            organisation, municipality = rng.choice(organisations)
        else:
            organisation, municipality = None, rng.choices(numbers, weights)[0]
        submitted = round_.opens_at + datetime.timedelta(minutes=rng.randrange(60 * 24 * 60))
        applications.append(
            Application(
                round=round_,
                grant_maker=maker,
                municipality_id=municipality,
                organisation_id=organisation,
                number=i + 1,
                status=statuses[i],
                title=f"Møteplass og skyss {i + 1}",
                summary=TEXT,
                description=TEXT * 12,
                target_groups=TEXT * 2,
                planned_activities=TEXT * 3,
                continuation=TEXT * 2,
                starts_on=datetime.date(year, 3, 1),
                ends_on=datetime.date(year + 1, 12, 31),
                contact_name=f"Kontakt {i}",
                contact_email=f"kontakt{i}@soker.example",
                contact_phone="41234567",
                eligible=True,
                screened_at=submitted + datetime.timedelta(days=70),
                screened_by=officer,
                created_at=submitted - datetime.timedelta(days=3),
                submitted_at=submitted,
            )
        )
    applications = Application.objects.bulk_create(applications, batch_size=1_000)

    lines = []
    requested: dict[int, int] = {}
    for application in applications:
        asked = rng.randrange(50, 1_000) * 1_000
        requested[application.pk] = asked
        for source, amount, words in (
            ("grant", asked, "Skyss, følgje og lønn til koordinator"),
            ("own", asked // 4, "Frivillig innsats og lokale"),
            ("other", asked // 5, "Sparebankstiftelsen"),
        ):
            lines.append(
                BudgetLine(
                    application=application,
                    year=year,
                    description=words,
                    source=source,
                    amount=amount,
                )
            )
    BudgetLine.objects.bulk_create(lines, batch_size=BATCH)

    assignments = []
    for application in applications:
        screened = application.screened_at
        assert screened is not None
        for reviewer in rng.sample(reviewers, REVIEWS_PER_APPLICATION):
            declared = screened + datetime.timedelta(days=rng.randrange(1, 10))
            assignments.append(
                ReviewAssignment(
                    grant_maker=maker,
                    application=application,
                    reviewer=reviewer,
                    assigned_by=officer,
                    assigned_at=screened,
                    impartial=True,
                    declared_at=declared,
                    recommendation=rng.choice(Recommendation.values),
                    comment="Godt forankra i kommunen; budsjettet heng saman med planen.",
                    submitted_at=declared + datetime.timedelta(days=rng.randrange(1, 14)),
                )
            )
    assignments = ReviewAssignment.objects.bulk_create(assignments, batch_size=BATCH)
    position = {application.pk: i for i, application in enumerate(applications)}
    scores: list = []
    for assignment in assignments:
        base = quality[position[assignment.application_id]]
        values = [min(5, max(0, round(base + rng.gauss(0, 0.9)))) for _criterion in criteria]
        scores.extend(
            Score(assignment=assignment, criterion=criterion, value=value)
            for criterion, value in zip(criteria, values, strict=True)
        )
        # Sent: its weighted score stored, as sending it through the service does.
        assignment.score = scoring.review_score(
            (criterion.weight, value) for criterion, value in zip(criteria, values, strict=True)
        )
        if len(scores) >= BATCH:
            Score.objects.bulk_create(scores, batch_size=BATCH)
            scores = []
    Score.objects.bulk_create(scores, batch_size=BATCH)
    ReviewAssignment.objects.bulk_update(assignments, ["score"], batch_size=1_000)

    for application in applications:
        share = rng.choice([1.0, 1.0, 0.8, 0.6, 0.5])
        application.proposed_amount = int(requested[application.pk] * share) // 1_000 * 1_000
    proposed = {a.pk: a.proposed_amount or 0 for a in applications}
    Application.objects.bulk_update(applications, ["proposed_amount"], batch_size=1_000)
    decided_at = round_.closes_at + datetime.timedelta(days=80)
    Decision.objects.bulk_create(
        (
            Decision(
                grant_maker=maker,
                application=application,
                outcome=Outcome.GRANTED,
                amount=proposed[application.pk],
                grounds="Søknaden svarer godt på formålet med ordningen.",
                made_by=officer,
                made_at=decided_at,
                appeal_deadline=(decided_at + APPEAL_PERIOD).date(),
                language="nb",
            )
            for application in applications
            if application.status == Status.GRANTED
        ),
        batch_size=BATCH,
    )
