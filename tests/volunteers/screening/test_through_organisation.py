"""Issue 13: a volunteer who volunteers through a partner organisation whose own screening the
municipality accepts under a cooperation agreement in force today has the police certificate
of a role checked; the declaration and the courses are still required. ``ready_q``,
``missing_for`` and ``readiness_for_need`` agree, in a fixed number of queries."""

import datetime

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from coordination.partners import services as partners
from coordination.partners.models import CooperationAgreement
from tests.factories import (
    CourseFactory,
    NeedFactory,
    PartnerOrganisationFactory,
    UserFactory,
    VolunteerFactory,
    municipality,
)
from volunteers.models import CertificateCheck, CourseCompletion, RoleHolder, Signature, Volunteer
from volunteers.profile import services as profile
from volunteers.screening import services as screening
from volunteers.screening.readiness import (
    Missing,
    missing_for,
    readiness_for_need,
    ready_q,
)
from volunteers.screening.ready_state import readiness_counts

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2026, 11, 20)
TEXT = "Jeg lover å ikke fortelle andre det jeg får vite om dem jeg hjelper, heller ikke senere."
RED_CROSS = "Norwegian Red Cross Lom"
NOTE = f"Police certificate: checked by {RED_CROSS} under the cooperation agreement"


@pytest.fixture(autouse=True)
def _frozen_day_in_english():
    moment = datetime.datetime(2026, 11, 20, 10, 0, tzinfo=datetime.UTC)
    with time_machine.travel(moment, tick=False), translation.override("en"):
        yield


def _agreement(municipality, by, organisation, *, accepted=True, active=True, **dates):
    """An agreement of ``municipality`` with ``organisation``, written through the services."""
    fields = {
        "starts_on": TODAY - datetime.timedelta(days=100),
        "review_on": TODAY + datetime.timedelta(days=100),
        **dates,
    }
    agreement = partners.create_agreement(
        municipality=municipality,
        by=by,
        title="Besøkstjenesten",
        purpose="Besøksvenner for eldre som bor alene.",
        parties={organisation: "Besøkstjeneste"},
        screening_accepted=[organisation] if accepted else [],
        **fields,
    )
    if active:
        partners.set_agreement_status(
            agreement=agreement, by=by, status=CooperationAgreement.Status.ACTIVE
        )
    return agreement


@pytest.fixture
def lom_setup(lom, coordinator_lom):
    """A visiting-friend role with a police certificate and a course; a volunteer of Lom who has
    signed and taken the course, volunteering through the Red Cross; no check of Lom's own."""
    declaration = profile.publish_declaration(municipality=lom, body=TEXT, by=coordinator_lom)
    course = CourseFactory()
    role = screening.create_role(
        municipality=lom, by=coordinator_lom, name="Besøksvenn", interest="visiting_friend",
        what_you_do="Besøker og prater", what_you_do_not_do="Gir medisiner",
        requires_certificate=True, certificate_kinds=["limited", "ordinary"],
        certificate_legal_basis="Alene med sårbare eldre.", required_courses=[course],
    )  # fmt: skip
    red_cross = PartnerOrganisationFactory(name=RED_CROSS)
    volunteer = VolunteerFactory(
        user=UserFactory(full_name="Ola Sulheim"), through_organisation=red_cross
    )
    Signature.objects.create(volunteer=volunteer, text=declaration)
    CourseCompletion.objects.create(volunteer=volunteer, course=course)
    holder = screening.give_role(volunteer=volunteer, role=role, by=coordinator_lom)
    return {
        "role": role,
        "course": course,
        "declaration": declaration,
        "red_cross": red_cross,
        "volunteer": volunteer,
        "holder": holder,
        "lom": lom,
        "by": coordinator_lom,
    }


def _state(volunteer, role):
    """(missing kinds, certificate_by) from missing_for, after checking that ready_q and
    readiness_for_need say the same."""
    volunteer = Volunteer.objects.get(pk=volunteer.pk)
    (row,) = [r for r in missing_for([volunteer])[volunteer.pk] if r.role == role]
    in_query = Volunteer.objects.filter(pk=volunteer.pk).filter(ready_q(role)).exists()
    assert in_query == row.ready, "ready_q and missing_for disagree"
    gate = readiness_for_need(volunteer, NeedFactory())  # in Lom, for a visiting friend
    assert (gate.ready, gate.certificate_by) == (row.ready, row.certificate_by)
    assert [m.kind for m in gate.missing] == [m.kind for m in row.missing]
    return [m.kind for m in row.missing], row.certificate_by


def test_the_organisations_accepted_screening_makes_the_volunteer_ready(lom_setup):
    _agreement(lom_setup["lom"], lom_setup["by"], lom_setup["red_cross"])
    volunteer, role = lom_setup["volunteer"], lom_setup["role"]
    assert _state(volunteer, role) == ([], RED_CROSS)
    (row,) = missing_for([Volunteer.objects.get(pk=volunteer.pk)])[volunteer.pk]
    assert row.certificate_note == NOTE
    # The registry's filters and the dashboard's count agree.
    assert readiness_counts("3434") == (1, 0)


def test_the_declaration_and_the_courses_are_still_required(lom_setup):
    _agreement(lom_setup["lom"], lom_setup["by"], lom_setup["red_cross"])
    volunteer = lom_setup["volunteer"]
    Signature.objects.filter(volunteer=volunteer).delete()
    CourseCompletion.objects.filter(volunteer=volunteer).delete()
    assert _state(volunteer, lom_setup["role"]) == (
        [Missing.DECLARATION, Missing.COURSE],
        RED_CROSS,
    )


def test_without_an_accepted_organisation_the_certificate_is_missing(lom_setup):
    assert _state(lom_setup["volunteer"], lom_setup["role"]) == ([Missing.CERTIFICATE], "")


def test_the_municipalitys_own_check_needs_no_note(lom_setup):
    _agreement(lom_setup["lom"], lom_setup["by"], lom_setup["red_cross"])
    CertificateCheck.objects.create(
        holder=lom_setup["holder"], kind="ordinary", presented_on=TODAY, approved=True
    )
    assert _state(lom_setup["volunteer"], lom_setup["role"]) == ([], "")


def test_a_certificate_due_for_renewal_is_covered_by_the_organisations_check(lom_setup):
    _agreement(lom_setup["lom"], lom_setup["by"], lom_setup["red_cross"])
    CertificateCheck.objects.create(
        holder=lom_setup["holder"], kind="ordinary", presented_on=TODAY.replace(year=2020),
        approved=True, renew_by=TODAY - datetime.timedelta(days=1),
    )  # fmt: skip
    assert _state(lom_setup["volunteer"], lom_setup["role"]) == ([], RED_CROSS)


def _ended(setup):
    agreement = _agreement(setup["lom"], setup["by"], setup["red_cross"])
    partners.end_agreement(agreement=agreement, by=setup["by"])


def _expired(setup):
    _agreement(
        setup["lom"], setup["by"], setup["red_cross"],
        starts_on=TODAY - datetime.timedelta(days=400),
        review_on=TODAY - datetime.timedelta(days=100),
        ends_on=TODAY - datetime.timedelta(days=60),
        active=False,
    )  # fmt: skip
    # It was activated while in force; its end date has passed since.
    CooperationAgreement.objects.update(status=CooperationAgreement.Status.ACTIVE)


def _draft(setup):
    _agreement(setup["lom"], setup["by"], setup["red_cross"], active=False)


def _not_started(setup):
    _agreement(
        setup["lom"], setup["by"], setup["red_cross"],
        starts_on=TODAY + datetime.timedelta(days=10),
        review_on=TODAY + datetime.timedelta(days=100),
    )  # fmt: skip


def _not_accepted(setup):
    _agreement(setup["lom"], setup["by"], setup["red_cross"], accepted=False)


def _another_municipalitys_agreement(setup):
    """The Red Cross works with Drammen too, and Drammen accepts its screening; Lom does not."""
    setup["red_cross"].municipalities.add("3301")
    drammen = setup["red_cross"].municipalities.get(pk="3301")
    coordinator = setup["request"].getfixturevalue("coordinator_drammen")
    _agreement(drammen, coordinator, setup["red_cross"])
    other = PartnerOrganisationFactory(name="Lom frivilligsentral")
    _agreement(setup["lom"], setup["by"], other)


def _another_organisation(setup):
    """Lom accepts the volunteer centre's screening; the volunteer comes through the Red Cross."""
    _agreement(setup["lom"], setup["by"], PartnerOrganisationFactory(name="Lom frivilligsentral"))


def _not_through_it(setup):
    _agreement(setup["lom"], setup["by"], setup["red_cross"])
    Volunteer.objects.filter(pk=setup["volunteer"].pk).update(through_organisation=None)


@pytest.mark.parametrize(
    "arrange",
    [
        _ended,
        _expired,
        _draft,
        _not_started,
        _not_accepted,
        _another_municipalitys_agreement,
        _another_organisation,
        _not_through_it,
    ],
)
def test_the_organisations_screening_does_not_count(lom_setup, arrange, request):
    arrange({**lom_setup, "request": request})
    assert _state(lom_setup["volunteer"], lom_setup["role"]) == ([Missing.CERTIFICATE], "")


def test_a_volunteer_of_another_municipality_is_not_covered_by_lom_s_agreement(lom_setup):
    """Only the volunteer's own municipality's agreements count for its roles."""
    _agreement(lom_setup["lom"], lom_setup["by"], lom_setup["red_cross"])
    red_cross, role = lom_setup["red_cross"], lom_setup["role"]
    elsewhere = VolunteerFactory(municipality=municipality("3301"), through_organisation=red_cross)
    RoleHolder.objects.create(volunteer=elsewhere, role=role)
    assert not Volunteer.objects.filter(pk=elsewhere.pk).filter(ready_q(role)).exists()
    gate = readiness_for_need(elsewhere, NeedFactory())
    assert Missing.CERTIFICATE in [m.kind for m in gate.missing]


def test_missing_for_costs_the_same_queries_for_any_number_of_volunteers(lom_setup):
    _agreement(lom_setup["lom"], lom_setup["by"], lom_setup["red_cross"])
    role, red_cross = lom_setup["role"], lom_setup["red_cross"]
    other = PartnerOrganisationFactory(name="Lom sanitetslag")
    _agreement(lom_setup["lom"], lom_setup["by"], other)

    def queries() -> int:
        volunteers = list(Volunteer.objects.filter(municipality_id="3434"))
        with CaptureQueriesContext(connection) as captured:
            found = missing_for(volunteers)
        assert all(r.certificate_by for rows in found.values() for r in rows)
        return len(captured)

    before = queries()
    for number in range(20):
        volunteer = VolunteerFactory(through_organisation=red_cross if number % 2 else other)
        RoleHolder.objects.create(volunteer=volunteer, role=role)
    assert queries() == before


def test_the_registry_page_says_who_checked_the_certificate_in_fixed_queries(
    lom_setup, client_of, django_assert_max_num_queries
):
    _agreement(lom_setup["lom"], lom_setup["by"], lom_setup["red_cross"])
    client = client_of(lom_setup["by"], language="en")
    address = reverse("volunteers:registry", args=["3434"])
    client.get(address)
    with CaptureQueriesContext(connection) as one:
        page = client.get(address, {"readiness": "ready"}).content.decode()
    assert "Ola Sulheim" in page
    assert f"Through: {RED_CROSS}" in page
    assert NOTE in page
    for _number in range(15):
        volunteer = VolunteerFactory(through_organisation=lom_setup["red_cross"])
        Signature.objects.create(volunteer=volunteer, text=lom_setup["declaration"])
        CourseCompletion.objects.create(volunteer=volunteer, course=lom_setup["course"])
        RoleHolder.objects.create(volunteer=volunteer, role=lom_setup["role"])
    with django_assert_max_num_queries(len(one)):
        response = client.get(address, {"readiness": "ready"})
    assert len(response.context["page"].object_list) == 16


def test_the_volunteer_page_says_who_checked_the_certificate(lom_setup, client_of):
    _agreement(lom_setup["lom"], lom_setup["by"], lom_setup["red_cross"])
    volunteer = lom_setup["volunteer"]
    coordinator = client_of(lom_setup["by"], language="en")
    page = coordinator.get(
        reverse("volunteers:volunteer_detail", args=["3434", volunteer.pk])
    ).content.decode()
    assert "Ready for the role." in page and NOTE in page
    own = client_of(volunteer.user, language="en").get(reverse("volunteers:own_page"))
    html = own.content.decode()
    assert "You are ready for your role as Besøksvenn." in html and NOTE in html
    assert RED_CROSS in html  # "You volunteer through"
