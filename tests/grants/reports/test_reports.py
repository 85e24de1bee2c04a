"""The report's path: a draft saved, sent when complete, assessed by the officer (more asked
for, then approved); the final report approved closes the case."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from grants.applications.models import ApplicationEvent
from grants.reports.models import Report, ReportStatus
from grants.reports.services import assess_report, save_report, submit_report
from tests.factories import GrantMakerFactory, GrantMakerRoleFactory
from tests.grants.factories import ReportFactory
from tests.grants.reports.conftest import complete

pytestmark = pytest.mark.django_db


@pytest.fixture
def report(grant):
    return ReportFactory(application=grant)


@pytest.fixture
def sent(report, applicant):
    save_report(by=applicant, report=report, **complete())
    return submit_report(by=applicant, report=report)


def test_the_applicant_saves_a_draft_with_fields_missing(report, applicant):
    save_report(by=applicant, report=report, what_was_done="Turar.", sessions_held=12)
    report.refresh_from_db()
    assert (report.what_was_done, report.sessions_held, report.status) == ("Turar.", 12, "due")


def test_only_the_applicant_writes_the_report(report, coordinator_lom, officer):
    for person in (coordinator_lom, officer):
        with pytest.raises(PermissionDenied):
            save_report(by=person, report=report, sessions_held=1)
        with pytest.raises(PermissionDenied):
            submit_report(by=person, report=report)


def test_sending_says_what_is_missing(report, applicant):
    save_report(by=applicant, report=report, **complete(money_used=None, what_lasted=" "))
    with pytest.raises(ValidationError) as refused:
        submit_report(by=applicant, report=report)
    assert set(refused.value.message_dict) == {"money_used", "what_lasted"}
    assert refused.value.message_dict["money_used"] == ["Fill in «money used (NOK)»."]
    assert Report.objects.get(pk=report.pk).status == ReportStatus.DUE


def test_a_progress_report_needs_no_word_on_what_lasted(grant, applicant):
    progress = ReportFactory(application=grant, kind=Report.Kind.PROGRESS)
    save_report(by=applicant, report=progress, **complete(what_lasted=""))
    assert submit_report(by=applicant, report=progress).status == ReportStatus.SUBMITTED


def test_zero_is_an_answer(report, applicant):
    save_report(by=applicant, report=report, **complete(senior_volunteers=0))
    assert submit_report(by=applicant, report=report).status == ReportStatus.SUBMITTED


def test_sending_locks_the_report_and_tells_the_officers(
    report, applicant, officer, mailoutbox, django_capture_on_commit_callbacks
):
    save_report(by=applicant, report=report, **complete())
    with django_capture_on_commit_callbacks(execute=True):
        submit_report(by=applicant, report=report)
    report.refresh_from_db()
    assert (report.status, report.submitted_by) == (ReportStatus.SUBMITTED, applicant)
    assert report.submitted_at is not None
    assert [m.to for m in mailoutbox] == [[officer.email]]
    assert "Turgruppe med følge" in mailoutbox[0].subject
    assert f"/grants/makers/{report.grant_maker_id}/reports/{report.pk}/" in mailoutbox[0].body
    with pytest.raises(ValidationError, match="sent and is locked"):
        save_report(by=applicant, report=report, sessions_held=1)
    with pytest.raises(ValidationError, match="sent and is locked"):
        submit_report(by=applicant, report=report)


def test_asking_for_more_needs_a_comment_and_reopens_the_report(
    sent, applicant, officer, mailoutbox, django_capture_on_commit_callbacks
):
    with pytest.raises(ValidationError) as refused:
        assess_report(by=officer, report=sent, approve=False, comment="  ")
    assert "comment" in refused.value.message_dict
    with django_capture_on_commit_callbacks(execute=True):
        assess_report(by=officer, report=sent, approve=False, comment="Legg ved rekneskapen.")
    sent.refresh_from_db()
    assert (sent.status, sent.officer_comment, sent.reviewed_by) == (
        ReportStatus.MORE_REQUESTED,
        "Legg ved rekneskapen.",
        officer,
    )
    assert [m.to for m in mailoutbox] == [[applicant.email]]
    assert "Legg ved rekneskapen." in mailoutbox[0].body
    save_report(by=applicant, report=sent, money_used=185_000)
    assert submit_report(by=applicant, report=sent).status == ReportStatus.SUBMITTED


def test_approving_the_final_report_closes_the_case(sent, officer, grant):
    assess_report(by=officer, report=sent, approve=True)
    sent.refresh_from_db()
    grant.refresh_from_db()
    assert sent.status == ReportStatus.APPROVED
    assert grant.status == "closed"
    event = ApplicationEvent.objects.get(application=grant)
    assert (event.transition, event.from_status, event.to_status, event.actor) == (
        "close",
        "reporting",
        "closed",
        officer,
    )


def test_approving_a_progress_report_leaves_the_case_open(grant, applicant, officer):
    progress = ReportFactory(application=grant, kind=Report.Kind.PROGRESS)
    save_report(by=applicant, report=progress, **complete())
    submit_report(by=applicant, report=progress)
    assess_report(by=officer, report=progress, approve=True)
    grant.refresh_from_db()
    assert grant.status == "reporting"
    assert not ApplicationEvent.objects.filter(application=grant).exists()


def test_only_a_sent_report_is_assessed(report, officer):
    with pytest.raises(ValidationError, match="Only a report that has been sent"):
        assess_report(by=officer, report=report, approve=True)


def test_only_the_grant_makers_officer_assesses(sent, reviewer, applicant):
    other = GrantMakerRoleFactory(grant_maker=GrantMakerFactory()).user
    for person in (reviewer, applicant, other):
        with pytest.raises(PermissionDenied):
            assess_report(by=person, report=sent, approve=True)
    assert Report.objects.get(pk=sent.pk).status == ReportStatus.SUBMITTED
