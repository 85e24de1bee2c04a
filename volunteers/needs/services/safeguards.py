"""The safeguards before inviting anyone: practical help the municipality may have decided to
give is clarified with the service first (volunteers never replace staff in statutory tasks),
and a very vulnerable person's need has an extra check confirmed."""

from __future__ import annotations

from collections.abc import Callable
from typing import Literal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from coordination.kernel import audit
from coordination.kernel.models import User
from coordination.kernel.permissions import require
from volunteers.needs.models import Need


def invite_blockers(need: Need) -> list[str]:
    """What must be recorded before volunteers may be invited, in words for the coordinator."""
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


def _record_safeguard(
    *,
    need: Need,
    by: User,
    note: str,
    safeguard: Literal["service_clarified", "extra_check"],
    applies: Callable[[Need], bool],
    not_needed: str,
) -> Need:
    """Record one safeguard (``<safeguard>_at``, ``_by``, ``_note``) on an open need it
    applies to, and say so in the audit log."""
    require(by, "manage_needs", need)
    need = Need.objects.select_for_update().get(pk=need.pk)
    need.check_open()
    if not applies(need):
        raise ValidationError(not_needed)
    fields = [f"{safeguard}_at", f"{safeguard}_by", f"{safeguard}_note"]
    for field, value in zip(fields, (timezone.now(), by, _note(note)), strict=True):
        setattr(need, field, value)
    need.save(update_fields=fields)
    audit.record(by, "changed", need, code=f"need.{safeguard}")
    return need


@transaction.atomic
def record_service_clarified(*, need: Need, by: User, note: str) -> Need:
    """The coordinator has clarified with the service (home care, practical assistance) that
    the volunteer's help does not replace the service's statutory task."""
    return _record_safeguard(
        need=need,
        by=by,
        note=note,
        safeguard="service_clarified",
        applies=lambda need: need.needs_service_clarified,
        not_needed=_("This need does not have to be clarified with the service."),
    )


@transaction.atomic
def confirm_extra_check(*, need: Need, by: User, note: str) -> Need:
    """A coordinator confirms the extra check for a very vulnerable person (who consented, that
    the help is safe and wanted) before anyone is invited."""
    return _record_safeguard(
        need=need,
        by=by,
        note=note,
        safeguard="extra_check",
        applies=lambda need: need.very_vulnerable,
        not_needed=_("This need is not marked as being about a very vulnerable person."),
    )
