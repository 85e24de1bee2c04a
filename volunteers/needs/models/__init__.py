"""Needs (help requests) and how they are met, after Vennesla's method: a need is reported,
mapped in a conversation, clarified, volunteers are proposed and invited, a network is set up,
and it is followed up until it is closed. Volunteers are invited, never assigned.

One module per model: ``needs`` (the need and its choices), ``steps`` (the method's steps taken),
``invitations``, ``assignments`` and ``follow_up``. ``volunteers.models`` re-exports them, which
is where Django finds them."""

from volunteers.needs.models.assignments import (
    ASSIGNMENT_ALLOWED,
    Assignment,
    AssignmentStatus,
    EndReason,
)
from volunteers.needs.models.follow_up import FollowUp
from volunteers.needs.models.invitations import INVITATION_ALLOWED, Invitation, InvitationStatus
from volunteers.needs.models.needs import (
    CONSENT_NEEDS_NOTE,
    NEED_ALLOWED,
    NEED_STEPS,
    ConsentBasis,
    GenderPreference,
    Need,
    NeedQuerySet,
    NeedSource,
    NeedStatus,
    PracticalDecision,
)
from volunteers.needs.models.steps import NeedStep

__all__ = [
    "ASSIGNMENT_ALLOWED",
    "CONSENT_NEEDS_NOTE",
    "INVITATION_ALLOWED",
    "NEED_ALLOWED",
    "NEED_STEPS",
    "Assignment",
    "AssignmentStatus",
    "ConsentBasis",
    "EndReason",
    "FollowUp",
    "GenderPreference",
    "Invitation",
    "InvitationStatus",
    "Need",
    "NeedQuerySet",
    "NeedSource",
    "NeedStatus",
    "NeedStep",
    "PracticalDecision",
]
