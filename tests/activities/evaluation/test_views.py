"""The evaluation pages: the organiser's attendance checklist, the activity's and the
municipality's evaluation; who may open them; bounded queries; the dashboard panel."""

import datetime
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation

from activities.evaluation.contributions import evaluation_panel
from activities.models import Attendance, Feedback, SessionStatus
from tests.activities.evaluation.conftest import days_ago, participant
from tests.activities.factories import ActivityFactory, SessionFactory
from tests.factories import municipality

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def coordinator_reads_english(coordinator_lom):
    """The pages' words are checked in English: the coordinator chose it."""
    coordinator_lom.preferred_language = "en"
    coordinator_lom.save(update_fields=["preferred_language"])


def attendance_url(session):
    return reverse("activities:session_attendance", args=["3434", session.pk])


def test_the_organiser_ticks_who_came_and_gets_the_feedback_address(
    client_of, coordinator_lom, past_session
):
    anna = participant(past_session, "Anna Li", area="Bøverdalen", ride=True)
    participant(past_session, "Berit Hole")
    client = client_of(coordinator_lom)
    page = client.get(attendance_url(past_session))
    html = page.content.decode()
    assert page.status_code == 200
    assert "Anna Li" in html and "Berit Hole" in html
    # Anna had a ride with a driver: the pick-up box is ticked already.
    assert re.search(rf'name="ride_{anna.pk}" id="[^"]+" checked', html)
    response = client.post(
        attendance_url(past_session),
        {f"came_{anna.pk}": "on", f"ride_{anna.pk}": "on", "walk_ins": "2"},
        follow=True,
    )
    assert "Saved. Thank you for recording who came." in response.content.decode()
    past_session.refresh_from_db()
    assert (past_session.status, past_session.walk_ins) == (SessionStatus.HELD, 2)
    assert Attendance.objects.get(signup=anna).came_by_ride is True
    feedback = reverse("activities:session_feedback", args=["3434", past_session.pk])
    assert feedback in response.content.decode()


def test_the_attendance_page_lists_the_volunteers_on_duty(client_of, coordinator_lom, past_session):
    from activities.models import ShiftStatus, Task
    from tests.activities.factories import ShiftFactory, ShiftSlotFactory

    slot = ShiftSlotFactory(session=past_session, task=Task.DRIVER)
    on_duty = ShiftFactory(slot=slot, status=ShiftStatus.CONFIRMED)
    ShiftFactory(slot=slot, status=ShiftStatus.DECLINED, volunteer__user__full_name="Nei Takk")
    html = client_of(coordinator_lom).get(attendance_url(past_session)).content.decode()
    assert str(on_duty.volunteer) in html
    assert "Nei Takk" not in html
    assert reverse("activities:session_shifts", args=["3434", past_session.pk]) in html


def test_the_overview_links_to_the_evaluation_for_the_coordinator_only(
    rf, coordinator_lom, applicant
):
    from activities.evaluation.contributions import evaluation_links

    request = rf.get("/")
    request.user = coordinator_lom
    lom = municipality("3434")
    assert [url for url, _label in evaluation_links(request, lom)] == [
        reverse("activities:municipality_evaluation", args=["3434"])
    ]
    request.user = applicant
    assert evaluation_links(request, lom) == []


def test_unticking_the_pick_up_on_the_page_is_kept(client_of, coordinator_lom, past_session):
    anna = participant(past_session, "Anna Li", ride=True)
    client_of(coordinator_lom).post(
        attendance_url(past_session), {f"came_{anna.pk}": "on", "walk_ins": "0"}
    )
    assert Attendance.objects.get(signup=anna).came_by_ride is False


def test_before_the_start_the_page_says_so_and_saves_nothing(client_of, coordinator_lom):
    session = SessionFactory()
    anna = participant(session, "Anna Li")
    client = client_of(coordinator_lom)
    assert "has not started yet" in client.get(attendance_url(session)).content.decode()
    response = client.post(attendance_url(session), {f"came_{anna.pk}": "on", "walk_ins": "0"})
    assert "has not started yet" in response.content.decode()
    assert not Attendance.objects.exists()


def test_a_representative_of_another_organisation_gets_404(client_of, applicant, past_session):
    client = client_of(applicant)
    assert client.get(attendance_url(past_session)).status_code == 404
    activity_url = reverse(
        "activities:activity_evaluation", args=["3434", past_session.activity_id]
    )
    assert client.get(activity_url).status_code == 404


def test_another_municipalitys_coordinator_gets_404(client_of, coordinator_drammen, past_session):
    client = client_of(coordinator_drammen)
    assert client.get(attendance_url(past_session)).status_code == 404
    url = reverse("activities:session_attendance", args=["3301", past_session.pk])
    assert client.get(url).status_code == 404


def test_the_activity_evaluation_shows_plain_numbers_and_the_latest_sessions(
    client_of, coordinator_lom, past_session
):
    from activities.evaluation.services import record_attendance

    anna = participant(past_session, "Anna Li", area="Bøverdalen", ride=True)
    record_attendance(
        session=past_session, by=coordinator_lom, present_signup_ids=[anna.pk], walk_ins=1
    )
    Feedback.objects.create(municipality_id="3434", session=past_session, rating=4)
    url = reverse("activities:activity_evaluation", args=["3434", past_session.activity_id])
    html = client_of(coordinator_lom).get(url).content.decode()
    assert "1 session was held." in html
    assert "2 participants came in all" in html
    assert "Bøverdalen" in html
    assert "4 – Good" in html
    assert attendance_url(past_session) in html
    # A future cancellation is not part of what happened (no end chosen: until today).
    SessionFactory(activity=past_session.activity, status=SessionStatus.CANCELLED)
    assert "was cancelled" not in client_of(coordinator_lom).get(url).content.decode()
    # A period without sessions.
    empty = client_of(coordinator_lom).get(url, {"since": "2020-01-01", "until": "2020-01-31"})
    assert "0 sessions were held." in empty.content.decode()


def test_a_period_ending_before_it_starts_is_an_error(client_of, coordinator_lom):
    activity = ActivityFactory()
    url = reverse("activities:activity_evaluation", args=["3434", activity.pk])
    html = client_of(coordinator_lom).get(url, {"since": "2026-02-01", "until": "2026-01-01"})
    assert "The end comes before the start." in html.content.decode()


def test_the_municipality_evaluation_is_for_the_coordinator_only(
    client_of, coordinator_lom, applicant
):
    activity = ActivityFactory(title="Strikkegruppe")
    url = reverse("activities:municipality_evaluation", args=["3434"])
    html = client_of(coordinator_lom).get(url).content.decode()
    assert "Strikkegruppe" in html
    assert reverse("activities:activity_evaluation", args=["3434", activity.pk]) in html
    assert client_of(applicant).get(url).status_code == 404
    # The period goes along to each activity's evaluation.
    chosen = client_of(coordinator_lom).get(url, {"since": "2026-01-01", "until": "2026-06-30"})
    evaluation = reverse("activities:activity_evaluation", args=["3434", activity.pk])
    assert f"{evaluation}?since=2026-01-01&amp;until=2026-06-30" in chosen.content.decode()


def _held_sessions(count: int, coordinator) -> None:
    from activities.evaluation.services import record_attendance

    for number in range(count):
        activity = ActivityFactory(title=f"Aktivitet {number:02}")
        session = SessionFactory(activity=activity, starts_at=days_ago(2 + number))
        came = participant(session, f"Deltakar {number}", area=f"Grend {number}")
        record_attendance(session=session, by=coordinator, present_signup_ids=[came.pk])
        Feedback.objects.create(municipality_id="3434", session=session, rating=5)


def _queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_the_municipality_evaluation_reads_the_same_queries_for_2_and_12_activities(
    client_of, coordinator_lom
):
    client = client_of(coordinator_lom)
    url = reverse("activities:municipality_evaluation", args=["3434"])
    _held_sessions(2, coordinator_lom)
    few = _queries(client, url)
    _held_sessions(10, coordinator_lom)
    assert _queries(client, url) == few


def test_the_activity_evaluation_reads_the_same_queries_for_2_and_12_sessions(
    client_of, coordinator_lom
):
    from activities.evaluation.services import record_attendance

    activity = ActivityFactory()
    client = client_of(coordinator_lom)
    url = reverse("activities:activity_evaluation", args=["3434", activity.pk])

    def hold(count: int, offset: int) -> None:
        for number in range(count):
            session = SessionFactory(activity=activity, starts_at=days_ago(offset + number))
            came = participant(session, f"Deltakar {offset + number}")
            record_attendance(session=session, by=coordinator_lom, present_signup_ids=[came.pk])

    hold(2, 1)
    few = _queries(client, url)
    hold(10, 3)
    assert _queries(client, url) == few


def test_the_attendance_page_reads_the_same_queries_for_2_and_12_participants(
    client_of, coordinator_lom, past_session
):
    client = client_of(coordinator_lom)
    for number in range(2):
        participant(past_session, f"Deltakar {number}", ride=True)
    few = _queries(client, attendance_url(past_session))
    for number in range(2, 12):
        participant(past_session, f"Deltakar {number}", ride=True)
    assert _queries(client, attendance_url(past_session)) == few


def test_the_dashboard_panel_shows_this_months_numbers_each_linking_to_its_page(
    rf, client_of, coordinator_lom, applicant
):
    from activities.evaluation.services import record_attendance

    today = timezone.localdate()
    started = timezone.now() - datetime.timedelta(minutes=5)
    if timezone.localdate(started) != today:  # just after midnight: nothing held yet today
        pytest.skip("no moment of this month has passed yet")
    session = SessionFactory(starts_at=started)
    came = participant(session, "Anna Li")
    record_attendance(session=session, by=coordinator_lom, present_signup_ids=[came.pk])
    Feedback.objects.create(municipality_id="3434", session=session, rating=4)
    SessionFactory(starts_at=started, status=SessionStatus.NOT_RUNNING)
    lom = municipality("3434")
    request = rf.get("/")
    request.user = coordinator_lom
    with translation.override("nb"):
        panel = evaluation_panel(request, lom)
    numbers = [number for number, _label, _url in panel.context["figures"]]
    assert numbers == [1, 1, "4,0", 1]  # in bokmål, the default language
    client = client_of(coordinator_lom)
    for _number, _label, url in panel.context["figures"]:
        assert client.get(url).status_code == 200
    request.user = applicant
    assert evaluation_panel(request, lom) is None
