"""The roles volunteers take on: what the volunteer does and does not do, and what the role
requires (a police certificate and how often it is renewed, the courses)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Required, TypedDict, Unpack

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from coordination.kernel.models import Municipality, User
from coordination.kernel.permissions import require
from volunteers.models import CertificateKind, Course, Interest, VolunteerRole
from volunteers.screening.services.base import ACTION

MAX_RENEWAL_MONTHS = 120


def _described(what_you_do: str, what_you_do_not_do: str) -> tuple[str, str]:
    what_you_do, what_you_do_not_do = what_you_do.strip(), what_you_do_not_do.strip()
    if not what_you_do:
        raise ValidationError(
            {"what_you_do": _("Say in plain words what the volunteer does in this role.")}
        )
    if not what_you_do_not_do:
        raise ValidationError(
            {
                "what_you_do_not_do": _(
                    "Say what the volunteer does not do in this role, for example give "
                    "medicine or handle money."
                )
            }
        )
    return what_you_do, what_you_do_not_do


def _certificate_rules(
    requires_certificate: bool,
    certificate_kinds: Iterable[str],
    certificate_legal_basis: str,
    certificate_valid_months: int | None,
) -> tuple[list[str], str]:
    """The kinds the role accepts and why, checked against each other; none when the role
    requires no police certificate."""
    kinds = [kind for kind in CertificateKind.values if kind in set(certificate_kinds)]
    if set(certificate_kinds) - set(kinds):
        raise ValidationError(
            {"certificate_kinds": _("Choose only kinds of police certificate in the list.")}
        )
    certificate_legal_basis = certificate_legal_basis.strip()
    if requires_certificate:
        if not kinds:
            raise ValidationError(
                {"certificate_kinds": _("Tick the kinds of police certificate the role accepts.")}
            )
        if not certificate_legal_basis:
            raise ValidationError(
                {
                    "certificate_legal_basis": _(
                        "Write why the role requires a police certificate: the legal basis, in "
                        "a sentence of your own. Volunteers see it."
                    )
                }
            )
    else:
        kinds, certificate_legal_basis = [], ""
    if certificate_valid_months is not None:
        if not requires_certificate:
            raise ValidationError(
                {
                    "certificate_valid_months": _(
                        "Only a role that requires a police certificate can have it renewed. "
                        "Choose the kind of certificate, or leave this empty."
                    )
                }
            )
        if not 1 <= certificate_valid_months <= MAX_RENEWAL_MONTHS:
            raise ValidationError(
                {
                    "certificate_valid_months": _("Write a number of months from 1 to %(max)s.")
                    % {"max": MAX_RENEWAL_MONTHS}
                }
            )
    return kinds, certificate_legal_basis


class RoleFields(TypedDict, total=False):
    """What a role says and requires (the role form's fields)."""

    name: Required[str]
    interest: str
    what_you_do: str
    what_you_do_not_do: str
    requires_certificate: bool
    certificate_kinds: Iterable[str]
    certificate_legal_basis: str
    certificate_valid_months: int | None
    required_courses: Iterable[Course]


def _write_role(role: VolunteerRole, fields: RoleFields) -> VolunteerRole:
    """Check what a role says against its municipality and the other roles, then save it."""
    municipality = role.municipality
    name, interest = fields["name"].strip(), fields.get("interest", "")
    requires_certificate = fields.get("requires_certificate", False)
    certificate_valid_months = fields.get("certificate_valid_months")
    if not name:
        raise ValidationError({"name": _("Give the role a name.")})
    if interest and interest not in Interest.values:
        raise ValidationError({"interest": _("Choose one of the kinds of help in the list.")})
    what_you_do, what_you_do_not_do = _described(
        fields.get("what_you_do", ""), fields.get("what_you_do_not_do", "")
    )
    kinds, legal_basis = _certificate_rules(
        requires_certificate,
        fields.get("certificate_kinds", ()),
        fields.get("certificate_legal_basis", ""),
        certificate_valid_months,
    )
    courses = list(fields.get("required_courses", ()))
    if any(course.municipality_id != municipality.pk for course in courses):
        message = _("Choose only courses held by %(name)s.") % {"name": municipality.name}
        raise ValidationError({"required_courses": message})
    clash = VolunteerRole.objects.in_municipality(municipality).filter(name__iexact=name)
    if clash.exclude(pk=role.pk).exists():
        raise ValidationError({"name": _("There is already a role with this name.")})
    role.name, role.interest = name, interest
    role.what_you_do, role.what_you_do_not_do = what_you_do, what_you_do_not_do
    role.certificate_kinds, role.certificate_legal_basis = kinds, legal_basis
    role.requires_certificate = bool(requires_certificate)
    role.certificate_valid_months = certificate_valid_months
    try:  # the same form sent twice at once: the second is told, not given a 500
        with transaction.atomic():
            role.save()
    except IntegrityError:
        raise ValidationError({"name": _("There is already a role with this name.")}) from None
    role.required_courses.set(courses)
    return role


@transaction.atomic
def create_role(
    *, municipality: Municipality, by: User, **fields: Unpack[RoleFields]
) -> VolunteerRole:
    """A role in the municipality: its name, the kind of help it gives, what the volunteer
    does and does not do, the police certificates it accepts (if it requires one) and why,
    and the courses it requires."""
    require(by, ACTION, municipality)
    return _write_role(VolunteerRole(municipality=municipality), fields)


@transaction.atomic
def update_role(*, role: VolunteerRole, by: User, **fields: Unpack[RoleFields]) -> VolunteerRole:
    """Change what ``role`` is and requires (as ``create_role``)."""
    require(by, ACTION, role.municipality_id)
    return _write_role(role, fields)
