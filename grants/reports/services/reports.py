"""The grantee's report: saved as a draft, sent to the grant-maker, assessed by its officer
(approved, or more asked for); the final report approved closes the case. Reminders go to the
applicant 14 days before the report is due and once when it is overdue."""

from __future__ import annotations

import datetime
from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from coordination.kernel import mail
from coordination.kernel.models import User
from coordination.kernel.permissions import Verdict
from coordination.kernel.reminders import remind_once
from grants.applications.people import applicant_users, officers_of
from grants.applications.permissions import can_handle_application, is_applicant
from grants.applications.services.transitions import transition
from grants.applications.workflow import Actor, Status
from grants.reports.models import Report, ReportStatus
from grants.reports.prefill import counted_in_samspill

# The report's fields the applicant fills in (``save_report`` takes these and no others).
REPORT_FIELDS = (
    "what_was_done",
    "participants_reached",
    "sessions_held",
    "volunteers_involved",
    "volunteer_hours",
    "senior_volunteers",
    "money_used",
    "what_lasted",
)
EDITABLE = (ReportStatus.DUE, ReportStatus.MORE_REQUESTED)
DUE_SOON_DAYS = 14


def _url(name: str, *args) -> str:
    return settings.SITE_URL + reverse(name, args=args)


def _email(people: list[User], template: str, context: dict[str, Any]) -> None:
    """Each person in their own language, once the change is committed. Emails about a grant
    come from the grant-maker, not a municipality: no municipality signs them."""

    def send() -> None:
        for person in people:
            mail.send_email(to=person, template=template, context=context)

    transaction.on_commit(send)


def can_edit_report(user, report: Report) -> Verdict:
    """The applicant writes the report until it is sent, and again when more is asked for."""
    if not is_applicant(user, report.application):
        return Verdict(False, _("Only the applicant can write the report."))
    if report.status not in EDITABLE:
        return Verdict(False, _("The report has been sent and is locked."))
    return Verdict(True)


def _require_editable(by: User, report: Report) -> None:
    if not is_applicant(by, report.application):
        raise PermissionDenied
    verdict = can_edit_report(by, report)
    if not verdict:
        raise ValidationError(verdict.reason)


@transaction.atomic
def prefill_report(*, by: User, report: Report) -> Report:
    """The first time the applicant opens the report: note what Samspill counted in the
    funded activities that year (``Report.prefilled_from``), shown beside the fields. Kept
    as it was first counted, so the report says what it was based on."""
    _require_editable(by, report)
    report = Report.objects.select_for_update().get(pk=report.pk)
    if report.prefilled_from:
        return report
    counted = counted_in_samspill(report.application, report.year)
    if counted:
        report.prefilled_from = counted
        report.save(update_fields=["prefilled_from"])
    return report


@transaction.atomic
def save_report(*, by: User, report: Report, **fields: Any) -> Report:
    """Save what the applicant has written so far (a draft: nothing is required yet)."""
    _require_editable(by, report)
    unknown = set(fields) - set(REPORT_FIELDS)
    if unknown:
        raise TypeError(f"save_report: not report fields: {sorted(unknown)}")
    for name, value in fields.items():
        setattr(report, name, value)
    report.save(update_fields=list(fields) or None)
    return report


def missing_for_submission(report: Report) -> dict[str, str]:
    """What must be filled in before the report is sent: every figure (0 is an answer), what
    was done, the money used and, in the final report, what lasts beyond the project."""
    required = [name for name in REPORT_FIELDS if name != "what_lasted"]
    if report.kind == Report.Kind.FINAL:
        required.append("what_lasted")
    missing = {}
    for name in required:
        value = getattr(report, name)
        if value is None or (isinstance(value, str) and not value.strip()):
            label = getattr(Report._meta.get_field(name), "verbose_name", name)
            missing[name] = _("Fill in «%(field)s».") % {"field": label}
    return missing


@transaction.atomic
def submit_report(*, by: User, report: Report) -> Report:
    """Send the report to the grant-maker; its officers are told. Everything must be filled
    in; the report is locked until the officer asks for more."""
    _require_editable(by, report)
    report = Report.objects.select_for_update().select_related("application").get(pk=report.pk)
    missing = missing_for_submission(report)
    if missing:
        raise ValidationError(missing)
    report.transition_to(
        ReportStatus.SUBMITTED, refusal=_("The report has been sent and is locked.")
    )
    report.submitted_at = timezone.now()
    report.submitted_by = by
    report.save(update_fields=["status", "submitted_at", "submitted_by"])
    _email(
        officers_of(report.grant_maker),
        "grants/reports/email/report_submitted",
        {
            "report": report,
            "application": report.application,
            "url": _url("grants:report_review", report.grant_maker_id, report.pk),
        },
    )
    return report


@transaction.atomic
def assess_report(*, by: User, report: Report, approve: bool, comment: str = "") -> Report:
    """The officer approves the report, or asks for more (saying what; the applicant is told
    by email). Approving the final report closes the case."""
    application = report.application
    verdict = can_handle_application(by, application)
    if not verdict:
        raise PermissionDenied(verdict.reason)
    report = Report.objects.select_for_update().get(pk=report.pk)
    if report.status != ReportStatus.SUBMITTED:
        raise ValidationError(_("Only a report that has been sent can be assessed."))
    comment = comment.strip()
    if not approve and not comment:
        raise ValidationError({"comment": _("Say what the applicant must add or explain.")})
    target = ReportStatus.APPROVED if approve else ReportStatus.MORE_REQUESTED
    report.transition_to(target, refusal=_("Only a report that has been sent can be assessed."))
    report.officer_comment = comment
    report.reviewed_at = timezone.now()
    report.reviewed_by = by
    report.save(update_fields=["status", "officer_comment", "reviewed_at", "reviewed_by"])
    if approve and report.kind == Report.Kind.FINAL:
        if application.status != Status.REPORTING:
            raise ValidationError(
                _("The case cannot be closed while the application is «%(status)s».")
                % {"status": application.get_status_display()}
            )
        transition(
            application=application,
            name="close",
            by=by,
            actor=Actor.OFFICER,
            note=_("The final report was approved."),
        )
    _email(
        applicant_users(application),
        "grants/reports/email/report_approved"
        if approve
        else "grants/reports/email/report_more_requested",
        {
            "report": report,
            "application": application,
            "grant_maker": report.grant_maker,
            "comment": comment,
            "url": _url("grants:report_edit", report.pk),
        },
    )
    return report


# --- reminders ------------------------------------------------------------------------------

DUE_SOON, OVERDUE = "due_soon", "overdue"


def reports_to_remind(today: datetime.date) -> list[tuple[Report, str]]:
    """Reports not sent yet, of grants still reporting, whose reminder has not gone out:
    ``due_soon`` within 14 days of the due date, ``overdue`` after it (only that one, for a
    report that became overdue before the first was sent)."""
    waiting = (
        Report.objects.filter(status__in=EDITABLE, application__status=Status.REPORTING)
        .select_related("application", "grant_maker")
        .order_by("due_on", "pk")
    )
    overdue = [(r, OVERDUE) for r in waiting.filter(due_on__lt=today, overdue_reminded_at=None)]
    soon = waiting.filter(
        due_on__gte=today,
        due_on__lte=today + datetime.timedelta(days=DUE_SOON_DAYS),
        reminded_at=None,
    )
    return [(r, DUE_SOON) for r in soon] + overdue


def send_report_reminder(*, report: Report, kind: str, now: datetime.datetime) -> bool:
    """Remind the applicant once of ``kind`` (``due_soon`` or ``overdue``); the note and the
    emails are one transaction, so a failed send is tried again the next day."""
    field = "reminded_at" if kind == DUE_SOON else "overdue_reminded_at"

    def record() -> bool:
        return bool(
            Report.objects.filter(pk=report.pk, **{f"{field}__isnull": True}).update(**{field: now})
        )

    def send() -> None:
        context = {
            "report": report,
            "application": report.application,
            "grant_maker": report.grant_maker,
            "days_left": (report.due_on - timezone.localdate(now)).days,
            "url": _url("grants:report_edit", report.pk),
        }
        for person in applicant_users(report.application):
            mail.send_email(
                to=person, template=f"grants/reports/email/report_{kind}", context=context
            )

    return remind_once(record=record, send=send)
