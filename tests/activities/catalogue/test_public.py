"""The public catalogue, its filters, an activity's page and proposing an activity."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from activities.models import Activity, ActivityStatus, SessionStatus
from tests.activities.factories import (
    ActivityFactory,
    PlaceFactory,
    SessionFactory,
    at,
    shipped_type,
)
from tests.factories import PartnerOrganisationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def english(client, settings):
    """The pages in English, so that a test reads the words it looks for."""
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"


def url(name="activities:catalogue", *args, number="3434"):
    return reverse(name, args=[number, *args])


def titles(response) -> list[str]:
    return [a.title for a in response.context["activities"]]


def next_weekday(weekday: int) -> datetime.date:
    """The next date with that weekday (0 Monday), at least a day ahead."""
    day = timezone.localdate() + datetime.timedelta(days=1)
    while day.weekday() != weekday:
        day += datetime.timedelta(days=1)
    return day


def test_catalogue_shows_published_activities_only(client, lom):
    shown = ActivityFactory(title="Fredagstreff i Bøverdalen", fee=0, transport_offered=True)
    ActivityFactory(title="Sjakk", status=ActivityStatus.PROPOSED)
    ActivityFactory(title="Gamal kafé", status=ActivityStatus.ARCHIVED)
    SessionFactory(activity=shown, starts_at=at(next_weekday(4), 11))
    response = client.get(url())
    assert response.status_code == 200
    assert titles(response) == ["Fredagstreff i Bøverdalen"]
    page = response.content.decode()
    assert "Free of charge" in page
    assert reverse("activities:calendar_month", args=["3434"]) in page
    assert reverse("activities:activity_propose", args=["3434"]) in page


def test_catalogue_says_the_fee_with_dignity(client, lom):
    ActivityFactory(title="Trim", fee=50, reduced_fee=20, free_places=True)
    page = client.get(url(), HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "NOK 50 each time" in page
    assert "Reduced price: NOK 20, for anyone who needs it. Nobody asks for proof." in page
    assert "Free places for those who need them" in page


def test_professional_offers_are_shown_apart(client, lom):
    ActivityFactory(title="Balansetrening", run_by_professionals=True)
    ActivityFactory(title="Fredagstreff")
    response = client.get(url())
    assert titles(response) == ["Fredagstreff", "Balansetrening"]


def test_filter_by_time_of_day(client, lom):
    morning = ActivityFactory(title="Formiddagstreff")
    evening = ActivityFactory(title="Kveldssong")
    weekend = ActivityFactory(title="Laurdagstur")
    ActivityFactory(title="Berre lista", listed_only=True, when_text="Tysdagar")
    SessionFactory(activity=morning, starts_at=at(next_weekday(1), 11))
    SessionFactory(activity=evening, starts_at=at(next_weekday(2), 18))
    SessionFactory(activity=weekend, starts_at=at(next_weekday(5), 12))
    cancelled = ActivityFactory(title="Avlyst")
    SessionFactory(
        activity=cancelled, starts_at=at(next_weekday(1), 11), status=SessionStatus.CANCELLED
    )
    assert titles(client.get(url(), {"time": "daytime"})) == ["Formiddagstreff"]
    assert titles(client.get(url(), {"time": "evening"})) == ["Kveldssong"]
    assert titles(client.get(url(), {"time": "weekend"})) == ["Laurdagstur"]
    assert len(titles(client.get(url()))) == 5


def test_filter_by_village(client, lom):
    ActivityFactory(title="Bøverdalen", place=PlaceFactory(area="Bøverdalen"))
    ActivityFactory(title="Sentrum", place=PlaceFactory(area="Lom sentrum"))
    response = client.get(url(), {"area": "Bøverdalen"})
    assert titles(response) == ["Bøverdalen"]
    assert "Bøverdalen" in [
        value for value, _label in response.context["filter"].fields["area"].choices
    ]


def test_filter_by_village_finds_meetings_held_there(client, lom):
    moving = ActivityFactory(title="Rullerande treff", place=PlaceFactory(area="Lom sentrum"))
    SessionFactory(activity=moving, place=PlaceFactory(area="Skjåk"))
    ActivityFactory(title="Sentrum", place=PlaceFactory(area="Lom sentrum"))
    response = client.get(url(), {"area": "Skjåk"})
    assert titles(response) == ["Rullerande treff"]


def test_filter_by_category(client, lom):
    ActivityFactory(title="Treff")
    ActivityFactory(title="Nettbrettkurs", activity_type=shipped_type_of("welfare_technology"))
    assert titles(client.get(url(), {"category": "welfare_technology"})) == ["Nettbrettkurs"]


def shipped_type_of(category: str):
    from activities.models import ActivityType

    return ActivityType.objects.filter(municipality=None, category=category).first()


def test_filter_by_transport_and_free(client, lom):
    ActivityFactory(title="Med skyss", transport_offered=True, fee=100)
    ActivityFactory(title="Gratis", fee=0)
    assert titles(client.get(url(), {"transport": "on"})) == ["Med skyss"]
    assert titles(client.get(url(), {"free": "on"})) == ["Gratis"]


def test_pagination_keeps_the_filter(client, lom):
    for n in range(22):
        ActivityFactory(title=f"Treff {n:02}", fee=0)
    page = client.get(url(), {"free": "on"}).content.decode()
    assert "free=on&amp;page=2" in page or "page=2&amp;free=on" in page


def test_catalogue_queries_do_not_grow_with_activities(client, lom):
    def count(n: int) -> int:
        Activity.objects.all().delete()
        partner = PartnerOrganisationFactory()
        for _ in range(n):
            activity = ActivityFactory(organiser=partner)
            activity.co_organisers.add(PartnerOrganisationFactory())
            SessionFactory(activity=activity)
        client.get(url())  # what the first request of a test reads once (the site, languages)
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url()).status_code == 200
        return len(queries)

    assert count(2) == count(12)


def test_detail_shows_sessions_and_sign_up(client, lom):
    activity = ActivityFactory(title="Fredagstreff", contact_phone="41234567")
    session = SessionFactory(activity=activity)
    page = client.get(url("activities:activity_detail", activity.pk)).content.decode()
    assert reverse("activities:session_sign_up", args=["3434", session.pk]) in page
    assert reverse("activities:activity_feed", args=["3434", activity.pk]) in page
    assert "41234567" in page


def test_detail_for_period_links_to_the_activitys_sign_up(client, lom):
    activity = ActivityFactory(
        enrolment="for_period",
        period_starts_on=timezone.localdate(),
        period_ends_on=timezone.localdate() + datetime.timedelta(days=90),
    )
    SessionFactory(activity=activity)
    page = client.get(url("activities:activity_detail", activity.pk)).content.decode()
    assert reverse("activities:activity_sign_up", args=["3434", activity.pk]) in page


@pytest.mark.parametrize("status", [ActivityStatus.PROPOSED, ActivityStatus.ARCHIVED])
def test_detail_404_unless_published(client, lom, status):
    activity = ActivityFactory(status=status)
    assert client.get(url("activities:activity_detail", activity.pk)).status_code == 404


def test_detail_404_in_another_municipality(client, lom):
    activity = ActivityFactory()
    response = client.get(url("activities:activity_detail", activity.pk, number="3301"))
    assert response.status_code == 404


def proposal(**more):
    return {
        "title": "Sjakk på biblioteket",
        "description": "Vi speler sjakk kvar torsdag.",
        "activity_type": shipped_type().pk,
        "when_text": "Torsdagar kl. 12",
        "proposed_by_name": "Olav Haugen",
        "proposed_by_phone": "412 34 567",
        "proposed_by_email": "",
        **more,
    }


def test_propose_creates_a_proposal_and_thanks(
    client, lom, coordinator_lom, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url("activities:activity_propose"), proposal(), follow=True)
    assert response.status_code == 200
    assert "activities/catalogue/propose_thanks.html" in [t.name for t in response.templates]
    made = Activity.objects.get()
    assert made.status == ActivityStatus.PROPOSED
    assert made.proposed_by_name == "Olav Haugen"
    assert len(mailoutbox) == 1


def test_propose_refuses_missing_and_long_text(client, coordinator_lom):
    response = client.post(
        url("activities:activity_propose"), proposal(title="x" * 151, proposed_by_name="")
    )
    assert response.status_code == 200
    assert {"title", "proposed_by_name"} <= set(response.context["form"].errors)
    assert not Activity.objects.exists()


def test_propose_trap_stores_nothing(client, coordinator_lom):
    response = client.post(url("activities:activity_propose"), proposal(website="http://spam"))
    assert response.status_code == 302
    assert not Activity.objects.exists()


def test_propose_without_a_coordinator_says_whom_to_ask(client, drammen):
    response = client.get(url("activities:activity_propose", number="3301"))
    assert response.context["form"] is None
    assert "does not use Samspill yet" in response.content.decode()
    post = client.post(url("activities:activity_propose", number="3301"), proposal())
    assert post.status_code == 200
    assert not Activity.objects.exists()
