"""Partners and cooperation agreements: the writes with rules. Each service checks
``manage_partners`` in the municipality it works in and raises ``ValidationError`` with a plain
message when a rule is broken.

A partner organisation may work with several municipalities (inter-municipal cooperation): one
organisation number is one organisation, so adding a number that another municipality already
registered links that organisation instead of making a copy. Contacts and offers belong to one
municipality's view of the partner."""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Mapping
from typing import Required, TypedDict, Unpack

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from stdnum.no import orgnr

from coordination.kernel import audit, outbox, permissions
from coordination.kernel.models import Municipality, User
from coordination.partners.models import (
    AREA_SEPARATOR,
    AgreementParty,
    CooperationAgreement,
    OfferKind,
    PartnerContact,
    PartnerOffer,
    PartnerOrganisation,
    validate_organisation_number,
)
from coordination.partners.permissions import can_change_partner_details
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
    """``by`` may manage partners here, ``partner`` is the municipality's, and ``item`` (a
    contact or an offer being changed, if any) is this municipality's view of that partner."""
    permissions.require(by, ACTION, municipality)
    _in_municipality(partner, municipality)
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
    permissions.require(by, ACTION, contact.municipality)
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
    permissions.require(by, ACTION, offer.municipality)
    audit.record(
        by, "deleted", offer, code="partner.offer", params={"partner": str(offer.organisation)}
    )
    offer.delete()


# --- Agreements -----------------------------------------------------------------------------


def _check_agreement(
    *,
    municipality: Municipality,
    title: str,
    purpose: str,
    starts_on: datetime.date,
    review_on: datetime.date,
    ends_on: datetime.date | None,
    parties: Mapping[PartnerOrganisation, str],
) -> None:
    """The rules an agreement's text, dates and parties keep."""
    if not title.strip():
        raise ValidationError({"title": _("Give the agreement a title.")})
    if not purpose.strip():
        raise ValidationError({"purpose": _("Say what the agreement is for.")})
    if not parties:
        raise ValidationError({"parties": _("Choose at least one partner who is party to it.")})
    ours = set(municipality.partners.values_list("pk", flat=True))
    if any(party.pk not in ours for party in parties):
        raise ValidationError(
            {"parties": _("Choose only partners of %(name)s.") % {"name": municipality.name}}
        )
    if ends_on is not None and ends_on < starts_on:
        raise ValidationError({"ends_on": _("The end cannot be before the start.")})
    if review_on < starts_on:
        raise ValidationError({"review_on": _("The review date cannot be before the start.")})
    if ends_on is not None and review_on > ends_on:
        raise ValidationError(
            {"review_on": _("Review the agreement before it ends: choose a date before the end.")}
        )


def _attach_document(agreement: CooperationAgreement, document: UploadedFile) -> None:
    """The signed agreement; a file it replaces goes only once the new one is saved for good."""
    replaced = agreement.document.name if agreement.document else ""
    if replaced:
        storage = agreement.document.storage
        transaction.on_commit(lambda: storage.delete(replaced))
    name = document.name or "agreement.pdf"
    agreement.document_name = str(getattr(document, "original_name", name))[:200]
    agreement.document.save(name, document, save=False)


def _set_parties(agreement: CooperationAgreement, parties: Mapping[PartnerOrganisation, str]):
    """The parties chosen, each with what it contributes; the others are no longer parties."""
    chosen = {party.pk: (contribution or "").strip() for party, contribution in parties.items()}
    AgreementParty.objects.filter(agreement=agreement).exclude(organisation_id__in=chosen).delete()
    existing = {row.organisation_id: row for row in agreement.party_rows.all()}
    for organisation_id, contribution in chosen.items():
        row = existing.get(organisation_id)
        if row is None:
            AgreementParty.objects.create(
                agreement=agreement, organisation_id=organisation_id, contribution=contribution
            )
        elif row.contribution != contribution:
            row.contribution = contribution
            row.save(update_fields=["contribution"])


class AgreementFields(TypedDict, total=False):
    """What a person writes in an agreement (the agreement form's fields)."""

    title: Required[str]
    purpose: Required[str]
    starts_on: Required[datetime.date]
    review_on: Required[datetime.date]
    parties: Required[Mapping[PartnerOrganisation, str]]
    ends_on: datetime.date | None
    municipality_contribution: str
    responsibilities: str
    contact_persons: str
    document: UploadedFile | None


def _write_agreement(
    agreement: CooperationAgreement, *, by: User, verb: str, fields: AgreementFields
) -> CooperationAgreement:
    title, purpose = fields["title"].strip(), fields["purpose"].strip()
    starts_on, review_on = fields["starts_on"], fields["review_on"]
    ends_on, parties = fields.get("ends_on"), fields["parties"]
    _check_agreement(
        municipality=agreement.municipality,
        title=title,
        purpose=purpose,
        starts_on=starts_on,
        review_on=review_on,
        ends_on=ends_on,
        parties=parties,
    )
    agreement.title, agreement.purpose = title, purpose
    agreement.municipality_contribution = fields.get("municipality_contribution", "").strip()
    agreement.responsibilities = fields.get("responsibilities", "").strip()
    agreement.contact_persons = fields.get("contact_persons", "").strip()
    agreement.starts_on, agreement.ends_on, agreement.review_on = starts_on, ends_on, review_on
    document = fields.get("document")
    if document is not None:
        _attach_document(agreement, document)
    agreement.save()
    _set_parties(agreement, parties)
    audit.record(by, verb, agreement, code="agreement.saved", params={"title": title})
    return agreement


@transaction.atomic
def create_agreement(
    *, municipality: Municipality, by: User, **fields: Unpack[AgreementFields]
) -> CooperationAgreement:
    """Write a draft agreement: its text, dates, the parties (partners of this municipality,
    each with what it contributes) and the signed document."""
    permissions.require(by, ACTION, municipality)
    agreement = CooperationAgreement(municipality=municipality, created_by=by)
    return _write_agreement(agreement, by=by, verb="created", fields=fields)


@transaction.atomic
def update_agreement(
    *,
    agreement: CooperationAgreement,
    municipality: Municipality,
    by: User,
    **fields: Unpack[AgreementFields],
) -> CooperationAgreement:
    """Change an agreement's text, dates, parties or signed document."""
    permissions.require(by, ACTION, municipality)
    if agreement.municipality_id != municipality.pk:
        raise PermissionDenied
    return _write_agreement(agreement, by=by, verb="changed", fields=fields)


# --- An agreement's status ------------------------------------------------------------------


def _status_label(status: str) -> str:
    return str(dict(CooperationAgreement.Status.choices).get(status, status or "?")).lower()


@transaction.atomic
def set_agreement_status(
    *,
    agreement: CooperationAgreement,
    by: User,
    status: str,
    ends_on: datetime.date | None = None,
) -> CooperationAgreement:
    """The one way an agreement's status changes, along ``CooperationAgreement.ALLOWED``:
    draft → active (the agreement is in force) → ended, and ended → active again (reopened,
    until ``ends_on``, None for "until it is ended")."""
    permissions.require(by, ACTION, agreement.municipality)
    agreement = CooperationAgreement.objects.select_for_update().get(pk=agreement.pk)
    current = CooperationAgreement.Status(agreement.status)
    if status not in CooperationAgreement.ALLOWED[current]:
        raise ValidationError(
            _("An agreement that is %(current)s cannot be made %(new)s.")
            % {"current": current.label.lower(), "new": _status_label(status)}
        )
    if current == CooperationAgreement.Status.ENDED:
        _reopen(agreement, ends_on=ends_on)
        code = "agreement.reopened"
    elif status == CooperationAgreement.Status.ACTIVE:
        _activate(agreement)
        code = "agreement.status"
    else:
        _end(agreement)
        code = "agreement.status"
    agreement.status = status
    agreement.save(update_fields=["status", "ends_on", "review_on"])
    params = {"title": agreement.title}
    if code == "agreement.status":
        params["status"] = str(status)
    audit.record(by, "changed", agreement, code=code, params=params)
    return agreement


def _activate(agreement: CooperationAgreement) -> None:
    """Draft → active: it has a party, and its end date has not passed."""
    if not agreement.party_rows.exists():
        raise ValidationError(_("Add at least one partner as a party first."))
    if agreement.ends_on is not None and agreement.ends_on < timezone.localdate():
        raise ValidationError(_("The end date has passed. Change it before you activate."))


def _end(agreement: CooperationAgreement) -> None:
    """Active → ended: the end date becomes today when it had none or a later one."""
    today = timezone.localdate()
    if agreement.ends_on is None or agreement.ends_on > today:
        agreement.ends_on = max(today, agreement.starts_on)
        if agreement.review_on > agreement.ends_on:
            agreement.review_on = agreement.ends_on


def _reopen(agreement: CooperationAgreement, *, ends_on: datetime.date | None) -> None:
    """Ended → active: in force again, until ``ends_on`` (not in the past) or until ended."""
    if ends_on is not None and ends_on < timezone.localdate():
        raise ValidationError({"ends_on": _("The new end date cannot be in the past.")})
    if ends_on is not None and ends_on < agreement.starts_on:
        raise ValidationError({"ends_on": _("The end cannot be before the start.")})
    if not agreement.party_rows.exists():
        raise ValidationError(_("Add at least one partner as a party first."))
    agreement.ends_on = ends_on
    if ends_on is not None and agreement.review_on > ends_on:
        agreement.review_on = ends_on


def end_agreement(*, agreement: CooperationAgreement, by: User) -> CooperationAgreement:
    """The agreement is ended (a coordinator can reopen it)."""
    return set_agreement_status(
        agreement=agreement, by=by, status=CooperationAgreement.Status.ENDED
    )


def reopen_agreement(
    *, agreement: CooperationAgreement, by: User, ends_on: datetime.date | None
) -> CooperationAgreement:
    """An ended agreement is in force again, until ``ends_on`` (None: until it is ended)."""
    return set_agreement_status(
        agreement=agreement, by=by, status=CooperationAgreement.Status.ACTIVE, ends_on=ends_on
    )
