"""The shift pages: the organiser's shifts of a session (add, ask, record who came), the open
shifts a volunteer is ready for, and one's own shift — with a driver's pick-up list only for
that driver, only while the shift is live and the meeting not past."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from activities.models import SessionStatus, ShiftStatus, Task
from activities.shifts.models import ShiftSlot
from tests.activities.factories import (
    ActivityFactory,
    SessionFactory,
    ShiftFactory,
    ShiftSlotFactory,
    at,
    declaration,
    ready_volunteer,
    ride_for,
)
from tests.factories import MembershipFactory, PartnerOrganisationFactory, VolunteerRoleFactory
from volunteers.models import Interest

pytestmark = pytest.mark.django_db


def _shifts_url(session):
    return reverse("activities:session_shifts", args=[session.municipality_id, session.pk])


def _own(shift):
    return reverse("activities:own_shift", args=[shift.pk])


def test_the_organiser_adds_a_slot_and_sees_who_holds_it(client_of, coordinator_lom):
    session = SessionFactory()
    held = ShiftFactory(slot=ShiftSlotFactory(session=session), volunteer=ready_volunteer())
    client = client_of(coordinator_lom)
    page = client.get(_shifts_url(session))
    assert page.status_code == 200 and str(held.volunteer) in page.text
    answer = client.post(
        _shifts_url(session), {"action": "slot", "task": Task.ACTIVITY_LEADER, "count": 2}
    )
    assert answer.status_code == 302
    assert ShiftSlot.objects.get(session=session, task=Task.ACTIVITY_LEADER).count == 2


def test_the_organiser_records_who_came_after_the_meeting(client_of, coordinator_lom):
    session = SessionFactory(starts_at=at(timezone.localdate() - datetime.timedelta(days=1), 11))
    shift = ShiftFactory(slot=ShiftSlotFactory(session=session), volunteer=ready_volunteer())
    answer = client_of(coordinator_lom).post(
        _shifts_url(session),
        {"action": "attendance", "shift": shift.pk, f"came{shift.pk}-came": "yes"},
    )
    assert answer.status_code == 302
    shift.refresh_from_db()
    assert shift.status == ShiftStatus.ATTENDED and shift.hours_entry is not None


def test_another_organisations_representative_gets_404(client_of):
    session = SessionFactory(activity=ActivityFactory(organiser=PartnerOrganisationFactory()))
    other = MembershipFactory(
        role="partner_representative", organisation=PartnerOrganisationFactory()
    ).user
    assert client_of(other).get(_shifts_url(session)).status_code == 404


def test_the_shifts_page_reads_a_bounded_number_of_queries(client_of, coordinator_lom):
    def session_with(n):
        session = SessionFactory()
        slot = ShiftSlotFactory(session=session, count=20)
        for _ in range(n):
            ShiftFactory(slot=slot, volunteer=ready_volunteer())
        return session

    small, large = session_with(2), session_with(12)
    client = client_of(coordinator_lom)

    def count(session):
        with CaptureQueriesContext(connection) as queries:
            assert client.get(_shifts_url(session)).status_code == 200
        return len(queries)

    count(small)
    assert count(small) == count(large)


def test_open_shifts_lists_those_the_volunteer_is_ready_for_and_why_not_the_others(client_of):
    declaration()
    role = VolunteerRoleFactory(name="Vert", certificate_kinds=["limited"])
    open_slot = ShiftSlotFactory(task=Task.HELPER)
    needs_certificate = ShiftSlotFactory(task=Task.HOST, role=role)
    volunteer = ready_volunteer()
    client = client_of(volunteer.user, language="en")
    page = client.get(reverse("activities:open_shifts"))
    assert page.status_code == 200
    assert page.context["ready"] == [open_slot]
    assert page.context["not_ready"] == [needs_certificate]
    assert "You do not have the role Vert yet" in page.text

    taken = client.post(reverse("activities:open_shifts"), {"slot": open_slot.pk})
    shift = volunteer.shifts.get()
    assert taken.url == _own(shift)


def test_open_shifts_reads_a_bounded_number_of_queries(client_of):
    volunteer = ready_volunteer()
    client = client_of(volunteer.user)

    def count():
        with CaptureQueriesContext(connection) as queries:
            assert client.get(reverse("activities:open_shifts")).status_code == 200
        return len(queries)

    for _ in range(2):
        ShiftSlotFactory(task=Task.HELPER)
    count()
    two = count()
    for _ in range(10):
        ShiftSlotFactory(task=Task.HOST, role=VolunteerRoleFactory())
    assert count() == two


@pytest.fixture
def driving():
    """A driver who said yes, with one ride to fetch Ingrid Bakken."""
    session = SessionFactory()
    slot = ShiftSlotFactory(session=session, task=Task.DRIVER)
    driver = ready_volunteer(can_drive=True, has_car=True)
    shift = ShiftFactory(slot=slot, volunteer=driver, status=ShiftStatus.SIGNED_UP)
    ride = ride_for(
        session, area="Bøverdalen", address="Bøverdalsvegen 12", participant_name="Ingrid Bakken"
    )
    ride.driver_shift, ride.status = shift, "covered"
    ride.save()
    return shift


def test_the_driver_sees_the_pick_up_list_while_the_shift_is_live(client_of, driving):
    page = client_of(driving.volunteer.user).get(_own(driving))
    assert page.status_code == 200
    assert "Ingrid Bakken" in page.text and "Bøverdalsvegen 12" in page.text


def test_another_volunteer_gets_404_for_the_drivers_shift(client_of, driving):
    other = ready_volunteer()
    assert client_of(other.user).get(_own(driving)).status_code == 404


def test_the_list_is_hidden_once_the_meeting_is_past_or_the_driver_dropped(client_of, driving):
    client = client_of(driving.volunteer.user)
    session = driving.slot.session
    session.starts_at = timezone.now() - datetime.timedelta(days=1, hours=2)
    session.ends_at = timezone.now() - datetime.timedelta(days=1)
    session.status = SessionStatus.HELD
    session.save()
    assert "Ingrid Bakken" not in client.get(_own(driving)).text


def test_an_asked_driver_sees_no_names_before_saying_yes(client_of, driving):
    driving.status = ShiftStatus.ASKED
    driving.save()
    assert "Ingrid Bakken" not in client_of(driving.volunteer.user).get(_own(driving)).text


def test_the_volunteer_confirms_and_drops_out_through_a_confirm_page(client_of):
    shift = ShiftFactory(volunteer=ready_volunteer())
    client = client_of(shift.volunteer.user)
    client.post(_own(shift), {"action": "confirm"})
    shift.refresh_from_db()
    assert shift.status == ShiftStatus.CONFIRMED
    assert client.get(_own(shift) + "?drop=1").status_code == 200  # the page that asks first
    shift.refresh_from_db()
    assert shift.status == ShiftStatus.CONFIRMED
    client.post(_own(shift), {"action": "drop", "reason": "Sjuk"})
    shift.refresh_from_db()
    assert shift.status == ShiftStatus.DROPPED


def test_an_asked_volunteer_accepts_on_the_page(client_of):
    shift = ShiftFactory(volunteer=ready_volunteer(), status=ShiftStatus.ASKED)
    client_of(shift.volunteer.user).post(_own(shift), {"action": "accept"})
    shift.refresh_from_db()
    assert shift.status == ShiftStatus.SIGNED_UP


def test_my_page_shows_coming_shifts_and_those_asked(client_of):
    volunteer = ready_volunteer()
    asked = ShiftFactory(volunteer=volunteer, status=ShiftStatus.ASKED)
    page = client_of(volunteer.user).get(reverse("volunteers:own_page"))
    assert _own(asked) in page.text


def test_the_volunteers_data_download_has_their_shifts():
    from activities.shifts.contributions import export_volunteer_shifts

    shift = ShiftFactory(volunteer=ready_volunteer())
    data = export_volunteer_shifts(shift.volunteer.user)
    assert data["shifts"][0]["activity"] == shift.slot.session.activity.title
    assert export_volunteer_shifts(ready_volunteer().user) is None


def test_a_new_driver_slot_takes_the_municipalitys_transport_role():
    from activities.shifts.services import driver_slot

    role = VolunteerRoleFactory(interest=Interest.TRANSPORT)
    assert driver_slot(SessionFactory()).role == role


@pytest.mark.parametrize(
    "data",
    [
        {"action": "attendance", "shift": "x'; DROP"},
        {"action": "ask", "slot": "99999999999999999999"},
        {"action": "slot", "task": "captain", "count": "-3"},
    ],
)
def test_forged_posts_on_the_shifts_page_change_nothing_and_never_fail(
    client_of, coordinator_lom, data
):
    session = SessionFactory()
    answer = client_of(coordinator_lom).post(_shifts_url(session), data)
    assert answer.status_code in (200, 302, 404)
    assert not ShiftSlot.objects.filter(session=session).exists()


def test_the_drivers_list_reads_a_bounded_number_of_queries(client_of):
    def driver_with(n):
        session = SessionFactory()
        slot = ShiftSlotFactory(session=session, task=Task.DRIVER)
        shift = ShiftFactory(
            slot=slot, volunteer=ready_volunteer(can_drive=True, has_car=True), status="signed_up"
        )
        for i in range(n):
            ride = ride_for(session, area="Bøverdalen", address=f"Vegen {i}")
            ride.driver_shift, ride.status = shift, "covered"
            ride.save()
        return shift

    small, large = driver_with(2), driver_with(12)

    def count(shift):
        client = client_of(shift.volunteer.user)
        with CaptureQueriesContext(connection) as queries:
            assert client.get(_own(shift)).status_code == 200
        return len(queries)

    count(small)
    assert count(small) == count(large)
