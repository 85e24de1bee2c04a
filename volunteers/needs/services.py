"""Needs and how they are met, after Vennesla's method: report, record each step, invite the
volunteers matching proposes, let each of them answer, follow the pairing and the follow-ups.

The person's details (``Need.PERSONAL_FIELDS``) are seen only by the coordinator and by the
volunteers assigned while the assignment runs and they are ready for it (``may_see_person``).
A volunteer is never assigned without accepting an invitation, nor invited or let accept
before being ready for the need's role (``volunteers.screening.readiness.readiness_for_need``)."""

from __future__ import annotations

import calendar
import datetime
from collections.abc import Sequence

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from coordination.kernel import audit, outbox
from coordination.kernel.jobs import enqueue
from coordination.kernel.permissions import can
from coordination.models import Municipality, User
from volunteers.models import (
    NEED_STEPS,
    Assignment,
    AssignmentStatus,
    ConsentBasis,
    EndReason,
    FollowUp,
    Frequency,
    Invitation,
    InvitationStatus,
    Need,
    NeedSource,
    NeedStatus,
    NeedStep,
)
from volunteers.screening.readiness import Verdict, readiness_for_need

# What the person (or whoever holds power of attorney) agrees to. Change the text => change
# the version.
NEED_CONSENT_VERSION = "2026-11"
NEED_CONSENT_TEXT = gettext_lazy(
    "The municipality stores these details so that the coordinator can find a volunteer who "
    "can help, and contact the person about it. Only the coordinator and the volunteers who "
    "help see the name, address, phone and how to get in. Nothing about health is stored "
    "beyond what the volunteer needs to know to help well. You can ask the municipality to "
    "see, change or delete the details at any time."
)

# The fields of a need a coordinator or volunteer contact fills in.
NEED_FIELDS = [
    "kind",
    "description",
    "practical_decision",
    "area",
    "weekday_daytime",
    "evenings",
    "weekends",
    "needs_driver",
    "language",
    "gender_preference",
    "frequency",
    *Need.PERSONAL_FIELDS,
    "very_vulnerable",
    "consent_basis",
    "consent_note",
]
# The fewer fields of the public form: the rest is asked in the coordinator's conversation.
PUBLIC_NEED_FIELDS = [
    "kind",
    "description",
    "practical_decision",
    "area",
    "weekday_daytime",
    "evenings",
    "weekends",
    "needs_driver",
    "person_name",
    "person_phone",
    "address",
    "contact_name",
    "contact_phone",
    "consent_basis",
    "consent_note",
]
# Most follow-up conversations one plan makes (once a week for a year and a bit).
MAX_FOLLOW_UPS = 60


# --- who may see what -----------------------------------------------------------------------


def may_see_person(user, need: Need) -> Verdict:
    """The person's details: the coordinator (``manage_needs``), and a volunteer only while
    their assignment for this need runs and they are ready for it (declaration signed, the
    role's police certificate and courses: ``readiness_for_need``). A volunteer who stops being
    ready loses the details until ready again; the verdict says why. Volunteer contacts who
    report needs never see them."""
    if not user.is_authenticated or not user.is_active:
        return Verdict(False, _("Log in to see this."))
    if need.anonymised_at is not None:
        return Verdict(False, _("This need has been anonymised: the person's details are deleted."))
    if can(user, "manage_needs", need):
        return Verdict(True)
    assignment = (
        Assignment.objects.filter(need=need, volunteer__user=user)
        .exclude(status=AssignmentStatus.ENDED)
        .select_related("volunteer")
        .first()
    )
    if assignment is None:
        return Verdict(
            False,
            _(
                "The person's name, address and phone are shown only to the coordinator and "
                "to the volunteers who help."
            ),
        )
    readiness = readiness_for_need(assignment.volunteer, need)
    if not readiness.ready:
        return Verdict(
            False,
            _(
                "You cannot see the person's details until you are ready for this task again. "
                "%(steps)s"
            )
            % {"steps": readiness.steps_text},
            readiness,
        )
    return Verdict(True, readiness=readiness)


def names_visible_to(user, needs: Sequence[Need], municipality: Municipality) -> set[int]:
    """``may_see_person`` for a page of needs in one query at most: the ids of those whose
    person's name ``user`` may see (all for the coordinator, else those they are assigned to)."""
    if not user.is_authenticated or not user.is_active:
        return set()
    open_ids = [need.pk for need in needs if need.anonymised_at is None]
    if can(user, "manage_needs", municipality):
        return set(open_ids)
    assigned = set(
        Assignment.objects.filter(need_id__in=open_ids, volunteer__user=user)
        .exclude(status=AssignmentStatus.ENDED)
        .values_list("need_id", flat=True)
    )
    # A volunteer sees a name only while ready for the task (a few assignments at most).
    return {need.pk for need in needs if need.pk in assigned and may_see_person(user, need)}


def show_person(user, need: Need) -> Verdict:
    """``may_see_person``, and if so the look is recorded in the audit log."""
    verdict = may_see_person(user, need)
    if verdict:
        audit.record(user, "viewed", need, code="need.person_viewed")
    return verdict


def _require(user, action: str, obj) -> None:
    if not can(user, action, obj):
        raise PermissionDenied


def _require_open(need: Need) -> None:
    if need.is_closed:
        raise ValidationError(_("This need is closed. Open it again first, if it is needed."))
    if need.anonymised_at is not None:
        raise ValidationError(_("This need has been anonymised and cannot be changed."))


# --- needs and their steps ----------------------------------------------------------------


@transaction.atomic
def report_need(
    *,
    municipality: Municipality,
    fields: dict,
    consented: bool,
    by: User | None = None,
) -> Need:
    """A need reported by a coordinator or a unit's volunteer contact (``by``), or through the
    public form (``by=None``). Nothing is stored without consent."""
    if by is None:
        source, allowed = NeedSource.PUBLIC, PUBLIC_NEED_FIELDS
    else:
        _require(by, "report_needs", municipality)
        coordinator = can(by, "manage_needs", municipality)
        source = NeedSource.COORDINATOR if coordinator else NeedSource.UNIT
        allowed = NEED_FIELDS
    if not consented:
        raise ValidationError(
            {
                "consent": _(
                    "We can only store the details with consent. Tick the box to say that "
                    "consent has been given, by the person or by someone who may consent for "
                    "them."
                )
            }
        )
    if fields.get("consent_basis", ConsentBasis.SELF) not in ConsentBasis.values:
        raise ValidationError({"consent_basis": _("Say who has given consent.")})
    need = Need(
        municipality=municipality,
        source=source,
        reported_by=by,
        consent_text_version=NEED_CONSENT_VERSION,
        consent_recorded_at=timezone.now(),
        **{name: fields[name] for name in allowed if name in fields},
    )
    need.full_clean()
    need.save()
    NeedStep.objects.create(need=need, step=NeedStatus.REPORTED, recorded_by=by)
    audit.record(by, "created", need, code="need.reported", params={"source": str(source)})
    if by is None:
        from volunteers.needs.tasks import notify_need_reported

        outbox.send(notify_need_reported, need=need.pk)
    return need


@transaction.atomic
def update_need(*, need: Need, fields: dict, by: User) -> list[str]:
    """Change what is known about the need; returns the names of the fields that changed."""
    _require(by, "manage_needs", need)
    if need.anonymised_at is not None:
        raise ValidationError(_("This need has been anonymised and cannot be changed."))
    changed = []
    for name in NEED_FIELDS:
        if name in fields and getattr(need, name) != fields[name]:
            setattr(need, name, fields[name])
            changed.append(name)
    if {"kind", "practical_decision"} & set(changed):
        # What was clarified with the service was about the need as it was.
        need.service_clarified_at, need.service_clarified_by = None, None
        need.service_clarified_note = ""
        changed += ["service_clarified_at", "service_clarified_by", "service_clarified_note"]
    if changed:
        need.full_clean()
        need.save(update_fields=changed)
        audit.record(by, "changed", need, code="need.changed", params={"fields": changed})
    return changed


@transaction.atomic
def record_step(
    *,
    need: Need,
    step: str,
    by: User,
    happened_on: datetime.date | None = None,
    notes: str = "",
) -> NeedStep:
    """Move the need to ``step`` of the method: forward, or back with a note saying why.
    Closing withdraws the open invitations; it waits until every assignment has ended."""
    _require(by, "manage_needs", need)
    need = Need.objects.select_for_update().get(pk=need.pk)
    if need.anonymised_at is not None:
        raise ValidationError(_("This need has been anonymised and cannot be changed."))
    if step not in NEED_STEPS:
        raise ValidationError({"step": _("Choose one of the steps.")})
    today = timezone.localdate()
    happened_on = happened_on or today
    if happened_on > today:
        raise ValidationError({"happened_on": _("The date cannot be in the future.")})
    notes = notes.strip()
    now, to = NEED_STEPS.index(need.status), NEED_STEPS.index(step)
    if to == now:
        raise ValidationError({"step": _("The need is already at this step.")})
    if to < now and not notes:
        raise ValidationError(
            {"notes": _("Write a short note saying why the need goes back to an earlier step.")}
        )
    if step == NeedStatus.CLOSED:
        if need.assignments.exclude(status=AssignmentStatus.ENDED).exists():
            raise ValidationError(
                _("End the running assignments first (on each assignment's page), then close.")
            )
        need.invitations.filter(status=InvitationStatus.PENDING).update(
            status=InvitationStatus.WITHDRAWN
        )
        need.closed_at = timezone.now()
    elif need.is_closed:
        need.closed_at = None  # opened again
    need.status = step
    need.save(update_fields=["status", "closed_at"])
    taken = NeedStep.objects.create(
        need=need, step=step, happened_on=happened_on, notes=notes, recorded_by=by
    )
    audit.record(by, "changed", need, code="need.step", params={"step": str(step)})
    return taken


# --- safeguards before inviting: statutory tasks, and people who cannot speak for themselves


def invite_blockers(need: Need) -> list[str]:
    """What must be recorded before volunteers may be invited, in words for the coordinator:
    practical help the municipality may have decided to give is clarified with the service
    first (volunteers never replace staff in statutory tasks), and a very vulnerable person's
    need has an extra check confirmed."""
    blockers = []
    if need.waits_for_service:
        blockers.append(
            _(
                "The person may have a decision for practical assistance. Clarify with the "
                "service first that a volunteer does not take over its task, and record it "
                "on this page."
            )
        )
    if need.waits_for_extra_check:
        blockers.append(
            _(
                "The person is very vulnerable. A coordinator must confirm the extra check on "
                "this page before anyone is invited."
            )
        )
    return blockers


def _note(note: str) -> str:
    note = " ".join(note.split())
    if not note:
        raise ValidationError({"note": _("Write a short note.")})
    return note[:300]


@transaction.atomic
def record_service_clarified(*, need: Need, by: User, note: str) -> Need:
    """The coordinator has clarified with the service (home care, practical assistance) that
    the volunteer's help does not replace the service's statutory task."""
    _require(by, "manage_needs", need)
    need = Need.objects.select_for_update().get(pk=need.pk)
    _require_open(need)
    if not need.needs_service_clarified:
        raise ValidationError(_("This need does not have to be clarified with the service."))
    need.service_clarified_note = _note(note)
    need.service_clarified_at = timezone.now()
    need.service_clarified_by = by
    need.save(
        update_fields=["service_clarified_at", "service_clarified_by", "service_clarified_note"]
    )
    audit.record(by, "changed", need, code="need.service_clarified")
    return need


@transaction.atomic
def confirm_extra_check(*, need: Need, by: User, note: str) -> Need:
    """A coordinator confirms the extra check for a very vulnerable person (who consented, that
    the help is safe and wanted) before anyone is invited."""
    _require(by, "manage_needs", need)
    need = Need.objects.select_for_update().get(pk=need.pk)
    _require_open(need)
    if not need.very_vulnerable:
        raise ValidationError(_("This need is not marked as being about a very vulnerable person."))
    need.extra_check_note = _note(note)
    need.extra_check_at = timezone.now()
    need.extra_check_by = by
    need.save(update_fields=["extra_check_at", "extra_check_by", "extra_check_note"])
    audit.record(by, "changed", need, code="need.extra_check")
    return need


# --- invitations ----------------------------------------------------------------------------


@transaction.atomic
def invite_volunteers(
    *, need: Need, proposals: Sequence, by: User, message: str = ""
) -> list[Invitation]:
    """Ask the chosen volunteers (matching's proposals: ``.volunteer`` and ``.reasons``) to
    help. Each gets an email and answers for themself; nobody is assigned here."""
    _require(by, "manage_needs", need)
    _require_open(need)
    if blockers := invite_blockers(need):  # safeguards (issue 10)
        raise ValidationError(blockers)
    if not proposals:
        raise ValidationError({"volunteers": _("Choose at least one volunteer to invite.")})
    invitations = []
    for proposal in proposals:
        volunteer = proposal.volunteer
        if volunteer.municipality_id != need.municipality_id:
            raise ValidationError(
                _("%(name)s is not a volunteer in this municipality.") % {"name": volunteer}
            )
        if volunteer.left_at is not None or volunteer.user_id is None:
            raise ValidationError(
                _("%(name)s is no longer an active volunteer.") % {"name": volunteer}
            )
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
                _(
                    "%(name)s is not ready for this task yet and cannot be invited: "
                    "%(missing)s missing."
                )
                % {"name": volunteer, "missing": readiness.missing_text}
            )
        try:
            with transaction.atomic():
                invitation = Invitation.objects.create(
                    need=need,
                    volunteer=volunteer,
                    reasons=[str(reason) for reason in proposal.reasons],
                    message=message.strip(),
                    invited_by=by,
                )
        except IntegrityError:
            raise ValidationError(
                _("%(name)s has already been invited and has not answered yet.")
                % {"name": volunteer}
            ) from None
        invitations.append(invitation)
    if NEED_STEPS.index(need.status) < NEED_STEPS.index(NeedStatus.PROPOSED):
        need.status = NeedStatus.PROPOSED
        need.save(update_fields=["status"])
        NeedStep.objects.create(need=need, step=NeedStatus.PROPOSED, recorded_by=by)
    audit.record(by, "changed", need, code="need.invited", params={"count": len(invitations)})
    from volunteers.needs.tasks import send_invitation

    for invitation in invitations:
        enqueue(
            send_invitation,
            requested_by=by,
            municipality=need.municipality,
            invitation=invitation.pk,
        )
    return invitations


@transaction.atomic
def withdraw_invitation(*, invitation: Invitation, by: User) -> None:
    _require(by, "manage_needs", invitation.need)
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    if invitation.status != InvitationStatus.PENDING:
        raise ValidationError(_("Only an invitation that has not been answered can be withdrawn."))
    invitation.status = InvitationStatus.WITHDRAWN
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


def _notify_answer(invitation: Invitation) -> None:
    from volunteers.needs.tasks import notify_invitation_answered

    outbox.send(notify_invitation_answered, invitation=invitation.pk)


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
    invitation.status = InvitationStatus.ACCEPTED
    invitation.answered_at = timezone.now()
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
    _notify_answer(invitation)
    return assignment


@transaction.atomic
def decline_invitation(*, invitation: Invitation, by: User, reason: str = "") -> None:
    """Only the invited volunteer declines; saying why is optional."""
    invitation = _answerable(invitation, by)
    invitation.status = InvitationStatus.DECLINED
    invitation.answered_at = timezone.now()
    invitation.decline_reason = reason.strip()[:300]
    invitation.save(update_fields=["status", "answered_at", "decline_reason"])
    audit.record(
        by,
        "changed",
        invitation,
        municipality=invitation.need.municipality_id,
        code="invitation.declined",
    )
    _notify_answer(invitation)


# --- the pairing ----------------------------------------------------------------------------


def _changed_assignment(
    assignment: Assignment, by: User, fields: list[str], code: str, params: dict | None = None
):
    assignment.save(update_fields=fields)
    audit.record(
        by,
        "changed",
        assignment,
        municipality=assignment.need.municipality_id,
        code=code,
        params=params,
    )


def _running(assignment: Assignment, by: User) -> Assignment:
    _require(by, "manage_needs", assignment.need)
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
    if trial_went_well is not None and trial_meeting_on > timezone.localdate():
        raise ValidationError(
            {"trial_went_well": _("Say how it went after the meeting has been held.")}
        )
    assignment.trial_meeting_on = trial_meeting_on
    assignment.trial_went_well = trial_went_well
    assignment.frequency = frequency
    _changed_assignment(
        assignment, by, ["trial_meeting_on", "trial_went_well", "frequency"], "assignment.pairing"
    )
    return assignment


@transaction.atomic
def pause_assignment(
    *, assignment: Assignment, by: User, until: datetime.date | None, reason: str = ""
) -> Assignment:
    assignment = _running(assignment, by)
    if assignment.status == AssignmentStatus.PAUSED:
        raise ValidationError(_("This assignment is already paused."))
    if until is not None and until <= timezone.localdate():
        raise ValidationError({"paused_until": _("The pause must last until a later date.")})
    assignment.status = AssignmentStatus.PAUSED
    assignment.paused_until = until
    assignment.pause_reason = reason.strip()[:300]
    _changed_assignment(
        assignment, by, ["status", "paused_until", "pause_reason"], "assignment.paused"
    )
    return assignment


@transaction.atomic
def resume_assignment(*, assignment: Assignment, by: User) -> Assignment:
    assignment = _running(assignment, by)
    if assignment.status != AssignmentStatus.PAUSED:
        raise ValidationError(_("This assignment is not paused."))
    assignment.status = AssignmentStatus.ACTIVE
    assignment.paused_until = None
    assignment.pause_reason = ""
    _changed_assignment(
        assignment, by, ["status", "paused_until", "pause_reason"], "assignment.resumed"
    )
    return assignment


@transaction.atomic
def end_assignment(*, assignment: Assignment, by: User, reason: str, note: str = "") -> Assignment:
    """End the pairing with a reason; from then on the volunteer no longer sees the person."""
    assignment = _running(assignment, by)
    if reason not in EndReason.values:
        raise ValidationError({"end_reason": _("Choose why it ended.")})
    assignment.status = AssignmentStatus.ENDED
    assignment.ended_on = timezone.localdate()
    assignment.end_reason = reason
    assignment.end_note = note.strip()[:300]
    assignment.paused_until = None
    _changed_assignment(
        assignment,
        by,
        ["status", "ended_on", "end_reason", "end_note", "paused_until"],
        "assignment.ended",
        {"reason": reason},
    )
    return assignment


# --- follow-up conversations --------------------------------------------------------------


def add_months(day: datetime.date, months: int) -> datetime.date:
    """The same day ``months`` later, or the month's last day (31 January + 1 = 28/29 Feb)."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    last = calendar.monthrange(year, month)[1]
    return day.replace(year=year, month=month, day=min(day.day, last))


def follow_up_dates(
    first_on: datetime.date, every_weeks: int | None, until: datetime.date | None
) -> list[datetime.date]:
    """``first_on``, then every ``every_weeks`` weeks up to and including ``until``."""
    if not every_weeks or until is None:
        return [first_on]
    dates, day = [], first_on
    while day <= until and len(dates) < MAX_FOLLOW_UPS:
        dates.append(day)
        day += datetime.timedelta(weeks=every_weeks)
    return dates


@transaction.atomic
def plan_follow_ups(
    *,
    need: Need,
    by: User,
    first_on: datetime.date,
    every_weeks: int | None = None,
    until: datetime.date | None = None,
    assignment: Assignment | None = None,
) -> list[FollowUp]:
    """Plan follow-up conversations, e.g. every 4 weeks for the next 3 months. A date already
    planned (and not yet held) for the same pairing is not planned twice."""
    _require(by, "manage_needs", need)
    _require_open(need)
    if assignment is not None and assignment.need_id != need.pk:
        raise ValidationError({"assignment": _("Choose one of this need's volunteers.")})
    if every_weeks is not None and not 1 <= every_weeks <= 26:
        raise ValidationError({"every_weeks": _("Choose between 1 and 26 weeks.")})
    if until is not None and until < first_on:
        raise ValidationError({"months": _("The last date is before the first one.")})
    dates = follow_up_dates(first_on, every_weeks, until)
    planned = set(
        FollowUp.objects.filter(
            need=need, assignment=assignment, held_on__isnull=True, due_on__in=dates
        ).values_list("due_on", flat=True)
    )
    made = FollowUp.objects.bulk_create(
        FollowUp(need=need, assignment=assignment, due_on=day)
        for day in dates
        if day not in planned
    )
    audit.record(by, "changed", need, code="need.follow_ups_planned", params={"count": len(made)})
    return made


@transaction.atomic
def record_follow_up(
    *, follow_up: FollowUp, by: User, held_on: datetime.date, notes: str = ""
) -> FollowUp:
    """The conversation was held: when, and what came out of it."""
    _require(by, "manage_needs", follow_up.need)
    if follow_up.need.anonymised_at is not None:
        raise ValidationError(_("This need has been anonymised and cannot be changed."))
    if held_on > timezone.localdate():
        raise ValidationError({"held_on": _("The date cannot be in the future.")})
    follow_up.held_on = held_on
    follow_up.notes = notes.strip()
    follow_up.held_by = by
    follow_up.save(update_fields=["held_on", "notes", "held_by"])
    audit.record(
        by,
        "changed",
        follow_up,
        municipality=follow_up.need.municipality_id,
        code="follow_up.held",
    )
    return follow_up
