"""Volunteer shifts: the organiser adds what a session needs (a slot: a task, how many, the
role whose readiness rules apply), ready volunteers take a shift or are asked and answer for
themselves (never a task they did not accept), confirm a few days before, drop out (a
substitute is asked), and the organiser records who came — the hours flow to the volunteer's
total through the hours module."""

from activities.shifts.services.attendance import record_shift_attendance, shift_hours
from activities.shifts.services.rules import (
    CONFIRM_DAYS,
    LIVE,
    NOTIFY_TASK,
    busy_in,
    check_can_hold,
    check_session_ahead,
    driver_refusal,
    held_count,
    is_volunteer_of,
    propose_for_slot,
    readiness_for_slot,
    ready_for_slot,
    refusal_for,
    require_organiser,
    session_times,
    signed_current_of,
)
from activities.shifts.services.shifts import (
    add_shift_slot,
    answer_shift,
    ask_for_slot,
    confirm_shift,
    driver_slot,
    drop_shift,
    take_shift,
)

__all__ = [
    "CONFIRM_DAYS",
    "LIVE",
    "NOTIFY_TASK",
    "add_shift_slot",
    "answer_shift",
    "ask_for_slot",
    "busy_in",
    "check_can_hold",
    "check_session_ahead",
    "confirm_shift",
    "driver_refusal",
    "driver_slot",
    "drop_shift",
    "held_count",
    "is_volunteer_of",
    "propose_for_slot",
    "readiness_for_slot",
    "ready_for_slot",
    "record_shift_attendance",
    "refusal_for",
    "require_organiser",
    "session_times",
    "shift_hours",
    "signed_current_of",
    "take_shift",
]
