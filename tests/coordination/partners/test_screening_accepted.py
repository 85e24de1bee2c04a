"""Issue 13: a cooperation agreement may record that the municipality accepts a party's own
screening of its volunteers (police certificate): ticked on the agreement form, shown on the
agreement's page, and audited when it changes."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from coordination.models import AgreementParty, AuditEvent, CooperationAgreement
from coordination.partners import services
from tests.factories import PartnerOrganisationFactory

pytestmark = pytest.mark.django_db

RED_CROSS = "Norwegian Red Cross Lom"


def url(name, *args, municipality="3434"):
    return reverse(f"coordination:{name}", args=[municipality, *args])


def _form(*parties, accepted=(), **more):
    data = {
        "title": "Besøkstjenesten",
        "purpose": "Besøksvenner for eldre",
        "starts_on": "2026-01-01",
        "review_on": "2027-06-01",
        **more,
    }
    for party in parties:
        data[f"party_{party.pk}"] = "on"
    for party in accepted:
        data[f"screening_{party.pk}"] = "on"
    return data


@pytest.fixture
def red_cross():
    return PartnerOrganisationFactory(name=RED_CROSS)


@pytest.fixture
def centre():
    return PartnerOrganisationFactory(name="Lom frivilligsentral", kind="volunteer_centre")


def test_the_coordinator_accepts_a_partys_screening_and_the_page_says_so(
    client_of, coordinator_lom, red_cross, centre
):
    client = client_of(coordinator_lom, language="en")
    response = client.post(url("agreement_add"), _form(red_cross, centre, accepted=[red_cross]))
    agreement = CooperationAgreement.objects.get()
    assert response.url == url("agreement_detail", agreement.pk)
    accepted = dict(agreement.party_rows.values_list("organisation__name", "screening_accepted"))
    assert accepted == {RED_CROSS: True, "Lom frivilligsentral": False}
    page = client.get(url("agreement_detail", agreement.pk)).content.decode()
    assert "Its own screening of its volunteers" in page
    assert page.count("<strong>Accepted</strong>") == 1 and "Not accepted" in page
    event = AuditEvent.objects.get(code="agreement.screening_accepted")
    assert event.actor == coordinator_lom and event.params["name"] == RED_CROSS
    edit = client.get(url("agreement_edit", agreement.pk))
    assert edit.context["form"][f"screening_{red_cross.pk}"].value() is True


def test_taking_the_acceptance_away_is_audited(client_of, coordinator_lom, red_cross):
    client = client_of(coordinator_lom, language="en")
    client.post(url("agreement_add"), _form(red_cross, accepted=[red_cross]))
    agreement = CooperationAgreement.objects.get()
    response = client.post(url("agreement_edit", agreement.pk), _form(red_cross))
    assert response.status_code == 302
    assert not AgreementParty.objects.get().screening_accepted
    event = AuditEvent.objects.get(code="agreement.screening_withdrawn")
    assert RED_CROSS in event.message and "no longer accepted" in event.message


def test_only_a_partys_screening_can_be_accepted(client_of, coordinator_lom, red_cross, centre):
    response = client_of(coordinator_lom, language="en").post(
        url("agreement_add"), _form(centre, accepted=[red_cross])
    )
    assert response.status_code == 200
    assert "Tick that" in response.context["form"].errors[f"screening_{red_cross.pk}"][0]
    assert not CooperationAgreement.objects.exists()


def test_the_service_refuses_to_accept_the_screening_of_a_non_party(
    coordinator_lom, lom, red_cross, centre
):
    today = timezone.localdate()
    with pytest.raises(ValidationError):
        services.create_agreement(
            municipality=lom, by=coordinator_lom, title="Avtale", purpose="Besøk",
            starts_on=today, review_on=today + datetime.timedelta(days=30),
            parties={centre: ""}, screening_accepted=[red_cross],
        )  # fmt: skip
    assert not CooperationAgreement.objects.exists()


def test_another_municipalitys_coordinator_cannot_change_it(
    client_of, coordinator_lom, coordinator_drammen, red_cross
):
    client_of(coordinator_lom).post(url("agreement_add"), _form(red_cross, accepted=[red_cross]))
    agreement = CooperationAgreement.objects.get()
    client = client_of(coordinator_drammen)
    for number in ("3434", "3301"):
        address = url("agreement_edit", agreement.pk, municipality=number)
        assert client.get(address).status_code == 404
        assert client.post(address, _form(red_cross)).status_code == 404
        detail = url("agreement_detail", agreement.pk, municipality=number)
        assert client.get(detail).status_code == 404
    assert AgreementParty.objects.get().screening_accepted
