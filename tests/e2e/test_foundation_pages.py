"""The foundation's pages in a real browser: accessible, keyboard-only, in every language."""

import re

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import (
    LANGUAGES,
    assert_accessible,
    focused,
    log_in_by_keyboard,
    speak,
    tab_to,
    type_into,
)
from tests.factories import PASSWORD, UserFactory

pytestmark = pytest.mark.django_db(transaction=True)

PUBLIC_PAGES = ["/", "/municipalities/", "/municipalities/3434/", "/accounts/login/",
                "/accounts/signup/", "/accounts/password/reset/", "/privacy/",
                "/accessibility/", "/municipalities/?q=Lom" + "m" * 100]  # fmt: skip


@pytest.mark.parametrize("language", LANGUAGES)
def test_public_pages_have_no_wcag_violations(live_server, page, axe, language):
    speak(page, live_server.url, language)
    for path in PUBLIC_PAGES:
        page.goto(live_server.url + path)
        expect(page.locator("html")).to_have_attribute("lang", language)
        assert_accessible(axe, page)


def test_a_visitor_who_has_not_chosen_reads_a_municipality_in_its_written_standard(
    live_server, page
):
    """Lom writes nynorsk and Drammen bokmål; a page of no municipality is in bokmål."""
    for path, language in [("/municipalities/3434/", "nn"), ("/municipalities/3301/", "nb"),
                           ("/municipalities/", "nb")]:  # fmt: skip
        page.goto(live_server.url + path)
        expect(page.locator("html")).to_have_attribute("lang", language)


def test_skip_link_is_first_and_moves_focus_to_main(live_server, page):
    page.goto(live_server.url + "/")
    page.keyboard.press("Tab")
    assert focused(page)["text"] == "Hopp til hovedinnholdet"
    page.keyboard.press("Enter")
    assert focused(page)["id"] == "main"


def test_log_in_by_keyboard_alone(live_server, page):
    UserFactory(email="tastatur@samspill.example", full_name="Tora Tastatur")
    log_in_by_keyboard(page, live_server.url, "tastatur@samspill.example", PASSWORD)
    expect(page.locator("h1")).to_contain_text("Tora")


def test_sign_up_by_keyboard_alone_and_see_errors_announced(live_server, page, axe):
    page.goto(live_server.url + "/accounts/signup/")
    type_into(page, "Signe Tast", name="full_name")
    type_into(page, "signe@samspill.example", name="email")
    type_into(page, "kort", name="password1")
    type_into(page, "kort", name="password2")
    page.keyboard.press("Enter")
    error = page.locator("#id_password1").get_attribute("aria-describedby") or ""
    assert error, "the password error must be linked to its field"
    expect(page.locator("#id_password1")).to_have_attribute("aria-invalid", "true")
    assert_accessible(axe, page)


def test_directory_search_updates_results_in_place(live_server, page, axe):
    page.goto(live_server.url + "/municipalities/")
    tab_to(page, name="q")
    page.keyboard.type("Lom")
    expect(page.locator("#municipality-results")).to_contain_text("1 kommune funnet")
    expect(page).to_have_url(re.compile(r"q=Lom"))
    assert_accessible(axe, page)


def test_page_reflows_at_200_percent_zoom(live_server, page):
    """WCAG 1.4.4/1.4.10: at 200 % zoom (a 640 px wide viewport) nothing needs sideways
    scrolling and the menu is still reachable."""
    page.set_viewport_size({"width": 640, "height": 900})
    page.goto(live_server.url + "/")
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    tab_to(page, text="Meny")
    page.keyboard.press("Enter")
    expect(page.get_by_role("link", name="Kommuner")).to_be_visible()
