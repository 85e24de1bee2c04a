import json

import pytest
from django.urls import reverse

from coordination.models import AuditEvent
from volunteers.models import Consent, Volunteer
from volunteers.profile.services import CONSENT_VERSION

# Lom uses Samspill (has a coordinator): volunteers may register there (issue 13).
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("coordinator_lom")]

VALID = {
    "municipality": "3434",
    "area": "Bøverdalen",
    "interests": ["visiting_friend", "transport"],
    "skills": "Strikking",
    "languages": "norsk, engelsk",
    "weekday_daytime": "on",
    "evenings": "on",
    "summer": "on",
    "winter": "on",
    "can_drive": "on",
    "has_car": "on",
    "frequency": "weekly",
    "contact_by": "phone",
    "phone": "912 34 567",
    "consent": "on",
}


def test_my_page_invites_a_person_to_register(client_of, volunteer):
    html = client_of(volunteer).get(reverse("coordination:my_page")).content.decode()
    assert reverse("volunteers:register") in html


def test_registration_stores_profile_interests_phone_and_consent(client_of, volunteer):
    response = client_of(volunteer).post(reverse("volunteers:register"), VALID)
    assert response.status_code == 302
    assert response.url == reverse("volunteers:declaration") + "?in=3434"
    registered = Volunteer.objects.get(user=volunteer)
    assert registered.municipality_id == "3434"
    assert registered.interest_codes == ["transport", "visiting_friend"]
    assert (registered.evenings, registered.weekends, registered.can_drive) == (True, False, True)
    volunteer.refresh_from_db()
    assert volunteer.phone == "912 34 567"
    consent = Consent.objects.get(volunteer=registered)
    assert consent.purpose_version == CONSENT_VERSION
    assert "koordinatoren" in consent.purpose_text  # the text as shown, in the person's language


@pytest.mark.parametrize(
    "change, field",
    [
        ({"consent": ""}, "consent"),
        ({"phone": "ring meg", "contact_by": "sms"}, "phone"),
        ({"phone": "", "contact_by": "phone"}, "phone"),
        ({"interests": []}, "interests"),
        ({"municipality": "9999"}, "municipality"),
        ({"frequency": "daily"}, "frequency"),
    ],
)
def test_bad_input_is_explained_and_nothing_is_stored(client_of, volunteer, change, field):
    data = {**VALID, **change}
    response = client_of(volunteer).post(reverse("volunteers:register"), data)
    assert response.status_code == 200
    assert field in response.context["form"].errors
    assert 'aria-invalid="true"' in response.content.decode()
    assert not Volunteer.objects.filter(user=volunteer).exists()


def test_email_contact_needs_no_phone(client_of, volunteer):
    data = {**VALID, "contact_by": "email", "phone": ""}
    assert client_of(volunteer).post(reverse("volunteers:register"), data).status_code == 302


def test_registering_twice_leads_to_the_own_page(client_of, volunteer):
    client = client_of(volunteer)
    client.post(reverse("volunteers:register"), VALID)
    response = client.get(reverse("volunteers:register"))
    assert response.url == reverse("volunteers:own_page")
    assert Volunteer.objects.filter(user=volunteer).count() == 1


def test_volunteer_edits_own_profile(client_of, volunteer):
    client = client_of(volunteer)
    client.post(reverse("volunteers:register"), VALID)
    edited = {**VALID, "interests": ["digital_help"], "area": "Fossbergom"}
    edited.pop("consent")
    assert client.post(reverse("volunteers:profile_edit"), edited).status_code == 302
    registered = Volunteer.objects.get(user=volunteer)
    assert (registered.area, registered.interest_codes) == ("Fossbergom", ["digital_help"])


def test_own_page_shows_only_the_persons_own_profile(client_of, volunteer, applicant):
    client_of(volunteer).post(reverse("volunteers:register"), VALID)
    other = client_of(applicant).get(reverse("volunteers:own_page"))
    assert other.url == reverse("volunteers:register")  # no profile of their own: nothing shown


def test_export_includes_the_volunteer_profile_and_consent(client_of, volunteer):
    client = client_of(volunteer)
    client.post(reverse("volunteers:register"), VALID)
    data = json.loads(client.get(reverse("coordination:my_data_download")).content)
    assert data["volunteer"][0]["area"] == "Bøverdalen"
    assert data["volunteer"][0]["consents"][0]["version"] == CONSENT_VERSION
    assert not AuditEvent.objects.exists()  # a person's own data is not an audited access


def test_registration_offers_only_municipalities_that_use_samspill(client_of, volunteer):
    form = client_of(volunteer).get(reverse("volunteers:register")).context["form"]
    offered = {m.number for m in form.fields["municipality"].queryset}
    assert offered == {"3434"}  # Lom has a coordinator; Skjåk and the others do not


def test_registering_in_a_municipality_without_samspill_is_refused(client_of, volunteer):
    response = client_of(volunteer).post(
        reverse("volunteers:register"), {**VALID, "municipality": "3433"}
    )
    assert response.status_code == 200
    assert response.context["form"].errors["municipality"]
    assert not Volunteer.objects.exists()


def test_the_service_refuses_a_municipality_without_samspill(volunteer):
    from django.core.exceptions import ValidationError

    from tests.factories import municipality
    from volunteers.profile.services import register_volunteer

    with pytest.raises(ValidationError) as refused:
        register_volunteer(
            user=volunteer,
            profile={"municipality": municipality("3433"), "frequency": "weekly"},
            interests=["visiting_friend"],
            consented=True,
        )
    assert "municipality" in refused.value.message_dict


def test_a_municipality_without_samspill_says_whom_to_contact(client):
    from coordination.models import PartnerOrganisation
    from tests.factories import municipality

    page = client.get(reverse("coordination:municipality_detail", args=["3433"])).content
    # Neither "register as a volunteer" nor "ask for help": the municipality is named instead.
    assert b'btn-primary" href="/accounts/signup/"' not in page
    assert reverse("volunteers:help_form", args=["3433"]).encode() not in page
    centre = PartnerOrganisation.objects.create(
        name="Skjåk frivilligsentral", kind="volunteer_centre", phone="612 14 100"
    )
    centre.municipalities.add(municipality("3433"))
    page = client.get(reverse("coordination:municipality_detail", args=["3433"])).content.decode()
    assert "Skjåk frivilligsentral" in page and "612 14 100" in page
