"""Issue 17: each role holder's readiness is stored (``RoleHolder.ready``/``ready_until``) and
read by the registry, the dashboard and matching. Whatever the services do, and however many
days pass without the nightly job, the stored state read today says what ``ready_q`` (the one
definition) says."""

import datetime

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from coordination.partners import services as partners
from coordination.partners.models import CooperationAgreement
from tests.factories import (
    CourseFactory,
    NeedFactory,
    PartnerOrganisationFactory,
    UserFactory,
    VolunteerFactory,
)
from volunteers.leaving import services as leaving
from volunteers.matching.ranking import propose_for_need
from volunteers.models import CourseCompletion, RoleHolder, Signature, Volunteer
from volunteers.profile import services as profile
from volunteers.registry.services import by_hand
from volunteers.screening import ready_state
from volunteers.screening import services as screening
from volunteers.screening.readiness import ready_q
from volunteers.screening.tasks import tidy_readiness

pytestmark = pytest.mark.django_db

MOMENT = datetime.datetime(2026, 11, 20, 10, 0, tzinfo=datetime.UTC)
TEXT = "Jeg lover å ikke fortelle andre det jeg får vite om dem jeg hjelper, heller ikke senere."
DAY = datetime.timedelta(days=1)


@pytest.fixture
def clock():
    with time_machine.travel(MOMENT, tick=False) as traveller:
        yield traveller


def _role(lom, by, name="Besøksvenn", *, courses=(), certificate=True, months=36):
    return screening.create_role(
        municipality=lom, by=by, name=name, interest="visiting_friend",
        what_you_do="Besøker og prater", what_you_do_not_do="Gir medisiner",
        requires_certificate=certificate, certificate_kinds=["ordinary"] if certificate else [],
        certificate_legal_basis="Alene med sårbare eldre." if certificate else "",
        certificate_valid_months=months if certificate else None, required_courses=list(courses),
    )  # fmt: skip


def _agreement(lom, by, organisation, *, starts_on, ends_on=None, accepted=True):
    agreement = partners.create_agreement(
        municipality=lom, by=by, title="Besøkstjenesten", purpose="Besøksvenner for eldre.",
        parties={organisation: "Besøkstjeneste"},
        screening_accepted=[organisation] if accepted else [],
        starts_on=starts_on, review_on=ends_on or starts_on, ends_on=ends_on,
    )  # fmt: skip
    return partners.set_agreement_status(
        agreement=agreement, by=by, status=CooperationAgreement.Status.ACTIVE
    )


def _disagreements(today=None) -> list[str]:
    """Holders whose stored state, read on ``today``, is not what ``ready_q`` says then."""
    today = today or timezone.localdate()
    stored = set(RoleHolder.objects.ready_on(today).values_list("pk", flat=True))
    wrong = []
    for holder in RoleHolder.objects.select_related("role"):
        computed = (
            Volunteer.objects.filter(pk=holder.volunteer_id)
            .filter(ready_q(holder.role, today=today))
            .exists()
        )
        if computed != (holder.pk in stored):
            wrong.append(f"{holder}: computed {computed}, stored {holder.pk in stored}")
    return wrong + _summary_disagreements(today)


def _summary_disagreements(today) -> list[str]:
    """Volunteers whose stored summary of all their roles, read on ``today``, is not what
    ``ready_q`` says of each of their municipality's roles then: "ready" for all, "missing"
    for any, or neither (no role)."""
    ready = set(
        Volunteer.objects.filter(ready_state.all_roles_ready_q(today)).values_list("pk", flat=True)
    )
    missing = set(
        Volunteer.objects.filter(ready_state.some_role_missing_q(today)).values_list(
            "pk", flat=True
        )
    )
    wrong = []
    for volunteer in Volunteer.objects.all():
        each = [
            Volunteer.objects.filter(pk=volunteer.pk).filter(ready_q(h.role, today=today)).exists()
            for h in RoleHolder.objects.filter(
                volunteer=volunteer, role__municipality_id=volunteer.municipality_id
            ).select_related("role")
        ]
        computed = "missing" if not all(each) else "ready" if each else "no role"
        stored = {(True, False): "ready", (False, True): "missing", (False, False): "no role"}.get(
            (volunteer.pk in ready, volunteer.pk in missing), "both"
        )
        if computed != stored:
            wrong.append(f"{volunteer}: computed {computed}, stored {stored}")
    return wrong


def _ready(volunteer, role) -> bool:
    return RoleHolder.objects.filter(volunteer=volunteer, role=role).ready_on().exists()


@pytest.fixture
def world(clock, lom, coordinator_lom):
    """Lom with a declaration, two courses, a role with a police certificate renewed every 36
    months and a course, a role with only a course; three volunteers with logins, a partner."""
    today = timezone.localdate()
    profile.publish_declaration(municipality=lom, body=TEXT, by=coordinator_lom)
    intro, dementia = CourseFactory(name="Introduksjon"), CourseFactory(name="Demens")
    friend = _role(lom, coordinator_lom, courses=[intro])
    driver = _role(lom, coordinator_lom, "Sjåfør", courses=[dementia], certificate=False)
    people = [
        VolunteerFactory(user=UserFactory(full_name=name), interests=["visiting_friend"])
        for name in ("Ola Sulheim", "Kari Bakken", "Nils Lia")
    ]
    red_cross = PartnerOrganisationFactory(name="Røde Kors Lom")
    return {
        "lom": lom, "by": coordinator_lom, "clock": clock, "start": today,
        "courses": [intro, dementia], "roles": [friend, driver], "people": people,
        "red_cross": red_cross,
    }  # fmt: skip


# --- whatever happens, stored = computed ---------------------------------------------------------

PERSON, ROLE, COURSE = st.integers(0, 2), st.integers(0, 1), st.integers(0, 1)
STEPS = st.one_of(
    st.tuples(st.just("give"), PERSON, ROLE),
    st.tuples(st.just("take"), PERSON, ROLE),
    st.tuples(
        st.just("check"),
        PERSON,
        st.sampled_from(["ordinary", "limited"]),
        st.integers(0, 40 * 30),
        st.booleans(),
    ),  # fmt: skip
    st.tuples(st.just("course"), PERSON, COURSE),
    st.tuples(st.just("sign"), PERSON),
    st.tuples(st.just("publish"), st.integers(1, 99)),
    st.tuples(
        st.just("rules"),
        ROLE,
        st.booleans(),
        st.lists(COURSE, max_size=2, unique=True),
        st.sampled_from([None, 1, 12]),
    ),  # fmt: skip
    st.tuples(st.just("through"), PERSON, st.booleans()),
    st.tuples(
        st.just("agreement"), st.integers(0, 300), st.sampled_from([None, 0, 5, 400]), st.booleans()
    ),  # fmt: skip
    st.tuples(st.just("end_agreement")),
    st.tuples(st.just("days"), st.integers(1, 800)),
    st.tuples(st.just("leave"), PERSON),
)


@pytest.fixture
def busy_world(world):
    """Holders in every state to start from: Ola ready for both roles on his own certificate
    (renewal due in a year), Kari for the visiting role through the Red Cross's screening
    (the agreement ends in 200 days), Nils in the driver role without the declaration."""
    by, today, (friend, driver) = world["by"], timezone.localdate(), world["roles"]
    ola, kari, nils = world["people"]
    text = profile.current_declaration("3434")
    for volunteer, roles, courses in (
        (ola, [friend, driver], world["courses"]),
        (kari, [friend], world["courses"][:1]),
        (nils, [driver], world["courses"][1:]),
    ):
        for role in roles:
            screening.give_role(volunteer=volunteer, role=role, by=by)
        for course in courses:
            screening.record_completion(volunteer=volunteer, course=course, completed_on=today,
                                        by=by)  # fmt: skip
        if volunteer != nils:
            profile.sign_declaration(volunteer=volunteer, text=text, by=volunteer.user)
    screening.record_certificate_check(
        holder=RoleHolder.objects.get(volunteer=ola, role=friend), kind="ordinary",
        presented_on=today - 730 * DAY, approved=True, by=by,
    )  # fmt: skip
    Volunteer.objects.filter(pk=kari.pk).update(through_organisation=world["red_cross"])
    _agreement(world["lom"], by, world["red_cross"], starts_on=today - 10 * DAY,
               ends_on=today + 200 * DAY)  # fmt: skip
    assert sorted(RoleHolder.objects.ready_on().values_list("volunteer__user__full_name",
                                                            "role__name")) == [
        ("Kari Bakken", "Besøksvenn"), ("Ola Sulheim", "Besøksvenn"), ("Ola Sulheim", "Sjåfør"),
    ]  # fmt: skip
    return world


def _do(world, step) -> None:
    by, people, roles = world["by"], world["people"], world["roles"]
    today = timezone.localdate()
    kind, *args = step
    if kind == "give":
        screening.give_role(volunteer=people[args[0]], role=roles[args[1]], by=by)
    elif kind == "take":
        holder = RoleHolder.objects.get(volunteer=people[args[0]], role=roles[args[1]])
        screening.take_away_role(holder=holder, by=by)
    elif kind == "check":
        holder = RoleHolder.objects.get(volunteer=people[args[0]], role=roles[0])
        screening.record_certificate_check(
            holder=holder, kind=args[1], presented_on=today - args[2] * DAY,
            approved=args[3], by=by,
        )  # fmt: skip
    elif kind == "course":
        screening.record_completion(
            volunteer=people[args[0]], course=world["courses"][args[1]], completed_on=today, by=by
        )
    elif kind == "sign":
        volunteer = people[args[0]]
        text = profile.current_declaration(volunteer.municipality_id)
        profile.sign_declaration(volunteer=volunteer, text=text, by=volunteer.user)
    elif kind == "publish":
        body = f"{TEXT} Versjon {args[0]}."
        profile.publish_declaration(municipality=world["lom"], body=body, by=by)
    elif kind == "rules":
        role, certificate = roles[args[0]], args[1]
        screening.update_role(
            role=role, by=by, name=role.name, interest=role.interest,
            what_you_do=role.what_you_do, what_you_do_not_do=role.what_you_do_not_do,
            requires_certificate=certificate, certificate_kinds=["ordinary"] if certificate else [],
            certificate_legal_basis="Alene med sårbare eldre." if certificate else "",
            certificate_valid_months=args[3] if certificate else None,
            required_courses=[world["courses"][i] for i in args[2]],
        )  # fmt: skip
    elif kind == "through":
        volunteer = Volunteer.objects.get(pk=people[args[0]].pk)
        organisation = world["red_cross"] if args[1] else None
        profile.update_profile(
            volunteer=volunteer, profile={"through_organisation": organisation},
            interests=volunteer.interest_codes, by=volunteer.user,
        )  # fmt: skip
    elif kind == "agreement":
        starts_on = today - args[0] * DAY
        ends_on = None if args[1] is None else today + args[1] * DAY
        _agreement(world["lom"], by, world["red_cross"], starts_on=starts_on, ends_on=ends_on,
                   accepted=args[2])  # fmt: skip
    elif kind == "end_agreement":
        agreement = CooperationAgreement.objects.filter(status="active").order_by("-pk").first()
        if agreement is not None:
            partners.end_agreement(agreement=agreement, by=by)
    elif kind == "days":
        world["clock"].shift(args[0] * DAY)  # and no nightly job
    elif kind == "leave":
        leaving.end_volunteering(volunteer=Volunteer.objects.get(pk=people[args[0]].pk), by=by)


@settings(
    max_examples=25,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(steps=st.lists(STEPS, min_size=1, max_size=12))
def test_after_any_services_and_days_the_stored_readiness_is_the_computed_one(busy_world, steps):
    with transaction.atomic():
        for step in steps:
            try:
                with transaction.atomic():
                    _do(busy_world, step)
            except (ValidationError, RoleHolder.DoesNotExist):
                pass  # the service refused (or nothing to act on): nothing changed
            assert _disagreements() == [], step
        transaction.set_rollback(True)
    busy_world["clock"].move_to(MOMENT)


# --- each way in ---------------------------------------------------------------------------------


@pytest.fixture
def ready_friend(world):
    """Ola: signed, the course, an approved certificate two years ago (renew in a year)."""
    ola, (friend, _driver) = world["people"][0], world["roles"]
    by, today = world["by"], timezone.localdate()
    holder = screening.give_role(volunteer=ola, role=friend, by=by)
    assert holder.ready is False
    profile.sign_declaration(
        volunteer=ola, text=profile.current_declaration(ola.municipality_id), by=ola.user
    )
    screening.record_completion(volunteer=ola, course=world["courses"][0], completed_on=today,
                                by=by)  # fmt: skip
    assert not _ready(ola, friend)
    screening.record_certificate_check(
        holder=holder, kind="ordinary", presented_on=today - 730 * DAY, approved=True, by=by
    )
    assert _ready(ola, friend)
    holder.refresh_from_db()
    assert holder.ready_until == (today - 730 * DAY).replace(year=today.year + 1)
    return ola


def test_a_new_declaration_makes_everyone_sign_again(world, ready_friend):
    friend = world["roles"][0]
    profile.publish_declaration(municipality=world["lom"], body=TEXT + " Ny.", by=world["by"])
    assert not _ready(ready_friend, friend)
    profile.sign_declaration(
        volunteer=ready_friend, text=profile.current_declaration("3434"), by=ready_friend.user
    )
    assert _ready(ready_friend, friend)


def test_a_role_that_comes_to_require_another_course_is_not_met_until_taken(world, ready_friend):
    friend, (intro, dementia) = world["roles"][0], world["courses"]
    fields = {"name": friend.name, "interest": friend.interest, "what_you_do": "Besøker",
              "what_you_do_not_do": "Gir medisiner", "requires_certificate": True,
              "certificate_kinds": ["ordinary"], "certificate_legal_basis": "Alene med eldre.",
              "certificate_valid_months": 36}  # fmt: skip
    screening.update_role(role=friend, by=world["by"], required_courses=[intro, dementia],
                          **fields)  # fmt: skip
    assert not _ready(ready_friend, friend)
    screening.record_completions(
        session=dementia.sessions.create(starts_at=MOMENT), volunteers=[ready_friend],
        by=world["by"], completed_on=timezone.localdate(),
    )  # fmt: skip
    assert _ready(ready_friend, friend)


def test_the_renewal_date_passing_ends_readiness_before_the_nightly_job(world, ready_friend):
    friend = world["roles"][0]
    world["clock"].shift(366 * DAY)
    assert not _ready(ready_friend, friend)
    assert RoleHolder.objects.get(volunteer=ready_friend).ready  # not yet tidied
    assert tidy_readiness() == 1
    assert not RoleHolder.objects.get(volunteer=ready_friend).ready
    assert tidy_readiness() == 0  # nothing left to tidy


def test_matching_and_the_dashboard_count_read_the_stored_state(world, ready_friend):
    need = NeedFactory(weekday_daytime=True)
    VolunteerFactory(interests=["visiting_friend"])  # no role: never proposed
    assert [p.volunteer for p in propose_for_need(need)] == [ready_friend]
    assert ready_state.readiness_counts("3434") == (1, 0)
    world["clock"].shift(366 * DAY)  # the certificate is due for renewal; no job has run
    assert propose_for_need(need) == []
    assert ready_state.readiness_counts("3434") == (1, 1)


def test_a_partners_screening_counts_while_the_agreement_is_in_force(world):
    nils, friend = world["people"][2], world["roles"][0]
    by, today = world["by"], timezone.localdate()
    screening.give_role(volunteer=nils, role=friend, by=by)
    profile.sign_declaration(volunteer=nils, text=profile.current_declaration("3434"),
                             by=nils.user)  # fmt: skip
    screening.record_completion(volunteer=nils, course=world["courses"][0], completed_on=today,
                                by=by)  # fmt: skip
    by_hand.change_details(
        volunteer=nils, by=by, interests=["visiting_friend"],
        details={"name": "Nils Lia", "phone": "", "email": nils.user.email,
                 "through_organisation": world["red_cross"]},
    )  # fmt: skip
    assert not _ready(nils, friend)  # no agreement yet
    agreement = _agreement(world["lom"], by, world["red_cross"], starts_on=today - 10 * DAY,
                           ends_on=today + 30 * DAY)  # fmt: skip
    assert _ready(nils, friend)
    assert RoleHolder.objects.get(volunteer=nils).ready_until == today + 30 * DAY
    partners.end_agreement(agreement=agreement, by=by)  # ends today: still in force today
    world["clock"].shift(DAY)
    assert not _ready(nils, friend)


def test_an_agreement_that_starts_later_counts_from_the_nightly_job_of_that_day(world):
    nils, friend = world["people"][2], world["roles"][0]
    by, today = world["by"], timezone.localdate()
    Volunteer.objects.filter(pk=nils.pk).update(through_organisation=world["red_cross"])
    Signature.objects.create(volunteer=nils, text=profile.current_declaration("3434"))
    CourseCompletion.objects.create(volunteer=nils, course=world["courses"][0])
    screening.give_role(volunteer=nils, role=friend, by=by)
    _agreement(world["lom"], by, world["red_cross"], starts_on=today + 2 * DAY)
    world["clock"].shift(2 * DAY)
    assert not _ready(nils, friend)  # not ready before the job: never the other way round
    assert _disagreements() != []
    tidy_readiness()
    assert _ready(nils, friend)
    assert _disagreements() == []


def test_leaving_and_anonymising_leave_no_ready_state_behind(world, ready_friend):
    leaving.anonymise_volunteer(volunteer=ready_friend)
    assert not RoleHolder.objects.filter(volunteer=ready_friend).exists()
    assert _disagreements() == []


def test_refreshing_a_set_of_holders_is_one_update_whatever_their_number(
    world, ready_friend, django_assert_max_num_queries
):
    friend = world["roles"][0]
    for volunteer in VolunteerFactory.create_batch(20):
        RoleHolder.objects.create(volunteer=volunteer, role=friend)
    holders = RoleHolder.objects.filter(role=friend)
    # The holders, their roles, the declaration and courses (to build the statement), the
    # UPDATE, and the volunteers' summaries.
    with django_assert_max_num_queries(6):
        assert ready_state.refresh_readiness(holders) == 21
    assert _disagreements() == []


# --- the volunteer's summary of all their roles ---------------------------------------------------


def _ready_for_all() -> list[str]:
    volunteers = Volunteer.objects.filter(ready_state.all_roles_ready_q())
    return sorted(str(v) for v in volunteers)


def _missing_any() -> list[str]:
    return sorted(str(v) for v in Volunteer.objects.filter(ready_state.some_role_missing_q()))


def test_ready_for_all_their_roles_ends_with_the_earliest_renewal_before_the_nightly_job(
    world, ready_friend
):
    by, driver = world["by"], world["roles"][1]
    screening.give_role(volunteer=ready_friend, role=driver, by=by)
    assert _missing_any() == ["Ola Sulheim"]  # the driver role's course
    screening.record_completion(volunteer=ready_friend, course=world["courses"][1],
                                completed_on=timezone.localdate(), by=by)  # fmt: skip
    assert (_ready_for_all(), _missing_any()) == (["Ola Sulheim"], [])
    world["clock"].shift(366 * DAY)  # the certificate for the visiting role is due
    assert (_ready_for_all(), _missing_any()) == ([], ["Ola Sulheim"])
    assert Volunteer.objects.get(pk=ready_friend.pk).roles_ready  # not yet tidied
    tidy_readiness()
    assert Volunteer.objects.get(pk=ready_friend.pk).roles_ready is False
    assert _disagreements() == []


def test_taking_away_the_role_they_miss_something_for_leaves_them_ready_for_the_rest(
    world, ready_friend
):
    by, driver = world["by"], world["roles"][1]
    holder = screening.give_role(volunteer=ready_friend, role=driver, by=by)
    assert _missing_any() == ["Ola Sulheim"]
    screening.take_away_role(holder=holder, by=by)
    assert (_ready_for_all(), _missing_any()) == (["Ola Sulheim"], [])
    screening.take_away_role(holder=RoleHolder.objects.get(volunteer=ready_friend), by=by)
    assert (_ready_for_all(), _missing_any()) == ([], [])  # no role: neither
    assert Volunteer.objects.get(pk=ready_friend.pk).roles_ready is None


def test_a_new_declaration_leaves_nobody_ready_for_all_their_roles(world, ready_friend):
    profile.publish_declaration(municipality=world["lom"], body=TEXT + " Ny.", by=world["by"])
    assert (_ready_for_all(), _missing_any()) == ([], ["Ola Sulheim"])
    assert _disagreements() == []


def test_the_migration_fills_the_summary_from_the_stored_holders(busy_world):
    from importlib import import_module

    from django.db import connection

    fill = import_module("volunteers.migrations.0018_volunteer_roles_ready_summary").FILL
    # Kari's agreement has ended, not tidied: read as missing all the same.
    busy_world["clock"].shift(250 * DAY)
    Volunteer.objects.update(roles_ready=None, roles_ready_until=None)
    with connection.cursor() as cursor:
        cursor.execute(fill)
    assert _summary_disagreements(timezone.localdate()) == []
    assert (_ready_for_all(), _missing_any()) == (["Ola Sulheim"], ["Kari Bakken", "Nils Lia"])
