"""Every form that comes back with errors shows one summary at the top (issue 10, "forms that
forgive"): role="alert", focused when the page loads, a heading with the count, each error a
link that moves the focus to its field; and nothing is saved. Checked in a real browser on the
long forms: volunteer registration, the public help form and a need."""

import re

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import assert_accessible
from tests.factories import PASSWORD, UserFactory
from volunteers.models import Need, Volunteer

pytestmark = pytest.mark.django_db(transaction=True)

SUMMARY = "[data-error-summary]"


def _log_in(page, base_url: str, email: str) -> None:
    page.goto(base_url + "/accounts/login/")
    page.fill("input[name=login]", email)
    page.fill("input[name=password]", PASSWORD)
    page.locator("main form button[type=submit]").first.click()
    expect(page).not_to_have_url(re.compile(r"/accounts/login/"))


def _summary_is_focused_and_links_to_fields(page, axe) -> None:
    summary = page.locator(SUMMARY)
    expect(summary).to_have_count(1)
    expect(summary).to_be_visible()
    expect(summary).to_have_attribute("role", "alert")
    expect(summary.locator("h2")).to_contain_text(re.compile(r"Skjemaet har \d+ feil"))
    assert page.evaluate("document.activeElement.hasAttribute('data-error-summary')")
    # the summary is above the fields: the first thing in the form
    assert (
        summary.bounding_box()["y"]
        < page.locator("form select, form input[type=text]").first.bounding_box()["y"]
    )
    links = summary.locator("a[data-error-link]")
    assert links.count() >= 1
    for index in range(links.count()):
        link = links.nth(index)
        target = link.get_attribute("data-error-link")
        link.click()
        assert page.evaluate("document.activeElement.id") == target, target
        expect(page.locator(f"#{target}")).to_be_in_viewport()
    assert_accessible(axe, page)


def test_registration_with_errors_shows_a_focused_summary_and_saves_nothing(live_server, page, axe):
    person = UserFactory()
    _log_in(page, live_server.url, person.email)
    page.goto(live_server.url + "/volunteer/register/")
    page.get_by_role("button", name="Registrer").last.click()
    _summary_is_focused_and_links_to_fields(page, axe)
    expect(page.locator(SUMMARY)).to_contain_text("Kommune")
    assert not Volunteer.objects.exists()


def test_the_public_help_form_with_errors_shows_a_focused_summary_and_saves_nothing(
    live_server, page, axe, coordinator_lom
):
    page.goto(live_server.url + "/help/3434/")
    # Nobody chose a language: Lom's form is in nynorsk, and so is its summary ("Skjemaet har
    # … feil" is the same in both written standards).
    expect(page.locator("html")).to_have_attribute("lang", "nn")
    page.get_by_role("button", name="Send").click()
    page.wait_for_load_state()  # the answer to the POST, before the picture is taken
    page.screenshot(path="/tmp/forms-help-errors.png")
    _summary_is_focused_and_links_to_fields(page, axe)
    summary = page.locator(SUMMARY)
    summary.locator("a[data-error-link=id_consent]").click()
    assert page.evaluate("document.activeElement.id") == "id_consent"
    assert not Need.objects.exists()


def test_a_need_with_errors_shows_a_focused_summary_and_saves_nothing(
    live_server, page, axe, coordinator_lom
):
    _log_in(page, live_server.url, coordinator_lom.email)
    page.goto(live_server.url + "/coordination/3434/needs/new/")
    page.get_by_role("button", name="Registrer behovet").click()
    _summary_is_focused_and_links_to_fields(page, axe)
    assert not Need.objects.exists()
