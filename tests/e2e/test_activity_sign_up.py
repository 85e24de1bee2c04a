"""An elderly participant signs up for a meeting with a ride, by keyboard alone, in bokmål and in
nynorsk: the error summary takes the focus when the pick-up address is missing, and the receipt
says they have a place and a ride is requested. axe checks the form and the receipt."""

import re

import pytest
from playwright.sync_api import expect

from activities.models import SignUp, SignUpStatus
from tests.activities.factories import ActivityFactory, SessionFactory
from tests.e2e.conftest import assert_accessible, speak, tab_to, type_into

pytestmark = pytest.mark.django_db(transaction=True)

# (language, how the page is set to it, what the receipt says)
CASES = [
    ("nn", "Lom's written standard", "har fått plass", "Skyss er bestilt"),
    ("nb", "the language switcher", "har fått plass", "Skyss er bestilt"),
]


@pytest.mark.parametrize(("language", "how", "has_place", "ride"), CASES)
def test_an_elderly_participant_signs_up_with_a_ride_by_keyboard(
    live_server, page, axe, language, how, has_place, ride
):
    session = SessionFactory(
        activity=ActivityFactory(title="Fredagstreff", transport_offered=True, capacity=12)
    )
    if language == "nb":
        speak(page, live_server.url, "nb")  # Lom writes nynorsk; the switcher's cookie wins
    page.goto(f"{live_server.url}/activities/3434/sessions/{session.pk}/sign-up/")
    expect(page.locator("html")).to_have_attribute("lang", language)
    assert_accessible(axe, page)

    type_into(page, "Ingrid Bakken", name="participant_name")
    type_into(page, "412 34 567", name="participant_phone")
    tab_to(page, name="needs_transport")
    page.keyboard.press("ArrowDown")  # «Yes, I need a ride»
    tab_to(page, name="mobility_aids")
    page.keyboard.press("Space")  # a walker
    tab_to(page, name="accessibility_needs")
    page.keyboard.press("Shift+Tab")
    # Send without the pick-up address: the error summary appears and takes the focus.
    tab_to(page, name="reminder")
    page.keyboard.press("Enter")
    summary = page.locator("[data-error-summary]")
    expect(summary).to_be_visible()
    expect(summary).to_be_focused()
    assert_accessible(axe, page)
    assert not SignUp.objects.exists()

    type_into(page, "Bøverdalsvegen 12", name="pickup_address")
    type_into(page, "Bøverdalen", name="pickup_area")
    page.keyboard.press("Enter")

    expect(page).to_have_url(re.compile(r"/activities/sign-ups/[\w-]+/$"))
    main = page.locator("main")
    expect(main.locator("h1")).to_contain_text(has_place)
    expect(main).to_contain_text(ride)
    expect(main).to_contain_text("Bøverdalsvegen 12")
    assert_accessible(axe, page)
    signup = SignUp.objects.get()
    assert signup.status == SignUpStatus.CONFIRMED and signup.needs_transport
    assert signup.mobility_aids == ["walker"]
