"""What the catalogue's services share: who is a coordinator, the partners who may organise
an activity, text without HTML."""

from __future__ import annotations

from django.utils.html import strip_tags

from coordination.kernel.models import Municipality, Role, User
from coordination.kernel.permissions import has_role
from coordination.partners.models import PartnerOrganisation


def is_coordinator(user: User, municipality: Municipality | str) -> bool:
    return has_role(user, municipality, Role.COORDINATOR)


def partners_of(municipality: Municipality):
    """The partner organisations working in the municipality (possible organisers)."""
    return PartnerOrganisation.objects.filter(municipalities=municipality).order_by("name")


def plain(value: str) -> str:
    """Text without HTML: tags are removed, what is left is kept as the person wrote it."""
    return strip_tags(value or "").strip()
