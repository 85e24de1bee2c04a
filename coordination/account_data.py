"""A person's own data: everything Samspill holds about them, to take out, and account deletion.

Feature apps add what they hold about a person through ``register_section`` (in
``AppConfig.ready()``), so the export stays complete as the portal grows.
"""

from __future__ import annotations

from collections.abc import Callable

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .models import AuditEvent, Membership, User

SECTIONS: dict[str, Callable[[User], object]] = {}
TITLES: dict[str, str | Promise] = {}


def register_section(
    name: str, collect: Callable[[User], object], *, title: str | Promise | None = None
) -> None:
    """``title`` names the section for people on the readable page (default: ``name``)."""
    SECTIONS[name] = collect
    TITLES[name] = title or name.replace("_", " ").capitalize()


def _account(user: User) -> dict:
    return {
        "email": user.email,
        "full_name": user.full_name,
        "phone": user.phone,
        "preferred_language": user.preferred_language,
        "date_joined": user.date_joined.isoformat(),
        "last_login": user.last_login.isoformat() if user.last_login else None,
        "email_addresses": [
            {"email": e.email, "verified": e.verified, "primary": e.primary}
            for e in EmailAddress.objects.filter(user=user).order_by("email")
        ],
        "two_factor_methods": sorted(
            Authenticator.objects.filter(user=user).values_list("type", flat=True)
        ),
    }


def _roles(user: User) -> list[dict]:
    return [
        {
            "municipality": m.municipality.name,
            "municipality_number": m.municipality_id,
            "role": m.role,
            "organisation": m.organisation.name if m.organisation else None,
            "since": m.created_at.isoformat(),
        }
        for m in Membership.objects.filter(user=user).select_related("municipality", "organisation")
    ]


def _actions_in_audit_log(user: User) -> list[dict]:
    return [
        {"at": e.at.isoformat(), "verb": e.verb, "kind": e.object_type, "details": e.summary}
        for e in AuditEvent.objects.filter(actor=user).order_by("at")
    ]


register_section("account", _account, title=gettext_lazy("Your account"))
register_section("roles", _roles, title=gettext_lazy("Your roles"))
register_section(
    "your_actions_in_the_audit_log",
    _actions_in_audit_log,
    title=gettext_lazy("What you have done that the audit log records"),
)


def export_for(user: User) -> dict:
    return {
        "exported_at": timezone.now().isoformat(),
        **{name: collect(user) for name, collect in SECTIONS.items()},
    }


def readable_export_for(user: User) -> list[tuple[str, object]]:
    """The export as (title, data) pairs for the readable page; empty sections left out."""
    data = export_for(user)
    return [(TITLES[name], data[name]) for name in SECTIONS if data[name] not in (None, [], {})]


@transaction.atomic
def delete_account(*, user: User) -> None:
    """Delete a person's account. Someone who holds a role must hand it over first, so that
    no municipality is left without the people it relies on."""
    if Membership.objects.filter(user=user).exists():
        raise ValidationError(
            _(
                "You have a role in a municipality. Ask your coordinator to remove the role "
                "first, then delete your account."
            )
        )
    user.delete()
