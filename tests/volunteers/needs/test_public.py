"""The public form where a citizen or a relative asks for help. The spam trap and the rate
limit are proved in tests/trust/test_hostile_needs.py."""

import pytest
from django.core import mail
from django.urls import reverse

from volunteers.models import Need, NeedSource, NeedStep

pytestmark = pytest.mark.django_db

HELP = reverse("volunteers:help_form", args=["3434"])
THANKS = reverse("volunteers:help_thanks", args=["3434"])
FORM = {
    "kind": "visiting_friend",
    "description": "Mor vil gjerne ha noen å snakke med",
    "weekday_daytime": "on",
    "person_name": "Olga Haugen",
    "person_phone": "61211234",
    "address": "Storvegen 2",
    "area": "Lom sentrum",
    "contact_name": "Siri Haugen",
    "contact_phone": "91234567",
    "consent_basis": "power_of_attorney",
    "consent": "on",
    "website": "",
}


@pytest.fixture
def in_use(coordinator_lom):
    """Lom uses Samspill: it has a coordinator who reads what comes in."""
    return coordinator_lom


def test_the_form_is_public_with_plain_words_and_a_hidden_trap(client, in_use):
    response = client.get(HELP)
    html = response.content.decode()
    assert response.status_code == 200
    assert 'name="consent"' in html and 'name="consent_basis"' in html
    assert 'class="d-none" aria-hidden="true"' in html and 'name="website"' in html


def test_asking_for_help_stores_the_need_and_tells_what_happens_next(
    client, in_use, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(HELP, FORM)
    assert response["Location"] == THANKS
    need = Need.objects.get()
    assert (need.source, need.reported_by, need.consent_basis, need.municipality_id) == (
        NeedSource.PUBLIC,
        None,
        "power_of_attorney",
        "3434",
    )
    assert (need.person_name, need.contact_name) == ("Olga Haugen", "Siri Haugen")
    assert NeedStep.objects.filter(need=need, step="reported").exists()
    assert [m.to for m in mail.outbox] == [[in_use.email]]
    assert client.get(THANKS).status_code == 200


def test_without_consent_nothing_is_stored_and_the_message_is_clear(client, in_use):
    response = client.post(HELP, {**FORM, "consent": ""})
    assert response.status_code == 200
    [message] = response.context["form"].errors["consent"]
    assert "consent" in message or "samtykke" in message
    assert message in response.content.decode()
    assert not Need.objects.exists()


def test_only_the_public_fields_are_taken(client, in_use):
    client.post(HELP, {**FORM, "considerations": "Demens", "home_care_contact": "x"})
    need = Need.objects.get()
    assert (need.considerations, need.home_care_contact) == ("", "")


def test_a_municipality_not_using_samspill_shows_no_form(client):
    response = client.get(reverse("volunteers:help_form", args=["3301"]))
    assert response.status_code == 200
    assert response.context["form"] is None
    client.post(reverse("volunteers:help_form", args=["3301"]), FORM)
    assert not Need.objects.exists()


def test_an_unknown_municipality_is_404(client):
    assert client.get(reverse("volunteers:help_form", args=["9999"])).status_code == 404


def test_the_municipality_page_links_to_the_form(client, in_use):
    html = client.get(reverse("coordination:municipality_detail", args=["3434"])).content.decode()
    assert HELP in html
