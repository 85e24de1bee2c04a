"""The reports area's background jobs: the daily reminders, and the files an officer asks for
(a round's export, a case dossier). A file's job asks again, in the worker, whether the person
may still run the grant-maker's grants (the grant-maker's counterpart of ``jobs.acting_for``)."""

from __future__ import annotations

import logging

from celery import shared_task
from django.core.exceptions import PermissionDenied
from django.utils import timezone

from coordination.kernel.models import GrantMaker, User
from coordination.kernel.permissions import can
from grants.reports import services
from grants.reports.services.files import ROUND_EXPORT_ACTION, for_job

logger = logging.getLogger(__name__)


def _officer(requested_by: int, grant_maker: int) -> tuple[User, GrantMaker]:
    place = GrantMaker.objects.get(pk=grant_maker)
    person = User.objects.filter(pk=requested_by, is_active=True).first()
    if person is None or not can(person, ROUND_EXPORT_ACTION, place):
        raise PermissionDenied(f"{requested_by} may not {ROUND_EXPORT_ACTION} in {grant_maker}")
    return person, place


@shared_task(acks_late=True)
def export_round(*, requested_by: int, grant_maker: int, generated_file: int) -> int:
    """A round's applications as CSV or Excel, for the officer who asked."""
    person, place = _officer(requested_by, grant_maker)
    record = for_job(pk=generated_file, user=person, grant_maker=place)
    return services.make_round_export(record=record, by=person)


@shared_task(acks_late=True)
def make_case_dossier(*, requested_by: int, grant_maker: int, generated_file: int) -> int:
    """An application's case dossier (ZIP), for the officer who asked."""
    person, place = _officer(requested_by, grant_maker)
    record = for_job(pk=generated_file, user=person, grant_maker=place)
    return services.make_case_dossier(record=record, by=person)


@shared_task(acks_late=True)
def send_report_reminders() -> int:
    """Daily: remind the applicant 14 days before a report is due, and once when it is
    overdue (each once). Returns how many reminders went out. One that fails (the mail
    server away) is logged and tried again the next day; the others still go out."""
    now = timezone.now()
    sent = 0
    for report, kind in services.reports_to_remind(timezone.localdate(now)):
        try:
            if services.send_report_reminder(report=report, kind=kind, now=now):
                sent += 1
        except Exception:
            logger.exception("report %s: the %s reminder was not sent", report.pk, kind)
    return sent
