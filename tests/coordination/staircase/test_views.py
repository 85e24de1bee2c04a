"""The staircase pages: the staircase page, the questionnaire (drafts, completing, evidence and
the mismatch hint), a past assessment, the comparison and the sharing choice; the dashboard
panel and the overview link. Each with a happy and a forbidden path, and query counts."""

import datetime
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from coordination.kernel import contributions
from coordination.models import (
    Assessment,
    Indicator,
    Municipality,
    Role,
    StaircaseLevel,
    StaircaseSharing,
)
from coordination.staircase import services as staircase
from coordination.staircase.contributions import dashboard_panel, overview_links
from coordination.staircase.services import Given
from tests.coordination.staircase.helpers import (
    LETTERS,
    LEVEL_TWO_GOING_ON_THREE,
    complete,
    counted_evidence,
    fake_evidence,
    given,
    indicators,
)
from tests.factories import (
    MembershipFactory,
    PartnerOrganisationFactory,
    RoutineFactory,
    VolunteerFactory,
    WheelEventFactory,
)

pytestmark = pytest.mark.django_db

LOM = "3434"


def url(name, *args, municipality=LOM):
    return reverse(f"coordination:{name}", args=[municipality, *args])


def _html(response) -> str:
    return response.content.decode()


def _post_data(pattern="y", action="complete", comment="") -> dict:
    data = {"action": action}
    for indicator in indicators():
        data[f"answer_{indicator.pk}"] = LETTERS[pattern] if len(pattern) == 1 else pattern
        if comment:
            data[f"comment_{indicator.pk}"] = comment
    return data


# --- The staircase page ----------------------------------------------------------------------


def test_staircase_page_invites_the_first_assessment(client_of, coordinator_lom, lom):
    page = _html(client_of(coordinator_lom).get(url("assessment_list")))
    assert "Ingen vurdering er fullført ennå." in page
    assert url("assessment_answer") in page


def test_staircase_page_shows_level_score_next_steps_and_history(client_of, coordinator_lom, lom):
    old = complete(lom, coordinator_lom, {1: "yyyp"})
    Assessment.objects.filter(pk=old.pk).update(completed_on=datetime.date(2025, 10, 1))
    current = complete(lom, coordinator_lom, LEVEL_TWO_GOING_ON_THREE)
    # issue 10: the next steps come from today's data; here the portal shows only the
    # coordinator, so they follow the answers.
    with translation.override("en"), fake_evidence():
        client = client_of(coordinator_lom, language="en")
        page = _html(client.get(url("assessment_list")))
    assert "Level 2: Dialogue" in page and "score 45 of 100" in page
    assert 'aria-current="step"' in page and "You are here" in page
    assert "To reach level 3 (Coordinate), work on these:" in page
    level3_not_yes = current.answers.filter(level_number=3).exclude(value="yes")
    for answer in level3_not_yes:
        assert answer.indicator.next_step_en in page
    assert "<svg" in page and "<polyline" in page  # two points: a line
    assert url("assessment_detail", old.pk) in page and url("assessment_detail", current.pk) in page
    assert "80 %" in page  # the rule, in plain words


def test_readers_see_the_page_without_the_questionnaire_link(
    client_of, volunteer_contact_lom, coordinator_lom, lom
):
    complete(lom, coordinator_lom, "y")
    for reader in (volunteer_contact_lom,):
        response = client_of(reader).get(url("assessment_list"))
        assert response.status_code == 200
        assert url("assessment_answer") not in _html(response)
        assert url("staircase_sharing_edit") not in _html(response)


def test_another_municipality_gets_404(client_of, coordinator_drammen, volunteer, lom):
    for person in (coordinator_drammen, volunteer):
        client = client_of(person)
        for name in ("assessment_list", "assessment_answer", "assessment_compare"):
            assert client.get(url(name)).status_code == 404


def test_staircase_page_queries_do_not_grow_with_history(
    client_of, coordinator_lom, lom, django_assert_max_num_queries
):
    for _ in range(3):
        complete(lom, coordinator_lom, LEVEL_TWO_GOING_ON_THREE)
    client = client_of(coordinator_lom)
    client.get(url("assessment_list"))
    # issue 10: the page asks the evidence providers for today's next steps (once each, a
    # constant); here only the staircase's own, so that the count is about the history.
    with fake_evidence(), django_assert_max_num_queries(16) as few:
        client.get(url("assessment_list"))
    for _ in range(30):
        complete(lom, coordinator_lom, "y")
    with fake_evidence(), django_assert_max_num_queries(len(few.captured_queries)):
        page = _html(client.get(url("assessment_list")))
    assert "Nivå 5: Tett koordinert innsats" in page


# --- The questionnaire -----------------------------------------------------------------------


def test_questionnaire_is_grouped_by_the_eight_steps(client_of, coordinator_lom, lom):
    page = _html(client_of(coordinator_lom).get(url("assessment_answer")))
    assert page.count("<legend>Steg ") == 8
    for indicator in indicators():
        assert f'name="answer_{indicator.pk}"' in page
        assert f'name="comment_{indicator.pk}"' in page


def test_saving_a_draft_then_completing(client_of, coordinator_lom, lom):
    client = client_of(coordinator_lom)
    first = indicators()[0]
    response = client.post(
        url("assessment_answer"),
        {"action": "draft", f"answer_{first.pk}": "partly", f"comment_{first.pk}": "Snart."},
    )
    assert response.status_code == 302
    draft = Assessment.objects.get(status="draft")
    assert draft.score is None
    # Coming back shows the draft's answers.
    page = _html(client.get(url("assessment_answer")))
    assert re.search(rf'value="partly"\s+id="id_answer_{first.pk}_1" checked', page)
    assert page.count(" checked") == 1
    assert "Snart.</textarea>" in page
    response = client.post(url("assessment_answer"), _post_data("y"))
    assert response.status_code == 302
    assert response["Location"] == url("assessment_list")
    draft.refresh_from_db()
    assert (draft.status, draft.level_reached, draft.score) == ("completed", 5, 100)


def test_completing_with_missing_answers_explains_by_name_and_keeps_everything(
    client_of, coordinator_lom, lom
):
    client = client_of(coordinator_lom)
    data = _post_data("y", comment="Vi har fått til mye i år.")
    missing = indicators()[3]
    del data[f"answer_{missing.pk}"]
    response = client.post(url("assessment_answer"), data)
    assert response.status_code == 200
    page = _html(response)
    # Named in the list at the top, with a link to the question, and marked at the question.
    assert f'<li><a href="#div_id_answer_{missing.pk}">{missing.text_nb}</a></li>' in page
    assert page.count("invalid-feedback") == 1
    assert page.count("Vi har fått til mye i år.") == len(indicators())  # nothing lost
    assert not Assessment.objects.exists()


def test_questionnaire_prefills_from_the_last_assessment(client_of, coordinator_lom, lom):
    complete(lom, coordinator_lom, "p")
    page = _html(client_of(coordinator_lom).get(url("assessment_answer")))
    assert len(re.findall(r'value="partly"\s+id="id_answer_\d+_1" checked', page)) == len(
        indicators()
    )


def test_questionnaire_shows_evidence_and_a_hint_when_yes_disagrees(
    client_of, coordinator_lom, lom
):
    complete(lom, coordinator_lom, "y")  # every answer yes, so prefilled yes
    # Links to pages the coordinator may open (a link is shown only to those who may follow it).
    agreements, routines = "/coordination/3434/partners/agreements/", "/coordination/3434/routines/"
    missing = contributions.Evidence(False, "Ingen aktive samarbeidsavtaler ennå.", agreements)
    present = contributions.Evidence(True, "Rutinene ble gjennomgått 3. mars", routines)
    with fake_evidence(active_agreement=missing, routines_reviewed=present):
        page = _html(client_of(coordinator_lom).get(url("assessment_answer")))
    # Whether the data shows it is said in words, and the summary ends as a sentence.
    shown = r'<p class="evidence evidence-%s">\s*<strong>%s</strong>\s*%s\s*<a href="%s">'
    assert re.search(
        shown % ("not-met", "Dataene i portalen viser ikke dette ennå:",
                 "Ingen aktive samarbeidsavtaler ennå\\.", agreements),
        page,
    )  # fmt: skip
    assert re.search(
        shown % ("met", "Dataene i portalen støtter dette:",
                 "Rutinene ble gjennomgått 3\\. mars\\.", routines),
        page,
    )  # fmt: skip
    # The hint shows where the answer is yes and the evidence is not met (and is there, hidden,
    # for the browser to show when the answer changes); not where the evidence is met.
    agreement = Indicator.objects.get(evidence_key="active_agreement")
    assert page.count('class="evidence-mismatch"') == 1
    assert f'data-mismatch-for="answer_{agreement.pk}">' in page  # not hidden
    assert "1 frivillighetskoordinator er navngitt i portalen." in page


def test_named_coordinator_evidence_leads_to_the_people_with_a_role(
    client_of, coordinator_lom, lom
):
    path, anchor = contributions.evidence_for(lom, "named_coordinator").url.split("#")
    page = _html(client_of(coordinator_lom).get(path))
    assert f'<h2 id="{anchor}">Personer med en rolle</h2>' in page
    assert "Ingrid Bakken" in page


def test_questionnaire_is_for_coordinators_only(client_of, volunteer_contact_lom, lom):
    for person in (volunteer_contact_lom,):
        client = client_of(person)
        assert client.get(url("assessment_answer")).status_code == 404
        assert client.post(url("assessment_answer"), _post_data("y")).status_code == 404
    assert not Assessment.objects.exists()


def _more_indicators(count: int) -> None:
    """``count`` more indicators in use, spread over the steps and levels, each naming one of
    the evidence keys of the default set (and one key nobody provides)."""
    keys = sorted(
        set(Indicator.objects.exclude(evidence_key="").values_list("evidence_key", flat=True))
    )
    keys.append("not_provided_by_anyone")
    levels = list(StaircaseLevel.objects.all())
    Indicator.objects.bulk_create(
        Indicator(
            step=1 + index % 8, level=levels[index % 5], order=100 + index,
            text_nb=f"Påstand {index}", text_en=f"Statement {index}",
            next_step_nb="Gjør det.", next_step_en="Do it.", evidence_key=keys[index % len(keys)],
        )
        for index in range(count)
    )  # fmt: skip


def test_questionnaire_queries_do_not_grow_with_indicators_answers_or_coordinators(
    client_of, coordinator_lom, lom, django_assert_max_num_queries
):
    complete(lom, coordinator_lom, "y")
    client = client_of(coordinator_lom)
    missing = contributions.Evidence(False, "Ingen aktive samarbeidsavtaler ennå.", "/avtaler/")
    with fake_evidence(active_agreement=missing):
        with django_assert_max_num_queries(14) as few:
            client.get(url("assessment_answer"))
        _more_indicators(60)
        complete(lom, coordinator_lom, "p")  # an answer and a comment field for each of them
        staircase.save_assessment(
            municipality=lom, by=coordinator_lom, answers=given("y", "Utkast."), complete=False
        )
        MembershipFactory.create_batch(10, municipality=lom, role=Role.COORDINATOR)
        with django_assert_max_num_queries(len(few.captured_queries)):
            page = _html(client.get(url("assessment_answer")))
    assert page.count('name="comment_') == len(indicators()) > 90
    assert "11 frivillighetskoordinatorer er navngitt i portalen." in page


def _data_the_providers_count(count: int) -> None:
    """``count`` each of volunteers, partners and approved routines in Lom, and wheel events."""
    VolunteerFactory.create_batch(count)
    PartnerOrganisationFactory.create_batch(count)
    RoutineFactory.create_batch(count, approved=True)
    for month in range(1, count + 1):
        WheelEventFactory(month=1 + month % 12)


def test_questionnaire_asks_each_registered_provider_once(client_of, coordinator_lom, lom):
    """With every provider the portal registers: each is asked once per page (also when it
    shows an error), and the page's queries stay the same with many more indicators, answers,
    coordinators and data of the kinds the providers count."""
    named = set(Indicator.objects.exclude(evidence_key="").values_list("evidence_key", flat=True))
    complete(lom, coordinator_lom, "y")
    _data_the_providers_count(1)
    client = client_of(coordinator_lom)
    with counted_evidence() as calls:
        asked = named & set(contributions.EVIDENCE)
        assert len(asked) > 1
        with CaptureQueriesContext(connection) as few:
            client.get(url("assessment_answer"))
        assert calls == dict.fromkeys(asked, 1)
        _more_indicators(60)
        complete(lom, coordinator_lom, "p")
        MembershipFactory.create_batch(10, municipality=lom, role=Role.COORDINATOR)
        _data_the_providers_count(12)
        calls.clear()
        with CaptureQueriesContext(connection) as many:
            client.get(url("assessment_answer"))
        assert len(many) == len(few)
        assert calls == dict.fromkeys(asked, 1)
        calls.clear()
        data = _post_data("y")
        del data[f"answer_{indicators()[0].pk}"]
        assert client.post(url("assessment_answer"), data).status_code == 200  # with its error
        assert calls == dict.fromkeys(asked, 1)


# --- A past assessment -----------------------------------------------------------------------


def test_past_assessment_shows_its_stored_answers(
    client_of, volunteer_contact_lom, coordinator_lom, lom
):
    answers = given(LEVEL_TWO_GOING_ON_THREE)
    first = indicators()[0]
    answers[first.pk] = Given(answers[first.pk].value, "Ny koordinator fra i vår.")
    assessment = staircase.save_assessment(
        municipality=lom, by=coordinator_lom, answers=answers, complete=True
    )
    page = _html(client_of(volunteer_contact_lom).get(url("assessment_detail", assessment.pk)))
    assert "Ny koordinator fra i vår." in page
    assert "poengsum 45 av 100" in page
    assert "Nivå 2: Dialog" in page
    # What the portal's data showed then, and whether it supported the indicator.
    assert "<strong>Støtter dette:</strong> 1 frivillighetskoordinator er navngitt" in page


def test_past_assessment_says_when_the_data_did_not_show_it(
    client_of, volunteer_contact_lom, coordinator_lom, lom
):
    missing = contributions.Evidence(False, "0 av 6 virksomheter har frivillighetskontakt", "/")
    with fake_evidence(unit_contacts=missing):
        assessment = complete(lom, coordinator_lom, LEVEL_TWO_GOING_ON_THREE)
    page = _html(client_of(volunteer_contact_lom).get(url("assessment_detail", assessment.pk)))
    assert (
        "<strong>Viser ikke dette:</strong> 0 av 6 virksomheter har frivillighetskontakt.</td>"
        in page
    )


def test_past_assessment_of_another_municipality_or_a_draft_is_404(
    client_of, coordinator_lom, coordinator_drammen, lom, drammen
):
    theirs = complete(drammen, coordinator_drammen, "y")
    client = client_of(coordinator_lom)
    assert client.get(url("assessment_detail", theirs.pk)).status_code == 404
    assert client.get(url("assessment_detail", theirs.pk, municipality="3301")).status_code == 404
    draft = staircase.save_assessment(
        municipality=lom, by=coordinator_lom, answers=given("y"), complete=False
    )
    assert client.get(url("assessment_detail", draft.pk)).status_code == 404


# --- Comparison and sharing ------------------------------------------------------------------


def _take_part(number, *, named=False):
    StaircaseSharing.objects.update_or_create(
        municipality_id=number, defaults={"takes_part": True, "share_name": named}
    )


def test_comparison_is_off_until_the_coordinator_chooses_to_take_part(
    client_of, volunteer_contact_lom, coordinator_lom, coordinator_drammen, lom, drammen
):
    """issue 10: opt-in. A municipality that does not take part sees no comparison (only how
    to take part), and the staircase page does not offer it."""
    complete(lom, coordinator_lom, LEVEL_TWO_GOING_ON_THREE)
    complete(drammen, coordinator_drammen, "y")
    _take_part("3301", named=True)
    for person, may_choose in ((coordinator_lom, True), (volunteer_contact_lom, False)):
        client = client_of(person, language="en")
        response = client.get(url("assessment_compare"))
        assert response.status_code == 200
        page = _html(response)
        assert "We do not take part in the comparison." in page
        assert "Drammen" not in page and "<table" not in page
        assert (url("staircase_sharing_edit") in page) is may_choose
        assert url("assessment_compare") not in _html(client.get(url("assessment_list")))


def test_comparison_is_a_distribution_never_a_league_table(
    client_of, volunteer_contact_lom, coordinator_lom, coordinator_drammen, lom, drammen
):
    complete(lom, coordinator_lom, LEVEL_TWO_GOING_ON_THREE)
    complete(drammen, coordinator_drammen, "y")
    Assessment.objects.create(
        municipality_id="3433", status="completed", completed_on=datetime.date(2026, 4, 1),
        level_reached=1, score=20, is_current=True,
    )  # fmt: skip
    Assessment.objects.create(
        municipality_id="3435", status="completed", completed_on=datetime.date(2026, 4, 1),
        level_reached=3, score=61, is_current=True,
    )  # fmt: skip
    _take_part(LOM)
    _take_part("3433")  # Skjåk takes part without its name
    _take_part("3301", named=True)  # Drammen: another size class
    # Vågå (3435) does not take part: neither counted nor named
    client = client_of(volunteer_contact_lom, language="en")
    page = _html(client.get(url("assessment_compare")))
    assert "Municipalities with 0 to 4,999 inhabitants" in page
    assert "2 municipalities of this size take part." in page
    assert "3 municipalities in Norway take part." in page
    assert "Skjåk" not in page and "Vågå" not in page and "Drammen" not in page
    # no score of anyone else, no list ordered by score, no median to rank against
    for other_score in ("20", "61", "100"):
        assert f"<td>{other_score}</td>" not in page
    assert "score" not in page.lower().replace("nobody's score", "")
    assert "our level" in page  # our own place in the distribution
    # Never another municipality's answers or comments.
    assert "comment" not in page.lower().replace("or comments are shown", "")


def test_comparison_queries_do_not_grow(
    client_of, coordinator_lom, lom, django_assert_max_num_queries
):
    complete(lom, coordinator_lom, LEVEL_TWO_GOING_ON_THREE)
    _take_part(LOM)
    client = client_of(coordinator_lom)
    with django_assert_max_num_queries(12) as few:
        client.get(url("assessment_compare"))
    numbers = Municipality.objects.exclude(pk=LOM).values_list("pk", flat=True)[:150]
    Assessment.objects.bulk_create(
        Assessment(
            municipality_id=number, status="completed", completed_on=datetime.date(2026, 4, 1),
            level_reached=index % 6, score=index % 100, is_current=True,
        )
        for index, number in enumerate(numbers)
    )  # fmt: skip
    StaircaseSharing.objects.bulk_create(
        StaircaseSharing(municipality_id=number, takes_part=True, share_name=index % 2 == 0)
        for index, number in enumerate(numbers)
    )
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get(url("assessment_compare"))


def test_coordinator_chooses_to_take_part_and_to_be_named(client_of, coordinator_lom, lom):
    client = client_of(coordinator_lom)
    assert client.get(url("staircase_sharing_edit")).status_code == 200
    response = client.post(
        url("staircase_sharing_edit"), {"takes_part": "yes", "share_name": "yes"}
    )
    assert response.status_code == 302
    choice = StaircaseSharing.objects.get(municipality=lom)
    assert (choice.takes_part, choice.share_name) == (True, True)
    response = client.post(
        url("staircase_sharing_edit"), {"takes_part": "yes", "share_name": "perhaps"}
    )
    assert response.status_code == 200 and response.context["form"].errors
    choice.refresh_from_db()
    assert (choice.takes_part, choice.share_name) == (True, True)
    # leaving the comparison also stops the name being shown
    client.post(url("staircase_sharing_edit"), {"takes_part": "no", "share_name": "yes"})
    choice.refresh_from_db()
    assert (choice.takes_part, choice.share_name) == (False, False)


def test_readers_cannot_change_sharing(client_of, volunteer_contact_lom, lom):
    for person in (volunteer_contact_lom,):
        response = client_of(person).post(
            url("staircase_sharing_edit"), {"takes_part": "yes", "share_name": "yes"}
        )
        assert response.status_code == 404
    assert not StaircaseSharing.objects.exists()


# --- Dashboard panel and overview link -------------------------------------------------------


def test_dashboard_panel_shows_level_score_and_three_next_steps(
    rf, coordinator_lom, volunteer, lom
):
    request = rf.get("/")
    request.user = coordinator_lom
    panel = dashboard_panel(request, lom)
    assert panel.order == 10 and panel.context["current"] is None
    complete(lom, coordinator_lom, LEVEL_TWO_GOING_ON_THREE)
    request.user = coordinator_lom
    with fake_evidence():  # issue 10: today's data; here it agrees with the answers
        panel = dashboard_panel(request, lom)
    assert panel.context["current"].level_reached == 2
    assert len(panel.context["next_steps"]) == 3
    assert all(a.level_number == 3 for a in panel.context["next_steps"])
    assert dashboard_panel in contributions.DASHBOARD_PANELS
    request.user = volunteer
    assert dashboard_panel(request, lom) is None
    assert overview_links(request, lom) == []


def test_dashboard_panel_renders_with_links(rf, coordinator_lom, lom):
    from django.template.loader import render_to_string

    request = rf.get("/")
    request.user = coordinator_lom
    empty = dashboard_panel(request, lom)
    assert url("assessment_answer") in render_to_string(empty.template, empty.context)
    complete(lom, coordinator_lom, LEVEL_TWO_GOING_ON_THREE)
    panel = dashboard_panel(request, lom)
    html = render_to_string(panel.template, panel.context)
    assert url("assessment_list") in html
    current = Assessment.objects.get(is_current=True)
    assert url("assessment_detail", current.pk) in html


def test_overview_links_to_the_staircase(client_of, coordinator_lom, lom):
    page = _html(client_of(coordinator_lom).get(reverse("coordination:overview", args=[LOM])))
    assert url("assessment_list") in page


def test_staff_edit_levels_and_indicators_in_the_admin(client):
    from tests.factories import UserFactory

    staff = UserFactory(is_staff=True, is_superuser=True)
    client.force_login(staff)
    indicator = Indicator.objects.first()
    for address in (
        reverse("admin:coordination_indicator_changelist"),
        reverse("admin:coordination_indicator_change", args=[indicator.pk]),
        reverse("admin:coordination_staircaselevel_changelist"),
    ):
        assert client.get(address).status_code == 200
