"""Reminders before a cooperation agreement's review date and end date, sent by a daily job
(``tasks_partners.send_agreement_reminders``) to the municipality's coordinators, each in their
own language. Each reminder goes out once: it is recorded in AgreementReminder, keyed by the
date it was about, so a changed review date is reminded about again."""

from __future__ import annotations

import datetime
from collections import defaultdict
from dataclasses import dataclass

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from coordination.kernel.text import render_subject
from coordination.models import (
    AgreementReminder,
    CooperationAgreement,
    Membership,
    Municipality,
    Role,
)

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


def _send_digest(municipality: Municipality, rows: list[Due]) -> None:
    coordinators = Membership.objects.filter(
        municipality=municipality, role=Role.COORDINATOR, user__is_active=True
    ).select_related("user")
    for membership in coordinators:
        user = membership.user
        with translation.override(user.preferred_language):
            context = {"recipient": user, "municipality": municipality, "rows": rows}
            subject = render_subject(
                "coordination/partners/email/agreement_reminders_subject.txt", context
            )
            body = render_to_string("coordination/partners/email/agreement_reminders.txt", context)
        send_mail(subject, body, None, [user.email])


def send_agreement_reminders(*, today: datetime.date | None = None) -> int:
    """Send what is due today, one email per coordinator per municipality; record each reminder
    in the same transaction as its email, so a failed send is tried again the next day."""
    today = today or timezone.localdate()
    by_municipality: dict[Municipality, list[Due]] = defaultdict(list)
    for due in reminders_due(today):
        by_municipality[due.agreement.municipality].append(due)
    sent = 0
    for municipality, rows in by_municipality.items():
        with transaction.atomic():
            for due in rows:
                AgreementReminder.objects.create(
                    agreement=due.agreement,
                    occasion=due.occasion,
                    due_on=due.on,
                    days_before=due.days_before,
                )
            _send_digest(municipality, rows)
        sent += len(rows)
    return sent
