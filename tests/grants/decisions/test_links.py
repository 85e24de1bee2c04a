"""The grants pages link to each other now that every page exists: the officer's case page to
deciding, the decisions' letters and appeals, the reports and the dossier (and those pages
back to the case); the applicant's page to the decision's letter, appealing, accepting and the
reports; the grant-maker's home to each round's pages for officers, to the reviews for
reviewers."""

import pytest
from django.urls import reverse

from grants.decisions.models import Appeal
from tests.grants.factories import DecisionFactory, ReportFactory

pytestmark = pytest.mark.django_db


def _html(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def _href(name: str, *args) -> str:
    return f'href="{reverse(name, args=args)}"'


def test_the_case_page_links_to_deciding_when_ready(client_of, officer, application):
    maker = application.grant_maker_id
    html = _html(client_of(officer, "en"), reverse("grants:case", args=[maker, application.pk]))
    assert _href("grants:case_decide", maker, application.pk) in html
    assert _href("grants:case_dossier", maker, application.pk) in html
    decide = _html(
        client_of(officer, "en"), reverse("grants:case_decide", args=[maker, application.pk])
    )
    assert _href("grants:case", maker, application.pk) in decide


def test_the_case_page_links_the_decision_letter_appeal_and_reports(
    client_of, officer, applicant, application
):
    application.status = "reporting"
    application.save(update_fields=["status"])
    decision = DecisionFactory(application=application, made_by=officer)
    appeal = Appeal.objects.create(
        grant_maker=application.grant_maker,
        application=application,
        decision=decision,
        reason="Vi ba om mer.",
        lodged_by=applicant,
    )
    report = ReportFactory(application=application)
    maker = application.grant_maker_id
    html = _html(client_of(officer, "en"), reverse("grants:case", args=[maker, application.pk]))
    assert _href("grants:case_decide", maker, application.pk) not in html
    assert _href("grants:decision_letter", decision.pk) in html
    assert _href("grants:appeal_handle", maker, appeal.pk) in html
    assert _href("grants:report_review", maker, report.pk) in html
    for name, pk in (("grants:appeal_handle", appeal.pk), ("grants:report_review", report.pk)):
        page = _html(client_of(officer, "en"), reverse(name, args=[maker, pk]))
        assert _href("grants:case", maker, application.pk) in page


def test_the_applicant_sees_the_decision_its_letter_appeal_and_accept(
    client_of, officer, applicant, application
):
    application.status = "granted"
    application.save(update_fields=["status"])
    decision = DecisionFactory(application=application, made_by=officer)
    url = reverse("grants:application_detail", args=[application.pk])
    html = _html(client_of(applicant, "en"), url)
    assert _href("grants:decision_letter", decision.pk) in html
    assert _href("grants:application_accept", application.pk) in html
    assert _href("grants:application_appeal", application.pk) in html


def test_the_applicant_finds_the_reports_and_no_appeal_after_the_deadline(
    client_of, officer, applicant, application
):
    application.status = "reporting"
    application.save(update_fields=["status"])
    DecisionFactory(application=application, made_by=officer)
    report = ReportFactory(application=application)
    html = _html(
        client_of(applicant, "en"), reverse("grants:application_detail", args=[application.pk])
    )
    assert _href("grants:report_edit", report.pk) in html
    assert _href("grants:application_accept", application.pk) not in html
    assert _href("grants:application_appeal", application.pk) not in html


def test_the_grant_maker_home_links_what_each_role_may_open(
    client_of, officer, reviewer, application
):
    maker, round_ = application.grant_maker_id, application.round_id
    home = reverse("grants:grant_maker_home", args=[maker])
    html = _html(client_of(officer, "en"), home)
    for name in ("round_applications", "round_ranking", "round_fairness", "round_export"):
        assert _href(f"grants:{name}", maker, round_) in html
    assert _href("grants:report_list", maker) in html
    assert _href("grants:grant_maker_roles", maker) in html
    assert _href("grants:review_list", maker) not in html
    html = _html(client_of(reviewer, "en"), home)
    assert _href("grants:review_list", maker) in html
    assert _href("grants:round_applications", maker, round_) not in html
    assert _href("grants:report_list", maker) not in html


def test_the_home_page_leads_everyone_to_the_open_rounds(client, client_of, applicant):
    assert _href("grants:round_list") in _html(client, reverse("home"))
