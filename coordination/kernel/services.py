"""Writes with rules or side effects for the core domain. Views call these; they call nothing
back. Each raises ``ValidationError`` with a message for the user when a rule is broken."""

from __future__ import annotations

import csv
from pathlib import Path

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from coordination.kernel import audit, jobs, permissions
from coordination.kernel.contact import PublicContact
from coordination.kernel.invitations import invite_to_role
from coordination.kernel.models import Membership, Municipality, Role, RoleInvitation, User
from coordination.kernel.tasks import notify_role_added

MUNICIPALITIES_CSV = Path(__file__).resolve().parent.parent / "data" / "kommuner.csv"

_LANGUAGE_FORMS = {
    "Bokmål": Municipality.LanguageForm.BOKMAL,
    "Nynorsk": Municipality.LanguageForm.NYNORSK,
    "Nøytral": Municipality.LanguageForm.NEUTRAL,
}


def read_municipalities(path: Path = MUNICIPALITIES_CSV) -> list[dict]:
    """Rows of the reference file (SSB's municipality list), as model field values."""
    with path.open(encoding="utf-8", newline="") as handle:
        return [
            {
                "number": row["number"],
                "name": row["name"],
                "official_name": row["official_name"],
                "county": row["county"],
                "county_number": row["county_number"],
                "population": int(row["population"]),
                "language_form": _LANGUAGE_FORMS[row["language_form"]],
            }
            for row in csv.DictReader(handle)
        ]


def load_municipalities(*, model=Municipality, path: Path = MUNICIPALITIES_CSV) -> dict[str, int]:
    """Create or update every municipality by number; running it twice changes nothing.

    ``model`` lets the data migration pass its historical model.
    """
    rows = read_municipalities(path)
    existing = {m.number: m for m in model.objects.all()}
    fields = [f for f in rows[0] if f != "number"]
    to_create, to_update = [], []
    for row in rows:
        current = existing.get(row["number"])
        if current is None:
            to_create.append(model(**row))
        elif any(getattr(current, f) != row[f] for f in fields):
            for f in fields:
                setattr(current, f, row[f])
            to_update.append(current)
    with transaction.atomic():
        model.objects.bulk_create(to_create)
        model.objects.bulk_update(to_update, fields)
    return {"created": len(to_create), "updated": len(to_update), "total": len(rows)}


@transaction.atomic
def give_role(
    *, municipality: Municipality, email: str, role: str, by: User, organisation=None
) -> Membership | RoleInvitation:
    """The roles form: a person with an account gets the role now; an address without one gets
    an invitation by email, and the role when they sign up with it (kernel.invitations)."""
    permissions.require(by, "manage_roles", municipality)
    if User.objects.filter(email__iexact=email.strip()).exists():
        return add_membership(
            municipality=municipality, email=email, role=role, by=by, organisation=organisation
        )
    return invite_to_role(
        municipality=municipality, email=email, role=role, by=by, organisation=organisation
    )


@transaction.atomic
def add_membership(
    *, municipality: Municipality, email: str, role: str, by: User, organisation=None
) -> Membership:
    """Give a registered person a role in the municipality."""
    permissions.require(by, "manage_roles", municipality)
    user = User.objects.filter(email__iexact=email.strip()).first()
    if user is None:
        raise ValidationError(
            {
                "email": _(
                    "Nobody with this email address has an account yet. Ask them to register "
                    "first, then add the role."
                )
            }
        )
    if role == Role.PARTNER_REPRESENTATIVE and organisation is None:
        raise ValidationError({"organisation": _("Choose the organisation they represent.")})
    # A coordinator may work at a partner (the volunteer centre as the municipality's hub);
    # the other roles belong to the municipality itself.
    if role not in (Role.PARTNER_REPRESENTATIVE, Role.COORDINATOR):
        organisation = None
    already = ValidationError(
        {"role": _("%(name)s already has this role.") % {"name": user.full_name or user.email}}
    )
    if Membership.objects.filter(user=user, municipality=municipality, role=role).exists():
        raise already
    try:  # the same form sent twice at once: the second is told, not given a 500
        with transaction.atomic():
            membership = Membership.objects.create(
                user=user,
                municipality=municipality,
                role=role,
                organisation=organisation,
                created_by=by,
            )
    except IntegrityError:
        raise already from None
    permissions.forget_roles(user)
    audit.record(
        by,
        "created",
        membership,
        code="membership.role",
        params={"role": membership.role, "name": str(user)},
    )
    jobs.enqueue(
        notify_role_added, requested_by=by, municipality=municipality, membership=membership.pk
    )
    return membership


@transaction.atomic
def remove_membership(*, membership: Membership, by: User) -> None:
    """Take a role away. The last coordinator cannot remove their own role, so a municipality
    is never left without anyone who can manage it."""
    permissions.require(by, "manage_roles", membership)
    if membership.role == Role.COORDINATOR:
        coordinators = Membership.objects.select_for_update().filter(
            municipality_id=membership.municipality_id, role=Role.COORDINATOR
        )
        if len(coordinators.values_list("pk", flat=True)) <= 1:
            raise ValidationError(
                _("The municipality must have at least one coordinator. Add another first.")
            )
    audit.record(
        by,
        "deleted",
        membership,
        code="membership.role",
        params={"role": membership.role, "name": str(membership.user)},
    )
    membership.delete()
    permissions.forget_roles(membership.user)


@transaction.atomic
def update_public_contact(
    *,
    municipality: Municipality,
    by: User,
    coordinator: User | None,
    show_name: bool = False,
    phone: str = "",
    email: str = "",
    when_to_call: str = "",
) -> PublicContact:
    """Choose what the municipality's public page shows about whom to call; the chosen
    coordinator also signs the municipality's emails."""
    permissions.require(by, "manage_public_contact", municipality)
    if (
        coordinator is not None
        and not Membership.objects.filter(
            user=coordinator, municipality=municipality, role=Role.COORDINATOR
        ).exists()
    ):
        raise ValidationError({"coordinator": _("Choose one of the municipality's coordinators.")})
    if show_name and coordinator is None:
        raise ValidationError({"show_name": _("Choose the coordinator whose name is shown.")})
    contact, created = PublicContact.objects.select_for_update().get_or_create(
        municipality=municipality
    )
    contact.coordinator = coordinator
    contact.show_name = show_name
    contact.phone = phone.strip()
    contact.email = email.strip()
    contact.when_to_call = when_to_call.strip()
    contact.updated_by = by
    contact.save()
    audit.record(
        by,
        "created" if created else "changed",
        contact,
        code="public_contact.saved",
        params={"name": contact.shown_name, "phone": contact.phone},
    )
    return contact
