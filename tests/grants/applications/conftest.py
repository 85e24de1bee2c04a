"""The applicant's side: a Lom organisation whose representative (the ``applicant`` persona)
writes a complete draft, ready to send; tests take away what they need to be missing."""

import datetime

import pytest
from django.utils import timezone, translation

from coordination.models import Membership
from tests.factories import PartnerOrganisationFactory
from tests.grants.factories import ApplicationFactory, BudgetLineFactory, RoundFactory


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):
        yield


@pytest.fixture
def organisation(db):
    return PartnerOrganisationFactory(name="Lom frivilligsentral")


@pytest.fixture
def rep(applicant, organisation):
    """The applicant persona, representing Lom frivilligsentral."""
    Membership.objects.filter(user=applicant).update(organisation=organisation)
    return applicant


@pytest.fixture
def round_(db):
    return RoundFactory()


@pytest.fixture
def draft(rep, organisation, round_):
    """A complete draft: every text, a period within the scheme's years, a grant line."""
    year = timezone.localdate().year + 1
    application = ApplicationFactory(
        round=round_,
        organisation=organisation,
        created_by=rep,
        starts_on=datetime.date(year, 1, 1),
        ends_on=datetime.date(year, 12, 31),
    )
    BudgetLineFactory(application=application, year=year, amount=150_000)
    return application
