"""The hostile-input guarantees of test_hostile_input.py for the staircase forms: the
questionnaire (forged and retired indicator ids, odd answers, huge comments, any action), the
name-sharing choice, and another municipality's assessments. Never a 500; refused input explained
and nothing stored; stored text shown only as text.

Field names carry indicator ids, which are not known when hypothesis draws the data: the
strategies use placeholders (FIRST, SECOND, RETIRED, FORGED) that each test replaces."""

import datetime

import pytest
from django.urls import reverse
from hypothesis import example, given

from coordination.models import Answer, Assessment, Indicator, StaircaseSharing
from tests.trust.hostile import (
    MARKUP,
    assert_explained,
    assert_shown_only_as_text,
    checked,
    client_for,
    few,
    form_data,
    get,
    post,
    rolled_back,
    rows,
    sometimes_valid,
)

pytestmark = pytest.mark.django_db

LOM, DRAMMEN = "3434", "3301"
STAIRCASE_TABLES = (
    Assessment.objects.all(),
    Answer.objects.all(),
    StaircaseSharing.objects.all(),
    Indicator.objects.all(),
)


@pytest.fixture
def ids(lom):
    first, second, retired = Indicator.objects.order_by("step", "order")[:3]
    retired.is_active = False
    retired.save()
    return {"FIRST": first.pk, "SECOND": second.pk, "RETIRED": retired.pk, "FORGED": 999_999}


def resolve(data: dict, ids: dict) -> dict:
    """``answer_FIRST`` becomes ``answer_<id of the first indicator>``."""
    found = {}
    for name, value in data.items():
        for placeholder, pk in ids.items():
            name = name.replace(placeholder, str(pk))
        found[name] = value
    return found


@few
@given(
    data=form_data(
        action=sometimes_valid("draft", "complete"),
        answer_FIRST=sometimes_valid("yes", "partly", "no"),
        comment_FIRST=sometimes_valid(
            "Vi har en avtale med frivilligsentralen.", *(payload for payload, _ in MARKUP)
        ),
        answer_SECOND=sometimes_valid("yes", "partly", "no", ""),
        comment_SECOND=sometimes_valid("", "Delvis: bare i sentrum."),
        answer_RETIRED=sometimes_valid("yes"),
        answer_FORGED=sometimes_valid("yes"),
    )
)
@example(data={"action": "draft", "answer_FIRST": "yes", "comment_FIRST": "A" * 100_000})
@example(
    data={"action": "draft", "answer_FIRST": "yes", "comment_FIRST": "<script>alert(1)</script>"}
)
@example(data={"action": "complete", "answer_FIRST": "yes"})
@example(data={"action": "draft", "answer_FIRST": "maybe"})
@example(data={"action": "draft", "answer_FORGED": "yes", "answer_RETIRED": "yes"})
@example(data={"action": ["draft", "complete"], "answer_FIRST": ["yes", "no"]})
def test_questionnaire_never_fails_and_stores_only_valid_answers(coordinator_lom, ids, data):
    with rolled_back():
        before = rows(*STAIRCASE_TABLES)
        client = client_for(coordinator_lom)
        address = reverse("coordination:assessment_answer", args=[LOM])
        response = post(client, address, resolve(data, ids))
        if response.status_code == 302:
            assessment = Assessment.objects.get(municipality_id=LOM)
            assessment.full_clean()
            stored = list(assessment.answers.all())
            assert {answer.indicator_id for answer in stored}.isdisjoint(
                {ids["RETIRED"], ids["FORGED"]}
            )
            for answer in stored:
                answer.full_clean()
            if assessment.status == "completed":
                assert all(answer.value for answer in stored)
            first = next(a for a in stored if a.indicator_id == ids["FIRST"])
            page = get(client, address).content.decode()
            if first.comment:
                assert_shown_only_as_text(page, first.comment)
        else:
            assert_explained(response)
            assert rows(*STAIRCASE_TABLES) == before


def _last(value) -> str:
    return str(value[-1] if isinstance(value, list) else value)


@few
@given(
    data=form_data(takes_part=sometimes_valid("yes", "no"), share_name=sometimes_valid("yes", "no"))
)
@example(data={"takes_part": "yes", "share_name": ["yes", "no"]})
@example(data={"takes_part": "yes", "share_name": "ja"})
@example(data={"takes_part": "no", "share_name": "yes"})
def test_sharing_choice_never_fails_and_stores_only_yes_or_no(coordinator_lom, lom, data):
    with rolled_back():
        before = rows(*STAIRCASE_TABLES)
        client = client_for(coordinator_lom)
        response = post(client, reverse("coordination:staircase_sharing_edit", args=[LOM]), data)
        if response.status_code == 302:
            # issue 10: taking part is a choice of its own; a name is shown only when taking part
            sharing = StaircaseSharing.objects.get(municipality_id=LOM)
            assert sharing.takes_part is (_last(data["takes_part"]) == "yes")
            assert sharing.share_name is (sharing.takes_part and _last(data["share_name"]) == "yes")
        else:
            assert_explained(response)
            assert rows(*STAIRCASE_TABLES) == before


def test_another_municipalitys_assessment_cannot_be_read_or_answered(
    coordinator_lom, coordinator_drammen, lom, drammen
):
    theirs = Assessment.objects.create(
        municipality=drammen, status="completed", completed_on=datetime.date(2026, 3, 1),
        level_reached=4, score=80, is_current=True,
    )  # fmt: skip
    Answer.objects.create(
        assessment=theirs,
        indicator=Indicator.objects.first(),
        level_number=1,
        value="yes",
        comment="Hemmelig kommentar fra Drammen",
    )
    before = rows(*STAIRCASE_TABLES)
    client = client_for(coordinator_lom)
    for municipality in (LOM, DRAMMEN):
        address = reverse("coordination:assessment_detail", args=[municipality, theirs.pk])
        assert get(client, address).status_code == 404
    answer = reverse("coordination:assessment_answer", args=[DRAMMEN])
    assert checked(client.post(answer, {"action": "draft"})).status_code == 404
    sharing = reverse("coordination:staircase_sharing_edit", args=[DRAMMEN])
    assert checked(client.post(sharing, {"share_name": "no"})).status_code == 404
    # The comparison shows Drammen's level at most, never its answers.
    compare = get(client, reverse("coordination:assessment_compare", args=[LOM]))
    assert "Hemmelig kommentar" not in compare.content.decode()
    assert rows(*STAIRCASE_TABLES) == before
