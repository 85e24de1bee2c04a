"""The needs pages of coordinators and volunteer contacts: the list, reporting, the need page,
steps, invitations, follow-ups and the pairing page."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from coordination.models import AuditEvent
from tests.factories import (
    AssignmentFactory,
    InvitationFactory,
    NeedFactory,
    VolunteerFactory,
)
from volunteers.models import (
    Assignment,
    FollowUp,
    Invitation,
    InvitationStatus,
    Need,
    NeedSource,
    NeedStatus,
    NeedStep,
)

pytestmark = pytest.mark.django_db

LIST = reverse("volunteers:need_list", args=["3434"])
REPORT = reverse("volunteers:need_report", args=["3434"])
TODAY = timezone.localdate()
PERSON = {
    "person_name": "Olga Haugen",
    "person_phone": "61211234",
    "address": "Storvegen 2",
    "access_notes": "Nøkkelboks ved kjellerdøra",
    "home_care_contact": "Hjemmetjenesten sone nord",
    "considerations": "Hører dårlig",
}


def _url(name, *args):
    return reverse(f"volunteers:{name}", args=["3434", *args])


def _need(**fields):
    return NeedFactory(**{**PERSON, **fields})


# --- the list -------------------------------------------------------------------------------


def test_the_list_shows_the_needs_but_never_the_person(client_of, volunteer_contact_lom):
    _need(area="Bøverdalen", status=NeedStatus.MAPPED)
    NeedFactory(municipality_id="3301", area="Konnerud")
    response = client_of(volunteer_contact_lom).get(LIST)
    html = response.content.decode()
    assert [n.area for n in response.context["page"].object_list] == ["Bøverdalen"]
    assert "Mapped in a conversation" in html or "Kartlagt" in html
    for secret in PERSON.values():
        assert secret not in html


def test_the_list_filters_by_step_and_kind_and_counts_each_step(client_of, coordinator_lom):
    _need(area="A", status=NeedStatus.REPORTED)
    _need(area="B", status=NeedStatus.REPORTED, kind="transport")
    _need(area="C", status=NeedStatus.CLOSED)
    client = client_of(coordinator_lom)
    response = client.get(LIST, {"step": "reported"})
    assert sorted(n.area for n in response.context["page"].object_list) == ["A", "B"]
    counts = {value: n for value, _label, n in response.context["steps"]}
    assert (counts["reported"], counts["closed"], counts["mapped"]) == (2, 1, 0)
    assert 'href="?step=closed"' in response.content.decode()
    response = client.get(LIST, {"step": "reported", "kind": "transport"})
    assert [n.area for n in response.context["page"].object_list] == ["B"]


def test_an_invalid_filter_lists_nothing_and_says_why(client_of, coordinator_lom):
    _need()
    response = client_of(coordinator_lom).get(LIST, {"step": "nonsense"})
    assert list(response.context["page"].object_list) == []
    assert 'aria-invalid="true"' in response.content.decode()


def test_the_list_makes_the_same_queries_for_3_or_60_needs(
    client_of, coordinator_lom, django_assert_max_num_queries
):
    client = client_of(coordinator_lom)
    for n in range(3):
        _need(area=f"Grend {n}")
    client.get(LIST)  # warm the session
    with django_assert_max_num_queries(8) as few:
        client.get(LIST)
    NeedFactory.create_batch(57, status=NeedStatus.MAPPED)
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(LIST)
    assert response.context["page"].paginator.count == 60
    assert len(response.context["page"].object_list) == 50


def test_the_list_is_not_for_volunteers_or_other_municipalities(
    client_of, volunteer, coordinator_drammen
):
    assert client_of(volunteer).get(LIST).status_code == 404
    assert client_of(coordinator_drammen).get(LIST).status_code == 404


# --- reporting ------------------------------------------------------------------------------


REPORT_FORM = {
    "kind": "visiting_friend",
    "description": "Noen å prate med",
    "area": "Lom sentrum",
    "weekday_daytime": "on",
    "language": "norsk",
    "gender_preference": "",
    "frequency": "weekly",
    "consent_basis": "power_of_attorney",
    "consent": "on",
    **PERSON,
}


def test_a_volunteer_contact_reports_and_then_sees_the_need_without_the_person(
    client_of, volunteer_contact_lom
):
    client = client_of(volunteer_contact_lom)
    form_page = client.get(REPORT).content.decode()
    # What the volunteer needs to know, in everyday words; never a diagnosis as the example.
    assert "walker" in form_page or "rullator" in form_page
    assert "dementia" not in form_page and "demens" not in form_page
    response = client.post(REPORT, REPORT_FORM)
    need = Need.objects.get()
    assert response.status_code == 302
    assert response["Location"] == _url("need_detail", need.pk)
    assert (need.source, need.consent_basis, need.access_notes) == (
        NeedSource.UNIT,
        "power_of_attorney",
        PERSON["access_notes"],
    )
    html = client.get(response["Location"]).content.decode()
    assert need.get_kind_display() in html or "Besøksvenn" in html
    for secret in PERSON.values():
        assert secret not in html


def test_reporting_without_consent_stores_nothing_and_says_why(client_of, coordinator_lom):
    response = client_of(coordinator_lom).post(REPORT, {**REPORT_FORM, "consent": ""})
    assert response.status_code == 200
    assert response.context["form"].errors["consent"]
    assert not Need.objects.exists()


@pytest.mark.parametrize("field", ["person_phone", "contact_phone"])
@pytest.mark.parametrize("phone", ["ring meg", "123", "9" * 30])
def test_a_bad_phone_is_refused(client_of, coordinator_lom, field, phone):
    response = client_of(coordinator_lom).post(REPORT, {**REPORT_FORM, field: phone})
    assert response.context["form"].errors[field]
    assert not Need.objects.exists()


def test_the_coordinator_changes_the_need(client_of, coordinator_lom):
    need = _need()
    data = {**REPORT_FORM, "access_notes": "Ring på", "consent": ""}
    response = client_of(coordinator_lom).post(_url("need_edit", need.pk), data)
    assert response.status_code == 302
    need.refresh_from_db()
    assert need.access_notes == "Ring på"


def test_a_volunteer_contact_cannot_change_the_need(client_of, volunteer_contact_lom):
    need = _need()
    response = client_of(volunteer_contact_lom).post(_url("need_edit", need.pk), REPORT_FORM)
    assert response.status_code == 404


# --- the need page --------------------------------------------------------------------------


def test_the_coordinator_sees_the_person_proposals_and_the_look_is_audited(
    client_of, coordinator_lom
):
    need = _need()
    match = VolunteerFactory(interests=["visiting_friend"], user__full_name="Per Proposed")
    response = client_of(coordinator_lom).get(_url("need_detail", need.pk))
    html = response.content.decode()
    for secret in PERSON.values():
        assert secret in html
    assert [p.volunteer for p in response.context["proposals"]] == [match]
    assert "Per Proposed" in html and f'value="{match.pk}"' in html
    assert str(response.context["proposals"][0].reasons[0]) in html
    assert AuditEvent.objects.filter(
        verb="viewed", actor=coordinator_lom, object_id=str(need.pk)
    ).exists()


def test_a_volunteer_contact_sees_steps_but_not_the_person_notes_or_proposals(
    client_of, volunteer_contact_lom, coordinator_lom
):
    need = _need()
    NeedStep.objects.create(need=need, step="mapped", notes="Datteren ringte", recorded_by=None)
    VolunteerFactory(interests=["visiting_friend"], user__full_name="Per Proposed")
    response = client_of(volunteer_contact_lom).get(_url("need_detail", need.pk))
    html = response.content.decode()
    assert response.status_code == 200
    for secret in [*PERSON.values(), "Datteren ringte", "Per Proposed"]:
        assert secret not in html
    assert not AuditEvent.objects.filter(verb="viewed").exists()


def test_another_municipalitys_coordinator_gets_404(client_of, coordinator_drammen):
    need = _need()
    for name in ("need_detail", "need_edit"):
        assert client_of(coordinator_drammen).get(_url(name, need.pk)).status_code == 404


def test_a_need_of_another_municipality_is_404_under_this_municipalitys_address(
    client_of, coordinator_lom
):
    elsewhere = NeedFactory(municipality_id="3301")
    assert client_of(coordinator_lom).get(_url("need_detail", elsewhere.pk)).status_code == 404


def test_recording_a_step(client_of, coordinator_lom):
    need = _need()
    data = {"step": "mapped", "happened_on": TODAY.isoformat(), "notes": "Hjemmebesøk"}
    response = client_of(coordinator_lom).post(_url("need_step", need.pk), data)
    assert response.status_code == 302
    need.refresh_from_db()
    assert need.status == "mapped"
    html = client_of(coordinator_lom).get(_url("need_detail", need.pk)).content.decode()
    assert "Hjemmebesøk" in html


def test_going_back_without_a_note_is_explained(client_of, coordinator_lom):
    need = _need(status=NeedStatus.CLARIFIED)
    data = {"step": "reported", "happened_on": TODAY.isoformat(), "notes": ""}
    response = client_of(coordinator_lom).post(_url("need_step", need.pk), data)
    assert response.status_code == 200
    assert response.context["form"].errors["notes"]
    need.refresh_from_db()
    assert need.status == NeedStatus.CLARIFIED


def test_inviting_the_chosen_proposals(client_of, coordinator_lom):
    need = _need()
    first = VolunteerFactory(interests=["visiting_friend"])
    second = VolunteerFactory(interests=["visiting_friend"])
    response = client_of(coordinator_lom).post(
        _url("need_invite", need.pk), {"volunteers": [first.pk], "message": "Passer det?"}
    )
    assert response.status_code == 302
    invitation = Invitation.objects.get()
    assert (invitation.volunteer, invitation.message) == (first, "Passer det?")
    assert invitation.reasons  # the snapshot of why
    assert not Invitation.objects.filter(volunteer=second).exists()
    assert not Assignment.objects.exists()


def test_a_volunteer_who_is_not_proposed_cannot_be_invited(client_of, coordinator_lom):
    need = _need()
    VolunteerFactory(interests=["visiting_friend"])
    driver_only = VolunteerFactory(interests=["transport"])
    elsewhere = VolunteerFactory(interests=["visiting_friend"], municipality_id="3301")
    for chosen in (driver_only.pk, elsewhere.pk, "x"):
        response = client_of(coordinator_lom).post(
            _url("need_invite", need.pk), {"volunteers": [chosen]}
        )
        assert response.status_code == 200
        assert response.context["form"].errors["volunteers"]
    assert not Invitation.objects.exists()


def test_withdrawing_an_invitation(client_of, coordinator_lom):
    invitation = InvitationFactory(need=_need())
    ask = client_of(coordinator_lom).get(_url("invitation_withdraw", invitation.pk))
    assert ask.status_code == 200 and 'class="btn btn-danger"' in ask.content.decode()
    invitation.refresh_from_db()
    assert invitation.status == InvitationStatus.PENDING
    response = client_of(coordinator_lom).post(_url("invitation_withdraw", invitation.pk))
    assert response.status_code == 302
    invitation.refresh_from_db()
    assert invitation.status == InvitationStatus.WITHDRAWN


def test_planning_and_recording_follow_ups(client_of, coordinator_lom):
    need = _need()
    client = client_of(coordinator_lom)
    first = TODAY + datetime.timedelta(weeks=4)
    data = {"first_on": first.isoformat(), "every_weeks": "4", "months": "3", "assignment": ""}
    assert client.post(_url("follow_up_plan", need.pk), data).status_code == 302
    assert FollowUp.objects.filter(need=need).count() == 3
    follow_up = FollowUp.objects.filter(need=need).first()
    data = {f"f{follow_up.pk}-held_on": TODAY.isoformat(), f"f{follow_up.pk}-notes": "Trives"}
    assert client.post(_url("follow_up_record", follow_up.pk), data).status_code == 302
    follow_up.refresh_from_db()
    assert (follow_up.held_on, follow_up.notes) == (TODAY, "Trives")


def test_a_half_filled_follow_up_plan_is_explained(client_of, coordinator_lom):
    need = _need()
    data = {"first_on": TODAY.isoformat(), "every_weeks": "4", "months": ""}
    response = client_of(coordinator_lom).post(_url("follow_up_plan", need.pk), data)
    assert response.status_code == 200
    assert response.context["form"].errors["months"]
    assert not FollowUp.objects.exists()


# --- the pairing page -----------------------------------------------------------------------


def test_the_coordinator_manages_the_pairing(client_of, coordinator_lom):
    assignment = AssignmentFactory(need=_need())
    client = client_of(coordinator_lom)
    assert client.get(_url("assignment_detail", assignment.pk)).status_code == 200
    data = {"trial_meeting_on": TODAY.isoformat(), "trial_went_well": "yes", "frequency": "weekly"}
    assert client.post(_url("assignment_pairing", assignment.pk), data).status_code == 302
    until = TODAY + datetime.timedelta(days=20)
    data = {"paused_until": until.isoformat(), "reason": "Sykehus"}
    assert client.post(_url("assignment_pause", assignment.pk), data).status_code == 302
    assignment.refresh_from_db()
    assert (assignment.trial_went_well, assignment.frequency, assignment.status) == (
        True,
        "weekly",
        "paused",
    )
    assert client.post(_url("assignment_resume", assignment.pk)).status_code == 302
    data = {"end_reason": "not_a_match", "end_note": ""}
    assert client.post(_url("assignment_end", assignment.pk), data).status_code == 302
    assignment.refresh_from_db()
    assert (assignment.status, assignment.end_reason) == ("ended", "not_a_match")


def test_ending_without_a_reason_is_explained(client_of, coordinator_lom):
    assignment = AssignmentFactory(need=_need())
    response = client_of(coordinator_lom).post(_url("assignment_end", assignment.pk), {})
    assert response.status_code == 200
    assert response.context["form"].errors["end_reason"]
    assignment.refresh_from_db()
    assert assignment.status == "active"


def test_the_pairing_page_is_for_the_coordinator_only(
    client_of, volunteer_contact_lom, coordinator_drammen
):
    assignment = AssignmentFactory(need=_need())
    for someone in (volunteer_contact_lom, coordinator_drammen, assignment.volunteer.user):
        response = client_of(someone).get(_url("assignment_detail", assignment.pk))
        assert response.status_code == 404


# --- what other pages show ------------------------------------------------------------------


def test_the_volunteers_registry_page_lists_their_invitations_and_assignments(
    client_of, coordinator_lom
):
    volunteer = VolunteerFactory()
    AssignmentFactory(volunteer=volunteer, need=_need(area="Fossbergom"))
    InvitationFactory(volunteer=volunteer, need=_need(area="Garmo"), decline_reason="")
    url = reverse("volunteers:volunteer_detail", args=["3434", volunteer.pk])
    html = client_of(coordinator_lom).get(url).content.decode()
    assert "Fossbergom" in html and "Garmo" in html
    assert PERSON["person_name"] not in html


def test_the_overview_links_to_the_needs(client_of, volunteer_contact_lom):
    url = reverse("coordination:overview", args=["3434"])
    assert LIST in client_of(volunteer_contact_lom).get(url).content.decode()


def test_reloading_a_form_address_after_an_error_goes_back_to_the_page(client_of, coordinator_lom):
    need = _need()
    assignment = AssignmentFactory(need=need)
    client = client_of(coordinator_lom)
    assert client.get(_url("need_step", need.pk))["Location"] == _url("need_detail", need.pk)
    response = client.get(_url("assignment_end", assignment.pk))
    assert response["Location"] == _url("assignment_detail", assignment.pk)
    assignment.refresh_from_db()
    assert assignment.status == "active"
