"""The hostile-input guarantees (tests/trust/hostile.py) for the evaluation's forms: the public
1–5 form above all, and the organiser's attendance checklist. Never a server error, refused
input explained and nothing stored, stored text shown only as text."""

import pytest
from django.urls import reverse
from hypothesis import example, given
from hypothesis import strategies as st

from activities.models import Attendance, Feedback, Session, SessionStatus
from tests.activities.evaluation.conftest import days_ago, participant
from tests.activities.factories import SessionFactory
from tests.trust.hostile import (
    MARKUP,
    assert_explained,
    assert_shown_only_as_text,
    client_for,
    form_data,
    hostile,
    nasty_text,
    post,
    resolve,
    rolled_back,
    rows,
    sometimes_valid,
)

pytestmark = pytest.mark.django_db


def _held():
    return SessionFactory(starts_at=days_ago(2), status=SessionStatus.HELD)


@hostile
@given(
    data=form_data(
        rating=sometimes_valid("1", "3", "5"),
        area=nasty_text,
        comment=nasty_text,
        website=st.sampled_from(["", "", "", "http://spam.example"]),
    )
)
@example(data={"rating": "4", "comment": "<script>alert(1)</script>", "area": "{{ 7*7 }}"})
@example(data={"rating": "6"})
@example(data={"rating": ["5", "0"]})
def test_the_public_form_never_fails_and_stores_only_a_valid_answer(coordinator_lom, data):
    with rolled_back():
        session = _held()
        url = reverse("activities:session_feedback", args=["3434", session.pk])
        before = rows(Feedback.objects.all())
        response = post(client_for(), url, data)
        if response.status_code == 302:
            assert response["Location"] == f"{url}?sent=1"
            answer = Feedback.objects.filter(session=session).first()
            if answer is None:  # the trap for robots: nothing stored
                return
            assert 1 <= answer.rating <= 5
            page = client_for(coordinator_lom).get(
                reverse("activities:activity_evaluation", args=["3434", session.activity_id])
            )
            html = page.content.decode()
            if answer.comment:
                assert_shown_only_as_text(html, answer.comment)
            if answer.area:
                assert_shown_only_as_text(html, answer.area)
        else:
            assert_explained(response, data)
            assert rows(Feedback.objects.all()) == before


@hostile
@given(
    data=form_data(
        walk_ins=sometimes_valid("0", "3", "1000"),
        came_ANNA=sometimes_valid("on"),
        ride_ANNA=sometimes_valid("on"),
        came_OTHER=sometimes_valid("on"),
    )
)
@example(data={"walk_ins": "-1", "came_ANNA": "on"})
@example(data={"walk_ins": "99999"})
def test_the_attendance_checklist_never_fails_and_refuses_what_it_cannot_take(
    coordinator_lom, data
):
    with rolled_back():
        session = SessionFactory(starts_at=days_ago(1))
        anna = participant(session, "Anna Li", ride=True)
        other = participant(SessionFactory(), "Ikkje her")
        url = reverse("activities:session_attendance", args=["3434", session.pk])
        fields = resolve(data, {"ANNA": anna.pk, "OTHER": other.pk}, in_names=True)
        before = rows(Attendance.objects.all(), Session.objects.all())
        response = post(client_for(coordinator_lom), url, fields)
        if response.status_code == 302:
            session.refresh_from_db()
            assert session.status == SessionStatus.HELD
            assert not Attendance.objects.filter(signup=other).exists()
            assert Attendance.objects.filter(session=session).count() == 1
        else:
            assert_explained(response, fields)
            assert rows(Attendance.objects.all(), Session.objects.all()) == before


@pytest.mark.parametrize("payload", [payload for payload, _live in MARKUP])
def test_markup_in_an_answer_is_shown_only_as_text(client, coordinator_lom, payload):
    session = _held()
    url = reverse("activities:session_feedback", args=["3434", session.pk])
    client.post(url, {"rating": "3", "comment": payload[:500], "area": payload[:100]})
    answer = Feedback.objects.get()
    page = client_for(coordinator_lom).get(
        reverse("activities:activity_evaluation", args=["3434", session.activity_id])
    )
    assert_shown_only_as_text(page.content.decode(), answer.comment)
