"""The grants objects the URL sweep looks at (see PK_OBJECT in tests/trust/access/grants_*.py):
the national grant-maker the ``officer`` and ``reviewer`` personas work for, its scheme with an
open round, and applications from Lom frivilligsentral (the ``applicant`` persona's
organisation) in each stage: a draft, one in review with the reviewer assigned (declared
impartial), and a granted one with its decision, an appeal and a report due. Lom (the
``coordinator_lom`` persona) is a partner in the draft, still to confirm."""

import datetime

from django.utils import timezone

from coordination.models import GeneratedFile, GrantMakerRole, GrantRole
from grants.decisions.models import Appeal, Instalment
from tests.factories import national_grant_maker
from tests.grants.factories import (
    ApplicationFactory,
    ApplicationPartnerFactory,
    AttachmentFactory,
    BudgetLineFactory,
    CriterionFactory,
    DecisionFactory,
    EligibilityConditionFactory,
    QuestionFactory,
    ReportFactory,
    ReviewAssignmentFactory,
    RoundFactory,
    SchemeFactory,
)


def lom_grants(*, personas: dict, partner) -> dict:
    grant_maker = national_grant_maker()
    scheme = SchemeFactory(grant_maker=grant_maker, name_nb="Aktivitetstiltak for eldre")
    round_ = RoundFactory(scheme=scheme, name="2027")
    criterion = CriterionFactory(round=round_, name_nb="Partnerskap og samarbeid", weight=2)
    condition = EligibilityConditionFactory(round=round_)
    question = QuestionFactory(round=round_)
    draft = ApplicationFactory(round=round_, organisation=partner, title="Fredagstreff i grendene")
    BudgetLineFactory(application=draft)
    in_review = ApplicationFactory(
        round=round_, organisation=partner, title="Digitale seniorar", status="in_review",
        number=1, submitted_at=timezone.now(), eligible=True,
    )  # fmt: skip
    BudgetLineFactory(application=in_review)
    assignment = ReviewAssignmentFactory(
        application=in_review, reviewer=personas["reviewer"], impartial=True,
        declared_at=timezone.now(),
    )  # fmt: skip
    granted = ApplicationFactory(
        round=round_, organisation=partner, title="Turgruppe med følge", status="reporting",
        number=2, submitted_at=timezone.now(), eligible=True,
    )  # fmt: skip
    decision = DecisionFactory(application=granted, made_by=personas["officer"])
    Instalment.objects.create(decision=decision, year=timezone.localdate().year, amount=200_000)
    appeal = Appeal.objects.create(
        grant_maker=grant_maker, application=granted, decision=decision,
        reason="Vi ba om skyss også.", lodged_by=personas["applicant"],
        handling=Appeal.Handling.UPHELD, handled_at=timezone.now(),
    )  # fmt: skip
    return {
        "grant_maker": grant_maker,
        "grant_role": GrantMakerRole.objects.get(
            user=personas["reviewer"], role=GrantRole.REVIEWER
        ),
        "scheme": scheme,
        "round": round_,
        "criterion": criterion,
        "condition": condition,
        "question": question,
        "application": draft,
        "application_partner": ApplicationPartnerFactory(application=draft),
        "attachment": AttachmentFactory(application=in_review),
        "submitted_application": in_review,
        "review_assignment": assignment,
        "granted_application": granted,
        "decision": decision,
        "appeal": appeal,
        "report": ReportFactory(
            application=granted,
            due_on=timezone.localdate() + datetime.timedelta(days=60),
        ),
        # A file the officer asked for (a round's export, still being made): the grant-maker's,
        # in no municipality.
        "grant_file": GeneratedFile.objects.create(
            municipality=None,
            requested_by=personas["officer"],
            action="run_grants",
            title="Søknader i 2027",
            parameters={"grant_maker": grant_maker.pk, "round": round_.pk},
        ),  # fmt: skip
    }
