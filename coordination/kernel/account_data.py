"""A person's own data: everything Samspill holds about them, to take out, and account deletion.

Other parts add what they hold about a person with ``@contribute.export_section(key, ...)``
in their contributions.py (coordination.kernel.contributions), so the export stays complete as
the portal grows; the account's own sections are registered below, first.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from decimal import Decimal

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils import formats, timezone
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext_lazy

from coordination.kernel.models import AuditEvent, Membership, Role, User

SECTIONS: dict[str, Callable[[User], object]] = {}
TITLES: dict[str, str | Promise] = {}
# What each key of the export is called on the readable page, in the reader's language.
LABELS: dict[str, str | Promise] = {}


def register_section(
    name: str,
    collect: Callable[[User], object],
    *,
    title: str | Promise | None = None,
    labels: dict[str, str | Promise] | None = None,
) -> None:
    """The storage behind ``contribute.export_section``. ``title`` names the section for
    people on the readable page (default: ``name``); ``labels`` name the keys its data uses (a
    test fails on a key without a label)."""
    SECTIONS[name] = collect
    TITLES[name] = title or name.replace("_", " ").capitalize()
    LABELS.update(labels or {})


# --- Values that the file keeps as data and the page shows in words ------------------------
# Each is a ``str`` (so the JSON file holds the plain code, date or number) that also knows
# how to show itself to a person in the active language.


class Shown(str):
    def display(self) -> str:
        return str(self)


class Coded(Shown):
    """A stored code (``"pending"``) with its label (``"Venter på svar"``)."""

    label: str | Promise

    def __new__(cls, code: str, label: str | Promise) -> Coded:
        value = super().__new__(cls, code)
        value.label = label
        return value

    def display(self) -> str:
        return str(self.label)


class When(Shown):
    """A date or a time: ISO 8601 in the file, the reader's own format on the page."""

    moment: datetime.date

    def __new__(cls, moment: datetime.date) -> When:
        value = super().__new__(cls, moment.isoformat())
        value.moment = moment
        return value

    def display(self) -> str:
        if isinstance(self.moment, datetime.datetime):
            moment = (
                timezone.localtime(self.moment) if timezone.is_aware(self.moment) else self.moment
            )
            return formats.date_format(moment, "DATETIME_FORMAT")
        return formats.date_format(self.moment, "DATE_FORMAT")


class Amount(Shown):
    """A decimal number: ``"2.5"`` in the file, ``"2,5"`` on a bokmål page."""

    def display(self) -> str:
        return formats.number_format(Decimal(self), use_l10n=True)


def when(moment: datetime.date | None) -> When | None:
    return When(moment) if moment is not None else None


def amount(value: Decimal | None) -> Amount | None:
    return Amount(str(value)) if value is not None else None


def coded(value: str | None, choices: type[models.Choices] | dict) -> Coded | str | None:
    """``value`` with its label from ``choices`` (TextChoices or a dict); unknown codes stay."""
    if value is None or value == "":
        return value
    labels = dict(choices.choices) if isinstance(choices, type) else choices
    return Coded(value, labels[value]) if value in labels else value


TWO_FACTOR_METHODS = {
    Authenticator.Type.TOTP: gettext_lazy("Code from an authenticator app"),
    Authenticator.Type.RECOVERY_CODES: gettext_lazy("Recovery codes"),
    Authenticator.Type.WEBAUTHN: gettext_lazy("Security key or passkey"),
}


def _account(user: User) -> dict:
    return {
        "email": user.email,
        "full_name": user.full_name,
        "phone": user.phone,
        "preferred_language": coded(user.preferred_language, dict(settings.LANGUAGES)),
        "date_joined": when(user.date_joined),
        "last_login": when(user.last_login),
        "email_addresses": [
            {"email": e.email, "verified": e.verified, "primary": e.primary}
            for e in EmailAddress.objects.filter(user=user).order_by("email")
        ],
        "two_factor_methods": [
            coded(kind, TWO_FACTOR_METHODS)
            for kind in sorted(
                Authenticator.objects.filter(user=user).values_list("type", flat=True)
            )
        ],
    }


def _roles(user: User) -> list[dict]:
    return [
        {
            "municipality": m.municipality.name,
            "municipality_number": m.municipality_id,
            "role": coded(m.role, Role),
            "organisation": m.organisation.name if m.organisation else None,
            "since": when(m.created_at),
        }
        for m in Membership.objects.filter(user=user).select_related("municipality", "organisation")
    ]


def _actions_in_audit_log(user: User) -> list[dict]:
    """The details are said in the reader's language."""
    return [
        {
            "at": when(e.at),
            "verb": coded(e.verb, AuditEvent.Verb),
            "kind_of_data": Coded(e.object_type, e.object_type_display),
            "details": e.message,
        }
        for e in AuditEvent.objects.filter(actor=user).order_by("at")
    ]


register_section(
    "account",
    _account,
    title=gettext_lazy("Your account"),
    labels={
        "email": gettext_lazy("Email address"),
        "full_name": gettext_lazy("Full name"),
        "phone": gettext_lazy("Phone"),
        "preferred_language": gettext_lazy("Language"),
        "date_joined": gettext_lazy("Registered"),
        "last_login": gettext_lazy("Last logged in"),
        "email_addresses": gettext_lazy("Email addresses"),
        "verified": gettext_lazy("Confirmed"),
        "primary": gettext_lazy("Main address"),
        "two_factor_methods": gettext_lazy("Ways you confirm your login in two steps"),
    },
)
register_section(
    "roles",
    _roles,
    title=gettext_lazy("Your roles"),
    labels={
        "municipality": gettext_lazy("Municipality"),
        "municipality_number": gettext_lazy("Municipality number"),
        "role": gettext_lazy("Role"),
        "organisation": gettext_lazy("Organisation"),
        "since": gettext_lazy("Since"),
    },
)
register_section(
    "your_actions_in_the_audit_log",
    _actions_in_audit_log,
    title=gettext_lazy("What you have done that the audit log records"),
    labels={
        "at": gettext_lazy("When"),
        "verb": pgettext_lazy("audit log column", "What"),
        "kind_of_data": gettext_lazy("Kind of data"),
        "details": gettext_lazy("Details"),
    },
)


def label_for(key: str) -> str:
    """What a key of the export is called on the page; an unknown key in plain words."""
    label = LABELS.get(str(key))
    return str(label) if label is not None else str(key).replace("_", " ").capitalize()


def export_for(user: User) -> dict:
    return {
        "exported_at": timezone.now().isoformat(),
        **{name: collect(user) for name, collect in SECTIONS.items()},
    }


def readable_export_for(user: User) -> list[tuple[str | Promise, object]]:
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
