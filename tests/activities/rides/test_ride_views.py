"""The organiser's ride pages: the rides in pick-up order with the participants' details for
the activity's organisers only, and asking a driver proposed by matching."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from activities.models import RideStatus, ShiftStatus
from tests.activities.factories import ActivityFactory, SessionFactory, ready_volunteer, ride_for
from tests.factories import MembershipFactory, PartnerOrganisationFactory, VolunteerRoleFactory
from volunteers.models import Interest

pytestmark = pytest.mark.django_db


def _rides_url(session):
    return reverse("activities:session_rides", args=[session.municipality_id, session.pk])


def _drivers_url(session):
    return reverse("activities:ride_drivers", args=[session.municipality_id, session.pk])


def test_the_organiser_sees_the_rides_with_names_and_sets_the_order(client_of, coordinator_lom):
    session = SessionFactory()
    ride = ride_for(
        session,
        area="Bøverdalen",
        address="Bøverdalsvegen 12",
        aids=["wheelchair"],
        participant_name="Ingrid Bakken",
    )
    client = client_of(coordinator_lom)
    page = client.get(_rides_url(session))
    assert page.status_code == 200
    assert "Ingrid Bakken" in page.text and "Bøverdalsvegen 12" in page.text
    assert client.post(_rides_url(session)).status_code == 302
    ride.refresh_from_db()
    assert ride.stop_number == 1 and ride.pickup_at is not None


def test_a_representative_of_another_organisation_gets_404(client_of):
    session = SessionFactory(activity=ActivityFactory(organiser=PartnerOrganisationFactory()))
    ride_for(session, area="Bøverdalen", address="Vegen 1", participant_name="Ingrid Bakken")
    other = MembershipFactory(
        role="partner_representative", organisation=PartnerOrganisationFactory()
    ).user
    client = client_of(other)
    assert client.get(_rides_url(session)).status_code == 404
    assert client.get(_drivers_url(session)).status_code == 404


def test_the_organisers_representative_sees_their_own_activitys_rides(client_of):
    partner = PartnerOrganisationFactory()
    session = SessionFactory(activity=ActivityFactory(organiser=partner))
    rep = MembershipFactory(role="partner_representative", organisation=partner).user
    assert client_of(rep).get(_rides_url(session)).status_code == 200


def _queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_the_rides_page_reads_a_bounded_number_of_queries(client_of, coordinator_lom):
    small, large = SessionFactory(), SessionFactory()
    for n in range(2):
        ride_for(small, area="Bøverdalen", address=f"Vegen {n}")
    for n in range(12):
        ride_for(large, area=f"Grend {n % 3}", address=f"Vegen {n}", aids=["walker"])
    client = client_of(coordinator_lom)
    _queries(client, _rides_url(small))  # warm the caches (roles, session)
    assert _queries(client, _rides_url(small)) == _queries(client, _rides_url(large))


def test_asking_a_proposed_driver_for_chosen_rides(client_of, coordinator_lom):
    role = VolunteerRoleFactory(interest=Interest.TRANSPORT)
    session = SessionFactory()
    ride = ride_for(session, area="Lom sentrum", address="Vegen 1")
    driver = ready_volunteer(
        role=role, interests=[Interest.TRANSPORT], can_drive=True, has_car=True
    )
    client = client_of(coordinator_lom)
    page = client.get(_drivers_url(session))
    assert page.status_code == 200 and str(driver) in page.text
    answer = client.post(_drivers_url(session), {"volunteer": driver.pk, "rides": [ride.pk]})
    assert answer.status_code == 302
    ride.refresh_from_db()
    assert ride.driver_shift.volunteer == driver
    assert (ride.driver_shift.status, ride.status) == (ShiftStatus.ASKED, RideStatus.NEEDED)


def test_a_volunteer_not_proposed_cannot_be_asked_by_a_forged_form(client_of, coordinator_lom):
    session = SessionFactory()
    stranger = ready_volunteer()  # no transport interest, no car
    page = client_of(coordinator_lom).post(_drivers_url(session), {"volunteer": stranger.pk})
    assert page.status_code == 200
    assert not stranger.shifts.exists()


def test_the_organiser_gives_rides_to_a_driver_who_said_yes(client_of, coordinator_lom):
    from activities.models import Task
    from tests.activities.factories import ShiftFactory, ShiftSlotFactory

    session = SessionFactory()
    ride = ride_for(session, area="Lom sentrum", address="Vegen 1")
    driver = ShiftFactory(
        slot=ShiftSlotFactory(session=session, task=Task.DRIVER),
        volunteer=ready_volunteer(can_drive=True, has_car=True),
        status=ShiftStatus.SIGNED_UP,
    )
    answer = client_of(coordinator_lom).post(
        _drivers_url(session),
        {"action": "assign", "give-shift": driver.pk, "give-rides": [ride.pk]},
    )
    assert answer.status_code == 302
    ride.refresh_from_db()
    assert (ride.driver_shift, ride.status, ride.stop_number) == (driver, RideStatus.COVERED, 1)
