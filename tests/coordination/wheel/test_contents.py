"""The annual wheel's contents from every source: the municipality's own events (every year
and one year only), routine reviews, and any other registered source; placed in the right
month; a legend with only the categories in use; and the evidence that counts the months."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from coordination.kernel import contributions
from coordination.kernel.contributions import WheelEntry
from coordination.models import WheelEvent
from coordination.wheel import contributions as contrib_wheel
from coordination.wheel import drawing, services
from tests.factories import RoutineFactory, WheelEventFactory, municipality

pytestmark = pytest.mark.django_db

YEAR = 2027


@pytest.fixture
def fake_source(monkeypatch):
    """A registered source like the agreements' or the forum's, taken away after the test."""

    def agreements(municipality, year, months):
        if year != YEAR:
            return []
        return [
            WheelEntry(datetime.date(YEAR, 5, 2), "Avtale med Lom frivilligsentral", "agreement",
                       "/coordination/3434/agreements/1/"),
            WheelEntry(datetime.date(YEAR - 1, 5, 2), "Feil år", "agreement"),
        ]  # fmt: skip

    # Patched, not changed: the real registrations (the partners' own "agreement") are back
    # after the test, whatever order the tests run in.
    monkeypatch.setattr(contributions, "WHEEL_SOURCES", [*contributions.WHEEL_SOURCES, agreements])
    monkeypatch.setitem(contributions.WHEEL_CATEGORIES, "agreement", "Agreement reviews")
    return agreements


def test_the_wheel_holds_own_events_routine_reviews_and_registered_sources(
    coordinator_lom, fake_source
):
    lom = municipality("3434")
    WheelEventFactory(title="Introduksjonskurs", category="course", month=3, day=12)
    WheelEventFactory(title="Julebord", category="recognition", month=12, recurring=True)
    WheelEventFactory(title="Jubileum 2027", month=9, recurring=False, year=YEAR)
    WheelEventFactory(title="Jubileum 2028", month=9, recurring=False, year=YEAR + 1)
    WheelEventFactory(title="I Drammen", municipality=municipality("3301"), month=3)
    routine = RoutineFactory(owner=coordinator_lom, approved=True, title="Velkomst")
    routine.next_review = datetime.date(YEAR, 8, 15)
    routine.save()
    draft = RoutineFactory(owner=coordinator_lom, title="Utkast")
    draft.next_review = datetime.date(YEAR, 8, 16)
    draft.save()

    items = services.wheel_items(lom, YEAR)
    found = {(item.month, item.day, item.title, item.category) for item in items}
    assert found == {
        (3, 12, "Introduksjonskurs", "course"),
        (5, 2, "Avtale med Lom frivilligsentral", "agreement"),
        (8, 15, "Gjennomgang: Velkomst", "routine"),
        (9, None, "Jubileum 2027", "activity"),
        (12, None, "Julebord", "recognition"),
    }
    assert [item.month for item in items] == sorted(item.month for item in items)
    review = next(item for item in items if item.category == "routine")
    assert review.url == f"/coordination/3434/routines/{routine.pk}/"


def test_each_entry_is_drawn_in_its_months_sector_with_a_legend_of_the_used_categories(
    coordinator_lom, fake_source
):
    lom = municipality("3434")
    WheelEventFactory(title="Introduksjonskurs", category="course", month=3)
    WheelEventFactory(title="Vårkurs", category="course", month=3)
    wheel = services.wheel_context(lom, YEAR, today=datetime.date(YEAR, 3, 1))
    months = {month.number: month for month in wheel["months"]}
    assert [m.title for m in months[3].items] == ["Introduksjonskurs", "Vårkurs"]
    assert len(months[3].markers) == 2
    assert [m.title for m in months[5].items] == ["Avtale med Lom frivilligsentral"]
    assert all(not months[n].items for n in (1, 2, 4, 6, 7, 8, 9, 10, 11, 12))
    assert [month.number for month in wheel["months"] if month.current] == [3]
    legend = {entry.key: entry for entry in wheel["legend"]}
    assert set(legend) == {"course", "agreement"}  # only what is used
    assert legend["course"].count == 2 and legend["agreement"].label == "Agreement reviews"
    assert legend["course"].colour != legend["agreement"].colour
    assert legend["course"].shape != legend["agreement"].shape  # never colour alone
    # The markers of March lie inside March's sector (60°–90° clockwise from the top).
    import math
    import re

    for marker in months[3].markers:
        x, y = (float(v) for v in re.match(r"M ([\d.]+) ([\d.]+)", marker["path"]).groups())
        angle = math.degrees(math.atan2(y - wheel["centre"], x - wheel["centre"])) + 90
        assert 55 <= angle % 360 <= 95  # the shape starts left of the marker's centre


def test_a_crowded_month_shows_how_many_more_there_are(coordinator_lom):
    for n in range(15):
        WheelEventFactory(title=f"Møte {n:02}", category="meeting", month=2)
    wheel = services.wheel_context(municipality("3434"), YEAR)
    february = wheel["months"][1]
    assert len(february.items) == 15  # the list has them all
    assert len(february.markers) == drawing.SLOTS - 1 and february.more == 4


def test_a_category_looks_the_same_on_every_years_wheel(coordinator_lom, fake_source):
    lom = municipality("3434")
    WheelEventFactory(
        title="Julebord 2027", category="recognition", month=12, recurring=False, year=YEAR
    )
    WheelEventFactory(title="Julebord 2028", category="recognition", month=12, recurring=False,
                      year=YEAR + 1)  # fmt: skip
    this_year = {e.key: e for e in services.wheel_context(lom, YEAR)["legend"]}
    next_year = {e.key: e for e in services.wheel_context(lom, YEAR + 1)["legend"]}
    assert "agreement" in this_year and "agreement" not in next_year  # the fake source's year
    mine, later = this_year["recognition"], next_year["recognition"]
    assert (mine.colour, mine.shape, mine.swatch) == (later.colour, later.shape, later.swatch)


def test_the_markers_of_a_full_month_do_not_overlap_and_stay_in_its_sector():
    import itertools
    import math

    for number in (1, 7):
        mid = (number - 1) * 30 + 15
        centres = [drawing.slot(mid, index) for index in range(drawing.SLOTS)]
        for a, b in itertools.combinations(centres, 2):
            assert math.dist(a, b) >= 2 * drawing.MARKER + 2
        for x, y in centres:
            dx, dy = x - drawing.CENTRE, y - drawing.CENTRE
            radius = math.hypot(dx, dy)
            assert drawing.INNER + drawing.MARKER < radius < drawing.LABEL_RADIUS - 20
            # the whole marker, not only its centre, lies between the sector's two edges
            off = math.degrees(math.asin(drawing.MARKER / radius))
            angle = (math.degrees(math.atan2(dy, dx)) + 90) % 360
            assert (number - 1) * 30 < angle - off and angle + off < number * 30


def test_a_29_february_event_falls_on_the_28th_in_other_years():
    WheelEventFactory(title="Skuddårsfest", month=2, day=29)
    assert services.wheel_items(municipality("3434"), 2027)[0].day == 28
    assert services.wheel_items(municipality("3434"), 2028)[0].day == 29


def test_wheel_most_months_counts_own_events_and_all_sources(coordinator_lom):
    lom = municipality("3434")
    year = timezone.localdate().year
    for month in range(1, 8):
        WheelEventFactory(month=month)
    evidence = contrib_wheel.wheel_most_months(lom)
    assert not evidence.met and evidence.summary == "Oppføringer i 7 av 12 måneder"
    routine = RoutineFactory(owner=coordinator_lom, approved=True)
    routine.next_review = datetime.date(year, 11, 20)
    routine.save()
    evidence = contrib_wheel.wheel_most_months(lom)
    assert evidence.met and evidence.summary == "Oppføringer i 8 av 12 måneder"
    assert evidence.url == "/coordination/3434/wheel/"


# --- Writing the municipality's own events ------------------------------------------------


def _save(by, **fields):
    data = {"title": "Sommerfest", "category": "recognition", "month": 6, **fields}
    return services.create_wheel_event(municipality=municipality("3434"), by=by, **data)


def test_a_coordinator_adds_an_event_every_year(coordinator_lom):
    event = _save(coordinator_lom, day=20, year=2030)
    assert (event.recurring, event.year, event.day) == (True, None, 20)


@pytest.mark.parametrize(
    ("fields", "field"),
    [({"title": " "}, "title"), ({"category": "party"}, "category"), ({"month": 13}, "month"),
     ({"month": 2, "day": 30}, "day"), ({"recurring": False}, "year"),
     ({"recurring": False, "year": 2027, "month": 2, "day": 29}, "day")],
)  # fmt: skip
def test_an_event_that_cannot_be_placed_is_refused(coordinator_lom, fields, field):
    with pytest.raises(ValidationError) as error:
        _save(coordinator_lom, **fields)
    assert field in error.value.message_dict
    assert not WheelEvent.objects.exists()


@pytest.mark.parametrize("persona", ["volunteer_contact_lom", "applicant", "coordinator_drammen"])
def test_only_the_coordinator_manages_the_wheel(request, persona):
    with pytest.raises(PermissionDenied):
        _save(request.getfixturevalue(persona))
    event = WheelEventFactory()
    with pytest.raises(PermissionDenied):
        services.delete_wheel_event(event=event, by=request.getfixturevalue(persona))
    assert WheelEvent.objects.count() == 1


def test_the_dashboard_asks_the_sources_for_this_month_only(
    client_of, coordinator_lom, monkeypatch
):
    """The dashboard shows this month of the wheel: a source is asked for that month, not the
    year (a large municipality's activities took most of the dashboard's time), and an entry
    of another month that a source gives anyway stays off it."""
    today = timezone.localdate()
    other = today.replace(day=1) - datetime.timedelta(days=1)  # in the month before
    asked = []

    def source(municipality, year, months):
        asked.append((year, months))
        return [
            WheelEntry(today, "Dugnad denne månaden", "agreement"),
            WheelEntry(other, "Dugnad månaden før", "agreement"),
        ]

    monkeypatch.setattr(contributions, "WHEEL_SOURCES", [*contributions.WHEEL_SOURCES, source])
    html = client_of(coordinator_lom).get("/coordination/3434/").content.decode()
    assert asked == [(today.year, range(today.month, today.month + 1))]
    assert "Dugnad denne månaden" in html and "Dugnad månaden før" not in html
