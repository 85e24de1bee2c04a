"""Partners and cooperation agreements: the writes with rules. Each service checks
``manage_partners`` in the municipality it works in and raises ``ValidationError`` with a plain
message when a rule is broken.

A partner organisation may work with several municipalities (inter-municipal cooperation): one
organisation number is one organisation, so adding a number that another municipality already
registered links that organisation instead of making a copy. Contacts and offers belong to one
municipality's view of the partner."""

from __future__ import annotations

import datetime
import json
import logging
import urllib.error
import urllib.request
from collections.abc import Iterable, Mapping

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from stdnum.no import orgnr

from coordination.kernel import audit, outbox, permissions
from coordination.models import (
    AgreementParty,
    CooperationAgreement,
    Municipality,
    OfferKind,
    PartnerContact,
    PartnerOffer,
    PartnerOrganisation,
    User,
    validate_organisation_number,
)
from coordination.partners.models import AREA_SEPARATOR

logger = logging.getLogger(__name__)

ACTION = "manage_partners"
# How long the register lookup may take before it gives up (the worker is not held up).
REGISTER_TIMEOUT_SECONDS = 5


def _require(by: User, municipality: Municipality) -> None:
    if not permissions.can(by, ACTION, municipality):
        raise PermissionDenied


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


@transaction.atomic
def save_partner(
    *,
    municipality: Municipality,
    by: User,
    name: str,
    kind: str,
    organisation_number: str = "",
    email: str = "",
    phone: str = "",
    partner: PartnerOrganisation | None = None,
) -> tuple[PartnerOrganisation, bool]:
    """Add a partner to the municipality's registry, or change ``partner``.

    Returns ``(partner, linked)``: ``linked`` is True when the organisation number belonged to
    an organisation another municipality had already registered, which is now this
    municipality's partner too (its details are kept as they were)."""
    if partner is not None:
        _in_municipality(partner, municipality)
        if not permissions.can_change_partner_details(by, partner, municipality):
            raise PermissionDenied
    else:
        _require(by, municipality)
    name = name.strip()
    if not name:
        raise ValidationError({"name": _("Write the name of the organisation.")})
    if kind not in PartnerOrganisation.Kind.values:
        raise ValidationError({"kind": _("Choose what kind of organisation it is.")})
    try:
        number = compact_organisation_number(organisation_number)
    except ValidationError as error:
        raise ValidationError({"organisation_number": error.messages}) from None
    existing = (
        PartnerOrganisation.objects.select_for_update().filter(organisation_number=number).first()
        if number
        else None
    )
    if existing is not None and existing != partner:
        if partner is not None:
            raise ValidationError(
                {
                    "organisation_number": _(
                        "Another partner, %(name)s, has this organisation number."
                    )
                    % {"name": existing.name}
                }
            )
        if existing.municipalities.filter(pk=municipality.pk).exists():
            raise ValidationError(
                {
                    "organisation_number": _(
                        "%(name)s is already in your partner registry with this organisation "
                        "number."
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
        return existing, True
    new = partner is None
    old_number = "" if new else partner.organisation_number
    if new:
        partner = PartnerOrganisation(created_in=municipality)
    partner.name = name
    partner.kind = kind
    partner.organisation_number = number
    partner.email = email.strip()
    partner.phone = phone.strip()
    if number != old_number:
        partner.register_name, partner.register_found = "", None
        partner.in_voluntary_register, partner.register_checked_at = None, None
    partner.save()
    if new:
        partner.municipalities.add(municipality)
    # A shared partner's details are seen by every municipality that links it: each one's
    # audit log says who changed them.
    for number_ in [municipality.pk] + [
        pk for pk in partner.municipalities.values_list("pk", flat=True) if pk != municipality.pk
    ]:
        audit.record(
            by,
            "created" if new else "changed",
            partner,
            municipality=number_,
            **(
                {"code": "partner.saved", "params": {"name": partner.name}}
                if number_ == municipality.pk
                else {
                    "code": "partner.changed_by",
                    "params": {"name": partner.name, "by": municipality.name},
                }
            ),
        )
    if number and number != old_number:
        schedule_register_lookup(partner)
    return partner, False


def schedule_register_lookup(partner: PartnerOrganisation) -> bool:
    """Look the organisation up in the register in the background once the change is saved —
    never in the request. Off (False) unless ``BRREG_LOOKUP_URL`` is set."""
    if not settings.BRREG_LOOKUP_URL or not partner.organisation_number:
        return False
    from coordination.partners.tasks import look_up_partner_in_register

    outbox.send(look_up_partner_in_register, organisation=partner.pk)
    return True


def look_up_in_register(*, organisation: PartnerOrganisation) -> bool:
    """Ask the Central Coordinating Register for Legal Entities about the organisation: the name
    it is registered under and whether it is in the Register of Non-Profit Organisations. A
    failure is logged and leaves what was stored as it was. True when the register answered."""
    url_pattern = settings.BRREG_LOOKUP_URL
    number = organisation.organisation_number
    if not url_pattern or not number:
        return False
    try:
        url = url_pattern.format(number=number)
    except (KeyError, IndexError, ValueError) as error:
        logger.warning(
            "Register lookup of %s failed: BRREG_LOOKUP_URL is malformed (%s)", number, error
        )
        return False
    if not url.startswith(("https://", "http://")):
        logger.warning("Register lookup of %s failed: BRREG_LOOKUP_URL is not http(s)", number)
        return False
    request = urllib.request.Request(url, headers={"Accept": "application/json"})
    found = True
    try:
        with urllib.request.urlopen(request, timeout=REGISTER_TIMEOUT_SECONDS) as response:  # noqa: S310
            data = json.loads(response.read(1_000_000).decode("utf-8"))
        if not isinstance(data, dict):
            raise ValueError("not a JSON object")
    except urllib.error.HTTPError as error:
        if error.code not in (404, 410):
            logger.warning("Register lookup of %s failed: HTTP %s", number, error.code)
            return False
        found, data = False, {}
    except (OSError, ValueError) as error:  # network, timeout, not JSON
        logger.warning("Register lookup of %s failed: %s", number, error)
        return False
    organisation.register_found = found
    organisation.register_name = str(data.get("navn") or "")[:200]
    voluntary = data.get("registrertIFrivillighetsregisteret")
    organisation.in_voluntary_register = voluntary if isinstance(voluntary, bool) else None
    organisation.register_checked_at = timezone.now()
    organisation.save(
        update_fields=[
            "register_found",
            "register_name",
            "in_voluntary_register",
            "register_checked_at",
        ]
    )
    return True


# --- Contacts and offers --------------------------------------------------------------------


def _check_item(
    by: User,
    municipality: Municipality,
    partner: PartnerOrganisation,
    item: PartnerContact | PartnerOffer | None,
) -> None:
    """``by`` may manage partners here, ``partner`` is the municipality's, and ``item`` (a
    contact or an offer being changed, if any) is this municipality's view of that partner."""
    _require(by, municipality)
    _in_municipality(partner, municipality)
    if item is not None and (
        item.municipality_id != municipality.pk or item.organisation_id != partner.pk
    ):
        raise PermissionDenied


@transaction.atomic
def save_contact(
    *,
    municipality: Municipality,
    by: User,
    partner: PartnerOrganisation,
    name: str,
    role: str = "",
    email: str = "",
    phone: str = "",
    contact: PartnerContact | None = None,
) -> PartnerContact:
    """Add a contact person at the partner for this municipality, or change ``contact``."""
    _check_item(by, municipality, partner, contact)
    name = name.strip()
    if not name:
        raise ValidationError({"name": _("Write the contact person's name.")})
    if not email.strip() and not phone.strip():
        raise ValidationError(_("Give an email address or a phone number, so they can be reached."))
    new = contact is None
    if new:
        contact = PartnerContact(organisation=partner, municipality=municipality)
    contact.name, contact.role = name, role.strip()
    contact.email, contact.phone = email.strip(), phone.strip()
    contact.save()
    verb = "created" if new else "changed"
    audit.record(by, verb, contact, code="partner.contact", params={"partner": partner.name})
    return contact


@transaction.atomic
def remove_contact(*, contact: PartnerContact, by: User) -> None:
    _require(by, contact.municipality)
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


@transaction.atomic
def save_offer(
    *,
    municipality: Municipality,
    by: User,
    partner: PartnerOrganisation,
    kind: str,
    description: str,
    areas: str | Iterable[str] = "",
    offer: PartnerOffer | None = None,
) -> PartnerOffer:
    """Add what the partner offers this municipality, and where; or change ``offer``."""
    _check_item(by, municipality, partner, offer)
    if kind not in OfferKind.values:
        raise ValidationError({"kind": _("Choose what they offer.")})
    description = " ".join(description.split())
    if not description:
        raise ValidationError({"description": _("Say in a few words what they offer.")})
    joined = AREA_SEPARATOR.join(split_areas(areas))
    if len(joined) > PartnerOffer._meta.get_field("areas").max_length:
        raise ValidationError(
            {"areas": _("That is too many areas. Name fewer, or leave it empty.")}
        )
    new = offer is None
    if new:
        offer = PartnerOffer(organisation=partner, municipality=municipality)
    offer.kind, offer.description, offer.areas = kind, description, joined
    offer.save()
    audit.record(
        by,
        "created" if new else "changed",
        offer,
        code="partner.offer",
        params={"partner": partner.name},
    )
    return offer


@transaction.atomic
def remove_offer(*, offer: PartnerOffer, by: User) -> None:
    _require(by, offer.municipality)
    audit.record(
        by, "deleted", offer, code="partner.offer", params={"partner": str(offer.organisation)}
    )
    offer.delete()


# --- Agreements -----------------------------------------------------------------------------


@transaction.atomic
def save_agreement(
    *,
    municipality: Municipality,
    by: User,
    title: str,
    purpose: str,
    starts_on: datetime.date,
    review_on: datetime.date,
    parties: Mapping[PartnerOrganisation, str],
    ends_on: datetime.date | None = None,
    municipality_contribution: str = "",
    responsibilities: str = "",
    contact_persons: str = "",
    document: UploadedFile | None = None,
    agreement: CooperationAgreement | None = None,
) -> CooperationAgreement:
    """Create a draft agreement or change ``agreement``: its text, dates, the parties (partners
    of this municipality, each with what it contributes) and the signed document."""
    _require(by, municipality)
    if agreement is not None and agreement.municipality_id != municipality.pk:
        raise PermissionDenied
    title = title.strip()
    if not title:
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
    new = agreement is None
    if new:
        agreement = CooperationAgreement(municipality=municipality, created_by=by)
    agreement.title = title
    agreement.purpose = purpose.strip()
    agreement.municipality_contribution = municipality_contribution.strip()
    agreement.responsibilities = responsibilities.strip()
    agreement.contact_persons = contact_persons.strip()
    agreement.starts_on, agreement.ends_on, agreement.review_on = starts_on, ends_on, review_on
    if document is not None:
        replaced = agreement.document.name if agreement.document else ""
        if replaced:
            # The old file goes only once the new one is saved for good.
            storage = agreement.document.storage
            transaction.on_commit(lambda: storage.delete(replaced))
        agreement.document_name = getattr(document, "original_name", document.name)[:200]
        agreement.document.save(document.name, document, save=False)
    agreement.save()
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
    audit.record(
        by,
        "created" if new else "changed",
        agreement,
        code="agreement.saved",
        params={"title": title},
    )
    return agreement


# from -> the statuses it may go to
STATUS_STEPS = {
    CooperationAgreement.Status.DRAFT: {CooperationAgreement.Status.ACTIVE},
    CooperationAgreement.Status.ACTIVE: {CooperationAgreement.Status.ENDED},
    # A coordinator may reopen an agreement that was ended (by mistake, or renewed as it was).
    CooperationAgreement.Status.ENDED: {CooperationAgreement.Status.ACTIVE},
}


@transaction.atomic
def set_agreement_status(
    *,
    agreement: CooperationAgreement,
    by: User,
    status: str,
    ends_on: datetime.date | None = None,
) -> CooperationAgreement:
    """Draft → active (the agreement is in force) → ended, and ended → active again (reopened).
    Ending it sets the end date to today when it had none or a later one. Reopening takes the
    new end date (``ends_on``, None for "until it is ended"), which cannot be in the past."""
    _require(by, agreement.municipality)
    agreement = CooperationAgreement.objects.select_for_update().get(pk=agreement.pk)
    current = CooperationAgreement.Status(agreement.status)
    if (
        current == CooperationAgreement.Status.ENDED
        and status == CooperationAgreement.Status.ACTIVE
    ):
        return _reopen(agreement, by=by, ends_on=ends_on)
    if status not in STATUS_STEPS[current]:
        raise ValidationError(
            _("An agreement that is %(current)s cannot be made %(new)s.")
            % {
                "current": current.label.lower(),
                "new": dict(CooperationAgreement.Status.choices).get(status, status or "?").lower(),
            }
        )
    today = timezone.localdate()
    if status == CooperationAgreement.Status.ACTIVE:
        if not agreement.party_rows.exists():
            raise ValidationError(_("Add at least one partner as a party first."))
        if agreement.ends_on is not None and agreement.ends_on < today:
            raise ValidationError(_("The end date has passed. Change it before you activate."))
    if status == CooperationAgreement.Status.ENDED and (
        agreement.ends_on is None or agreement.ends_on > today
    ):
        agreement.ends_on = max(today, agreement.starts_on)
        if agreement.review_on > agreement.ends_on:
            agreement.review_on = agreement.ends_on
    agreement.status = status
    agreement.save(update_fields=["status", "ends_on", "review_on"])
    audit.record(
        by,
        "changed",
        agreement,
        code="agreement.status",
        params={"status": str(status), "title": agreement.title},
    )
    return agreement


def _reopen(
    agreement: CooperationAgreement, *, by: User, ends_on: datetime.date | None
) -> CooperationAgreement:
    """Ended → active: the agreement is in force again, until ``ends_on`` (or until ended)."""
    today = timezone.localdate()
    if ends_on is not None and ends_on < today:
        raise ValidationError({"ends_on": _("The new end date cannot be in the past.")})
    if ends_on is not None and ends_on < agreement.starts_on:
        raise ValidationError({"ends_on": _("The end cannot be before the start.")})
    if not agreement.party_rows.exists():
        raise ValidationError(_("Add at least one partner as a party first."))
    agreement.ends_on = ends_on
    if ends_on is not None and agreement.review_on > ends_on:
        agreement.review_on = ends_on
    agreement.status = CooperationAgreement.Status.ACTIVE
    agreement.save(update_fields=["status", "ends_on", "review_on"])
    audit.record(
        by, "changed", agreement, code="agreement.reopened", params={"title": agreement.title}
    )
    return agreement
