"""The core domain's models, one module per area; import them from here."""

from coordination.models.core import (
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
from coordination.models.outbox import PendingTask
from coordination.models.partners import (
    AgreementParty,
    AgreementReminder,
    CooperationAgreement,
    OfferKind,
    PartnerContact,
    PartnerOffer,
    PartnerOrganisation,
    validate_organisation_number,
)
from coordination.models.responsibility import (
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
from coordination.models.routines import REVIEW_NOTICE_DAYS, Routine, RoutineTopic, RoutineVersion
from coordination.models.staircase import (
    Answer,
    Assessment,
    Indicator,
    StaircaseLevel,
    StaircaseSharing,
)
from coordination.models.steps import STEP_DESCRIPTIONS, Step
from coordination.models.units import ForumMeeting, Unit, UnitContact, UnitKind
from coordination.models.wheel import WheelCategory, WheelEvent

__all__ = [
    "AgreementParty",
    "AgreementReminder",
    "Answer",
    "Assessment",
    "AuditEvent",
    "CooperationAgreement",
    "ForumMeeting",
    "GeneratedFile",
    "Indicator",
    "Membership",
    "MembershipQuerySet",
    "Municipality",
    "OfferKind",
    "PartnerContact",
    "PendingTask",
    "PartnerOffer",
    "PartnerOrganisation",
    "REVIEW_NOTICE_DAYS",
    "ROLE_ABBREVIATIONS",
    "ROLE_EXPLANATIONS",
    "ResponsibilityAssignment",
    "ResponsibilityMap",
    "ResponsibilityParty",
    "ResponsibilityRole",
    "ResponsibilityTask",
    "RetentionRun",
    "Role",
    "Routine",
    "RoutineTopic",
    "RoutineVersion",
    "STARTER_PARTIES",
    "STARTER_TASKS",
    "STEP_DESCRIPTIONS",
    "StaircaseLevel",
    "StaircaseSharing",
    "Step",
    "Unit",
    "UnitContact",
    "UnitKind",
    "User",
    "UserManager",
    "WheelCategory",
    "WheelEvent",
    "validate_organisation_number",
]
