"""Accepting a grant creates the reports due; rejections whose appeal deadline has passed
without an appeal are closed by the portal."""

import datetime

import pytest
import time_machine
from django.core.exceptions import PermissionDenied, ValidationError

from grants.applications.models import ApplicationEvent
from grants.decisions import services
from grants.decisions.models import Outcome
from grants.reports.models import Report
from tests.grants.decisions.conftest import NEXT, ready_application
from tests.grants.factories import oslo

pytestmark = pytest.mark.django_db


def granted(officer, application, amounts):
    return services.decide_application(
        by=officer,
        application=application,
        outcome=Outcome.PARTLY_GRANTED if sum(amounts.values()) < 250_000 else Outcome.GRANTED,
        amounts_by_year=amounts,
        grounds="Godt tiltak.",
    )


def test_accepting_a_two_year_grant_creates_a_progress_and_a_final_report(
    officer, applicant, application
):
    granted(officer, application, {NEXT: 100_000, NEXT + 1: 150_000})
    services.accept_grant(by=applicant, application=application)

    application.refresh_from_db()
    assert application.status == "reporting"
    reports = list(
        Report.objects.filter(application=application).values_list("kind", "year", "due_on")
    )
    assert reports == [
        ("progress", NEXT, datetime.date(NEXT + 1, 3, 1)),  # the round's progress deadline
        ("final", NEXT + 1, datetime.date(NEXT + 2, 4, 1)),  # the round's final deadline
    ]
    assert all(r.grant_maker_id == application.grant_maker_id for r in application.reports.all())
    event = ApplicationEvent.objects.filter(application=application).last()
    assert (event.transition, event.actor) == ("accept_grant", applicant)


def test_a_final_deadline_before_the_last_year_has_ended_moves_to_1_april_after(
    officer, applicant, organisation
):
    application = ready_application(organisation)
    round_ = application.round
    round_.progress_report_due = None
    round_.final_report_due = datetime.date(NEXT + 1, 4, 1)  # set for one-year grants
    round_.save()
    granted(officer, application, {NEXT: 100_000, NEXT + 1: 150_000})
    services.accept_grant(by=applicant, application=application)
    assert list(application.reports.values_list("kind", "year", "due_on")) == [
        ("progress", NEXT, datetime.date(NEXT + 1, 4, 1)),
        ("final", NEXT + 1, datetime.date(NEXT + 2, 4, 1)),
    ]


def test_a_one_year_grant_has_only_a_final_report(officer, applicant, application):
    granted(officer, application, {NEXT + 1: 150_000})
    services.accept_grant(by=applicant, application=application)
    assert list(application.reports.values_list("kind", "year")) == [("final", NEXT + 1)]


def test_only_the_applicant_accepts_and_only_once(officer, applicant, application):
    granted(officer, application, {NEXT: 100_000, NEXT + 1: 150_000})
    with pytest.raises(PermissionDenied):
        services.accept_grant(by=officer, application=application)
    services.accept_grant(by=applicant, application=application)
    with pytest.raises(ValidationError, match="already"):
        services.accept_grant(by=applicant, application=application)
    assert application.reports.count() == 2


def test_a_rejection_cannot_be_accepted(officer, applicant, application):
    services.decide_application(
        by=officer, application=application, outcome=Outcome.REJECTED,
        amounts_by_year={}, grounds="Utanfor målgruppa.",
    )  # fmt: skip
    with pytest.raises(ValidationError, match="no grant"):
        services.accept_grant(by=applicant, application=application)


def test_rejections_close_after_the_appeal_deadline_unless_appealed(
    officer, applicant, organisation
):
    quiet, appealed, granted_one = (ready_application(organisation) for _ in range(3))
    for application in (quiet, appealed):
        decision = services.decide_application(
            by=officer, application=application, outcome=Outcome.REJECTED,
            amounts_by_year={}, grounds="Utanfor målgruppa.",
        )  # fmt: skip
    granted(officer, granted_one, {NEXT: 100_000, NEXT + 1: 150_000})
    services.lodge_appeal(by=applicant, application=appealed, reason="Vi er innanfor.")
    last = decision.appeal_deadline

    with time_machine.travel(oslo(last.year, last.month, last.day, 23, 0), tick=False):
        assert services.close_rejected_cases() == 0  # the last day to appeal is not over
    after = last + datetime.timedelta(days=1)
    with time_machine.travel(oslo(after.year, after.month, after.day, 2, 0), tick=False):
        from grants.decisions.tasks import close_rejected_cases

        assert close_rejected_cases() == 1
        assert close_rejected_cases() == 0  # nothing twice

    for application in (quiet, appealed, granted_one):
        application.refresh_from_db()
    assert (quiet.status, appealed.status, granted_one.status) == (
        "closed",
        "appealed",
        "granted",
    )
    event = ApplicationEvent.objects.filter(application=quiet).last()
    assert (event.transition, event.actor, event.actor_name) == ("close", None, "")
