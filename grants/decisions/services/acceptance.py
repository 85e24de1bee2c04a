"""After the decision: the applicant accepts the grant (and the reports due are created), and a
rejection no longer open to appeal closes its case."""

from __future__ import annotations

from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from coordination.kernel.models import User
from grants.applications.models import Application
from grants.applications.permissions import is_applicant
from grants.applications.services.transitions import transition
from grants.applications.workflow import Actor, Status
from grants.decisions.models import Decision
from grants.decisions.services.deciding import current_decision, today_in_oslo
from grants.reports.models import Report


def _years_later(day: date, years: int) -> date:
    """The same date ``years`` later (29 February becomes 28 February in a common year)."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


def report_schedule(application: Application, decision: Decision) -> list[tuple[str, int, date]]:
    """The reports a grant asks for, as (kind, year, due): a progress report for each year
    before the last (the round's progress deadline, a year later for each year; else 1 April
    after the year) and a final report for the last year (the round's final deadline, or 1
    April after the last year when that deadline comes before the year has ended)."""
    years = sorted(decision.instalments.values_list("year", flat=True))
    if not years:
        return []
    round_ = application.round
    schedule: list[tuple[str, int, date]] = []
    for year in years[:-1]:
        if round_.progress_report_due:
            due = _years_later(round_.progress_report_due, year - years[0])
        else:
            due = date(year + 1, 4, 1)
        schedule.append((Report.Kind.PROGRESS, year, due))
    last = years[-1]
    final = round_.final_report_due
    if final is None or final <= date(last, 12, 31):
        final = date(last + 1, 4, 1)
    schedule.append((Report.Kind.FINAL, last, final))
    return schedule


def accept_grant(*, by: User, application: Application) -> Application:
    """The applicant accepts the grant in force; the case goes to reporting with its reports
    due."""
    if not is_applicant(by, application):
        raise PermissionDenied
    decision = current_decision(application)
    if application.status not in (Status.GRANTED, Status.PARTLY_GRANTED) or decision is None:
        if application.status == Status.REPORTING:
            raise ValidationError(_("You have accepted the grant already."))
        raise ValidationError(_("There is no grant to accept in this application."))
    with transaction.atomic():
        transition(application=application, name="accept_grant", by=by, actor=Actor.APPLICANT)
        for kind, year, due in report_schedule(application, decision):
            Report.objects.get_or_create(
                application=application,
                kind=kind,
                year=year,
                defaults={"grant_maker_id": application.grant_maker_id, "due_on": due},
            )
    return application


def close_rejected_cases(today: date | None = None) -> int:
    """Close the rejected applications whose decision's appeal deadline has passed without an
    appeal (the portal's own step); returns how many."""
    today = today or today_in_oslo()
    due = Application.objects.filter(
        status=Status.REJECTED,
        decisions__replaced_by__isnull=True,
        decisions__appeal_deadline__lt=today,
    ).distinct()
    closed = 0
    for application in due:
        try:
            transition(
                application=application,
                name="close",
                by=None,
                actor=Actor.SYSTEM,
                note=_("The appeal deadline has passed."),
            )
        except ValidationError:
            continue  # appealed or closed meanwhile
        closed += 1
    return closed
