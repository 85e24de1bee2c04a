from datetime import UTC, datetime, timedelta

import pytest
import time_machine
from allauth.account.models import EmailAddress

from coordination.kernel import audit, retention
from coordination.kernel.models import AuditEvent, RetentionRun, User
from coordination.kernel.tasks import apply_retention_rules
from tests.factories import MembershipFactory, UserFactory

pytestmark = pytest.mark.django_db

SIGNED_UP = datetime(2026, 1, 5, 12, 0, tzinfo=UTC)


def _unconfirmed(email):
    user = UserFactory(email=email, verified=False)
    EmailAddress.objects.create(user=user, email=email, verified=False, primary=True)
    return user


def test_unconfirmed_sign_ups_are_deleted_after_30_days_and_nothing_else():
    with time_machine.travel(SIGNED_UP, tick=False):
        _unconfirmed("glemte@samspill.example")
        UserFactory(email="bekreftet@samspill.example")  # confirmed: kept
        admin = UserFactory(email="admin@samspill.example", verified=False, is_staff=True)
        with_role = _unconfirmed("rolle@samspill.example")
        MembershipFactory(user=with_role)

    with time_machine.travel(SIGNED_UP + timedelta(days=29), tick=False):
        assert apply_retention_rules.delay().get() == {
            "unverified-sign-ups": 0,
            "audit-events": 0,
            "generated-files": 0,
            "pending-tasks": 0,  # resilience (issue 10): the outbox
            "printed-documents": 0,  # issue 14
            "print-jobs": 0,
            "volunteers-who-left": 0,
            "closed-needs": 0,
            "activity-signups": 0,  # issue 15
        }
    assert User.objects.filter(email="glemte@samspill.example").exists()

    with time_machine.travel(SIGNED_UP + timedelta(days=31), tick=False):
        assert apply_retention_rules.delay().get()["unverified-sign-ups"] == 1
    remaining = set(User.objects.values_list("email", flat=True))
    assert remaining == {"bekreftet@samspill.example", admin.email, with_role.email}
    assert not EmailAddress.objects.filter(email="glemte@samspill.example").exists()


def test_audit_events_are_kept_five_years_and_counted_when_removed(coordinator_lom, lom):
    with time_machine.travel(SIGNED_UP, tick=False):
        audit.record(coordinator_lom, "viewed", lom)
        audit.record(coordinator_lom, "viewed", lom)
        audit.record(coordinator_lom, "changed", lom)
    with time_machine.travel(SIGNED_UP + timedelta(days=365 * 5 - 1), tick=False):
        retention.apply_rules()
    assert AuditEvent.objects.count() == 3
    with time_machine.travel(SIGNED_UP + timedelta(days=365 * 5 + 1), tick=False):
        retention.apply_rules()
    assert AuditEvent.objects.count() == 0
    run = RetentionRun.objects.filter(rule="audit-events").latest("ran_at")
    assert (run.affected, run.statistics) == (3, {"viewed": 2, "changed": 1})


def test_retention_runs_nightly_from_celery_beat(settings):
    entry = settings.CELERY_BEAT_SCHEDULE["apply-retention-rules"]
    assert entry["task"] == "coordination.kernel.tasks.apply_retention_rules"
    assert (entry["schedule"].hour, entry["schedule"].minute) == ({3}, {15})


def test_a_rule_registered_twice_differently_is_refused():
    rule = retention.RULES["audit-events"]
    retention.register(rule)  # the same rule again is fine (module reloads)
    with pytest.raises(ValueError):
        retention.register(
            retention.RetentionRule(name="audit-events", what="x", kept_for="y", due=rule.due)
        )


def test_exports_go_after_a_week_but_a_case_document_stays_with_its_case(coordinator_lom):
    """A grant decision letter is part of the case record (marked ``kept``); an export is not."""
    from coordination.kernel.models import GeneratedFile

    with time_machine.travel(SIGNED_UP, tick=False):
        for title, parameters in (("Eksport", {}), ("Vedtaksbrev", {"decision": 1, "kept": True})):
            GeneratedFile.objects.create(
                municipality_id="3434", requested_by=coordinator_lom, title=title,
                action="export_volunteers", parameters=parameters,
            )  # fmt: skip
    with time_machine.travel(SIGNED_UP + timedelta(days=8), tick=False):
        assert apply_retention_rules.delay().get()["generated-files"] == 1
    assert list(GeneratedFile.objects.values_list("title", flat=True)) == ["Vedtaksbrev"]
