"""Checking one value of a volunteer list: each function returns what to store, or raises
ValidationError with a message for the person."""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import override

from coordination.kernel import languages
from coordination.kernel.models import User
from volunteers.importing.reading import fold, text
from volunteers.models import Interest

YES = {"ja", "j", "yes", "y", "x", "true", "sant", "1"}
NO = {"nei", "n", "no", "false", "usant", "0", ""}
DATE_FORMATS = ("%d.%m.%Y", "%Y-%m-%d")


def interest_names() -> dict[str, str]:
    """Every way a list may name an interest (code, or its label in any language) -> the code."""
    names = {}
    for code, label in Interest.choices:
        names[fold(code)] = code
        for language in languages.language_codes():
            with override(language):
                names[fold(str(label))] = code
    return names


def yes_no(value) -> bool:
    if isinstance(value, bool):
        return value
    written = fold(text(value))
    if written in YES:
        return True
    if written in NO:
        return False
    raise ValidationError(_("Write ja or nei (or x for yes)."))


def since(value, today: datetime.date) -> datetime.date | None:
    if isinstance(value, datetime.datetime):
        found = value.date()
    elif isinstance(value, datetime.date):
        found = value
    else:
        written = text(value)
        if not written:
            return None
        for pattern in DATE_FORMATS:
            try:
                found = datetime.datetime.strptime(written, pattern).date()  # noqa: DTZ007 (a date)
                break
            except ValueError:
                continue
        else:
            raise ValidationError(
                _("Write the date as dd.mm.yyyy (for example 01.03.2024) or yyyy-mm-dd.")
            )
    if found > today:
        raise ValidationError(_("The date is in the future."))
    if found.year < 1900:
        raise ValidationError(_("The date is too long ago."))
    return found


def phone(value) -> str:
    written = text(value)
    if written:
        for validate in User._meta.get_field("phone").validators:
            validate(written)
    return written


def interests(value, names: dict[str, str]) -> list[str]:
    codes = []
    for part in text(value).split(","):
        if not fold(part):
            continue
        code = names.get(fold(part))
        if code is None:
            raise ValidationError(
                _("We do not know the interest “%(value)s”. Use one of: %(choices)s.")
                % {
                    "value": part.strip(),
                    "choices": ", ".join(str(label) for _code, label in Interest.choices),
                }
            )
        if code not in codes:
            codes.append(code)
    return codes
