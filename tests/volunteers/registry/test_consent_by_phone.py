"""A volunteer with no consent recorded (imported from a list, with or without a login) gives
it on the phone: the coordinator reads the text out and records the yes. The registry shows
who has none."""

import pytest
from django.contrib.messages import get_messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from coordination.models import AuditEvent
from tests.factories import UserFactory, VolunteerFactory
from volunteers.models import Consent
from volunteers.profile.services import CONSENT_PURPOSE, CONSENT_VERSION, has_consented
from volunteers.registry.services import by_hand

pytestmark = pytest.mark.django_db

REGISTRY = reverse("volunteers:registry", args=["3434"])


def _url(volunteer, number="3434"):
    return reverse("volunteers:volunteer_consent_by_phone", args=[number, volunteer.pk])


def _detail(volunteer):
    return reverse("volunteers:volunteer_detail", args=["3434", volunteer.pk])


def _imported(**fields):
    """A volunteer imported from a list without an email address: no login, no consent."""
    return VolunteerFactory(user=None, name="Olav Sulheim", phone="612 11 222", consented=False,
                            **fields)  # fmt: skip


# --- the service ----------------------------------------------------------------------------


def test_consent_read_out_on_the_phone_is_recorded_once_with_who_took_it(coordinator_lom):
    volunteer = _imported()
    consent = by_hand.record_consent_by_phone(
        volunteer=volunteer, by=coordinator_lom, consent_given=True
    )
    assert (consent.by_phone, consent.recorded_by, consent.purpose_version) == (
        True, coordinator_lom, CONSENT_VERSION,
    )  # fmt: skip
    assert consent.purpose_text == str(CONSENT_PURPOSE)
    assert has_consented(volunteer)
    # Sent twice (a double click, the back button): the one consent, one entry in the log.
    again = by_hand.record_consent_by_phone(
        volunteer=volunteer, by=coordinator_lom, consent_given=True
    )
    assert again == consent and Consent.objects.count() == 1
    [event] = AuditEvent.objects.filter(code="volunteer.consent_by_phone")
    assert (event.actor, event.verb, event.object_id) == (
        coordinator_lom, "created", str(volunteer.pk),
    )  # fmt: skip


def test_a_volunteer_with_a_login_who_never_logged_in_can_give_it_by_phone(coordinator_lom):
    volunteer = VolunteerFactory(user=UserFactory(phone="912 34 567"), consented=False)
    by_hand.record_consent_by_phone(volunteer=volunteer, by=coordinator_lom, consent_given=True)
    # When they log in they are not asked again: their consent is there.
    assert has_consented(volunteer)


def test_without_the_tick_nothing_is_recorded(coordinator_lom):
    volunteer = _imported()
    with pytest.raises(ValidationError) as refused:
        by_hand.record_consent_by_phone(
            volunteer=volunteer, by=coordinator_lom, consent_given=False
        )
    assert list(refused.value.message_dict) == ["consent_given"]
    assert not Consent.objects.exists()
    assert not AuditEvent.objects.filter(code="volunteer.consent_by_phone").exists()


@pytest.mark.parametrize("stopped", ["left_at", "anonymised_at"])
def test_no_consent_is_recorded_for_a_volunteer_who_stopped(coordinator_lom, stopped):
    volunteer = _imported(**{stopped: timezone.now()})
    with pytest.raises(ValidationError):
        by_hand.record_consent_by_phone(volunteer=volunteer, by=coordinator_lom, consent_given=True)
    assert not Consent.objects.exists()


def test_only_a_coordinator_of_the_volunteers_municipality_records_it(
    coordinator_drammen, volunteer_contact_lom
):
    volunteer = _imported()
    for person in (coordinator_drammen, volunteer_contact_lom):
        with pytest.raises(PermissionDenied):
            by_hand.record_consent_by_phone(volunteer=volunteer, by=person, consent_given=True)
    assert not Consent.objects.exists()


# --- the pages ------------------------------------------------------------------------------


def test_the_coordinator_sees_the_missing_consent_reads_the_text_and_records_it(
    client_of, coordinator_lom
):
    volunteer = _imported()
    client = client_of(coordinator_lom, language="en")
    detail = client.get(_detail(volunteer)).content.decode()
    assert "No consent recorded</strong>." in detail
    assert f'href="{_url(volunteer)}"' in detail

    form = client.get(_url(volunteer)).content.decode()
    assert "Record consent given by phone" in form
    assert str(CONSENT_PURPOSE)[:60] in form  # the text to read out
    assert "I have read the text out, and the volunteer agreed." in form

    unticked = client.post(_url(volunteer), {})
    assert unticked.status_code == 200
    assert "Tick the box only when they have agreed" in unticked.content.decode()
    assert not Consent.objects.exists()

    done = client.post(_url(volunteer), {"consent_given": "on"})
    assert done.url == _detail(volunteer)
    [message] = [str(m) for m in get_messages(done.wsgi_request)]
    assert message.startswith("The consent of Olav Sulheim is recorded as given by phone on ")
    detail = client.get(_detail(volunteer)).content.decode()
    assert (
        "No consent recorded</strong>." not in detail and f'href="{_url(volunteer)}"' not in detail
    )
    assert "Given by phone on" in detail and "to Ingrid Bakken" in detail
    assert "Consent given by phone" in detail  # the volunteer's history


def test_the_page_of_a_volunteer_who_has_consented_leads_back_to_them(client_of, coordinator_lom):
    volunteer = VolunteerFactory()  # registered themselves, with consent
    client = client_of(coordinator_lom, language="en")
    response = client.get(_url(volunteer))
    assert response.url == _detail(volunteer)
    assert [str(m) for m in get_messages(response.wsgi_request)] == [
        "The volunteer's consent is already recorded."
    ]
    assert "No consent recorded</strong>." not in client.get(_detail(volunteer)).content.decode()


def test_another_municipality_and_volunteer_contacts_get_not_found(
    client_of, coordinator_drammen, volunteer_contact_lom
):
    volunteer = _imported()
    drammen = client_of(coordinator_drammen)
    assert drammen.get(_url(volunteer)).status_code == 404
    assert drammen.post(_url(volunteer), {"consent_given": "on"}).status_code == 404
    # Drammen's own address with Lom's volunteer: not found either.
    forged = drammen.post(_url(volunteer, number="3301"), {"consent_given": "on"})
    assert forged.status_code == 404
    contact = client_of(volunteer_contact_lom)
    assert contact.post(_url(volunteer), {"consent_given": "on"}).status_code == 404
    assert not Consent.objects.exists()


def test_the_registry_filters_and_marks_volunteers_without_consent(client_of, coordinator_lom):
    without = _imported()
    with_login = VolunteerFactory(user=UserFactory(full_name="Åse Ødegård"), consented=False)
    VolunteerFactory(user=UserFactory(full_name="Nils Brimi"))  # consented
    client = client_of(coordinator_lom, language="en")
    listed = client.get(REGISTRY, {"consent": "missing"})
    assert {v.pk for v in listed.context["page"].object_list} == {without.pk, with_login.pk}
    every = client.get(REGISTRY).content.decode()
    assert every.count("No consent recorded</strong>") == 2
