"""The screening pages with something on them, in a real browser: no WCAG 2.1 A/AA violation
that axe-core finds, also with errors shown; and a police certificate check recorded on a
volunteer's page by keyboard alone."""

import datetime
import re

import pytest
from django.core.cache import cache
from django.utils import timezone
from playwright.sync_api import expect

from tests.e2e.conftest import LANGUAGES, assert_accessible, log_in_by_keyboard, speak, tab_to
from tests.factories import PASSWORD, CourseFactory, UserFactory, VolunteerFactory
from tests.factories import VolunteerRoleFactory as RoleFactory
from volunteers.models import CertificateCheck, CourseSession, RoleHolder

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def screening(coordinator_lom):
    cache.clear()
    course = CourseFactory(name="Introduksjonskurs")
    role = RoleFactory(
        name="Besøksvenn", certificate_kinds=["ordinary"], certificate_valid_months=36
    )
    role.required_courses.add(course)
    volunteer = VolunteerFactory(user=UserFactory(full_name="Nils Brimi"))
    holder = RoleHolder.objects.create(volunteer=volunteer, role=role)
    session = CourseSession.objects.create(
        course=course, starts_at=timezone.now() - datetime.timedelta(days=2), place="Lom"
    )
    return {"role": role, "course": course, "volunteer": volunteer, "holder": holder,
            "session": session}  # fmt: skip


@pytest.mark.parametrize("language", LANGUAGES)
def test_screening_pages_have_no_wcag_violations(
    live_server, page, axe, coordinator_lom, screening, language
):
    speak(page, live_server.url, language, coordinator_lom)
    log_in_by_keyboard(page, live_server.url, coordinator_lom.email, PASSWORD)
    base = live_server.url + "/coordination/3434/"
    volunteer, holder = screening["volunteer"], screening["holder"]
    for path in (
        "roles/",
        f"roles/{screening['role'].pk}/",
        "courses/",
        f"courses/{screening['course'].pk}/",
        f"sessions/{screening['session'].pk}/completions/",
        f"volunteers/{volunteer.pk}/",
        f"role-holders/{holder.pk}/police-certificate/",
        f"role-holders/{holder.pk}/remove/",
        "volunteers/?readiness=missing",
    ):
        page.goto(base + path)
        expect(page.locator("html")).to_have_attribute("lang", language)
        assert_accessible(axe, page)
    # Errors shown: a role with a renewal but no certificate; completions with nobody ticked.
    page.goto(base + "roles/")
    page.locator("#id_name").fill("Sjåfør")
    page.locator("#id_what_you_do").fill("Kjører til dagsenteret")
    page.locator("#id_what_you_do_not_do").fill("Gir medisiner")
    page.locator("#id_certificate_valid_months").fill("12")
    page.locator("main form[method=post] button[type=submit]").click()
    expect(page.locator("#id_certificate_valid_months")).to_have_attribute("aria-invalid", "true")
    assert_accessible(axe, page)
    page.goto(base + f"sessions/{screening['session'].pk}/completions/")
    page.locator("main form[method=post] button[type=submit]").click()
    expect(page.locator("#id_volunteers_error")).to_be_visible()
    assert_accessible(axe, page)
    # The volunteer's own page.
    page.context.clear_cookies()
    speak(page, live_server.url, language, volunteer.user)
    log_in_by_keyboard(page, live_server.url, volunteer.user.email, PASSWORD)
    page.goto(live_server.url + "/volunteer/")
    expect(page.locator("html")).to_have_attribute("lang", language)
    expect(page.locator("main")).to_contain_text("Introduksjonskurs")
    assert_accessible(axe, page)


def test_coordinator_records_a_police_certificate_check_by_keyboard(
    live_server, page, axe, coordinator_lom, screening
):
    holder = screening["holder"]
    log_in_by_keyboard(page, live_server.url, coordinator_lom.email, PASSWORD)
    page.goto(live_server.url + f"/coordination/3434/volunteers/{screening['volunteer'].pk}/")
    tab_to(page, text="Registrer kontroll av politiattest for Besøksvenn")
    page.keyboard.press("Enter")  # opens the details
    tab_to(page, label="Ordinær politiattest")  # the role's kind is chosen already
    tab_to(page, label="Dagen den ble vist fram")
    tab_to(page, label="Ja, den var i orden")
    page.keyboard.press("Space")
    tab_to(page, text="Registrer kontrollen")
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(rf"/volunteers/{screening['volunteer'].pk}/#screening$"))
    expect(page.locator("#screening")).to_contain_text("Kontroller av politiattest for Besøksvenn")
    check = CertificateCheck.objects.get(holder=holder)
    assert (check.kind, check.approved, check.checked_by) == ("ordinary", True, coordinator_lom)
    assert check.presented_on == timezone.localdate()
    assert_accessible(axe, page)
