"""Writes on applications: starting, editing, partners, budget, attachments, submitting.
Status changes go through ``transitions.transition``."""

from grants.applications.services.attachments import add_attachment, remove_attachment
from grants.applications.services.budget import (
    allowed_years,
    budget_totals,
    replace_budget,
)
from grants.applications.services.common import ApplyingAs, applying_as, round_closed_reason
from grants.applications.services.drafting import (
    PROJECT_FIELDS,
    linkable_activities,
    questions_for,
    save_answers,
    set_activities,
    set_municipalities,
    start_application,
    update_application,
)
from grants.applications.services.partners import (
    add_partner,
    answer_partnership,
    partnerships_waiting_for,
    remove_partner,
)
from grants.applications.services.submission import (
    Missing,
    missing_for_submission,
    missing_items,
    provide_information,
    submit_application,
    withdraw_application,
)

__all__ = [
    "PROJECT_FIELDS",
    "ApplyingAs",
    "Missing",
    "add_attachment",
    "add_partner",
    "allowed_years",
    "answer_partnership",
    "applying_as",
    "budget_totals",
    "linkable_activities",
    "missing_for_submission",
    "partnerships_waiting_for",
    "missing_items",
    "provide_information",
    "questions_for",
    "remove_attachment",
    "remove_partner",
    "replace_budget",
    "round_closed_reason",
    "save_answers",
    "set_activities",
    "set_municipalities",
    "start_application",
    "submit_application",
    "update_application",
    "withdraw_application",
]
