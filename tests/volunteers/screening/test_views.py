"""Screening pages: roles, courses, sessions and completions; a volunteer's roles, police
certificate checks and courses on their page; readiness in the registry and on the volunteer's
own page."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from coordination.models import GeneratedFile
from tests.factories import (
    CourseFactory,
    UserFactory,
    VolunteerFactory,
    VolunteerRoleFactory,
    link_to_contacts_unit,
)
from volunteers.models import (
    CertificateCheck,
    Course,
    CourseCompletion,
    CourseSession,
    RoleHolder,
    Signature,
    VolunteerRole,
)
from volunteers.profile import services

pytestmark = pytest.mark.django_db

LOM = "3434"
TEXT = "Jeg lover å ikke fortelle andre det jeg får vite om dem jeg hjelper, heller ikke senere."
DESCRIBED = {"what_you_do": "Kjører til dagsenteret", "what_you_do_not_do": "Gir medisiner"}


def url(name, *args, municipality=LOM):
    return reverse(f"volunteers:{name}", args=[municipality, *args])


def _html(response) -> str:
    return response.content.decode()


@pytest.fixture
def lom_setup(lom, coordinator_lom):
    """A role needing an ordinary certificate and the introductory course, a volunteer in it
    with a signed declaration, and a course session last week."""
    declaration = services.publish_declaration(municipality=lom, body=TEXT, by=coordinator_lom)
    course = CourseFactory(name="Introduksjonskurs")
    role = VolunteerRoleFactory(
        name="Besøksvenn", certificate_kinds=["ordinary"], certificate_valid_months=36
    )
    role.required_courses.add(course)
    volunteer = VolunteerFactory(user=UserFactory(full_name="Nils Brimi"))
    Signature.objects.create(volunteer=volunteer, text=declaration)
    holder = RoleHolder.objects.create(volunteer=volunteer, role=role)
    session = CourseSession.objects.create(
        course=course, starts_at=timezone.now() - datetime.timedelta(days=7), place="Lom"
    )
    return {"declaration": declaration, "course": course, "role": role, "volunteer": volunteer,
            "holder": holder, "session": session}  # fmt: skip


# --- Roles and courses ------------------------------------------------------------------------


def test_coordinator_adds_a_role_with_its_requirements(client_of, coordinator_lom, lom):
    course = CourseFactory(name="Demensomsorg")
    client = client_of(coordinator_lom)
    response = client.post(
        url("role_list"),
        {"name": "Sjåfør", "interest": "transport", **DESCRIBED, "requires_certificate": "yes",
         "certificate_kinds": ["limited"], "certificate_legal_basis": "Fordi vi krever det.",
         "certificate_valid_months": "24", "required_courses": [course.pk]},
    )  # fmt: skip
    assert response.status_code == 302
    role = VolunteerRole.objects.get(name="Sjåfør")
    assert (role.certificate_kinds, role.certificate_valid_months) == (["limited"], 24)
    assert role.certificate_legal_basis == "Fordi vi krever det."
    assert list(role.required_courses.all()) == [course]
    page = _html(client.get(url("role_list")))
    assert "Sjåfør" in page and "Demensomsorg" in page


def test_role_form_refuses_another_municipalitys_course(client_of, coordinator_lom, lom):
    drammen_course = CourseFactory(municipality_id="3301")
    response = client_of(coordinator_lom).post(
        url("role_list"),
        {"name": "Sjåfør", **DESCRIBED, "required_courses": [drammen_course.pk]},
    )
    assert response.status_code == 200
    assert "required_courses" in response.context["form"].errors
    assert not VolunteerRole.objects.exists()


def test_role_form_explains_a_renewal_without_a_certificate(client_of, coordinator_lom, lom):
    response = client_of(coordinator_lom).post(
        url("role_list"), {"name": "Sjåfør", **DESCRIBED, "certificate_valid_months": "12"}
    )
    assert "certificate_valid_months" in response.context["form"].errors
    assert "invalid-feedback" in _html(response)
    assert not VolunteerRole.objects.exists()


def test_coordinator_changes_a_role(client_of, coordinator_lom, lom_setup):
    role = lom_setup["role"]
    response = client_of(coordinator_lom).post(
        url("role_edit", role.pk),
        {"name": "Besøksvenn i Lom", **DESCRIBED, "requires_certificate": "no"},
    )
    assert response.status_code == 302
    role.refresh_from_db()
    assert (role.name, role.certificate_kinds, role.required_courses.count()) == (
        "Besøksvenn i Lom", [], 0,
    )  # fmt: skip
    assert not role.requires_certificate


def test_coordinator_adds_a_course_and_a_session(client_of, coordinator_lom, lom):
    client = client_of(coordinator_lom)
    response = client.post(
        url("course_list"), {"name": "Introduksjonskurs", "is_introductory": "on"}
    )
    course = Course.objects.get()
    assert response.url == url("course_detail", course.pk)
    response = client.post(
        url("course_detail", course.pk),
        {"starts_at": "2026-03-10T18:00", "place": "Lom bygdesenter"},
    )
    assert response.status_code == 302
    session = course.sessions.get()
    assert timezone.localtime(session.starts_at).hour == 18
    assert "Lom bygdesenter" in _html(client.get(url("course_detail", course.pk)))


def test_session_without_a_time_is_explained(client_of, coordinator_lom, lom):
    course = CourseFactory()
    response = client_of(coordinator_lom).post(url("course_detail", course.pk), {"place": "Lom"})
    assert "starts_at" in response.context["form"].errors
    assert not CourseSession.objects.exists()


# --- Completions for a session --------------------------------------------------------------


def test_completions_are_recorded_by_ticking_volunteers(client_of, coordinator_lom, lom_setup):
    session = lom_setup["session"]
    other = VolunteerFactory(user=UserFactory(full_name="Astrid Rustad"))
    response = client_of(coordinator_lom).post(
        url("session_completions", session.pk),
        {"volunteers": [lom_setup["volunteer"].pk, other.pk],
         "completed_on": timezone.localdate(session.starts_at).isoformat()},
    )  # fmt: skip
    assert response.status_code == 302
    assert set(CourseCompletion.objects.values_list("volunteer", flat=True)) == {
        lom_setup["volunteer"].pk,
        other.pk,
    }
    page = _html(client_of(coordinator_lom).get(url("session_completions", session.pk)))
    assert "already completed" in page or "har allerede fullført" in page


def test_completion_list_shows_only_active_volunteers_of_the_municipality_found_by_search(
    client_of, coordinator_lom, lom_setup
):
    VolunteerFactory(user=UserFactory(full_name="Kari Sulheim"))
    VolunteerFactory(user=UserFactory(full_name="Kari Sluttet"), left_at=timezone.now())
    VolunteerFactory(user=UserFactory(full_name="Kari Drammen"), municipality_id="3301")
    response = client_of(coordinator_lom).get(
        url("session_completions", lom_setup["session"].pk), {"q": "kari"}
    )
    names = [str(v) for v in response.context["page"].object_list]
    assert names == ["Kari Sulheim"]


def test_completions_refuse_a_volunteer_of_another_municipality(
    client_of, coordinator_lom, lom_setup
):
    outsider = VolunteerFactory(municipality_id="3301")
    response = client_of(coordinator_lom).post(
        url("session_completions", lom_setup["session"].pk),
        {"volunteers": [outsider.pk], "completed_on": "2026-01-01"},
    )
    assert response.status_code == 200
    assert "volunteers" in response.context["form"].errors
    assert not CourseCompletion.objects.exists()


def test_completion_in_the_future_is_refused_with_a_message(client_of, coordinator_lom, lom_setup):
    future = timezone.localdate() + datetime.timedelta(days=3)
    response = client_of(coordinator_lom).post(
        url("session_completions", lom_setup["session"].pk),
        {"volunteers": [lom_setup["volunteer"].pk], "completed_on": future.isoformat()},
    )
    assert response.context["form"].errors["completed_on"]
    assert not CourseCompletion.objects.exists()


def test_completion_page_queries_do_not_grow_with_the_volunteers(
    client_of, coordinator_lom, lom_setup, django_assert_max_num_queries
):
    for number in range(60):
        VolunteerFactory(user=UserFactory(full_name=f"Frivillig {number:02d}"))
    client = client_of(coordinator_lom)
    address = url("session_completions", lom_setup["session"].pk)
    client.get(address)
    with django_assert_max_num_queries(10):
        response = client.get(address, {"page": 1})
    assert len(response.context["page"].object_list) == 50


# --- A volunteer's roles, certificates and courses -----------------------------------------------


def test_coordinator_sees_readiness_and_the_forms(client_of, coordinator_lom, lom_setup):
    volunteer = lom_setup["volunteer"]
    response = client_of(coordinator_lom).get(url("volunteer_detail", volunteer.pk))
    page = _html(response)
    assert "Besøksvenn" in page
    assert url("certificate_record", lom_setup["holder"].pk) in page
    assert url("role_take_away", lom_setup["holder"].pk) in page
    assert url("completion_add", volunteer.pk) in page
    [row] = response.context["screening"]["roles"]
    assert [m.kind for m in row["readiness"].missing] == ["certificate", "course"]


def test_volunteer_contact_sees_readiness_but_no_forms(client_of, volunteer_contact_lom, lom_setup):
    volunteer = lom_setup["volunteer"]
    link_to_contacts_unit(volunteer, volunteer_contact_lom)  # a contact sees their units' ones
    response = client_of(volunteer_contact_lom).get(url("volunteer_detail", volunteer.pk))
    page = _html(response)
    assert "Besøksvenn" in page
    assert not response.context["screening"]["may_manage"]
    for name, pk in (("certificate_record", lom_setup["holder"].pk),
                     ("role_take_away", lom_setup["holder"].pk),
                     ("role_give", volunteer.pk), ("completion_add", volunteer.pk)):  # fmt: skip
        assert url(name, pk) not in page


def test_coordinator_records_a_certificate_check_and_the_volunteer_becomes_ready(
    client_of, coordinator_lom, lom_setup
):
    holder, volunteer = lom_setup["holder"], lom_setup["volunteer"]
    client = client_of(coordinator_lom)
    prefix = f"holder{holder.pk}"
    response = client.post(
        url("certificate_record", holder.pk),
        {f"{prefix}-kind": "ordinary", f"{prefix}-presented_on": "2026-01-05",
         f"{prefix}-approved": "yes"},
    )  # fmt: skip
    assert response.status_code == 302
    check = CertificateCheck.objects.get()
    assert (check.checked_by, check.approved) == (coordinator_lom, True)
    assert check.renew_by == datetime.date(2029, 1, 5)
    client.post(
        url("completion_add", volunteer.pk),
        {"completion-course": lom_setup["course"].pk, "completion-completed_on": "2026-01-06"},
    )
    response = client.get(url("volunteer_detail", volunteer.pk))
    [row] = response.context["screening"]["roles"]
    assert row["readiness"].ready
    page = _html(response)
    assert coordinator_lom.full_name in page  # checked by


def test_certificate_presented_in_the_future_is_explained(client_of, coordinator_lom, lom_setup):
    holder = lom_setup["holder"]
    prefix = f"holder{holder.pk}"
    future = timezone.localdate() + datetime.timedelta(days=1)
    response = client_of(coordinator_lom).post(
        url("certificate_record", holder.pk),
        {f"{prefix}-kind": "ordinary", f"{prefix}-presented_on": future.isoformat(),
         f"{prefix}-approved": "yes"},
    )  # fmt: skip
    assert response.status_code == 200
    assert response.context["form"].errors["presented_on"]
    assert not CertificateCheck.objects.exists()


def test_certificate_form_has_no_file_or_free_text(client_of, coordinator_lom, lom_setup):
    response = client_of(coordinator_lom).get(url("certificate_record", lom_setup["holder"].pk))
    form = response.context["form"]
    assert set(form.fields) == {"kind", "presented_on", "approved"}
    page = _html(response)
    assert 'type="file"' not in page and "<textarea" not in page
    assert "Samspill" in form.fields["approved"].help_text


def test_giving_a_role(client_of, coordinator_lom, lom_setup):
    driver = VolunteerRoleFactory(name="Sjåfør")
    volunteer = lom_setup["volunteer"]
    response = client_of(coordinator_lom).post(
        url("role_give", volunteer.pk), {"give-role": driver.pk}
    )
    assert response.url.endswith("#screening")
    assert RoleHolder.objects.filter(volunteer=volunteer, role=driver).exists()


def test_taking_a_role_away_asks_first_then_deletes_the_certificate_records(
    client_of, coordinator_lom, lom_setup
):
    holder = lom_setup["holder"]
    CertificateCheck.objects.create(
        holder=holder, kind="ordinary", presented_on="2026-01-05", approved=True
    )
    client = client_of(coordinator_lom)
    confirm = client.get(url("role_take_away", holder.pk))
    assert confirm.status_code == 200
    assert RoleHolder.objects.filter(pk=holder.pk).exists()
    assert "police certificate" in _html(confirm) or "politiattest" in _html(confirm)
    response = client.post(url("role_take_away", holder.pk))
    assert response.status_code == 302
    assert not RoleHolder.objects.filter(pk=holder.pk).exists()
    assert not CertificateCheck.objects.exists()


# --- Who may --------------------------------------------------------------------------------


def _screening_urls(setup, municipality=LOM):
    return [
        url("role_list", municipality=municipality),
        url("role_edit", setup["role"].pk, municipality=municipality),
        url("course_list", municipality=municipality),
        url("course_detail", setup["course"].pk, municipality=municipality),
        url("course_edit", setup["course"].pk, municipality=municipality),
        url("session_edit", setup["session"].pk, municipality=municipality),
        url("session_completions", setup["session"].pk, municipality=municipality),
        url("role_give", setup["volunteer"].pk, municipality=municipality),
        url("completion_add", setup["volunteer"].pk, municipality=municipality),
        url("certificate_record", setup["holder"].pk, municipality=municipality),
        url("role_take_away", setup["holder"].pk, municipality=municipality),
    ]


def test_another_municipalitys_coordinator_gets_404_everywhere(
    client_of, coordinator_drammen, lom_setup
):
    client = client_of(coordinator_drammen)
    lom_pages = _screening_urls(lom_setup)
    # Lom's objects under Drammen's own address are not found either.
    in_drammen = [
        address
        for address in _screening_urls(lom_setup, "3301")
        if not address.endswith(("/roles/", "/courses/"))  # Drammen's own lists
    ]
    data = {"name": "X", "give-role": lom_setup["role"].pk}
    for address in lom_pages + in_drammen:
        assert client.get(address).status_code == 404, address
        assert client.post(address, data).status_code == 404, address
    assert RoleHolder.objects.filter(pk=lom_setup["holder"].pk).exists()
    assert VolunteerRole.objects.count() == 1


def test_volunteer_contacts_cannot_write(client_of, volunteer_contact_lom, lom_setup):
    client = client_of(volunteer_contact_lom)
    holder = lom_setup["holder"]
    prefix = f"holder{holder.pk}"
    for address in _screening_urls(lom_setup):
        response = client.post(
            address,
            {"name": "X", f"{prefix}-kind": "ordinary", f"{prefix}-presented_on": "2026-01-05",
             f"{prefix}-approved": "yes"},
        )  # fmt: skip
        assert response.status_code == 404, address
    assert RoleHolder.objects.filter(pk=holder.pk).exists()
    assert not CertificateCheck.objects.exists()
    assert VolunteerRole.objects.count() == 1 and Course.objects.count() == 1


# --- The registry -----------------------------------------------------------------------------


def _names(response):
    return sorted(str(v) for v in response.context["page"].object_list)


@pytest.fixture
def registry_people(lom_setup, coordinator_lom):
    """Nils: in the role, missing certificate and course. Astrid: in the role and ready. Tor: no
    role. Kari: a driver, ready."""
    role = lom_setup["role"]
    astrid = VolunteerFactory(user=UserFactory(full_name="Astrid Rustad"))
    Signature.objects.create(volunteer=astrid, text=lom_setup["declaration"])
    holder = RoleHolder.objects.create(volunteer=astrid, role=role)
    CertificateCheck.objects.create(
        holder=holder, kind="ordinary", presented_on=timezone.localdate(), approved=True
    )
    CourseCompletion.objects.create(volunteer=astrid, course=lom_setup["course"])
    VolunteerFactory(user=UserFactory(full_name="Tor Vole"))
    kari = VolunteerFactory(user=UserFactory(full_name="Kari Sulheim"))
    Signature.objects.create(volunteer=kari, text=lom_setup["declaration"])
    RoleHolder.objects.create(volunteer=kari, role=VolunteerRoleFactory(name="Sjåfør"))
    return lom_setup


@pytest.mark.parametrize(
    "query, expected",
    [
        ({"role": "besøksvenn"}, ["Astrid Rustad", "Nils Brimi"]),
        ({"role": "besøksvenn", "readiness": "ready"}, ["Astrid Rustad"]),
        ({"role": "besøksvenn", "readiness": "missing"}, ["Nils Brimi"]),
        ({"readiness": "ready"}, ["Astrid Rustad", "Kari Sulheim"]),
        ({"readiness": "missing"}, ["Nils Brimi"]),
    ],
)
def test_registry_filters_on_role_and_readiness(
    client_of, coordinator_lom, registry_people, query, expected
):
    if query.get("role") == "besøksvenn":
        query = {**query, "role": registry_people["role"].pk}
    response = client_of(coordinator_lom).get(url("registry"), query)
    assert _names(response) == expected


def test_registry_refuses_another_municipalitys_role(client_of, coordinator_lom, registry_people):
    drammen_role = VolunteerRoleFactory(municipality_id="3301")
    response = client_of(coordinator_lom).get(url("registry"), {"role": drammen_role.pk})
    assert "role" in response.context["form"].errors
    assert _names(response) == []


def test_registry_shows_what_is_missing_for_each_role(client_of, coordinator_lom, registry_people):
    page = _html(client_of(coordinator_lom).get(url("registry")))  # in bokmål
    assert "Besøksvenn: <strong>en politiattest, kurset Introduksjonskurs</strong>" in page
    assert "Sjåfør: klar" in page


def test_registry_without_a_declaration_misses_none_for_the_roles(client_of, coordinator_lom, lom):
    """Nothing published to sign yet: a driver with nothing else required is ready."""
    kari = VolunteerFactory(user=UserFactory(full_name="Kari Sulheim"))
    RoleHolder.objects.create(volunteer=kari, role=VolunteerRoleFactory(name="Sjåfør"))
    page = _html(client_of(coordinator_lom).get(url("registry")))  # in bokmål
    assert "Sjåfør: klar" in page
    assert "taushetserklæring" not in page.split("<tbody>")[1]


def test_registry_readiness_costs_the_same_queries_for_any_number_of_volunteers(
    client_of, coordinator_lom, registry_people, django_assert_max_num_queries
):
    role = registry_people["role"]
    client = client_of(coordinator_lom)
    client.get(url("registry"))

    def measure():
        """Queries for two pages: missing something for any role; ready for one role."""
        with django_assert_max_num_queries(20) as any_role:
            response = client.get(url("registry"), {"readiness": "missing"})
        with django_assert_max_num_queries(18) as one_role:
            client.get(url("registry"), {"role": role.pk, "readiness": "ready"})
        return response, (len(any_role), len(one_role))

    _, before = measure()
    for number in range(60):
        volunteer = VolunteerFactory(user=UserFactory(full_name=f"Frivillig {number:02d}"))
        holder = RoleHolder.objects.create(volunteer=volunteer, role=role)
        CertificateCheck.objects.create(
            holder=holder, kind="limited", presented_on=timezone.localdate(), approved=True
        )
    response, after = measure()
    assert len(response.context["page"].object_list) == 50
    assert after == before


def test_export_keeps_the_role_filter(
    client_of, coordinator_lom, registry_people, django_capture_on_commit_callbacks
):
    client = client_of(coordinator_lom)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            url("registry_export"),
            {"role": registry_people["role"].pk, "readiness": "ready"},
        )
    record = GeneratedFile.objects.get()
    assert record.parameters == {
        "role": str(registry_people["role"].pk),
        "readiness": "ready",
        "format": "csv",
    }
    assert record.rows == 1


# --- The volunteer's own page -----------------------------------------------------------------


def test_volunteer_reads_in_plain_words_what_is_missing(client_of, lom_setup):
    volunteer = lom_setup["volunteer"]
    page = _html(client_of(volunteer.user).get(reverse("volunteers:own_page")))  # in bokmål
    assert "Før du kan begynne som Besøksvenn" in page
    assert "Frivillighetskoordinatoren må se politiattesten din (ordinær politiattest)" in page
    assert "Du må ta kurset Introduksjonskurs" in page


def test_volunteer_who_is_ready_is_told_so(client, lom_setup):
    volunteer, holder = lom_setup["volunteer"], lom_setup["holder"]
    CertificateCheck.objects.create(
        holder=holder, kind="ordinary", presented_on="2026-01-05", approved=True,
        renew_by="2029-01-05",
    )  # fmt: skip
    CourseCompletion.objects.create(volunteer=volunteer, course=lom_setup["course"])
    client.force_login(volunteer.user)
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    page = _html(client.get(reverse("volunteers:own_page")))
    assert "You are ready for your role as Besøksvenn." in page
    assert "Your police certificate must be renewed by" in page
    assert "Introduksjonskurs" in page
