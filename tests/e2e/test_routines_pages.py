"""The routine binder and the annual wheel in a real browser: no WCAG 2.1 A/AA violation that
axe-core finds on the list, a routine with versions, a version with its changes, the starter
routines and the wheel (also with errors shown); and a routine edited and saved by keyboard
alone."""

import re

import pytest
from django.core.cache import cache
from playwright.sync_api import expect

from coordination.models import Municipality
from coordination.routines import services
from coordination.wheel import services as wheel_services
from tests.e2e.conftest import LANGUAGES, assert_accessible, log_in_by_keyboard, speak, tab_to
from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def binder(coordinator_lom):
    cache.clear()
    lom = Municipality.objects.get(pk="3434")
    copied, _ = services.copy_starter_routines(
        municipality=lom, by=coordinator_lom, keys=["welcome", "worried", "confidentiality"]
    )
    welcome = copied[0]
    services.approve_routine(routine=welcome, by=coordinator_lom)
    version = services.edit_routine(
        routine=welcome, by=coordinator_lom, title=welcome.title,
        body=welcome.versions.get().body.replace("innen en uke", "innen tre dager"),
        note="Raskere første kontakt.",
    )  # fmt: skip
    for title, category, month in (("Introduksjonskurs", "course", 3),
                                   ("Sommerfest", "recognition", 6),
                                   ("Julebord", "recognition", 12),
                                   ("Frivilligforum", "meeting", 4)):  # fmt: skip
        wheel_services.create_wheel_event(
            municipality=lom, by=coordinator_lom, title=title, category=category, month=month
        )
    return {"welcome": welcome, "version": version}


@pytest.mark.parametrize("language", LANGUAGES)
def test_routine_and_wheel_pages_have_no_wcag_violations(
    live_server, page, axe, coordinator_lom, binder, language
):
    speak(page, live_server.url, language, coordinator_lom)
    log_in_by_keyboard(page, live_server.url, coordinator_lom.email, PASSWORD)
    base = live_server.url + "/coordination/3434/"
    welcome = binder["welcome"]
    for path in (
        "routines/",
        "routines/?due=on",
        f"routines/{welcome.pk}/",
        f"routines/{welcome.pk}/versions/",
        f"routines/versions/{binder['version'].pk}/",
        f"routines/{welcome.pk}/approve/",
        f"routines/{welcome.pk}/people/",
        "routines/starter/",
        "wheel/",
        "wheel/events/",
    ):
        page.goto(base + path)
        expect(page.locator("html")).to_have_attribute("lang", language)
        assert_accessible(axe, page)
    expect(page.locator("main")).to_contain_text("Introduksjonskurs")
    # Errors shown: a routine without its text; an event in a month that has no such day.
    page.goto(base + "routines/new/")
    page.locator("#id_title").fill("Skyss")
    page.locator("main form[method=post] button[type=submit]").click()
    expect(page.locator("#id_body")).to_have_attribute("aria-invalid", "true")
    assert_accessible(axe, page)
    page.goto(base + "wheel/")
    assert page.locator("svg.annual-wheel .wheel-marker").count() == 4
    assert page.locator("svg.annual-wheel .wheel-month").count() == 12


def test_a_coordinator_edits_a_routine_and_saves_it_by_keyboard(
    live_server, page, axe, coordinator_lom, binder
):
    routine = binder["welcome"]
    log_in_by_keyboard(page, live_server.url, coordinator_lom.email, PASSWORD)
    page.goto(live_server.url + f"/coordination/3434/routines/{routine.pk}/")
    tab_to(page, text="Endre rutinen")
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(rf"/routines/{routine.pk}/edit/$"))
    tab_to(page, label="Hva rutinen sier")
    page.keyboard.press("Control+End")
    page.keyboard.type("\n\n9. Koordinatoren ringer den frivillige etter første oppdrag.")
    tab_to(page, label="Hva som er endret")
    page.keyboard.type("Oppringning etter første oppdrag.")
    tab_to(page, text="Lagre rutinen")
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(rf"/routines/{routine.pk}/$"))
    expect(page.locator("main")).to_contain_text("Koordinatoren ringer den frivillige")
    latest = routine.versions.order_by("-number").first()
    assert (latest.number, latest.note, latest.changed_by) == (
        3, "Oppringning etter første oppdrag.", coordinator_lom,
    )  # fmt: skip
    assert_accessible(axe, page)
