"""The hostile-input guarantees of test_hostile_input.py, for the volunteers app's forms:
never a 500, invalid input explained and nothing stored, stored text shown only as text."""

import pytest
from django.urls import reverse
from hypothesis import example, given

from tests.trust.hostile import (
    MARKUP,
    assert_explained,
    assert_shown_only_as_text,
    client_for,
    few,
    form_data,
    get,
    hostile,
    nasty_text,
    post,
    rolled_back,
    rows,
    sometimes_valid,
)
from volunteers.models import Consent, Signature, Volunteer, VolunteerInterest
from volunteers.profile import services

pytestmark = pytest.mark.django_db

DECLARATION = (
    "Jeg lover å ikke fortelle andre det jeg får vite om dem jeg hjelper, heller ikke senere."
)
VOLUNTEER_TABLES = (
    Volunteer.objects.all(),
    VolunteerInterest.objects.all(),
    Consent.objects.all(),
    Signature.objects.all(),
)


@hostile
@given(
    data=form_data(
        municipality=sometimes_valid("3434", "0301"),
        area=nasty_text,
        interests=sometimes_valid("visiting_friend", "transport"),
        skills=nasty_text,
        languages=nasty_text,
        evenings=sometimes_valid("on"),
        frequency=sometimes_valid("weekly", "monthly"),
        contact_by=sometimes_valid("email", "phone"),
        phone=sometimes_valid("912 34 567", "+47 912 34 567"),
        consent=sometimes_valid("on"),
    )
)
@example(data={"municipality": "3434", "interests": "walks", "frequency": "weekly",
               "contact_by": "email", "consent": ""})  # fmt: skip
@example(data={"municipality": "'; DROP TABLE volunteers_volunteer; --", "consent": "on"})
def test_registration_never_fails_and_stores_nothing_it_refuses(volunteer, data):
    with rolled_back():
        before = rows(*VOLUNTEER_TABLES)
        response = post(client_for(volunteer), reverse("volunteers:register"), data)
        if response.status_code == 302:
            registered = Volunteer.objects.get(user=volunteer)
            assert registered.consents.count() == 1
            page = get(client_for(volunteer), reverse("volunteers:own_page"))
            assert_shown_only_as_text(page.content.decode(), registered.area)
        else:
            assert_explained(response)
            assert rows(*VOLUNTEER_TABLES) == before


@pytest.mark.parametrize("payload", [payload for payload, _live in MARKUP])
def test_markup_in_the_profile_is_shown_only_as_text(volunteer, coordinator_lom, payload):
    data = {
        "municipality": "3434",
        "area": payload[:100],
        "skills": payload[:300],
        "interests": "walks",
        "frequency": "weekly",
        "contact_by": "email",
        "consent": "on",
    }
    assert client_for(volunteer).post(reverse("volunteers:register"), data).status_code == 302
    html = client_for(volunteer).get(reverse("volunteers:own_page")).content.decode()
    assert_shown_only_as_text(html, payload[:100])


@few
@given(data=form_data(agree=sometimes_valid("on"), version=sometimes_valid("1", "2")))
def test_signing_never_fails_and_signs_only_the_current_version(
    volunteer, coordinator_lom, lom, data
):
    with rolled_back():
        registered = Volunteer.objects.create(user=volunteer, municipality=lom)
        services.publish_declaration(municipality=lom, body=DECLARATION, by=coordinator_lom)
        response = post(client_for(volunteer), reverse("volunteers:declaration"), data)
        signed = Signature.objects.filter(volunteer=registered).exists()
        if response.status_code == 302:
            assert signed
        else:
            assert not signed
            assert_explained(response)


@few
@given(
    data=form_data(body=sometimes_valid(DECLARATION, DECLARATION + " <script>alert(1)</script>"))
)
def test_publishing_never_fails_and_publishes_only_valid_text(coordinator_lom, lom, data):
    with rolled_back():
        url = reverse("volunteers:declaration_manage", args=["3434"])
        response = post(client_for(coordinator_lom), url, data)
        published = services.current_declaration(lom)
        if response.status_code == 302:
            assert published is not None
            page = get(client_for(coordinator_lom), url).content.decode()
            assert "<script>alert(1)</script>" not in page
        else:
            assert published is None
            assert_explained(response)


@few
@given(
    data=form_data(
        q=nasty_text,
        interest=sometimes_valid("walks", "transport"),
        when=sometimes_valid("evenings", "weekends"),
        can_drive=sometimes_valid("on"),
        declaration=sometimes_valid("signed", "missing"),
        active_since=sometimes_valid("2025-01-01"),
        status=sometimes_valid("left", "all"),
        sort=sometimes_valid("name", "-name", "newest"),
        page=sometimes_valid("1", "2", "999999999999999999999"),
    )
)
def test_registry_filters_never_fail_and_explain_what_they_refuse(coordinator_lom, lom, data):
    with rolled_back():
        Volunteer.objects.create(user=coordinator_lom, municipality=lom, area="<b>Garmo</b>")
        url = reverse("volunteers:registry", args=["3434"])
        response = get(client_for(coordinator_lom), url, data)
        assert response.status_code == 200
        form = response.context["form"]
        if form.errors:
            assert 'aria-invalid="true"' in response.content.decode()
        assert "<b>Garmo</b>" not in response.content.decode()
