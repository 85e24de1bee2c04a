"""A grant in its reporting year for the reports tests: the applicant persona speaks for Lom
frivilligsentral, whose application was granted (200 000 kroner this year) and accepted."""

import datetime

import pytest
from django.utils import timezone, translation

from coordination.kernel.models import Membership
from grants.decisions.models import Instalment
from tests.factories import PartnerOrganisationFactory
from tests.grants.factories import ApplicationFactory, BudgetLineFactory, DecisionFactory


@pytest.fixture(autouse=True)
def messages_in_english():
    """Services' messages and files are read in English here; pages choose their own."""
    with translation.override("en"):
        yield


@pytest.fixture
def organisation(applicant):
    found = PartnerOrganisationFactory(name="Lom frivilligsentral", organisation_number="")
    Membership.objects.filter(user=applicant).update(organisation=found)
    return found


@pytest.fixture
def grant(organisation, officer):
    """An application of the applicant's organisation, granted and in its reporting year."""
    application = ApplicationFactory(
        organisation=organisation,
        title="Turgruppe med følge",
        status="reporting",
        number=2,
        submitted_at=timezone.now() - datetime.timedelta(days=200),
    )
    year = timezone.localdate().year
    BudgetLineFactory(application=application, year=year, description="Skyss", amount=150_000)
    decision = DecisionFactory(application=application, made_by=officer, amount=200_000)
    Instalment.objects.create(decision=decision, year=year, amount=200_000)
    return application


def complete(**extra) -> dict:
    """Every field a report needs before it is sent."""
    return {
        "what_was_done": "Turar kvar veke med skyss.",
        "participants_reached": 40,
        "sessions_held": 30,
        "volunteers_involved": 6,
        "volunteer_hours": 120,
        "senior_volunteers": 3,
        "money_used": 190_000,
        "what_lasted": "Frivilligsentralen held fram med turane.",
        **extra,
    }
