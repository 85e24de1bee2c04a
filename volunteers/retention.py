"""How long the volunteers app keeps personal data (registered with
coordination.kernel.retention)."""

from __future__ import annotations

from datetime import datetime, timedelta

from django.db.models import Count, QuerySet
from django.utils import timezone
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from coordination.kernel import retention
from volunteers.leaving.services import ANONYMISE_AFTER_LEAVING_DAYS, anonymise_volunteer
from volunteers.models import FollowUp, Need, NeedStatus, NeedStep, Volunteer

CLOSED_NEED_DAYS = 365


def _volunteers_who_left(now: datetime) -> QuerySet:
    return Volunteer.objects.filter(
        left_at__lt=now - timedelta(days=ANONYMISE_AFTER_LEAVING_DAYS), anonymised_at__isnull=True
    )


def _anonymise_volunteers(volunteers: QuerySet) -> int:
    count = 0
    for volunteer in volunteers.iterator():
        anonymise_volunteer(volunteer=volunteer)
        count += 1
    return count


def _closed_needs(now: datetime) -> QuerySet:
    return Need.objects.filter(
        status=NeedStatus.CLOSED,
        closed_at__lt=now - timedelta(days=CLOSED_NEED_DAYS),
        anonymised_at__isnull=True,
    )


def anonymise_needs(needs: QuerySet) -> int:
    """Clear the person's details and the notes about them; keep kind, area, dates, steps."""
    ids = list(needs.values_list("pk", flat=True))
    NeedStep.objects.filter(need_id__in=ids).update(notes="")
    FollowUp.objects.filter(need_id__in=ids).update(notes="")
    return Need.objects.filter(pk__in=ids).update(
        **dict.fromkeys(Need.PERSONAL_FIELDS, ""),
        # notes that may name the person or those who speak for them
        consent_note="",
        service_clarified_note="",
        extra_check_note="",
        description="",
        anonymised_at=timezone.now(),
    )


def _kinds(needs: QuerySet) -> dict:
    return dict(needs.order_by().values_list("kind").annotate(n=Count("pk")))


def register() -> None:
    if "volunteers-who-left" in retention.RULES:
        return
    retention.KEEP_UNVERIFIED_USERS.append(lambda users: users.filter(volunteer__isnull=True))
    retention.register(
        retention.RetentionRule(
            name="volunteers-who-left",
            what=_("The details of volunteers who have stopped"),
            kept_for=format_lazy(
                _("anonymised {days} days after they stopped; hours and counts are kept"),
                days=ANONYMISE_AFTER_LEAVING_DAYS,
            ),
            due=_volunteers_who_left,
            remove=_anonymise_volunteers,
        )
    )
    retention.register(
        retention.RetentionRule(
            name="closed-needs",
            what=_("The details of people who asked for help, and the notes about them"),
            kept_for=format_lazy(
                _("anonymised {days} days after the need was closed; the kind of help is kept"),
                days=CLOSED_NEED_DAYS,
            ),
            due=_closed_needs,
            remove=anonymise_needs,
            statistics=_kinds,
        )
    )
