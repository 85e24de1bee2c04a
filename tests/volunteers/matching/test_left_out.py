"""Matching says who was left out and why: counts per hard rule, in one aggregate query, shown
on the need page with the way to fix each (issue 10). The need page shows its proposals first
and fetches the counts after it (htmx, issue 17); without JavaScript they are a page of their
own."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from tests.factories import (
    AssignmentFactory,
    CourseFactory,
    InvitationFactory,
    NeedFactory,
    UserFactory,
    VolunteerFactory,
    VolunteerRoleFactory,
)
from volunteers.matching import ranking as matching
from volunteers.models import (
    AssignmentStatus,
    CertificateCheck,
    CourseCompletion,
    DeclarationText,
    Frequency,
    NeedStatus,
    RoleHolder,
    Signature,
)

pytestmark = pytest.mark.django_db


def _volunteer(name, **fields):
    fields.setdefault("interests", ["visiting_friend"])
    return VolunteerFactory(user=UserFactory(full_name=name), **fields)


def _left(need):
    return matching.left_out(matching.MatchRequest.for_need(need))


@pytest.fixture
def role_with_course():
    """A visiting-friend role requiring a limited certificate and a course, and a declaration."""
    role = VolunteerRoleFactory(certificate_kinds=["limited"])
    course = CourseFactory(name="Introduksjonskurs")
    role.required_courses.add(course)
    text = DeclarationText.objects.create(municipality_id="3434", version=1, body="x" * 60)
    return role, course, text


def _ready(volunteer, role, course, text, *, certificate=True):
    holder = RoleHolder.objects.create(volunteer=volunteer, role=role)
    Signature.objects.create(volunteer=volunteer, text=text)
    CourseCompletion.objects.create(volunteer=volunteer, course=course)
    if certificate:
        CertificateCheck.objects.create(
            holder=holder,
            kind="limited",
            presented_on=timezone.localdate() - timedelta(days=10),
            approved=True,
        )
    return holder


def test_each_hard_rule_counts_those_it_leaves_out(role_with_course):
    role, course, text = role_with_course
    ready = _volunteer("Ready")
    _ready(ready, role, course, text)
    no_course = _volunteer("No Course")
    holder = _ready(no_course, role, course, text)
    CourseCompletion.objects.filter(volunteer=no_course).delete()
    for n in range(2):  # in the role, trained and signed, but no police certificate
        _ready(_volunteer(f"No Certificate {n}"), role, course, text, certificate=False)
    unsigned = _volunteer("Unsigned")
    _ready(unsigned, role, course, text)
    Signature.objects.filter(volunteer=unsigned).delete()
    far = _volunteer("Far Away", area="Bøverdalen", willing_to_travel=False)
    _ready(far, role, course, text)
    _volunteer("Not In Role")  # also: no declaration, no course
    _volunteer("Digital Only", interests=["digital_help"])  # not wanted: not counted at all
    assert holder.pk

    left = _left(NeedFactory(area="Lom sentrum"))
    assert left.considered == 7
    assert left.total == 6
    assert left.reasons == {
        "role": 1,
        "declaration": 2,  # Unsigned, Not In Role
        f"course:{course.pk}": 2,  # No Course, Not In Role
        "certificate": 2,
        "area": 1,
    }
    assert [p.volunteer for p in matching.propose_for_need(NeedFactory())] == [ready]


def test_times_car_gender_consent_and_load_are_counted():
    _volunteer("Daytime Only")  # the factory's volunteer helps on weekdays
    _volunteer("Not Consented", consented=False, evenings=True)
    busy = _volunteer("Busy", evenings=True, can_drive=True, has_car=True, gender="woman")
    busy.frequency = Frequency.NOW_AND_THEN
    busy.save()
    InvitationFactory(volunteer=busy)
    _volunteer("Fits", evenings=True, can_drive=True, has_car=True, gender="woman")
    need = NeedFactory(
        weekday_daytime=False, evenings=True, needs_driver=True, gender_preference="woman"
    )
    left = _left(need)
    assert (left.considered, left.total) == (4, 3)
    assert left.reasons == {"consent": 1, "times": 1, "car": 2, "gender": 2, "busy": 1}


def test_those_already_asked_are_neither_proposed_nor_left_out():
    asked = _volunteer("Asked")
    need = NeedFactory()
    InvitationFactory(need=need, volunteer=asked)
    assert (_left(need).considered, _left(need).total) == (0, 0)


def test_the_counts_are_one_aggregate_whatever_the_number_of_volunteers(
    django_assert_max_num_queries, role_with_course
):
    def count_for(volunteers: int) -> tuple[int, int]:
        for n in range(volunteers):
            _volunteer(f"Volunteer {n}", area="Garmo" if n % 2 else "Lom sentrum")
        request = matching.MatchRequest.for_need(NeedFactory())
        # the role, its courses and the declaration are read; then one aggregate
        with django_assert_max_num_queries(6) as queries:
            left = matching.left_out(request)
        aggregates = [q for q in queries.captured_queries if "SUM(" in q["sql"]]
        assert len(aggregates) == 1
        return left.reasons["role"], len(queries.captured_queries)

    few, queries_for_few = count_for(3)
    many, queries_for_many = count_for(22)
    assert (few, many) == (3, 25)
    assert queries_for_few == queries_for_many


def _fetched_after_the_page(client, need) -> str:
    """What the need page's browser fetches after the page: the URL the page names, by htmx."""
    page = client.get(reverse("volunteers:need_detail", args=["3434", need.pk])).content.decode()
    url = reverse("volunteers:need_left_out", args=["3434", need.pk])
    assert f'data-hx-get="{url}"' in page
    return client.get(url, headers={"HX-Request": "true"}).content.decode()


def test_the_need_page_says_who_was_left_out_and_how_to_fix_it(
    client_of, coordinator_lom, role_with_course, settings
):
    role, course, text = role_with_course
    for n in range(3):
        _volunteer(f"No Course {n}")
        _ready(_volunteer(f"Trained {n}"), role, course, text, certificate=False)
    need = NeedFactory()
    client = client_of(coordinator_lom, language="en")
    page = _fetched_after_the_page(client, need)
    assert "6 volunteers would like to do this kind of help" in page
    assert "3 have not done the course Introduksjonskurs" in page
    assert reverse("volunteers:course_detail", args=["3434", course.pk]) in page
    assert f"3 are missing an approved police certificate for the role {role.name}" in page
    assert "readiness=missing" in page and f"role={role.pk}" in page
    assert "3 have not signed the confidentiality declaration" in page
    assert "declaration=missing" in page


def test_one_left_out_is_said_in_the_singular(client_of, coordinator_lom, settings):
    _volunteer("Far", area="Bøverdalen", willing_to_travel=False)
    need = NeedFactory()
    client = client_of(coordinator_lom, language="en")
    page = _fetched_after_the_page(client, need)
    assert "1 volunteer would like to do this kind of help" in page
    assert "1 of them was left out" in page
    assert "1 lives in another area and does not travel." in page


def test_the_figures_agree_with_who_is_proposed(role_with_course):
    """Those considered and not left out are exactly the ones matching proposes; load counts
    running assignments and open invitations only, and a readiness past its date is not."""
    role, course, text = role_with_course
    fits = _volunteer("Fits", frequency=Frequency.WEEKLY)
    _ready(fits, role, course, text)
    for _n in range(2):  # two running tasks: room for a third
        AssignmentFactory(volunteer=fits)
    full = _volunteer("Full", frequency=Frequency.WEEKLY)
    _ready(full, role, course, text)
    for _n in range(2):
        AssignmentFactory(volunteer=full)
    InvitationFactory(volunteer=full)
    done = _volunteer("Done Before", frequency=Frequency.NOW_AND_THEN)
    _ready(done, role, course, text)
    AssignmentFactory(volunteer=done, status=AssignmentStatus.ENDED)
    lapsed = _volunteer("Lapsed")
    _ready(lapsed, role, course, text)
    # Stored as ready until yesterday; the nightly job has not rewritten it yet.
    RoleHolder.objects.filter(volunteer=lapsed).update(
        ready=True, ready_until=timezone.localdate() - timedelta(days=1)
    )
    switched_off = _volunteer("Switched Off")
    switched_off.user.is_active = False
    switched_off.user.save()
    by_phone = VolunteerFactory(user=None, interests=["visiting_friend"])
    _ready(by_phone, role, course, text)

    need = NeedFactory()
    left = _left(need)
    proposed = {p.volunteer for p in matching.propose_for_need(need, limit=50)}
    assert proposed == {fits, done, by_phone}
    assert left.considered == 5  # not the one whose login is switched off
    assert left.considered - left.total == len(proposed)
    assert left.reasons == {"busy": 1, "certificate": 1}


def test_the_counts_ask_as_many_queries_whatever_the_number_of_volunteers(
    client_of, coordinator_lom, role_with_course
):
    role, course, text = role_with_course
    need = NeedFactory()
    client = client_of(coordinator_lom, language="en")
    url = reverse("volunteers:need_left_out", args=["3434", need.pk])

    def queries_with(volunteers: int) -> tuple[int, str]:
        for n in range(volunteers):
            volunteer = _volunteer(f"Volunteer {n}", evenings=bool(n % 2))
            _ready(volunteer, role, course, text, certificate=bool(n % 3))
            _volunteer(f"Not In Role {n}")
        client.get(url, headers={"HX-Request": "true"})  # the session and caches settle
        with CaptureQueriesContext(connection) as queries:
            page = client.get(url, headers={"HX-Request": "true"})
        assert page.status_code == 200
        return len(queries.captured_queries), page.content.decode()

    few, page_few = queries_with(2)
    many, page_many = queries_with(12)
    assert "4 volunteers would like to do this kind of help" in page_few
    assert "28 volunteers would like to do this kind of help" in page_many
    assert "14 do not have the role" in page_many
    assert few == many


def test_the_need_page_shows_the_proposals_without_waiting_for_the_counts(
    client_of, coordinator_lom
):
    """The page holds a polite live region that fetches the counts once the page is there (no
    focusable element in it is replaced), and a plain link for a browser without JavaScript;
    the page itself runs no count."""
    fits = _volunteer("Fits Well")
    _volunteer("Far", area="Bøverdalen", willing_to_travel=False)
    need = NeedFactory()
    client = client_of(coordinator_lom, language="en")
    with CaptureQueriesContext(connection) as queries:
        response = client.get(reverse("volunteers:need_detail", args=["3434", need.pk]))
    page = response.content.decode()
    assert [p.volunteer for p in response.context["proposals"]] == [fits]
    assert not [q for q in queries.captured_queries if "SUM(" in q["sql"]]
    assert "1 lives in another area" not in page
    url = reverse("volunteers:need_left_out", args=["3434", need.pk])
    region = page[page.index('id="left-out"') :]
    region = region[: region.index("</div>")]
    assert 'aria-live="polite"' in region and 'data-hx-trigger="load"' in region
    assert f'data-hx-get="{url}"' in region
    assert f'<noscript><p><a href="{url}">See who was left out, and why</a>' in region


def test_without_javascript_the_counts_are_a_page_of_their_own(client_of, coordinator_lom):
    _volunteer("Far", area="Bøverdalen", willing_to_travel=False)
    need = NeedFactory()
    client = client_of(coordinator_lom, language="en")
    url = reverse("volunteers:need_left_out", args=["3434", need.pk])
    whole = client.get(url)
    part = client.get(url, headers={"HX-Request": "true"})
    for response in (whole, part):
        assert "1 lives in another area and does not travel." in response.content.decode()
        assert "HX-Request" in response["Vary"]
    assert "<h1>Who was left out, and why</h1>" in whole.content.decode()
    assert reverse("volunteers:need_detail", args=["3434", need.pk]) in whole.content.decode()
    assert "<html" not in part.content.decode() and "<h1" not in part.content.decode()


def test_only_a_coordinator_of_the_need_sees_the_counts(
    client_of, coordinator_lom, coordinator_drammen, volunteer_contact_lom
):
    need = NeedFactory()
    url = reverse("volunteers:need_left_out", args=["3434", need.pk])
    assert client_of(coordinator_lom).get(url).status_code == 200
    for other in (volunteer_contact_lom, coordinator_drammen):
        assert client_of(other).get(url, headers={"HX-Request": "true"}).status_code == 404
    elsewhere = NeedFactory(municipality_id="3301")
    elsewhere_url = reverse("volunteers:need_left_out", args=["3434", elsewhere.pk])
    assert client_of(coordinator_lom).get(elsewhere_url).status_code == 404


def test_a_closed_need_has_no_counts_and_leads_back(client_of, coordinator_lom):
    need = NeedFactory(status=NeedStatus.CLOSED)
    url = reverse("volunteers:need_left_out", args=["3434", need.pk])
    response = client_of(coordinator_lom).get(url)
    assert response.status_code == 302
    assert response["Location"] == reverse("volunteers:need_detail", args=["3434", need.pk])
