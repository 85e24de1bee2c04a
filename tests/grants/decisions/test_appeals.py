"""Appeals: the applicant appeals within the deadline (the last day counts, Europe/Oslo) and
not after; the officer upholds, changes or forwards, and records the appeal body's result —
each step recorded on the appeal and as a case event."""

import datetime

import pytest
import time_machine
from django.core.exceptions import PermissionDenied, ValidationError

from grants.applications.models import ApplicationEvent
from grants.decisions import services
from grants.decisions.models import Appeal, Decision, Outcome
from tests.grants.decisions.conftest import NEXT
from tests.grants.factories import oslo

pytestmark = pytest.mark.django_db


@pytest.fixture
def decision(officer, application):
    return services.decide_application(
        by=officer,
        application=application,
        outcome=Outcome.PARTLY_GRANTED,
        amounts_by_year={NEXT: 50_000, NEXT + 1: 50_000},
        grounds="Budsjettet i runden er stramt.",
    )


def appeal_of(applicant, application, reason="Vi treng skyss begge åra."):
    return services.lodge_appeal(by=applicant, application=application, reason=reason)


def events(application) -> list[tuple[str, str]]:
    return list(
        ApplicationEvent.objects.filter(application=application)
        .order_by("at", "pk")
        .values_list("transition", "to_status")
    )


def test_appeal_within_the_deadline_tells_the_officers(
    applicant, officer, application, decision, django_capture_on_commit_callbacks, mailoutbox
):
    with django_capture_on_commit_callbacks(execute=True):
        appeal = appeal_of(applicant, application)
    application.refresh_from_db()
    assert application.status == "appealed"
    assert (appeal.decision, appeal.lodged_by, appeal.handling) == (
        decision,
        applicant,
        Appeal.Handling.PENDING,
    )
    event = ApplicationEvent.objects.get(application=application, transition="appeal")
    assert (event.actor, event.note) == (applicant, "Vi treng skyss begge åra.")
    assert [message.to for message in mailoutbox] == [[officer.email]]
    assert f"/appeals/{appeal.pk}/" in mailoutbox[0].body


def test_the_last_day_is_accepted_and_the_day_after_refused(applicant, application, decision):
    last = decision.appeal_deadline
    after = last + datetime.timedelta(days=1)
    with time_machine.travel(oslo(after.year, after.month, after.day, 0, 0, 1), tick=False):
        verdict = services.can_appeal(applicant, application)
        assert not verdict
        assert "can no longer be appealed" in verdict.reason
        with pytest.raises(ValidationError, match="deadline for appealing"):
            appeal_of(applicant, application)
    # One second before midnight in Oslo on the last day (22:59 or 21:59 UTC): still in time.
    with time_machine.travel(oslo(last.year, last.month, last.day, 23, 59, 59), tick=False):
        assert appeal_of(applicant, application).decision == decision


def test_only_the_applicant_appeals_and_with_a_reason(officer, applicant, application, decision):
    with pytest.raises(PermissionDenied):
        appeal_of(officer, application)
    with pytest.raises(ValidationError) as refused:
        appeal_of(applicant, application, reason="  ")
    assert "reason" in refused.value.message_dict


def test_one_open_appeal_at_a_time(applicant, application, decision):
    appeal_of(applicant, application)
    with pytest.raises(ValidationError, match="handling your appeal"):
        appeal_of(applicant, application)


def test_uphold_returns_to_the_decision_in_force(
    officer, applicant, application, decision, django_capture_on_commit_callbacks, mailoutbox
):
    appeal = appeal_of(applicant, application)
    with django_capture_on_commit_callbacks(execute=True):
        services.handle_appeal(
            by=officer, appeal=appeal, handling="upheld", notes="Ingen nye opplysningar."
        )
    appeal.refresh_from_db()
    application.refresh_from_db()
    assert (appeal.handling, appeal.handled_by, appeal.notes) == (
        "upheld",
        officer,
        "Ingen nye opplysningar.",
    )
    assert application.status == "partly_granted"
    assert events(application)[-2:] == [
        ("appeal", "appealed"),
        ("appeal_partly_granted", "partly_granted"),
    ]
    assert services.current_decision(application) == decision
    assert [message.to for message in mailoutbox] == [[applicant.email]]
    # The decision in force is the old one: its deadline still counts, and it is handled.
    with pytest.raises(ValidationError, match="handled already"):
        services.handle_appeal(by=officer, appeal=appeal, handling="upheld", notes="Igjen.")


def test_change_makes_a_new_decision_that_replaces_the_old(
    officer, applicant, application, decision
):
    appeal = appeal_of(applicant, application)
    services.handle_appeal(
        by=officer,
        appeal=appeal,
        handling="changed",
        notes="Skyss er avgjerande for målgruppa.",
        outcome=Outcome.GRANTED,
        amounts_by_year={NEXT: 100_000, NEXT + 1: 150_000},
        grounds="Full tildeling etter klagen.",
    )
    application.refresh_from_db()
    new = services.current_decision(application)
    assert new != decision and new.replaces == decision
    assert (new.outcome, new.amount, new.grounds) == (
        "granted",
        250_000,
        "Full tildeling etter klagen.",
    )
    assert [i.amount for i in new.instalments.all()] == [100_000, 150_000]
    assert new.letter is not None  # a new letter is being made
    assert application.status == "granted"
    assert events(application)[-1] == ("appeal_granted", "granted")
    assert Appeal.objects.get(pk=appeal.pk).handling == "changed"
    # A changed decision is a new decision, open to appeal in its own three weeks.
    assert services.can_appeal(applicant, application)


def test_change_needs_grounds_and_valid_amounts(officer, applicant, application, decision):
    appeal = appeal_of(applicant, application)
    with pytest.raises(ValidationError):
        services.handle_appeal(
            by=officer,
            appeal=appeal,
            handling="changed",
            notes="Endra.",
            outcome=Outcome.GRANTED,
            amounts_by_year={NEXT: 100_000, NEXT + 1: 150_000},
        )
    with pytest.raises(ValidationError, match="no money"):
        services.handle_appeal(
            by=officer,
            appeal=appeal,
            handling="changed",
            notes="Endra.",
            outcome=Outcome.REJECTED,
            amounts_by_year={NEXT: 1},
            grounds="Avslag.",
        )
    application.refresh_from_db()
    assert application.status == "appealed"
    assert Decision.objects.filter(application=application).count() == 1


def test_forward_then_record_the_appeal_body_s_result(officer, applicant, application, decision):
    appeal = appeal_of(applicant, application)
    services.handle_appeal(
        by=officer,
        appeal=appeal,
        handling="forwarded",
        notes="Vi held fast på vedtaket.",
        forwarded_to="Statsforvaltaren i Innlandet",
    )
    appeal.refresh_from_db()
    application.refresh_from_db()
    assert (appeal.handling, appeal.forwarded_to) == ("forwarded", "Statsforvaltaren i Innlandet")
    assert application.status == "appealed"  # the appeal body decides
    with pytest.raises(ValidationError, match="appeal body"):
        services.handle_appeal(
            by=officer, appeal=appeal, handling="forwarded", notes="x", forwarded_to="y"
        )
    services.handle_appeal(
        by=officer,
        appeal=appeal,
        handling="changed",
        notes="Statsforvaltaren gav medhald.",
        outcome=Outcome.GRANTED,
        amounts_by_year={NEXT: 100_000, NEXT + 1: 150_000},
        grounds="Klageinstansen gir full tildeling.",
    )
    appeal.refresh_from_db()
    application.refresh_from_db()
    assert appeal.handling == "changed"
    assert "Vi held fast på vedtaket." in appeal.notes
    assert "Statsforvaltaren gav medhald." in appeal.notes
    assert application.status == "granted"
    assert events(application)[-2:] == [("appeal", "appealed"), ("appeal_granted", "granted")]
    final = services.current_decision(application)
    assert services.is_final(final)
    verdict = services.can_appeal(applicant, application)
    assert not verdict and "final" in verdict.reason


def test_forwarding_needs_the_appeal_body(officer, applicant, application, decision):
    appeal = appeal_of(applicant, application)
    with pytest.raises(ValidationError) as refused:
        services.handle_appeal(by=officer, appeal=appeal, handling="forwarded", notes="Vidare.")
    assert "forwarded_to" in refused.value.message_dict


def test_reviewer_cannot_handle_an_appeal(reviewer, applicant, application, decision):
    appeal = appeal_of(applicant, application)
    with pytest.raises(PermissionDenied):
        services.handle_appeal(by=reviewer, appeal=appeal, handling="upheld", notes="x")
