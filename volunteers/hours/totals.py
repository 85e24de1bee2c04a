"""Totals of hours: approved hours, kilometres and kilometre allowance (each entry's kilometres
times the rate stored on it when it was approved), with hours waiting for approval beside them.
Computed by the database (one aggregate query each), never by looping over entries. The
allowance is summed exactly (kilometres × rate) and rounded to øre only when shown."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from django.db.models import DecimalField, F, Q, QuerySet, Sum, Value
from django.db.models.functions import Coalesce, TruncMonth
from django.utils import timezone

from volunteers.hours.models import HoursEntry, HoursStatus

ZERO = Decimal("0")
_HOURS = DecimalField(max_digits=12, decimal_places=2)
_KM = DecimalField(max_digits=12, decimal_places=1)
_MONEY = DecimalField(max_digits=14, decimal_places=2)
_APPROVED = Q(status=HoursStatus.APPROVED)
_PENDING = Q(status=HoursStatus.PENDING)


def _sums(within: Q | None = None) -> dict:
    """The sums, of the entries ``within`` a condition too when one is given."""
    approved = _APPROVED & within if within is not None else _APPROVED
    pending = _PENDING & within if within is not None else _PENDING
    return {
        "approved_hours": Coalesce(Sum("hours", filter=approved), Value(ZERO), output_field=_HOURS),
        "approved_km": Coalesce(Sum("km", filter=approved), Value(ZERO), output_field=_KM),
        "reimbursement": Coalesce(
            Sum(F("km") * F("km_rate"), filter=approved, output_field=_MONEY),
            Value(ZERO),
            output_field=_MONEY,
        ),
        "pending_hours": Coalesce(Sum("hours", filter=pending), Value(ZERO), output_field=_HOURS),
    }


def totals(entries: QuerySet[HoursEntry]) -> dict:
    """``approved_hours``, ``approved_km``, ``reimbursement`` (of approved entries) and
    ``pending_hours`` of the entries."""
    return entries.order_by().aggregate(**_sums())


def totals_in_year_and_all(entries: QuerySet[HoursEntry], year: int) -> tuple[dict, dict]:
    """``totals`` of the entries worked in ``year`` and of all of them, in one query."""
    in_year = {f"year_{name}": sum_ for name, sum_ in _sums(Q(worked_on__year=year)).items()}
    row = entries.order_by().aggregate(**_sums(), **in_year)
    return {name: row[f"year_{name}"] for name in _sums()}, {name: row[name] for name in _sums()}


def per_month(entries: QuerySet[HoursEntry], year: int, *, every_month: bool = False) -> list:
    """One row per month of ``year`` with entries (``month`` is its first day), in order. With
    ``every_month``, months without entries are included (up to this month in the current
    year), so a table shows the whole year."""
    found = {
        row["month"]: row
        for row in entries.filter(worked_on__year=year)
        .annotate(month=TruncMonth("worked_on"))
        .order_by()
        .values("month")
        .annotate(**_sums())
        .order_by("month")
    }
    if not every_month:
        return list(found.values())
    today = timezone.localdate()
    last = today.month if year == today.year else 12
    empty = dict.fromkeys(_sums(), ZERO)
    months = [date(year, number, 1) for number in range(1, last + 1)]
    return [found.get(month, {"month": month, **empty}) for month in months]


def per_volunteer(entries: QuerySet[HoursEntry], year: int) -> QuerySet:
    """One row per volunteer with entries in ``year``, by name: ``volunteer`` (id),
    ``name``, ``email`` and the sums. Paginate it; it is one query per page."""
    return (
        entries.filter(worked_on__year=year)
        .order_by()
        .values("volunteer")
        .annotate(
            name=Coalesce(F("volunteer__user__full_name"), F("volunteer__name")),
            email=Coalesce(F("volunteer__user__email"), F("volunteer__email")),
            sort_name=F("volunteer__sort_name"),
            **_sums(),
        )
        .order_by("sort_name", "volunteer")
    )


def own_summary(volunteer) -> dict:
    """The volunteer's totals this year, for their own page (one query)."""
    year = timezone.localdate().year
    return {"year": year, **totals(volunteer.hours.filter(worked_on__year=year))}
