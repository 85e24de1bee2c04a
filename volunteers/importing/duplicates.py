"""Who is in a volunteer list twice, or in Samspill already: each email address and phone
number once in the file, and a row is refused for a person the municipality already has (the
preview never says whether someone volunteers in another municipality)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from allauth.account.models import EmailAddress
from django.core.exceptions import ValidationError
from django.db.models.functions import Lower
from django.utils.translation import gettext as _

from coordination.kernel import sms
from coordination.kernel.models import Municipality, User
from volunteers.models import Volunteer

if TYPE_CHECKING:
    from volunteers.importing.rows import Preview


def check_emails(preview: Preview, municipality: Municipality) -> None:
    """Each email address once in the file, and not anyone's account already."""
    header = preview.headers.get("email", "")
    first_seen: dict[str, int] = {}
    for row in preview.rows:
        email = row.values.get("email")
        if not email:
            continue
        key = email.lower()
        if key in first_seen:
            row.wrong.add("email")
            row.raw["email"] = email
            row.errors.append(
                (
                    header,
                    _("The same email address as row %(row)s. Each person once.")
                    % {"row": first_seen[key]},
                )
            )
        else:
            first_seen[key] = row.number
    known = known_accounts(list(first_seen), municipality)
    for row in preview.rows:
        email = row.values.get("email")
        if not email or email.lower() not in known:
            continue
        if known[email.lower()]:
            message = _("%(email)s is already a volunteer in this municipality.")
        else:
            # A volunteer in another municipality is told exactly as any other account: the
            # preview never reveals where (or whether) someone volunteers elsewhere.
            message = _(
                "%(email)s already has an account in Samspill. Ask the person to register as a "
                "volunteer themselves."
            )
        row.errors.append((header, message % {"email": email}))
        row.wrong.add("email")
        row.raw["email"] = email


def known_accounts(emails: list[str], municipality: Municipality) -> dict[str, bool]:
    """Lower-cased email of an existing account -> whether it is a volunteer in
    ``municipality`` (a person may volunteer in several).

    Looks at accounts' own addresses and at every address allauth holds for them."""
    known: dict[str, bool] = {}

    def note(email: str, place: str | None) -> None:
        known[email] = known.get(email, False) or place == municipality.pk

    for start in range(0, len(emails), 500):
        chunk = emails[start : start + 500]
        for email, place in (
            User.objects.annotate(folded=Lower("email"))
            .filter(folded__in=chunk)
            .values_list("folded", "volunteers__municipality_id")
        ):
            note(email, place)
        for email, place in (
            EmailAddress.objects.annotate(folded=Lower("email"))
            .filter(folded__in=chunk)
            .values_list("folded", "user__volunteers__municipality_id")
        ):
            note(email, place)
    return known


def phone_key(value: str) -> str:
    """The one way a number is written, for finding the same number twice: ``+47`` and eight
    digits, as ``sms.normalise_phone`` writes it (and ``normalise_mobile``, which builds on it,
    writes a mobile; a list may hold landlines too, which that one refuses); a number neither
    understands, by its digits."""
    try:
        return sms.normalise_phone(value)
    except ValidationError:
        return "".join(c for c in value if c.isdigit())


def check_phones(preview: Preview, municipality: Municipality) -> None:
    """Each phone number once in the file, and not an active volunteer's in this municipality
    already (as registering a volunteer by phone refuses it): each person once."""
    header = preview.headers.get("phone", "")
    first_seen: dict[str, int] = {}
    numbered = [
        (row, phone_key(row.values["phone"])) for row in preview.rows if row.values.get("phone")
    ]
    for row, key in numbered:
        if key in first_seen:
            row.errors.append(
                (
                    header,
                    _("The same phone number as row %(row)s. Each person once.")
                    % {"row": first_seen[key]},
                )
            )
            row.wrong.add("phone")
            row.raw["phone"] = row.values["phone"]
        else:
            first_seen[key] = row.number
    if not numbered:
        return
    known = {
        phone_key(number)
        for pair in Volunteer.objects.in_municipality(municipality)
        .filter(anonymised_at__isnull=True, left_at__isnull=True)
        .values_list("phone", "user__phone")
        for number in pair
        if number
    }
    for row, key in numbered:
        if key in known:
            row.errors.append(
                (
                    header,
                    _(
                        "A volunteer with this phone number is already in the registry. Search "
                        "for the number there."
                    ),
                )
            )
            row.wrong.add("phone")
            row.raw["phone"] = row.values["phone"]
