"""Writes on grantees' reports (saving, sending, the officer's assessment, reminders) and the
grant-maker's files (a round's export, a case dossier), each made by a background job."""

from grants.reports.services.files import (
    DOSSIER_ACTION,
    EXPORT_FORMATS,
    ROUND_EXPORT_ACTION,
    make_case_dossier,
    make_round_export,
    request_case_dossier,
    request_round_export,
)
from grants.reports.services.reports import (
    DUE_SOON_DAYS,
    assess_report,
    can_edit_report,
    missing_for_submission,
    prefill_report,
    reports_to_remind,
    save_report,
    send_report_reminder,
    submit_report,
)

__all__ = [
    "DOSSIER_ACTION",
    "DUE_SOON_DAYS",
    "EXPORT_FORMATS",
    "ROUND_EXPORT_ACTION",
    "assess_report",
    "can_edit_report",
    "make_case_dossier",
    "make_round_export",
    "missing_for_submission",
    "prefill_report",
    "reports_to_remind",
    "request_case_dossier",
    "request_round_export",
    "save_report",
    "send_report_reminder",
    "submit_report",
]
