"""Leaving: a volunteer stops, and later (or at once, when they delete their account or a
coordinator removes them) their personal data is anonymised. The volunteer row, their hours,
assignments and course completions stay, without anything that points to the person, so the
municipality's statistics (hours given, how many helped) stay true."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from coordination.kernel import audit, permissions
from coordination.kernel.models import User
from volunteers.models import (
    Assignment,
    AssignmentStatus,
    EndReason,
    HoursEntry,
    Invitation,
    InvitationStatus,
    Volunteer,
)
from volunteers.screening import ready_state

# Volunteers who left are anonymised after this many days (see volunteers/apps.py retention).
ANONYMISE_AFTER_LEAVING_DAYS = 365


def _end_running_work(volunteer: Volunteer, municipality_id: str | None = None) -> None:
    """End the volunteer's work; with ``municipality_id`` only that municipality's (a
    coordinator changes only what their own municipality made)."""
    today = timezone.localdate()
    assignments = Assignment.objects.filter(volunteer=volunteer)
    invitations = Invitation.objects.filter(volunteer=volunteer)
    roles = volunteer.roles.all()
    if municipality_id is not None:
        assignments = assignments.filter(need__municipality_id=municipality_id)
        invitations = invitations.filter(need__municipality_id=municipality_id)
        roles = roles.filter(role__municipality_id=municipality_id)
    assignments.exclude(status=AssignmentStatus.ENDED).update(
        status=AssignmentStatus.ENDED,
        ended_on=today,
        end_reason=EndReason.VOLUNTEER_STOPPED,
    )
    invitations.filter(status=InvitationStatus.PENDING).update(
        status=InvitationStatus.WITHDRAWN, answered_at=timezone.now()
    )
    roles.delete()


@transaction.atomic
def end_volunteering(*, volunteer: Volunteer, by: User) -> None:
    """The volunteer stops (they say so themself, or a coordinator records it). Their running
    assignments end and open invitations are withdrawn; their roles (and with them the police
    certificate records) are removed, since they are no longer needed."""
    is_self = volunteer.user_id == by.pk
    if not is_self:
        permissions.require(by, "manage_screening", volunteer.municipality)
    if volunteer.left_at is not None:
        raise ValidationError(_("This volunteer has already left."))
    _end_running_work(volunteer, None if is_self else volunteer.municipality_id)
    volunteer.left_at = timezone.now()
    volunteer.save(update_fields=["left_at"])
    audit.record(by, "changed", volunteer, code="volunteer.left")


@transaction.atomic
def anonymise_volunteer(*, volunteer: Volunteer, by: User | None = None) -> None:
    """Remove everything that points to the person; keep the numbers.

    ``by`` is None when the person deletes their own account or a retention rule runs;
    otherwise it is the volunteer themself (asking for deletion) or a coordinator of the
    volunteer's municipality."""
    is_self = by is not None and volunteer.user_id == by.pk
    if by is not None and not is_self:
        permissions.require(by, "manage_screening", volunteer.municipality)
    if volunteer.anonymised_at is not None:
        return
    # A coordinator ends and deletes only what their own municipality made; the person
    # themself (or the retention rule) everything.
    only = volunteer.municipality_id if by is not None and not is_self else None
    _end_running_work(volunteer, only)
    notes = volunteer.notes.all()
    if only is not None:
        notes = notes.filter(municipality_id=only)
    notes.delete()
    volunteer.consents.all().delete()
    volunteer.signatures.all().delete()
    volunteer.interests.all().delete()
    Invitation.objects.filter(volunteer=volunteer).update(decline_reason="", message="")
    HoursEntry.objects.filter(volunteer=volunteer).update(description="")
    Assignment.objects.filter(volunteer=volunteer).update(end_note="", pause_reason="")
    now = timezone.now()
    if by is not None:
        audit.record(by, "deleted", volunteer, code="volunteer.anonymised")
    if volunteer.user is not None:
        audit.forget_person(
            user=volunteer.user,
            municipality_id=volunteer.municipality_id,
            object_type=volunteer._meta.label_lower,
            object_id=str(volunteer.pk),
        )
    Volunteer.objects.filter(pk=volunteer.pk).update(
        user=None,
        name="",
        phone="",
        email="",
        sort_name="",
        search_text="",
        area="",
        skills="",
        languages="",
        gender="",
        through_organisation=None,
        left_at=volunteer.left_at or now,
        anonymised_at=now,
    )
    # Roles a coordinator's anonymising left stand without the signatures and organisation.
    ready_state.refresh_volunteer(volunteer)
    volunteer.refresh_from_db()
