"""The pick-up order of one car: through the route's villages, unknown villages after in
alphabetical order, by address inside a village; times counted back from the arrival."""

import datetime
from zoneinfo import ZoneInfo

from activities.rides import pickup_order as po
from activities.rides.pickup_order import Stop, order_stops, plan

OSLO = ZoneInfo("Europe/Oslo")
START = datetime.datetime(2026, 12, 11, 11, 0, tzinfo=OSLO)
ROUTE = ["Bøverdalen", "Galdesand", "Lom sentrum"]


def _keys(stops):
    return [s.key for s in stops]


def test_stops_follow_the_route_order_of_the_villages():
    stops = [
        Stop("sentrum", "Lom sentrum", "Sognefjellsvegen 1"),
        Stop("boverdalen", "Bøverdalen", "Bøverdalsvegen 12"),
        Stop("galdesand", "Galdesand", "Galdesandvegen 3"),
    ]
    assert _keys(order_stops(stops, ROUTE)) == ["boverdalen", "galdesand", "sentrum"]


def test_villages_match_the_route_without_regard_to_case_and_spaces():
    stops = [Stop("a", " lom  SENTRUM ", "Vegen 1"), Stop("b", "bøverdalen", "Vegen 1")]
    assert _keys(order_stops(stops, ROUTE)) == ["b", "a"]


def test_unknown_villages_come_after_the_route_alphabetically_and_no_village_last():
    stops = [
        Stop("none", "", "Ukjent 1"),
        Stop("skjaak", "Skjåk", "Vegen 1"),
        Stop("fossbergom", "Fossbergom", "Vegen 1"),
        Stop("galdesand", "Galdesand", "Vegen 1"),
    ]
    assert _keys(order_stops(stops, ROUTE)) == ["galdesand", "fossbergom", "skjaak", "none"]


def test_inside_a_village_by_address_with_numbers_as_numbers():
    stops = [
        Stop("12", "Bøverdalen", "Bøverdalsvegen 12"),
        Stop("2", "Bøverdalen", "Bøverdalsvegen 2"),
        Stop("a", "Bøverdalen", "Almevegen 40"),
    ]
    assert _keys(order_stops(stops, ROUTE)) == ["a", "2", "12"]


def test_without_a_route_every_village_is_alphabetical():
    stops = [Stop("l", "Lom sentrum", "x"), Stop("b", "Bøverdalen", "x")]
    assert _keys(order_stops(stops, [])) == ["b", "l"]


def test_times_count_back_from_the_arrival_before_the_start():
    stops = [
        Stop("first", "Bøverdalen", "Vegen 1"),
        Stop("second", "Bøverdalen", "Vegen 5"),
        Stop("third", "Galdesand", "Vegen 1"),
    ]
    planned = plan(stops, route=ROUTE, starts_at=START)
    arrive = START - datetime.timedelta(minutes=po.ARRIVE_BEFORE_START)
    third = arrive - datetime.timedelta(minutes=po.MINUTES_TO_PLACE)
    second = third - datetime.timedelta(minutes=po.MINUTES_BETWEEN_VILLAGES)
    first = second - datetime.timedelta(minutes=po.MINUTES_BETWEEN_STOPS)
    assert [(p.key, p.number, p.pickup_at) for p in planned] == [
        ("first", 1, first),
        ("second", 2, second),
        ("third", 3, third),
    ]
    # 10.50 arrival, 10.40 in Galdesand, 10.30 and 10.26 in Bøverdalen
    assert [p.pickup_at.strftime("%H:%M") for p in planned] == ["10:26", "10:30", "10:40"]


def test_a_wheelchair_stop_starts_earlier_and_pushes_the_earlier_stops_back():
    plain = plan(
        [Stop("a", "Bøverdalen", "Vegen 1"), Stop("b", "Bøverdalen", "Vegen 2")],
        route=ROUTE,
        starts_at=START,
    )
    with_chair = plan(
        [Stop("a", "Bøverdalen", "Vegen 1"), Stop("b", "Bøverdalen", "Vegen 2", wheelchair=True)],
        route=ROUTE,
        starts_at=START,
    )
    extra = datetime.timedelta(minutes=po.WHEELCHAIR_EXTRA_MINUTES)
    assert with_chair[1].pickup_at == plain[1].pickup_at - extra
    assert with_chair[0].pickup_at == plain[0].pickup_at - extra


def test_no_stops_no_plan():
    assert plan([], route=ROUTE, starts_at=START) == []


def test_times_are_in_the_start_time_zone_and_strictly_earlier_along_the_way():
    stops = [Stop(n, v, f"Vegen {n}") for n, v in enumerate(["Galdesand", "Bøverdalen", "Skjåk"])]
    planned = plan(stops, route=ROUTE, starts_at=START)
    times = [p.pickup_at for p in planned]
    assert times == sorted(times) and len(set(times)) == 3
    assert all(t.tzinfo is OSLO for t in times)
    assert [p.number for p in planned] == [1, 2, 3]
