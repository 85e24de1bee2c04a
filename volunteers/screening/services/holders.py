"""Volunteers in roles and their police certificate checks: giving a role, taking it away (which
deletes the checks for it), and recording a check."""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from coordination.kernel import audit
from coordination.kernel.dates import add_months
from coordination.kernel.models import User
from coordination.kernel.permissions import require
from volunteers.models import (
    CertificateCheck,
    CertificateKind,
    RoleHolder,
    Volunteer,
    VolunteerRole,
)
from volunteers.screening.services.base import ACTION, _not_in_future


@transaction.atomic
def give_role(*, volunteer: Volunteer, role: VolunteerRole, by: User) -> RoleHolder:
    require(by, ACTION, volunteer.municipality_id)
    if role.municipality_id != volunteer.municipality_id:
        raise ValidationError({"role": _("Choose one of the municipality's roles.")})
    if volunteer.left_at is not None:
        raise ValidationError(_("This volunteer has left and cannot be given a role."))
    holder, created = RoleHolder.objects.get_or_create(volunteer=volunteer, role=role)
    if not created:
        raise ValidationError({"role": _("The volunteer already has this role.")})
    audit.record(by, "changed", volunteer, code="volunteer.role_given", params={"role": role.name})
    return holder


@transaction.atomic
def take_away_role(*, holder: RoleHolder, by: User) -> None:
    """The volunteer leaves the role. The police certificate checks for it go with it: they
    may be kept only while the volunteer has the role."""
    volunteer, role = holder.volunteer, holder.role
    require(by, ACTION, role.municipality_id)
    checks = holder.certificate_checks.count()
    holder.delete()  # cascades to the CertificateCheck rows
    # In the log of the municipality whose role it was, wherever the volunteer is now.
    audit.record(
        by,
        "changed",
        volunteer,
        municipality=role.municipality_id,
        code="volunteer.role_taken",
        params={"role": role.name, "certificates": checks},
    )


@transaction.atomic
def record_certificate_check(
    *,
    holder: RoleHolder,
    kind: str,
    presented_on: datetime.date,
    approved: bool,
    by: User,
) -> CertificateCheck:
    """That ``by`` saw a police certificate of ``kind`` for the holder's role, and whether it
    was OK. The renewal date follows from the role's renewal period."""
    role = holder.role
    require(by, ACTION, role.municipality_id)
    if not role.requires_certificate:
        raise ValidationError(
            _("The role %(role)s does not require a police certificate. Record nothing.")
            % {"role": role.name}
        )
    if kind not in CertificateKind.values:
        raise ValidationError({"kind": _("Choose the kind of police certificate you saw.")})
    if approved and kind not in role.certificate_kinds:
        raise ValidationError(
            {
                "kind": _(
                    "The role %(role)s accepts only: %(kinds)s. Record this certificate as not "
                    "OK for the role, or change which certificates the role accepts."
                )
                % {"role": role.name, "kinds": role.certificate_kinds_text}
            }
        )
    _not_in_future(
        presented_on,
        "presented_on",
        _("The day it was presented cannot be in the future."),
    )
    renew_by = (
        add_months(presented_on, role.certificate_valid_months)
        if role.certificate_valid_months
        else None
    )
    check = CertificateCheck.objects.create(
        holder=holder,
        kind=kind,
        presented_on=presented_on,
        checked_by=by,
        approved=approved,
        renew_by=renew_by,
    )
    audit.record(
        by,
        "changed",
        holder.volunteer,
        municipality=role.municipality_id,
        code="volunteer.certificate_checked",
        params={"role": role.name},
    )
    return check
