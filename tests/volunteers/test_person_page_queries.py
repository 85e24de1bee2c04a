"""The two pages about one person load what they show once: the coordinator's page about a
volunteer and the volunteer's own page run a fixed number of queries, however many roles,
notes, hours, invitations and assignments (of however many kinds of help) the person has."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from tests.factories import (
    AssignmentFactory,
    CourseFactory,
    HoursEntryFactory,
    InvitationFactory,
    NeedFactory,
    VolunteerFactory,
    VolunteerRoleFactory,
)
from volunteers.models import (
    CertificateCheck,
    CourseCompletion,
    Interest,
    RoleHolder,
    VolunteerNote,
)
from volunteers.profile import services as profile_services

pytestmark = pytest.mark.django_db

# The counts after issue 17. Before, here: 29 on the page about a volunteer, and on My page 49
# with one kind of help, 70 with four (readiness was loaded again for each kind).
DETAIL_QUERIES = 25
OWN_PAGE_QUERIES = 40

TEXT = "Jeg lover å ikke fortelle andre det jeg får vite om dem jeg hjelper, heller ikke senere."
KINDS = [Interest.VISITING_FRIEND, Interest.TRANSPORT, Interest.WALKS, Interest.DIGITAL_HELP]


@pytest.fixture
def own(volunteer, lom, coordinator_lom):
    profile_services.publish_declaration(municipality=lom, body=TEXT, by=coordinator_lom)
    return VolunteerFactory(user=volunteer, interests=["visiting_friend"])


def _grow(volunteer, coordinator, n: int, start: int) -> None:
    """``n`` more of everything the two pages list, of ``n`` different kinds of help."""
    today = timezone.localdate()
    for i in range(start, start + n):
        kind = KINDS[i % len(KINDS)]
        course = CourseFactory()
        role = VolunteerRoleFactory(interest=kind, certificate_kinds=["ordinary"])
        role.required_courses.add(course)
        holder = RoleHolder.objects.create(volunteer=volunteer, role=role)
        CertificateCheck.objects.create(
            holder=holder,
            kind="ordinary",
            presented_on=today - datetime.timedelta(days=i + 1),
            approved=True,
            checked_by=coordinator,
        )
        CourseCompletion.objects.create(volunteer=volunteer, course=course, completed_on=today)
        VolunteerNote.objects.create(volunteer=volunteer, text=f"Ringde {i}.")
        HoursEntryFactory(volunteer=volunteer)
        InvitationFactory(need=NeedFactory(kind=kind), volunteer=volunteer)
        AssignmentFactory(need=NeedFactory(kind=kind), volunteer=volunteer)


def _queries(client, url) -> tuple[int, str]:
    client.get(url)  # what a process reads once
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured), response.content.decode()


def test_the_page_about_a_volunteer_runs_a_fixed_number_of_queries(client_of, coordinator_lom, own):
    client = client_of(coordinator_lom)
    url = reverse("volunteers:volunteer_detail", args=["3434", own.pk])
    _grow(own, coordinator_lom, 1, 0)
    small, _html = _queries(client, url)
    _grow(own, coordinator_lom, 3, 1)
    large, html = _queries(client, url)
    assert html.count("Ringde") == 4 and html.count('id="role-') == 4
    assert small == large <= DETAIL_QUERIES


def test_my_page_runs_a_fixed_number_of_queries_whatever_the_kinds_of_help(
    client_of, volunteer, coordinator_lom, own
):
    client = client_of(volunteer)
    url = reverse("volunteers:own_page")
    _grow(own, coordinator_lom, 1, 0)
    small, _html = _queries(client, url)
    _grow(own, coordinator_lom, 3, 1)
    large, html = _queries(client, url)
    assert html.count("/volunteer/invitations/") == 4
    assert html.count("/volunteer/assignments/") == 4
    assert small == large <= OWN_PAGE_QUERIES
