"""A volunteer, in a real browser and by keyboard alone, opens an invitation from their page,
says yes, and then sees the person's details; the public form for asking for help is checked
by axe too."""

import re

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import assert_accessible, log_in_by_keyboard, tab_to
from tests.factories import PASSWORD, InvitationFactory, NeedFactory, VolunteerFactory
from volunteers.models import Assignment

pytestmark = pytest.mark.django_db(transaction=True)


def test_the_public_help_form_is_accessible_and_explains_its_errors(
    live_server, page, axe, coordinator_lom
):
    # A visitor who has chosen no language reads Lom's form in Lom's written standard.
    page.goto(live_server.url + "/help/3434/")
    expect(page.locator("html")).to_have_attribute("lang", "nn")
    expect(page.locator("h1")).to_contain_text("Be om hjelp i Lom")
    expect(page.get_by_label("Fortel litt meir")).to_be_visible()
    assert_accessible(axe, page)
    page.get_by_role("button", name="Send").click()
    expect(page.locator("#id_consent")).to_have_attribute("aria-invalid", "true")
    assert_accessible(axe, page)


def test_a_volunteer_accepts_an_invitation_by_keyboard_and_sees_the_person(
    live_server, page, axe, coordinator_lom, volunteer
):
    need = NeedFactory(
        description="Noen å gå tur med på tirsdager",
        area="Garmo",
        person_name="Olga Haugen",
        address="Storvegen 2",
        access_notes="Nøkkelboks ved kjellerdøra",
        home_care_contact="Hjemmetjenesten sone nord",
    )
    invitation = InvitationFactory(
        need=need,
        volunteer=VolunteerFactory(user=volunteer, interests=["visiting_friend"]),
        invited_by=coordinator_lom,
        reasons=["bor i Garmo", "ledig ukedager, dagtid"],
    )
    log_in_by_keyboard(page, live_server.url, volunteer.email, PASSWORD)
    page.goto(live_server.url + "/volunteer/")

    tab_to(page, text="Les invitasjonen og svar (besøksvenn)")
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(rf"/volunteer/invitations/{invitation.pk}/$"))
    main = page.locator("main")
    expect(main).to_contain_text("Noen å gå tur med på tirsdager")
    expect(main).to_contain_text("bor i Garmo")
    expect(main).not_to_contain_text("Olga Haugen")  # not before saying yes
    assert_accessible(axe, page)

    tab_to(page, text="Ja, jeg vil hjelpe")
    page.keyboard.press("Enter")

    expect(page).to_have_url(re.compile(r"/volunteer/assignments/\d+/$"))
    assignment = Assignment.objects.get(volunteer__user=volunteer)
    assert page.url.endswith(f"/volunteer/assignments/{assignment.pk}/")
    for detail in ("Olga Haugen", "Storvegen 2", "Nøkkelboks ved kjellerdøra",
                   "Hjemmetjenesten sone nord"):  # fmt: skip
        expect(main).to_contain_text(detail)
    assert_accessible(axe, page)
