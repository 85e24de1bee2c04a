"""A coordinator registers a volunteer who has no email, by phone, with the keyboard alone:
from the registry to the new volunteer's page, with the consent read out; axe checks each page."""

import re

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import assert_accessible, log_in_by_keyboard, speak, tab_to, type_into
from tests.factories import PASSWORD
from volunteers.models import Consent, Volunteer

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_coordinator_registers_a_phone_only_volunteer_by_keyboard(
    live_server, page, axe, coordinator_lom
):
    speak(page, live_server.url, "en", coordinator_lom)
    log_in_by_keyboard(page, live_server.url, coordinator_lom.email, PASSWORD)
    page.goto(live_server.url + "/coordination/3434/volunteers/")
    assert_accessible(axe, page)

    tab_to(page, text="Register a volunteer by phone")
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/coordination/3434/volunteers/new/$"))
    expect(page.locator("#consent-text")).to_contain_text("The municipality stores")
    assert_accessible(axe, page)

    # Sent without the consent: the error summary says so, nothing is stored.
    type_into(page, "Ragnhild Øyen", name="name")
    type_into(page, "612 34 567", name="phone")
    tab_to(page, name="area")
    page.keyboard.type("Bøverdalen")
    tab_to(page, label="Visiting friend")
    page.keyboard.press("Space")
    tab_to(page, name="weekday_daytime")
    page.keyboard.press("Space")
    tab_to(page, text="Register the volunteer")
    page.keyboard.press("Enter")
    expect(page.locator("[data-error-summary]")).to_contain_text("Read the text out")
    assert_accessible(axe, page)
    assert not Volunteer.objects.exists()

    tab_to(page, name="consent_given")
    page.keyboard.press("Space")
    tab_to(page, text="Register the volunteer")
    page.keyboard.press("Enter")

    expect(page).to_have_url(re.compile(r"/coordination/3434/volunteers/\d+/$"))
    expect(page.locator("main")).to_contain_text("612 34 567")
    expect(page.locator("#consent")).to_contain_text("Given by phone")
    assert_accessible(axe, page)
    volunteer = Volunteer.objects.get()
    assert volunteer.user is None
    assert (volunteer.name, volunteer.phone, volunteer.area) == (
        "Ragnhild Øyen",
        "612 34 567",
        "Bøverdalen",
    )
    assert volunteer.interest_codes == ["visiting_friend"] and volunteer.weekday_daytime
    consent = Consent.objects.get(volunteer=volunteer)
    assert consent.by_phone and consent.recorded_by_id == coordinator_lom.pk
