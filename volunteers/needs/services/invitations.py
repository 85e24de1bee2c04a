"""Invitations: the coordinator invites the volunteers matching proposes, and each of them
answers for themself. A volunteer is never assigned without accepting, nor invited or let
accept before being ready for the need's role (``readiness_for_need``)."""

from __future__ import annotations

from collections.abc import Sequence

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from coordination.kernel import audit, outbox
from coordination.kernel.jobs import enqueue
from coordination.kernel.models import User
from coordination.kernel.permissions import require
from volunteers.matching.ranking import Proposal
from volunteers.needs.models import (
    NEED_STEPS,
    Assignment,
    AssignmentStatus,
    Invitation,
    InvitationStatus,
    Need,
    NeedStatus,
    NeedStep,
)
from volunteers.needs.services.needs import move_need_to
from volunteers.needs.services.safeguards import invite_blockers
from volunteers.profile.models import Volunteer
from volunteers.screening.readiness import readiness_for_need


def _check_invitable(need: Need, volunteer: Volunteer) -> None:
    """A ready, active volunteer of the need's municipality who does not help with it yet."""
    if volunteer.municipality_id != need.municipality_id:
        raise ValidationError(
            _("%(name)s is not a volunteer in this municipality.") % {"name": volunteer}
        )
    if volunteer.left_at is not None or volunteer.user_id is None:
        raise ValidationError(_("%(name)s is no longer an active volunteer.") % {"name": volunteer})
    if (
        Assignment.objects.filter(need=need, volunteer=volunteer)
        .exclude(status=AssignmentStatus.ENDED)
        .exists()
    ):
        raise ValidationError(
            _("%(name)s is already helping with this need.") % {"name": volunteer}
        )
    readiness = readiness_for_need(volunteer, need)
    if not readiness.ready:
        raise ValidationError(
            _("%(name)s is not ready for this task yet and cannot be invited: %(missing)s missing.")
            % {"name": volunteer, "missing": readiness.missing_text}
        )


def _invite(need: Need, proposal: Proposal, by: User, message: str) -> Invitation:
    volunteer = proposal.volunteer
    _check_invitable(need, volunteer)
    try:
        with transaction.atomic():
            return Invitation.objects.create(
                need=need,
                volunteer=volunteer,
                reasons=[str(reason) for reason in proposal.reasons],
                message=message.strip(),
                invited_by=by,
            )
    except IntegrityError:
        raise ValidationError(
            _("%(name)s has already been invited and has not answered yet.") % {"name": volunteer}
        ) from None


@transaction.atomic
def invite_volunteers(
    *, need: Need, proposals: Sequence[Proposal], by: User, message: str = ""
) -> list[Invitation]:
    """Ask the chosen volunteers (matching's proposals: ``.volunteer`` and ``.reasons``) to
    help. Each gets an email and answers for themself; nobody is assigned here."""
    require(by, "manage_needs", need)
    need.check_open()
    if blockers := invite_blockers(need):  # safeguards (issue 10)
        raise ValidationError(blockers)
    if not proposals:
        raise ValidationError({"volunteers": _("Choose at least one volunteer to invite.")})
    invitations = [_invite(need, proposal, by, message) for proposal in proposals]
    if NEED_STEPS.index(need.status) < NEED_STEPS.index(NeedStatus.PROPOSED):
        move_need_to(need, NeedStatus.PROPOSED)
        NeedStep.objects.create(need=need, step=NeedStatus.PROPOSED, recorded_by=by)
    audit.record(by, "changed", need, code="need.invited", params={"count": len(invitations)})
    for invitation in invitations:
        enqueue(
            "volunteers.needs.tasks.send_invitation",
            requested_by=by,
            municipality=need.municipality,
            invitation=invitation.pk,
        )
    return invitations


@transaction.atomic
def withdraw_invitation(*, invitation: Invitation, by: User) -> None:
    require(by, "manage_needs", invitation.need)
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    invitation.transition_to(
        InvitationStatus.WITHDRAWN,
        refusal=_("Only an invitation that has not been answered can be withdrawn."),
    )
    invitation.save(update_fields=["status"])
    audit.record(
        by,
        "changed",
        invitation,
        municipality=invitation.need.municipality_id,
        code="invitation.withdrawn",
    )


def _answerable(invitation: Invitation, by: User) -> Invitation:
    """The invitation, locked, if ``by`` is the invited volunteer and it still waits."""
    if by is None or not by.is_authenticated or invitation.volunteer.user_id != by.pk:
        raise PermissionDenied
    invitation = Invitation.objects.select_for_update().select_related("need").get(pk=invitation.pk)
    if invitation.status == InvitationStatus.WITHDRAWN:
        raise ValidationError(_("The coordinator has withdrawn this invitation."))
    if invitation.status != InvitationStatus.PENDING:
        raise ValidationError(_("You have already answered this invitation."))
    if invitation.need.is_closed:
        raise ValidationError(_("This need has been closed; no help is needed any more."))
    return invitation


def _answer(invitation: Invitation, status: str) -> None:
    """The volunteer's answer (the invitation's status change), saved by the caller."""
    invitation.transition_to(status, refusal=_("You have already answered this invitation."))
    invitation.answered_at = timezone.now()


@transaction.atomic
def accept_invitation(*, invitation: Invitation, by: User) -> Assignment:
    """Only the invited volunteer accepts, and only when ready for the task (the same gate
    as for seeing the person); the assignment starts today."""
    invitation = _answerable(invitation, by)
    readiness = readiness_for_need(invitation.volunteer, invitation.need)
    if not readiness.ready:
        raise ValidationError(
            _("You cannot say yes yet: you are not ready for this task. %(steps)s")
            % {"steps": readiness.steps_text}
        )
    _answer(invitation, InvitationStatus.ACCEPTED)
    invitation.save(update_fields=["status", "answered_at"])
    assignment = Assignment.objects.create(
        need=invitation.need, volunteer_id=invitation.volunteer_id
    )
    audit.record(
        by,
        "created",
        assignment,
        municipality=invitation.need.municipality_id,
        code="invitation.accepted",
    )
    outbox.send("volunteers.needs.tasks.notify_invitation_answered", invitation=invitation.pk)
    return assignment


ANSWER_CHANNELS = ("sms", "phone")


@transaction.atomic
def record_answer_for_volunteer(
    *, invitation: Invitation, by: User, accept: bool, channel: str
) -> Assignment | None:
    """The volunteer answered JA or NEI by text message or on the phone: the coordinator
    records it for them (audited, with how it was given). Saying yes still needs the volunteer
    to be ready for the task; an answered or withdrawn invitation is not changed."""
    require(by, "manage_needs", invitation.need)
    if channel not in ANSWER_CHANNELS:
        raise ValidationError({"channel": _("Choose how the volunteer gave the answer.")})
    invitation = Invitation.objects.select_for_update().select_related("need").get(pk=invitation.pk)
    if invitation.status == InvitationStatus.WITHDRAWN:
        raise ValidationError(_("This invitation has been withdrawn."))
    if invitation.status != InvitationStatus.PENDING:
        raise ValidationError(_("The volunteer has already answered this invitation."))
    if invitation.need.is_closed:
        raise ValidationError(_("This need has been closed; no help is needed any more."))
    assignment = None
    if accept:
        readiness = readiness_for_need(invitation.volunteer, invitation.need)
        if not readiness.ready:
            raise ValidationError(
                _(
                    "The volunteer cannot say yes yet: they are not ready for this task "
                    "(%(missing)s missing)."
                )
                % {"missing": readiness.missing_text}
            )
        invitation.transition_to(InvitationStatus.ACCEPTED, refusal=_("Already answered."))
        assignment = Assignment.objects.create(
            need=invitation.need, volunteer_id=invitation.volunteer_id
        )
    else:
        invitation.transition_to(InvitationStatus.DECLINED, refusal=_("Already answered."))
    invitation.answered_at = timezone.now()
    invitation.save(update_fields=["status", "answered_at"])
    audit.record(
        by,
        "changed",
        invitation,
        municipality=invitation.need.municipality_id,
        code="invitation.answered_for",
        params={"answer": "accept" if accept else "decline", "channel": channel},
    )
    return assignment


@transaction.atomic
def decline_invitation(*, invitation: Invitation, by: User, reason: str = "") -> None:
    """Only the invited volunteer declines; saying why is optional."""
    invitation = _answerable(invitation, by)
    _answer(invitation, InvitationStatus.DECLINED)
    invitation.decline_reason = reason.strip()[:300]
    invitation.save(update_fields=["status", "answered_at", "decline_reason"])
    audit.record(
        by,
        "changed",
        invitation,
        municipality=invitation.need.municipality_id,
        code="invitation.declined",
    )
    outbox.send("volunteers.needs.tasks.notify_invitation_answered", invitation=invitation.pk)
