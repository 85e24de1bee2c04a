"""The involvement staircase pages in a real browser: no WCAG 2.1 A/AA violation that axe-core
finds on the staircase page, the questionnaire (also with its error shown) and the comparison;
and answering a few indicators and saving a draft by keyboard alone."""

import re

import pytest
from django.core.cache import cache
from playwright.sync_api import expect

from coordination.kernel import contributions
from coordination.models import Assessment, Indicator, StaircaseSharing
from coordination.staircase import services as staircase
from tests.coordination.staircase.helpers import (
    LEVEL_TWO_GOING_ON_THREE,
    complete,
    fake_evidence,
)
from tests.e2e.conftest import (
    LANGUAGES,
    assert_accessible,
    log_in_by_keyboard,
    speak,
    tab_to,
    type_into,
)
from tests.factories import PASSWORD

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def assessed(lom, coordinator_lom):
    cache.clear()
    first = complete(lom, coordinator_lom, {1: "yyyp"})
    Assessment.objects.filter(pk=first.pk).update(completed_on="2025-10-01")
    Assessment.objects.create(
        municipality_id="3435", status="completed", completed_on="2026-09-01",
        level_reached=3, score=60, is_current=True,
    )  # fmt: skip
    staircase.set_comparison_choice(  # issue 10: the comparison is opt-in
        municipality=lom, by=coordinator_lom, takes_part=True, share_name=True
    )
    StaircaseSharing.objects.create(municipality_id="3435", takes_part=True, share_name=True)
    return complete(lom, coordinator_lom, LEVEL_TWO_GOING_ON_THREE)


@pytest.mark.parametrize("language", LANGUAGES)
def test_staircase_pages_have_no_wcag_violations(
    live_server, page, axe, coordinator_lom, assessed, language
):
    speak(page, live_server.url, language, coordinator_lom)
    log_in_by_keyboard(page, live_server.url, coordinator_lom.email, PASSWORD)
    base = live_server.url + "/coordination/3434/staircase/"
    for path in ("", "questionnaire/", "comparison/", f"{assessed.pk}/", "sharing/"):
        page.goto(base + path)
        expect(page.locator("html")).to_have_attribute("lang", language)
        assert_accessible(axe, page)
    page.goto(base + "comparison/")
    expect(page.locator("main")).to_contain_text("Vågå")  # named, by level, without a score
    page.goto(base)
    expect(page.locator(".staircase [aria-current=step]")).to_contain_text("2")
    # The error shown: completing with one statement unanswered.
    page.goto(base + "questionnaire/")
    first = Indicator.objects.active().in_order().first()
    page.evaluate(f"document.querySelectorAll('[name=answer_{first.pk}]')"
                  ".forEach(e => e.checked = false)")  # fmt: skip
    page.locator("button[value=complete]").click()  # the only one
    expect(page.locator("#form-errors")).to_be_visible()
    expect(page.locator("#form-errors a")).to_have_count(1)
    assert_accessible(axe, page)


def test_coordinator_answers_a_few_and_saves_a_draft_by_keyboard(
    live_server, page, coordinator_lom, lom
):
    cache.clear()
    log_in_by_keyboard(page, live_server.url, coordinator_lom.email, PASSWORD)
    page.goto(live_server.url + "/coordination/3434/staircase/questionnaire/")
    first, second = Indicator.objects.active().in_order()[:2]
    assert tab_to(page, label="Ja")["name"] == f"answer_{first.pk}"
    page.keyboard.press("Space")  # yes
    type_into(page, "Vi har møtt ordføreren.", label="Kommentar")
    assert tab_to(page, label="Ja")["name"] == f"answer_{second.pk}"
    page.keyboard.press("ArrowDown")  # moves to and chooses "Delvis"
    tab_to(page, text="Lagre utkastet")
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/staircase/questionnaire/$"))
    expect(page.locator(".messages")).to_contain_text("Utkastet er lagret")
    draft = Assessment.objects.get(status="draft")
    answers = {a.indicator_id: (a.value, a.comment) for a in draft.answers.all()}
    assert answers[first.pk] == ("yes", "Vi har møtt ordføreren.")
    assert answers[second.pk] == ("partly", "")
    assert draft.score is None


def test_the_mismatch_hint_appears_when_yes_is_chosen(live_server, page, axe, coordinator_lom, lom):
    cache.clear()
    agreement = Indicator.objects.get(evidence_key="active_agreement")
    missing = contributions.Evidence(False, "Ingen aktive samarbeidsavtaler ennå.", "/")
    with fake_evidence(active_agreement=missing):
        log_in_by_keyboard(page, live_server.url, coordinator_lom.email, PASSWORD)
        page.goto(live_server.url + "/coordination/3434/staircase/questionnaire/")
        hint = page.locator(f'[data-mismatch-for="answer_{agreement.pk}"]')
        expect(hint).to_be_hidden()
        page.locator(f"#id_answer_{agreement.pk}_0").check()  # yes
        expect(hint).to_be_visible()
        assert_accessible(axe, page)
        page.locator(f"#id_answer_{agreement.pk}_2").check()  # no
        expect(hint).to_be_hidden()
