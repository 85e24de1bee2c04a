"""Issue 10, security: the volunteer's own profile names their municipality instead of offering
it as a field, and the page stays accessible."""

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import assert_accessible, log_in_by_keyboard
from tests.factories import PASSWORD, UserFactory, VolunteerFactory

pytestmark = pytest.mark.django_db(transaction=True)


def test_the_profile_names_the_municipality_and_offers_no_field(live_server, page, axe, lom):
    person = UserFactory(email="astrid@samspill.example", full_name="Astrid Rustad")
    VolunteerFactory(user=person, area="Bøverdalen")
    log_in_by_keyboard(page, live_server.url, person.email, PASSWORD)
    page.goto(f"{live_server.url}/volunteer/profile/")
    expect(page.locator("main form")).to_contain_text("Kommune: Lom")
    expect(page.locator("main form")).to_contain_text("registrerer du deg der fra siden din")
    assert page.locator('[name="municipality"]').count() == 0
    assert_accessible(axe, page)
    page.screenshot(path="/tmp/security-profile.png", full_page=True)
