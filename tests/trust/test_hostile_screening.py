"""The hostile-input guarantees of test_hostile_input.py for the screening forms: roles,
courses, sessions, completions, police certificate checks, giving a role and the registry's
role and readiness filters. Never a 500; refused input explained and nothing stored; stored
text shown only as text.

Ids are not known when hypothesis draws the data, so the strategies use placeholders (ROLE,
COURSE, …) that each test replaces with the real id before sending."""

import datetime

import pytest
from django.urls import reverse
from hypothesis import example, given

from tests.factories import CourseFactory, UserFactory, VolunteerFactory, VolunteerRoleFactory
from tests.trust.hostile import (
    MARKUP,
    assert_explained,
    assert_shown_only_as_text,
    client_for,
    few,
    form_data,
    get,
    nasty_text,
    post,
    resolve,
    rolled_back,
    rows,
    sometimes_valid,
)
from volunteers.models import (
    CertificateCheck,
    Course,
    CourseCompletion,
    CourseSession,
    RoleHolder,
    VolunteerRole,
)

pytestmark = pytest.mark.django_db

LOM = "3434"
SCREENING_TABLES = (
    VolunteerRole.objects.all(),
    VolunteerRole.required_courses.through.objects.all(),
    Course.objects.all(),
    CourseSession.objects.all(),
    CourseCompletion.objects.all(),
    RoleHolder.objects.all(),
    CertificateCheck.objects.all(),
)
DATES = ("2026-01-05", "2025-12-31", "2099-01-01", "05.01.2026")


def prefixed(data: dict, prefix: str, fields: tuple[str, ...]) -> dict:
    return {f"{prefix}-{k}" if k in fields else k: v for k, v in data.items()}


@pytest.fixture
def lom_objects(lom):
    role = VolunteerRoleFactory(name="Besøksvenn", certificate_kinds=["ordinary"])
    course = CourseFactory(name="Introduksjonskurs")
    volunteer = VolunteerFactory(user=UserFactory(full_name="Nils Brimi"))
    holder = RoleHolder.objects.create(volunteer=volunteer, role=role)
    session = CourseSession.objects.create(
        course=course, starts_at=datetime.datetime(2026, 1, 5, 17, tzinfo=datetime.UTC), place="Lom"
    )
    return {
        "ROLE": role.pk,
        "OTHER_ROLE": VolunteerRoleFactory(name="Sjåfør").pk,
        "DRAMMEN_ROLE": VolunteerRoleFactory(municipality_id="3301").pk,
        "COURSE": course.pk,
        "OTHER_COURSE": CourseFactory(name="Demensomsorg").pk,
        "DRAMMEN_COURSE": CourseFactory(municipality_id="3301").pk,
        "VOLUNTEER": volunteer.pk,
        "OTHER_VOLUNTEER": VolunteerFactory().pk,
        "DRAMMEN_VOLUNTEER": VolunteerFactory(municipality_id="3301").pk,
        "holder": holder,
        "session": session,
        "volunteer": volunteer,
    }


@few
@given(
    data=form_data(
        name=sometimes_valid("Sjåfør", "Besøksvenn", "Ny rolle <b>fet</b>"),
        interest=sometimes_valid("transport", ""),
        what_you_do=nasty_text,
        what_you_do_not_do=sometimes_valid("Gir medisiner", "Tar seg av <b>penger</b>"),
        requires_certificate=sometimes_valid("yes", "no", "maybe"),
        certificate_kinds=sometimes_valid("limited", "ordinary", "exhaustive"),
        certificate_legal_basis=nasty_text,
        certificate_valid_months=sometimes_valid("36", "0", "121", "-1", "1e3"),
        required_courses=sometimes_valid("COURSE", "OTHER_COURSE", "DRAMMEN_COURSE"),
    )
)
@example(data={"name": "Sjåfør", "required_courses": "DRAMMEN_COURSE"})
@example(data={"name": "besøksvenn"})
@example(data={"name": "Sjåfør", "certificate_valid_months": "12"})
def test_role_form_never_fails_and_stores_only_valid_roles(coordinator_lom, lom_objects, data):
    with rolled_back():
        before = rows(*SCREENING_TABLES)
        client = client_for(coordinator_lom)
        address = reverse("volunteers:role_list", args=[LOM])
        response = post(client, address, resolve(data, lom_objects))
        if response.status_code == 302:
            role = VolunteerRole.objects.order_by("-pk").first()
            role.full_clean()
            assert all(c.municipality_id == LOM for c in role.required_courses.all())
            page = get(client, reverse("volunteers:role_list", args=[LOM])).content.decode()
            assert_shown_only_as_text(page, role.name)
        else:
            assert_explained(response)
            assert rows(*SCREENING_TABLES) == before


@few
@given(
    data=form_data(
        name=sometimes_valid("Demenskurs", "Introduksjonskurs"),
        description=nasty_text,
        is_introductory=sometimes_valid("on"),
    )
)
def test_course_form_never_fails_and_shows_text_only_as_text(coordinator_lom, lom_objects, data):
    with rolled_back():
        before = rows(*SCREENING_TABLES)
        client = client_for(coordinator_lom)
        response = post(client, reverse("volunteers:course_list", args=[LOM]), data)
        if response.status_code == 302:
            course = Course.objects.order_by("-pk").first()
            page = get(client, response["Location"]).content.decode()
            assert_shown_only_as_text(page, course.name)
        else:
            assert_explained(response)
            assert rows(*SCREENING_TABLES) == before


@few
@given(
    data=form_data(
        starts_at=sometimes_valid("2026-03-10T18:00", "2026-03-10 18:00", "10.03.2026 18:00"),
        place=nasty_text,
    )
)
def test_session_form_never_fails(coordinator_lom, lom_objects, data):
    with rolled_back():
        before = rows(*SCREENING_TABLES)
        client = client_for(coordinator_lom)
        address = reverse("volunteers:course_detail", args=[LOM, lom_objects["COURSE"]])
        response = post(client, address, data)
        if response.status_code == 302:
            session = CourseSession.objects.order_by("-pk").first()
            assert_shown_only_as_text(get(client, address).content.decode(), session.place)
        else:
            assert_explained(response)
            assert rows(*SCREENING_TABLES) == before


@few
@given(
    data=form_data(
        kind=sometimes_valid("limited", "ordinary"),
        presented_on=sometimes_valid(*DATES),
        approved=sometimes_valid("yes", "no"),
    )
)
@example(data={"kind": "ordinary", "presented_on": "2099-01-01", "approved": "yes"})
@example(data={"kind": "ordinary", "presented_on": "2026-01-05", "approved": "yes",
               "comment": "<script>alert(1)</script>", "file": "politiattest.pdf"})  # fmt: skip
def test_certificate_form_never_fails_and_stores_nothing_but_the_check(
    coordinator_lom, lom_objects, data
):
    holder = lom_objects["holder"]
    data = prefixed(data, f"holder{holder.pk}", ("kind", "presented_on", "approved"))
    with rolled_back():
        before = rows(*SCREENING_TABLES)
        address = reverse("volunteers:certificate_record", args=[LOM, holder.pk])
        response = post(client_for(coordinator_lom), address, data)
        if response.status_code == 302:
            check = CertificateCheck.objects.get()
            assert check.checked_by == coordinator_lom
            assert check.kind in ("limited", "ordinary")
        else:
            assert_explained(response)
            assert rows(*SCREENING_TABLES) == before


@few
@given(
    data=form_data(
        course=sometimes_valid("COURSE", "OTHER_COURSE", "DRAMMEN_COURSE"),
        completed_on=sometimes_valid(*DATES),
    )
)
@example(data={"course": "DRAMMEN_COURSE", "completed_on": "2026-01-05"})
def test_single_completion_never_fails(coordinator_lom, lom_objects, data):
    volunteer = lom_objects["volunteer"]
    data = prefixed(resolve(data, lom_objects), "completion", ("course", "completed_on"))
    with rolled_back():
        before = rows(*SCREENING_TABLES)
        address = reverse("volunteers:completion_add", args=[LOM, volunteer.pk])
        response = post(client_for(coordinator_lom), address, data)
        if response.status_code == 302:
            completion = CourseCompletion.objects.get()
            assert completion.course.municipality_id == LOM
        else:
            assert_explained(response)
            assert rows(*SCREENING_TABLES) == before


@few
@given(data=form_data(role=sometimes_valid("ROLE", "OTHER_ROLE", "DRAMMEN_ROLE")))
@example(data={"role": "DRAMMEN_ROLE"})
@example(data={"role": "ROLE"})  # already held
def test_giving_a_role_never_fails_and_gives_only_the_municipalitys_roles(
    coordinator_lom, lom_objects, data
):
    volunteer = lom_objects["volunteer"]
    data = prefixed(resolve(data, lom_objects), "give", ("role",))
    with rolled_back():
        before = rows(*SCREENING_TABLES)
        address = reverse("volunteers:role_give", args=[LOM, volunteer.pk])
        response = post(client_for(coordinator_lom), address, data)
        if response.status_code == 302:
            assert RoleHolder.objects.filter(
                volunteer=volunteer, role_id=lom_objects["OTHER_ROLE"]
            ).exists()
        else:
            assert_explained(response)
            assert rows(*SCREENING_TABLES) == before


@few
@given(
    data=form_data(
        volunteers=sometimes_valid("VOLUNTEER", "OTHER_VOLUNTEER", "DRAMMEN_VOLUNTEER"),
        completed_on=sometimes_valid(*DATES),
    )
)
@example(data={"volunteers": ["VOLUNTEER", "DRAMMEN_VOLUNTEER"], "completed_on": "2026-01-05"})
@example(data={"volunteers": [str(n) for n in range(300)], "completed_on": "2026-01-05"})
def test_ticking_completions_never_fails_and_records_only_active_lom_volunteers(
    coordinator_lom, lom_objects, data
):
    session = lom_objects["session"]
    with rolled_back():
        before = rows(*SCREENING_TABLES)
        address = reverse("volunteers:session_completions", args=[LOM, session.pk])
        response = post(client_for(coordinator_lom), address, resolve(data, lom_objects))
        if response.status_code == 302:
            recorded = CourseCompletion.objects.select_related("volunteer")
            assert recorded and all(c.volunteer.municipality_id == LOM for c in recorded)
        else:
            assert_explained(response)
            assert rows(*SCREENING_TABLES) == before


@few
@given(data=form_data(q=nasty_text, page=sometimes_valid("1", "2", "99999999999999999999")))
def test_completion_search_never_fails(coordinator_lom, lom_objects, data):
    session = lom_objects["session"]
    address = reverse("volunteers:session_completions", args=[LOM, session.pk])
    assert get(client_for(coordinator_lom), address, data).status_code == 200


@few
@given(
    data=form_data(
        role=sometimes_valid("ROLE", "DRAMMEN_ROLE", ""),
        readiness=sometimes_valid("ready", "missing", ""),
    )
)
def test_registry_role_and_readiness_filters_never_fail(coordinator_lom, lom_objects, data):
    response = get(
        client_for(coordinator_lom),
        reverse("volunteers:registry", args=[LOM]),
        resolve(data, lom_objects),
    )
    assert response.status_code == 200
    if response.context["form"].errors:
        assert 'aria-invalid="true"' in response.content.decode()


@pytest.mark.parametrize("payload", [payload for payload, _live in MARKUP])
def test_markup_in_role_and_course_names_is_shown_only_as_text(
    client_of, coordinator_lom, lom_objects, payload
):
    role = VolunteerRole.objects.get(pk=lom_objects["ROLE"])
    role.name = payload[:100]
    role.save()
    Course.objects.filter(pk=lom_objects["COURSE"]).update(name=payload[:150])
    role.required_courses.add(lom_objects["COURSE"])
    volunteer = lom_objects["volunteer"]
    client = client_of(coordinator_lom)
    for address in (
        reverse("volunteers:volunteer_detail", args=[LOM, volunteer.pk]),
        reverse("volunteers:role_list", args=[LOM]),
        reverse("volunteers:registry", args=[LOM]),
        reverse("volunteers:role_take_away", args=[LOM, lom_objects["holder"].pk]),
    ):
        assert_shown_only_as_text(client.get(address).content.decode(), payload[:100])
    own = client_of(volunteer.user).get(reverse("volunteers:own_page")).content.decode()
    assert_shown_only_as_text(own, payload[:100])
