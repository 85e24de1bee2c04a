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
from .responsibility import (
    ROLE_ABBREVIATIONS,
    ROLE_EXPLANATIONS,
    STARTER_PARTIES,
    STARTER_TASKS,
    ResponsibilityAssignment,
    ResponsibilityMap,
    ResponsibilityParty,
    ResponsibilityRole,
    ResponsibilityTask,
)
from .steps import STEP_DESCRIPTIONS, Step
from .units import ForumMeeting, Unit, UnitContact, UnitKind

__all__ = [
    "AuditEvent",
    "ForumMeeting",
    "GeneratedFile",
    "Membership",
    "MembershipQuerySet",
    "Municipality",
    "PartnerOrganisation",
    "ROLE_ABBREVIATIONS",
    "ROLE_EXPLANATIONS",
    "ResponsibilityAssignment",
    "ResponsibilityMap",
    "ResponsibilityParty",
    "ResponsibilityRole",
    "ResponsibilityTask",
    "RetentionRun",
    "Role",
    "STARTER_PARTIES",
    "STARTER_TASKS",
    "STEP_DESCRIPTIONS",
    "Step",
    "Unit",
    "UnitContact",
    "UnitKind",
    "User",
    "UserManager",
    "validate_organisation_number",
]
