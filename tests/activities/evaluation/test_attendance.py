"""Recording who came: only once the session has started, the session becomes held, recording
again corrects, and the pick-up is remembered."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from activities.evaluation.services import confirmed_signups, record_attendance
from activities.models import Attendance, SessionStatus, SignUpStatus
from coordination.kernel.models import Membership, Role
from coordination.kernel.permissions import forget_roles
from tests.activities.evaluation.conftest import days_ago, participant
from tests.activities.factories import ActivityFactory, SessionFactory, SignUpFactory
from tests.factories import PartnerOrganisationFactory

pytestmark = pytest.mark.django_db


def rows(session) -> dict[str, tuple[bool, bool]]:
    return {
        a.signup.participant_name: (a.present, a.came_by_ride)
        for a in Attendance.objects.filter(session=session).select_related("signup")
    }


def test_attendance_before_the_session_starts_is_refused_in_plain_words(coordinator_lom):
    session = SessionFactory()  # next week
    anna = participant(session, "Anna")
    with pytest.raises(ValidationError) as refused:
        record_attendance(session=session, by=coordinator_lom, present_signup_ids=[anna.pk])
    assert "has not started yet" in refused.value.messages[0]
    session.refresh_from_db()
    assert session.status == SessionStatus.PLANNED
    assert not Attendance.objects.exists()


def test_recording_after_the_start_makes_the_session_held_with_a_row_for_everyone(
    coordinator_lom, past_session
):
    anna = participant(past_session, "Anna")
    participant(past_session, "Berit")
    came = record_attendance(
        session=past_session, by=coordinator_lom, present_signup_ids=[anna.pk], walk_ins=3
    )
    assert came == 1
    past_session.refresh_from_db()
    assert past_session.status == SessionStatus.HELD
    assert past_session.walk_ins == 3
    assert rows(past_session) == {"Anna": (True, False), "Berit": (False, False)}


def test_recording_again_corrects_what_was_recorded(coordinator_lom, past_session):
    anna = participant(past_session, "Anna")
    berit = participant(past_session, "Berit")
    record_attendance(session=past_session, by=coordinator_lom, present_signup_ids=[anna.pk])
    record_attendance(
        session=past_session, by=coordinator_lom, present_signup_ids=[berit.pk], walk_ins=1
    )
    assert rows(past_session) == {"Anna": (False, False), "Berit": (True, False)}
    assert Attendance.objects.count() == 2
    past_session.refresh_from_db()
    assert (past_session.status, past_session.walk_ins) == (SessionStatus.HELD, 1)


def test_a_covered_ride_counts_as_came_with_the_pick_up_unless_the_organiser_says(
    coordinator_lom, past_session
):
    anna = participant(past_session, "Anna", area="Bøverdalen", ride=True)
    berit = participant(past_session, "Berit")
    carl = participant(past_session, "Carl", ride=True)  # did not come: no ride counted
    record_attendance(
        session=past_session, by=coordinator_lom, present_signup_ids=[anna.pk, berit.pk]
    )
    assert rows(past_session) == {
        "Anna": (True, True),
        "Berit": (True, False),
        "Carl": (False, False),
    }
    # The page says exactly who came with the pick-up (Berit got a lift, Anna came herself).
    record_attendance(
        session=past_session,
        by=coordinator_lom,
        present_signup_ids=[anna.pk, berit.pk, carl.pk],
        came_by_ride_ids=[berit.pk],
        rides_ticked=True,
    )
    assert rows(past_session) == {
        "Anna": (True, False),
        "Berit": (True, True),
        "Carl": (True, False),
    }


def test_period_enrolments_have_a_place_in_every_session_and_cancelled_ones_do_not(
    coordinator_lom, past_session
):
    enrolled = SignUpFactory(
        session=None,
        activity=past_session.activity,
        municipality=past_session.municipality,
        participant_name="Eli",
    )
    participant(past_session, "Frida", status=SignUpStatus.CANCELLED)
    SignUpFactory(participant_name="Other session")
    assert [s.participant_name for s in confirmed_signups(past_session)] == ["Eli"]
    record_attendance(session=past_session, by=coordinator_lom, present_signup_ids=[enrolled.pk])
    assert rows(past_session) == {"Eli": (True, False)}


def test_someone_without_a_place_cannot_be_ticked(coordinator_lom, past_session):
    stranger = SignUpFactory(participant_name="Gro")  # another session's participant
    with pytest.raises(ValidationError):
        record_attendance(
            session=past_session, by=coordinator_lom, present_signup_ids=[stranger.pk]
        )


def test_a_cancelled_session_takes_no_attendance(coordinator_lom):
    session = SessionFactory(starts_at=days_ago(2), status=SessionStatus.CANCELLED)
    with pytest.raises(ValidationError) as refused:
        record_attendance(session=session, by=coordinator_lom, present_signup_ids=[])
    assert "no attendance to record" in refused.value.messages[0]


def test_only_the_activitys_organisers_record_attendance(applicant, past_session):
    with pytest.raises(PermissionDenied):
        record_attendance(session=past_session, by=applicant, present_signup_ids=[])
    organisation = PartnerOrganisationFactory()
    Membership.objects.filter(user=applicant, role=Role.PARTNER_REPRESENTATIVE).update(
        organisation=organisation
    )
    forget_roles(applicant)
    own = SessionFactory(activity=ActivityFactory(organiser=organisation), starts_at=days_ago(1))
    assert record_attendance(session=own, by=applicant, present_signup_ids=[]) == 0
