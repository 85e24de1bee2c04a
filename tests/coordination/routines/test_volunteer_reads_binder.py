"""Volunteers read the approved routines and the annual wheel of their municipality (seed 001:
"easy to reach for staff and volunteers", issue 10): the approved version only, never a draft
or the version history; reached from the volunteer's own page."""

import pytest
from django.urls import reverse
from django.utils import timezone

from coordination.routines import services as routine_services
from tests.factories import (
    CourseFactory,
    RoutineFactory,
    UserFactory,
    VolunteerFactory,
    WheelEventFactory,
)
from volunteers.models import CourseSession

pytestmark = pytest.mark.django_db

LOM = "3434"


def url(name, *args, number=LOM):
    return reverse(f"coordination:{name}", args=[number, *args])


@pytest.fixture
def astrid(lom):
    """An active volunteer in Lom with no role (no Membership)."""
    return VolunteerFactory(user=UserFactory(full_name="Astrid Rustad")).user


@pytest.fixture
def binder(coordinator_lom):
    """An approved routine with a newer draft version, and a routine that is only a draft."""
    approved = RoutineFactory(owner=coordinator_lom, approved=True, title="Velkomst")
    routine_services.edit_routine(
        routine=approved, by=coordinator_lom, title="Velkomst (nytt utkast)",
        body="Hemmelig utkast.", note="Utkast",
    )  # fmt: skip
    draft = RoutineFactory(owner=coordinator_lom, title="Bare et utkast")
    return {"approved": approved, "draft": draft}


def test_a_volunteer_reads_the_binder_with_approved_routines_only(client_of, astrid, binder):
    response = client_of(astrid).get(url("routine_list"))
    assert response.status_code == 200
    page = response.content.decode()
    assert "Velkomst" in page
    assert "nytt utkast" not in page and "Bare et utkast" not in page
    assert "venter på godkjenning" not in page.lower()  # no hint of the draft either


def test_a_volunteer_reads_the_approved_version_never_the_draft(client_of, astrid, binder):
    response = client_of(astrid).get(url("routine_detail", binder["approved"].pk))
    assert response.status_code == 200
    page = response.content.decode()
    assert "1. Slik gjør vi det." in page
    assert "Hemmelig utkast" not in page and "nytt utkast" not in page
    assert url("routine_versions", binder["approved"].pk) not in page  # no link to history


def test_a_draft_and_the_version_history_are_404_for_a_volunteer(client_of, astrid, binder):
    client = client_of(astrid)
    approved = binder["approved"]
    assert client.get(url("routine_detail", binder["draft"].pk)).status_code == 404
    assert client.get(url("routine_versions", approved.pk)).status_code == 404
    draft_version = approved.versions.order_by("-number").first()
    assert client.get(url("routine_version_detail", draft_version.pk)).status_code == 404
    assert client.get(url("routine_edit", approved.pk)).status_code == 404


def test_a_volunteer_reads_the_annual_wheel(client_of, astrid):
    WheelEventFactory(title="Frivillighetsfest", category="recognition", month=12)
    response = client_of(astrid).get(url("wheel_detail"))
    assert response.status_code == 200
    assert "Frivillighetsfest" in response.content.decode()


def test_the_wheel_shows_a_volunteer_titles_without_links_they_cannot_open(client_of, astrid):
    year = timezone.localdate().year
    event = WheelEventFactory(title="Frivillighetsfest", category="recognition", month=12)
    course = CourseFactory(name="Introduksjonskurs")
    CourseSession.objects.create(
        course=course, starts_at=f"{year}-03-10T18:00:00+01:00",
        place="Lom",
    )  # fmt: skip
    page = client_of(astrid).get(url("wheel_detail")).content.decode()
    assert "Frivillighetsfest" in page and "Introduksjonskurs" in page
    assert url("wheel_event_edit", event.pk) not in page
    assert reverse("volunteers:course_detail", args=[LOM, course.pk]) not in page


def test_another_municipality_and_a_volunteer_who_left_get_404(client_of, astrid, binder):
    client = client_of(astrid)
    assert client.get(url("routine_list", number="3301")).status_code == 404
    assert client.get(url("wheel_detail", number="3301")).status_code == 404
    astrid.volunteers.update(left_at=timezone.now())
    assert client.get(url("routine_list")).status_code == 404
    assert client.get(url("wheel_detail")).status_code == 404


def test_the_volunteers_own_page_links_to_the_binder_and_the_wheel(client_of, astrid):
    page = client_of(astrid).get(reverse("volunteers:own_page")).content.decode()
    assert url("routine_list") in page and url("wheel_detail") in page


def test_volunteers_get_no_staff_pages(client_of, astrid):
    client = client_of(astrid)
    for name in ("overview", "wheel_event_list", "routine_create", "unit_list"):
        assert client.get(url(name)).status_code == 404, name
