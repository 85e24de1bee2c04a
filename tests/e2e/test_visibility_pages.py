"""What each role can see, in a real browser (issue 10): a coordinator links a volunteer to a
unit on the volunteer's page and the unit's volunteer contact then finds them; a volunteer
reaches the routine binder and the annual wheel from their own page. No WCAG 2.1 A/AA
violation that axe-core finds on the pages this adds to."""

import re

import pytest
from django.core.cache import cache
from playwright.sync_api import expect

from coordination.models import Membership, Unit, UnitContact
from tests.e2e.conftest import assert_accessible, log_in_by_keyboard
from tests.factories import PASSWORD, RoutineFactory, UserFactory, VolunteerFactory

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def setup(lom, coordinator_lom, volunteer_contact_lom):
    cache.clear()
    nursing = Unit.objects.create(municipality=lom, name="Lom sjukeheim", kind="nursing_home")
    Unit.objects.create(municipality=lom, name="Heimetenesta i Lom", kind="home_care")
    UnitContact.objects.create(
        unit=nursing, membership=Membership.objects.get(user=volunteer_contact_lom)
    )
    tor = VolunteerFactory(user=UserFactory(full_name="Tor Vole", email="tor@example.no"))
    RoutineFactory(owner=coordinator_lom, approved=True, title="Velkomst av nye frivillige")
    return {"tor": tor}


def test_a_coordinator_links_a_volunteer_to_a_unit_and_the_contact_finds_them(
    live_server, page, axe, coordinator_lom, volunteer_contact_lom, setup
):
    base = live_server.url + "/coordination/3434/volunteers/"
    log_in_by_keyboard(page, live_server.url, volunteer_contact_lom.email, PASSWORD)
    page.goto(base)
    expect(page.get_by_role("link", name="Tor Vole")).to_have_count(0)
    page.context.clear_cookies()

    log_in_by_keyboard(page, live_server.url, coordinator_lom.email, PASSWORD)
    page.goto(f"{base}{setup['tor'].pk}/")
    assert_accessible(axe, page)
    page.get_by_label("Lom sjukeheim").check()
    page.get_by_role("button", name="Lagre virksomhetene").click()
    expect(page.get_by_text("Virksomhetene til den frivillige er lagret.")).to_be_visible()
    page.locator("#units").scroll_into_view_if_needed()
    page.screenshot(path="/tmp/visibility-units.png", full_page=False)
    page.context.clear_cookies()

    log_in_by_keyboard(page, live_server.url, volunteer_contact_lom.email, PASSWORD)
    page.goto(base)
    expect(page.get_by_text("der du er frivillighetskontakt: Lom sjukeheim.")).to_be_visible()
    assert_accessible(axe, page)
    page.screenshot(path="/tmp/visibility-registry.png")
    page.get_by_role("link", name="Tor Vole").click()
    heading = page.get_by_role("heading", name="Virksomheter der den frivillige hjelper")
    expect(heading).to_be_visible()
    expect(page.get_by_role("button", name="Lagre virksomhetene")).to_have_count(0)


def test_a_volunteer_reaches_the_binder_and_the_wheel_from_their_page(
    live_server, page, axe, setup
):
    log_in_by_keyboard(page, live_server.url, setup["tor"].user.email, PASSWORD)
    page.goto(live_server.url + "/volunteer/")
    page.get_by_role("link", name=re.compile("^Rutineperm")).first.click()  # «-a»/«-en»
    page.get_by_role("link", name="Velkomst av nye frivillige").click()
    expect(page.get_by_text("1. Slik gjør vi det.")).to_be_visible()
    assert_accessible(axe, page)
    page.screenshot(path="/tmp/visibility-routine.png", full_page=True)
    page.goto(live_server.url + "/volunteer/")
    page.get_by_role("link", name="Årshjulet").first.click()
    expect(page).to_have_url(live_server.url + "/coordination/3434/wheel/")
    assert_accessible(axe, page)
