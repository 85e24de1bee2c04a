"""Every list page runs as many SQL queries with 6 rows as with 2 (issue 17, "Bounded queries in
tests"): an N+1 — a query per row — fails here and prints the statement that repeats.

One case per page: the URL name, who looks (by default the first persona the access table in
tests/trust/access/ lets in), and a function that adds ``n`` rows the page lists. The world
(personas and one Lom object of each kind, tests/trust/world.py) is built once for the module;
each test rolls its rows back. ``test_every_list_page_has_a_case`` keeps the table complete: a
new paginated view, or a URL named like a list, without a case fails it.
"""

import datetime
import inspect
import re
from collections.abc import Callable
from dataclasses import dataclass, field

import pytest
from django.core.files.base import ContentFile
from django.template import TemplateDoesNotExist
from django.template.loader import get_template
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from activities.models import (
    ActivityStatus,
    ActivityType,
    Attendance,
    Category,
    Feedback,
    Ride,
    SessionStatus,
    ShiftSlot,
    Task,
)
from coordination.kernel import audit
from coordination.models import (
    AgreementParty,
    Assessment,
    CooperationAgreement,
    ForumMeeting,
    GeneratedFile,
    GrantRole,
    Municipality,
    PartnerContact,
    PartnerOffer,
    PrintedDocument,
    ResponsibilityAssignment,
    ResponsibilityParty,
    ResponsibilityTask,
    Role,
    RoleInvitation,
    RoutineVersion,
    StartRequest,
    Unit,
    UnitContact,
)
from tests.activities.factories import (
    ActivityFactory,
    PlaceFactory,
    SessionFactory,
    ShiftFactory,
    ShiftSlotFactory,
    SignUpFactory,
    at,
)
from tests.factories import (
    AssignmentFactory,
    CourseFactory,
    GrantMakerFactory,
    GrantMakerRoleFactory,
    HoursEntryFactory,
    InvitationFactory,
    MembershipFactory,
    NeedFactory,
    PartnerOrganisationFactory,
    RoutineFactory,
    UserFactory,
    VolunteerFactory,
    VolunteerRoleFactory,
    WheelEventFactory,
    municipality,
)
from tests.grants.factories import (
    ApplicationFactory,
    BudgetLineFactory,
    CriterionFactory,
    QuestionFactory,
    ReportFactory,
    ReviewAssignmentFactory,
    RoundFactory,
    SchemeFactory,
)
from tests.queries import assert_flat_queries
from tests.trust import world
from tests.trust.access import ACCESS, PK_OBJECT, Public, Roles
from tests.trust.test_url_sweep import all_routes
from volunteers.calls.models import CallReason, PhoneCall
from volunteers.hours.models import HoursStatus
from volunteers.models import (
    CourseCompletion,
    CourseSession,
    RoleHolder,
    VolunteerNote,
    VolunteerUnit,
)


@dataclass
class World:
    people: dict  # persona name -> User
    objects: dict  # Lom's objects (tests/trust/world.py): kind -> instance

    def __getitem__(self, kind: str):
        return self.objects[kind]


@dataclass
class Case:
    name: str  # the URL name
    grow: Callable[[World, int], object]
    persona: str | None = None  # default: the first persona the access table lets in
    query: Callable[[World], str] | str = ""  # what the page is asked for (?month=…)
    url: Callable[[World], str] | None = None  # when the URL is not this name in Lom
    shows_rows: bool = True  # False: the page shows counts of the rows, not the rows
    marks: list = field(default_factory=list)


CASES: dict[str, Case] = {}
# Whom the access table's rule lets in, most likely first.
PREFERRED = ("coordinator_lom", "officer", "reviewer", "national_admin", "applicant", "volunteer")


def case(name: str, **options) -> Callable:
    """Register the decorated ``grow(world, n)`` as the case of URL ``name``."""

    def register(grow: Callable[[World, int], object]) -> Callable:
        assert name not in CASES, f"two cases for {name}"
        CASES[name] = Case(name, grow, **options)
        return grow

    return register


def _persona(found: Case) -> str:
    if found.persona:
        return found.persona
    rule = ACCESS[found.name]
    if isinstance(rule, Public):
        return "anonymous"
    assert isinstance(rule, Roles), f"{found.name}: name the persona who sees the page"
    return next(name for name in PREFERRED if name in rule.allowed)


def _url(found: Case, w: World) -> str:
    if found.url is not None:
        return found.url(w)
    route = ROUTES[found.name]
    arguments = set(route.pattern.pattern.converters)
    values = {
        "municipality": "3434",
        "pk": w[PK_OBJECT.get(found.name, "membership")].pk,
        "grant_maker": w["grant_maker"].pk,
    }
    url = reverse(found.name, kwargs={key: values[key] for key in arguments})
    query = found.query(w) if callable(found.query) else found.query
    return f"{url}?{query}" if query else url


def _own(w: World):
    """The ``volunteer`` persona's volunteer record in Lom."""
    return w["hours_entry"].volunteer


def _next_week() -> datetime.date:
    return timezone.localdate() + datetime.timedelta(days=7)


def _week_of(day: datetime.date) -> str:
    iso = day.isocalendar()
    return f"week={iso.year}-W{iso.week:02d}"


# --- coordination ----------------------------------------------------------------------------


@case("coordination:municipality_directory", query="q=Lom", shows_rows=False)
def _coordinators_everywhere(w, n):
    # The rows are the 357 municipalities (reference data); each counts its coordinators.
    for _ in range(n):
        MembershipFactory(municipality=municipality("3434"), role=Role.COORDINATOR)


@case(
    "coordination:municipality_detail",
    url=lambda w: reverse("coordination:municipality_detail", args=["3433"]),
)
def _volunteer_centres_of_skjak(w, n):
    # Skjåk does not use Samspill: the page lists its volunteer centres instead.
    for _ in range(n):
        PartnerOrganisationFactory(kind="volunteer_centre", municipalities=["3433"])


def _other_municipalities(n: int, taken) -> list:
    """``n`` municipalities in Innlandet but Lom and Skjåk not among ``taken`` (numbers)."""
    return list(
        Municipality.objects.filter(number__startswith="34")
        .exclude(number__in=["3433", "3434", *taken])
        .order_by("number")[:n]
    )


@case("coordination:my_page", persona="applicant")
def _places_and_applications(w, n):
    applicant = w.people["applicant"]
    for place in _other_municipalities(
        n, applicant.memberships.values_list("municipality", flat=True)
    ):
        MembershipFactory(user=applicant, municipality=place, role=Role.COORDINATOR)
        ApplicationFactory(organisation=w["partner"], round=w["round"])


@case("coordination:audit_log")
def _audit_events(w, n):
    for _ in range(n):
        audit.record(w.people["coordinator_lom"], "viewed", w["volunteer"], code="")


@case("coordination:file_list")
def _files(w, n):
    for _ in range(n):
        GeneratedFile.objects.create(
            municipality_id="3434",
            requested_by=w.people["coordinator_lom"],
            action="export_volunteers",
            title="Frivillige i Lom",
            status=GeneratedFile.Status.DONE,
            file=ContentFile(b"navn\n", name="bounded.csv"),
        )


@case("coordination:overview")
def _roles_invitations_and_dashboard_rows(w, n):
    for i in range(n):
        MembershipFactory(municipality=municipality("3434"), role=Role.VOLUNTEER_CONTACT)
        RoleInvitation.objects.create(
            municipality_id="3434",
            email=f"kollega{i}.{RoleInvitation.objects.count()}@lom.example",
            role="volunteer_contact",
            invited_by=w.people["coordinator_lom"],
            expires_at=timezone.now() + datetime.timedelta(days=30),
        )
        HoursEntryFactory(volunteer=VolunteerFactory())
        NeedFactory()


@case("coordination:routine_list")
def _routines(w, n):
    for _ in range(n):
        RoutineFactory(owner=UserFactory(), approved=True)


@case("coordination:routine_versions")
def _versions(w, n):
    routine = w["routine"]
    for _ in range(n):
        routine.version_number += 1
        RoutineVersion.objects.create(
            routine=routine,
            number=routine.version_number,
            title=routine.title,
            body="1. Slik gjer vi det.",
            changed_by=UserFactory(),
        )
    routine.save(update_fields=["version_number"])


@case("coordination:wheel_detail")
def _wheel_events(w, n):
    for month in range(1, n + 1):
        WheelEventFactory(month=month)


@case("coordination:wheel_event_list")
def _wheel_events_listed(w, n):
    for month in range(1, n + 1):
        WheelEventFactory(month=month)


@case("coordination:unit_list")
def _units(w, n):
    for i in range(n):
        unit = Unit.objects.create(
            municipality_id="3434", name=f"Eining {Unit.objects.count()} {i}", kind="nursing_home"
        )
        contact = MembershipFactory(municipality=municipality("3434"), role=Role.VOLUNTEER_CONTACT)
        UnitContact.objects.create(unit=unit, membership=contact)


@case("coordination:forum_meeting_list")
def _forum_meetings(w, n):
    for i in range(n):
        ForumMeeting.objects.create(
            municipality_id="3434",
            starts_at=timezone.now() + datetime.timedelta(days=i - 2),
            place="Lom",
        )


@case("coordination:assessment_list")
def _assessments(w, n):
    for i in range(n):
        Assessment.objects.create(
            municipality_id="3434",
            status=Assessment.Status.COMPLETED,
            completed_on=datetime.date(2025, 1, 1) - datetime.timedelta(days=30 * i),
            level_reached=1,
            score=30,
            made_by=UserFactory(),
        )


def _partners(w, n):
    for _ in range(n):
        partner = PartnerOrganisationFactory()
        PartnerOffer.objects.create(
            organisation=partner, municipality_id="3434", kind="people", description="Turvenner"
        )
        agreement = CooperationAgreement.objects.create(
            municipality_id="3434", title="Avtale", purpose="Turar", starts_on="2026-01-01",
            review_on="2027-12-01", status="active",
        )  # fmt: skip
        AgreementParty.objects.create(agreement=agreement, organisation=partner)


case("coordination:partner_list")(_partners)
case("coordination:partner_map")(lambda w, n: _partners(w, n))
case("coordination:agreement_list", query="show=all")(lambda w, n: _partners(w, n))


@case("coordination:responsibility_map_detail")
def _tasks_and_parties(w, n):
    responsibility_map = w["responsibility_task"].map
    for i in range(n):
        task = ResponsibilityTask.objects.create(map=responsibility_map, name=f"Oppgåve {i}")
        party = ResponsibilityParty.objects.create(
            map=responsibility_map, name=f"Part {i}", partner=PartnerOrganisationFactory()
        )
        ResponsibilityAssignment.objects.create(task=task, party=party, role="responsible")


@case("coordination:partner_detail")
def _contacts_and_offers_of_one(w, n):
    for i in range(n):
        PartnerContact.objects.create(
            organisation=w["partner"], municipality_id="3434", name=f"Kontakt {i}", phone="612"
        )
        PartnerOffer.objects.create(
            organisation=w["partner"], municipality_id="3434", kind="people", description="Turar"
        )


@case("coordination:start_request_list")
def _start_requests(w, n):
    for place in _other_municipalities(
        n, StartRequest.objects.values_list("municipality", flat=True)
    ):
        StartRequest.objects.create(
            municipality=place,
            full_name="Berit Holen",
            position="Kommunalsjef",
            email="berit@kommune.example",
            phone="61214000",
        )


@case("coordination:document_list")
def _printed_versions(w, n):
    for _ in range(n):
        PrintedDocument.objects.create(
            municipality_id="3434", document="responsibility-map", language="nn",
            content_hash=f"{PrintedDocument.objects.count():064d}", title="Ansvarskart – Lom",
            file=ContentFile(b"%PDF-1.7\n", name="bounded.pdf"), pages=1, size=9,
        )  # fmt: skip


# --- volunteers ------------------------------------------------------------------------------


@case("volunteers:own_page", persona="volunteer")
def _invitations_and_assignments(w, n):
    for _ in range(n):
        InvitationFactory(need=NeedFactory(), volunteer=_own(w))
        AssignmentFactory(need=NeedFactory(), volunteer=_own(w))
        HoursEntryFactory(volunteer=_own(w))


@case("volunteers:registry")
def _volunteers(w, n):
    for _ in range(n):
        volunteer = VolunteerFactory(interests=["visiting_friend", "transport"])
        RoleHolder.objects.create(volunteer=volunteer, role=w["volunteer_role"])


@case("volunteers:volunteer_detail")
def _roles_notes_and_hours_of_one(w, n):
    volunteer = w["volunteer"]
    for _ in range(n):
        RoleHolder.objects.create(volunteer=volunteer, role=VolunteerRoleFactory())
        VolunteerNote.objects.create(volunteer=volunteer, text="Ringde.")
        HoursEntryFactory(volunteer=volunteer)


@case("volunteers:volunteer_units")
def _units_of_one(w, n):
    for _ in range(n):
        unit = Unit.objects.create(
            municipality_id="3434", name=f"Eining {Unit.objects.count()}", kind="nursing_home"
        )
        VolunteerUnit.objects.create(volunteer=w["volunteer"], unit=unit)


@case("volunteers:role_list")
def _roles(w, n):
    for _ in range(n):
        role = VolunteerRoleFactory(certificate_kinds=["limited"])
        role.required_courses.add(CourseFactory())
        RoleHolder.objects.create(volunteer=VolunteerFactory(), role=role)


@case("volunteers:course_list")
def _courses(w, n):
    for _ in range(n):
        course = CourseFactory()
        CourseSession.objects.create(
            course=course, starts_at=timezone.now() + datetime.timedelta(days=9), place="Lom"
        )


@case("volunteers:course_detail")
def _course_sessions_and_completions(w, n):
    for _ in range(n):
        CourseSession.objects.create(
            course=w["course"], starts_at=timezone.now() + datetime.timedelta(days=9), place="Lom"
        )
        CourseCompletion.objects.create(
            course=w["course"], volunteer=VolunteerFactory(), completed_on=timezone.localdate()
        )


@case("volunteers:session_completions")
def _volunteers_to_tick(w, n):
    for _ in range(n):
        VolunteerFactory(interests=["visiting_friend"])


@case("volunteers:need_list")
def _needs(w, n):
    for _ in range(n):
        AssignmentFactory(need=NeedFactory())


@case("volunteers:need_detail")
def _invitations_to_one_need(w, n):
    for _ in range(n):
        InvitationFactory(need=w["need"], volunteer=VolunteerFactory(interests=["visiting_friend"]))


@case("volunteers:need_left_out", shows_rows=False)
def _volunteers_left_out_for_one_need(w, n):
    """Counts, not rows: each volunteer fails another rule (one query, however many)."""
    for i in range(n):
        rule = ({"area": "Bøverdalen", "willing_to_travel": False}, {"user": None}, {})[i % 3]
        VolunteerFactory(interests=[w["need"].kind], **rule)


@case("volunteers:hours_manage")
def _hours_waiting(w, n):
    for _ in range(n):
        HoursEntryFactory(volunteer=VolunteerFactory(), assignment=AssignmentFactory())


@case("volunteers:hours_totals")
def _hours_of_many(w, n):
    for _ in range(n):
        HoursEntryFactory(volunteer=VolunteerFactory(), status=HoursStatus.APPROVED)


@case("volunteers:own_hours", persona="volunteer")
def _own_hours(w, n):
    for _ in range(n):
        HoursEntryFactory(volunteer=_own(w), assignment=w["hours_entry"].assignment)


@case("volunteers:call_list")
def _calls(w, n):
    for _ in range(n):
        PhoneCall.objects.create(
            municipality_id="3434",
            volunteer=VolunteerFactory(),
            reason=CallReason.DECLARATION,
        )


# --- activities ------------------------------------------------------------------------------


def _sessions_next_week(w, n):
    for _ in range(n):
        SessionFactory(activity=ActivityFactory(), starts_at=at(_next_week(), 11))


case("activities:calendar_month", query=lambda w: f"month={_next_week():%Y-%m}")(
    _sessions_next_week
)
case("activities:calendar_week", query=lambda w: _week_of(_next_week()))(
    lambda w, n: _sessions_next_week(w, n)
)
case("activities:calendar_feed")(lambda w, n: _sessions_next_week(w, n))
case("activities:gaps", shows_rows=False)(lambda w, n: _sessions_next_week(w, n))


@case("activities:catalogue")
def _activities(w, n):
    for _ in range(n):
        activity = ActivityFactory(organiser=PartnerOrganisationFactory())
        activity.co_organisers.add(PartnerOrganisationFactory())
        SessionFactory(activity=activity)


@case("activities:activity_list")
def _activities_listed(w, n):
    for _ in range(n):
        ActivityFactory(organiser=w["partner"], transport_offered=True)


def _sessions_of_the_activity(w, n):
    for day in range(n):
        SessionFactory(
            activity=w["activity"], starts_at=at(_next_week() + datetime.timedelta(day + 1), 11)
        )


case("activities:activity_detail")(_sessions_of_the_activity)
case("activities:activity_manage")(lambda w, n: _sessions_of_the_activity(w, n))
case("activities:activity_feed")(lambda w, n: _sessions_of_the_activity(w, n))


@case("activities:proposal_list")
def _proposals(w, n):
    for _ in range(n):
        ActivityFactory(
            status=ActivityStatus.PROPOSED, published_at=None, proposed_by_name="Olav Haugen"
        )


@case("activities:activity_type_list")
def _activity_types(w, n):
    for i in range(n):
        ActivityType.objects.create(
            municipality_id="3434",
            category=Category.SOCIAL,
            name=f"Type {ActivityType.objects.count()} {i}",
        )


@case("activities:place_list")
def _places(w, n):
    for _ in range(n):
        PlaceFactory()


def _evaluated(w, n):
    for _ in range(n):
        activity = ActivityFactory(organiser=w["partner"])
        held = SessionFactory(
            activity=activity,
            starts_at=at(timezone.localdate() - datetime.timedelta(days=7), 11),
            status=SessionStatus.HELD,
        )
        came = SignUpFactory(session=held)
        Attendance.objects.create(municipality_id="3434", session=held, signup=came, present=True)
        Feedback.objects.create(municipality_id="3434", session=held, rating=4)


case("activities:municipality_evaluation")(_evaluated)


@case("activities:activity_evaluation")
def _held_sessions_of_the_activity(w, n):
    for day in range(n):
        held = SessionFactory(
            activity=w["activity"],
            starts_at=at(timezone.localdate() - datetime.timedelta(days=8 + day), 11),
            status=SessionStatus.HELD,
        )
        came = SignUpFactory(session=held)
        Attendance.objects.create(municipality_id="3434", session=held, signup=came, present=True)
        Feedback.objects.create(municipality_id="3434", session=held, rating=4)


@case("activities:session_participants")
def _participants(w, n):
    for _ in range(n):
        SignUpFactory(session=w["session"])


@case("activities:session_attendance")
def _participants_of_the_held_session(w, n):
    for _ in range(n):
        SignUpFactory(session=w["held_session"])


def _rides(w, n):
    session = w["session"]
    for _ in range(n):
        signup = SignUpFactory(
            session=session, needs_transport=True, pickup_address="Vegen 1", pickup_area="Lom"
        )
        Ride.objects.create(
            municipality_id="3434", session=session, signup=signup,
            pickup_address="Vegen 1", pickup_area="Lom",
        )  # fmt: skip


case("activities:session_rides")(_rides)


@case("activities:ride_drivers")
def _drivers_and_rides(w, n):
    slot = ShiftSlot.objects.filter(session=w["session"], task=Task.DRIVER).first()
    slot = slot or ShiftSlotFactory(session=w["session"], task=Task.DRIVER, count=10)
    for _ in range(n):
        ShiftFactory(slot=slot)
    _rides(w, n)


@case("activities:session_shifts")
def _shifts(w, n):
    for _ in range(n):
        ShiftFactory(slot=w["shift_slot"])


@case("activities:reminder_calls")
def _phone_reminders(w, n):
    tomorrow = SessionFactory(
        activity=w["activity"], starts_at=at(timezone.localdate() + datetime.timedelta(1), 11)
    )
    for _ in range(n):
        SignUpFactory(session=tomorrow, reminder="phone")


@case("activities:open_shifts", persona="volunteer")
def _open_slots(w, n):
    for day in range(n):
        session = SessionFactory(
            activity=w["activity"], starts_at=at(_next_week() + datetime.timedelta(day + 1), 11)
        )
        ShiftSlotFactory(session=session)


# --- grants ----------------------------------------------------------------------------------


@case("grants:round_list")
def _open_rounds(w, n):
    for _ in range(n):
        RoundFactory(scheme=SchemeFactory(grant_maker=GrantMakerFactory()))


@case("grants:grant_maker_list")
def _grant_makers(w, n):
    for _ in range(n):
        maker = GrantMakerFactory()
        GrantMakerRoleFactory(grant_maker=maker, role=GrantRole.OFFICER)
        SchemeFactory(grant_maker=maker)


@case("grants:grant_maker_home")
def _schemes_and_rounds(w, n):
    for _ in range(n):
        RoundFactory(scheme=SchemeFactory(grant_maker=w["grant_maker"]))


@case("grants:grant_maker_roles")
def _grant_roles(w, n):
    for _ in range(n):
        GrantMakerRoleFactory(grant_maker=w["grant_maker"], role=GrantRole.REVIEWER)


@case("grants:my_applications", persona="applicant")
def _own_applications(w, n):
    for _ in range(n):
        ApplicationFactory(organisation=w["partner"], round=RoundFactory())


@case("grants:round_public")
def _criteria_and_questions(w, n):
    for _ in range(n):
        CriterionFactory(round=w["round"])
        QuestionFactory(round=w["round"])


@case("grants:application_detail", persona="applicant")
def _budget_lines(w, n):
    for _ in range(n):
        BudgetLineFactory(application=w["application"], description="Leige av lokale")


def _submitted(w, n):
    for _ in range(n):
        application = ApplicationFactory(
            round=w["round"], status="in_review", submitted_at=timezone.now(), eligible=True,
            number=w["round"].applications.count() + 1,
        )  # fmt: skip
        ReviewAssignmentFactory(application=application, reviewer=w.people["reviewer"])


case("grants:round_applications")(_submitted)
case("grants:round_ranking")(lambda w, n: _submitted(w, n))
case("grants:round_fairness", shows_rows=False)(lambda w, n: _submitted(w, n))
case("grants:review_list")(lambda w, n: _submitted(w, n))


@case("grants:case")
def _reviewers_of_one(w, n):
    for _ in range(n):
        ReviewAssignmentFactory(application=w["submitted_application"])


@case("grants:report_list")
def _reports(w, n):
    for _ in range(n):
        ReportFactory(
            application=ApplicationFactory(round=w["round"], status="reporting"),
            due_on=timezone.localdate() + datetime.timedelta(days=60),
        )


# --- which pages are list pages --------------------------------------------------------------

ROUTES = {route.key: route for route in all_routes()}
# A list page: a view that pages through rows, or renders a template with the page links, or
# whose URL is named like a list.
PAGINATES = re.compile(r"\b(Paginator|IdsFirstPaginator|ids_first_page|paginate\w*)\(")
LIST_NAME = re.compile(
    r"(_list|_directory|registry|catalogue|calendar_\w+|_feed|overview|my_page|own_page"
    r"|my_applications|_applications|_ranking|_fairness|_totals|completions|participants)$"
)
# Named like a list, or paginated, but with nothing that grows: say why.
NOT_LISTS: dict[str, str] = {}


TEMPLATE = re.compile(r"[\"']([\w/.-]+\.html)(?:#\w+)?[\"']")


def _view_source(route) -> str:
    try:
        return inspect.getsource(inspect.unwrap(route.pattern.callback))
    except (OSError, TypeError):  # a class-based or C view: no source to read
        return ""


def _shows_page_links(source: str) -> bool:
    """Does a template the view names include the shared page links (a paginated list)?"""
    for name in TEMPLATE.findall(source):
        try:
            template = get_template(name)
        except TemplateDoesNotExist:
            continue
        if "partials/_pagination.html" in template.template.source:
            return True
    return False


def list_pages() -> set[str]:
    """The URL names of the portal's list pages (the admin and allauth's pages aside)."""
    found = set()
    for key, route in ROUTES.items():
        if route.namespace.split(":")[0] not in ("coordination", "volunteers", "activities",
                                                 "grants"):  # fmt: skip
            continue
        source = _view_source(route)
        if (
            LIST_NAME.search(key.split(":")[-1])
            or PAGINATES.search(source)
            or _shows_page_links(source)
        ):
            found.add(key)
    return found


def test_every_list_page_has_a_case():
    missing = sorted(list_pages() - set(CASES) - set(NOT_LISTS))
    assert missing == [], f"list pages without a bounded-queries case: {missing}"
    stale = sorted((set(CASES) | set(NOT_LISTS)) - set(ROUTES))
    assert stale == [], f"cases for URLs that no longer exist: {stale}"


def test_the_criterion_finds_the_paginated_pages():
    """The check above cannot pass vacuously: it finds the registry by its paginator and the
    grants' round list by its name."""
    assert {"volunteers:registry", "grants:round_list", "coordination:audit_log"} <= list_pages()


# --- the cases -------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def bounded_media(tmp_path_factory):
    return tmp_path_factory.mktemp("bounded-media")


@pytest.fixture(autouse=True)
def _private_media(settings, bounded_media):
    settings.MEDIA_ROOT = bounded_media


@pytest.fixture(scope="module")
def lom_world(django_db_setup, django_db_blocker, bounded_media):
    """The personas and Lom's objects, made once; each test rolls back the rows it adds."""
    with world.made_once(django_db_blocker, bounded_media) as (people, _membership, objects):
        yield World(people, objects)


@pytest.mark.django_db
@pytest.mark.parametrize(
    "found",
    [pytest.param(found, id=name, marks=found.marks) for name, found in sorted(CASES.items())],
)
def test_list_page_queries_do_not_grow_with_its_rows(found, lom_world):
    client = Client()
    persona = _persona(found)
    if persona != "anonymous":
        client.force_login(lom_world.people[persona])
    assert_flat_queries(
        client,
        _url(found, lom_world),
        lambda n: found.grow(lom_world, n),
        shows_rows=found.shows_rows,
    )
