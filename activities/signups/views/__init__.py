"""The sign-ups area's pages: the participant's (public.py) and the organiser's (organiser.py)."""

from activities.signups.views.organiser import (
    participant_add,
    reminder_calls,
    session_cancel,
    session_participants,
    signup_cancel_by_organiser,
)
from activities.signups.views.public import (
    activity_sign_up,
    session_sign_up,
    signup_cancel,
    signup_receipt,
)

__all__ = [
    "activity_sign_up",
    "participant_add",
    "reminder_calls",
    "session_cancel",
    "session_participants",
    "session_sign_up",
    "signup_cancel",
    "signup_cancel_by_organiser",
    "signup_receipt",
]
