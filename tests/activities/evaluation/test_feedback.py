"""The participants' answer: only after a held session, within 30 days, 1 to 5."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from activities.evaluation.services import FEEDBACK_DAYS, give_feedback
from activities.models import ActivityStatus, Feedback, SessionStatus
from tests.activities.evaluation.conftest import days_ago
from tests.activities.factories import ActivityFactory, SessionFactory

pytestmark = pytest.mark.django_db


def held(days: int = 2, **fields):
    return SessionFactory(starts_at=days_ago(days), status=SessionStatus.HELD, **fields)


def test_an_answer_after_a_held_session_is_kept_without_a_name():
    session = held()
    answer = give_feedback(session=session, rating=4, area=" Bøverdalen ", comment="Gode vafler")
    answer.refresh_from_db()
    assert (answer.rating, answer.area, answer.comment) == (4, "Bøverdalen", "Gode vafler")
    assert answer.municipality_id == session.municipality_id


def test_a_session_not_held_takes_no_answers():
    with pytest.raises(ValidationError) as refused:
        give_feedback(session=SessionFactory(starts_at=days_ago(1)), rating=5)
    assert "not been marked as held" in refused.value.messages[0]


def test_the_form_closes_30_days_after_the_session():
    give_feedback(session=held(FEEDBACK_DAYS - 1), rating=5)
    with pytest.raises(ValidationError) as refused:
        give_feedback(session=held(FEEDBACK_DAYS + 2), rating=5)
    assert "more than 30 days" in refused.value.messages[0]
    assert Feedback.objects.count() == 1


@pytest.mark.parametrize("rating", [0, 6, -1])
def test_only_answers_from_1_to_5(rating):
    with pytest.raises(ValidationError):
        give_feedback(session=held(), rating=rating)
    assert not Feedback.objects.exists()


def test_the_public_form_has_five_worded_buttons_and_thanks(client, settings):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"  # the visitor chose English
    session = held()
    url = reverse("activities:session_feedback", args=["3434", session.pk])
    page = client.get(url)
    html = page.content.decode()
    assert page.status_code == 200
    assert html.count('type="submit" name="rating"') == 5
    assert "Not good" in html and "Very good" in html
    sent = client.post(url, {"rating": "5", "area": "Fossbergom", "comment": ""}, follow=True)
    assert "Thank you for answering" in sent.content.decode()
    assert Feedback.objects.get().area == "Fossbergom"


def test_the_public_form_refuses_politely_when_too_old_or_not_held(client):
    for session in (held(FEEDBACK_DAYS + 5), SessionFactory(starts_at=days_ago(1))):
        url = reverse("activities:session_feedback", args=["3434", session.pk])
        assert client.post(url, {"rating": "5"}).status_code == 200
    assert not Feedback.objects.exists()


def test_the_public_form_is_404_for_another_municipality_or_an_unpublished_activity(client):
    session = held()
    assert (
        client.get(reverse("activities:session_feedback", args=["3301", session.pk])).status_code
        == 404
    )
    proposed = held(activity=ActivityFactory(status=ActivityStatus.PROPOSED, published_at=None))
    url = reverse("activities:session_feedback", args=["3434", proposed.pk])
    assert client.get(url).status_code == 404


def test_a_robot_filling_the_trap_is_thanked_and_nothing_is_kept(client):
    session = held()
    url = reverse("activities:session_feedback", args=["3434", session.pk])
    response = client.post(url, {"rating": "1", "website": "http://spam"})
    assert response.status_code == 302
    assert not Feedback.objects.exists()


def test_a_rating_outside_1_to_5_shows_the_error(client):
    session = held()
    url = reverse("activities:session_feedback", args=["3434", session.pk])
    response = client.post(url, {"rating": "9"})
    assert response.status_code == 200
    assert "error-summary" in response.content.decode()
    assert not Feedback.objects.exists()


def test_feedback_time_limit_counts_from_the_end_of_the_session():
    """Begun more than 30 days ago, ended less: still open (at any time of day)."""
    started = timezone.now() - datetime.timedelta(days=FEEDBACK_DAYS, hours=1)
    session = SessionFactory(
        starts_at=started,
        ends_at=started + datetime.timedelta(hours=3),
        status=SessionStatus.HELD,
    )
    assert give_feedback(session=session, rating=3).pk


def test_a_session_takes_a_bounded_number_of_answers(monkeypatch):
    from activities.evaluation.services import attendance

    monkeypatch.setattr(attendance, "FEEDBACK_PER_SESSION", 2)
    session = held()
    give_feedback(session=session, rating=5)
    give_feedback(session=session, rating=4)
    with pytest.raises(ValidationError):
        give_feedback(session=session, rating=3)
    assert Feedback.objects.count() == 2
