"""The volunteer's side of a need: the invitation they answer, and the assignment page that
shows the person's details to them only while it runs."""

import json

import pytest
from django.urls import reverse

from coordination.models import AuditEvent
from tests.factories import AssignmentFactory, InvitationFactory, NeedFactory, VolunteerFactory
from volunteers.models import Assignment, InvitationStatus, NeedStatus
from volunteers.needs import services

pytestmark = pytest.mark.django_db

PERSON = {
    "person_name": "Olga Haugen",
    "person_phone": "61211234",
    "address": "Storvegen 2",
    "access_notes": "Nøkkelboks ved kjellerdøra",
    "home_care_contact": "Hjemmetjenesten sone nord",
    "considerations": "Hører dårlig",
    "contact_name": "Siri Haugen",
}


@pytest.fixture
def own(volunteer):
    return VolunteerFactory(user=volunteer, interests=["visiting_friend"])


@pytest.fixture
def invitation(own, coordinator_lom):
    need = NeedFactory(**PERSON, description="Tur på tirsdager", area="Garmo")
    return InvitationFactory(
        need=need, volunteer=own, invited_by=coordinator_lom, reasons=["bor i Garmo"]
    )


def _invitation_url(invitation):
    return reverse("volunteers:invitation", args=[invitation.pk])


def test_the_invitation_says_what_where_when_and_why_but_not_who(client_of, volunteer, invitation):
    html = client_of(volunteer).get(_invitation_url(invitation)).content.decode()
    assert "Tur på tirsdager" in html and "Garmo" in html and "bor i Garmo" in html
    for secret in PERSON.values():
        assert secret not in html


def test_accepting_shows_the_person_to_the_volunteer_and_audits_the_look(
    client_of, volunteer, invitation
):
    client = client_of(volunteer)
    response = client.post(_invitation_url(invitation), {"answer": "accept"})
    assignment = Assignment.objects.get()
    assert response["Location"] == reverse("volunteers:own_assignment", args=[assignment.pk])
    html = client.get(response["Location"]).content.decode()
    for secret in PERSON.values():
        assert secret in html
    assert AuditEvent.objects.filter(
        verb="viewed", actor=volunteer, object_id=str(invitation.need_id)
    ).exists()


def test_declining_leaves_no_assignment(client_of, volunteer, invitation):
    response = client_of(volunteer).post(
        _invitation_url(invitation), {"answer": "decline", "reason": "Bortreist"}
    )
    assert response["Location"] == reverse("volunteers:own_page")
    invitation.refresh_from_db()
    assert (invitation.status, invitation.decline_reason) == ("declined", "Bortreist")
    assert not Assignment.objects.exists()


def test_an_answer_without_a_button_is_explained(client_of, volunteer, invitation):
    response = client_of(volunteer).post(_invitation_url(invitation), {"reason": "hm"})
    assert response.status_code == 200
    assert response.context["form"].non_field_errors()
    invitation.refresh_from_db()
    assert invitation.status == InvitationStatus.PENDING


def test_answering_twice_is_explained_and_changes_nothing(client_of, volunteer, invitation):
    client = client_of(volunteer)
    client.post(_invitation_url(invitation), {"answer": "decline"})
    response = client.post(_invitation_url(invitation), {"answer": "accept"})
    assert response.status_code == 200
    assert "already answered" in response.content.decode() or "allerede svart" in (
        response.content.decode()
    )
    assert not Assignment.objects.exists()


def test_a_withdrawn_invitation_cannot_be_accepted(client_of, volunteer, invitation):
    invitation.status = InvitationStatus.WITHDRAWN
    invitation.save()
    response = client_of(volunteer).post(_invitation_url(invitation), {"answer": "accept"})
    assert response.status_code == 200
    assert not Assignment.objects.exists()


@pytest.mark.parametrize("persona", ["coordinator_lom", "volunteer_contact_lom", "applicant"])
def test_anyone_but_the_invited_volunteer_gets_404(request, client_of, invitation, persona):
    client = client_of(request.getfixturevalue(persona))
    assert client.get(_invitation_url(invitation)).status_code == 404
    assert client.post(_invitation_url(invitation), {"answer": "accept"}).status_code == 404
    invitation.refresh_from_db()
    assert invitation.status == InvitationStatus.PENDING
    assert not Assignment.objects.exists()


def test_another_volunteer_cannot_accept(client_of, invitation):
    other = VolunteerFactory(interests=["visiting_friend"])
    response = client_of(other.user).post(_invitation_url(invitation), {"answer": "accept"})
    assert response.status_code == 404
    assert not Assignment.objects.exists()


def test_the_person_is_hidden_once_the_assignment_has_ended(
    client_of, volunteer, own, coordinator_lom
):
    assignment = AssignmentFactory(volunteer=own, need=NeedFactory(**PERSON))
    url = reverse("volunteers:own_assignment", args=[assignment.pk])
    assert PERSON["access_notes"] in client_of(volunteer).get(url).content.decode()
    services.end_assignment(assignment=assignment, by=coordinator_lom, reason="not_needed")
    html = client_of(volunteer).get(url).content.decode()
    for secret in PERSON.values():
        assert secret not in html


def test_the_assignment_page_is_404_for_anyone_else(client_of, own, coordinator_lom):
    assignment = AssignmentFactory(volunteer=own, need=NeedFactory(**PERSON))
    url = reverse("volunteers:own_assignment", args=[assignment.pk])
    other = VolunteerFactory()
    for someone in (coordinator_lom, other.user):
        assert client_of(someone).get(url).status_code == 404


def test_the_own_page_lists_open_invitations_and_running_assignments(
    client_of, volunteer, own, invitation
):
    running = AssignmentFactory(volunteer=own, need=NeedFactory(area="Bøverdalen"))
    ended = AssignmentFactory(volunteer=own, need=NeedFactory(area="Skjåk"), status="ended")
    InvitationFactory(volunteer=own, need=NeedFactory(area="Vågå"), status="declined")
    html = client_of(volunteer).get(reverse("volunteers:own_page")).content.decode()
    assert _invitation_url(invitation) in html
    assert reverse("volunteers:own_assignment", args=[running.pk]) in html
    assert reverse("volunteers:own_assignment", args=[ended.pk]) not in html
    assert "Vågå" not in html
    assert PERSON["person_name"] not in html


def test_a_closed_need_cannot_be_accepted(client_of, volunteer, invitation):
    invitation.need.status = NeedStatus.CLOSED
    invitation.need.save()
    response = client_of(volunteer).post(_invitation_url(invitation), {"answer": "accept"})
    assert response.status_code == 200
    assert not Assignment.objects.exists()


def test_the_volunteers_data_download_holds_their_tasks_but_not_the_person(
    client_of, volunteer, own, invitation
):
    AssignmentFactory(volunteer=own, need=NeedFactory(**PERSON, area="Bøverdalen"))
    response = client_of(volunteer).get(reverse("coordination:my_data_download"))
    tasks = json.loads(response.content)["volunteer_tasks"]
    assert [(i["area"], i["status"]) for i in tasks["invitations"]] == [("Garmo", "pending")]
    assert [(a["area"], a["status"]) for a in tasks["assignments"]] == [("Bøverdalen", "active")]
    for secret in PERSON.values():
        assert secret not in response.content.decode()
