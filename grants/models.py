"""The grants app's models, one module per area: schemes and rounds, applications (with the
state machine), review, decisions and appeals, reports."""

from grants.applications.models import (
    Answer,
    Application,
    ApplicationEvent,
    ApplicationPartner,
    Attachment,
    BudgetLine,
)
from grants.applications.workflow import Actor, Status
from grants.decisions.models import Appeal, Decision, Instalment, Outcome
from grants.reports.models import Report, ReportStatus
from grants.review.models import Recommendation, ReviewAssignment, Score
from grants.schemes.models import (
    ApplicantKind,
    Criterion,
    EligibilityCondition,
    Question,
    Round,
    Scheme,
)

__all__ = [
    "Actor",
    "Answer",
    "Appeal",
    "ApplicantKind",
    "Application",
    "ApplicationEvent",
    "ApplicationPartner",
    "Attachment",
    "BudgetLine",
    "Criterion",
    "Decision",
    "EligibilityCondition",
    "Instalment",
    "Outcome",
    "Question",
    "Recommendation",
    "Report",
    "ReportStatus",
    "ReviewAssignment",
    "Round",
    "Scheme",
    "Score",
    "Status",
]
