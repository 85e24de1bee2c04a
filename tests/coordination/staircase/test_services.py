"""Staircase services: drafts and completing, the stored result that never changes afterwards,
evidence stored beside the answers, the default indicator set, name sharing and the comparison."""

import datetime

import pytest
from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone, translation

from coordination.kernel import contributions
from coordination.models import (
    Answer,
    Assessment,
    AuditEvent,
    Indicator,
    Municipality,
    Role,
    StaircaseLevel,
    StaircaseSharing,
    Step,
)
from coordination.staircase import services as staircase
from coordination.staircase.contributions import named_coordinator
from coordination.staircase.services import Given
from tests.coordination.staircase.helpers import (
    LEVEL_TWO_GOING_ON_THREE,
    complete,
    counted_evidence,
    fake_evidence,
    given,
    indicators,
)
from tests.factories import MembershipFactory

pytestmark = pytest.mark.django_db


# --- The default set -------------------------------------------------------------------------


def test_default_set_has_five_levels_and_at_least_three_indicators_per_step():
    assert list(StaircaseLevel.objects.values_list("number", flat=True)) == [1, 2, 3, 4, 5]
    for step in Step:
        assert Indicator.objects.filter(step=step).count() >= 3, step
    for level in StaircaseLevel.objects.all():
        assert level.indicators.exists(), level
    for indicator in Indicator.objects.all():
        assert indicator.text_nb and indicator.text_en
        assert indicator.next_step_nb and indicator.next_step_en


def test_default_set_uses_the_agreed_evidence_keys():
    keys = set(Indicator.objects.exclude(evidence_key="").values_list("evidence_key", flat=True))
    agreed = {
        "named_coordinator", "partners_mapped", "active_agreement", "agreements_with_partners",
        "unit_contacts", "forum_meetings", "responsibility_map", "routines_exist",
        "routines_reviewed", "wheel_most_months", "volunteers_registered",
        "declarations_signed", "intro_course_this_year",
        "activities_published", "activities_evaluated",  # issue 15: the activities' evidence
    }  # fmt: skip
    assert keys == agreed


def test_level_and_indicator_text_follow_the_active_language():
    level = StaircaseLevel.objects.get(number=3)
    with translation.override("en"):
        assert level.name == "Coordinate"
    with translation.override("nb"):
        assert level.name == "Samordne"
    level.name_en = ""
    with translation.override("en"):
        assert level.name == "Samordne"  # falls back to bokmål


# --- Drafts and completing ---------------------------------------------------------------------


def test_a_draft_keeps_partial_answers_and_has_no_score(lom, coordinator_lom):
    answers = given("-")
    first = indicators()[0]
    answers[first.pk] = Given("yes", "Vi møtes med frivilligsentralen hver måned.")
    draft = staircase.save_assessment(
        municipality=lom, by=coordinator_lom, answers=answers, complete=False
    )
    assert draft.status == Assessment.Status.DRAFT
    assert (draft.score, draft.level_reached, draft.is_current) == (None, None, False)
    stored = draft.answers.get(indicator=first)
    assert (stored.value, stored.comment) == ("yes", "Vi møtes med frivilligsentralen hver måned.")
    # Saving again updates the same draft.
    again = staircase.save_assessment(
        municipality=lom, by=coordinator_lom, answers=given("p"), complete=False
    )
    assert again.pk == draft.pk
    assert Assessment.objects.count() == 1
    assert set(again.answers.values_list("value", flat=True)) == {"partly"}


def test_completing_stores_level_score_date_and_becomes_current(lom, coordinator_lom):
    assessment = complete(lom, coordinator_lom, LEVEL_TWO_GOING_ON_THREE)
    assessment.refresh_from_db()
    assert assessment.status == Assessment.Status.COMPLETED
    assert (assessment.level_reached, assessment.score) == (2, 45)
    assert assessment.completed_on == timezone.localdate()
    assert assessment.is_current and assessment.made_by == coordinator_lom
    assert AuditEvent.objects.filter(object_id=str(assessment.pk), verb="created").exists()


def test_completing_a_draft_turns_it_into_the_assessment(lom, coordinator_lom):
    draft = staircase.save_assessment(
        municipality=lom, by=coordinator_lom, answers=given("y"), complete=False
    )
    done = complete(lom, coordinator_lom, "y")
    assert done.pk == draft.pk
    assert (done.level_reached, done.score) == (5, 100)
    assert not Assessment.objects.drafts().exists()


def test_completing_with_missing_answers_names_them_and_stores_nothing(lom, coordinator_lom):
    answers = given("y")
    missing = indicators()[:2]
    for indicator in missing:
        answers[indicator.pk] = Given("", "")
    with pytest.raises(ValidationError) as refused, translation.override("en"):
        staircase.save_assessment(
            municipality=lom, by=coordinator_lom, answers=answers, complete=True
        )
    errors = refused.value.message_dict
    assert set(errors) == {"__all__", *(f"answer_{i.pk}" for i in missing)}
    assert errors["__all__"] == ["2 statements are not answered yet:"]
    assert not Assessment.objects.exists()


def test_a_new_assessment_replaces_the_current_one_and_keeps_history(lom, coordinator_lom):
    first = complete(lom, coordinator_lom, {1: "yyyp"})
    second = complete(lom, coordinator_lom, LEVEL_TWO_GOING_ON_THREE)
    first.refresh_from_db()
    assert not first.is_current and second.is_current
    assert (first.level_reached, second.level_reached) == (1, 2)
    assert staircase.current_for(lom) == second
    assert Assessment.objects.completed().filter(municipality=lom).count() == 2


def test_old_assessments_keep_their_result_when_an_indicator_is_retired(lom, coordinator_lom):
    old = complete(lom, coordinator_lom, LEVEL_TWO_GOING_ON_THREE)
    retired = Indicator.objects.filter(level__number=3).first()
    retired.is_active = False
    retired.save()
    Indicator.objects.filter(level__number=2).update(level=StaircaseLevel.objects.get(number=5))
    old.refresh_from_db()
    assert (old.level_reached, old.score) == (2, 45)  # stored, never recomputed
    # Reading it back scores the stored answers at the levels they had when answered.
    assert staircase.result_of(staircase.answers_of(old)).level == 2
    assert old.answers.filter(indicator=retired).exists()
    # The retired indicator is no longer asked.
    assert retired not in staircase.active_indicators()
    new = complete(lom, coordinator_lom, "y")
    assert not new.answers.filter(indicator=retired).exists()


def test_answers_for_indicators_not_in_use_are_refused(lom, coordinator_lom):
    retired = indicators()[0]
    retired.is_active = False
    retired.save()
    answers = given("y")
    answers[retired.pk] = Given("yes")
    with pytest.raises(ValidationError):
        staircase.save_assessment(
            municipality=lom, by=coordinator_lom, answers=answers, complete=False
        )
    with pytest.raises(ValidationError):
        staircase.save_assessment(
            municipality=lom, by=coordinator_lom, answers={999_999: Given("yes")}, complete=False
        )
    assert not Assessment.objects.exists()


def test_only_the_municipalitys_coordinators_answer(
    lom, volunteer_contact_lom, coordinator_drammen, officer
):
    for person in (volunteer_contact_lom, coordinator_drammen, officer):
        with pytest.raises(PermissionDenied):
            complete(lom, person, "y")
    assert not Assessment.objects.exists()


def test_bad_values_and_long_comments_are_refused(lom, coordinator_lom):
    first = indicators()[0]
    for bad in (Given("maybe"), Given("yes", "x" * 2001)):
        answers = given("y") | {first.pk: bad}
        with pytest.raises(ValidationError):
            staircase.save_assessment(
                municipality=lom, by=coordinator_lom, answers=answers, complete=True
            )
    assert not Assessment.objects.exists()


# --- Evidence ----------------------------------------------------------------------------------


def test_named_coordinator_evidence_counts_coordinators(lom, drammen, coordinator_lom):
    evidence = named_coordinator(lom)
    assert evidence.met and "1" in evidence.summary
    assert evidence.url.endswith("/coordination/3434/#team-heading")
    MembershipFactory(municipality=lom, role=Role.COORDINATOR)
    assert "2" in named_coordinator(lom).summary
    MembershipFactory(municipality=drammen, role=Role.VOLUNTEER_CONTACT)
    assert not named_coordinator(drammen).met
    assert contributions.evidence_for(lom, "named_coordinator").met


def test_evidence_is_stored_with_the_answers_as_it_was(lom, coordinator_lom):
    registered = dict(contributions.EVIDENCE)
    missing = contributions.Evidence(False, "Ingen aktive samarbeidsavtaler.", "/avtaler/")
    with fake_evidence(active_agreement=missing):
        assessment = complete(lom, coordinator_lom, "y")
    agreement = assessment.answers.get(indicator__evidence_key="active_agreement")
    assert (agreement.evidence_summary, agreement.evidence_met) == (
        "Ingen aktive samarbeidsavtaler.",
        False,
    )
    coordinator = assessment.answers.filter(indicator__evidence_key="named_coordinator").first()
    assert coordinator.evidence_met is True
    # Keys nobody provides store nothing.
    routines = assessment.answers.get(indicator__evidence_key="routines_reviewed")
    assert (routines.evidence_summary, routines.evidence_met) == ("", None)
    assert registered == contributions.EVIDENCE  # the fakes are gone again


def test_every_registered_provider_is_asked_once_per_language_when_saving(lom, coordinator_lom):
    """Once per language, not once per indicator: the answer keeps what the data showed in
    every language, so that each reader reads it in theirs."""
    with counted_evidence() as calls:
        assessment = complete(lom, coordinator_lom, "y")
    named = set(Indicator.objects.exclude(evidence_key="").values_list("evidence_key", flat=True))
    asked = named & set(contributions.EVIDENCE)
    assert "named_coordinator" in asked
    assert calls == dict.fromkeys(asked, len(settings.LANGUAGES))
    for answer in assessment.answers.select_related("indicator"):
        provided = answer.indicator.evidence_key in asked
        assert bool(answer.evidence_summary) is provided, answer.indicator.evidence_key
        assert (answer.evidence_met is not None) is provided


def test_the_evidence_is_read_in_the_readers_language(lom, coordinator_lom):
    assessment = complete(lom, coordinator_lom, "y")
    answer = assessment.answers.get(indicator__evidence_key="named_coordinator")
    said = {}
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            said[code] = answer.evidence_summary
    assert said["en"] == "1 coordinator is named in the portal."
    assert said["nb"].startswith("1 frivillighetskoordinator ")
    assert said["nn"].startswith("1 frivilligkoordinator ")


def test_next_steps_note_evidence_that_says_otherwise(lom, coordinator_lom):
    shows = contributions.Evidence(True, "6 av 6 frivillige har skrevet under.", "/x/")
    with fake_evidence(declarations_signed=shows):
        assessment = complete(lom, coordinator_lom, LEVEL_TWO_GOING_ON_THREE)
    steps = staircase.next_steps_of(staircase.answers_of(assessment))
    assert {answer.level_number for answer in steps} == {3, 4}
    noted = [answer for answer in steps if answer.evidence_met]
    assert [answer.indicator.evidence_key for answer in noted] == ["declarations_signed"]


# --- Sharing and comparison ---------------------------------------------------------------------


def test_sharing_the_name_is_a_coordinators_choice(lom, coordinator_lom, volunteer_contact_lom):
    staircase.set_name_sharing(municipality=lom, by=coordinator_lom, share_name=True)
    assert staircase.shares_name(lom)
    staircase.set_name_sharing(municipality=lom, by=coordinator_lom, share_name=False)
    assert not staircase.shares_name(lom)
    with pytest.raises(PermissionDenied):
        staircase.set_name_sharing(municipality=lom, by=volunteer_contact_lom, share_name=True)
    assert StaircaseSharing.objects.count() == 1


def _assessed(
    number: str, level: int, score: int, *, named: bool = False, takes_part: bool = True
) -> None:
    Assessment.objects.create(
        municipality_id=number,
        status=Assessment.Status.COMPLETED,
        completed_on=datetime.date(2026, 5, 1),
        level_reached=level,
        score=score,
        is_current=True,
    )
    StaircaseSharing.objects.create(municipality_id=number, share_name=named, takes_part=takes_part)


def test_size_classes_follow_ssb_like_limits():
    assert [staircase.size_class_of(n) for n in (0, 2212, 4999, 5000, 19_999)] == [0, 0, 0, 1, 1]
    assert [staircase.size_class_of(n) for n in (20_000, 49_999, 50_000, 700_000)] == [2, 2, 3, 3]


def test_comparison_counts_those_taking_part_and_names_only_those_who_agreed(lom, coordinator_lom):
    complete(lom, coordinator_lom, LEVEL_TWO_GOING_ON_THREE)  # Lom: 2 212 inhabitants
    StaircaseSharing.objects.create(municipality=lom, takes_part=True, share_name=True)
    _assessed("3435", 3, 60, named=True)  # Vågå, small
    _assessed("3433", 1, 20)  # Skjåk, small, anonymous
    _assessed("3432", 2, 40)  # Lesja, small, anonymous
    _assessed("3431", 2, 90, named=True, takes_part=False)  # Dovre: does not take part
    _assessed("3301", 4, 80, named=True)  # Drammen, large: another class
    found = staircase.comparison(lom)
    assert (found.size_class, found.in_class, found.national_count) == (0, 4, 5)
    assert found.class_levels == {0: 0, 1: 1, 2: 2, 3: 1, 4: 0, 5: 0}
    assert found.national_levels[4] == 1
    # names by level, never with a score; Dovre is neither counted nor named; Lom knows itself
    assert found.named_by_level == {3: ["Vågå"]}
    assert not hasattr(found, "others") and not hasattr(found, "class_median")


def test_taking_part_is_off_by_default_and_a_coordinators_choice(
    lom, coordinator_lom, volunteer_contact_lom
):
    assert not staircase.takes_part(lom)
    staircase.set_comparison_choice(
        municipality=lom, by=coordinator_lom, takes_part=True, share_name=False
    )
    assert staircase.takes_part(lom) and not staircase.shares_name(lom)
    with pytest.raises(PermissionDenied):
        staircase.set_comparison_choice(
            municipality=lom, by=volunteer_contact_lom, takes_part=False, share_name=False
        )
    assert staircase.takes_part(lom)
    assert AuditEvent.objects.filter(code__in=["staircase.named", "staircase.anonymous"]).exists()


def test_comparison_takes_the_same_queries_for_many_municipalities(
    lom, coordinator_lom, django_assert_num_queries
):
    complete(lom, coordinator_lom, LEVEL_TWO_GOING_ON_THREE)
    _assessed("3435", 3, 60, named=True)
    with django_assert_num_queries(2):
        staircase.comparison(lom)
    numbers = list(
        Municipality.objects.exclude(pk__in=["3434", "3435"]).values_list("pk", flat=True)[:200]
    )
    for index, number in enumerate(numbers):
        _assessed(number, index % 6, index % 101, named=index % 3 == 0)
    with django_assert_num_queries(2):
        found = staircase.comparison(lom)
    assert found.national_count == 201  # Lom does not take part here


def test_answers_are_unique_per_indicator(lom, coordinator_lom):
    assessment = complete(lom, coordinator_lom, "y")
    assert assessment.answers.count() == len(indicators())
    assert Answer.objects.filter(assessment=assessment).values("indicator").distinct().count() == (
        len(indicators())
    )
