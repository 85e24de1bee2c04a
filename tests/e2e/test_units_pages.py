"""Units, the forum and the responsibility map in a real browser: no WCAG 2.1 A/AA violation
that axe-core finds (also with the map's warnings and a refused form shown), and a cell of the
responsibility map set and saved by keyboard alone."""

import datetime
import re

import pytest
from django.core.cache import cache
from django.utils import timezone
from playwright.sync_api import expect

from coordination.models import (
    ForumMeeting,
    Membership,
    ResponsibilityAssignment,
    ResponsibilityRole,
    Unit,
    UnitContact,
)
from coordination.responsibility.services import map_for
from tests.e2e.conftest import (
    LANGUAGES,
    assert_accessible,
    focused,
    log_in_by_keyboard,
    speak,
    tab_to,
)
from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def units_setup(lom, coordinator_lom, volunteer_contact_lom):
    cache.clear()
    contact = Membership.objects.get(user=volunteer_contact_lom)
    nursing = Unit.objects.create(
        municipality=lom, name="Lom sjukeheim", kind="nursing_home", leader_name="Eli Vole"
    )
    Unit.objects.create(municipality=lom, name="Heimetenesta i Lom", kind="home_care")
    UnitContact.objects.create(unit=nursing, membership=contact)
    meeting = ForumMeeting.objects.create(
        municipality=lom,
        starts_at=timezone.now() - datetime.timedelta(days=20),
        place="Lom rådhus",
        agenda="1. Velkommen\n2. Vinteren",
        minutes="Vi planla vinteren.",
        minutes_by=coordinator_lom,
        minutes_by_name=coordinator_lom.full_name,
        minutes_at=timezone.now(),
    )
    meeting.attendees.add(contact)
    ForumMeeting.objects.create(
        municipality=lom, starts_at=timezone.now() + datetime.timedelta(days=20), place="Lom"
    )
    map_ = map_for(lom)
    party = map_.parties.first()
    for task in list(map_.tasks.all())[1:]:
        ResponsibilityAssignment.objects.create(
            task=task, party=party, role=ResponsibilityRole.RESPONSIBLE
        )
    return {"unit": nursing, "meeting": meeting, "map": map_}


@pytest.mark.parametrize("language", LANGUAGES)
def test_units_forum_and_map_pages_have_no_wcag_violations(
    live_server, page, axe, coordinator_lom, volunteer_contact_lom, units_setup, language
):
    speak(page, live_server.url, language, coordinator_lom)
    log_in_by_keyboard(page, live_server.url, coordinator_lom.email, PASSWORD)
    base = live_server.url + "/coordination/3434/"
    for path in (
        "units/",
        "units/?without=contact",
        f"units/{units_setup['unit'].pk}/",
        "units/forum/",
        f"units/forum/{units_setup['meeting'].pk}/",
        f"units/forum/{units_setup['meeting'].pk}/minutes/",
        "units/forum/add/",
        "responsibility/",
        "responsibility/edit/",
    ):
        page.goto(base + path)
        expect(page.locator("html")).to_have_attribute("lang", language)
        assert_accessible(axe, page)
    # A refused form: a unit without a name.
    page.goto(base + "units/add/")
    page.locator("main form[method=post] button[type=submit]").click()
    expect(page.locator("#id_name")).to_have_attribute("aria-invalid", "true")
    assert_accessible(axe, page)
    # The volunteer contact's read-only views.
    page.context.clear_cookies()
    speak(page, live_server.url, language, volunteer_contact_lom)
    log_in_by_keyboard(page, live_server.url, volunteer_contact_lom.email, PASSWORD)
    for path in ("units/", "units/forum/", "responsibility/"):
        page.goto(base + path)
        expect(page.locator("html")).to_have_attribute("lang", language)
        assert_accessible(axe, page)
    expect(page.locator("main a[href$='/responsibility/edit/']")).to_have_count(0)
    expect(page.locator("main select")).to_have_count(0)


def test_coordinator_sets_a_cell_in_the_map_and_saves_by_keyboard(
    live_server, page, axe, coordinator_lom, units_setup
):
    map_ = units_setup["map"]
    first_task, party = map_.tasks.first(), map_.parties.first()
    log_in_by_keyboard(page, live_server.url, coordinator_lom.email, PASSWORD)
    page.goto(live_server.url + "/coordination/3434/responsibility/edit/")
    expect(page.locator("#warnings")).to_contain_text("Rekruttering av frivillige har ingen")
    tab_to(page, label="Rekruttering av frivillige – Frivillighetskoordinator")
    page.keyboard.press("ArrowDown")  # "–" → "A – Ansvarlig"
    # Back to the save button just above the grid (a long grid has one below it as well).
    page.keyboard.press("Shift+Tab")
    current = focused(page)
    assert current["text"] == "Lagre ansvarskartet", current
    assert current["outline"] != "none" or current["shadow"] != "none", current
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/responsibility/edit/$"))
    expect(page.locator(".messages")).to_contain_text("Ansvarskartet er lagret.")
    expect(page.locator("#warnings")).to_contain_text("Hver oppgave har nøyaktig én ansvarlig.")
    cell = ResponsibilityAssignment.objects.get(task=first_task, party=party)
    assert cell.role == ResponsibilityRole.RESPONSIBLE
    assert_accessible(axe, page)
