"""Deciding an application: amounts per year and instalments, the outcome's rules, grounds,
the status it must be in, who may decide, the letter's language and the appeal deadline."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from coordination.models import GrantMaker, GrantMakerRole, GrantRole, Municipality
from grants.applications.models import ApplicationEvent
from grants.decisions import services
from grants.decisions.models import APPEAL_PERIOD, Outcome
from tests.factories import GrantMakerFactory, municipality
from tests.grants.decisions.conftest import NEXT, ready_application
from tests.grants.factories import ApplicationFactory, RoundFactory, SchemeFactory

pytestmark = pytest.mark.django_db


def decide(officer, application, outcome=Outcome.GRANTED, amounts=None, grounds="Godt tiltak."):
    return services.decide_application(
        by=officer,
        application=application,
        outcome=outcome,
        amounts_by_year={NEXT: 100_000, NEXT + 1: 150_000} if amounts is None else amounts,
        grounds=grounds,
        conditions="Tilskotet skal brukast til skyss.",
    )


def test_multi_year_grant_has_one_instalment_per_year(officer, application):
    decision = decide(officer, application)

    assert decision.outcome == Outcome.GRANTED
    assert decision.amount == 250_000
    assert [(i.year, i.amount) for i in decision.instalments.all()] == [
        (NEXT, 100_000),
        (NEXT + 1, 150_000),
    ]
    application.refresh_from_db()
    assert application.status == "granted"
    event = ApplicationEvent.objects.get(application=application)
    assert (event.transition, event.actor, event.from_status) == (
        "grant",
        officer,
        "ready_for_decision",
    )
    assert decision.appeal_deadline == timezone.localdate() + APPEAL_PERIOD
    assert decision.made_by == officer


def test_letter_language_is_the_applicant_municipality_s(officer, application, organisation):
    assert decide(officer, application).language == "nn"  # Lom writes nynorsk
    drammen = ready_application(organisation, municipality=municipality("3301"))
    assert municipality("3301").language_form == Municipality.LanguageForm.NEUTRAL
    assert decide(officer, drammen).language == "nb"  # neutral: bokmål


def test_rejection_gives_no_money_and_no_instalments(officer, application):
    decision = decide(officer, application, Outcome.REJECTED, amounts={})
    assert decision.amount == 0
    assert not decision.instalments.exists()
    application.refresh_from_db()
    assert application.status == "rejected"


def test_rejection_with_an_amount_is_refused(officer, application):
    with pytest.raises(ValidationError, match="no money"):
        decide(officer, application, Outcome.REJECTED, amounts={NEXT: 1})
    application.refresh_from_db()
    assert application.status == "ready_for_decision"


def test_partial_grant_must_be_less_than_applied_for(officer, application):
    with pytest.raises(ValidationError, match="less than the 250"):
        decide(officer, application, Outcome.PARTLY_GRANTED)
    decision = decide(officer, application, Outcome.PARTLY_GRANTED, {NEXT: 100_000, NEXT + 1: 0})
    assert decision.amount == 100_000
    assert [i.year for i in decision.instalments.all()] == [NEXT]


def test_full_grant_is_what_was_applied_for(officer, application):
    with pytest.raises(ValidationError, match="Partly granted"):
        decide(officer, application, amounts={NEXT: 100_000})
    with pytest.raises(ValidationError, match="cannot be larger"):
        decide(officer, application, amounts={NEXT: 100_000, NEXT + 1: 150_001})


def test_total_is_at_most_the_scheme_s_yearly_maximum_times_the_years(officer, application):
    scheme = application.round.scheme
    scheme.max_amount = 120_000
    scheme.save()
    with pytest.raises(ValidationError, match="at most 240"):
        decide(officer, application)
    amounts = {NEXT: 100_000, NEXT + 1: 120_000}
    decision = decide(officer, application, Outcome.PARTLY_GRANTED, amounts)
    assert decision.amount == 220_000


def test_years_outside_the_project_are_refused(officer, application):
    with pytest.raises(ValidationError, match="outside it"):
        decide(officer, application, Outcome.PARTLY_GRANTED, {NEXT + 5: 10_000})


def test_grounds_are_required(officer, application):
    with pytest.raises(ValidationError) as refused:
        decide(officer, application, grounds="   ")
    assert "grounds" in refused.value.message_dict
    application.refresh_from_db()
    assert application.status == "ready_for_decision"


@pytest.mark.parametrize("status", ["submitted", "in_review", "granted", "withdrawn"])
def test_only_an_application_ready_for_decision_is_decided(officer, organisation, status):
    application = ready_application(organisation)
    application.status = status
    application.save()
    with pytest.raises(ValidationError, match="not ready for a decision"):
        decide(officer, application)
    assert not application.decisions.exists()


def test_reviewer_and_applicant_cannot_decide(reviewer, applicant, application):
    for person in (reviewer, applicant):
        with pytest.raises(PermissionDenied):
            decide(person, application)


def test_officer_of_a_municipal_grant_maker_cannot_decide_its_own_municipality_s_case(
    coordinator_lom,
):
    lom_maker = GrantMakerFactory(
        name="Lom kommune", kind=GrantMaker.Kind.MUNICIPALITY, municipality=municipality("3434")
    )
    officer = coordinator_lom
    GrantMakerRole.objects.create(user=officer, grant_maker=lom_maker, role=GrantRole.OFFICER)
    round_ = RoundFactory(scheme=SchemeFactory(grant_maker=lom_maker))
    own = ApplicationFactory(round=round_, organisation=None, status="ready_for_decision", number=1)
    with pytest.raises(PermissionDenied):
        decide(officer, own, Outcome.REJECTED, amounts={})
    own.refresh_from_db()
    assert own.status == "ready_for_decision"


def test_the_form_starts_from_the_budget_or_the_officer_s_proposal(application):
    assert services.proposed_amounts(application) == {NEXT: 100_000, NEXT + 1: 150_000}
    application.proposed_amount = 200_000
    assert services.proposed_amounts(application) == {NEXT: 80_000, NEXT + 1: 120_000}
