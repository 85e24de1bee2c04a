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
from .routines import REVIEW_NOTICE_DAYS, Routine, RoutineTopic, RoutineVersion
from .steps import STEP_DESCRIPTIONS, Step
from .wheel import WheelCategory, WheelEvent

__all__ = [
    "AuditEvent",
    "GeneratedFile",
    "Membership",
    "MembershipQuerySet",
    "Municipality",
    "PartnerOrganisation",
    "REVIEW_NOTICE_DAYS",
    "RetentionRun",
    "Role",
    "Routine",
    "RoutineTopic",
    "RoutineVersion",
    "STEP_DESCRIPTIONS",
    "Step",
    "User",
    "UserManager",
    "WheelCategory",
    "WheelEvent",
    "validate_organisation_number",
]
