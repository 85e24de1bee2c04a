"""Who may see a partner or an agreement, and who may change a partner's shared details: the
registry's readers see all of the municipality's; a partner representative only their own
organisation's. Each answer is a ``Verdict`` with the reason a page shows."""

from __future__ import annotations

from collections.abc import Iterable

from django.utils.translation import gettext as _

from coordination.kernel import permissions
from coordination.kernel.models import Membership, Municipality, Role, User
from coordination.kernel.permissions import Verdict
from coordination.partners.models import CooperationAgreement, PartnerOrganisation


def _speaks_for(user: User, municipality: Municipality | str, organisation_ids: Iterable) -> bool:
    """Is ``user`` a partner representative in the municipality for one of these
    organisations?"""
    if not user.is_authenticated or not user.is_active:
        return False
    number = municipality if isinstance(municipality, str) else municipality.pk
    return Membership.objects.filter(
        user=user,
        municipality_id=number,
        role=Role.PARTNER_REPRESENTATIVE,
        organisation_id__in=list(organisation_ids),
    ).exists()


def _no_access() -> Verdict:
    return Verdict(False, _("You do not have access to this page"))


def can_view_partner(
    user: User, partner: PartnerOrganisation, municipality: Municipality
) -> Verdict:
    """Staff who read the registry see every partner; a representative only their own."""
    if permissions.can(user, "view_partners", municipality) or _speaks_for(
        user, municipality, [partner.pk]
    ):
        return Verdict(True)
    return _no_access()


def can_view_agreement(user: User, agreement: CooperationAgreement) -> Verdict:
    """Staff who read the registry see every agreement; a representative only those their
    organisation is party to."""
    if permissions.can(user, "view_partners", agreement) or _speaks_for(
        user,
        agreement.municipality_id,
        agreement.party_rows.values_list("organisation_id", flat=True),
    ):
        return Verdict(True)
    return _no_access()


def has_representatives(partner: PartnerOrganisation) -> bool:
    """Does the organisation speak for itself in Samspill (a representative in any
    municipality)? Then only its representatives keep its shared details."""
    return (
        partner.pk is not None
        and Membership.objects.filter(
            role=Role.PARTNER_REPRESENTATIVE, organisation_id=partner.pk
        ).exists()
    )


def can_change_partner_details(
    user: User, partner: PartnerOrganisation, municipality: Municipality
) -> Verdict:
    """A partner's shared details (name, type, organisation number, email, phone) are what
    every linked municipality sees. Once the organisation has a representative, only its
    representatives change them; until then the municipality that registered it does. Every
    other municipality changes only its own relation to the partner (its contacts, offers and
    agreements), and may propose a correction (``can_propose_correction``)."""
    if partner.pk is None or _speaks_for(user, municipality, [partner.pk]):
        return Verdict(True)
    if not permissions.can(user, "manage_partners", municipality):
        return _no_access()
    if has_representatives(partner):
        return Verdict(
            False,
            _(
                "%(name)s keeps its own name and details in Samspill: only its representatives "
                "change them."
            )
            % {"name": partner.name},
        )
    if partner.keeper_municipality_id != municipality.pk:
        return Verdict(
            False,
            _(
                "%(name)s was registered by another municipality, so its name and details "
                "are not changed here."
            )
            % {"name": partner.name},
        )
    return Verdict(True)


def can_manage_partner_relation(
    user: User, partner: PartnerOrganisation, municipality: Municipality
) -> Verdict:
    """This municipality's contacts and offers at a partner: its coordinators, and the
    organisation's own representatives in the municipality (for their organisation only)."""
    if permissions.can(user, "manage_partners", municipality) or _speaks_for(
        user, municipality, [partner.pk]
    ):
        return Verdict(True)
    return _no_access()


def can_propose_correction(
    user: User, partner: PartnerOrganisation, municipality: Municipality
) -> Verdict:
    """A coordinator who may not change a partner's shared details may propose a correction,
    which those who keep them accept or decline."""
    if not permissions.can(user, "manage_partners", municipality):
        return _no_access()
    if can_change_partner_details(user, partner, municipality):
        return Verdict(False, _("You can change these details yourself."))
    return Verdict(True)
