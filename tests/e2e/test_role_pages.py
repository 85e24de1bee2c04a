"""Every page each persona reaches, in every language, in a real browser: no WCAG 2.1 A/AA
violation that axe-core can find; the error pages; the password reset by keyboard alone; and
reflow at 200 % zoom on the pages with the widest content."""

import re
from urllib.parse import urlsplit

import pytest
from django.core.cache import cache
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import expect

from coordination.models import Membership
from tests.crawl import Crawl, links_in_browser, route
from tests.e2e.conftest import (
    LANDING,
    LANGUAGES,
    assert_accessible,
    log_in_by_keyboard,
    speak,
    tab_to,
    type_into,
)
from tests.factories import PASSWORD, UserFactory
from volunteers.models import Volunteer

pytestmark = pytest.mark.django_db(transaction=True)

PERSONAS = ["coordinator_lom", "volunteer_contact_lom", "officer", "reviewer", "applicant",
            "volunteer"]  # fmt: skip
# Checked for every persona, whether or not a link leads there.
ALWAYS = ["/my/", "/my/profile/", "/accounts/email/", "/accounts/password/change/",
          "/accounts/2fa/", "/accounts/2fa/totp/activate/", "/my/delete/"]  # fmt: skip
MAX_DEPTH, MAX_PAGES = 2, 25
# Never followed: logging out, anything that changes data, POST-only endpoints, files.
SKIP = re.compile(
    r"^/accounts/logout/|remove|delete|deactivate|^/i18n/setlang/|^/static/|^/media/|^/admin/"
)

# (persona, language) -> reason: cases with a known violation, reported rather than hidden.
KNOWN_VIOLATIONS: dict[tuple[str, str], str] = {}


def _cases():
    for persona in PERSONAS:
        for language in LANGUAGES:
            reason = KNOWN_VIOLATIONS.get((persona, language))
            marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
            yield pytest.param(persona, language, marks=marks, id=f"{persona}-{language}")


@pytest.fixture(autouse=True)
def _fresh_rate_limits():
    """allauth counts logins per address in the cache; each test here logs in anew."""
    cache.clear()


def _log_in(page, base_url: str, email: str, password: str = PASSWORD) -> None:
    page.goto(base_url + "/accounts/login/")
    page.locator("input[name=login]").fill(email)
    page.locator("input[name=password]").fill(password)
    page.locator("input[name=password]").press("Enter")
    expect(page).to_have_url(LANDING)


class Checker:
    """Runs axe on each page and collects every failure instead of stopping at the first."""

    def __init__(self, page, axe, language: str):
        self.page, self.axe, self.language = page, axe, language
        self.checked: list[str] = []
        self.routes: set[str] = set()
        self.failures: list[str] = []

    def check(self, what: str) -> None:
        self.checked.append(what)
        lang = self.page.locator("html").get_attribute("lang")
        if lang != self.language:
            self.failures.append(f"{what}: <html lang={lang!r}>, expected {self.language!r}")
        try:
            assert_accessible(self.axe, self.page)
        except AssertionError as error:
            self.failures.append(f"{what}:\n{error}")

    def visit(self, base_url: str, path: str) -> bool:
        """Open ``path`` and check it, unless a page of the same view was checked already."""
        try:
            response = self.page.goto(base_url + path)
        except PlaywrightError as error:
            if "Download is starting" in error.message:
                return False  # a file to keep (e.g. the person's data), not a page
            raise
        status = response.status if response else 0
        if status == 405:
            return False  # a POST-only endpoint behind a link: nothing to look at
        if status >= 400:
            self.failures.append(f"{path}: HTTP {status}")
            return False
        landed = urlsplit(self.page.url).path
        if route(landed) not in self.routes:
            self.routes.add(route(landed))
            # Redirected, e.g. sign-up while logged in goes to /my/: say so.
            self.check(path if landed == path else f"{path} -> {landed}")
        return True


def _crawl(checker: Checker, base_url: str) -> None:
    """Breadth-first from /my/ through the site's own links, then the pages always checked.
    Pages of the same view are checked once (one municipality stands for all 357)."""
    crawl = Crawl(["/my/"], key=route)
    for visit in crawl:
        if len(checker.checked) >= MAX_PAGES:
            break
        if checker.visit(base_url, visit.path) and visit.depth < MAX_DEPTH:
            visit.follow(links_in_browser(checker.page, base_url, SKIP))
    for path in ALWAYS:
        if crawl.take(path):
            checker.visit(base_url, path)
    # Turning on two-factor authentication asks for the password again first (allauth's
    # reauthentication, even right after logging in); give it, then check the real page.
    checker.visit(base_url, "/accounts/2fa/totp/activate/")
    if urlsplit(checker.page.url).path == "/accounts/reauthenticate/":
        checker.page.locator("main input[name=password]").fill(PASSWORD)
        checker.page.locator("main input[name=password]").press("Enter")
        expect(checker.page).to_have_url(re.compile(r"/accounts/2fa/totp/activate/$"))
        checker.check("/accounts/2fa/totp/activate/ (after reauthentication)")


def _coordinator_pages(checker: Checker, base_url: str, other_membership: Membership) -> None:
    page = checker.page
    checker.visit(base_url, "/coordination/3434/")
    checker.visit(base_url, "/coordination/3434/roles/add/")  # checked already if linked
    # The form sent empty: the errors must be as accessible as the form.
    page.locator("main button[type=submit]").click()
    expect(page.locator("[aria-invalid=true]").first).to_be_visible()
    checker.check("/coordination/3434/roles/add/ (sent empty)")
    checker.visit(base_url, f"/coordination/3434/roles/{other_membership.pk}/remove/")
    expect(page.locator("main")).to_contain_text(other_membership.user.full_name)
    # Volunteers: the registry with a filter that finds nobody and one that is refused, a
    # volunteer's details, and the declaration page.
    page.goto(base_url + "/coordination/3434/volunteers/?active_since=i+fjor")
    expect(page.locator("#id_active_since")).to_have_attribute("aria-invalid", "true")
    checker.check("/coordination/3434/volunteers/ (a refused filter)")
    volunteer = Volunteer.objects.get(municipality_id="3434")
    checker.visit(base_url, f"/coordination/3434/volunteers/{volunteer.pk}/")
    checker.visit(base_url, "/coordination/3434/declaration/")


@pytest.mark.parametrize(("persona", "language"), list(_cases()))
def test_every_page_of_each_persona_has_no_wcag_violations(
    live_server, page, axe, request, persona, language
):
    user = request.getfixturevalue(persona)
    if persona in ("coordinator_lom", "volunteer_contact_lom"):  # something in the registry
        Volunteer.objects.create(
            user=UserFactory(full_name="Frivillig Fredrikke"), municipality_id="3434"
        )
    speak(page, live_server.url, language, user)
    _log_in(page, live_server.url, user.email)

    checker = Checker(page, axe, language)
    _crawl(checker, live_server.url)
    if persona == "coordinator_lom":
        other = request.getfixturevalue("volunteer_contact_lom")  # a role that can be removed
        _coordinator_pages(checker, live_server.url, Membership.objects.get(user=other))

    print(f"\n{persona} [{language}]: {len(checker.checked)} pages checked")
    for what in checker.checked:
        print(f"  {what}")
    assert not checker.failures, f"{persona} [{language}]\n\n" + "\n\n".join(checker.failures)


@pytest.mark.parametrize("language", LANGUAGES)
def test_not_found_and_forbidden_pages_have_no_wcag_violations(
    live_server, page, axe, coordinator_lom, language
):
    speak(page, live_server.url, language, coordinator_lom)
    _log_in(page, live_server.url, coordinator_lom.email)
    failures = []
    # Another municipality's coordination: 404, never revealing that it exists.
    # The admin for a logged-in person who is not staff: 403.
    for path, status in [("/coordination/3301/", 404), ("/admin/login/", 403)]:
        response = page.goto(live_server.url + path)
        assert response.status == status, path
        expect(page.locator("html")).to_have_attribute("lang", language)
        expect(page.locator("h1")).to_be_visible()
        try:
            assert_accessible(axe, page)
        except AssertionError as error:
            failures.append(f"{path} ({status}):\n{error}")
    assert not failures, "\n\n".join(failures)


# Our own link (templates/account/password_reset_help_text.html), named as our texts name it.
FORGOT_PASSWORD = {
    "nb": "Glemt passord",
    "nn": "Gløymt passord",
    "en": "Forgot password",
}


@pytest.mark.parametrize("language", LANGUAGES)
def test_reset_password_and_log_in_by_keyboard_alone(live_server, page, mailoutbox, language):
    person = UserFactory(email="glemsk.tast@samspill.example", full_name="Gunnar Glemsk")
    new_password = "Nytt-tastatur-passord-2026"
    speak(page, live_server.url, language, person)

    page.goto(live_server.url + "/accounts/login/")
    expect(page.locator("html")).to_have_attribute("lang", language)
    tab_to(page, text=FORGOT_PASSWORD[language])
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/accounts/password/reset/$"))
    type_into(page, "glemsk.tast@samspill.example", name="email")
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/accounts/password/reset/done/$"))

    assert len(mailoutbox) == 1
    assert mailoutbox[0].to == ["glemsk.tast@samspill.example"]
    link = re.search(r"https?://\S+/accounts/password/reset/key/\S+", mailoutbox[0].body)
    assert link, mailoutbox[0].body
    page.goto(link.group(0))
    type_into(page, new_password, name="password1")
    type_into(page, new_password, name="password2")
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/accounts/password/reset/key/done/$"))

    log_in_by_keyboard(page, live_server.url, "glemsk.tast@samspill.example", new_password)
    expect(page.locator("h1")).to_contain_text("Gunnar")
    expect(page.locator("html")).to_have_attribute("lang", language)


REFLOW_PAGES = ["/my/", "/coordination/3434/", "/coordination/3434/audit/"]


@pytest.mark.parametrize("language", LANGUAGES)
def test_role_pages_reflow_at_200_percent_zoom(
    live_server, page, coordinator_lom, volunteer_contact_lom, applicant, language
):
    """WCAG 1.4.10: at 640 px (200 % of 1280) the document never scrolls sideways. A data
    table may scroll inside its .table-responsive wrapper; the document may not. One login
    per language serves all the pages."""
    page.set_viewport_size({"width": 640, "height": 900})
    speak(page, live_server.url, language, coordinator_lom)
    _log_in(page, live_server.url, coordinator_lom.email)
    too_wide = []
    for path in REFLOW_PAGES:
        response = page.goto(live_server.url + path)
        assert response.status == 200 and page.url.endswith(path), page.url
        expect(page.locator("html")).to_have_attribute("lang", language)
        widths = page.evaluate(
            "({scroll: document.documentElement.scrollWidth, inner: window.innerWidth})"
        )
        if widths["scroll"] > widths["inner"]:
            too_wide.append((path, widths))
    assert not too_wide, too_wide
