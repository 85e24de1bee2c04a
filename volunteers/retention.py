"""What the volunteers app's retention rules pick and how they anonymise (the rules themselves
are declared in ``volunteers/contributions.py``)."""

from __future__ import annotations

from datetime import datetime, timedelta

from django.db.models import Count, QuerySet
from django.utils import timezone

from volunteers.leaving.services import ANONYMISE_AFTER_LEAVING_DAYS, anonymise_volunteer
from volunteers.models import FollowUp, Need, NeedStatus, NeedStep, Volunteer

CLOSED_NEED_DAYS = 365


def volunteers_who_left(now: datetime) -> QuerySet:
    return Volunteer.objects.filter(
        left_at__lt=now - timedelta(days=ANONYMISE_AFTER_LEAVING_DAYS), anonymised_at__isnull=True
    )


def anonymise_volunteers(volunteers: QuerySet) -> int:
    count = 0
    for volunteer in volunteers.iterator():
        anonymise_volunteer(volunteer=volunteer)
        count += 1
    return count


def closed_needs(now: datetime) -> QuerySet:
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


def kinds(needs: QuerySet) -> dict:
    return dict(needs.order_by().values_list("kind").annotate(n=Count("pk")))
