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
    LEVEL_NUMBERS,
    Answer,
    Assessment,
    Indicator,
    StaircaseLevel,
    StaircaseSharing,
)
from .steps import STEP_DESCRIPTIONS, Step

__all__ = [
    # staircase
    "LEVEL_NUMBERS",
    "Answer",
    "Assessment",
    "Indicator",
    "StaircaseLevel",
    "StaircaseSharing",
    # others
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
