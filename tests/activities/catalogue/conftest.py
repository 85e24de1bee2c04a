import pytest

from tests.factories import PartnerOrganisationFactory


@pytest.fixture
def partner(applicant):
    """The organisation the ``applicant`` persona (a partner representative in Lom) speaks for."""
    organisation = PartnerOrganisationFactory(name="Lom pensjonistlag")
    applicant.memberships.update(organisation=organisation)
    return organisation


@pytest.fixture
def other_partner(db):
    return PartnerOrganisationFactory(name="Lom sanitetslag")
