"""Browser tests: Playwright driving Debian's Chromium (never a downloaded browser)."""

import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.conf import settings
from playwright.sync_api import expect

WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
MAX_TABS = 60
# Every language the portal speaks, from the one list (settings.LANGUAGES): a browser test that
# checks pages per language runs in each of them.
LANGUAGES = [code for code, _name in settings.LANGUAGES]


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/e2e/" in str(item.fspath):
            item.add_marker(pytest.mark.e2e)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {
        **browser_type_launch_args,
        "executable_path": "/usr/bin/chromium",
        "headless": True,
        "args": [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
        ],
    }


@pytest.fixture(scope="session")
def axe():
    return Axe()


def speak(page, base_url: str, language: str, *people) -> None:
    """Make the site speak ``language`` on ``page``: the language switcher's cookie, and, for
    each person given (those who log in on this page), the same language saved as their own
    choice, since a logged-in person's choice beats the cookie (coordination.kernel.languages).
    Call it again after clearing the context's cookies."""
    assert language in LANGUAGES, language
    page.context.add_cookies(
        [{"name": settings.LANGUAGE_COOKIE_NAME, "value": language, "url": base_url}]
    )
    for person in people:
        person.preferred_language = language
        person.save(update_fields=["preferred_language"])


def assert_accessible(axe, page):
    """No WCAG 2.1 A/AA violation that axe-core can find on the page as it is now."""
    # resultTypes: only the violations in full; axe would otherwise send every passing node
    # back too (a third of the time of each check).
    options = {"runOnly": {"type": "tag", "values": WCAG_21_AA}, "resultTypes": ["violations"]}
    results = axe.run(page, options=options)
    assert results.violations_count == 0, results.generate_report()


def focused(page) -> dict:
    return page.evaluate(
        """() => {
            const el = document.activeElement;
            const label = el.labels && el.labels.length ? el.labels[0].innerText.trim() : "";
            const style = getComputedStyle(el);
            return {tag: el.tagName, text: (el.innerText || "").trim(), label,
                    name: el.getAttribute("name") || "", id: el.id || "",
                    outline: style.outlineStyle, shadow: style.boxShadow};
        }"""
    )


def tab_to(page, *, label=None, text=None, name=None) -> dict:
    """Press Tab until the element with this label, text or name has focus; check that the
    focus is visible there. The keyboard-only journeys are built from this."""
    for _ in range(MAX_TABS):
        page.keyboard.press("Tab")
        current = focused(page)
        if (
            (label is not None and current["label"].startswith(label))
            or (text is not None and current["text"] == text)
            or (name is not None and current["name"] == name)
        ):
            assert current["outline"] != "none" or current["shadow"] != "none", current
            return current
    raise AssertionError(f"Tab never reached {label or text or name!r}")


def type_into(page, value: str, **target) -> None:
    tab_to(page, **target)
    page.keyboard.type(value)


# Where a person lands after logging in (coordination.kernel.account_adapter.landing_url).
LANDING = re.compile(r"/(my|volunteer|coordination/\d{4}|grants/makers/\d+)/$")


def log_in_by_keyboard(page, base_url: str, email: str, password: str) -> None:
    """Log in from the login page with the keyboard alone, and land where the person's work is
    (issue 10: My page, a volunteer's page, or a municipality's coordination overview)."""
    page.goto(base_url + "/accounts/login/")
    type_into(page, email, name="login")
    type_into(page, password, name="password")
    page.keyboard.press("Enter")
    expect(page).to_have_url(LANDING)
