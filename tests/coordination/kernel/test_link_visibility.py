"""Links are shown only to those who may open them (issue 10): the overview's "this month on
the annual wheel" and the wheel itself link an own event, a course, a forum meeting or an
agreement only for people who may open it; everyone else reads the title as plain text."""

import pytest
from django.urls import reverse
from django.utils import timezone

from coordination.kernel import permissions
from coordination.models import ForumMeeting
from coordination.wheel.services import wheel_items
from tests.factories import CourseFactory, WheelEventFactory, municipality
from volunteers.models import CourseSession

pytestmark = pytest.mark.django_db

LOM = "3434"


@pytest.fixture
def this_month(lom):
    today = timezone.localdate()
    event = WheelEventFactory(title="Frivillighetsfest", month=today.month, day=today.day)
    course = CourseFactory(name="Introduksjonskurs")
    CourseSession.objects.create(course=course, starts_at=timezone.now(), place="Lom")
    meeting = ForumMeeting.objects.create(
        municipality_id=LOM, starts_at=timezone.now(), place="Lom"
    )
    return {
        "event": reverse("coordination:wheel_event_edit", args=[LOM, event.pk]),
        "course": reverse("volunteers:course_detail", args=[LOM, course.pk]),
        "forum": reverse("coordination:forum_meeting_detail", args=[LOM, meeting.pk]),
    }


@pytest.mark.parametrize(
    "persona, linked",
    [
        ("coordinator_lom", {"event", "course", "forum"}),
        ("volunteer_contact_lom", {"forum"}),
    ],
)
def test_the_overview_links_this_months_wheel_items_only_for_those_who_may_open_them(
    client_of, request, this_month, persona, linked
):
    page = client_of(request.getfixturevalue(persona)).get(
        reverse("coordination:overview", args=[LOM])
    )
    html = page.content.decode()
    assert "Frivillighetsfest" in html and "Introduksjonskurs" in html  # titles for everyone
    assert {kind for kind, url in this_month.items() if url in html} == linked


@pytest.mark.parametrize("persona", ["volunteer_contact_lom", "applicant"])
def test_the_wheel_links_nothing_a_persona_cannot_open(client_of, request, this_month, persona):
    client = client_of(request.getfixturevalue(persona))
    html = client.get(reverse("coordination:wheel_detail", args=[LOM])).content.decode()
    for url in this_month.values():
        if url in html:
            assert client.get(url).status_code == 200, url


def test_wheel_items_keep_the_link_for_the_coordinator(coordinator_lom, this_month):
    items = wheel_items(municipality(LOM), timezone.localdate().year, user=coordinator_lom)
    assert set(this_month.values()) <= {item.url for item in items}


def test_may_open_follows_the_views_access_rule(coordinator_lom, volunteer_contact_lom, reviewer):
    wheel_event_list = reverse("coordination:wheel_event_list", args=[LOM])
    unit_list = reverse("coordination:unit_list", args=[LOM])
    assert permissions.may_open(coordinator_lom, wheel_event_list)
    assert not permissions.may_open(volunteer_contact_lom, wheel_event_list)
    assert permissions.may_open(volunteer_contact_lom, unit_list + "?page=2")
    assert not permissions.may_open(reviewer, unit_list)
    assert permissions.may_open(reviewer, reverse("coordination:privacy"))  # public
    assert permissions.may_open(reviewer, reverse("coordination:my_page"))  # logged in
    assert not permissions.may_open(reviewer, "/no/such/page/")
