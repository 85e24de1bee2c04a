"""The core domain's models, one module per area; import them from here."""

from coordination.kernel.models import (
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
from coordination.kernel.outbox_model import PendingTask
from coordination.kernel.steps import STEP_DESCRIPTIONS, Step
from coordination.partners.models import (
    AgreementParty,
    AgreementReminder,
    CooperationAgreement,
    OfferKind,
    PartnerContact,
    PartnerOffer,
    PartnerOrganisation,
    validate_organisation_number,
)
from coordination.responsibility.models import (
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
from coordination.routines.models import REVIEW_NOTICE_DAYS, Routine, RoutineTopic, RoutineVersion
from coordination.staircase.models import (
    Answer,
    Assessment,
    Indicator,
    StaircaseLevel,
    StaircaseSharing,
)
from coordination.units.models import ForumMeeting, Unit, UnitContact, UnitKind
from coordination.wheel.models import WheelCategory, WheelEvent

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
