"""Writes on decisions: deciding an application (with its yearly instalments and the letter),
appeals and their handling, accepting a grant (with the reports due) and closing rejected cases
no longer open to appeal. Status changes go through ``applications.services.transition``."""

from grants.decisions.services.acceptance import accept_grant, close_rejected_cases, report_schedule
from grants.decisions.services.appeals import can_appeal, handle_appeal, lodge_appeal, open_appeal
from grants.decisions.services.deciding import (
    current_decision,
    decide_application,
    is_final,
    letter_language,
    project_years,
    proposed_amounts,
    request_letter,
)

__all__ = [
    "accept_grant",
    "can_appeal",
    "close_rejected_cases",
    "current_decision",
    "decide_application",
    "handle_appeal",
    "is_final",
    "letter_language",
    "lodge_appeal",
    "open_appeal",
    "project_years",
    "proposed_amounts",
    "report_schedule",
    "request_letter",
]
