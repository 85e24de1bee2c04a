"""The rules of needs, invitations, pairings and follow-ups (volunteers/services/needs.py)."""

import datetime

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone, translation

from coordination.kernel.dates import add_months
from coordination.models import AuditEvent
from tests.factories import (
    AssignmentFactory,
    InvitationFactory,
    NeedFactory,
    UserFactory,
    VolunteerFactory,
)
from volunteers.matching.ranking import Proposal, propose_for_need
from volunteers.models import (
    Assignment,
    AssignmentStatus,
    ConsentBasis,
    FollowUp,
    Invitation,
    InvitationStatus,
    Need,
    NeedSource,
    NeedStatus,
    NeedStep,
)
from volunteers.needs import permissions as needs_permissions
from volunteers.needs import services

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()

FIELDS = {
    "kind": "visiting_friend",
    "description": "Noen å prate med på tirsdager",
    "area": "Lom sentrum",
    "weekday_daytime": True,
    "person_name": "Olga Haugen",
    "person_phone": "61211234",
    "address": "Storvegen 2",
    "consent_basis": ConsentBasis.SELF,
}


def _proposal(volunteer, reasons=("would like to do this kind of help",)):
    return Proposal(volunteer=volunteer, score=1, reasons=list(reasons))


@pytest.fixture(autouse=True)
def _in_english():
    """The messages below are matched in English; emails still follow each recipient."""
    with translation.override("en"):
        yield


@pytest.fixture
def own(volunteer):
    """The ``volunteer`` persona's volunteer profile in Lom."""
    return VolunteerFactory(user=volunteer, interests=["visiting_friend"])


# --- reporting ------------------------------------------------------------------------------


def test_a_coordinator_reports_a_need_with_consent_and_its_first_step(coordinator_lom, lom):
    need = services.report_need(municipality=lom, fields=FIELDS, consented=True, by=coordinator_lom)
    assert (need.source, need.reported_by, need.status) == (
        NeedSource.COORDINATOR,
        coordinator_lom,
        NeedStatus.REPORTED,
    )
    assert need.consent_text_version == services.NEED_CONSENT_VERSION
    assert list(need.steps.values_list("step", flat=True)) == [NeedStatus.REPORTED]
    assert AuditEvent.objects.filter(verb="created", object_id=str(need.pk)).exists()


def test_a_volunteer_contact_reports_for_their_unit(volunteer_contact_lom, lom):
    need = services.report_need(
        municipality=lom, fields=FIELDS, consented=True, by=volunteer_contact_lom
    )
    assert need.source == NeedSource.UNIT


def test_the_public_form_reports_with_no_reporter_and_tells_the_coordinators(
    coordinator_lom, lom, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        need = services.report_need(
            municipality=lom, fields={**FIELDS, "considerations": "not asked"}, consented=True
        )
    assert (need.source, need.reported_by) == (NeedSource.PUBLIC, None)
    assert need.considerations == ""  # the public form's fields only
    assert [m.to for m in mail.outbox] == [[coordinator_lom.email]]
    assert "Olga" not in mail.outbox[0].body  # a link, never the person's details


def test_without_consent_nothing_is_stored(coordinator_lom, lom):
    with pytest.raises(ValidationError) as refused:
        services.report_need(municipality=lom, fields=FIELDS, consented=False, by=coordinator_lom)
    assert "consent" in refused.value.message_dict
    assert not Need.objects.exists()


def test_someone_without_a_role_cannot_report_for_the_municipality(coordinator_drammen, lom):
    with pytest.raises(PermissionDenied):
        services.report_need(
            municipality=lom, fields=FIELDS, consented=True, by=coordinator_drammen
        )


def test_update_changes_the_need_and_audits_which_fields(coordinator_lom):
    need = NeedFactory()
    changed = services.update_need(
        need=need, fields={"access_notes": "Nøkkelboks ved døra", "area": "Lom sentrum"},
        by=coordinator_lom,
    )  # fmt: skip
    assert changed == ["access_notes"]
    event = AuditEvent.objects.get(verb="changed", object_id=str(need.pk))
    assert event.params == {"fields": ["access_notes"]}
    assert "Nøkkelboks" not in event.message


def test_a_volunteer_contact_cannot_change_a_need(volunteer_contact_lom):
    with pytest.raises(PermissionDenied):
        services.update_need(need=NeedFactory(), fields={"area": "Garmo"}, by=volunteer_contact_lom)


# --- who sees the person ------------------------------------------------------------------


def test_the_coordinator_sees_the_person(coordinator_lom):
    assert needs_permissions.can_see_person(coordinator_lom, NeedFactory())


def test_a_volunteer_contact_never_sees_the_person(volunteer_contact_lom):
    assert not needs_permissions.can_see_person(volunteer_contact_lom, NeedFactory())


def test_a_volunteer_sees_the_person_only_while_assigned(volunteer, own, coordinator_lom):
    need = NeedFactory()
    assert not needs_permissions.can_see_person(volunteer, need)
    invitation = InvitationFactory(need=need, volunteer=own)
    assert not needs_permissions.can_see_person(volunteer, need)  # invited is not assigned
    assignment = services.accept_invitation(invitation=invitation, by=volunteer)
    assert needs_permissions.can_see_person(volunteer, need)
    services.pause_assignment(assignment=assignment, by=coordinator_lom, until=None)
    assert needs_permissions.can_see_person(volunteer, need)  # a pause is not an end
    services.end_assignment(assignment=assignment, by=coordinator_lom, reason="not_needed")
    assert not needs_permissions.can_see_person(volunteer, need)


def test_another_municipalitys_coordinator_and_anonymous_see_nothing(coordinator_drammen):
    from django.contrib.auth.models import AnonymousUser

    need = NeedFactory()
    assert not needs_permissions.can_see_person(coordinator_drammen, need)
    assert not needs_permissions.can_see_person(AnonymousUser(), need)


def test_showing_the_person_is_audited_as_viewed(coordinator_lom, volunteer_contact_lom):
    need = NeedFactory()
    assert services.show_person(coordinator_lom, need)
    assert not services.show_person(volunteer_contact_lom, need)
    assert list(AuditEvent.objects.filter(verb="viewed").values_list("actor", flat=True)) == [
        coordinator_lom.pk
    ]


# --- steps ----------------------------------------------------------------------------------


def test_steps_go_forward_with_date_and_notes(coordinator_lom):
    need = NeedFactory()
    step = services.record_step(
        need=need, step="mapped", by=coordinator_lom, happened_on=TODAY, notes="Hjemmebesøk"
    )
    need.refresh_from_db()
    assert (need.status, step.notes, step.happened_on) == ("mapped", "Hjemmebesøk", TODAY)


def test_going_back_needs_a_note(coordinator_lom):
    need = NeedFactory(status=NeedStatus.CLARIFIED)
    with pytest.raises(ValidationError) as refused:
        services.record_step(need=need, step="mapped", by=coordinator_lom)
    assert "notes" in refused.value.message_dict
    services.record_step(need=need, step="mapped", by=coordinator_lom, notes="Ny samtale")
    need.refresh_from_db()
    assert need.status == "mapped"


@pytest.mark.parametrize(
    "step, happened_on, field",
    [
        ("reported", None, "step"),  # where it already is
        ("nonsense", None, "step"),
        ("mapped", TODAY + datetime.timedelta(days=1), "happened_on"),
    ],
)
def test_bad_steps_are_refused(coordinator_lom, step, happened_on, field):
    need = NeedFactory()
    with pytest.raises(ValidationError) as refused:
        services.record_step(need=need, step=step, by=coordinator_lom, happened_on=happened_on)
    assert field in refused.value.message_dict
    assert NeedStep.objects.filter(need=need).count() == 0


def test_closing_sets_closed_at_and_withdraws_open_invitations(coordinator_lom):
    need = NeedFactory()
    invitation = InvitationFactory(need=need)
    services.record_step(need=need, step="closed", by=coordinator_lom)
    need.refresh_from_db()
    invitation.refresh_from_db()
    assert need.closed_at is not None
    assert invitation.status == InvitationStatus.WITHDRAWN
    services.record_step(need=need, step="follow_up", by=coordinator_lom, notes="Trengs igjen")
    need.refresh_from_db()
    assert need.closed_at is None


def test_closing_waits_for_the_running_assignments_to_end(coordinator_lom):
    need = NeedFactory()
    AssignmentFactory(need=need)
    with pytest.raises(ValidationError, match="End the running assignments"):
        services.record_step(need=need, step="closed", by=coordinator_lom)


def test_a_volunteer_contact_cannot_move_a_need(volunteer_contact_lom):
    with pytest.raises(PermissionDenied):
        services.record_step(need=NeedFactory(), step="mapped", by=volunteer_contact_lom)


# --- invitations ----------------------------------------------------------------------------


def test_inviting_snapshots_the_reasons_moves_to_proposed_and_emails_the_volunteer(
    coordinator_lom, own, django_capture_on_commit_callbacks
):
    own.user.preferred_language = "en"
    own.user.save()
    need = NeedFactory(status=NeedStatus.CLARIFIED)
    proposals = propose_for_need(need)
    assert [p.volunteer for p in proposals] == [own]
    with django_capture_on_commit_callbacks(execute=True):
        [invitation] = services.invite_volunteers(
            need=need, proposals=proposals, by=coordinator_lom, message="Passer deg?"
        )
    assert invitation.reasons == [str(r) for r in proposals[0].reasons]
    assert invitation.status == InvitationStatus.PENDING
    assert not Assignment.objects.exists()  # invited, never assigned
    need.refresh_from_db()
    assert need.status == NeedStatus.PROPOSED
    assert need.steps.filter(step=NeedStatus.PROPOSED).exists()
    [email] = mail.outbox
    assert email.to == [own.user.email]
    assert "Can you help?" in email.subject  # in the volunteer's own language
    assert f"/volunteer/invitations/{invitation.pk}/" in email.body
    assert need.person_name not in email.body and need.address not in email.body


def test_inviting_does_not_move_a_need_back(coordinator_lom, own):
    need = NeedFactory(status=NeedStatus.FOLLOW_UP)
    services.invite_volunteers(need=need, proposals=[_proposal(own)], by=coordinator_lom)
    need.refresh_from_db()
    assert need.status == NeedStatus.FOLLOW_UP


def test_a_volunteer_of_another_municipality_is_refused(coordinator_lom):
    stranger = VolunteerFactory(municipality_id="3301")
    need = NeedFactory()
    with pytest.raises(ValidationError, match="not a volunteer in this municipality"):
        services.invite_volunteers(need=need, proposals=[_proposal(stranger)], by=coordinator_lom)
    assert not Invitation.objects.exists()


def test_a_volunteer_is_not_invited_twice_while_the_first_waits(coordinator_lom, own):
    need = NeedFactory()
    services.invite_volunteers(need=need, proposals=[_proposal(own)], by=coordinator_lom)
    with pytest.raises(ValidationError, match="already been invited"):
        services.invite_volunteers(need=need, proposals=[_proposal(own)], by=coordinator_lom)
    assert Invitation.objects.count() == 1


def test_a_closed_need_invites_nobody(coordinator_lom, own):
    need = NeedFactory(status=NeedStatus.CLOSED)
    with pytest.raises(ValidationError, match="closed"):
        services.invite_volunteers(need=need, proposals=[_proposal(own)], by=coordinator_lom)


def test_a_volunteer_contact_cannot_invite(volunteer_contact_lom, own):
    with pytest.raises(PermissionDenied):
        services.invite_volunteers(
            need=NeedFactory(), proposals=[_proposal(own)], by=volunteer_contact_lom
        )


def test_withdrawing_only_an_unanswered_invitation(coordinator_lom):
    invitation = InvitationFactory()
    services.withdraw_invitation(invitation=invitation, by=coordinator_lom)
    invitation.refresh_from_db()
    assert invitation.status == InvitationStatus.WITHDRAWN
    with pytest.raises(ValidationError):
        services.withdraw_invitation(invitation=invitation, by=coordinator_lom)


# --- answers --------------------------------------------------------------------------------


def test_accepting_creates_the_assignment_and_tells_the_coordinators(
    volunteer, own, coordinator_lom, django_capture_on_commit_callbacks
):
    invitation = InvitationFactory(volunteer=own, invited_by=coordinator_lom)
    with django_capture_on_commit_callbacks(execute=True):
        assignment = services.accept_invitation(invitation=invitation, by=volunteer)
    invitation.refresh_from_db()
    assert (assignment.volunteer, assignment.need) == (own, invitation.need)
    assert assignment.status == AssignmentStatus.ACTIVE
    assert invitation.status == InvitationStatus.ACCEPTED and invitation.answered_at
    [email] = mail.outbox
    assert email.to == [coordinator_lom.email]
    assert "sagt ja" in email.subject  # the coordinator's language: bokmål


def test_declining_leaves_no_assignment_and_keeps_the_reason(
    volunteer, own, coordinator_lom, django_capture_on_commit_callbacks
):
    invitation = InvitationFactory(volunteer=own)
    with django_capture_on_commit_callbacks(execute=True):
        services.decline_invitation(invitation=invitation, by=volunteer, reason="Bortreist i mai")
    invitation.refresh_from_db()
    assert invitation.status == InvitationStatus.DECLINED
    assert invitation.decline_reason == "Bortreist i mai"
    assert not Assignment.objects.exists()
    assert "Bortreist i mai" in mail.outbox[0].body


@pytest.mark.parametrize("answer", ["accept", "decline"])
def test_only_the_invited_volunteer_answers(coordinator_lom, own, answer):
    invitation = InvitationFactory(volunteer=own)
    for someone in (coordinator_lom, UserFactory()):
        with pytest.raises(PermissionDenied):
            getattr(services, f"{answer}_invitation")(invitation=invitation, by=someone)
    invitation.refresh_from_db()
    assert invitation.status == InvitationStatus.PENDING
    assert not Assignment.objects.exists()


@pytest.mark.parametrize(
    "status, message",
    [
        (InvitationStatus.ACCEPTED, "already answered"),
        (InvitationStatus.DECLINED, "already answered"),
        (InvitationStatus.WITHDRAWN, "withdrawn"),
    ],
)
def test_an_answered_or_withdrawn_invitation_cannot_be_answered(volunteer, own, status, message):
    invitation = InvitationFactory(volunteer=own, status=status)
    with pytest.raises(ValidationError, match=message):
        services.accept_invitation(invitation=invitation, by=volunteer)
    with pytest.raises(ValidationError, match=message):
        services.decline_invitation(invitation=invitation, by=volunteer)
    assert not Assignment.objects.exists()


def test_a_stale_copy_of_an_accepted_invitation_cannot_accept_again(volunteer, own):
    invitation = InvitationFactory(volunteer=own)
    stale = Invitation.objects.get(pk=invitation.pk)
    services.accept_invitation(invitation=invitation, by=volunteer)
    with pytest.raises(ValidationError):
        services.accept_invitation(invitation=stale, by=volunteer)
    assert Assignment.objects.count() == 1


# --- the pairing ----------------------------------------------------------------------------


def test_trial_meeting_and_frequency(coordinator_lom):
    assignment = AssignmentFactory()
    services.set_pairing(
        assignment=assignment, by=coordinator_lom, trial_meeting_on=TODAY,
        trial_went_well=True, frequency="weekly",
    )  # fmt: skip
    assignment.refresh_from_db()
    assert (assignment.trial_meeting_on, assignment.trial_went_well, assignment.frequency) == (
        TODAY,
        True,
        "weekly",
    )


def test_how_the_trial_went_needs_a_held_meeting(coordinator_lom):
    assignment = AssignmentFactory()
    with pytest.raises(ValidationError) as refused:
        services.set_pairing(
            assignment=assignment, by=coordinator_lom, trial_meeting_on=None,
            trial_went_well=True, frequency="",
        )  # fmt: skip
    assert "trial_meeting_on" in refused.value.message_dict
    with pytest.raises(ValidationError) as refused:
        services.set_pairing(
            assignment=assignment, by=coordinator_lom,
            trial_meeting_on=TODAY + datetime.timedelta(days=3), trial_went_well=False,
            frequency="",
        )  # fmt: skip
    assert "trial_went_well" in refused.value.message_dict


def test_pause_resume_and_end_with_a_reason(coordinator_lom):
    assignment = AssignmentFactory()
    until = TODAY + datetime.timedelta(days=30)
    services.pause_assignment(
        assignment=assignment, by=coordinator_lom, until=until, reason="Ferie"
    )
    assignment.refresh_from_db()
    assert (assignment.status, assignment.paused_until, assignment.pause_reason) == (
        "paused",
        until,
        "Ferie",
    )
    with pytest.raises(ValidationError, match="already paused"):
        services.pause_assignment(assignment=assignment, by=coordinator_lom, until=None)
    services.resume_assignment(assignment=assignment, by=coordinator_lom)
    assignment.refresh_from_db()
    assert (assignment.status, assignment.paused_until) == ("active", None)
    with pytest.raises(ValidationError, match="not paused"):
        services.resume_assignment(assignment=assignment, by=coordinator_lom)
    services.end_assignment(
        assignment=assignment, by=coordinator_lom, reason="moved", note="Flyttet til Otta"
    )
    assignment.refresh_from_db()
    assert (assignment.status, assignment.end_reason, assignment.ended_on) == (
        "ended",
        "moved",
        TODAY,
    )
    with pytest.raises(ValidationError, match="ended"):
        services.pause_assignment(assignment=assignment, by=coordinator_lom, until=None)


def test_a_pause_ends_in_the_future_and_an_end_has_a_known_reason(coordinator_lom):
    assignment = AssignmentFactory()
    with pytest.raises(ValidationError):
        services.pause_assignment(assignment=assignment, by=coordinator_lom, until=TODAY)
    with pytest.raises(ValidationError):
        services.end_assignment(assignment=assignment, by=coordinator_lom, reason="bored")
    assignment.refresh_from_db()
    assert assignment.status == "active"


def test_only_the_coordinator_manages_the_pairing(volunteer_contact_lom, coordinator_drammen):
    assignment = AssignmentFactory()
    for someone in (volunteer_contact_lom, coordinator_drammen, assignment.volunteer.user):
        with pytest.raises(PermissionDenied):
            services.end_assignment(assignment=assignment, by=someone, reason="other")


# --- follow-ups -----------------------------------------------------------------------------


def test_every_four_weeks_for_three_months_makes_three_conversations(coordinator_lom):
    need = NeedFactory()
    first = TODAY + datetime.timedelta(weeks=4)
    made = services.plan_follow_ups(
        need=need, by=coordinator_lom, first_on=first, every_weeks=4,
        until=add_months(TODAY, 3),
    )  # fmt: skip
    assert [f.due_on for f in made] == [first + datetime.timedelta(weeks=4 * k) for k in range(3)]
    # Planning the same again adds nothing.
    again = services.plan_follow_ups(
        need=need, by=coordinator_lom, first_on=first, every_weeks=4,
        until=add_months(TODAY, 3),
    )  # fmt: skip
    assert again == []
    assert FollowUp.objects.filter(need=need).count() == 3


def test_one_follow_up_with_a_volunteer(coordinator_lom):
    assignment = AssignmentFactory()
    [made] = services.plan_follow_ups(
        need=assignment.need, by=coordinator_lom, first_on=TODAY, assignment=assignment
    )
    assert (made.due_on, made.assignment) == (TODAY, assignment)


def test_a_follow_up_with_another_needs_volunteer_is_refused(coordinator_lom):
    with pytest.raises(ValidationError):
        services.plan_follow_ups(
            need=NeedFactory(), by=coordinator_lom, first_on=TODAY, assignment=AssignmentFactory()
        )


def test_add_months_keeps_to_the_end_of_short_months():
    assert add_months(datetime.date(2026, 1, 31), 1) == datetime.date(2026, 2, 28)
    assert add_months(datetime.date(2026, 11, 15), 3) == datetime.date(2027, 2, 15)


def test_recording_a_follow_up(coordinator_lom):
    follow_up = FollowUp.objects.create(need=NeedFactory(), due_on=TODAY)
    services.record_follow_up(follow_up=follow_up, by=coordinator_lom, held_on=TODAY, notes="Bra")
    follow_up.refresh_from_db()
    assert (follow_up.held_on, follow_up.notes) == (TODAY, "Bra")
    assert follow_up.held_by == coordinator_lom
    with pytest.raises(ValidationError):
        services.record_follow_up(
            follow_up=follow_up, by=coordinator_lom, held_on=TODAY + datetime.timedelta(days=1)
        )
