"""Screening services and readiness: what a role requires, police certificate checks, courses,
and when a volunteer is ready."""

import datetime

import pytest
import time_machine
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import translation

from coordination.kernel.dates import add_months
from coordination.models import AuditEvent
from tests.factories import CourseFactory, VolunteerFactory, VolunteerRoleFactory
from volunteers.models import (
    CertificateCheck,
    CourseCompletion,
    CourseSession,
    RoleHolder,
    Signature,
    Volunteer,
)
from volunteers.profile import services
from volunteers.screening import services as screening
from volunteers.screening.readiness import Missing, missing_for, ready_q

pytestmark = pytest.mark.django_db

TEXT = "Jeg lover å ikke fortelle andre det jeg får vite om dem jeg hjelper, heller ikke senere."
TODAY = datetime.date(2026, 11, 20)
# What every role says (the service requires it), and a certificate with its legal basis.
DESCRIBED = {"what_you_do": "Besøker og prater", "what_you_do_not_do": "Gir medisiner"}
CERTIFICATE = {
    "requires_certificate": True,
    "certificate_kinds": ["limited", "ordinary"],
    "certificate_legal_basis": "Kommunen krever det for roller alene med sårbare.",
}


@pytest.fixture(autouse=True)
def _frozen_day_in_english():
    """Messages are compared in English; one test checks the bokmål."""
    moment = datetime.datetime(2026, 11, 20, 10, 0, tzinfo=datetime.UTC)
    with time_machine.travel(moment, tick=False), translation.override("en"):
        yield


@pytest.fixture
def declaration(lom, coordinator_lom):
    return services.publish_declaration(municipality=lom, body=TEXT, by=coordinator_lom)


def _signed(volunteer, declaration):
    Signature.objects.create(volunteer=volunteer, text=declaration)
    return volunteer


def _missing(volunteer, role):
    """What is missing for ``role``, from missing_for; and check that ready_q agrees."""
    rows = {r.role.pk: r for r in missing_for([volunteer])[volunteer.pk]}
    missing = list(rows[role.pk].missing)
    in_query = Volunteer.objects.filter(pk=volunteer.pk).filter(ready_q(role)).exists()
    assert in_query == (missing == []), "ready_q and missing_for disagree"
    return missing


def _kinds(missing):
    return [m.kind for m in missing]


# --- Readiness ----------------------------------------------------------------------------


def test_ready_when_every_requirement_is_met(coordinator_lom, declaration):
    course = CourseFactory()
    role = screening.create_role(
        municipality=declaration.municipality, by=coordinator_lom, name="Besøksvenn",
        **DESCRIBED, **{**CERTIFICATE, "certificate_kinds": ["ordinary"]},
        certificate_valid_months=36, required_courses=[course],
    )  # fmt: skip
    volunteer = _signed(VolunteerFactory(), declaration)
    holder = screening.give_role(volunteer=volunteer, role=role, by=coordinator_lom)
    screening.record_certificate_check(
        holder=holder, kind="ordinary", presented_on=TODAY, approved=True, by=coordinator_lom
    )
    screening.record_completion(
        volunteer=volunteer, course=course, completed_on=TODAY, by=coordinator_lom
    )
    assert _missing(volunteer, role) == []


def test_missing_declaration_means_not_ready(coordinator_lom, declaration):
    role = VolunteerRoleFactory()
    volunteer = VolunteerFactory()
    RoleHolder.objects.create(volunteer=volunteer, role=role)
    missing = _missing(volunteer, role)
    assert _kinds(missing) == [Missing.DECLARATION]
    assert missing == ["the confidentiality declaration"]
    with translation.override("nb"):
        assert _missing(volunteer, role) == ["taushetserklæringen"]


def test_a_new_declaration_version_makes_signed_volunteers_not_ready(
    coordinator_lom, declaration, lom
):
    role = VolunteerRoleFactory()
    volunteer = _signed(VolunteerFactory(), declaration)
    RoleHolder.objects.create(volunteer=volunteer, role=role)
    assert _missing(volunteer, role) == []
    services.publish_declaration(municipality=lom, body=TEXT + " Ny.", by=coordinator_lom)
    assert _kinds(_missing(volunteer, role)) == [Missing.DECLARATION]


@pytest.mark.parametrize(
    "check, expected",
    [
        (None, Missing.CERTIFICATE),
        ({"approved": False}, Missing.CERTIFICATE),
        ({"approved": True, "renew_by": TODAY - datetime.timedelta(days=1)}, Missing.RENEWAL),
        ({"approved": True, "renew_by": TODAY}, None),
        ({"approved": True, "renew_by": None}, None),
    ],
    ids=["none", "not-approved", "expired", "renew-today", "never-renewed"],
)
def test_police_certificate_must_be_approved_and_not_expired(declaration, check, expected):
    role = VolunteerRoleFactory(certificate_kinds=["limited", "ordinary"])
    volunteer = _signed(VolunteerFactory(), declaration)
    holder = RoleHolder.objects.create(volunteer=volunteer, role=role)
    if check is not None:
        CertificateCheck.objects.create(
            holder=holder, kind="limited", presented_on=TODAY - datetime.timedelta(days=400),
            **check,
        )  # fmt: skip
    assert _kinds(_missing(volunteer, role)) == ([expected] if expected else [])


def test_limited_certificate_does_not_satisfy_a_role_needing_an_ordinary_one(declaration):
    role = VolunteerRoleFactory(certificate_kinds=["ordinary"])
    volunteer = _signed(VolunteerFactory(), declaration)
    holder = RoleHolder.objects.create(volunteer=volunteer, role=role)
    CertificateCheck.objects.create(
        holder=holder, kind="limited", presented_on=TODAY, approved=True
    )
    assert _kinds(_missing(volunteer, role)) == [Missing.CERTIFICATE]


def test_a_certificate_of_any_kind_the_role_accepts_satisfies_it(declaration):
    role = VolunteerRoleFactory(certificate_kinds=["limited", "ordinary"])
    volunteer = _signed(VolunteerFactory(), declaration)
    holder = RoleHolder.objects.create(volunteer=volunteer, role=role)
    CertificateCheck.objects.create(
        holder=holder, kind="ordinary", presented_on=TODAY, approved=True
    )
    assert _missing(volunteer, role) == []


def test_a_certificate_checked_for_another_role_does_not_count(declaration):
    driver, friend = (
        VolunteerRoleFactory(certificate_kinds=["limited", "ordinary"]) for _ in range(2)
    )
    volunteer = _signed(VolunteerFactory(), declaration)
    holder = RoleHolder.objects.create(volunteer=volunteer, role=driver)
    RoleHolder.objects.create(volunteer=volunteer, role=friend)
    CertificateCheck.objects.create(
        holder=holder, kind="limited", presented_on=TODAY, approved=True
    )
    assert _missing(volunteer, driver) == []
    assert _kinds(_missing(volunteer, friend)) == [Missing.CERTIFICATE]


def test_missing_course_is_named(declaration):
    intro = CourseFactory(name="Introduksjonskurs")
    role = VolunteerRoleFactory()
    role.required_courses.add(intro)
    volunteer = _signed(VolunteerFactory(), declaration)
    RoleHolder.objects.create(volunteer=volunteer, role=role)
    missing = _missing(volunteer, role)
    assert _kinds(missing) == [Missing.COURSE]
    assert missing[0].course == intro
    assert missing == ["the course Introduksjonskurs"]


def test_without_the_role_nobody_is_ready_for_it(declaration):
    role = VolunteerRoleFactory()
    volunteer = _signed(VolunteerFactory(), declaration)
    assert not Volunteer.objects.filter(pk=volunteer.pk).filter(ready_q(role)).exists()
    assert missing_for([volunteer]) == {volunteer.pk: []}


# --- Roles ----------------------------------------------------------------------------------


def test_role_with_renewal_needs_a_certificate(coordinator_lom, lom):
    with pytest.raises(ValidationError) as refused:
        screening.create_role(
            municipality=lom,
            by=coordinator_lom,
            name="Sjåfør",
            certificate_valid_months=36,
            **DESCRIBED,
        )
    assert "certificate_valid_months" in refused.value.message_dict


def test_role_names_are_unique_in_the_municipality_only(coordinator_lom, coordinator_drammen, lom):
    from tests.factories import municipality

    screening.create_role(municipality=lom, by=coordinator_lom, name="Besøksvenn", **DESCRIBED)
    with pytest.raises(ValidationError) as refused:
        screening.create_role(
            municipality=lom, by=coordinator_lom, name=" besøksvenn ", **DESCRIBED
        )
    assert refused.value.message_dict == {"name": ["There is already a role with this name."]}
    drammen = municipality("3301")
    screening.create_role(
        municipality=drammen, by=coordinator_drammen, name="Besøksvenn", **DESCRIBED
    )


def test_role_refuses_another_municipalitys_course(coordinator_lom, lom):
    drammen_course = CourseFactory(municipality_id="3301")
    with pytest.raises(ValidationError) as refused:
        screening.create_role(
            municipality=lom, by=coordinator_lom, name="Besøksvenn",
            required_courses=[drammen_course], **DESCRIBED,
        )  # fmt: skip
    assert "required_courses" in refused.value.message_dict


def test_role_can_be_changed(coordinator_lom, lom):
    course = CourseFactory()
    role = screening.create_role(
        municipality=lom, by=coordinator_lom, name="Besøksvenn", **DESCRIBED
    )
    screening.update_role(
        role=role, by=coordinator_lom, name="Besøksvenn i Lom",
        **DESCRIBED, **CERTIFICATE, required_courses=[course],
    )  # fmt: skip
    role.refresh_from_db()
    assert (role.name, role.certificate_kinds) == ("Besøksvenn i Lom", ["limited", "ordinary"])
    assert list(role.required_courses.all()) == [course]


@pytest.mark.parametrize("persona", ["volunteer_contact_lom", "coordinator_drammen", "volunteer"])
def test_only_the_municipalitys_coordinator_manages_screening(request, persona, lom):
    person = request.getfixturevalue(persona)
    role = VolunteerRoleFactory(certificate_kinds=["limited", "ordinary"])
    volunteer = VolunteerFactory()
    holder = RoleHolder.objects.create(volunteer=volunteer, role=role)
    course = CourseFactory()
    attempts = [
        lambda: screening.create_role(municipality=lom, by=person, name="X"),
        lambda: screening.create_course(municipality=lom, by=person, name="X"),
        lambda: screening.give_role(volunteer=VolunteerFactory(), role=role, by=person),
        lambda: screening.take_away_role(holder=holder, by=person),
        lambda: screening.record_certificate_check(
            holder=holder, kind="limited", presented_on=TODAY, approved=True, by=person
        ),
        lambda: screening.record_completion(
            volunteer=volunteer, course=course, completed_on=TODAY, by=person
        ),
    ]
    for attempt in attempts:
        with pytest.raises(PermissionDenied):
            attempt()
    assert RoleHolder.objects.filter(pk=holder.pk).exists()
    assert not CertificateCheck.objects.exists()


# --- Roles held, police certificates ---------------------------------------------------------


def test_taking_a_role_away_deletes_its_certificate_checks_and_is_audited(coordinator_lom):
    role = VolunteerRoleFactory(name="Besøksvenn", certificate_kinds=["ordinary"])
    other = VolunteerRoleFactory(name="Sjåfør", certificate_kinds=["limited", "ordinary"])
    volunteer = VolunteerFactory()
    holder = screening.give_role(volunteer=volunteer, role=role, by=coordinator_lom)
    kept = screening.give_role(volunteer=volunteer, role=other, by=coordinator_lom)
    for one in (holder, kept):
        screening.record_certificate_check(
            holder=one, kind="ordinary", presented_on=TODAY, approved=True, by=coordinator_lom
        )
    screening.take_away_role(holder=holder, by=coordinator_lom)
    assert not RoleHolder.objects.filter(pk=holder.pk).exists()
    assert list(CertificateCheck.objects.values_list("holder", flat=True)) == [kept.pk]
    event = AuditEvent.objects.filter(object_id=str(volunteer.pk)).order_by("-pk").first()
    assert event.actor == coordinator_lom
    with translation.override("en"):
        assert "Besøksvenn" in event.message
        assert "1 police certificate record deleted" in event.message


def test_giving_a_role_twice_or_from_another_municipality_is_refused(coordinator_lom):
    role = VolunteerRoleFactory()
    volunteer = VolunteerFactory()
    screening.give_role(volunteer=volunteer, role=role, by=coordinator_lom)
    with pytest.raises(ValidationError, match="already has this role"):
        screening.give_role(volunteer=volunteer, role=role, by=coordinator_lom)
    with pytest.raises(ValidationError):
        screening.give_role(
            volunteer=volunteer, role=VolunteerRoleFactory(municipality_id="3301"),
            by=coordinator_lom,
        )  # fmt: skip


def test_certificate_check_records_who_checked_and_when_to_renew(coordinator_lom):
    role = VolunteerRoleFactory(certificate_kinds=["ordinary"], certificate_valid_months=36)
    holder = RoleHolder.objects.create(volunteer=VolunteerFactory(), role=role)
    check = screening.record_certificate_check(
        holder=holder, kind="ordinary", presented_on=datetime.date(2026, 2, 28),
        approved=True, by=coordinator_lom,
    )  # fmt: skip
    assert check.checked_by == coordinator_lom
    assert check.renew_by == datetime.date(2029, 2, 28)
    event = AuditEvent.objects.get(object_id=str(holder.volunteer_id))
    with translation.override("en"):
        assert event.message == f"Police certificate check recorded: {role.name}"


def test_certificate_without_renewal_has_no_renew_by(coordinator_lom):
    holder = RoleHolder.objects.create(
        volunteer=VolunteerFactory(),
        role=VolunteerRoleFactory(certificate_kinds=["limited", "ordinary"]),
    )
    check = screening.record_certificate_check(
        holder=holder, kind="limited", presented_on=TODAY, approved=False, by=coordinator_lom
    )
    assert check.renew_by is None
    assert check.approved is False


def test_certificate_presented_in_the_future_is_refused(coordinator_lom):
    holder = RoleHolder.objects.create(
        volunteer=VolunteerFactory(),
        role=VolunteerRoleFactory(certificate_kinds=["limited", "ordinary"]),
    )
    with pytest.raises(ValidationError) as refused:
        screening.record_certificate_check(
            holder=holder, kind="limited", presented_on=TODAY + datetime.timedelta(days=1),
            approved=True, by=coordinator_lom,
        )  # fmt: skip
    assert refused.value.message_dict == {
        "presented_on": ["The day it was presented cannot be in the future."]
    }
    assert not CertificateCheck.objects.exists()


def test_no_certificate_is_recorded_for_a_role_that_needs_none(coordinator_lom):
    holder = RoleHolder.objects.create(volunteer=VolunteerFactory(), role=VolunteerRoleFactory())
    with pytest.raises(ValidationError, match="does not require a police certificate"):
        screening.record_certificate_check(
            holder=holder, kind="limited", presented_on=TODAY, approved=True, by=coordinator_lom
        )


@pytest.mark.parametrize(
    "day, months, expected",
    [
        (datetime.date(2026, 1, 31), 1, datetime.date(2026, 2, 28)),
        (datetime.date(2024, 1, 31), 1, datetime.date(2024, 2, 29)),
        (datetime.date(2026, 11, 15), 2, datetime.date(2027, 1, 15)),
        (datetime.date(2026, 12, 1), 36, datetime.date(2029, 12, 1)),
    ],
)
def test_renewal_months_are_calendar_months(day, months, expected):
    assert add_months(day, months) == expected


# --- Courses ----------------------------------------------------------------------------------


def test_completions_for_a_session_are_recorded_once_for_several_volunteers(coordinator_lom):
    course = CourseFactory()
    session = CourseSession.objects.create(
        course=course, starts_at=datetime.datetime(2026, 11, 3, 18, tzinfo=datetime.UTC)
    )
    first, second = VolunteerFactory(), VolunteerFactory()
    earlier = CourseCompletion.objects.create(
        volunteer=first, course=course, completed_on=datetime.date(2025, 5, 1)
    )
    recorded = screening.record_completions(
        session=session, volunteers=[first, second, second], by=coordinator_lom
    )
    assert recorded == 1
    completion = CourseCompletion.objects.get(volunteer=second)
    assert (completion.session, completion.completed_on) == (session, datetime.date(2026, 11, 3))
    assert completion.recorded_by == coordinator_lom
    earlier.refresh_from_db()
    assert earlier.completed_on == datetime.date(2025, 5, 1)


def test_a_session_in_the_future_cannot_be_completed(coordinator_lom):
    session = CourseSession.objects.create(
        course=CourseFactory(), starts_at=datetime.datetime(2026, 12, 3, 18, tzinfo=datetime.UTC)
    )
    with pytest.raises(ValidationError, match="has not come yet"):
        screening.record_completions(
            session=session, volunteers=[VolunteerFactory()], by=coordinator_lom
        )
    assert not CourseCompletion.objects.exists()


def test_completions_refuse_volunteers_of_another_municipality_or_who_left(coordinator_lom):
    session = CourseSession.objects.create(
        course=CourseFactory(), starts_at=datetime.datetime(2026, 11, 3, 18, tzinfo=datetime.UTC)
    )
    from django.utils import timezone

    for outsider in (
        VolunteerFactory(municipality_id="3301"),
        VolunteerFactory(left_at=timezone.now()),
    ):
        with pytest.raises(ValidationError):
            screening.record_completions(
                session=session, volunteers=[VolunteerFactory(), outsider], by=coordinator_lom
            )
    assert not CourseCompletion.objects.exists()


def test_single_completion_refuses_a_course_already_recorded(coordinator_lom):
    course, volunteer = CourseFactory(name="Demensomsorg"), VolunteerFactory()
    screening.record_completion(
        volunteer=volunteer, course=course, completed_on=TODAY, by=coordinator_lom
    )
    with pytest.raises(ValidationError, match="Demensomsorg is already recorded"):
        screening.record_completion(
            volunteer=volunteer, course=course, completed_on=TODAY, by=coordinator_lom
        )


def test_course_names_are_unique_and_required(coordinator_lom, lom):
    screening.create_course(municipality=lom, by=coordinator_lom, name="Introduksjonskurs")
    for name in ("INTRODUKSJONSKURS", "   "):
        with pytest.raises(ValidationError) as refused:
            screening.create_course(municipality=lom, by=coordinator_lom, name=name)
        assert "name" in refused.value.message_dict
