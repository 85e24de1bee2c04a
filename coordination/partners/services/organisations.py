"""Partners, their contacts and offers: the writes with rules. Each service checks
``manage_partners`` in the municipality it works in and raises ``ValidationError`` with a plain
message when a rule is broken.

A partner organisation may work with several municipalities (inter-municipal cooperation): one
organisation number is one organisation, so adding a number that another municipality already
registered links that organisation instead of making a copy. Contacts and offers belong to one
municipality's view of the partner."""

from __future__ import annotations

from collections.abc import Iterable

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from stdnum.no import orgnr

from coordination.kernel import audit, outbox, permissions
from coordination.kernel.models import Municipality, User
from coordination.partners.models import (
    AREA_SEPARATOR,
    OfferKind,
    PartnerContact,
    PartnerOffer,
    PartnerOrganisation,
    validate_organisation_number,
)
from coordination.partners.permissions import (
    can_change_partner_details,
    can_manage_partner_relation,
)
from coordination.partners.tasks import look_up_partner_in_register

ACTION = "manage_partners"


def _in_municipality(partner: PartnerOrganisation, municipality: Municipality) -> None:
    if not partner.municipalities.filter(pk=municipality.pk).exists():
        raise PermissionDenied


def compact_organisation_number(value: str) -> str:
    """The number as stored (9 digits), or a ValidationError saying what is wrong with it."""
    value = (value or "").strip()
    if not value:
        return ""
    validate_organisation_number(value)
    return orgnr.compact(value)


# --- Partners -------------------------------------------------------------------------------


def _checked_details(*, name: str, kind: str, organisation_number: str) -> tuple[str, str]:
    """The name and the stored organisation number, or what is wrong with them."""
    name = name.strip()
    if not name:
        raise ValidationError({"name": _("Write the name of the organisation.")})
    if kind not in PartnerOrganisation.Kind.values:
        raise ValidationError({"kind": _("Choose what kind of organisation it is.")})
    try:
        number = compact_organisation_number(organisation_number)
    except ValidationError as error:
        raise ValidationError({"organisation_number": error.messages}) from None
    return name, number


def _holder_of(number: str) -> PartnerOrganisation | None:
    """The organisation registered with ``number``, locked while the change is made."""
    if not number:
        return None
    return (
        PartnerOrganisation.objects.select_for_update().filter(organisation_number=number).first()
    )


def _link(
    existing: PartnerOrganisation, *, municipality: Municipality, by: User
) -> PartnerOrganisation:
    """Make an organisation another municipality registered this municipality's partner too."""
    if existing.municipalities.filter(pk=municipality.pk).exists():
        raise ValidationError(
            {
                "organisation_number": _(
                    "%(name)s is already in your partner registry with this organisation number."
                )
                % {"name": existing.name}
            }
        )
    others = list(existing.municipalities.values_list("pk", flat=True))
    existing.municipalities.add(municipality)
    audit.record(
        by,
        "changed",
        existing,
        municipality=municipality,
        code="partner.linked",
        params={"name": existing.name},
    )
    for number in others:  # the municipalities that share it are told who joined
        audit.record(
            by,
            "changed",
            existing,
            municipality=number,
            code="partner.linked_by",
            params={"name": existing.name, "by": municipality.name},
        )
    return existing


def _record_saved(
    partner: PartnerOrganisation, *, verb: str, municipality: Municipality, by: User
) -> None:
    """A shared partner's details are seen by every municipality that links it: each one's
    audit log says who changed them."""
    audit.record(
        by,
        verb,
        partner,
        municipality=municipality,
        code="partner.saved",
        params={"name": partner.name},
    )
    for number in partner.municipalities.exclude(pk=municipality.pk).values_list("pk", flat=True):
        audit.record(
            by,
            verb,
            partner,
            municipality=number,
            code="partner.changed_by",
            params={"name": partner.name, "by": municipality.name},
        )


@transaction.atomic
def create_partner(
    *,
    municipality: Municipality,
    by: User,
    name: str,
    kind: str,
    organisation_number: str = "",
    email: str = "",
    phone: str = "",
) -> tuple[PartnerOrganisation, bool]:
    """Add a partner to the municipality's registry.

    Returns ``(partner, linked)``: ``linked`` is True when the organisation number belonged to
    an organisation another municipality had already registered, which is now this
    municipality's partner too (its details are kept as they were)."""
    permissions.require(by, ACTION, municipality)
    name, number = _checked_details(name=name, kind=kind, organisation_number=organisation_number)
    existing = _holder_of(number)
    if existing is not None:
        return _link(existing, municipality=municipality, by=by), True
    partner = PartnerOrganisation.objects.create(
        created_in=municipality,
        name=name,
        kind=kind,
        organisation_number=number,
        email=email.strip(),
        phone=phone.strip(),
    )
    partner.municipalities.add(municipality)
    _record_saved(partner, verb="created", municipality=municipality, by=by)
    if number:
        schedule_register_lookup(partner)
    return partner, False


@transaction.atomic
def update_partner(
    *,
    partner: PartnerOrganisation,
    municipality: Municipality,
    by: User,
    name: str,
    kind: str,
    organisation_number: str = "",
    email: str = "",
    phone: str = "",
) -> PartnerOrganisation:
    """Change a partner's shared details: only the municipality that registered it, or the
    organisation's own representatives (``can_change_partner_details``)."""
    _in_municipality(partner, municipality)
    if not can_change_partner_details(by, partner, municipality):
        raise PermissionDenied
    return apply_details(
        partner,
        municipality=municipality,
        by=by,
        name=name,
        kind=kind,
        organisation_number=organisation_number,
        email=email,
        phone=phone,
    )


def apply_details(
    partner: PartnerOrganisation,
    *,
    municipality: Municipality,
    by: User,
    name: str,
    kind: str,
    organisation_number: str,
    email: str,
    phone: str,
) -> PartnerOrganisation:
    """Check and save a partner's shared details (the caller has checked that ``by`` may);
    each linked municipality's audit log says who changed them."""
    name, number = _checked_details(name=name, kind=kind, organisation_number=organisation_number)
    existing = _holder_of(number)
    if existing is not None and existing != partner:
        raise ValidationError(
            {
                "organisation_number": _("Another partner, %(name)s, has this organisation number.")
                % {"name": existing.name}
            }
        )
    renumbered = number != partner.organisation_number
    partner.name, partner.kind, partner.organisation_number = name, kind, number
    partner.email, partner.phone = email.strip(), phone.strip()
    if renumbered:
        partner.register_name, partner.register_found = "", None
        partner.in_voluntary_register, partner.register_checked_at = None, None
    partner.save()
    _record_saved(partner, verb="changed", municipality=municipality, by=by)
    if number and renumbered:
        schedule_register_lookup(partner)
    return partner


def schedule_register_lookup(partner: PartnerOrganisation) -> bool:
    """Look the organisation up in the register in the background once the change is saved —
    never in the request. Off (False) unless ``BRREG_LOOKUP_URL`` is set."""
    if not settings.BRREG_LOOKUP_URL or not partner.organisation_number:
        return False
    outbox.send(look_up_partner_in_register, organisation=partner.pk)
    return True


# --- Contacts and offers --------------------------------------------------------------------


def _check_item(
    by: User,
    municipality: Municipality,
    partner: PartnerOrganisation,
    item: PartnerContact | PartnerOffer | None = None,
) -> None:
    """``by`` may manage partners here (or speaks for ``partner`` here), ``partner`` is the
    municipality's, and ``item`` (a contact or an offer being changed, if any) is this
    municipality's view of that partner."""
    _in_municipality(partner, municipality)
    if not can_manage_partner_relation(by, partner, municipality):
        raise PermissionDenied
    if item is not None and (
        item.municipality_id != municipality.pk or item.organisation_id != partner.pk
    ):
        raise PermissionDenied


def _write_contact(
    contact: PartnerContact, *, by: User, verb: str, name: str, role: str, email: str, phone: str
) -> PartnerContact:
    name = name.strip()
    if not name:
        raise ValidationError({"name": _("Write the contact person's name.")})
    if not email.strip() and not phone.strip():
        raise ValidationError(_("Give an email address or a phone number, so they can be reached."))
    contact.name, contact.role = name, role.strip()
    contact.email, contact.phone = email.strip(), phone.strip()
    contact.save()
    audit.record(
        by, verb, contact, code="partner.contact", params={"partner": contact.organisation.name}
    )
    return contact


@transaction.atomic
def create_contact(
    *,
    municipality: Municipality,
    by: User,
    partner: PartnerOrganisation,
    name: str,
    role: str = "",
    email: str = "",
    phone: str = "",
) -> PartnerContact:
    """Add a contact person at the partner for this municipality."""
    _check_item(by, municipality, partner)
    contact = PartnerContact(organisation=partner, municipality=municipality)
    return _write_contact(
        contact, by=by, verb="created", name=name, role=role, email=email, phone=phone
    )


@transaction.atomic
def update_contact(
    *,
    contact: PartnerContact,
    municipality: Municipality,
    by: User,
    name: str,
    role: str = "",
    email: str = "",
    phone: str = "",
) -> PartnerContact:
    """Change this municipality's contact person at a partner."""
    _check_item(by, municipality, contact.organisation, contact)
    return _write_contact(
        contact, by=by, verb="changed", name=name, role=role, email=email, phone=phone
    )


@transaction.atomic
def remove_contact(*, contact: PartnerContact, by: User) -> None:
    _check_item(by, contact.municipality, contact.organisation, contact)
    audit.record(
        by,
        "deleted",
        contact,
        code="partner.contact",
        params={"partner": str(contact.organisation)},
    )
    contact.delete()


def split_areas(areas: str | Iterable[str]) -> list[str]:
    """Areas typed as a list ("Lom sentrum, Bøverdalen" or one a line), without repeats."""
    if isinstance(areas, str):
        areas = areas.replace("\n", ",").replace(";", ",").split(",")
    found: list[str] = []
    for area in areas:
        area = " ".join(area.split())
        if area and area.casefold() not in {a.casefold() for a in found}:
            found.append(area)
    return found


def _write_offer(
    offer: PartnerOffer,
    *,
    by: User,
    verb: str,
    kind: str,
    description: str,
    areas: str | Iterable[str],
) -> PartnerOffer:
    if kind not in OfferKind.values:
        raise ValidationError({"kind": _("Choose what they offer.")})
    description = " ".join(description.split())
    if not description:
        raise ValidationError({"description": _("Say in a few words what they offer.")})
    joined = AREA_SEPARATOR.join(split_areas(areas))
    if len(joined) > (PartnerOffer._meta.get_field("areas").max_length or 0):
        raise ValidationError(
            {"areas": _("That is too many areas. Name fewer, or leave it empty.")}
        )
    offer.kind, offer.description, offer.areas = kind, description, joined
    offer.save()
    audit.record(by, verb, offer, code="partner.offer", params={"partner": offer.organisation.name})
    return offer


@transaction.atomic
def create_offer(
    *,
    municipality: Municipality,
    by: User,
    partner: PartnerOrganisation,
    kind: str,
    description: str,
    areas: str | Iterable[str] = "",
) -> PartnerOffer:
    """Add what the partner offers this municipality, and where."""
    _check_item(by, municipality, partner)
    offer = PartnerOffer(organisation=partner, municipality=municipality)
    return _write_offer(
        offer, by=by, verb="created", kind=kind, description=description, areas=areas
    )


@transaction.atomic
def update_offer(
    *,
    offer: PartnerOffer,
    municipality: Municipality,
    by: User,
    kind: str,
    description: str,
    areas: str | Iterable[str] = "",
) -> PartnerOffer:
    """Change what the partner offers this municipality, and where."""
    _check_item(by, municipality, offer.organisation, offer)
    return _write_offer(
        offer, by=by, verb="changed", kind=kind, description=description, areas=areas
    )


@transaction.atomic
def remove_offer(*, offer: PartnerOffer, by: User) -> None:
    _check_item(by, offer.municipality, offer.organisation, offer)
    audit.record(
        by, "deleted", offer, code="partner.offer", params={"partner": str(offer.organisation)}
    )
    offer.delete()
