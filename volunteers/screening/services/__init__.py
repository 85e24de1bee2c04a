"""Screening: the roles volunteers take on and what each requires (``roles``), courses and who
completed them (``courses``), and volunteers in roles with their police certificate checks
(``holders``). Each service checks ``manage_screening`` in the municipality the object belongs
to (``base``).

A police certificate check records only that a certificate was presented, when, its kind, who
checked it and whether it was OK for the role: never the certificate, a copy or what it says.
Taking a role away deletes the checks for it."""

from volunteers.screening.services.base import ACTION
from volunteers.screening.services.courses import (
    create_course,
    create_session,
    record_completion,
    record_completions,
    session_day,
    update_course,
    update_session,
)
from volunteers.screening.services.holders import (
    give_role,
    record_certificate_check,
    take_away_role,
)
from volunteers.screening.services.roles import MAX_RENEWAL_MONTHS, create_role, update_role

__all__ = [
    "ACTION",
    "MAX_RENEWAL_MONTHS",
    "create_course",
    "create_role",
    "create_session",
    "give_role",
    "record_certificate_check",
    "record_completion",
    "record_completions",
    "session_day",
    "take_away_role",
    "update_course",
    "update_role",
    "update_session",
]
