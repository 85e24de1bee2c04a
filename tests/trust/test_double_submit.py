"""Issue 10, security (low): sending the same form twice — one click after the other, or two at
the same moment — is answered with a message, never a 500. "At the same moment" is simulated:
just before this request writes its row, the other request's identical row is committed (so
this request's check found nothing, and its insert meets the unique constraint). In a test the
twin is written inside this request's transaction and so rolls back with it: those tests check
that no second row is written, not that the twin stays."""

from contextlib import contextmanager

import pytest
from django.db.models.signals import pre_save
from django.urls import reverse

from coordination.models import Membership, Role
from tests.factories import UserFactory
from tests.volunteers.profile.test_registration import VALID as REGISTRATION
from volunteers.models import DeclarationText, Volunteer, VolunteerRole
from volunteers.profile import services

pytestmark = pytest.mark.django_db

LOM = "3434"
TEXT = "Jeg lover å ikke fortelle andre det jeg får vite om dem jeg hjelper, heller ikke senere."


@contextmanager
def the_other_click_wins(model):
    """The twin request commits its row just before this one inserts."""
    arrived = []

    def insert_twin(sender, instance, **kwargs):
        if instance.pk is None and not arrived:
            arrived.append(True)
            fields = model._meta.concrete_fields
            values = {f.attname: getattr(instance, f.attname) for f in fields if not f.primary_key}
            model.objects.bulk_create([model(**values)])  # no signal: no recursion

    pre_save.connect(insert_twin, sender=model, weak=False)
    try:
        yield arrived
    finally:
        pre_save.disconnect(insert_twin, sender=model)


def _html(response) -> str:
    return response.content.decode()


# --- adding a role (membership) ---------------------------------------------------------------


@pytest.fixture
def person(db):
    return UserFactory(email="ny.kontakt@samspill.example", full_name="Per Hansen")


def _add_role(client):
    url = reverse("coordination:membership_add", args=[LOM])
    data = {"email": "ny.kontakt@samspill.example", "role": Role.VOLUNTEER_CONTACT}
    return client.post(url, data)


def test_adding_a_role_twice_is_answered_with_a_message(client_of, coordinator_lom, person):
    client = client_of(coordinator_lom)
    assert _add_role(client).status_code == 302
    second = _add_role(client)
    assert second.status_code == 200
    assert "Per Hansen har allerede denne rollen." in _html(second)
    assert Membership.objects.filter(user=person).count() == 1


def test_adding_a_role_twice_at_once_is_answered_with_a_message(client_of, coordinator_lom, person):
    with the_other_click_wins(Membership) as arrived:
        response = _add_role(client_of(coordinator_lom))
    assert arrived
    assert response.status_code == 200
    assert "Per Hansen har allerede denne rollen." in _html(response)
    assert Membership.objects.filter(user=person).count() <= 1


# --- registering as a volunteer ---------------------------------------------------------------


def test_registering_twice_at_once_is_answered_with_a_message(
    client_of, volunteer, coordinator_lom
):
    with the_other_click_wins(Volunteer) as arrived:
        response = client_of(volunteer).post(reverse("volunteers:register"), REGISTRATION)
    assert arrived
    assert response.status_code == 200
    assert "Du er allerede registrert som frivillig i denne kommunen." in _html(response)
    assert Volunteer.objects.filter(user=volunteer).count() <= 1


def test_registering_twice_leads_to_the_own_page(client_of, volunteer, coordinator_lom):
    client = client_of(volunteer)
    client.post(reverse("volunteers:register"), REGISTRATION)
    second = client.post(reverse("volunteers:register"), REGISTRATION)
    assert second.url == reverse("volunteers:own_page")
    assert Volunteer.objects.filter(user=volunteer).count() == 1


# --- creating a volunteer role ----------------------------------------------------------------


def _create_role(client):
    return client.post(
        reverse("volunteers:role_list", args=[LOM]),
        {
            "name": "Besøksvenn",
            "what_you_do": "Besøker personen fast",
            "what_you_do_not_do": "Gir medisiner",
        },
    )


def test_creating_a_role_twice_is_answered_with_a_message(client_of, coordinator_lom):
    client = client_of(coordinator_lom)
    assert _create_role(client).status_code == 302
    second = _create_role(client)
    assert second.status_code == 200
    assert "Det finnes allerede en rolle med dette navnet." in _html(second)
    assert VolunteerRole.objects.count() == 1


def test_creating_a_role_twice_at_once_is_answered_with_a_message(client_of, coordinator_lom):
    with the_other_click_wins(VolunteerRole) as arrived:
        response = _create_role(client_of(coordinator_lom))
    assert arrived
    assert response.status_code == 200
    assert "Det finnes allerede en rolle med dette navnet." in _html(response)
    assert VolunteerRole.objects.count() <= 1


# --- publishing the declaration ---------------------------------------------------------------


def _publish(client):
    return client.post(reverse("volunteers:declaration_manage", args=[LOM]), {"body": TEXT})


def test_publishing_the_same_declaration_twice_is_answered_with_a_message(
    client_of, coordinator_lom
):
    client = client_of(coordinator_lom)
    assert _publish(client).status_code == 302
    second = _publish(client)
    assert second.status_code == 200
    assert "Denne teksten er allerede publisert som versjon 1." in _html(second)
    assert DeclarationText.objects.count() == 1


def test_publishing_the_declaration_twice_at_once_is_answered_with_a_message(
    client_of, coordinator_lom
):
    with the_other_click_wins(DeclarationText) as arrived:
        response = _publish(client_of(coordinator_lom))
    assert arrived
    assert response.status_code == 200
    assert "Noen publiserte en versjon i samme øyeblikk." in _html(response)
    assert DeclarationText.objects.count() <= 1


def test_a_changed_declaration_is_still_published_as_a_new_version(lom, coordinator_lom):
    services.publish_declaration(municipality=lom, body=TEXT, by=coordinator_lom)
    second = services.publish_declaration(municipality=lom, body=TEXT + " Ny.", by=coordinator_lom)
    assert second.version == 2
