"""A job left "being made" by an outage, in a real browser: the files page says so in plain
words and offers "Start again" to the person who asked; pressed by keyboard alone, the same
record becomes a ready file. No WCAG 2.1 A/AA violation that axe-core finds."""

import re

import pytest
from django.core.cache import cache
from django.utils import timezone
from playwright.sync_api import expect

from coordination.kernel import files
from coordination.models import GeneratedFile
from tests.e2e.conftest import assert_accessible, log_in_by_keyboard, tab_to
from tests.factories import PASSWORD, UserFactory, VolunteerFactory

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_stuck_export_is_started_again_by_keyboard(page, live_server, axe, coordinator_lom):
    cache.clear()
    VolunteerFactory(user=UserFactory(full_name="Nils Brimi"))
    record = GeneratedFile.objects.create(
        municipality_id="3434",
        requested_by=coordinator_lom,
        action="export_volunteers",
        task="volunteers.registry.tasks.export_volunteers",
        title="Frivillige i Lom",
        queued_at=timezone.now() - files.STUCK_AFTER,
    )
    GeneratedFile.objects.create(  # a fresh one: may only be slow, so no button
        municipality_id="3434",
        requested_by=coordinator_lom,
        action="export_volunteers",
        task="volunteers.registry.tasks.export_volunteers",
        title="Frivillige som kjører",
        queued_at=timezone.now(),
    )
    log_in_by_keyboard(page, live_server.url, coordinator_lom.email, PASSWORD)
    page.goto(f"{live_server.url}/coordination/3434/files/")
    expect(page.get_by_text("Dette tar mye lenger tid enn det skal.")).to_have_count(1)
    expect(page.get_by_role("button", name=re.compile("^Start på nytt"))).to_have_count(1)
    assert_accessible(axe, page)
    page.screenshot(path="/tmp/resilience-files-stuck.png", full_page=True)

    tab_to(page, text="Start på nytt\n: Frivillige i Lom")  # the file named for screen readers
    page.keyboard.press("Enter")
    expect(page.get_by_text("Startet på nytt: Frivillige i Lom.")).to_be_visible()
    record.refresh_from_db()
    assert record.status == "done" and record.rows == 1
    expect(page.get_by_role("link", name="Frivillige i Lom")).to_be_visible()
    expect(page.get_by_role("button", name=re.compile("^Start på nytt"))).to_have_count(0)
    assert_accessible(axe, page)
    page.screenshot(path="/tmp/resilience-files-done.png", full_page=True)
