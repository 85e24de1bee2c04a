"""Signing up for an activity (oneself, or on someone's behalf), the waiting list and its order,
cancelling, a meeting that is cancelled or does not run for too few, and telling people — one
module each; everything is imported from here."""

from activities.signups.services.notices import (
    notify_session_off,
    notify_signup,
    phone_calls_due,
    reach,
    receipt_url,
    send_reminders,
    sessions_to_remind,
)
from activities.signups.services.places import (
    NOTIFY_TASK,
    SESSION_NOTICE_TASK,
    deadline_of,
    fee_categories,
    fee_sentence,
    holding_places,
    places_left,
    places_taken,
    places_taken_in,
    room_in_all,
    signed_up_for,
    waiting_position,
)
from activities.signups.services.sessions import (
    cancel_session,
    check_minimum,
    due_for_minimum_check,
    sessions_due_for_minimum_check,
)
from activities.signups.services.signing import (
    cancel_sign_up,
    locked,
    may_cancel_by_link,
    promote_waiting,
    sign_up,
)

__all__ = [
    "NOTIFY_TASK",
    "SESSION_NOTICE_TASK",
    "cancel_session",
    "cancel_sign_up",
    "check_minimum",
    "deadline_of",
    "due_for_minimum_check",
    "fee_categories",
    "fee_sentence",
    "holding_places",
    "locked",
    "may_cancel_by_link",
    "notify_session_off",
    "notify_signup",
    "phone_calls_due",
    "places_left",
    "places_taken",
    "places_taken_in",
    "promote_waiting",
    "reach",
    "receipt_url",
    "room_in_all",
    "send_reminders",
    "sessions_due_for_minimum_check",
    "sessions_to_remind",
    "sign_up",
    "signed_up_for",
    "waiting_position",
]
