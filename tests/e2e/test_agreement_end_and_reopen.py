"""Ending an agreement asks first and says what happens; a coordinator reopens it (issue 10),
in a real browser with every page checked by axe. The linked partner's page says who keeps its
shared details."""

import re

import pytest
from playwright.sync_api import expect

from coordination.models import CooperationAgreement
from coordination.partners import services
from tests.e2e.conftest import assert_accessible
from tests.e2e.test_error_summary import _log_in
from tests.factories import municipality

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_coordinator_ends_an_agreement_after_reading_what_it_means_and_reopens_it(
    live_server, page, axe, coordinator_lom, coordinator_drammen
):
    lom = municipality("3434")
    partner, _ = services.create_partner(
        municipality=lom, by=coordinator_lom, name="Lom frivilligsentral",
        kind="volunteer_centre", organisation_number="923609016",
    )  # fmt: skip
    agreement = CooperationAgreement.objects.create(
        municipality=lom, title="Besøksvenner", purpose="Besøk", status="active",
        starts_on="2026-01-01", review_on="2027-01-01",
    )  # fmt: skip
    agreement.party_rows.create(organisation=partner)
    _log_in(page, live_server.url, coordinator_lom.email)
    page.goto(f"{live_server.url}/coordination/3434/partners/agreements/{agreement.pk}/")
    end = page.get_by_role("link", name="Avslutt avtalen …")
    expect(end).to_have_class(re.compile(r"btn-outline-danger"))
    end.click()
    expect(page.locator("h1")).to_contain_text("Avslutte avtalen «Besøksvenner»?")
    expect(page.locator("main")).to_contain_text("kan en frivillighetskoordinator gjenåpne den")
    page.screenshot(path="/tmp/forms-agreement-end.png", full_page=True)
    assert_accessible(axe, page)
    agreement.refresh_from_db()
    assert agreement.status == "active"  # opening the page changed nothing
    page.get_by_role("button", name="Ja, avslutt avtalen").click()
    expect(page.locator(".messages")).to_contain_text("er avsluttet")
    agreement.refresh_from_db()
    assert agreement.status == "ended"

    page.get_by_role("link", name="Gjenåpne avtalen").click()
    assert_accessible(axe, page)
    page.get_by_role("button", name="Ja, gjenåpne avtalen").click()
    expect(page.locator(".messages")).to_contain_text("gjelder igjen")
    agreement.refresh_from_db()
    assert (agreement.status, agreement.ends_on) == ("active", None)

    # Drammen links the same organisation: its edit page says who keeps the shared details.
    services.create_partner(
        municipality=municipality("3301"), by=coordinator_drammen, name="x",
        kind="association", organisation_number="923609016",
    )  # fmt: skip
    page.context.clear_cookies()
    _log_in(page, live_server.url, coordinator_drammen.email)
    page.goto(f"{live_server.url}/coordination/3301/partners/{partner.pk}/edit/")
    expect(page.locator(".linked-partner-note")).to_contain_text("registrert i Samspill av Lom")
    expect(page.locator("main form")).to_have_count(0)
    page.screenshot(path="/tmp/forms-linked-partner.png", full_page=True)
    assert_accessible(axe, page)
