"""What the catalogue adds to the shared pages: the overview's links, the dashboard's panel (every
number a link to its list), My page for a partner representative, the municipality's page."""

import pytest
from django.urls import reverse

from activities.models import ActivityStatus
from tests.activities.factories import ActivityFactory

pytestmark = pytest.mark.django_db


def test_dashboard_counts_link_to_their_lists(client_of, coordinator_lom):
    ActivityFactory(transport_offered=True)
    ActivityFactory()
    ActivityFactory(status=ActivityStatus.PROPOSED)
    page = client_of(coordinator_lom, language="en").get(
        reverse("coordination:overview", args=["3434"])
    )
    html = page.content.decode()
    activities = reverse("activities:activity_list", args=["3434"])
    assert f'href="{activities}?status=published"><span class="dashboard-number">2</span>' in html
    assert (
        f'href="{activities}?status=published&amp;transport=1">'
        '<span class="dashboard-number">1</span>' in html
    )
    proposals = reverse("activities:proposal_list", args=["3434"])
    assert f'href="{proposals}"><span class="dashboard-number">1</span>' in html


def test_transport_link_of_the_panel_lists_those_with_transport(client_of, coordinator_lom):
    ActivityFactory(title="Med skyss", transport_offered=True)
    ActivityFactory(title="Utan skyss")
    response = client_of(coordinator_lom).get(
        reverse("activities:activity_list", args=["3434"]),
        {"status": "published", "transport": "1"},
    )
    assert [a.title for a in response.context["activities"]] == ["Med skyss"]


def test_representative_finds_their_activities_on_my_page(client_of, applicant, partner):
    page = client_of(applicant, language="en").get(reverse("coordination:my_page"), follow=True)
    assert reverse("activities:activity_list", args=["3434"]) in page.content.decode()
    assert "Activities your organisation runs" in page.content.decode()


def test_volunteer_sees_no_organiser_panel(client_of, volunteer):
    page = client_of(volunteer, language="en").get(reverse("coordination:my_page"), follow=True)
    assert "Activities your organisation runs" not in page.content.decode()


def test_municipality_page_links_to_the_catalogue(client, coordinator_lom):
    page = client.get(reverse("coordination:municipality_detail", args=["3434"]))
    assert reverse("activities:catalogue", args=["3434"]) in page.content.decode()
