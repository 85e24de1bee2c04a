"""Hours: the volunteer logs their own, the coordinator approves (at the rate of that day) or
logs hours for them; totals per volunteer, per municipality and per month."""

import json
from datetime import date, timedelta
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation

from coordination.models import AuditEvent
from tests.factories import (
    AssignmentFactory,
    HoursEntryFactory,
    NeedFactory,
    UserFactory,
    VolunteerFactory,
    link_to_contacts_unit,
)
from volunteers.hours import services
from volunteers.hours import totals as hours_totals
from volunteers.models import HoursEntry, HoursStatus, VolunteerSettings

pytestmark = pytest.mark.django_db

LOM = "3434"
OWN_URL = reverse("volunteers:own_hours")
MANAGE_URL = reverse("volunteers:hours_manage", args=[LOM])
LOG_FOR_URL = reverse("volunteers:hours_log_for", args=[LOM])
RATE_URL = reverse("volunteers:hours_rate", args=[LOM])
TOTALS_URL = reverse("volunteers:hours_totals", args=[LOM])


def _today() -> date:
    return timezone.localdate()


@pytest.fixture
def own(volunteer):
    """The ``volunteer`` persona's volunteer profile in Lom."""
    return VolunteerFactory(user=volunteer)


@pytest.fixture
def assignment(own):
    return AssignmentFactory(volunteer=own, need=NeedFactory(), started_on=_today() - timedelta(30))


def _pending(volunteer, **fields):
    defaults = {"worked_on": _today() - timedelta(days=1), "hours": Decimal("2")}
    return HoursEntryFactory(volunteer=volunteer, **(defaults | fields))


def _form(**fields) -> dict:
    data = {
        "assignment": "",
        "worked_on": (_today() - timedelta(days=1)).isoformat(),
        "hours": "1,5",
        "km": "",
        "description": "Tur og kaffe",
    }
    return data | fields


# --- the volunteer logs their own hours ---------------------------------------------------


def test_volunteer_logs_own_hours_which_wait_for_approval(client_of, volunteer, own, assignment):
    client = client_of(volunteer)
    form = client.get(OWN_URL).context["form"]
    assert form["assignment"].value() == assignment.pk  # the assignment they have now
    choices = [label for _value, label in form.fields["assignment"].choices]
    assert choices == ["Annet frivillig arbeid (ikke et av oppdragene)", "Besøksvenn – Lom sentrum"]
    data = _form(assignment=str(assignment.pk), hours="1,5", km="12,5")
    response = client.post(OWN_URL, data)
    assert response.status_code == 302
    entry = HoursEntry.objects.get(volunteer=own)
    assert entry.status == HoursStatus.PENDING
    assert (entry.hours, entry.km, entry.assignment) == (
        Decimal("1.5"),
        Decimal("12.5"),
        assignment,
    )
    assert entry.km_rate is None
    assert entry.logged_by == volunteer
    html = client.get(OWN_URL).content.decode()
    assert "Venter på godkjenning" in html
    assert "1,50" in html  # Norwegian decimals


def test_volunteer_logs_other_volunteer_work_without_an_assignment(client_of, volunteer, own):
    response = client_of(volunteer).post(OWN_URL, _form(hours="2"))
    assert response.status_code == 302
    entry = HoursEntry.objects.get(volunteer=own)
    assert entry.assignment is None
    assert entry.municipality_id == LOM


@pytest.mark.parametrize(
    ("fields", "field", "message"),
    [
        ({"worked_on": "future"}, "worked_on", "Datoen er fram i tid"),
        ({"worked_on": "old"}, "worked_on", "mer enn 90 dager siden"),
        ({"worked_on": "31.02.2026"}, "worked_on", "Skriv en dato"),
        ({"hours": "0"}, "hours", "Skriv minst et kvarter (0,25)"),
        ({"hours": "25"}, "hours", "Et døgn har høyst 24 timer"),
        ({"hours": "1,333"}, "hours", "høyst to desimaler"),
        ({"hours": "mye"}, "hours", "Skriv et tall, for eksempel 1,5"),
        ({"hours": ""}, "hours", "Skriv hvor mange timer du jobbet"),
        ({"km": "-5"}, "km", "Kilometer kan ikke være negativt"),
        ({"km": "5000"}, "km", "Høyst 2000 kilometer"),
        ({"description": "x" * 201}, "description", "201"),
    ],
)
def test_invalid_hours_are_refused_with_a_clear_message_and_nothing_stored(
    client_of, volunteer, own, fields, field, message
):
    if fields.get("worked_on") == "future":
        fields = {"worked_on": (_today() + timedelta(days=1)).isoformat()}
    elif fields.get("worked_on") == "old":
        fields = {"worked_on": (_today() - timedelta(days=91)).isoformat()}
    response = client_of(volunteer).post(OWN_URL, _form(**fields))
    assert response.status_code == 200
    assert field in response.context["form"].errors
    assert message in response.content.decode()
    assert not HoursEntry.objects.exists()


def test_hours_for_an_assignment_ended_long_ago_are_refused_but_recent_ones_allowed(
    client_of, volunteer, own
):
    long_ago = AssignmentFactory(
        volunteer=own, status="ended", started_on=_today() - timedelta(300),
        ended_on=_today() - timedelta(days=61),
    )  # fmt: skip
    recently = AssignmentFactory(
        volunteer=own, status="ended", started_on=_today() - timedelta(300),
        ended_on=_today() - timedelta(days=10),
    )  # fmt: skip
    client = client_of(volunteer)
    page = client.get(OWN_URL)
    offered = list(page.context["form"].fields["assignment"].queryset)
    assert offered == [recently]
    refused = client.post(OWN_URL, _form(assignment=str(long_ago.pk)))
    assert refused.status_code == 200
    assert "assignment" in refused.context["form"].errors
    with pytest.raises(ValidationError):
        services.log_own_hours(
            volunteer=own, by=volunteer, assignment=long_ago,
            worked_on=_today() - timedelta(days=70), hours=Decimal("1"),
        )  # fmt: skip
    assert not HoursEntry.objects.exists()
    worked_on = (_today() - timedelta(days=11)).isoformat()
    accepted = client.post(OWN_URL, _form(assignment=str(recently.pk), worked_on=worked_on))
    assert accepted.status_code == 302
    assert HoursEntry.objects.get().assignment == recently


def test_a_date_after_the_assignment_ended_is_refused(volunteer, own):
    ended = AssignmentFactory(
        volunteer=own, status="ended", started_on=_today() - timedelta(100),
        ended_on=_today() - timedelta(days=10),
    )  # fmt: skip
    with pytest.raises(ValidationError) as refused:
        services.log_own_hours(
            volunteer=own, by=volunteer, assignment=ended,
            worked_on=_today() - timedelta(days=2), hours=Decimal("1"),
        )  # fmt: skip
    assert "worked_on" in refused.value.message_dict


def test_someone_else_cannot_log_on_a_volunteers_behalf_or_use_their_assignment(
    volunteer, own, assignment, coordinator_lom
):
    other = VolunteerFactory()
    with pytest.raises(PermissionDenied):
        services.log_own_hours(volunteer=own, by=other.user, worked_on=_today(), hours=Decimal("1"))
    with pytest.raises(PermissionDenied):
        services.log_own_hours(
            volunteer=other, by=other.user, assignment=assignment,
            worked_on=_today(), hours=Decimal("1"),
        )  # fmt: skip
    assert not HoursEntry.objects.exists()


def test_a_person_without_a_volunteer_profile_is_sent_to_register(client_of, volunteer):
    response = client_of(volunteer).get(OWN_URL)
    assert response.status_code == 302
    assert response["Location"] == reverse("volunteers:register")


# --- withdraw and change while pending ----------------------------------------------------


def test_volunteer_withdraws_and_changes_own_pending_entry(client_of, volunteer, own):
    client = client_of(volunteer)
    entry = _pending(own)
    edit_url = reverse("volunteers:own_hours_edit", args=[entry.pk])
    assert client.post(edit_url, _form(hours="3,25")).status_code == 302
    entry.refresh_from_db()
    assert entry.hours == Decimal("3.25")
    assert entry.status == HoursStatus.PENDING
    withdraw = reverse("volunteers:own_hours_withdraw", args=[entry.pk])
    assert f'href="{withdraw}"' in client.get(reverse("volunteers:own_hours")).content.decode()
    ask = client.get(withdraw)  # asks first, says what happens, changes nothing
    assert ask.status_code == 200 and 'class="btn btn-danger"' in ask.content.decode()
    assert HoursEntry.objects.filter(pk=entry.pk).exists()
    response = client.post(withdraw, follow=True)
    assert "Timene er trukket tilbake" in response.content.decode()
    assert not HoursEntry.objects.filter(pk=entry.pk).exists()


def test_approved_hours_can_be_neither_withdrawn_nor_changed(client_of, volunteer, own):
    entry = _pending(own, status=HoursStatus.APPROVED, km_rate=Decimal("3.50"))
    client = client_of(volunteer)
    response = client.post(reverse("volunteers:own_hours_withdraw", args=[entry.pk]), follow=True)
    assert "allerede behandlet" in response.content.decode()
    edit = client.post(reverse("volunteers:own_hours_edit", args=[entry.pk]), _form(hours="9"))
    assert edit.status_code == 302
    entry.refresh_from_db()
    assert entry.hours == Decimal("2")
    with pytest.raises(ValidationError):
        services.withdraw_own_hours(entry=entry, by=volunteer)


def test_someone_elses_entry_is_not_found(client_of, volunteer, own):
    theirs = _pending(VolunteerFactory())
    client = client_of(volunteer)
    for name in ("volunteers:own_hours_withdraw", "volunteers:own_hours_edit"):
        assert client.post(reverse(name, args=[theirs.pk])).status_code == 404
    assert client.get(reverse("volunteers:own_hours_edit", args=[theirs.pk])).status_code == 404
    assert HoursEntry.objects.filter(pk=theirs.pk, status=HoursStatus.PENDING).exists()
    with pytest.raises(PermissionDenied):
        services.withdraw_own_hours(entry=theirs, by=volunteer)


# --- the coordinator approves or rejects --------------------------------------------------


def test_approval_counts_in_totals_at_the_rate_of_that_day(
    client_of, coordinator_lom, volunteer, own, lom
):
    first = _pending(own, km=Decimal("10"))
    services.set_km_rate(municipality=lom, rate=Decimal("4.00"), by=coordinator_lom)
    client = client_of(coordinator_lom)
    response = client.post(MANAGE_URL, {"entries": [first.pk], "decision": "approve"}, follow=True)
    assert "1 føring godkjent" in response.content.decode()
    first.refresh_from_db()
    assert (first.status, first.km_rate, first.decided_by) == (
        HoursStatus.APPROVED, Decimal("4.00"), coordinator_lom,
    )  # fmt: skip
    assert AuditEvent.objects.filter(
        verb="changed", object_type="volunteers.hoursentry", object_id=str(first.pk)
    ).exists()
    year = first.worked_on.year
    entries = HoursEntry.objects.filter(municipality=lom, worked_on__year=year)
    assert hours_totals.totals(entries)["reimbursement"] == Decimal("40.00")

    # A later change of rate leaves what was approved as it was; new approvals get the new rate.
    services.set_km_rate(municipality=lom, rate=Decimal("5.00"), by=coordinator_lom)
    second = _pending(own, km=Decimal("2"))
    client.post(MANAGE_URL, {"entries": [second.pk], "decision": "approve"})
    second.refresh_from_db()
    assert second.km_rate == Decimal("5.00")
    totals = hours_totals.totals(entries)
    assert totals["reimbursement"] == Decimal("50.00")
    assert totals["approved_hours"] == Decimal("4")
    assert totals["approved_km"] == Decimal("12")
    html = client_of(volunteer).get(OWN_URL).content.decode()
    assert "40,00 kr i kjøregodtgjørelse" in html
    assert "10,00 kr i kjøregodtgjørelse" in html


def test_many_entries_are_approved_at_once(client_of, coordinator_lom, own):
    entries = [_pending(own) for _ in range(3)]
    untouched = _pending(own)
    response = client_of(coordinator_lom).post(
        MANAGE_URL, {"entries": [e.pk for e in entries], "decision": "approve"}, follow=True
    )
    assert "3 føringer godkjent" in response.content.decode()
    assert HoursEntry.objects.filter(status=HoursStatus.APPROVED).count() == 3
    untouched.refresh_from_db()
    assert untouched.status == HoursStatus.PENDING


def test_rejected_hours_do_not_count_and_the_volunteer_sees_it(
    client_of, coordinator_lom, volunteer, own
):
    entry = _pending(own, km=Decimal("10"))
    client_of(coordinator_lom).post(MANAGE_URL, {"entries": [entry.pk], "decision": "reject"})
    entry.refresh_from_db()
    assert entry.status == HoursStatus.REJECTED
    assert entry.km_rate is None
    totals = hours_totals.totals(HoursEntry.objects.all())
    assert totals["approved_hours"] == 0
    assert totals["pending_hours"] == 0
    assert "Ikke godkjent" in client_of(volunteer).get(OWN_URL).content.decode()


def test_deciding_needs_a_ticked_entry_and_a_decision(client_of, coordinator_lom, own):
    entry = _pending(own)
    client = client_of(coordinator_lom)
    nothing = client.post(MANAGE_URL, {"decision": "approve"})
    assert nothing.status_code == 200
    assert "Kryss av minst én føring" in nothing.content.decode()
    no_decision = client.post(MANAGE_URL, {"entries": [entry.pk]})
    assert "Velg om føringene skal godkjennes" in no_decision.content.decode()
    entry.refresh_from_db()
    assert entry.status == HoursStatus.PENDING


def test_an_entry_already_decided_or_in_another_municipality_cannot_be_ticked(
    client_of, coordinator_lom, own
):
    decided = _pending(own, status=HoursStatus.REJECTED)
    elsewhere = _pending(VolunteerFactory(municipality_id="3301"))
    for entry in (decided, elsewhere):
        response = client_of(coordinator_lom).post(
            MANAGE_URL, {"entries": [entry.pk], "decision": "approve"}
        )
        assert response.status_code == 200
        assert "venter ikke lenger på godkjenning" in response.content.decode()
    assert not HoursEntry.objects.filter(status=HoursStatus.APPROVED).exists()


def test_another_municipalitys_coordinator_gets_404_and_cannot_approve(
    client_of, coordinator_drammen, own
):
    entry = _pending(own)
    client = client_of(coordinator_drammen)
    for url in (MANAGE_URL, LOG_FOR_URL, RATE_URL, TOTALS_URL):
        assert client.get(url).status_code == 404
    response = client.post(MANAGE_URL, {"entries": [entry.pk], "decision": "approve"})
    assert response.status_code == 404
    with pytest.raises(PermissionDenied):
        services.approve_hours(entry_ids=[entry.pk], by=coordinator_drammen)
    entry.refresh_from_db()
    assert entry.status == HoursStatus.PENDING


def test_volunteer_contacts_cannot_approve_or_log_hours(client_of, volunteer_contact_lom, own, lom):
    entry = _pending(own)
    client = client_of(volunteer_contact_lom)
    assert client.get(MANAGE_URL).status_code == 404
    assert (
        client.post(MANAGE_URL, {"entries": [entry.pk], "decision": "approve"}).status_code == 404
    )
    for decide in (services.approve_hours, services.reject_hours):
        with pytest.raises(PermissionDenied):
            decide(entry_ids=[entry.pk], by=volunteer_contact_lom)
    with pytest.raises(PermissionDenied):
        services.log_hours_for(
            volunteer=own, by=volunteer_contact_lom, worked_on=_today(), hours=Decimal("1")
        )
    with pytest.raises(PermissionDenied):
        services.set_km_rate(municipality=lom, rate=Decimal("1"), by=volunteer_contact_lom)
    entry.refresh_from_db()
    assert entry.status == HoursStatus.PENDING


def test_a_volunteer_cannot_approve_their_own_hours(volunteer, own):
    entry = _pending(own)
    with pytest.raises(PermissionDenied):
        services.approve_hours(entry_ids=[entry.pk], by=volunteer)


# --- the coordinator logs hours for a volunteer -------------------------------------------


def test_coordinator_finds_a_volunteer_and_logs_hours_approved_at_once(
    client_of, coordinator_lom, own, assignment, lom
):
    VolunteerSettings.objects.create(municipality=lom, km_rate=Decimal("4.50"))
    client = client_of(coordinator_lom)
    found = client.get(LOG_FOR_URL, {"q": "Astrid"})
    assert found.context["results"] == [own]
    assert f"?volunteer={own.pk}" in found.content.decode()
    url = f"{LOG_FOR_URL}?volunteer={own.pk}"
    page = client.get(url)
    assert list(page.context["form"].fields["assignment"].queryset) == [assignment]
    older = (_today() - timedelta(days=200)).isoformat()  # coordinators may log older hours
    data = _form(worked_on=older, hours="3", km="20")
    response = client.post(url, data, follow=True)
    assert "3,00 timer for Astrid Rustad er ført og godkjent" in response.content.decode()
    entry = HoursEntry.objects.get(volunteer=own)
    assert (entry.status, entry.km_rate, entry.logged_by, entry.decided_by) == (
        HoursStatus.APPROVED, Decimal("4.50"), coordinator_lom, coordinator_lom,
    )  # fmt: skip
    assert entry.reimbursement == Decimal("90.00")
    assert AuditEvent.objects.filter(verb="created", object_id=str(entry.pk)).exists()


def test_logging_for_a_volunteer_of_another_municipality_is_not_found(client_of, coordinator_lom):
    elsewhere = VolunteerFactory(municipality_id="3301")
    client = client_of(coordinator_lom)
    assert client.get(f"{LOG_FOR_URL}?volunteer={elsewhere.pk}").status_code == 404
    assert client.post(f"{LOG_FOR_URL}?volunteer={elsewhere.pk}", _form()).status_code == 404
    assert client.get(f"{LOG_FOR_URL}?volunteer=abc").status_code == 404
    assert client.get(LOG_FOR_URL, {"q": elsewhere.user.full_name}).context["results"] == []
    with pytest.raises(PermissionDenied):
        services.log_hours_for(
            volunteer=elsewhere, by=coordinator_lom, worked_on=_today(), hours=Decimal("1")
        )
    assert not HoursEntry.objects.exists()


def test_coordinator_logging_future_hours_is_refused(client_of, coordinator_lom, own):
    url = f"{LOG_FOR_URL}?volunteer={own.pk}"
    future = (_today() + timedelta(days=3)).isoformat()
    response = client_of(coordinator_lom).post(url, _form(worked_on=future))
    assert response.status_code == 200
    assert "Datoen er fram i tid" in response.content.decode()
    assert not HoursEntry.objects.exists()


# --- the kilometre rate -------------------------------------------------------------------


def test_coordinator_changes_the_rate_in_norwegian_notation_and_it_is_audited(
    client_of, coordinator_lom, lom
):
    client = client_of(coordinator_lom)
    page = client.get(RATE_URL).content.decode()
    assert "3,50 kr per kilometer" in page  # the state's rate until one is set
    response = client.post(RATE_URL, {"km_rate": "4,25"}, follow=True)
    assert "Kilometersatsen er nå 4,25 kroner" in response.content.decode()
    assert services.current_km_rate(lom) == Decimal("4.25")
    event = AuditEvent.objects.get(object_type="volunteers.volunteersettings")
    with translation.override("nb"):
        assert event.message == "Kilometersats endret fra 3,50 til 4,25"


@pytest.mark.parametrize(
    ("typed", "message"),
    [("51", "fra 0 til 50 kroner"), ("-1", "fra 0 til 50 kroner"), ("mye", "for eksempel 3,50"),
     ("4,125", "høyst to desimaler")],
)  # fmt: skip
def test_a_rate_outside_0_to_50_is_refused(client_of, coordinator_lom, lom, typed, message):
    response = client_of(coordinator_lom).post(RATE_URL, {"km_rate": typed})
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not VolunteerSettings.objects.exists()


# --- totals -------------------------------------------------------------------------------


def test_totals_per_month_are_correct_across_month_boundaries(lom):
    year = _today().year - 1
    astrid, nils = VolunteerFactory(), VolunteerFactory()
    rate = Decimal("3.50")
    approved = {"status": HoursStatus.APPROVED, "km_rate": rate}
    HoursEntryFactory(
        volunteer=astrid,
        worked_on=date(year, 1, 31),
        hours=Decimal("2"),
        km=Decimal("10"),
        **approved,
    )  # noqa: E501
    HoursEntryFactory(
        volunteer=nils, worked_on=date(year, 1, 31), hours=Decimal("1.25"), **approved
    )  # noqa: E501
    HoursEntryFactory(
        volunteer=astrid,
        worked_on=date(year, 2, 1),
        hours=Decimal("3"),
        km=Decimal("4.5"),
        **approved,
    )  # noqa: E501
    HoursEntryFactory(volunteer=nils, worked_on=date(year, 2, 28), hours=Decimal("1"))  # pending
    HoursEntryFactory(
        volunteer=nils, worked_on=date(year, 3, 1), hours=Decimal("5"), status=HoursStatus.REJECTED
    )  # noqa: E501
    HoursEntryFactory(
        volunteer=astrid, worked_on=date(year - 1, 12, 31), hours=Decimal("7"), **approved
    )  # noqa: E501
    entries = HoursEntry.objects.filter(municipality=lom)

    months = {row["month"]: row for row in hours_totals.per_month(entries, year)}
    assert list(months) == [date(year, 1, 1), date(year, 2, 1), date(year, 3, 1)]
    january, february, march = months.values()
    assert (january["approved_hours"], january["approved_km"]) == (Decimal("3.25"), Decimal("10"))
    assert january["reimbursement"] == Decimal("35.00")
    assert (february["approved_hours"], february["pending_hours"]) == (Decimal("3"), Decimal("1"))
    assert february["reimbursement"] == Decimal("15.75")
    assert (march["approved_hours"], march["pending_hours"]) == (0, 0)

    whole_year = hours_totals.per_month(entries, year, every_month=True)
    assert len(whole_year) == 12
    assert whole_year[11]["approved_hours"] == 0

    per_volunteer = {row["volunteer"]: row for row in hours_totals.per_volunteer(entries, year)}
    assert per_volunteer[astrid.pk]["approved_hours"] == Decimal("5")
    assert per_volunteer[astrid.pk]["reimbursement"] == Decimal("50.75")
    assert per_volunteer[nils.pk]["pending_hours"] == Decimal("1")
    assert hours_totals.totals(entries.filter(worked_on__year=year))["approved_hours"] == Decimal(
        "6.25"
    )


def test_coordinator_pages_show_totals_in_norwegian_notation(client_of, coordinator_lom, own):
    _pending(own, status=HoursStatus.APPROVED, km=Decimal("1000"), km_rate=Decimal("3.50"),
             worked_on=_today())  # fmt: skip
    client = client_of(coordinator_lom)
    assert "3\xa0500,00 kr" in client.get(MANAGE_URL).content.decode()
    totals = client.get(TOTALS_URL).content.decode()
    assert "Astrid Rustad" in totals
    assert "3\xa0500,00 kr" in totals


# --- the volunteer's pages, the registry's detail page and the data export ---------------


def test_own_page_and_detail_page_show_the_hours(
    client_of, volunteer, own, coordinator_lom, volunteer_contact_lom
):
    _pending(own, hours=Decimal("1.5"))
    _pending(own, hours=Decimal("2"), status=HoursStatus.APPROVED, km_rate=Decimal("3.5"),
             worked_on=_today())  # fmt: skip
    own_page = client_of(volunteer).get(reverse("volunteers:own_page")).content.decode()
    assert "timer venter på godkjenning" in own_page
    assert OWN_URL in own_page
    detail = reverse("volunteers:volunteer_detail", args=[LOM, own.pk])
    by_coordinator = client_of(coordinator_lom).get(detail).content.decode()
    assert "Siste timer" in by_coordinator
    assert f"{LOG_FOR_URL}?volunteer={own.pk}" in by_coordinator
    link_to_contacts_unit(own, volunteer_contact_lom)  # a contact sees their units' volunteers
    by_contact = client_of(volunteer_contact_lom).get(detail).content.decode()
    assert "Siste timer" in by_contact
    assert LOG_FOR_URL not in by_contact  # a volunteer contact does not log or approve hours


def test_hours_are_in_the_download_of_ones_own_data(client_of, volunteer, own, assignment):
    _pending(own, assignment=assignment, km=Decimal("12"), status=HoursStatus.APPROVED,
             km_rate=Decimal("3.50"), description="Tur langs Otta")  # fmt: skip
    response = client_of(volunteer).get(reverse("coordination:my_data_download"))
    hours = json.loads(response.content)["volunteer"][0]["hours"]
    assert hours == [
        {
            "date": (_today() - timedelta(days=1)).isoformat(),
            "hours": "2.00",
            "km": "12.0",
            "km_rate": "3.50",
            "km_allowance": "42.00",
            "status": "approved",
            "what_you_did": "Tur langs Otta",
            "assignment": "visiting_friend",  # a code in the file; the page says it in words
            "municipality": "Lom",
            "logged_at": hours[0]["logged_at"],
            "decided_at": None,
        }
    ]


def test_coordinators_overview_links_to_hours(client_of, coordinator_lom, volunteer_contact_lom):
    overview = reverse("coordination:overview", args=[LOM])
    assert MANAGE_URL in client_of(coordinator_lom).get(overview).content.decode()
    assert MANAGE_URL not in client_of(volunteer_contact_lom).get(overview).content.decode()


# --- a fixed number of queries whatever the number of entries -----------------------------


def _many_entries(count: int) -> None:
    need = NeedFactory()
    for number in range(count):
        volunteer = VolunteerFactory(user=UserFactory(full_name=f"Frivillig {number:03}"))
        assignment = AssignmentFactory(volunteer=volunteer, need=need)
        for days in (1, 40):
            _pending(volunteer, assignment=assignment, worked_on=_today() - timedelta(days))
            _pending(volunteer, worked_on=_today() - timedelta(days), status=HoursStatus.APPROVED,
                     km=Decimal("3"), km_rate=Decimal("3.5"))  # fmt: skip


def _queries(client, url) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


# Measured: session, user, roles, municipality, then the page's own queries (manage: count,
# the page's ids, its entries, months, year's totals, rate; totals: count, page).
@pytest.mark.parametrize(
    ("url", "at_most"), [(MANAGE_URL, 10), (TOTALS_URL, 6), (f"{MANAGE_URL}?page=2", 10)]
)
def test_coordinator_pages_make_a_fixed_number_of_queries(
    client_of, coordinator_lom, url, at_most, django_assert_max_num_queries
):
    client = client_of(coordinator_lom)
    _many_entries(2)
    few = _queries(client, url)
    assert few <= at_most
    _many_entries(60)  # 124 entries waiting: more than one page
    with django_assert_max_num_queries(few):
        assert client.get(url).status_code == 200


def test_own_hours_page_makes_a_fixed_number_of_queries(
    client_of, volunteer, own, assignment, django_assert_max_num_queries
):
    client = client_of(volunteer)
    _pending(own, assignment=assignment)
    few = _queries(client, OWN_URL)
    assert few <= 11
    for days in range(1, 80):
        _pending(own, assignment=assignment, worked_on=_today() - timedelta(days))
    with django_assert_max_num_queries(few):
        assert client.get(OWN_URL).status_code == 200


def test_detail_page_hours_make_a_fixed_number_of_queries(
    client_of, coordinator_lom, own, django_assert_max_num_queries
):
    client = client_of(coordinator_lom)
    url = reverse("volunteers:volunteer_detail", args=[LOM, own.pk])
    _pending(own)
    few = _queries(client, url)
    for days in range(1, 60):
        _pending(own, worked_on=_today() - timedelta(days), status=HoursStatus.APPROVED)
    with django_assert_max_num_queries(few):
        assert client.get(url).status_code == 200


def test_detail_page_shows_this_years_hours_and_all_hours(client_of, coordinator_lom, own):
    today = _today()
    _pending(own, worked_on=date(today.year - 1, 6, 1), hours=Decimal("3"),
             status=HoursStatus.APPROVED)  # fmt: skip
    _pending(own, worked_on=today, hours=Decimal("1.5"), status=HoursStatus.APPROVED, km=10,
             km_rate=Decimal("3.50"))  # fmt: skip
    _pending(own, worked_on=today, hours=Decimal("4"))
    url = reverse("volunteers:volunteer_detail", args=[LOM, own.pk])
    panel = client_of(coordinator_lom).get(url).context["hours"]
    this_year, all_time = panel["totals"], panel["all_time"]
    assert (this_year["approved_hours"], this_year["pending_hours"]) == (Decimal("1.5"), 4)
    assert (this_year["approved_km"], this_year["reimbursement"]) == (10, Decimal("35"))
    assert (all_time["approved_hours"], all_time["pending_hours"]) == (Decimal("4.5"), 4)


def test_entries_withdrawn_or_decided_meanwhile_are_not_decided_again(coordinator_lom, own):
    entry = _pending(own)
    withdrawn = _pending(own)
    withdrawn_pk = withdrawn.pk
    withdrawn.delete()
    with pytest.raises(ValidationError):
        services.approve_hours(entry_ids=[entry.pk, withdrawn_pk], by=coordinator_lom)
    services.reject_hours(entry_ids=[entry.pk], by=coordinator_lom)
    with pytest.raises(ValidationError):
        services.approve_hours(entry_ids=[entry.pk], by=coordinator_lom)
    entry.refresh_from_db()
    assert entry.status == HoursStatus.REJECTED
    with pytest.raises(ValidationError):
        services.approve_hours(entry_ids=range(1, 102), by=coordinator_lom)
