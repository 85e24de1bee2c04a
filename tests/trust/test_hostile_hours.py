"""The hostile-input guarantees of test_hostile_input.py, for the hours forms: never a 500,
invalid input explained and nothing stored, stored text shown only as text."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone
from hypothesis import example, given
from hypothesis import strategies as st

from tests.factories import AssignmentFactory, HoursEntryFactory, NeedFactory, VolunteerFactory
from tests.trust.hostile import (
    FORM_CONTENT_TYPE,
    MARKUP,
    as_received,
    assert_explained,
    assert_shown_only_as_text,
    checked,
    client_for,
    few,
    form_data,
    get,
    hostile,
    nasty_text,
    post,
    rolled_back,
    rows,
    sometimes_valid,
)
from volunteers.models import HoursEntry, HoursStatus, VolunteerSettings

pytestmark = pytest.mark.django_db

LOM = "3434"
YESTERDAY = (timezone.localdate() - timedelta(days=1)).isoformat()
LAST_WEEK = (timezone.localdate() - timedelta(days=7)).strftime("%d.%m.%Y")
# Stand-ins for ids that exist only once the test's objects are made.
ASSIGNMENT, ENTRY = "<assignment>", "<entry>"
HOURS_TABLES = (HoursEntry.objects.all(), VolunteerSettings.objects.all())


@pytest.fixture
def own(volunteer):
    """The ``volunteer`` persona as a volunteer in Lom, with an assignment."""
    mine = VolunteerFactory(user=volunteer)
    started = timezone.localdate() - timedelta(days=30)
    return AssignmentFactory(volunteer=mine, need=NeedFactory(), started_on=started)


def _fill(data: dict, **ids) -> dict:
    """Put the real ids where the strategy drew a stand-in."""

    def one(value):
        for stand_in, real in ids.items():
            value = value.replace(stand_in, str(real))
        return value

    return {k: [one(v) for v in value] if isinstance(value, list) else one(value)
            for k, value in data.items()}  # fmt: skip


hours_form = form_data(
    assignment=sometimes_valid(ASSIGNMENT, ""),
    worked_on=sometimes_valid(YESTERDAY, LAST_WEEK, "2099-01-01"),
    hours=sometimes_valid("1,5", "2", "0,25", "24", "0", "25", "-1", "1e3", "NaN"),
    km=sometimes_valid("", "0", "12,5", "-3", "99999"),
    description=nasty_text,
)
hours_fields = {"assignment": ASSIGNMENT, "worked_on": YESTERDAY, "hours": "1,5"}


def _assert_stored_entry_is_valid(entry: HoursEntry, data: dict) -> None:
    entry.full_clean()
    typed = data.get("description") or ""  # absent, or an empty list: nothing typed
    assert entry.description == (as_received(typed).strip() if typed else "")


@hostile
@given(data=hours_form)
@example(data={**hours_fields, "description": "<script>alert(1)</script>"})
@example(data={**hours_fields, "hours": "1,5\x00"})
@example(data={**hours_fields, "km": "Infinity"})
@example(data={**hours_fields, "hours": "9" * 5000})
@example(data={**hours_fields, "assignment": "'; DROP TABLE volunteers_hoursentry; --"})
def test_logging_own_hours_never_fails_and_stores_nothing_it_refuses(volunteer, own, data):
    data = _fill(data, **{ASSIGNMENT: own.pk})
    with rolled_back():
        before = rows(*HOURS_TABLES)
        client = client_for(volunteer)
        response = post(client, reverse("volunteers:own_hours"), data)
        if response.status_code == 302:
            entry = HoursEntry.objects.get()
            assert entry.status == HoursStatus.PENDING
            assert entry.volunteer.user == volunteer
            _assert_stored_entry_is_valid(entry, data)
            page = get(client, reverse("volunteers:own_hours")).content.decode()
            assert_shown_only_as_text(page, entry.description)
        else:
            assert_explained(response)
            assert rows(*HOURS_TABLES) == before


@hostile
@given(data=hours_form)
@example(data={**hours_fields, "description": '"><svg onload=alert(1)>'})
def test_logging_hours_for_a_volunteer_never_fails_and_stores_nothing_it_refuses(
    coordinator_lom, own, data
):
    data = _fill(data, **{ASSIGNMENT: own.pk})
    url = f"{reverse('volunteers:hours_log_for', args=[LOM])}?volunteer={own.volunteer_id}"
    with rolled_back():
        before = rows(*HOURS_TABLES)
        response = post(client_for(coordinator_lom), url, data)
        if response.status_code == 302:
            entry = HoursEntry.objects.get()
            assert entry.status == HoursStatus.APPROVED
            assert entry.km_rate == Decimal("3.50")
            _assert_stored_entry_is_valid(entry, data)
        else:
            assert_explained(response)
            assert rows(*HOURS_TABLES) == before


@hostile
@given(data=hours_form)
def test_changing_own_hours_never_fails_and_changes_nothing_it_refuses(volunteer, own, data):
    entry = HoursEntryFactory(volunteer=own.volunteer, worked_on=YESTERDAY, logged_by=volunteer)
    data = _fill(data, **{ASSIGNMENT: own.pk})
    with rolled_back():
        before = rows(*HOURS_TABLES)
        url = reverse("volunteers:own_hours_edit", args=[entry.pk])
        response = post(client_for(volunteer), url, data)
        if response.status_code == 302:
            entry.refresh_from_db()
            assert entry.status == HoursStatus.PENDING
            _assert_stored_entry_is_valid(entry, data)
        else:
            assert_explained(response)
            assert rows(*HOURS_TABLES) == before


@hostile
@given(
    data=form_data(
        entries=sometimes_valid(ENTRY, "0", "-1", "99999999999999999999"),
        decision=sometimes_valid("approve", "reject"),
    )
)
@example(data={"entries": [ENTRY] * 150, "decision": "approve"})
@example(data={"entries": ENTRY, "decision": "approve", "status": "approved"})
@example(data={"entries": "1 OR 1=1", "decision": "approve"})
def test_approving_never_fails_and_decides_only_what_was_ticked(coordinator_lom, own, data):
    entry = HoursEntryFactory(volunteer=own.volunteer, worked_on=YESTERDAY)
    elsewhere = HoursEntryFactory(volunteer=VolunteerFactory(municipality_id="3301"))
    data = _fill(data, **{ENTRY: entry.pk})
    with rolled_back():
        before = rows(*HOURS_TABLES)
        url = reverse("volunteers:hours_manage", args=[LOM])
        response = post(client_for(coordinator_lom), url, data)
        entry.refresh_from_db()
        if response.status_code == 302:
            expected = {"approve": HoursStatus.APPROVED, "reject": HoursStatus.REJECTED}
            assert entry.status == expected[as_received(data["decision"])]
        else:
            assert_explained(response)
            assert rows(*HOURS_TABLES) == before
        elsewhere.refresh_from_db()
        assert elsewhere.status == HoursStatus.PENDING


@hostile
@given(data=form_data(km_rate=sometimes_valid("4,25", "3.50", "0", "50", "50,01", "-1", "1e2")))
@example(data={"km_rate": "NaN"})
@example(data={"km_rate": "sNaN"})
@example(data={"km_rate": "4,25", "municipality": "3301"})
def test_the_rate_never_fails_and_stays_between_0_and_50(coordinator_lom, data):
    with rolled_back():
        before = rows(*HOURS_TABLES)
        url = reverse("volunteers:hours_rate", args=[LOM])
        response = post(client_for(coordinator_lom), url, data)
        if response.status_code == 302:
            settings = VolunteerSettings.objects.get()
            assert settings.municipality_id == LOM
            assert Decimal("0") <= settings.km_rate <= Decimal("50")
            settings.full_clean()
        else:
            assert_explained(response)
            assert rows(*HOURS_TABLES) == before


@few
@given(
    page=st.sampled_from(["hours_manage", "hours_totals", "hours_log_for"]),
    query=form_data(
        year=sometimes_valid("2025", "2026"),
        page=sometimes_valid("1", "2", "999999999999999999999"),
        q=nasty_text,
        volunteer=nasty_text | st.integers().map(str),
    ),
)
@example(page="hours_log_for", query={"volunteer": "9" * 30})
@example(page="hours_log_for", query={"volunteer": "٣"})
@example(page="hours_totals", query={"year": "1e9"})
def test_coordinator_pages_never_fail_for_any_query(coordinator_lom, own, page, query):
    with rolled_back():
        url = reverse(f"volunteers:{page}", args=[LOM])
        response = get(client_for(coordinator_lom), url, query)
        assert response.status_code in (200, 404)
        if response.status_code == 404:
            assert page == "hours_log_for" and query.get("volunteer")


@few
@given(body=st.binary() | st.sampled_from([b"\xff\xfe\xfa", b"hours=%ff", b"a=%00%ed%a0%80"]))
def test_hours_forms_survive_a_body_that_is_not_a_form(volunteer, coordinator_lom, own, body):
    entry = HoursEntryFactory(volunteer=own.volunteer, worked_on=YESTERDAY)
    pages = [
        (volunteer, reverse("volunteers:own_hours")),
        (volunteer, reverse("volunteers:own_hours_edit", args=[entry.pk])),
        (volunteer, reverse("volunteers:own_hours_withdraw", args=[entry.pk])),
        (coordinator_lom, reverse("volunteers:hours_manage", args=[LOM])),
        (coordinator_lom, reverse("volunteers:hours_rate", args=[LOM])),
        (coordinator_lom,
         f"{reverse('volunteers:hours_log_for', args=[LOM])}?volunteer={own.volunteer_id}"),
    ]  # fmt: skip
    for user, url in pages:
        with rolled_back():
            before = rows(*HOURS_TABLES)
            client = client_for(user)
            response = checked(client.generic("POST", url, body, content_type=FORM_CONTENT_TYPE))
            assert response.status_code in (200, 302, 400)
            if response.status_code == 200:
                assert_explained(response)
            if "withdraw" not in url:
                assert rows(*HOURS_TABLES) == before


@pytest.mark.parametrize("payload", [payload for payload, _live in MARKUP])
def test_what_the_volunteer_did_is_shown_only_as_text_to_everyone(
    volunteer, coordinator_lom, own, payload
):
    data = {"assignment": str(own.pk), "worked_on": YESTERDAY, "hours": "1", "description": payload}
    response = client_for(volunteer).post(reverse("volunteers:own_hours"), data)
    assert response.status_code == 302
    by_coordinator = client_for(coordinator_lom)
    for html in (
        client_for(volunteer).get(reverse("volunteers:own_hours")).content.decode(),
        by_coordinator.get(reverse("volunteers:hours_manage", args=[LOM])).content.decode(),
    ):
        assert_shown_only_as_text(html, payload)
