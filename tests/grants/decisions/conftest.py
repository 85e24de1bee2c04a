"""The decisions tests: an application from Lom frivilligsentral (the ``applicant`` persona's
organisation), ready for decision at the national grant-maker of the ``officer`` persona, with a
two-year budget. English text is asserted, so the tests run in English."""

import datetime

import pytest
from django.utils import timezone, translation

from coordination.models import Membership
from tests.factories import PartnerOrganisationFactory
from tests.grants.factories import ApplicationFactory, BudgetLineFactory, RoundFactory

NEXT = timezone.localdate().year + 1


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):
        yield


@pytest.fixture
def organisation(applicant):
    found = PartnerOrganisationFactory(name="Lom frivilligsentral")
    Membership.objects.filter(user=applicant).update(organisation=found)
    return found


def ready_application(organisation, **fields):
    """Ready for decision: 100 000 asked for next year and 150 000 the year after (own funding
    besides); the scheme gives at most 500 000 a year for up to three years."""
    round_ = RoundFactory(
        progress_report_due=datetime.date(NEXT + 1, 3, 1),
        final_report_due=datetime.date(NEXT + 2, 4, 1),
    )
    application = ApplicationFactory(
        round=round_,
        organisation=organisation,
        status="ready_for_decision",
        number=7,
        submitted_at=timezone.now(),
        eligible=True,
        **fields,
    )
    BudgetLineFactory(application=application, year=NEXT, amount=100_000)
    BudgetLineFactory(application=application, year=NEXT + 1, amount=150_000)
    BudgetLineFactory(application=application, year=NEXT, amount=20_000, source="own")
    return application


@pytest.fixture
def application(organisation):
    return ready_application(organisation)
