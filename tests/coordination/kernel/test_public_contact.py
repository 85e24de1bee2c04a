"""Someone to call: the public page shows only what a coordinator chose (issue 13)."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from coordination.kernel.contact import public_contact
from coordination.kernel.services import update_public_contact
from coordination.models import AuditEvent, PartnerOrganisation
from tests.factories import municipality

pytestmark = pytest.mark.django_db

LOM_PAGE = reverse("coordination:municipality_detail", args=["3434"])
EDIT = reverse("coordination:public_contact_edit", args=["3434"])


def test_public_page_shows_nothing_personal_until_a_coordinator_chooses(client, coordinator_lom):
    coordinator_lom.phone = "912 34 567"
    coordinator_lom.save()
    html = client.get(LOM_PAGE).content.decode()
    assert "Ingrid Bakken" not in html
    assert "912 34 567" not in html
    assert coordinator_lom.email not in html
    assert 'id="someone-to-call"' not in html


def test_public_page_shows_the_chosen_name_phone_and_hours(client_of, coordinator_lom):
    response = client_of(coordinator_lom, language="en").post(
        EDIT,
        {
            "coordinator": coordinator_lom.pk,
            "show_name": "on",
            "phone": "61 21 99 00",
            "email": "",
            "when_to_call": "Weekdays 9–15",
        },
    )
    assert response.status_code == 302
    html = client_of(coordinator_lom, language="en").get(LOM_PAGE).content.decode()
    assert "Ingrid Bakken" in html
    assert 'href="tel:61219900"' in html
    assert "Weekdays 9–15" in html
    assert "Would you rather ask for help by phone? Call Ingrid Bakken at" in html
    assert coordinator_lom.email not in html  # no email was chosen
    assert AuditEvent.objects.filter(code="public_contact.saved").count() == 1


def test_phone_without_the_name_shows_no_name(client, coordinator_lom):
    update_public_contact(
        municipality=municipality("3434"),
        by=coordinator_lom,
        coordinator=coordinator_lom,
        phone="61 21 99 00",
    )
    html = client.get(LOM_PAGE).content.decode()
    assert "61 21 99 00" in html
    assert "Ingrid Bakken" not in html


def test_name_disappears_when_the_coordinator_loses_the_role(client, coordinator_lom):
    update_public_contact(
        municipality=municipality("3434"),
        by=coordinator_lom,
        coordinator=coordinator_lom,
        show_name=True,
        phone="61 21 99 00",
    )
    coordinator_lom.memberships.all().delete()
    html = client.get(LOM_PAGE).content.decode()
    assert "Ingrid Bakken" not in html
    assert "61 21 99 00" in html


def test_the_volunteer_centre_is_shown_with_its_phone(client):
    centre = PartnerOrganisation.objects.create(
        name="Lom frivilligsentral", kind="volunteer_centre", phone="61 21 10 10"
    )
    centre.municipalities.add(municipality("3434"))
    html = client.get(LOM_PAGE).content.decode()
    assert "Lom frivilligsentral" in html
    assert 'href="tel:61211010"' in html


def test_help_form_offers_the_number_to_call(client, coordinator_lom):
    update_public_contact(
        municipality=municipality("3434"),
        by=coordinator_lom,
        coordinator=coordinator_lom,
        phone="61 21 99 00",
    )
    html = client.get(reverse("volunteers:help_form", args=["3434"])).content.decode()
    assert 'id="help-by-phone"' in html
    assert 'href="tel:61219900"' in html


def test_only_a_coordinator_of_the_municipality_may_be_chosen(
    coordinator_lom, volunteer_contact_lom
):
    with pytest.raises(ValidationError) as error:
        update_public_contact(
            municipality=municipality("3434"),
            by=coordinator_lom,
            coordinator=volunteer_contact_lom,
            show_name=True,
        )
    assert "coordinator" in error.value.message_dict
    assert public_contact("3434") is None


def test_showing_a_name_needs_a_coordinator(coordinator_lom):
    with pytest.raises(ValidationError) as error:
        update_public_contact(
            municipality=municipality("3434"),
            by=coordinator_lom,
            coordinator=None,
            show_name=True,
        )
    assert "show_name" in error.value.message_dict


def test_another_municipalitys_coordinator_may_not_choose(coordinator_drammen, coordinator_lom):
    with pytest.raises(PermissionDenied):
        update_public_contact(
            municipality=municipality("3434"),
            by=coordinator_drammen,
            coordinator=None,
            phone="61 21 99 00",
        )
    assert public_contact("3434") is None


def test_a_bad_phone_number_is_a_form_error_and_nothing_changes(client_of, coordinator_lom):
    response = client_of(coordinator_lom, language="en").post(
        EDIT, {"coordinator": coordinator_lom.pk, "phone": "call me"}
    )
    assert response.status_code == 200
    assert "Enter a phone number" in response.content.decode()
    assert public_contact("3434") is None


def test_volunteer_contact_may_not_open_the_form(client_of, volunteer_contact_lom):
    assert client_of(volunteer_contact_lom).get(EDIT).status_code == 404
