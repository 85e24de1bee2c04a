import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from coordination.models import AuditEvent
from tests.factories import UserFactory
from volunteers.models import Signature, Volunteer
from volunteers.profile import services

pytestmark = pytest.mark.django_db

TEXT = "Jeg lover å ikke fortelle andre det jeg får vite om dem jeg hjelper, heller ikke senere."


@pytest.fixture
def registered(volunteer, lom):
    return Volunteer.objects.create(user=volunteer, municipality=lom)


def test_coordinator_publishes_versions_and_each_is_audited(coordinator_lom, lom):
    first = services.publish_declaration(municipality=lom, body=TEXT, by=coordinator_lom)
    second = services.publish_declaration(municipality=lom, body=TEXT + " Ny.", by=coordinator_lom)
    assert (first.version, second.version) == (1, 2)
    assert services.current_declaration(lom) == second
    assert (
        AuditEvent.objects.filter(verb="created", object_type="volunteers.declarationtext").count()
        == 2
    )


def test_others_cannot_publish(coordinator_drammen, volunteer_contact_lom, lom):
    for person in (coordinator_drammen, volunteer_contact_lom):
        with pytest.raises(PermissionDenied):
            services.publish_declaration(municipality=lom, body=TEXT, by=person)


def test_a_too_short_text_is_refused(coordinator_lom, lom):
    with pytest.raises(ValidationError):
        services.publish_declaration(municipality=lom, body="Hei", by=coordinator_lom)


def test_new_version_asks_every_volunteer_to_sign_again(coordinator_lom, lom, registered):
    assert services.declaration_to_sign(registered) is None  # nothing published yet
    first = services.publish_declaration(municipality=lom, body=TEXT, by=coordinator_lom)
    assert services.declaration_to_sign(registered) == first
    services.sign_declaration(volunteer=registered, text=first, by=registered.user)
    assert services.declaration_to_sign(registered) is None
    second = services.publish_declaration(municipality=lom, body=TEXT + " Ny.", by=coordinator_lom)
    assert services.declaration_to_sign(registered) == second


def test_only_the_volunteer_signs_and_only_the_current_version(coordinator_lom, lom, registered):
    first = services.publish_declaration(municipality=lom, body=TEXT, by=coordinator_lom)
    with pytest.raises(PermissionDenied):
        services.sign_declaration(volunteer=registered, text=first, by=coordinator_lom)
    services.publish_declaration(municipality=lom, body=TEXT + " Ny.", by=coordinator_lom)
    with pytest.raises(ValidationError):
        services.sign_declaration(volunteer=registered, text=first, by=registered.user)


def test_signing_in_the_browser_records_who_when_and_which_version(
    client_of, coordinator_lom, lom, registered
):
    text = services.publish_declaration(municipality=lom, body=TEXT, by=coordinator_lom)
    client = client_of(registered.user)
    page = client.get(reverse("volunteers:declaration"))
    assert TEXT in page.content.decode()
    refused = client.post(reverse("volunteers:declaration"), {"version": 1})
    assert refused.context["form"].errors["agree"]
    assert not Signature.objects.exists()
    client.post(reverse("volunteers:declaration"), {"version": 1, "agree": "on"})
    signature = Signature.objects.get()
    assert (signature.volunteer, signature.text) == (registered, text)


def test_a_version_changed_while_reading_is_not_signed(client_of, coordinator_lom, lom, registered):
    services.publish_declaration(municipality=lom, body=TEXT, by=coordinator_lom)
    client = client_of(registered.user)
    client.get(reverse("volunteers:declaration"))
    services.publish_declaration(municipality=lom, body=TEXT + " Ny.", by=coordinator_lom)
    response = client.post(reverse("volunteers:declaration"), {"version": 1, "agree": "on"})
    assert response.status_code == 200
    assert not Signature.objects.exists()


def test_coordinator_page_counts_signatures_among_active_volunteers(
    client_of, coordinator_lom, lom, registered
):
    other = Volunteer.objects.create(user=UserFactory(), municipality=lom)
    text = services.publish_declaration(municipality=lom, body=TEXT, by=coordinator_lom)
    services.sign_declaration(volunteer=registered, text=text, by=registered.user)
    response = client_of(coordinator_lom).get(
        reverse("volunteers:declaration_manage", args=["3434"])
    )
    assert (response.context["signed_count"], response.context["active_count"]) == (1, 2)
    assert other.pk


def test_coordinator_publishes_from_the_page_starting_from_a_starter_text(
    client_of, coordinator_lom
):
    client = client_of(coordinator_lom)
    url = reverse("volunteers:declaration_manage", args=["3434"])
    starter = client.get(url).context["form"].initial["body"]
    assert "taushet" in starter.lower() or "fortelle" in starter.lower()
    client.post(url, {"body": starter})
    assert services.current_declaration("3434").version == 1


def test_declaration_page_of_another_municipality_is_404(client_of, coordinator_drammen):
    url = reverse("volunteers:declaration_manage", args=["3434"])
    assert client_of(coordinator_drammen).get(url).status_code == 404
