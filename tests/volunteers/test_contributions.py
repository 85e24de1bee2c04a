"""What the volunteers app shows on the coordinator's dashboard, puts on the annual wheel and
proves for the involvement staircase."""

import datetime

import pytest
import time_machine
from django.utils import timezone, translation

from coordination.kernel import contributions, figures_cache
from tests.factories import (
    CourseFactory,
    HoursEntryFactory,
    NeedFactory,
    VolunteerFactory,
    VolunteerRoleFactory,
)
from volunteers.models import (
    CourseSession,
    DeclarationText,
    NeedStatus,
    RoleHolder,
    Signature,
    Volunteer,
    VolunteerRole,
)

pytestmark = pytest.mark.django_db
DASHBOARD = "/coordination/3434/"


@pytest.fixture(autouse=True)
def _in_english():
    """The texts are checked in English: in the code and on the pages."""
    with translation.override("en"):
        yield


@pytest.fixture
def client_of(client_of):
    """Every persona here reads English (their own choice)."""
    return lambda user: client_of(user, language="en")


def _declaration(version=1):
    return DeclarationText.objects.create(
        municipality_id="3434", version=version, body="Jeg lover å bevare taushet."
    )


def _signed(volunteers, declaration):
    for volunteer in volunteers:  # one by one: bulk_create would not refresh the readiness
        Signature.objects.create(volunteer=volunteer, text=declaration)


def _give_roles(holders):
    """One by one, as the services do: bulk_create would not write the stored readiness."""
    for holder in holders:
        holder.save()


def _session(course, when):
    return CourseSession.objects.create(course=course, starts_at=when, place="Lom kulturhus")


def _at(year, month, day, hour=18):
    return datetime.datetime(year, month, day, hour, tzinfo=timezone.get_current_timezone())


# --- evidence for the staircase ---------------------------------------------------------------


def test_declarations_signed_is_met_at_four_out_of_five(lom):
    declaration = _declaration()
    volunteers = VolunteerFactory.create_batch(5)
    _signed(volunteers[:3], declaration)
    evidence = contributions.evidence_for(lom, "declarations_signed")
    assert not evidence.met
    assert "3 of 5" in evidence.summary and "60 %" in evidence.summary

    _signed(volunteers[3:4], declaration)
    evidence = contributions.evidence_for(lom, "declarations_signed")
    assert evidence.met and "4 of 5" in evidence.summary
    assert evidence.url.endswith("?declaration=missing")


def test_declarations_signed_counts_only_the_current_version_and_active_volunteers(lom):
    old = _declaration(1)
    volunteers = VolunteerFactory.create_batch(2)
    _signed(volunteers, old)
    gone = VolunteerFactory(left_at=timezone.now())
    current = _declaration(2)
    _signed([volunteers[0], gone], current)
    evidence = contributions.evidence_for(lom, "declarations_signed")
    assert not evidence.met and "1 of 2" in evidence.summary


def test_declarations_signed_without_a_declaration_or_volunteers(lom):
    VolunteerFactory()
    assert (
        "No confidentiality declaration"
        in contributions.evidence_for(lom, "declarations_signed").summary
    )
    Volunteer.objects.all().delete()
    _declaration()
    evidence = contributions.evidence_for(lom, "declarations_signed")
    assert not evidence.met and "No active volunteers" in evidence.summary


def test_volunteers_registered_counts_active_volunteers_of_the_municipality(lom, drammen):
    assert not contributions.evidence_for(lom, "volunteers_registered").met
    VolunteerFactory.create_batch(2)
    VolunteerFactory(left_at=timezone.now())
    VolunteerFactory(municipality=drammen)
    evidence = contributions.evidence_for(lom, "volunteers_registered")
    assert evidence.met and evidence.summary.startswith("2 active volunteers")


@time_machine.travel(_at(2026, 6, 1, 12), tick=False)
def test_intro_course_this_year_held_planned_or_missing(lom):
    course = CourseFactory(is_introductory=True)
    other = CourseFactory(name="Demensomsorg", is_introductory=False)
    _session(other, _at(2026, 3, 1))
    _session(course, _at(2025, 11, 1))  # last year does not count
    evidence = contributions.evidence_for(lom, "intro_course_this_year")
    assert not evidence.met and "No introductory course" in evidence.summary

    _session(course, _at(2026, 9, 15))
    evidence = contributions.evidence_for(lom, "intro_course_this_year")
    assert not evidence.met and "planned for 15. september 2026" in evidence.summary.lower()

    _session(course, _at(2026, 3, 10))
    evidence = contributions.evidence_for(lom, "intro_course_this_year")
    assert evidence.met and "held on 10. mar" in evidence.summary.lower()


def test_no_evidence_claims_that_the_elderlys_needs_are_mapped(lom):
    """issue 10: a mapped need for help does not show that the elderly's needs for activities
    and meeting places are mapped; the portal gives no evidence for it, the assessment decides."""
    NeedFactory(status=NeedStatus.MAPPED)
    assert contributions.evidence_for(lom, "needs_mapped") is None


# --- the annual wheel -------------------------------------------------------------------------


def test_course_sessions_appear_on_the_wheel_of_their_year(lom, drammen):
    course = CourseFactory(name="Introduksjonskurs for nye frivillige")
    _session(course, _at(2026, 3, 12))
    _session(course, _at(2027, 3, 11))
    _session(CourseFactory(municipality=drammen, name="Kurs i Drammen"), _at(2026, 4, 1))
    entries = [e for e in contributions.wheel_entries(lom, 2026) if e.category == "course_session"]
    assert [(e.date, e.title) for e in entries] == [
        (datetime.date(2026, 3, 12), "Introduksjonskurs for nye frivillige")
    ]
    assert entries[0].url == f"/coordination/3434/courses/{course.pk}/"
    # Its own category, apart from the wheel's planned "introductory course" events.
    assert (
        contributions.WHEEL_CATEGORIES["course_session"] != contributions.WHEEL_CATEGORIES["course"]
    )


# --- the dashboard ----------------------------------------------------------------------------


def test_dashboard_counts_volunteers_readiness_declaration_and_hours(client_of, coordinator_lom):
    declaration = _declaration()
    role = VolunteerRoleFactory(certificate_kinds=[])
    ready, missing, plain = VolunteerFactory.create_batch(3)
    _signed([ready, plain], declaration)
    _give_roles([RoleHolder(volunteer=ready, role=role), RoleHolder(volunteer=missing, role=role)])
    HoursEntryFactory(volunteer=ready)
    html = client_of(coordinator_lom).get(DASHBOARD).content.decode()
    registry = "/coordination/3434/volunteers/"
    assert f'<a href="{registry}"><span class="dashboard-number">3</span> active volunteers' in html
    assert f'href="{registry}?readiness=ready"><span class="dashboard-number">1</span>' in html
    assert f'href="{registry}?readiness=missing"><span class="dashboard-number">1</span>' in html
    assert f'href="{registry}?declaration=missing"><span class="dashboard-number">1</span>' in html
    assert '<span class="dashboard-number">1</span> hours entries waiting' in html


def test_dashboard_shows_open_needs_by_step_with_links(client_of, coordinator_lom):
    NeedFactory.create_batch(2, status=NeedStatus.REPORTED)
    NeedFactory(status=NeedStatus.FOLLOW_UP)
    NeedFactory(status=NeedStatus.CLOSED)
    html = client_of(coordinator_lom).get(DASHBOARD).content.decode()
    needs = "/coordination/3434/needs/"
    assert f'href="{needs}?step=reported"><span class="dashboard-number">2</span>' in html
    assert f'href="{needs}?step=follow_up"><span class="dashboard-number">1</span>' in html
    assert "?step=closed" not in html


def test_volunteer_contact_sees_volunteers_but_not_the_hours_to_approve(
    client_of, volunteer_contact_lom
):
    VolunteerFactory()
    html = client_of(volunteer_contact_lom).get(DASHBOARD).content.decode()
    assert "active volunteers" in html
    assert "hours entries waiting" not in html


def test_grant_officer_sees_neither_volunteers_nor_needs(client_of, officer):
    VolunteerFactory()
    html = client_of(officer).get(DASHBOARD).content.decode()
    assert "active volunteers" not in html and "Open needs" not in html


def _queries(client, url=DASHBOARD, *, counted_anew=True):
    """The SQL of one request; ``counted_anew`` forgets the cached figures first."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    if counted_anew:
        figures_cache.forget_for_municipality("3434")
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return [query["sql"] for query in queries.captured_queries]


def test_dashboard_queries_do_not_grow_with_volunteers_roles_or_needs(client_of, coordinator_lom):
    client = client_of(coordinator_lom)
    _declaration()
    VolunteerRoleFactory.create_batch(2, certificate_kinds=[])
    client.get(DASHBOARD)
    few = _queries(client)
    volunteers = VolunteerFactory.create_batch(30)
    # (the number of roles is fixed here)
    roles = list(VolunteerRole.objects.all())
    RoleHolder.objects.bulk_create(
        RoleHolder(volunteer=volunteer, role=role) for volunteer in volunteers for role in roles
    )
    NeedFactory.create_batch(10)
    HoursEntryFactory.create_batch(5, volunteer=volunteers[0])
    assert len(_queries(client)) == len(few)


def test_a_second_look_within_the_minute_counts_no_volunteers_and_says_so(
    client_of, coordinator_lom
):
    client = client_of(coordinator_lom)
    _declaration()
    VolunteerFactory.create_batch(2)
    first = _queries(client)
    assert any("volunteers_volunteer" in sql for sql in first)
    VolunteerFactory()  # e.g. a volunteer who signed up on the public page meanwhile
    again = _queries(client, counted_anew=False)
    counted = [sql for sql in again if 'FROM "volunteers_volunteer"' in sql and "COUNT" in sql]
    assert not counted and not [sql for sql in again if "volunteers_roleholder" in sql]
    assert len(again) < len(first)
    html = client.get(DASHBOARD).content.decode()
    assert '<span class="dashboard-number">2</span> active volunteers' in html
    assert "The numbers may be up to one minute old." in html


def test_the_coordinators_own_change_shows_at_once(client_of, coordinator_lom):
    client = client_of(coordinator_lom)
    entries = HoursEntryFactory.create_batch(2, volunteer=VolunteerFactory())
    html = client.get(DASHBOARD).content.decode()
    assert '<span class="dashboard-number">2</span> hours entries waiting' in html
    client.post("/coordination/3434/hours/", {"entries": [entries[0].pk], "decision": "approve"})
    html = client.get(DASHBOARD).content.decode()
    assert '<span class="dashboard-number">1</span> hours entries waiting' in html


def test_another_municipality_never_gets_lom_figures(
    client_of, coordinator_lom, coordinator_drammen, drammen
):
    VolunteerFactory.create_batch(3)
    VolunteerFactory(municipality=drammen)
    lom_page = client_of(coordinator_lom).get(DASHBOARD).content.decode()
    assert '<span class="dashboard-number">3</span> active volunteers' in lom_page
    drammen_page = client_of(coordinator_drammen).get(f"/coordination/{drammen.pk}/")
    assert '<span class="dashboard-number">1</span> active volunteers' in (
        drammen_page.content.decode()
    )


def test_a_volunteer_contact_sees_their_units_count_not_the_coordinators(
    client_of, coordinator_lom, volunteer_contact_lom
):
    VolunteerFactory.create_batch(3)  # in no unit of the contact's
    coordinator_page = client_of(coordinator_lom).get(DASHBOARD).content.decode()
    assert '<span class="dashboard-number">3</span> active volunteers' in coordinator_page
    html = client_of(volunteer_contact_lom).get(DASHBOARD).content.decode()
    assert '<span class="dashboard-number">0</span> active volunteers' in html


def test_readiness_counts_agree_with_the_registry_filters(client_of, coordinator_lom):
    from volunteers.screening.ready_state import readiness_counts

    declaration = _declaration()
    friend = VolunteerRoleFactory(certificate_kinds=[])
    course = CourseFactory()
    driver = VolunteerRoleFactory(name="Sjåfør", certificate_kinds=[])
    driver.required_courses.add(course)
    both, only_friend, none_signed, plain = VolunteerFactory.create_batch(4)
    gone = VolunteerFactory(left_at=timezone.now())
    _signed([both, only_friend, plain, gone], declaration)
    _give_roles(
        [
            RoleHolder(volunteer=both, role=friend),
            RoleHolder(volunteer=both, role=driver),  # the course is missing for this one
            RoleHolder(volunteer=only_friend, role=friend),
            RoleHolder(volunteer=none_signed, role=friend),
            RoleHolder(volunteer=gone, role=friend),
        ]
    )
    assert readiness_counts("3434") == (3, 2)
    client = client_of(coordinator_lom)
    registry = "/coordination/3434/volunteers/"
    for wanted, expected in (("ready", 1), ("missing", 2)):
        page = client.get(registry, {"readiness": wanted}).context["page"]
        assert page.paginator.count == expected
