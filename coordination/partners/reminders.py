"""Reminders before a cooperation agreement's review date and end date, sent by a daily job
(``partners.tasks.send_agreement_reminders``) to the municipality's coordinators, each in their
own language. Each reminder goes out once (``kernel.reminders.remind_once``): it is recorded in
AgreementReminder, keyed by the date it was about, so a changed review date is reminded about
again."""

from __future__ import annotations

import datetime
from collections import defaultdict
from dataclasses import dataclass
from functools import partial

from django.conf import settings
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from coordination.kernel.mail import email_coordinators
from coordination.kernel.models import Municipality
from coordination.kernel.reminders import remind_once
from coordination.partners.models import AgreementReminder, CooperationAgreement

# Days before the date that a reminder goes out; the nearest that has been reached is sent.
NOTICE_DAYS = (30, 7)


@dataclass(frozen=True)
class Due:
    agreement: CooperationAgreement
    occasion: str  # AgreementReminder.Occasion
    on: datetime.date
    days_before: int
    days_left: int

    @property
    def url(self) -> str:
        return settings.SITE_URL + reverse(
            "coordination:agreement_detail",
            args=[self.agreement.municipality_id, self.agreement.pk],
        )


def _notice(days_left: int) -> int | None:
    """Which reminder is due with ``days_left`` to go: the smallest notice period reached."""
    reached = [days for days in NOTICE_DAYS if 0 <= days_left <= days]
    return min(reached) if reached else None


def reminders_due(today: datetime.date) -> list[Due]:
    """Active agreements whose review or end date is within the longest notice period, and the
    reminder each needs that has not gone out yet."""
    horizon = today + datetime.timedelta(days=max(NOTICE_DAYS))
    agreements = (
        CooperationAgreement.objects.active(today)
        .filter(Q(review_on__range=(today, horizon)) | Q(ends_on__range=(today, horizon)))
        .select_related("municipality")
        .prefetch_related("reminders")
        .order_by("municipality_id", "pk")
    )
    found = []
    for agreement in agreements:
        sent = {(r.occasion, r.due_on, r.days_before) for r in agreement.reminders.all()}
        for occasion, on in (
            (AgreementReminder.Occasion.REVIEW, agreement.review_on),
            (AgreementReminder.Occasion.END, agreement.ends_on),
        ):
            if on is None:
                continue
            days = _notice((on - today).days)
            if days is not None and (occasion, on, days) not in sent:
                found.append(Due(agreement, occasion, on, days, (on - today).days))
    return found


def _record(rows: list[Due]) -> bool:
    """Note each reminder of one municipality's digest (the constraint refuses a second)."""
    AgreementReminder.objects.bulk_create(
        AgreementReminder(
            agreement=due.agreement,
            occasion=due.occasion,
            due_on=due.on,
            days_before=due.days_before,
        )
        for due in rows
    )
    return True


def send_agreement_reminders(*, today: datetime.date | None = None) -> int:
    """Send what is due today, one email per coordinator per municipality; record each reminder
    in the same transaction as its email, so a failed send is tried again the next day."""
    today = today or timezone.localdate()
    by_municipality: dict[Municipality, list[Due]] = defaultdict(list)
    for due in reminders_due(today):
        by_municipality[due.agreement.municipality].append(due)
    sent = 0
    for municipality, rows in by_municipality.items():
        if remind_once(
            record=partial(_record, rows),
            send=partial(
                email_coordinators,
                municipality=municipality,
                template="coordination/partners/email/agreement_reminders",
                context={"municipality": municipality, "rows": rows},
            ),
        ):
            sent += len(rows)
    return sent
