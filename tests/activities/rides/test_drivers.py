"""Drivers for a session's rides: matching proposes ready volunteers who drive in the area;
the one asked answers for themself, and saying yes covers the rides reserved for them; the
pick-up order is set per driver."""

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied
from django.utils import translation

from activities.models import RideStatus, ShiftStatus, Task
from activities.rides import services
from activities.shifts.services import answer_shift
from tests.activities.factories import (
    ActivityFactory,
    SessionFactory,
    ShiftFactory,
    ShiftSlotFactory,
    ready_volunteer,
    ride_for,
)
from tests.factories import (
    MembershipFactory,
    PartnerOrganisationFactory,
    UserFactory,
    VolunteerRoleFactory,
)
from volunteers.models import Interest

pytestmark = pytest.mark.django_db


@pytest.fixture
def session():
    activity = ActivityFactory(pickup_route="Bøverdalen\nGaldesand\nLom sentrum")
    return SessionFactory(activity=activity)


@pytest.fixture
def driver_role():
    return VolunteerRoleFactory(name="Sjåfør", interest=Interest.TRANSPORT)


def _driver(name, role, **fields):
    fields.setdefault("can_drive", True)
    fields.setdefault("has_car", True)
    fields.setdefault("area", "Bøverdalen")
    return ready_volunteer(
        role=role, interests=[Interest.TRANSPORT], user=UserFactory(full_name=name), **fields
    )


def _names(proposals):
    return sorted(p.volunteer.user.full_name for p in proposals)


def test_drivers_proposed_only_when_ready_driving_with_a_car_and_in_the_area(session, driver_role):
    ride_for(session, area="Bøverdalen", address="Bøverdalsvegen 12")
    _driver("Here", driver_role)
    _driver("Travels", driver_role, area="Skjåk", willing_to_travel=True)
    _driver("Stays Home", driver_role, area="Skjåk", willing_to_travel=False)
    _driver("No Car", driver_role, has_car=False)
    _driver("No Licence", driver_role, can_drive=False)
    _driver("Not Signed", driver_role, sign=False)
    _driver("No Role", None)
    busy = _driver("Already Host", driver_role)
    ShiftFactory(slot=ShiftSlotFactory(session=session, task=Task.HOST), volunteer=busy)

    with translation.override("nb"):
        proposals = services.propose_drivers(session=session)

    assert _names(proposals) == ["Here", "Travels"]
    here = next(p for p in proposals if p.volunteer.user.full_name == "Here")
    assert "har førerkort og bil" in here.reasons  # "has a driving licence and a car" (nb)
    assert proposals[0].volunteer.user.full_name == "Here"  # same area ranks first


def test_the_driver_request_asks_for_transport_at_the_sessions_time_in_the_rides_area(
    session, driver_role
):
    ride_for(session, area="Galdesand", address="Galdesandvegen 1")
    ride_for(session, area="Galdesand", address="Galdesandvegen 9")
    ride_for(session, area="Bøverdalen", address="Bøverdalsvegen 2")
    request = services.driver_request(session)
    assert (request.kind, request.area, request.needs_driver) == (
        Interest.TRANSPORT,
        "Galdesand",
        True,
    )
    assert len(request.times) == 1
    assert services.driver_request(session, area="Lom sentrum").area == "Lom sentrum"


def test_asking_reserves_the_rides_and_saying_yes_covers_them(
    session, driver_role, coordinator_lom, django_capture_on_commit_callbacks
):
    first = ride_for(session, area="Bøverdalen", address="Bøverdalsvegen 12")
    second = ride_for(session, area="Galdesand", address="Galdesandvegen 3")
    driver = _driver("Kari Driver", driver_role)
    with django_capture_on_commit_callbacks(execute=True):
        shift = services.ask_driver(
            session=session, volunteer=driver, by=coordinator_lom, rides=[first, second]
        )
    assert (shift.status, shift.slot.task) == (ShiftStatus.ASKED, Task.DRIVER)
    assert shift.slot.role == driver_role
    first.refresh_from_db()
    assert (first.driver_shift, first.status) == (shift, RideStatus.NEEDED)
    assert [m.to for m in mail.outbox] == [[driver.user.email]]
    assert "/volunteer/shifts/" in mail.outbox[0].body

    answer_shift(shift=shift, by=driver.user, accept=True)
    first.refresh_from_db()
    second.refresh_from_db()
    assert (first.status, second.status) == (RideStatus.COVERED, RideStatus.COVERED)


def test_saying_no_puts_the_rides_back_to_needing_a_driver(session, driver_role, coordinator_lom):
    ride = ride_for(session, area="Bøverdalen", address="Bøverdalsvegen 12")
    driver = _driver("Kari Driver", driver_role)
    shift = services.ask_driver(session=session, volunteer=driver, by=coordinator_lom, rides=[ride])
    answer_shift(shift=shift, by=driver.user, accept=False)
    ride.refresh_from_db()
    shift.refresh_from_db()
    assert (ride.status, ride.driver_shift, shift.status) == (
        RideStatus.NEEDED,
        None,
        ShiftStatus.DECLINED,
    )


def test_only_the_asked_volunteer_or_the_organiser_answers(session, driver_role, coordinator_lom):
    driver = _driver("Kari Driver", driver_role)
    shift = services.ask_driver(session=session, volunteer=driver, by=coordinator_lom)
    with pytest.raises(PermissionDenied):
        answer_shift(shift=shift, by=UserFactory(), accept=True)


def test_a_driver_without_a_car_is_not_asked(session, driver_role, coordinator_lom):
    from django.core.exceptions import ValidationError

    walker = _driver("Walker", driver_role, has_car=False)
    with pytest.raises(ValidationError, match="no car"):
        services.ask_driver(session=session, volunteer=walker, by=coordinator_lom)


def test_pick_up_order_is_set_per_driver_and_for_those_without(
    session, driver_role, coordinator_lom
):
    a = ride_for(session, area="Lom sentrum", address="Vegen 1")
    b = ride_for(session, area="Bøverdalen", address="Vegen 1")
    c = ride_for(session, area="Galdesand", address="Vegen 1")
    d = ride_for(session, area="Bøverdalen", address="Vegen 7", aids=["wheelchair"])
    driver = _driver("Kari Driver", driver_role)
    shift = services.ask_driver(session=session, volunteer=driver, by=coordinator_lom, rides=[a, b])
    answer_shift(shift=shift, by=driver.user, accept=True)

    services.plan_pickups(session=session, by=coordinator_lom)

    for ride in (a, b, c, d):
        ride.refresh_from_db()
    assert (b.stop_number, a.stop_number) == (1, 2)  # the driver's car: Bøverdalen, then sentrum
    assert (d.stop_number, c.stop_number) == (1, 2)  # without a driver: ordered too
    assert b.pickup_at < a.pickup_at < session.starts_at


def test_an_organiser_of_another_organisation_may_not_plan_or_ask(session, driver_role):
    other = MembershipFactory(
        role="partner_representative", organisation=PartnerOrganisationFactory()
    ).user
    with pytest.raises(PermissionDenied):
        services.plan_pickups(session=session, by=other)
    with pytest.raises(PermissionDenied):
        services.ask_driver(session=session, volunteer=_driver("X", driver_role), by=other)


def test_rides_can_be_given_to_another_driver(session, driver_role, coordinator_lom):
    ride = ride_for(session, area="Bøverdalen", address="Vegen 1")
    first = _driver("First", driver_role)
    second = _driver("Second", driver_role)
    one = services.ask_driver(session=session, volunteer=first, by=coordinator_lom, rides=[ride])
    answer_shift(shift=one, by=first.user, accept=True)
    two = services.ask_driver(session=session, volunteer=second, by=coordinator_lom)
    answer_shift(shift=two, by=second.user, accept=True)
    services.assign_rides(shift=two, rides=[ride], by=coordinator_lom)
    ride.refresh_from_db()
    assert (ride.driver_shift, ride.status) == (two, RideStatus.COVERED)
