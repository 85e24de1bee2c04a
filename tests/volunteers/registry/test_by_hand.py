"""Volunteers without a login: registered by phone, their details changed, invited to make a
login that is then linked to the same record."""

import re

import pytest
from allauth.account.models import EmailAddress
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import translation

from coordination.models import AuditEvent
from tests.factories import UserFactory
from volunteers.models import Consent, Volunteer
from volunteers.registry.services import by_hand

pytestmark = pytest.mark.django_db

ADD = reverse("volunteers:volunteer_add", args=["3434"])

DETAILS = {
    "name": "Ragnhild Øyen",
    "phone": "612 34 567",
    "email": "",
    "area": "Bøverdalen",
    "willing_to_travel": False,
    "skills": "",
    "weekday_daytime": True,
    "evenings": False,
    "weekends": False,
    "summer": True,
    "winter": True,
    "frequency": "monthly",
    "contact_by": "phone",
}


def _register(by, municipality, **changes):
    return by_hand.register_by_phone(
        municipality=municipality,
        by=by,
        details={**DETAILS, **changes},
        interests=["visiting_friend"],
        consent_given=True,
    )


def _posted(**changes):
    data = {**DETAILS, "interests": ["visiting_friend"], "consent_given": "on", **changes}
    return {k: v for k, v in data.items() if v is not False}


# --- registering by phone ---------------------------------------------------------------


def test_register_by_phone_needs_only_name_and_phone(coordinator_lom, lom):
    volunteer = _register(coordinator_lom, lom)
    assert volunteer.user is None
    assert (volunteer.person_name, volunteer.contact_phone, volunteer.contact_email) == (
        "Ragnhild Øyen",
        "612 34 567",
        "",
    )
    assert volunteer.contact_by == "phone"
    assert volunteer.interest_codes == ["visiting_friend"]
    assert str(volunteer) == "Ragnhild Øyen"
    consent = Consent.objects.get(volunteer=volunteer)
    assert consent.by_phone and consent.recorded_by == coordinator_lom
    assert consent.purpose_text  # the text that was read out
    event = AuditEvent.objects.get(
        object_id=str(volunteer.pk), code="volunteer.registered_by_phone"
    )
    assert event.actor_id == coordinator_lom.pk
    # Found in the registry by name and by phone-less search on the area.
    assert Volunteer.objects.search("ragnhild").get() == volunteer


@pytest.mark.parametrize(
    "changes, field",
    [
        ({"name": "  "}, "name"),
        ({"phone": ""}, "phone"),
        ({"contact_by": "email"}, "email"),
        ({"phone": "", "contact_by": "sms", "email": "r@samspill.example"}, "phone"),
    ],
)
def test_register_refuses_what_is_missing(coordinator_lom, lom, changes, field):
    with pytest.raises(ValidationError) as refused:
        _register(coordinator_lom, lom, **changes)
    assert field in refused.value.message_dict
    assert not Volunteer.objects.exists()


def test_register_without_consent_stores_nothing(coordinator_lom, lom):
    with pytest.raises(ValidationError) as refused:
        by_hand.register_by_phone(
            municipality=lom, by=coordinator_lom, details=DETAILS, interests=[], consent_given=False
        )
    assert "consent_given" in refused.value.message_dict
    assert not Volunteer.objects.exists() and not Consent.objects.exists()


def test_register_refuses_a_phone_number_already_there(coordinator_lom, lom, volunteer):
    _register(coordinator_lom, lom)
    with pytest.raises(ValidationError) as refused:
        _register(coordinator_lom, lom, name="Another", phone="61234567")
    assert "phone" in refused.value.message_dict
    # A login's phone counts too.
    volunteer.phone = "900 11 222"
    volunteer.save()
    Volunteer.objects.create(user=volunteer, municipality=lom)
    with pytest.raises(ValidationError):
        _register(coordinator_lom, lom, name="Third", phone="90011222")


def test_register_refuses_the_email_of_an_existing_login(coordinator_lom, lom):
    UserFactory(email="kari@samspill.example")
    with pytest.raises(ValidationError) as refused:
        _register(coordinator_lom, lom, email="Kari@samspill.example")
    assert "email" in refused.value.message_dict


@pytest.mark.parametrize("persona", ["volunteer_contact_lom", "coordinator_drammen", "volunteer"])
def test_only_the_municipalitys_coordinators_register(request, lom, persona):
    with pytest.raises(PermissionDenied):
        _register(request.getfixturevalue(persona), lom)


def test_register_page_shows_the_consent_text_and_registers(client_of, coordinator_lom):
    client = client_of(coordinator_lom, language="en")
    page = client.get(ADD).content.decode()
    assert "Read this out to the volunteer" in page
    assert "The municipality stores what you tell us here" in page
    response = client.post(ADD, _posted())
    volunteer = Volunteer.objects.get()
    assert response.status_code == 302
    assert response.url == reverse("volunteers:volunteer_detail", args=["3434", volunteer.pk])
    detail = client.get(response.url).content.decode()
    assert "612 34 567" in detail and "Given by phone" in detail and "Ingrid Bakken" in detail


def test_register_page_says_what_is_wrong_and_stores_nothing(client_of, coordinator_lom):
    client = client_of(coordinator_lom, language="en")
    response = client.post(ADD, _posted(name="", phone="12", consent_given=False))
    assert response.status_code == 200
    page = response.content.decode()
    assert "Write the volunteer&#x27;s name." in page or "Write the volunteer's name." in page
    assert "Enter a phone number" in page
    assert not Volunteer.objects.exists()
    # Name and phone right, consent still missing: told, nothing stored.
    response = client.post(ADD, _posted(consent_given=False))
    assert "Read the text out to the volunteer" in response.content.decode()
    assert not Volunteer.objects.exists()


def test_registry_offers_registering_by_phone_to_coordinators_only(
    client_of, coordinator_lom, volunteer_contact_lom
):
    registry = reverse("volunteers:registry", args=["3434"])
    assert ADD in client_of(coordinator_lom).get(registry).content.decode()
    assert ADD not in client_of(volunteer_contact_lom).get(registry).content.decode()
    assert client_of(volunteer_contact_lom).get(ADD).status_code == 404


# --- changing details -------------------------------------------------------------------


def test_coordinator_changes_details_audited(coordinator_lom, lom):
    volunteer = _register(coordinator_lom, lom)
    changed = by_hand.change_details(
        volunteer=volunteer,
        by=coordinator_lom,
        details={**DETAILS, "phone": "612 00 000", "area": "Lom sentrum", "contact_by": "sms"},
        interests=["walks"],
    )
    assert set(changed) == {"phone", "area", "contact_by", "interests"}
    volunteer.refresh_from_db()
    assert (volunteer.phone, volunteer.area, volunteer.contact_by) == (
        "612 00 000",
        "Lom sentrum",
        "sms",
    )
    assert volunteer.interest_codes == ["walks"]
    event = AuditEvent.objects.get(code="volunteer.details_changed")
    assert event.params["fields"] == changed


def test_bad_details_change_nothing(coordinator_lom, lom, client_of):
    volunteer = _register(coordinator_lom, lom)
    url = reverse("volunteers:volunteer_edit", args=["3434", volunteer.pk])
    response = client_of(coordinator_lom, language="en").post(
        url, _posted(phone="", email="", area="Somewhere")
    )
    assert response.status_code == 200
    assert "Write a phone number" in response.content.decode()
    volunteer.refresh_from_db()
    assert (volunteer.phone, volunteer.area) == ("612 34 567", "Bøverdalen")
    assert not AuditEvent.objects.filter(code="volunteer.details_changed").exists()


def test_edit_page_saves(coordinator_lom, lom, client_of):
    volunteer = _register(coordinator_lom, lom)
    url = reverse("volunteers:volunteer_edit", args=["3434", volunteer.pk])
    client = client_of(coordinator_lom, language="en")
    assert 'value="Ragnhild Øyen"' in client.get(url).content.decode()
    response = client.post(url, _posted(email="ragnhild@samspill.example"))
    assert response.status_code == 302
    volunteer.refresh_from_db()
    assert volunteer.email == "ragnhild@samspill.example"


def test_with_a_login_name_and_phone_change_on_the_account_email_never(
    coordinator_lom, lom, volunteer, client_of
):
    record = Volunteer.objects.create(user=volunteer, municipality=lom)
    url = reverse("volunteers:volunteer_edit", args=["3434", record.pk])
    address = volunteer.email
    client_of(coordinator_lom).post(
        url, _posted(name="Astrid R. Rustad", phone="987 65 432", email="other@samspill.example")
    )
    volunteer.refresh_from_db()
    record.refresh_from_db()
    assert (volunteer.full_name, volunteer.phone, volunteer.email) == (
        "Astrid R. Rustad",
        "987 65 432",
        address,
    )
    assert (record.name, record.phone, record.email) == ("", "", "")
    assert record.sort_name == "astrid r. rustad"


def test_other_roles_and_municipalities_cannot_change(
    coordinator_lom, lom, client_of, volunteer_contact_lom, coordinator_drammen
):
    volunteer = _register(coordinator_lom, lom)
    url = reverse("volunteers:volunteer_edit", args=["3434", volunteer.pk])
    assert client_of(volunteer_contact_lom).post(url, _posted(area="X")).status_code == 404
    assert client_of(coordinator_drammen).post(url, _posted(area="X")).status_code == 404
    with pytest.raises(PermissionDenied):
        by_hand.change_details(
            volunteer=volunteer, by=coordinator_drammen, details=DETAILS, interests=[]
        )
    volunteer.refresh_from_db()
    assert volunteer.area == "Bøverdalen"


def test_anonymising_removes_the_recorded_details(coordinator_lom, lom):
    from volunteers.leaving.services import anonymise_volunteer

    volunteer = _register(coordinator_lom, lom, email="ragnhild@samspill.example")
    anonymise_volunteer(volunteer=volunteer, by=coordinator_lom)
    volunteer.refresh_from_db()
    assert (volunteer.name, volunteer.phone, volunteer.email) == ("", "", "")
    with translation.override("en"):
        assert str(volunteer) == "Anonymised volunteer"


# --- a login later ----------------------------------------------------------------------


def _sign_up_and_confirm(client, email, name="Ragnhild Øyen"):
    client.post(
        reverse("account_signup"),
        {"full_name": name, "email": email, "password1": "Fjellvann-2026!",
         "password2": "Fjellvann-2026!"},
    )  # fmt: skip
    body = mail.outbox[-1].body
    link = re.search(r"https?://[^/\s]+(/accounts/confirm-email/[^\s]+)", body)
    assert link, body
    client.post(link.group(1))


def test_invitation_then_sign_up_links_the_same_volunteer(
    coordinator_lom, lom, client_of, django_capture_on_commit_callbacks
):
    volunteer = _register(coordinator_lom, lom, email="ragnhild@samspill.example")
    url = reverse("volunteers:volunteer_login_invite", args=["3434", volunteer.pk])
    coordinator = client_of(coordinator_lom, language="en")
    assert "ragnhild@samspill.example" in coordinator.get(url).content.decode()
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = coordinator.post(url)
    assert response.status_code == 302
    assert mail.outbox[0].to == ["ragnhild@samspill.example"]
    assert "/accounts/signup/" in mail.outbox[0].body
    assert AuditEvent.objects.filter(code="volunteer.login_invited").exists()

    coordinator.logout()
    _sign_up_and_confirm(coordinator, "Ragnhild@samspill.example")
    volunteer.refresh_from_db()
    assert volunteer.user is not None
    assert volunteer.user.email == "ragnhild@samspill.example"
    assert volunteer.user.phone == "612 34 567"  # moved to the login
    assert (volunteer.name, volunteer.phone, volunteer.email) == ("", "", "")
    assert volunteer.contact_phone == "612 34 567"
    assert Volunteer.objects.count() == 1
    assert AuditEvent.objects.filter(code="volunteer.login_linked").exists()
    # Their own page knows them as the volunteer.
    own = coordinator.get(reverse("volunteers:own_page"))
    assert own.status_code == 200


def test_an_unconfirmed_or_other_address_links_nothing(coordinator_lom, lom, client):
    volunteer = _register(coordinator_lom, lom, email="ragnhild@samspill.example")
    user = UserFactory(email="ragnhild@samspill.example", verified=False)
    address = EmailAddress.objects.create(user=user, email=user.email, verified=False)
    assert by_hand.link_login(address=address) is None
    _sign_up_and_confirm(client, "someone.else@samspill.example")
    volunteer.refresh_from_db()
    assert volunteer.user is None


def test_invitation_needs_an_email_and_no_login(coordinator_lom, lom, volunteer):
    without = _register(coordinator_lom, lom)
    with pytest.raises(ValidationError):
        by_hand.invite_to_make_login(volunteer=without, by=coordinator_lom)
    with_login = Volunteer.objects.create(user=volunteer, municipality=lom)
    with pytest.raises(ValidationError):
        by_hand.invite_to_make_login(volunteer=with_login, by=coordinator_lom)
    assert mail.outbox == []


def test_invitation_refused_to_other_roles(coordinator_lom, lom, volunteer_contact_lom):
    volunteer = _register(coordinator_lom, lom, email="ragnhild@samspill.example")
    with pytest.raises(PermissionDenied):
        by_hand.invite_to_make_login(volunteer=volunteer, by=volunteer_contact_lom)
