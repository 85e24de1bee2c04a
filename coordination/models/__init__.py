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
from .partners import PartnerOrganisation, validate_organisation_number
from .staircase import (
    Answer,
    Assessment,
    Indicator,
    StaircaseLevel,
    StaircaseSharing,
)
from .steps import STEP_DESCRIPTIONS, Step

__all__ = [
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
    # staircase
    "Answer",
    "Assessment",
    "Indicator",
    "StaircaseLevel",
    "StaircaseSharing",
]
