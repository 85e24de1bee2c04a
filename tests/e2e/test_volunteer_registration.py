"""A new volunteer, in a real browser: from My page through registration to the signed
confidentiality declaration, by keyboard alone, with every page checked by axe."""

import re

import pytest
from playwright.sync_api import expect

from coordination.models import Municipality, Role
from tests.e2e.conftest import assert_accessible, log_in_by_keyboard, tab_to, type_into
from tests.factories import PASSWORD, MembershipFactory, UserFactory, VolunteerFactory
from volunteers.models import Signature, Volunteer
from volunteers.profile import services

pytestmark = pytest.mark.django_db(transaction=True)

DECLARATION = (
    "Jeg lover å ikke fortelle andre det jeg får vite om dem jeg hjelper, heller ikke senere."
)


def _press(page, key, times=1):
    for _ in range(times):
        page.keyboard.press(key)


def test_a_new_volunteer_registers_and_signs_by_keyboard(live_server, page, axe, coordinator_lom):
    services.publish_declaration(
        municipality=Municipality.objects.get(pk="3434"), body=DECLARATION, by=coordinator_lom
    )
    person = UserFactory(email="ny.frivillig@samspill.example", full_name="Solveig Ny")
    log_in_by_keyboard(page, live_server.url, person.email, PASSWORD)
    assert_accessible(axe, page)

    tab_to(page, text="Registrer deg som frivillig")
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/volunteer/register/$"))
    assert_accessible(axe, page)

    tab_to(page, name="municipality")
    page.keyboard.type("Lom")  # a select jumps to the typed name
    type_into(page, "Bøverdalen", name="area")
    tab_to(page, label="Besøksvenn")
    page.keyboard.press("Space")
    tab_to(page, name="evenings")
    page.keyboard.press("Space")
    type_into(page, "912 34 567", name="phone")
    tab_to(page, name="consent")
    page.keyboard.press("Space")
    page.keyboard.press("Enter")  # submits the form

    expect(page).to_have_url(re.compile(r"/volunteer/declaration/\?in=3434$"))
    expect(page.locator(".declaration-text")).to_contain_text("Jeg lover")
    assert_accessible(axe, page)
    tab_to(page, name="agree")
    page.keyboard.press("Space")
    tab_to(page, text="Skriv under")
    page.keyboard.press("Enter")

    expect(page).to_have_url(re.compile(r"/volunteer/$"))
    expect(page.locator("main")).to_contain_text("Versjon 1")
    assert_accessible(axe, page)
    volunteer = Volunteer.objects.get(user=person)
    assert (volunteer.municipality_id, volunteer.area, volunteer.evenings) == (
        "3434",
        "Bøverdalen",
        True,
    )
    assert volunteer.interest_codes == ["visiting_friend"]
    assert Signature.objects.filter(volunteer=volunteer, text__version=1).exists()


def test_registration_errors_are_announced_next_to_their_fields(live_server, page, axe):
    person = UserFactory()
    log_in_by_keyboard(page, live_server.url, person.email, PASSWORD)
    page.goto(live_server.url + "/volunteer/register/")
    page.get_by_role("button", name="Registrer").last.click()
    for field in ("id_municipality", "id_consent"):
        described = page.locator(f"#{field}").get_attribute("aria-describedby") or ""
        assert "error" in described, field
    expect(page.locator("#id_consent")).to_have_attribute("aria-invalid", "true")
    assert_accessible(axe, page)
    assert not Volunteer.objects.exists()


def test_a_volunteer_joins_a_neighbouring_municipality_and_switches_by_keyboard(
    live_server, page, axe, coordinator_lom
):
    """Lom's volunteer also helps in Vågå (issue 13): the same login, a second registration
    with its own consent, and My page showing one municipality at a time."""
    vaga = Municipality.objects.get(pk="3435")
    MembershipFactory(municipality=vaga, role=Role.COORDINATOR)
    person = UserFactory(email="nils@samspill.example", full_name="Nils Brimi")
    VolunteerFactory(user=person, area="Bøverdalen", interests=["transport"])
    log_in_by_keyboard(page, live_server.url, person.email, PASSWORD)

    tab_to(page, text="Hjelp i en nabokommune også")
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/volunteer/register/$"))
    expect(page.locator("input[name=area]")).to_have_value("Bøverdalen")  # what Lom has
    assert_accessible(axe, page)
    tab_to(page, name="municipality")
    page.keyboard.type("Vågå")
    tab_to(page, name="area")
    page.keyboard.press("Control+a")  # replace what was copied from Lom
    page.keyboard.type("Vågåmo")
    tab_to(page, name="consent")
    page.keyboard.press("Space")
    page.keyboard.press("Enter")

    expect(page).to_have_url(re.compile(r"/volunteer/declaration/\?in=3435$"))
    expect(page.locator("h1")).to_contain_text("Taushetserklæring")
    page.goto(live_server.url + "/volunteer/")
    assert_accessible(axe, page)
    # The page shows the municipality she last looked at (Vågå, just joined) ...
    expect(page.locator("[aria-current=page]")).to_have_text("Vågå")
    expect(page.locator("main")).to_contain_text("Vågåmo")
    tab_to(page, text="Lom")  # ... and Lom is one key away
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/volunteer/\?in=3434$"))
    expect(page.locator("[aria-current=page]")).to_have_text("Lom")
    expect(page.locator("main")).to_contain_text("Bøverdalen")
    expect(page.locator("main")).not_to_contain_text("Vågåmo")
    assert Volunteer.objects.filter(user=person).count() == 2
