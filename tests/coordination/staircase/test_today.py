"""issue 10, daily use: the overview's next steps are computed from today's data (the portal's
evidence as it is now, the last assessment's answers where the portal has none), and say so;
evidence that overclaimed is gone."""

import pytest
from django.apps import apps
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from coordination.kernel import contributions
from coordination.models import Indicator
from coordination.staircase import services as staircase
from coordination.staircase.contributions import dashboard_panel
from tests.coordination.staircase.helpers import (
    LEVEL_TWO_GOING_ON_THREE,
    complete,
    fake_evidence,
    given,
)

pytestmark = pytest.mark.django_db

LOM = "3434"
MET = contributions.Evidence(True, "2 aktive samarbeidsavtaler.", "/avtaler/")
COURSES = "/coordination/3434/routines/"  # a page the coordinator may open: links are shown then
NOT_MET = contributions.Evidence(False, "Ingen introduksjonskurs i år.", COURSES)


def _indicator(key: str) -> Indicator:
    return Indicator.objects.filter(evidence_key=key).select_related("level").first()


def _keys(today) -> set[str]:
    return {step.indicator.evidence_key for step in today.steps}


def test_evidence_met_today_takes_away_a_step_the_assessment_gave(lom, coordinator_lom):
    """Answered "no" at the assessment; the portal's data shows it today: no longer a step."""
    agreement = _indicator("active_agreement")
    answers = given(LEVEL_TWO_GOING_ON_THREE)
    answers[agreement.pk] = staircase.Given("no")
    with fake_evidence():
        current = staircase.save_assessment(
            municipality=lom, by=coordinator_lom, answers=answers, complete=True
        )
        then = staircase.next_steps_of(staircase.answers_of(current))
        assert "active_agreement" in {a.indicator.evidence_key for a in then}
        assert "active_agreement" in _keys(staircase.next_steps_today(lom, current))
    with fake_evidence(active_agreement=MET):
        today = staircase.next_steps_today(lom, current)
    assert "active_agreement" not in _keys(today)


def test_evidence_not_met_today_brings_back_a_step_answered_yes(lom, coordinator_lom):
    """Answered "yes" (a course was held last year); today the portal shows none this year."""
    course = _indicator("intro_course_this_year")
    answers = given(LEVEL_TWO_GOING_ON_THREE)
    answers[course.pk] = staircase.Given("yes")
    with fake_evidence():
        current = staircase.save_assessment(
            municipality=lom, by=coordinator_lom, answers=answers, complete=True
        )
        assert course.pk not in [
            s.indicator.pk for s in staircase.next_steps_today(lom, current).steps
        ]
    assert course.level.number in (3, 4)  # a level the next steps are about
    with fake_evidence(intro_course_this_year=NOT_MET):
        today = staircase.next_steps_today(lom, current)
    step = next(s for s in today.steps if s.indicator == course)
    assert step.from_portal and step.value == "no" and step.evidence == NOT_MET


def test_where_the_portal_has_no_evidence_the_last_answer_decides(lom, coordinator_lom):
    with fake_evidence():
        current = complete(lom, coordinator_lom, LEVEL_TWO_GOING_ON_THREE)
        today = staircase.next_steps_today(lom, current)
    stored = staircase.next_steps_of(staircase.answers_of(current))
    assert [s.indicator.pk for s in today.steps] == [a.indicator.pk for a in stored]
    assert all(not s.from_portal and s.answer is not None for s in today.steps)
    assert today.first_unmet == 3


def test_the_dashboard_panel_changes_with_todays_data_and_says_what_it_is_based_on(
    rf, coordinator_lom, lom
):
    with fake_evidence():
        current = complete(lom, coordinator_lom, {1: "yyyy", 2: "yyyyy", 3: "n", 4: "n", 5: "n"})
    request = rf.get("/")
    request.user = coordinator_lom
    with fake_evidence(), translation.override("en"):
        panel = dashboard_panel(request, lom)
        before = [step.indicator.pk for step in panel.context["next_steps"]]
        html = render_to_string(panel.template, panel.context)
    assert "Worked out today from the portal's data as it is now" in html
    assert current.completed_on.strftime("%Y") in html
    # Level 2's partners, said yes then, are not in the portal today: it is level 2's step now.
    partners = _indicator("partners_mapped")
    gone = contributions.Evidence(False, "Ingen samarbeidspartnere er registrert.", "/p/")
    with fake_evidence(partners_mapped=gone):
        panel = dashboard_panel(request, lom)
    after = [step.indicator.pk for step in panel.context["next_steps"]]
    assert partners.pk not in before and after[0] == partners.pk


def test_the_overview_shows_the_panel_with_its_basis(client_of, coordinator_lom, lom):
    with fake_evidence():
        complete(lom, coordinator_lom, LEVEL_TWO_GOING_ON_THREE)
    page = client_of(coordinator_lom).get(reverse("coordination:overview", args=[LOM]))
    html = page.content.decode()
    assert "Regnet ut i dag fra dataene i portalen slik de er nå" in html


def test_the_staircase_page_says_what_its_next_steps_are_based_on(client_of, coordinator_lom, lom):
    with fake_evidence():
        complete(lom, coordinator_lom, LEVEL_TWO_GOING_ON_THREE)
    with fake_evidence(intro_course_this_year=NOT_MET):
        page = client_of(coordinator_lom).get(reverse("coordination:assessment_list", args=[LOM]))
    html = page.content.decode()
    assert "Regnet ut i dag fra dataene i portalen slik de er nå" in html
    assert "Ingen introduksjonskurs i år." in html and f'href="{COURSES}"' in html


# --- Evidence that overclaimed ----------------------------------------------------------------


def test_holding_the_coordinator_role_is_no_evidence_of_time_set_aside(lom, coordinator_lom):
    time_set_aside = Indicator.objects.get(text_en__contains="time set aside")
    assert time_set_aside.evidence_key != "named_coordinator"
    evidence = staircase.evidence_by_key(lom, [time_set_aside])
    assert evidence == {}  # the portal says nothing about it; the assessment decides
    # the named contact person is still shown by the coordinator role
    contact = Indicator.objects.get(text_en__contains="named contact person")
    assert contact.evidence_key == "named_coordinator"


def test_no_indicator_claims_the_elderlys_needs_are_mapped_from_a_mapped_need():
    mapped = Indicator.objects.get(text_en__startswith="The elderly's needs for activities")
    assert mapped.evidence_key == ""
    assert "needs_mapped" not in contributions.EVIDENCE


def test_the_questionnaire_shows_no_evidence_for_time_set_aside(client_of, coordinator_lom, lom):
    page = client_of(coordinator_lom).get(reverse("coordination:assessment_answer", args=[LOM]))
    html = page.content.decode()
    card = html[html.index("avsatt tid til arbeidet") :]
    card = card[: card.index('class="indicator card')]
    assert "navngitt i portalen" not in card  # the coordinator count is not shown as proof


def test_the_migration_clears_the_overclaiming_keys_of_an_existing_database():
    module = __import__("coordination.migrations.0013_staircase_comparison_opt_in", fromlist=["x"])
    time_set_aside = Indicator.objects.get(text_en__contains="time set aside")
    mapped = Indicator.objects.get(text_en__startswith="The elderly's needs for activities")
    Indicator.objects.filter(pk=time_set_aside.pk).update(evidence_key="named_coordinator")
    Indicator.objects.filter(pk=mapped.pk).update(evidence_key="needs_mapped")
    module.clear_overclaiming_evidence(apps, None)
    time_set_aside.refresh_from_db()
    mapped.refresh_from_db()
    assert (time_set_aside.evidence_key, mapped.evidence_key) == ("", "")
    assert Indicator.objects.filter(evidence_key="named_coordinator").count() == 1
