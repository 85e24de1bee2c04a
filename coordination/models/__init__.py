"""The core domain's models, one module per area; import them from here."""

from .core import (
    AuditEvent,
    GeneratedFile,
    Membership,
    MembershipQuerySet,
    Municipality,
    RetentionRun,
    Role,
    User,
    UserManager,
)
from .partners import (
    AgreementParty,
    AgreementReminder,
    CooperationAgreement,
    OfferKind,
    PartnerContact,
    PartnerOffer,
    PartnerOrganisation,
    validate_organisation_number,
)
from .steps import STEP_DESCRIPTIONS, Step

__all__ = [
    "AgreementParty",
    "AgreementReminder",
    "CooperationAgreement",
    "OfferKind",
    "PartnerContact",
    "PartnerOffer",
    "AuditEvent",
    "GeneratedFile",
    "Membership",
    "MembershipQuerySet",
    "Municipality",
    "PartnerOrganisation",
    "RetentionRun",
    "Role",
    "STEP_DESCRIPTIONS",
    "Step",
    "User",
    "UserManager",
    "validate_organisation_number",
]
