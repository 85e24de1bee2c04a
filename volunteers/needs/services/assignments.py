"""The pairing: the trial meeting and agreed frequency, pauses, and the end (from then on the
volunteer no longer sees the person)."""

from __future__ import annotations

import datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from coordination.kernel import audit
from coordination.kernel.models import User
from coordination.kernel.permissions import require
from volunteers.needs.models import Assignment, AssignmentStatus, EndReason
from volunteers.profile.models import Frequency


def _save(
    assignment: Assignment,
    by: User,
    fields: list[str],
    code: str,
    params: dict[str, Any] | None = None,
) -> Assignment:
    assignment.save(update_fields=fields)
    audit.record(
        by,
        "changed",
        assignment,
        municipality=assignment.need.municipality_id,
        code=code,
        params=params,
    )
    return assignment


def _running(assignment: Assignment, by: User) -> Assignment:
    require(by, "manage_needs", assignment.need)
    assignment = Assignment.objects.select_for_update().select_related("need").get(pk=assignment.pk)
    if not assignment.is_running:
        raise ValidationError(_("This assignment has ended."))
    return assignment


@transaction.atomic
def set_pairing(
    *,
    assignment: Assignment,
    by: User,
    trial_meeting_on: datetime.date | None,
    trial_went_well: bool | None,
    frequency: str,
) -> Assignment:
    """The trial meeting (when, and whether it went well) and how often they agreed to meet."""
    assignment = _running(assignment, by)
    if frequency and frequency not in Frequency.values:
        raise ValidationError({"frequency": _("Choose how often they will meet.")})
    if trial_went_well is not None and trial_meeting_on is None:
        raise ValidationError({"trial_meeting_on": _("Give the date of the trial meeting too.")})
    if (
        trial_went_well is not None
        and trial_meeting_on is not None
        and trial_meeting_on > timezone.localdate()
    ):
        raise ValidationError(
            {"trial_went_well": _("Say how it went after the meeting has been held.")}
        )
    assignment.trial_meeting_on = trial_meeting_on
    assignment.trial_went_well = trial_went_well
    assignment.frequency = frequency
    fields = ["trial_meeting_on", "trial_went_well", "frequency"]
    return _save(assignment, by, fields, "assignment.pairing")


@transaction.atomic
def pause_assignment(
    *, assignment: Assignment, by: User, until: datetime.date | None, reason: str = ""
) -> Assignment:
    assignment = _running(assignment, by)
    already = _("This assignment is already paused.")
    if not assignment.may_move_to(AssignmentStatus.PAUSED):
        raise ValidationError(already)
    if until is not None and until <= timezone.localdate():
        raise ValidationError({"paused_until": _("The pause must last until a later date.")})
    assignment.transition_to(AssignmentStatus.PAUSED, refusal=already)
    assignment.paused_until = until
    assignment.pause_reason = reason.strip()[:300]
    return _save(assignment, by, ["status", "paused_until", "pause_reason"], "assignment.paused")


@transaction.atomic
def resume_assignment(*, assignment: Assignment, by: User) -> Assignment:
    assignment = _running(assignment, by)
    assignment.transition_to(AssignmentStatus.ACTIVE, refusal=_("This assignment is not paused."))
    assignment.paused_until = None
    assignment.pause_reason = ""
    return _save(assignment, by, ["status", "paused_until", "pause_reason"], "assignment.resumed")


@transaction.atomic
def end_assignment(*, assignment: Assignment, by: User, reason: str, note: str = "") -> Assignment:
    """End the pairing with a reason; from then on the volunteer no longer sees the person."""
    assignment = _running(assignment, by)
    if reason not in EndReason.values:
        raise ValidationError({"end_reason": _("Choose why it ended.")})
    assignment.transition_to(AssignmentStatus.ENDED, refusal=_("This assignment has ended."))
    assignment.ended_on = timezone.localdate()
    assignment.end_reason = reason
    assignment.end_note = note.strip()[:300]
    assignment.paused_until = None
    return _save(
        assignment,
        by,
        ["status", "ended_on", "end_reason", "end_note", "paused_until"],
        "assignment.ended",
        {"reason": reason},
    )
