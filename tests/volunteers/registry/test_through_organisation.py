"""Issue 13: the coordinator records which organisation a volunteer volunteers through when
registering them by phone or changing their details (audited like the other details), and the
registry shows it; another municipality neither sees nor sets it."""

import pytest
from django.urls import reverse

from coordination.models import AuditEvent
from tests.factories import PartnerOrganisationFactory, UserFactory, VolunteerFactory
from volunteers.models import Volunteer

pytestmark = pytest.mark.django_db

RED_CROSS = "Norwegian Red Cross Lom"
DETAILS = {
    "name": "Ragnhild Øyen",
    "phone": "612 34 567",
    "area": "Bøverdalen",
    "interests": ["visiting_friend"],
    "frequency": "monthly",
    "contact_by": "phone",
}


def url(name, *args, municipality="3434"):
    return reverse(f"volunteers:{name}", args=[municipality, *args])


@pytest.fixture
def red_cross():
    return PartnerOrganisationFactory(name=RED_CROSS)


@pytest.fixture
def nils():
    return VolunteerFactory(user=UserFactory(full_name="Nils Brimi", phone="912 00 111"))


def test_registering_by_phone_records_the_organisation(client_of, coordinator_lom, red_cross):
    client = client_of(coordinator_lom, language="en")
    form = client.get(url("volunteer_add")).context["form"]
    assert [str(p) for p in form.fields["through_organisation"].queryset] == [RED_CROSS]
    response = client.post(
        url("volunteer_add"),
        {**DETAILS, "consent_given": "on", "through_organisation": red_cross.pk},
    )
    assert response.status_code == 302
    ragnhild = Volunteer.objects.get(name="Ragnhild Øyen")
    assert ragnhild.through_organisation == red_cross
    detail = client.get(url("volunteer_detail", ragnhild.pk)).content.decode()
    assert "Volunteers through" in detail and RED_CROSS in detail


def test_changing_the_organisation_is_audited_and_shown_in_the_registry(
    client_of, coordinator_lom, red_cross, nils
):
    client = client_of(coordinator_lom, language="en")
    page = client.get(url("volunteer_edit", nils.pk))
    assert page.context["form"]["through_organisation"].value() is None
    response = client.post(
        url("volunteer_edit", nils.pk),
        {**DETAILS, "name": "Nils Brimi", "phone": "912 00 111",
         "through_organisation": red_cross.pk},
    )  # fmt: skip
    assert response.status_code == 302
    nils.refresh_from_db()
    assert nils.through_organisation == red_cross
    event = AuditEvent.objects.get(code="volunteer.details_changed", object_id=str(nils.pk))
    assert event.actor == coordinator_lom
    assert "through_organisation" in event.params["fields"]
    assert "the organisation they volunteer through" in event.message
    registry = client.get(url("registry")).content.decode()
    assert f"Through: {RED_CROSS}" in registry


def test_the_coordinators_form_refuses_an_organisation_of_another_municipality(
    client_of, coordinator_lom, red_cross, nils
):
    theirs = PartnerOrganisationFactory(name="Drammen Røde Kors", municipalities=["3301"])
    response = client_of(coordinator_lom, language="en").post(
        url("volunteer_edit", nils.pk),
        {**DETAILS, "name": "Nils Brimi", "phone": "912 00 111", "area": "Garmo",
         "through_organisation": theirs.pk},
    )  # fmt: skip
    assert response.status_code == 200
    assert "does not work with Lom" in response.context["form"].errors["through_organisation"][0]
    nils.refresh_from_db()
    assert (nils.through_organisation, nils.area) == (None, "Lom sentrum")
    assert not AuditEvent.objects.filter(code="volunteer.details_changed").exists()


def test_another_municipalitys_coordinator_can_neither_see_nor_set_it(
    client_of, coordinator_drammen, red_cross, nils
):
    """Drammen's coordinator gets 404 for Lom's volunteer, under either address, and nothing
    changes; Drammen's own forms do not offer Lom's partners."""
    Volunteer.objects.filter(pk=nils.pk).update(through_organisation=red_cross)
    client = client_of(coordinator_drammen, language="en")
    drammen_partner = PartnerOrganisationFactory(name="Drammen Røde Kors", municipalities=["3301"])
    for number in ("3434", "3301"):
        assert client.get(url("volunteer_detail", nils.pk, municipality=number)).status_code == 404
        assert client.get(url("volunteer_edit", nils.pk, municipality=number)).status_code == 404
        posted = client.post(
            url("volunteer_edit", nils.pk, municipality=number),
            {**DETAILS, "name": "Nils Brimi", "through_organisation": drammen_partner.pk},
        )
        assert posted.status_code == 404
    nils.refresh_from_db()
    assert nils.through_organisation == red_cross
    assert RED_CROSS not in client.get(url("registry", municipality="3301")).content.decode()
    form = client.get(url("volunteer_add", municipality="3301")).context["form"]
    assert list(form.fields["through_organisation"].queryset) == [drammen_partner]
    refused = client.post(
        url("volunteer_add", municipality="3301"),
        {**DETAILS, "consent_given": "on", "through_organisation": red_cross.pk},
    )
    assert refused.status_code == 200 and "through_organisation" in refused.context["form"].errors
    assert not Volunteer.objects.filter(municipality_id="3301").exists()


def test_without_partners_the_form_does_not_ask(client_of, coordinator_lom, nils):
    form = client_of(coordinator_lom).get(url("volunteer_edit", nils.pk)).context["form"]
    assert "through_organisation" not in form.fields
