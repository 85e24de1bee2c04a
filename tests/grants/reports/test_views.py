"""The report pages: the applicant's form (saved, sent, then read-only), the officer's list
and assessment; others get 404."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from grants.reports.models import ReportStatus
from grants.reports.services import save_report, submit_report
from tests.grants.factories import ReportFactory
from tests.grants.reports.conftest import complete

pytestmark = pytest.mark.django_db


def _post(report_values: dict, button: str) -> dict:
    return {k: "" if v is None else v for k, v in report_values.items()} | {button: "1"}


def test_the_applicant_saves_then_sends_the_report(grant, applicant, client_of):
    report = ReportFactory(application=grant)
    client = client_of(applicant, language="en")
    page = client.get(f"/grants/reports/{report.pk}/")
    assert page.status_code == 200
    assert "Granted for" in page.content.decode() and "200,000 kroner" in page.content.decode()
    saved = client.post(f"/grants/reports/{report.pk}/", _post(complete(money_used=None), "save"))
    assert saved.status_code == 302
    report.refresh_from_db()
    assert (report.status, report.money_used, report.sessions_held) == ("due", None, 30)
    refused = client.post(f"/grants/reports/{report.pk}/", _post(complete(money_used=None), "send"))
    assert refused.status_code == 200
    assert "Fill in «money used (NOK)»." in refused.content.decode()
    sent = client.post(f"/grants/reports/{report.pk}/", _post(complete(), "send"))
    assert sent.status_code == 302
    report.refresh_from_db()
    assert report.status == ReportStatus.SUBMITTED
    locked = client.get(f"/grants/reports/{report.pk}/").content.decode()
    assert "The report has been sent and is locked." in locked
    assert 'name="send"' not in locked


def test_others_do_not_find_the_report(grant, coordinator_lom, officer, client_of):
    report = ReportFactory(application=grant)
    for person in (coordinator_lom, officer):
        assert client_of(person).get(f"/grants/reports/{report.pk}/").status_code == 404


def test_the_officer_lists_reports_to_assess_and_overdue(grant, applicant, officer, client_of):
    sent = ReportFactory(application=grant)
    save_report(by=applicant, report=sent, **complete())
    submit_report(by=applicant, report=sent)
    ReportFactory(
        application=grant,
        kind="progress",
        year=timezone.localdate().year - 1,
        due_on=timezone.localdate() - datetime.timedelta(days=3),
    )
    page = client_of(officer, language="en").get(f"/grants/makers/{grant.grant_maker_id}/reports/")
    text = page.content.decode()
    assert page.status_code == 200
    assert "Reports waiting for your assessment" in text
    assert "Reports past their due date" in text
    assert f"/grants/makers/{grant.grant_maker_id}/reports/{sent.pk}/" in text


def test_the_officer_asks_for_more_then_approves(grant, applicant, officer, client_of):
    report = ReportFactory(application=grant)
    save_report(by=applicant, report=report, **complete())
    submit_report(by=applicant, report=report)
    client = client_of(officer, language="en")
    url = f"/grants/makers/{grant.grant_maker_id}/reports/{report.pk}/"
    assert "Approving the final report closes the case." in client.get(url).content.decode()
    refused = client.post(url, {"outcome": "more", "comment": ""})
    assert "Say what the applicant must add or explain." in refused.content.decode()
    assert client.post(url, {"outcome": "more", "comment": "Kor mange var med?"}).status_code == 302
    report.refresh_from_db()
    assert report.status == ReportStatus.MORE_REQUESTED
    submit_report(by=applicant, report=report)
    assert client.post(url, {"outcome": "approve", "comment": ""}).status_code == 302
    grant.refresh_from_db()
    assert grant.status == "closed"


def test_a_reviewer_does_not_see_reports(grant, reviewer, client_of):
    report = ReportFactory(application=grant)
    client = client_of(reviewer)
    assert client.get(f"/grants/makers/{grant.grant_maker_id}/reports/").status_code == 404
    url = f"/grants/makers/{grant.grant_maker_id}/reports/{report.pk}/"
    assert client.get(url).status_code == 404


def test_my_page_lists_the_reports_to_write_and_to_assess(
    grant, applicant, officer, coordinator_lom, client_of
):
    due = ReportFactory(application=grant)
    page = client_of(applicant, language="en").get(reverse("coordination:my_page"))
    assert f'href="/grants/reports/{due.pk}/"' in page.content.decode()
    assert "Reports you have to write:" in page.content.decode()
    assert (
        "Grant reports"
        not in client_of(coordinator_lom).get(reverse("coordination:my_page")).content.decode()
    )
    save_report(by=applicant, report=due, **complete())
    submit_report(by=applicant, report=due)
    # The officer works only for Helsedirektoratet: My page is its home, which counts them.
    page = client_of(officer, language="en").get(reverse("coordination:my_page"), follow=True)
    assert page.redirect_chain[-1][0].endswith(f"/grants/makers/{grant.grant_maker_id}/")
    assert "1 report to assess for Helsedirektoratet" in page.content.decode()
