"""Proposed corrections to a shared partner's details: a coordinator of a municipality that may
not change them proposes; those who keep them (the organisation's representatives, or — while
it has none — the municipality that registered it) accept, and the details change, or decline
with a reason. Both ends are audited in the proposing municipality and in the decider's."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from coordination.kernel import audit
from coordination.kernel.models import Municipality, User
from coordination.partners.models import PartnerCorrection, PartnerOrganisation
from coordination.partners.permissions import (
    can_change_partner_details,
    can_propose_correction,
)
from coordination.partners.services.organisations import (
    _checked_details,
    _in_municipality,
    apply_details,
)


@transaction.atomic
def propose_correction(
    *,
    partner: PartnerOrganisation,
    municipality: Municipality,
    by: User,
    name: str,
    kind: str,
    organisation_number: str = "",
    email: str = "",
    phone: str = "",
    comment: str = "",
) -> PartnerCorrection:
    """Propose new shared details for a partner whose details this municipality does not
    keep. Nothing about the partner changes until the keepers accept."""
    _in_municipality(partner, municipality)
    if not can_propose_correction(by, partner, municipality):
        raise PermissionDenied
    name, number = _checked_details(name=name, kind=kind, organisation_number=organisation_number)
    correction = PartnerCorrection(
        organisation=partner,
        municipality=municipality,
        proposed_by=by,
        name=name,
        kind=kind,
        organisation_number=number,
        email=email.strip(),
        phone=phone.strip(),
        comment=comment.strip(),
    )
    if not correction.changes():
        raise ValidationError(
            _("What you wrote is what is stored already: there is nothing to correct.")
        )
    correction.save()
    audit.record(
        by,
        "created",
        correction,
        code="partner.correction_proposed",
        params={"name": partner.name},
    )
    return correction


@transaction.atomic
def decide_correction(
    *,
    correction: PartnerCorrection,
    municipality: Municipality,
    by: User,
    accept: bool,
    reason: str = "",
) -> PartnerCorrection:
    """Accept (the partner's details become the proposed ones) or decline a proposed
    correction. ``municipality`` is where the decider acts (a representative's or the
    keeper's); only someone who may change the details there decides."""
    correction = PartnerCorrection.objects.select_for_update().get(pk=correction.pk)
    partner = correction.organisation
    _in_municipality(partner, municipality)
    if not can_change_partner_details(by, partner, municipality):
        raise PermissionDenied
    reason = reason.strip()
    if not accept and not reason:
        raise ValidationError({"reason": _("Say briefly why, so the municipality understands.")})
    correction.transition_to(
        PartnerCorrection.Status.ACCEPTED if accept else PartnerCorrection.Status.DECLINED,
        refusal=_("This correction has already been decided."),
    )
    if accept:
        apply_details(
            partner,
            municipality=municipality,
            by=by,
            name=correction.name,
            kind=correction.kind,
            organisation_number=correction.organisation_number,
            email=correction.email,
            phone=correction.phone,
        )
    correction.decided_by, correction.decided_at = by, timezone.now()
    correction.reason = reason
    correction.save()
    code = "partner.correction_accepted" if accept else "partner.correction_declined"
    for place in {correction.municipality_id, municipality.pk}:
        audit.record(
            by, "changed", correction, municipality=place, code=code, params={"name": partner.name}
        )
    return correction
