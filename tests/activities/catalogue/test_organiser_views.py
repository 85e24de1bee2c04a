"""The organisers' pages: their activities, a new one, changing and ending one; and the
coordinator's proposals, activity types and places."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from activities.models import Activity, ActivityStatus, ActivityType, Place
from tests.activities.factories import ActivityFactory, PlaceFactory, SessionFactory, shipped_type
from tests.factories import PartnerOrganisationFactory

pytestmark = pytest.mark.django_db


def url(name, *args):
    return reverse(f"activities:{name}", args=["3434", *args])


def form_data(**more):
    data = {
        "title": "Fredagstreff",
        "description": "Kaffi og vafler.",
        "activity_type": shipped_type().pk,
        "fee": "0",
        "sign_up_web": "on",
        "enrolment": "per_session",
        "signup_deadline_hours": "24",
    }
    data.update(more)
    return data


def test_coordinator_sees_every_activity(client_of, coordinator_lom, partner):
    ActivityFactory(title="Kommunens treff")
    ActivityFactory(title="Laget sitt treff", organiser=partner)
    response = client_of(coordinator_lom).get(url("activity_list"))
    assert [a.title for a in response.context["activities"]] == [
        "Kommunens treff",
        "Laget sitt treff",
    ]


def test_representative_sees_own_organisations_activities(
    client_of, applicant, partner, other_partner
):
    ActivityFactory(title="Vårt", organiser=partner)
    ActivityFactory(title="Saman med oss", organiser=other_partner).co_organisers.add(partner)
    ActivityFactory(title="Andre sitt", organiser=other_partner)
    response = client_of(applicant).get(url("activity_list"))
    assert [a.title for a in response.context["activities"]] == ["Saman med oss", "Vårt"]


def test_activity_list_filters_by_status(client_of, coordinator_lom):
    ActivityFactory(title="Publisert")
    ActivityFactory(title="Avslutta", status=ActivityStatus.ARCHIVED)
    response = client_of(coordinator_lom).get(url("activity_list"), {"status": "archived"})
    assert [a.title for a in response.context["activities"]] == ["Avslutta"]


def test_volunteer_cannot_open_the_activity_list(client_of, volunteer):
    assert client_of(volunteer).get(url("activity_list")).status_code == 404


@pytest.mark.parametrize("name", ["activity_list", "proposal_list", "place_list"])
def test_list_queries_do_not_grow(client_of, coordinator_lom, name):
    def count(n: int) -> int:
        Activity.objects.all().delete()
        for _ in range(n):
            ActivityFactory(organiser=PartnerOrganisationFactory())
            ActivityFactory(status=ActivityStatus.PROPOSED, proposed_by_name="Olav")
        client = client_of(coordinator_lom)
        client.get(url(name))
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url(name)).status_code == 200
        return len(queries)

    assert count(2) == count(12)


def test_coordinator_creates_an_activity(client_of, coordinator_lom, partner):
    response = client_of(coordinator_lom).post(
        url("activity_create"), form_data(organiser=partner.pk, age_groups=["seventies"])
    )
    activity = Activity.objects.get()
    assert response.status_code == 302
    assert response["Location"] == url("activity_manage", activity.pk)
    assert activity.status == ActivityStatus.PUBLISHED
    assert activity.organiser == partner
    assert activity.age_groups == ["seventies"]


def test_create_shows_the_fee_error(client_of, coordinator_lom):
    response = client_of(coordinator_lom).post(
        url("activity_create"), form_data(fee="50", reduced_fee="80")
    )
    assert response.status_code == 200
    assert "reduced_fee" in response.context["form"].errors
    assert b"error-summary" in response.content
    assert not Activity.objects.exists()


def test_representatives_organiser_is_their_own(client_of, applicant, partner, other_partner):
    client = client_of(applicant)
    form = client.get(url("activity_create")).context["form"]
    assert list(form.fields["organiser"].queryset) == [partner]
    response = client.post(url("activity_create"), form_data(organiser=other_partner.pk))
    assert response.status_code == 200
    assert "organiser" in response.context["form"].errors
    client.post(url("activity_create"), form_data(organiser=partner.pk))
    assert Activity.objects.get().organiser == partner


def test_manage_page_links_to_schedule_sessions_and_evaluation(client_of, applicant, partner):
    activity = ActivityFactory(organiser=partner)
    session = SessionFactory(activity=activity)
    page = client_of(applicant).get(url("activity_manage", activity.pk)).content.decode()
    for link in (
        url("activity_edit", activity.pk),
        url("schedule_create", activity.pk),
        url("session_create", activity.pk),
        url("session_detail", session.pk),
        url("activity_evaluation", activity.pk),
        url("activity_archive", activity.pk),
    ):
        assert link in page


@pytest.mark.parametrize("name", ["activity_manage", "activity_edit", "activity_archive"])
def test_representative_cannot_run_anothers_activity(
    client_of, applicant, partner, other_partner, name
):
    activity = ActivityFactory(organiser=other_partner)
    assert client_of(applicant).get(url(name, activity.pk)).status_code == 404


def test_another_municipalitys_activity_is_404(client_of, coordinator_drammen):
    activity = ActivityFactory()
    response = client_of(coordinator_drammen).get(
        reverse("activities:activity_manage", args=["3301", activity.pk])
    )
    assert response.status_code == 404


def test_edit_saves_changes(client_of, coordinator_lom):
    activity = ActivityFactory(title="Gamalt namn")
    response = client_of(coordinator_lom).post(
        url("activity_edit", activity.pk), form_data(title="Nytt namn", place=activity.place_id)
    )
    assert response.status_code == 302
    activity.refresh_from_db()
    assert activity.title == "Nytt namn"


def test_end_and_publish_again(client_of, coordinator_lom):
    activity = ActivityFactory()
    client = client_of(coordinator_lom)
    assert client.get(url("activity_archive", activity.pk)).status_code == 200
    client.post(url("activity_archive", activity.pk))
    activity.refresh_from_db()
    assert activity.status == ActivityStatus.ARCHIVED
    assert (
        client.get(reverse("activities:activity_detail", args=["3434", activity.pk])).status_code
        == 404
    )
    client.post(url("activity_republish", activity.pk))
    activity.refresh_from_db()
    assert activity.status == ActivityStatus.PUBLISHED


# --- the coordinator's pages ---


def test_proposal_list_shows_the_proposers_phone(client_of, coordinator_lom):
    ActivityFactory(
        status=ActivityStatus.PROPOSED, proposed_by_name="Olav Haugen", proposed_by_phone="41234567"
    )
    page = client_of(coordinator_lom).get(url("proposal_list")).content.decode()
    assert "Olav Haugen" in page
    assert "tel:41234567" in page


def test_representative_cannot_see_proposals(client_of, applicant, partner):
    assert client_of(applicant).get(url("proposal_list")).status_code == 404


def test_approve_a_proposal(client_of, coordinator_lom, partner):
    proposal = ActivityFactory(
        status=ActivityStatus.PROPOSED, published_at=None, proposed_by_name="Olav"
    )
    response = client_of(coordinator_lom).post(
        url("proposal_decide", proposal.pk),
        form_data(decision="approve", title="Sjakk", organiser=partner.pk, place=proposal.place_id),
    )
    assert response.status_code == 302
    proposal.refresh_from_db()
    assert proposal.status == ActivityStatus.PUBLISHED
    assert proposal.organiser == partner


def test_decline_a_proposal_with_a_reason(client_of, coordinator_lom):
    proposal = ActivityFactory(status=ActivityStatus.PROPOSED, published_at=None)
    client = client_of(coordinator_lom)
    response = client.post(url("proposal_decide", proposal.pk), {"decision": "decline"})
    assert "decline_reason" in response.context["form"].errors
    client.post(
        url("proposal_decide", proposal.pk), {"decision": "decline", "decline_reason": "Ikkje rom."}
    )
    proposal.refresh_from_db()
    assert proposal.status == ActivityStatus.DECLINED
    assert proposal.decline_reason == "Ikkje rom."


def test_an_answered_proposal_is_404(client_of, coordinator_lom):
    activity = ActivityFactory()
    assert client_of(coordinator_lom).get(url("proposal_decide", activity.pk)).status_code == 404


def test_activity_types_add_and_rename(client_of, coordinator_lom):
    client = client_of(coordinator_lom)
    page = client.get(url("activity_type_list"))
    assert str(shipped_type()) in page.content.decode()
    client.post(url("activity_type_list"), {"add-category": "social", "add-name": "Slåttedans"})
    kind = ActivityType.objects.get(municipality="3434")
    assert kind.name_nb == "Slåttedans"
    client.post(url("activity_type_list") + f"?rename={kind.pk}", {"rename-name": "Bygdedans"})
    kind.refresh_from_db()
    assert kind.name_nb == "Bygdedans"


def test_shipped_type_cannot_be_renamed_by_the_page(client_of, coordinator_lom):
    response = client_of(coordinator_lom).get(
        url("activity_type_list") + f"?rename={shipped_type().pk}"
    )
    assert response.status_code == 404


def test_places_create_and_archive(client_of, coordinator_lom):
    client = client_of(coordinator_lom)
    client.post(
        url("place_create"), {"name": "Skjåk grendehus", "kind": "village_hall", "area": "Skjåk"}
    )
    place = Place.objects.get(name="Skjåk grendehus")
    client.post(
        url("place_edit", place.pk),
        {"name": "Skjåk grendehus", "kind": "village_hall", "area": "Skjåk", "archived": "on"},
    )
    place.refresh_from_db()
    assert place.archived
    assert place not in client.get(url("place_list")).context["places"]


def test_representative_cannot_edit_places(client_of, applicant, partner):
    place = PlaceFactory()
    assert client_of(applicant).get(url("place_edit", place.pk)).status_code == 404


def test_co_organisers_representative_sees_the_organiser_fixed(
    client_of, applicant, partner, other_partner
):
    activity = ActivityFactory(organiser=other_partner)
    activity.co_organisers.add(partner)
    client = client_of(applicant)
    form = client.get(url("activity_edit", activity.pk)).context["form"]
    assert form.fields["organiser"].disabled
    client.post(
        url("activity_edit", activity.pk),
        form_data(title="Nytt namn", organiser=partner.pk, place=activity.place_id),
    )
    activity.refresh_from_db()
    assert activity.title == "Nytt namn"
    assert activity.organiser == other_partner


def test_a_place_no_longer_in_use_cannot_be_chosen_for_a_new_activity(client_of, coordinator_lom):
    in_use = PlaceFactory(name="Grendehuset")
    PlaceFactory(name="Gamle skulen", archived=True)
    form = client_of(coordinator_lom).get(url("activity_create")).context["form"]
    assert list(form.fields["place"].queryset) == [in_use]
