"""``seed_demo`` gives the staircase a believable state: Lom at level 2 going on 3, Drammen at
level 4 after three assessments, and others of each size class for the comparison. Running it
twice changes nothing."""

import pytest
from django.core.management import call_command

from coordination.kernel import contributions
from coordination.models import Answer, Assessment, StaircaseSharing
from coordination.staircase import services as staircase

pytestmark = pytest.mark.django_db


def _seed():
    call_command("seed_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115


def test_seed_demo_gives_lom_level_two_going_on_three_and_drammen_level_four():
    _seed()
    counts = (Assessment.objects.count(), Answer.objects.count(), StaircaseSharing.objects.count())
    _seed()
    assert (
        Assessment.objects.count(),
        Answer.objects.count(),
        StaircaseSharing.objects.count(),
    ) == counts

    lom = list(Assessment.objects.filter(municipality_id="3434").order_by("completed_on"))
    assert [a.level_reached for a in lom] == [1, 2]
    assert lom[-1].is_current and lom[-1].made_by.full_name == "Ingrid Bakken"
    assert 300 <= (lom[1].completed_on - lom[0].completed_on).days <= 400
    steps = staircase.next_steps_of(staircase.answers_of(lom[-1]))
    assert steps[0].level_number == 3  # the next steps are level 3's
    level3 = staircase.result_of(staircase.answers_of(lom[-1])).levels[2]
    assert 60 <= level3.percent < 80  # close to level 3
    assert lom[-1].answers.exclude(comment="").exists()

    drammen = list(Assessment.objects.filter(municipality_id="3301").order_by("completed_on"))
    assert [a.level_reached for a in drammen] == [2, 3, 4]
    assert (drammen[-1].completed_on - drammen[0].completed_on).days >= 600

    found = staircase.comparison(lom[-1].municipality)
    assert found.in_class >= 4 and found.national_count >= 10
    named = {name for names in found.named_by_level.values() for name in names}
    assert "Vågå" in named and "Skjåk" not in named  # named only when they agreed
    for size_class in range(4):
        assert any(
            staircase.size_class_of(a.municipality.population) == size_class
            for a in Assessment.objects.filter(is_current=True).select_related("municipality")
        ), size_class


def test_the_latest_assessments_store_the_demo_evidence_and_agree_with_it():
    """The staircase step runs after the other demo steps, so the evidence stored with the
    latest assessments is the one the demo data gives, and the data shows every yes of both
    Lom and Drammen (any that it did not would have to be explained in a comment)."""
    _seed()
    for number, yes_the_data_does_not_show in (("3434", 0), ("3301", 0)):
        current = Assessment.objects.get(municipality_id=number, is_current=True)
        answers = list(
            current.answers.select_related("indicator").exclude(indicator__evidence_key="")
        )
        provided = [a for a in answers if a.indicator.evidence_key in contributions.EVIDENCE]
        assert len(provided) == len(answers) > 10
        for answer in provided:
            now = contributions.evidence_for(current.municipality, answer.indicator.evidence_key)
            assert (answer.evidence_summary, answer.evidence_met) == (now.summary, now.met)
        commented = {a.indicator.evidence_key for a in answers if a.comment}
        disagreeing = {
            a.indicator.evidence_key for a in answers if a.value == "yes" and not a.evidence_met
        }
        assert disagreeing <= commented
        assert len(disagreeing) == yes_the_data_does_not_show, number
