"""A need and the steps of the method: report it, change what is known, record each step,
and the safeguards recorded before anyone is invited."""

from __future__ import annotations

import datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from coordination.kernel import audit, outbox
from coordination.kernel.models import Municipality, User
from coordination.kernel.permissions import can, require
from volunteers.needs.models import (
    NEED_STEPS,
    AssignmentStatus,
    ConsentBasis,
    InvitationStatus,
    Need,
    NeedSource,
    NeedStatus,
    NeedStep,
)

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

# What the need is, where and when: the start of both forms.
_WHAT_WHERE_WHEN = [
    "kind",
    "description",
    "practical_decision",
    "area",
    "weekday_daytime",
    "evenings",
    "weekends",
    "needs_driver",
]
# The fields of a need a coordinator or volunteer contact fills in.
NEED_FIELDS = [
    *_WHAT_WHERE_WHEN,
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
    *_WHAT_WHERE_WHEN,
    "person_name",
    "person_phone",
    "address",
    "contact_name",
    "contact_phone",
    "consent_basis",
    "consent_note",
]

ALREADY_AT_STEP = gettext_lazy("The need is already at this step.")


def _check_consent(fields: dict[str, Any], consented: bool) -> None:
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


@transaction.atomic
def report_need(
    *,
    municipality: Municipality,
    fields: dict[str, Any],
    consented: bool,
    by: User | None = None,
) -> Need:
    """A need reported by a coordinator or a unit's volunteer contact (``by``), or through the
    public form (``by=None``). Nothing is stored without consent."""
    if by is None:
        source, allowed = NeedSource.PUBLIC, PUBLIC_NEED_FIELDS
    else:
        require(by, "report_needs", municipality)
        coordinator = can(by, "manage_needs", municipality)
        source = NeedSource.COORDINATOR if coordinator else NeedSource.UNIT
        allowed = NEED_FIELDS
    _check_consent(fields, consented)
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
        outbox.send("volunteers.needs.tasks.notify_need_reported", need=need.pk)
    return need


@transaction.atomic
def update_need(*, need: Need, fields: dict[str, Any], by: User) -> list[str]:
    """Change what is known about the need; returns the names of the fields that changed."""
    require(by, "manage_needs", need)
    need.check_not_anonymised()
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


def _check_step(need: Need, step: str, happened_on: datetime.date, notes: str) -> None:
    """A step of the method, on a day that has been, back only with a note; closing waits
    until every assignment has ended."""
    if step not in NEED_STEPS:
        raise ValidationError({"step": _("Choose one of the steps.")})
    if happened_on > timezone.localdate():
        raise ValidationError({"happened_on": _("The date cannot be in the future.")})
    if not need.may_move_to(step):
        raise ValidationError({"step": ALREADY_AT_STEP})
    if NEED_STEPS.index(step) < NEED_STEPS.index(need.status) and not notes:
        raise ValidationError(
            {"notes": _("Write a short note saying why the need goes back to an earlier step.")}
        )
    if (
        step == NeedStatus.CLOSED
        and need.assignments.exclude(status=AssignmentStatus.ENDED).exists()
    ):
        raise ValidationError(
            _("End the running assignments first (on each assignment's page), then close.")
        )


def move_need_to(need: Need, step: str) -> None:
    """The need's one status change (saved): closing withdraws the open invitations and
    stamps ``closed_at``; any step from closed opens it again."""
    need.transition_to(step, refusal={"step": ALREADY_AT_STEP})
    if step == NeedStatus.CLOSED:
        need.invitations.filter(status=InvitationStatus.PENDING).update(
            status=InvitationStatus.WITHDRAWN
        )
        need.closed_at = timezone.now()
    else:
        need.closed_at = None  # opened again, if it was closed
    need.save(update_fields=["status", "closed_at"])


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
    require(by, "manage_needs", need)
    need = Need.objects.select_for_update().get(pk=need.pk)
    need.check_not_anonymised()
    happened_on = happened_on or timezone.localdate()
    notes = notes.strip()
    _check_step(need, step, happened_on, notes)
    move_need_to(need, step)
    taken = NeedStep.objects.create(
        need=need, step=step, happened_on=happened_on, notes=notes, recorded_by=by
    )
    audit.record(by, "changed", need, code="need.step", params={"step": str(step)})
    return taken
