"""Writes of the schemes area: grant-makers and their people (makers.py); schemes, rounds and
what a round scores, screens and asks (schemes.py). Everything is imported from here."""

from grants.schemes.services.makers import (
    NOTIFY_ROLE_ADDED,
    add_grant_role,
    create_grant_maker,
    remove_grant_role,
)
from grants.schemes.services.schemes import (
    create_round,
    create_scheme,
    criteria_locked,
    save_conditions,
    save_criteria,
    save_questions,
    update_round,
    update_scheme,
)

__all__ = [
    "NOTIFY_ROLE_ADDED",
    "add_grant_role",
    "create_grant_maker",
    "create_round",
    "create_scheme",
    "criteria_locked",
    "remove_grant_role",
    "save_conditions",
    "save_criteria",
    "save_questions",
    "update_round",
    "update_scheme",
]
