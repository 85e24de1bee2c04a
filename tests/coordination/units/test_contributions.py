"""What units, the forum and the responsibility map give the rest of the portal: staircase
evidence, forum meetings on the annual wheel, the dashboard panel, overview links, demo data."""

import datetime

import pytest
from django.core.management import call_command
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone, translation

from coordination.kernel import contributions
from coordination.models import (
    ForumMeeting,
    Membership,
    ResponsibilityAssignment,
    ResponsibilityMap,
    ResponsibilityRole,
    Unit,
    UnitContact,
    User,
)
from coordination.responsibility.services import map_for, responsibility_warnings

pytestmark = pytest.mark.django_db

R = ResponsibilityRole.RESPONSIBLE


def _request(user):
    request = RequestFactory().get("/")
    request.user = user
    return request


@pytest.fixture
def contact(volunteer_contact_lom):
    return Membership.objects.get(user=volunteer_contact_lom)


def _meeting(days, **fields):
    return ForumMeeting.objects.create(
        municipality_id="3434", starts_at=timezone.now() + datetime.timedelta(days=days), **fields
    )


def test_unit_contacts_evidence_counts_units_with_a_contact(lom, contact):
    with translation.override("en"):
        assert contributions.evidence_for(lom, "unit_contacts").met is False  # no units yet
        units = [
            Unit.objects.create(municipality=lom, name=f"U{n}", kind="other") for n in range(5)
        ]
        for unit in units[:4]:
            UnitContact.objects.create(unit=unit, membership=contact)
        evidence = contributions.evidence_for(lom, "unit_contacts")
        assert (evidence.met, evidence.summary) == (
            False, "4 of 5 units have a volunteer contact"
        )  # fmt: skip
        UnitContact.objects.create(unit=units[4], membership=contact)
        assert contributions.evidence_for(lom, "unit_contacts").met is True


def test_forum_evidence_needs_two_meetings_held_in_the_last_12_months(lom):
    _meeting(-400)  # too long ago
    _meeting(10)  # not held yet
    _meeting(-30)
    assert contributions.evidence_for(lom, "forum_meetings").met is False
    _meeting(-200)
    evidence = contributions.evidence_for(lom, "forum_meetings")
    assert evidence.met is True and "2" in evidence.summary


def test_responsibility_map_evidence_is_met_without_warnings(lom):
    assert contributions.evidence_for(lom, "responsibility_map").met is False  # no map
    map_ = map_for(lom)
    party = map_.parties.first()
    tasks = list(map_.tasks.all())
    for task in tasks[1:]:
        ResponsibilityAssignment.objects.create(task=task, party=party, role=R)
    with translation.override("en"):
        evidence = contributions.evidence_for(lom, "responsibility_map")
    assert (evidence.met, evidence.summary) == (False, "12 tasks, 1 without a responsible party")
    ResponsibilityAssignment.objects.create(task=tasks[0], party=party, role=R)
    assert contributions.evidence_for(lom, "responsibility_map").met is True


def test_forum_meetings_of_the_year_are_on_the_annual_wheel(lom):
    this_year = timezone.localdate().year
    _meeting(0, place="Lom rådhus")
    ForumMeeting.objects.create(municipality_id="3301", starts_at=timezone.now(), place="Drammen")
    entries = [e for e in contributions.wheel_entries(lom, this_year) if e.category == "forum"]
    assert [e.title.endswith("Lom rådhus") for e in entries] == [True]
    assert "forum" in contributions.WHEEL_CATEGORIES


def test_dashboard_panel_links_each_number_to_the_list_behind_it(
    lom, coordinator_lom, volunteer_contact_lom, contact
):
    Unit.objects.create(municipality=lom, name="Uten kontakt", kind="other")
    meeting = _meeting(5)
    map_for(lom)
    [panel] = [p for p in contributions.dashboard_panels(_request(coordinator_lom), lom)
               if p.template == "coordination/units/_dashboard_panel.html"]  # fmt: skip
    assert panel.order == 80
    assert panel.context["units_without_contact"] == 1
    assert panel.context["warning_count"] == 12
    html = render_to_string(panel.template, panel.context)
    assert reverse("coordination:unit_list", args=["3434"]) + "?without=contact" in html
    assert reverse("coordination:forum_meeting_detail", args=["3434", meeting.pk]) in html
    assert reverse("coordination:responsibility_map_detail", args=["3434"]) in html
    assert '<span class="dashboard-number">12</span> varsler i ansvarskartet' in html
    assert '<span class="dashboard-number">1</span> virksomhet uten' in html
    contact_panels = contributions.dashboard_panels(_request(volunteer_contact_lom), lom)
    assert all(p.template != panel.template for p in contact_panels)


def test_dashboard_panel_says_when_there_is_no_map_yet(lom, coordinator_lom):
    [panel] = [p for p in contributions.dashboard_panels(_request(coordinator_lom), lom)
               if p.template == "coordination/units/_dashboard_panel.html"]  # fmt: skip
    html = render_to_string(panel.template, panel.context)
    assert "Ingen ansvarskart ennå" in html and "varsler i ansvarskartet" not in html
    assert reverse("coordination:responsibility_map_detail", args=["3434"]) in html
    assert not ResponsibilityMap.objects.exists()  # the dashboard makes no map


def test_the_units_figures_are_kept_a_minute_but_the_next_meeting_is_read_every_time(
    lom, coordinator_lom
):
    """The counts (units without a contact, the map's warnings) are the same for every
    coordinator and counted once a minute (the page says they may be a minute old); the next
    forum meeting, a date and a place, is read on every look."""

    def panel():
        [found] = [p for p in contributions.dashboard_panels(_request(coordinator_lom), lom)
                   if p.template == "coordination/units/_dashboard_panel.html"]  # fmt: skip
        return found

    first = panel()
    assert first.may_be_old and first.context["units_without_contact"] == 0
    Unit.objects.create(municipality=lom, name="Uten kontakt", kind="other")  # not on a page
    meeting = _meeting(3)
    second = panel()
    assert second.context["units_without_contact"] == 0
    assert second.context["next_meeting"] == meeting


def test_overview_links_to_units_forum_and_map(client_of, coordinator_lom, lom):
    page = client_of(coordinator_lom).get(reverse("coordination:overview", args=["3434"]))
    html = page.content.decode()
    for name in ("unit_list", "forum_meeting_list", "responsibility_map_detail"):
        assert reverse(f"coordination:{name}", args=["3434"]) in html


def test_demo_is_believable_and_can_run_twice():
    call_command("seed_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    counts = (Unit.objects.count(), UnitContact.objects.count(), ForumMeeting.objects.count(),
              ResponsibilityAssignment.objects.count(), User.objects.count())  # fmt: skip
    call_command("seed_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert counts == (Unit.objects.count(), UnitContact.objects.count(),
                      ForumMeeting.objects.count(), ResponsibilityAssignment.objects.count(),
                      User.objects.count())  # fmt: skip

    lom_units = Unit.objects.filter(municipality_id="3434")
    assert set(lom_units.values_list("name", flat=True)) == {"Lom sjukeheim", "Heimetenesta i Lom"}
    emails = set(UnitContact.objects.filter(unit__municipality_id="3434").values_list(
        "membership__user__email", flat=True))  # fmt: skip
    assert emails == {"kontakt.sjukeheim.lom@samspill.example",
                      "kontakt.heimeteneste.lom@samspill.example"}  # fmt: skip
    assert not ForumMeeting.objects.filter(municipality_id="3434").exists()
    lom_map = ResponsibilityMap.objects.get(municipality_id="3434")
    assert len(responsibility_warnings(lom_map)) == 1

    drammen_units = Unit.objects.filter(municipality_id="3301")
    assert drammen_units.count() == 6 and not drammen_units.without_contact().exists()
    assert {"nursing_home", "home_care", "day_centre", "library"} <= set(
        drammen_units.values_list("kind", flat=True)
    )
    meetings = ForumMeeting.objects.filter(municipality_id="3301")
    assert meetings.count() == 4 and not meetings.filter(minutes="").exists()
    assert all(m.starts_at > timezone.now() - datetime.timedelta(days=365) for m in meetings)
    drammen = contributions.evidence_for(drammen_units.first().municipality, "responsibility_map")
    assert drammen.met
    assert contributions.evidence_for(drammen_units.first().municipality, "forum_meetings").met


def test_a_persons_data_export_lists_their_units_and_forum_meetings(
    lom, coordinator_lom, volunteer_contact_lom, contact
):
    from coordination.kernel import account_data

    unit = Unit.objects.create(municipality=lom, name="Lom sjukeheim", kind="nursing_home")
    UnitContact.objects.create(unit=unit, membership=contact)
    meeting = _meeting(-3, minutes="Referat", minutes_by=coordinator_lom)
    meeting.attendees.add(contact)
    mine = account_data.SECTIONS["units"](volunteer_contact_lom)
    assert mine["volunteer_contact_for"] == [{"unit": "Lom sjukeheim", "municipality": "Lom"}]
    assert len(mine["forum_meetings_attended"]) == 1 and mine["minutes_written"] == []
    theirs = account_data.SECTIONS["units"](coordinator_lom)
    assert len(theirs["minutes_written"]) == 1
