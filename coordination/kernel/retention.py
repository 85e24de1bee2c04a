"""Data retention: a registry of rules saying how long each kind of record is kept.

The kernel's own rules are registered below; other parts declare theirs with
``contribute.retention(RetentionRule(...))`` in their contributions.py. The Celery beat job
``coordination.kernel.tasks.apply_retention_rules`` applies them every night. A rule
picks the records that are due, keeps the statistics it names (in ``RetentionRun``), then
deletes or anonymises. The privacy page lists the rules, so what we say and what the code
does cannot drift apart.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db import transaction
from django.db.models import Count, QuerySet
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from coordination.kernel.files import delete_with_files
from coordination.kernel.models import AuditEvent, GeneratedFile, PendingTask, RetentionRun, User


@dataclass(frozen=True)
class RetentionRule:
    name: str  # stable key, stored in RetentionRun
    what: str | Promise  # for people: which records (shown on the privacy page)
    kept_for: str | Promise  # for people: how long
    due: Callable[[datetime], QuerySet]  # the records due for removal at this moment
    remove: Callable[[QuerySet], int] = lambda records: records.delete()[0]  # how many removed
    statistics: Callable[[QuerySet], dict] = lambda records: {}


RULES: dict[str, RetentionRule] = {}


def register(rule: RetentionRule) -> None:
    """The storage behind ``contribute.retention``: the same rule again is fine, another
    under a taken name raises."""
    if rule.name in RULES and RULES[rule.name] != rule:
        raise ValueError(f"Retention rule {rule.name!r} is already registered.")
    RULES[rule.name] = rule


def apply_rules(now: datetime | None = None) -> list[RetentionRun]:
    """Apply every rule once; each in its own transaction, so one failing rule stops none of
    the others from running next time."""
    now = now or timezone.now()
    runs = []
    for rule in RULES.values():
        with transaction.atomic():
            records = rule.due(now)
            statistics = rule.statistics(records)
            affected = rule.remove(records)
            runs.append(
                RetentionRun.objects.create(
                    rule=rule.name, ran_at=now, affected=affected, statistics=statistics
                )
            )
    return runs


UNVERIFIED_SIGN_UP_DAYS = 30
AUDIT_EVENT_YEARS = 5

# Apps name accounts that are not plain sign-ups even without a confirmed address (e.g.
# volunteers a coordinator imported, who have not logged in yet): each narrows the queryset.
KEEP_UNVERIFIED_USERS: list[Callable[[QuerySet], QuerySet]] = []


def _unverified_sign_ups(now: datetime) -> QuerySet:
    users = User.objects.filter(
        date_joined__lt=now - timedelta(days=UNVERIFIED_SIGN_UP_DAYS),
        is_staff=False,
        is_superuser=False,
        memberships__isnull=True,
    ).exclude(emailaddress__verified=True)
    for keep in KEEP_UNVERIFIED_USERS:
        users = keep(users)
    return users


def _old_audit_events(now: datetime) -> QuerySet:
    return AuditEvent.objects.filter(at__lt=now - timedelta(days=365 * AUDIT_EVENT_YEARS))


def _count_by_verb(events: QuerySet) -> dict:
    return dict(events.order_by().values_list("verb").annotate(n=Count("pk")))


register(
    RetentionRule(
        name="unverified-sign-ups",
        what=_("Accounts whose email address was never confirmed"),
        kept_for=format_lazy(_("deleted after {days} days"), days=UNVERIFIED_SIGN_UP_DAYS),
        due=_unverified_sign_ups,
        remove=lambda users: users.delete()[1].get("coordination.User", 0),
    )
)
register(
    RetentionRule(
        name="audit-events",
        what=_("The audit log of who viewed or changed sensitive information"),
        kept_for=format_lazy(_("deleted after {years} years"), years=AUDIT_EVENT_YEARS),
        due=_old_audit_events,
        statistics=_count_by_verb,
    )
)


GENERATED_FILE_DAYS = 7

register(
    RetentionRule(
        name="generated-files",
        what=_("Files you asked the portal to make (exports)"),
        kept_for=format_lazy(_("deleted after {days} days"), days=GENERATED_FILE_DAYS),
        # A file that is part of a case record (a grant decision letter, marked ``kept``) stays
        # with its case.
        due=lambda now: GeneratedFile.objects.filter(
            created_at__lt=now - timedelta(days=GENERATED_FILE_DAYS)
        ).exclude(parameters__contains={"kept": True}),
        remove=delete_with_files,
    )
)


# The outbox (coordination/outbox.py): a background task's record is kept a while after it ran,
# to see what happened during an outage; it holds ids only, never personal data.
PENDING_TASK_DAYS = 30

register(
    RetentionRule(
        name="pending-tasks",
        what=_(
            "Records of background tasks the portal ran (emails, exports); they hold no "
            "personal information"
        ),  # fmt: skip
        kept_for=format_lazy(_("deleted after {days} days"), days=PENDING_TASK_DAYS),
        due=lambda now: PendingTask.objects.filter(
            done_at__lt=now - timedelta(days=PENDING_TASK_DAYS)
        ),
    )
)
