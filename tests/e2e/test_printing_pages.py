"""Printed documents in a real browser (issue 14): a coordinator chooses a language and asks
for the responsibility map by keyboard alone; the page shows the job's progress without a
reload and then the link to download the PDF. No WCAG 2.1 A/AA violation that axe-core finds."""

import re

import pytest
from django.core.cache import cache
from playwright.sync_api import expect

from coordination.printing.models import PrintedDocument
from coordination.responsibility.services import map_for
from tests.e2e.conftest import assert_accessible, log_in_by_keyboard, tab_to
from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_coordinator_prints_the_map_by_keyboard_and_sees_it_ready(
    page, live_server, axe, coordinator_lom, lom
):
    cache.clear()
    map_for(lom)
    log_in_by_keyboard(page, live_server.url, coordinator_lom.email, PASSWORD)
    page.goto(f"{live_server.url}/coordination/3434/documents/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Utskrifter – Lom")
    assert_accessible(axe, page)
    section = page.locator("#responsibility-map")
    expect(section.get_by_label("Språk")).to_have_value("nn")  # Lom writes nynorsk

    tab_to(page, text="Lag PDF\n: Ansvarskart")  # named for screen readers
    page.keyboard.press("Shift+Tab")  # back to the language
    page.keyboard.press("ArrowUp")  # nynorsk -> bokmål
    expect(section.get_by_label("Språk")).to_have_value("nb")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    download = section.get_by_role("link", name=re.compile("^Last ned PDF-en: Ansvarskart"))
    expect(download).to_be_visible(timeout=20_000)  # polled in, no reload
    assert page.url.endswith("/documents/")
    kept = PrintedDocument.objects.get()
    assert kept.language == "nb"
    assert_accessible(axe, page)
    page.screenshot(path="/tmp/printing-documents.png", full_page=True)
