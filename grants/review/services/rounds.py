"""The round seen as a whole, read in a few queries: the requested amounts, the reviews'
scores, the ranking with its running total against the budget, and the fairness check's
entries. Amounts awarded are the newest decision's where one exists, else the proposal."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from django.db.models import Count, IntegerField, OuterRef, QuerySet, Subquery, Sum
from django.db.models.functions import Coalesce

from coordination.partners.models import PartnerOrganisation
from grants.applications.models import Application, BudgetLine
from grants.applications.workflow import DECIDED, Status
from grants.decisions.models import Decision
from grants.review import fairness, scoring
from grants.review.models import ReviewAssignment, Score
from grants.schemes.models import Round

# The ranking: applications in review and after (screened-out ones are ready for decision too).
RANKED = frozenset(
    {
        Status.IN_REVIEW,
        Status.READY_FOR_DECISION,
        *DECIDED,
        Status.APPEALED,
        Status.REPORTING,
        Status.CLOSED,
    }
)
# Not a PartnerOrganisation.Kind (which has "municipality" for another municipality as partner).
MUNICIPALITY_APPLIES = "municipality_itself"
APPLICANT_TYPES = (MUNICIPALITY_APPLIES, *PartnerOrganisation.Kind.values)


def with_figures(applications: QuerySet[Application]) -> QuerySet[Application]:
    """Each application with ``requested`` (its budget's grant lines), ``reviewers`` and
    ``declared`` (assignments, and those with a declaration) — subqueries, so no row is
    counted twice."""
    requested = (
        BudgetLine.objects.filter(application=OuterRef("pk"), source=BudgetLine.Source.GRANT)
        .values("application")
        .annotate(total=Sum("amount"))
        .values("total")
    )
    assignments = ReviewAssignment.objects.filter(application=OuterRef("pk")).values("application")
    reviewers = assignments.annotate(n=Count("pk")).values("n")
    declared = assignments.filter(impartial__isnull=False).annotate(n=Count("pk")).values("n")
    return applications.annotate(
        requested=Coalesce(Subquery(requested, output_field=IntegerField()), 0),
        reviewers=Coalesce(Subquery(reviewers, output_field=IntegerField()), 0),
        declared=Coalesce(Subquery(declared, output_field=IntegerField()), 0),
    )


def decided_amounts(application_ids: list[int]) -> dict[int, int]:
    """The amount of the decision in force per decided application (0 for a rejection)."""
    return dict(
        Decision.objects.in_force()
        .filter(application_id__in=application_ids)
        .values_list("application_id", "amount")
    )


def review_scores(applications: list[Application]) -> dict[int, scoring.ApplicationScore]:
    """Each application's score over its sent reviews (one query)."""
    rows = Score.objects.filter(
        assignment__application__in=applications,
        assignment__submitted_at__isnull=False,
        assignment__impartial=True,
    ).values_list("assignment_id", "assignment__application_id", "criterion__weight", "value")
    per_review: dict[tuple[int, int], list[tuple[int, int | None]]] = defaultdict(list)
    for assignment, application, weight, value in rows:
        per_review[(application, assignment)].append((weight, value))
    per_application: dict[int, list[float | None]] = defaultdict(list)
    for (application, _assignment), pairs in per_review.items():
        per_application[application].append(scoring.review_score(pairs))
    return {
        application.pk: scoring.application_score(per_application.get(application.pk, []))
        for application in applications
    }


@dataclass(frozen=True)
class RankRow:
    application: Application
    score: scoring.ApplicationScore
    amount: int  # decided, else proposed (0 for none)
    decided: bool
    small: bool
    running_total: int
    over_budget: bool


@dataclass(frozen=True)
class Ranking:
    rows: list[RankRow]
    budget: int
    total: int
    reserved_for_small: int
    small_total: int

    @property
    def left(self) -> int:
        return self.budget - self.total

    @property
    def over_budget(self) -> bool:
        return self.total > self.budget

    @property
    def over_by(self) -> int:
        return max(self.total - self.budget, 0)

    @property
    def small_below_reserve(self) -> bool:
        return self.reserved_for_small > 0 and self.small_total < self.reserved_for_small


def _sort_key(row: tuple[Application, scoring.ApplicationScore]) -> tuple:
    application, score = row
    return (score.score is None, -(score.score or 0), application.number or 0, application.pk)


def rank_round(round_: Round) -> Ranking:
    """The round's applications in review and after, best score first, with the running
    total of the amounts against the budget."""
    applications = list(
        with_figures(
            Application.objects.filter(round=round_, status__in=RANKED).select_related(
                "municipality", "organisation", "round"
            )
        )
    )
    scores = review_scores(applications)
    decided = decided_amounts([a.pk for a in applications])
    rows: list[RankRow] = []
    running = small_total = 0
    for application, score in sorted(((a, scores[a.pk]) for a in applications), key=_sort_key):
        amount = decided.get(application.pk, application.proposed_amount or 0)
        small = fairness.size_class(application.municipality.population) == fairness.SMALL
        running += amount
        small_total += amount if small else 0
        rows.append(
            RankRow(
                application=application,
                score=score,
                amount=amount,
                decided=application.pk in decided,
                small=small,
                running_total=running,
                over_budget=running > round_.budget,
            )
        )
    return Ranking(
        rows=rows,
        budget=round_.budget,
        total=running,
        reserved_for_small=round_.reserved_for_small,
        small_total=small_total,
    )


def fairness_of(round_: Round) -> fairness.Fairness:
    """The fairness check of a round's submitted applications (withdrawn ones left out)."""
    applications = list(
        with_figures(
            Application.objects.submitted()
            .filter(round=round_)
            .exclude(status=Status.WITHDRAWN)
            .select_related("municipality", "organisation")
        )
    )
    decided = decided_amounts([a.pk for a in applications])
    entries = [
        fairness.Entry(
            municipality=a.municipality_id,
            population=a.municipality.population,
            applicant_type=a.organisation.kind if a.organisation else MUNICIPALITY_APPLIES,
            requested=a.requested,  # type: ignore[attr-defined]
            awarded=decided.get(a.pk, a.proposed_amount or 0),
        )
        for a in applications
    ]
    return fairness.check_fairness(
        entries,
        budget=round_.budget,
        reserve_share=round_.small_municipality_share,
        types=APPLICANT_TYPES,
    )


def counts_by_status(round_: Round) -> dict[str, int]:
    """How many submitted applications the round has in each status (the list's filter)."""
    rows = (
        Application.objects.submitted()
        .filter(round=round_)
        .values("status")
        .annotate(n=Count("pk"))
    )
    return {row["status"]: row["n"] for row in rows}
