"""Cooperation agreements: writing one (its text, dates, parties and signed document) and its
status, which changes only along ``CooperationAgreement.ALLOWED``. Each service checks
``manage_partners`` in the agreement's municipality."""

from __future__ import annotations

import datetime
from collections.abc import Collection, Mapping
from typing import Required, TypedDict, Unpack

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from coordination.kernel import audit, permissions
from coordination.kernel.models import Municipality, User
from coordination.partners.models import AgreementParty, CooperationAgreement, PartnerOrganisation
from coordination.partners.services.organisations import ACTION

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


def _set_parties(
    agreement: CooperationAgreement,
    parties: Mapping[PartnerOrganisation, str],
    screening_accepted: Collection[PartnerOrganisation],
) -> dict[str, bool]:
    """The parties chosen, each with what it contributes and whether its own screening is
    accepted; the others are no longer parties. Returns {organisation name: accepted} for the
    parties whose acceptance changed (a new party counts only when it is accepted)."""
    chosen = {party.pk: (contribution or "").strip() for party, contribution in parties.items()}
    accepted = {party.pk for party in screening_accepted}
    names = {party.pk: party.name for party in parties}
    AgreementParty.objects.filter(agreement=agreement).exclude(organisation_id__in=chosen).delete()
    existing = {row.organisation_id: row for row in agreement.party_rows.all()}
    changed: dict[str, bool] = {}
    for organisation_id, contribution in chosen.items():
        row = existing.get(organisation_id)
        screening = organisation_id in accepted
        if row is None:
            AgreementParty.objects.create(
                agreement=agreement,
                organisation_id=organisation_id,
                contribution=contribution,
                screening_accepted=screening,
            )
            if screening:
                changed[names[organisation_id]] = True
        elif (row.contribution, row.screening_accepted) != (contribution, screening):
            if row.screening_accepted != screening:
                changed[names[organisation_id]] = screening
            row.contribution, row.screening_accepted = contribution, screening
            row.save(update_fields=["contribution", "screening_accepted"])
    return changed


class AgreementFields(TypedDict, total=False):
    """What a person writes in an agreement (the agreement form's fields)."""

    title: Required[str]
    purpose: Required[str]
    starts_on: Required[datetime.date]
    review_on: Required[datetime.date]
    parties: Required[Mapping[PartnerOrganisation, str]]
    # The parties whose own screening of their volunteers (police certificate) the
    # municipality accepts while the agreement is in force; none when left out.
    screening_accepted: Collection[PartnerOrganisation]
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
    screening_accepted = list(fields.get("screening_accepted", ()))
    if any(party not in parties for party in screening_accepted):
        raise ValidationError(
            {
                "screening_accepted": _(
                    "Only a party's own screening can be accepted under the agreement."
                )
            }
        )
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
    screening_changed = _set_parties(agreement, parties, screening_accepted)
    audit.record(by, verb, agreement, code="agreement.saved", params={"title": title})
    for name, accepted in screening_changed.items():
        audit.record(
            by,
            "changed",
            agreement,
            code="agreement.screening_accepted" if accepted else "agreement.screening_withdrawn",
            params={"title": title, "name": name},
        )
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
    agreement.transition_to(
        status,
        refusal=_("An agreement that is %(current)s cannot be made %(new)s.")
        % {"current": current.label.lower(), "new": _status_label(status)},
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
