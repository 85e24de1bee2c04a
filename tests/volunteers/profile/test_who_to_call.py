"""Who do I call: a volunteer's page lists the numbers they need; the assignment page shows how
to reach the coordinator and the home care service (issue 13)."""

import pytest
from django.urls import reverse

from coordination.kernel.services import update_public_contact
from coordination.models import Unit
from tests.factories import (
    AssignmentFactory,
    VolunteerFactory,
    link_to_contacts_unit,
    municipality,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def own(volunteer):
    return VolunteerFactory(user=volunteer)


@pytest.fixture
def home_care(db):
    return Unit.objects.create(
        municipality=municipality("3434"),
        name="Heimetenesta",
        kind="home_care",
        phone="61 21 30 00",
    )


def test_own_page_lists_coordinator_unit_contact_home_care_and_emergency(
    client_of, volunteer, own, coordinator_lom, volunteer_contact_lom, home_care
):
    volunteer_contact_lom.phone = "915 55 555"
    volunteer_contact_lom.save()
    link_to_contacts_unit(own, volunteer_contact_lom)
    update_public_contact(
        municipality=municipality("3434"),
        by=coordinator_lom,
        coordinator=coordinator_lom,
        phone="61 21 99 00",
    )
    html = client_of(volunteer, language="en").get(reverse("volunteers:own_page")).content.decode()
    assert 'id="who-to-call"' in html
    assert "Your volunteer coordinator</strong>: Ingrid Bakken" in html
    assert 'href="tel:61219900"' in html
    assert "Volunteer contact at Lom sjukeheim</strong>: Kari Sletten" in html
    assert 'href="tel:91555555"' in html
    assert "Heimetenesta" in html and 'href="tel:61213000"' in html
    assert 'href="tel:113"' in html and 'href="tel:116117"' in html


def test_coordinators_own_phone_is_used_when_no_public_number_is_chosen(
    client_of, volunteer, own, coordinator_lom
):
    coordinator_lom.phone = "900 11 222"
    coordinator_lom.save()
    html = client_of(volunteer, language="en").get(reverse("volunteers:own_page")).content.decode()
    assert "Ingrid Bakken" in html and 'href="tel:90011222"' in html


def test_assignment_page_shows_how_to_reach_coordinator_and_home_care(
    client_of, volunteer, own, coordinator_lom, home_care
):
    coordinator_lom.phone = "900 11 222"
    coordinator_lom.save()
    assignment = AssignmentFactory(volunteer=own)
    url = reverse("volunteers:own_assignment", args=[assignment.pk])
    html = client_of(volunteer, language="en").get(url).content.decode()
    assert "Your volunteer coordinator</strong>: Ingrid Bakken" in html
    assert 'href="tel:90011222"' in html
    assert "Home care service</strong>: Heimetenesta" in html


def test_another_municipalitys_coordinator_is_never_listed(
    client_of, volunteer, own, coordinator_drammen
):
    html = client_of(volunteer, language="en").get(reverse("volunteers:own_page")).content.decode()
    assert "Hassan Ali" not in html
    assert "has no coordinator in Samspill" in html
