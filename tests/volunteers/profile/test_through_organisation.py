"""Issue 13: a volunteer says which organisation they volunteer through, choosing among the
partners of their municipality; it is in their data export, and anonymising clears it."""

import json

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from tests.factories import PartnerOrganisationFactory, VolunteerFactory
from volunteers.leaving.services import anonymise_volunteer
from volunteers.models import Volunteer
from volunteers.profile import services

pytestmark = pytest.mark.django_db

EDIT = reverse("volunteers:profile_edit")
PROFILE = {
    "area": "Bøverdalen",
    "interests": ["visiting_friend"],
    "languages": "norsk",
    "weekday_daytime": "on",
    "frequency": "weekly",
    "contact_by": "email",
}


@pytest.fixture
def lom_volunteer(volunteer):
    return VolunteerFactory(user=volunteer, area="Lom sentrum")


@pytest.fixture
def red_cross():
    return PartnerOrganisationFactory(name="Norwegian Red Cross Lom")


def test_the_profile_form_lists_only_the_municipalitys_partners(
    client_of, lom_volunteer, red_cross
):
    PartnerOrganisationFactory(name="Drammen Røde Kors", municipalities=["3301"])
    response = client_of(lom_volunteer.user, language="en").get(EDIT)
    field = response.context["form"].fields["through_organisation"]
    assert [str(p) for p in field.queryset] == ["Norwegian Red Cross Lom"]
    html = response.content.decode()
    assert "Not through an organisation" in html and "Drammen Røde Kors" not in html


def test_the_volunteer_chooses_the_organisation_and_can_take_it_away(
    client_of, lom_volunteer, red_cross
):
    client = client_of(lom_volunteer.user, language="en")
    response = client.post(EDIT, {**PROFILE, "through_organisation": red_cross.pk})
    assert response.status_code == 302
    lom_volunteer.refresh_from_db()
    assert lom_volunteer.through_organisation == red_cross
    page = client.get(reverse("volunteers:own_page")).content.decode()
    assert "You volunteer through" in page and "Norwegian Red Cross Lom" in page
    client.post(EDIT, {**PROFILE, "through_organisation": ""})
    lom_volunteer.refresh_from_db()
    assert lom_volunteer.through_organisation is None


def test_the_profile_form_refuses_another_municipalitys_organisation(
    client_of, lom_volunteer, red_cross
):
    theirs = PartnerOrganisationFactory(name="Drammen Røde Kors", municipalities=["3301"])
    client = client_of(lom_volunteer.user, language="en")
    response = client.post(EDIT, {**PROFILE, "area": "Garmo", "through_organisation": theirs.pk})
    assert response.status_code == 200
    assert response.context["form"].errors["through_organisation"] == [
        "Choose one of the organisations listed: that organisation does not work with Lom in "
        "Samspill. Nothing was saved."
    ]
    lom_volunteer.refresh_from_db()
    assert (lom_volunteer.through_organisation, lom_volunteer.area) == (None, "Lom sentrum")


def test_the_service_refuses_another_municipalitys_organisation(lom_volunteer):
    theirs = PartnerOrganisationFactory(municipalities=["3301"])
    with pytest.raises(ValidationError) as refused:
        services.update_profile(
            volunteer=lom_volunteer,
            profile={"area": "Garmo", "through_organisation": theirs},
            interests=[],
            by=lom_volunteer.user,
        )
    assert "through_organisation" in refused.value.message_dict
    lom_volunteer.refresh_from_db()
    assert (lom_volunteer.through_organisation, lom_volunteer.area) == (None, "Lom sentrum")


def test_registering_does_not_ask_yet(client_of, volunteer, coordinator_lom, red_cross):
    """The municipality is chosen on the same form; the organisation comes after, on the
    profile."""
    form = client_of(volunteer).get(reverse("volunteers:register")).context["form"]
    assert "through_organisation" not in form.fields


def test_the_export_names_the_organisation_and_anonymising_clears_it(
    client_of, lom_volunteer, red_cross
):
    Volunteer.objects.filter(pk=lom_volunteer.pk).update(through_organisation=red_cross)
    client = client_of(lom_volunteer.user)
    data = json.loads(client.get(reverse("coordination:my_data_download")).content)
    assert data["volunteer"][0]["volunteers_through"] == "Norwegian Red Cross Lom"
    anonymise_volunteer(volunteer=lom_volunteer, by=lom_volunteer.user)
    lom_volunteer.refresh_from_db()
    assert lom_volunteer.anonymised_at is not None
    assert lom_volunteer.through_organisation is None
