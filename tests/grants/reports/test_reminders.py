"""Reminders to the applicant: 14 days before a report is due and once when it is overdue,
each sent once however often the daily job runs."""

import datetime

import pytest
from django.utils import timezone

from grants.reports.models import Report
from grants.reports.services import save_report, submit_report
from grants.reports.tasks import send_report_reminders
from tests.grants.factories import ReportFactory
from tests.grants.reports.conftest import complete

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def applicant_reads_english(applicant):
    """The reminders are in the applicant's own language: English here, as asserted."""
    applicant.preferred_language = "en"
    applicant.save(update_fields=["preferred_language"])


def in_days(days: int) -> datetime.date:
    return timezone.localdate() + datetime.timedelta(days=days)


def test_a_report_due_within_two_weeks_is_reminded_once(grant, applicant, mailoutbox):
    report = ReportFactory(application=grant, due_on=in_days(14))
    assert send_report_reminders() == 1
    assert send_report_reminders() == 0
    assert [m.to for m in mailoutbox] == [[applicant.email]]
    assert "is due soon" in mailoutbox[0].subject
    assert "in 14 days" in mailoutbox[0].body
    assert f"/grants/reports/{report.pk}/" in mailoutbox[0].body
    assert Report.objects.get(pk=report.pk).reminded_at is not None


def test_nothing_is_sent_earlier_than_two_weeks_before(grant, mailoutbox):
    ReportFactory(application=grant, due_on=in_days(15))
    assert send_report_reminders() == 0
    assert mailoutbox == []


def test_an_overdue_report_is_reminded_once_more(grant, applicant, mailoutbox):
    report = ReportFactory(application=grant, due_on=in_days(3))
    assert send_report_reminders() == 1
    Report.objects.filter(pk=report.pk).update(due_on=in_days(-1))
    assert send_report_reminders() == 1
    assert send_report_reminders() == 0
    assert len(mailoutbox) == 2
    assert "is overdue" in mailoutbox[1].subject


def test_a_report_overdue_before_any_reminder_gets_only_the_overdue_one(grant, mailoutbox):
    ReportFactory(application=grant, due_on=in_days(-10))
    assert send_report_reminders() == 1
    assert send_report_reminders() == 0
    assert [m.subject for m in mailoutbox if "overdue" in m.subject] == [mailoutbox[0].subject]


def test_a_sent_report_is_not_reminded(grant, applicant, mailoutbox):
    report = ReportFactory(application=grant, due_on=in_days(-2))
    save_report(by=applicant, report=report, **complete())
    submit_report(by=applicant, report=report)
    assert send_report_reminders() == 0


def test_a_failed_send_is_tried_again_the_next_day(grant, mailoutbox, monkeypatch):
    from coordination.kernel import mail

    report = ReportFactory(application=grant, due_on=in_days(5))

    def down(**kwargs):
        raise ConnectionError("mail server away")

    monkeypatch.setattr(mail, "send_email", down)
    assert send_report_reminders() == 0
    assert Report.objects.get(pk=report.pk).reminded_at is None
    monkeypatch.undo()
    assert send_report_reminders() == 1
