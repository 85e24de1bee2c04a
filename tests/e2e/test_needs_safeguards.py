"""In a real browser (issue 10): the coordinator's need page for practical help with a decision
says to clarify with the service first and offers no invitation until it is recorded; it says
who matching left out and why; the insurance form saves, and a driver sees it. Checked by axe."""

import re

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import assert_accessible, log_in_by_keyboard, speak
from tests.factories import PASSWORD, NeedFactory, VolunteerFactory, VolunteerRoleFactory
from volunteers.models import RoleHolder

pytestmark = pytest.mark.django_db(transaction=True)


def test_clarify_with_the_service_then_invite(live_server, page, axe, coordinator_lom):
    need = NeedFactory(kind="practical_help", practical_decision="yes", area="Garmo")
    VolunteerFactory(interests=["practical_help"], area="Garmo")
    VolunteerFactory(interests=["practical_help"], area="Bøverdalen", willing_to_travel=False)
    log_in_by_keyboard(page, live_server.url, coordinator_lom.email, PASSWORD)
    page.goto(f"{live_server.url}/coordination/3434/needs/{need.pk}/")
    main = page.locator("main")
    expect(main).to_contain_text("Avklar med tjenesten først.")
    expect(main).to_contain_text("Du kan ikke sende invitasjoner ennå.")
    expect(main).to_contain_text("1 bor i et annet område og reiser ikke")
    expect(page.get_by_role("button", name="Send invitasjoner")).to_have_count(0)
    assert_accessible(axe, page)
    page.screenshot(path="/tmp/needs-safeguard.png", full_page=True)

    page.get_by_role("button", name="Registrer at det er avklart").click()
    expect(page.locator("#id_service-note")).to_have_attribute("aria-invalid", "true")
    assert_accessible(axe, page)
    page.get_by_label("Hva som ble avklart med tjenesten").fill("Hjemmetjenesten beholder vasken")
    page.get_by_role("button", name="Registrer at det er avklart").click()
    expect(page).to_have_url(re.compile(rf"/needs/{need.pk}/$"))
    expect(main).to_contain_text("Hjemmetjenesten beholder vasken")
    expect(page.get_by_role("button", name="Send invitasjoner")).to_be_visible()
    page.screenshot(path="/tmp/needs-clarified.png", full_page=True)


def test_the_insurance_form_and_a_driver_sees_it(
    live_server, page, axe, coordinator_lom, volunteer
):
    role = VolunteerRoleFactory(name="Sjåfør", interest="transport")
    RoleHolder.objects.create(volunteer=VolunteerFactory(user=volunteer), role=role)
    log_in_by_keyboard(page, live_server.url, coordinator_lom.email, PASSWORD)
    page.goto(f"{live_server.url}/coordination/3434/roles/")
    page.get_by_role("link", name=re.compile("Forsikring for frivillige")).click()
    assert_accessible(axe, page)
    page.get_by_label("Hvem som forsikrer de frivillige").fill("Lom kommune, gjennom KLP")
    page.get_by_label("Hva forsikringen dekker").fill("Ulykker og skader mens du hjelper")
    page.get_by_label("Når en frivillig kjører egen bil").fill("Din egen bilforsikring gjelder")
    page.screenshot(path="/tmp/needs-insurance-form.png", full_page=True)
    page.get_by_role("button", name="Lagre").click()
    expect(page).to_have_url(re.compile(r"/coordination/3434/roles/$"))

    page.context.clear_cookies()
    log_in_by_keyboard(page, live_server.url, volunteer.email, PASSWORD)
    page.goto(live_server.url + "/volunteer/")
    expect(page.locator("main")).to_contain_text("Din egen bilforsikring gjelder")
    assert_accessible(axe, page)


def test_the_public_form_asks_about_a_decision_for_practical_help(
    live_server, page, axe, coordinator_lom
):
    speak(page, live_server.url, "nb")  # Lom's own pages are in nynorsk unless one chooses
    page.goto(live_server.url + "/help/3434/")
    page.get_by_label("Praktisk hjelp").check()
    page.get_by_label("Fortell litt mer").fill("Hjelp til å handle på fredager")
    page.get_by_label("Navnet til den som trenger hjelp").fill("Olga Haugen")
    page.get_by_label("Telefonnummeret deres").fill("61211234")
    page.get_by_label("Bygd eller del av kommunen").fill("Garmo")
    page.get_by_label("Jeg er verge for personen").check()
    page.get_by_label(re.compile("Ja, opplysningene kan lagres")).check()
    page.get_by_role("button", name="Send").click()
    expect(page.locator("#id_practical_decision_0")).to_have_attribute("aria-invalid", "true")
    assert_accessible(axe, page)
    page.screenshot(path="/tmp/needs-help-form.png", full_page=True)
    page.get_by_label("Vet ikke").check()
    page.get_by_role("button", name="Send").click()
    expect(page).to_have_url(re.compile(r"/help/3434/thanks/$"))
