"""The budget: lines per year with where the money comes from, and its totals."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from coordination.kernel.models import User
from grants.applications.models import Application, BudgetLine
from grants.applications.services.common import require_editable

SOURCES = tuple(BudgetLine.Source.values)


@dataclass
class Totals:
    """The budget's sums: per year and source, per year, per source and in all."""

    by_year: dict[int, dict[str, int]] = field(default_factory=dict)
    year_total: dict[int, int] = field(default_factory=dict)
    by_source: dict[str, int] = field(default_factory=dict)
    total: int = 0

    @property
    def rows(self) -> list[dict]:
        """One row per year, the sources in their order (for a table)."""
        return [
            {
                "year": year,
                "amounts": [self.by_year[year].get(source, 0) for source in SOURCES],
                "total": self.year_total[year],
            }
            for year in sorted(self.by_year)
        ]

    @property
    def source_totals(self) -> list[int]:
        return [self.by_source.get(source, 0) for source in SOURCES]


def budget_totals(lines) -> Totals:
    """Totals of ``lines`` (BudgetLine objects or dicts with year, source and amount)."""
    by_year: dict[int, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for line in lines:
        values = line if isinstance(line, dict) else vars(line)
        by_year[int(values["year"])][str(values["source"])] += int(values["amount"])
    totals = Totals()
    for year, amounts in sorted(by_year.items()):
        totals.by_year[year] = dict(amounts)
        totals.year_total[year] = sum(amounts.values())
        for source, amount in amounts.items():
            totals.by_source[source] = totals.by_source.get(source, 0) + amount
    totals.total = sum(totals.year_total.values())
    return totals


def allowed_years(application: Application) -> list[int]:
    """The years a budget line may have: those of the project period when it is set, else
    from the round's deadline on, as many as the scheme's longest duration."""
    if application.starts_on and application.ends_on:
        return list(range(application.starts_on.year, application.ends_on.year + 1))
    first = application.round.closes_at.year
    return list(range(first, first + application.round.scheme.max_years + 1))


def _checked(application: Application, lines: list[dict]) -> list[BudgetLine]:
    years = allowed_years(application)
    made = []
    for number, line in enumerate(lines, start=1):
        year, source = int(line["year"]), line["source"]
        amount, description = int(line["amount"]), (line.get("description") or "").strip()
        if not description:
            raise ValidationError(_("Line %(n)s: write what the money is for.") % {"n": number})
        if source not in SOURCES:
            raise ValidationError(_("Line %(n)s: choose who pays.") % {"n": number})
        if amount <= 0:
            raise ValidationError(
                _("Line %(n)s: the amount must be more than 0 kroner.") % {"n": number}
            )
        if year not in years:
            raise ValidationError(
                _(
                    "Line %(n)s: the year %(year)s is outside the project period "
                    "(%(first)s–%(last)s)."
                )
                % {"n": number, "year": year, "first": years[0], "last": years[-1]}
            )
        made.append(
            BudgetLine(
                application=application,
                year=year,
                description=description,
                source=source,
                amount=amount,
            )
        )
    used = sorted({line.year for line in made})
    longest = application.round.scheme.max_years
    if used and used[-1] - used[0] + 1 > longest:
        raise ValidationError(
            _(
                "The budget covers %(years)s years; this scheme gives grants for at most "
                "%(longest)s."
            )
            % {"years": used[-1] - used[0] + 1, "longest": longest}
        )
    return made


def replace_budget(*, by: User, application: Application, lines: list[dict]) -> None:
    """The budget becomes ``lines`` (dicts with year, description, source, amount)."""
    require_editable(by, application)
    made = _checked(application, lines)
    with transaction.atomic():
        application.budget_lines.all().delete()
        BudgetLine.objects.bulk_create(made)
        application.save(update_fields=["updated_at"])
