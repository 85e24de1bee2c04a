"""Grant-makers and who works there: the national administrator creates a grant-maker and
its first officer; its officers add and remove officers and reviewers."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from coordination.kernel import outbox, permissions
from coordination.kernel.models import (
    GrantMaker,
    GrantMakerRole,
    GrantRole,
    Municipality,
    User,
)

# The task that tells a person of their new role (grants/schemes/tasks.py), sent by name.
NOTIFY_ROLE_ADDED = "grants.schemes.tasks.notify_grant_role_added"


def _find_account(email: str, *, field: str = "email") -> User:
    user = User.objects.filter(email__iexact=email.strip(), is_active=True).first()
    if user is None:
        raise ValidationError(
            {
                field: _(
                    "Nobody with this email address has an account. Ask them to create an "
                    "account in Samspill first, then add them here."
                )
            }
        )
    return user


@transaction.atomic
def create_grant_maker(
    *,
    by: User,
    name: str,
    kind: str,
    municipality: Municipality | None = None,
    email: str = "",
    officer_email: str = "",
) -> GrantMaker:
    """A new grant-maker (national administrator only). ``officer_email`` names its first
    grant officer (an existing account): a grant-maker nobody can run is no use."""
    permissions.require_national_administrator(by)
    name = name.strip()
    if not name:
        raise ValidationError({"name": _("Write the grant-maker's name.")})
    if kind not in GrantMaker.Kind.values:
        raise ValidationError({"kind": _("Choose what kind of body this is.")})
    if kind == GrantMaker.Kind.MUNICIPALITY and municipality is None:
        raise ValidationError({"municipality": _("Choose the municipality that runs the schemes.")})
    if kind != GrantMaker.Kind.MUNICIPALITY and municipality is not None:
        raise ValidationError(
            {
                "municipality": _(
                    "Only a municipal grant-maker belongs to a municipality. Leave the "
                    "municipality empty, or choose the kind «Municipality»."
                )
            }
        )
    if GrantMaker.objects.filter(name__iexact=name).exists():
        raise ValidationError({"name": _("A grant-maker with this name exists already.")})
    officer = _find_account(officer_email, field="officer_email") if officer_email else None
    grant_maker = GrantMaker.objects.create(
        name=name, kind=kind, municipality=municipality, email=email.strip()
    )
    if officer is not None:
        first = GrantMakerRole.objects.create(
            user=officer, grant_maker=grant_maker, role=GrantRole.OFFICER, created_by=by
        )
        permissions.forget_roles(officer)
        outbox.send(NOTIFY_ROLE_ADDED, grant_role=first.pk)
    return grant_maker


def _require_role_manager(by: User, grant_maker: GrantMaker | int) -> None:
    """The grant-maker's own officers and the national administrator manage its people."""
    if permissions.is_national_administrator(by):
        return
    if not (by.is_authenticated and by.is_active) or not permissions.has_grant_role(
        by, grant_maker, GrantRole.OFFICER
    ):
        raise PermissionDenied


@transaction.atomic
def add_grant_role(*, by: User, grant_maker: GrantMaker, email: str, role: str) -> GrantMakerRole:
    """Give a person with an account a role (officer or reviewer) in the grant-maker."""
    _require_role_manager(by, grant_maker)
    if role not in GrantRole.values:
        raise ValidationError({"role": _("Choose officer or reviewer.")})
    user = _find_account(email)
    already = ValidationError(
        {"role": _("%(name)s already has this role.") % {"name": user.full_name or user.email}}
    )
    if GrantMakerRole.objects.filter(user=user, grant_maker=grant_maker, role=role).exists():
        raise already
    try:  # the same form sent twice at once: the second is told, not given a 500
        with transaction.atomic():
            given = GrantMakerRole.objects.create(
                user=user, grant_maker=grant_maker, role=role, created_by=by
            )
    except IntegrityError:
        raise already from None
    permissions.forget_roles(user)
    if by.pk == user.pk:
        permissions.forget_roles(by)
    outbox.send(NOTIFY_ROLE_ADDED, grant_role=given.pk)
    return given


@transaction.atomic
def remove_grant_role(*, by: User, grant_role: GrantMakerRole) -> None:
    """Take a role away; the last officer stays, so the grant-maker can always be run."""
    _require_role_manager(by, grant_role.grant_maker_id)
    if grant_role.role == GrantRole.OFFICER:
        officers = GrantMakerRole.objects.select_for_update().filter(
            grant_maker_id=grant_role.grant_maker_id, role=GrantRole.OFFICER
        )
        if len(officers.values_list("pk", flat=True)) <= 1:
            raise ValidationError(
                _("The grant-maker must have at least one grant officer. Add another first.")
            )
    grant_role.delete()
    permissions.forget_roles(grant_role.user)
    if by.pk == grant_role.user_id:
        permissions.forget_roles(by)
