"""The round seen as a whole, read in a few queries whatever its size: the requested amounts,
the reviews' scores (each sent review's weighted score, stored on it when sent), the ranking
with its running total against the budget (ordered in the database, summed over a few numbers
per application, only the page's rows read in full), and the fairness check's entries. Amounts
awarded are the newest decision's where one exists, else the proposal."""

from __future__ import annotations

import bisect
import itertools
from collections import defaultdict
from dataclasses import dataclass

from django.core.paginator import Page, Paginator
from django.db.models import (
    Aggregate,
    Avg,
    Count,
    F,
    Field,
    FloatField,
    IntegerField,
    Max,
    Min,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Sum,
)
from django.db.models.expressions import CombinedExpression
from django.db.models.functions import Coalesce

from coordination.partners.models import PartnerOrganisation
from grants.applications.models import Application, BudgetLine
from grants.applications.workflow import DECIDED, Status
from grants.decisions.models import Decision
from grants.review import fairness, scoring
from grants.review.models import ReviewAssignment
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


def requested_in_sql() -> Coalesce:
    """What the outer application asks for: its budget's grant lines, all years."""
    requested = (
        BudgetLine.objects.filter(application=OuterRef("pk"), source=BudgetLine.Source.GRANT)
        .order_by()
        .values("application")
        .annotate(total=Sum("amount"))
        .values("total")
    )
    return Coalesce(Subquery(requested, output_field=IntegerField()), 0)


def with_figures(applications: QuerySet[Application]) -> QuerySet[Application]:
    """Each application with ``requested`` (its budget's grant lines), ``reviewers`` and
    ``declared`` (assignments, and those with a declaration) — subqueries, so no row is
    counted twice."""
    assignments = (
        ReviewAssignment.objects.filter(application=OuterRef("pk")).order_by().values("application")
    )
    reviewers = assignments.annotate(n=Count("pk")).values("n")
    declared = assignments.filter(impartial__isnull=False).annotate(n=Count("pk")).values("n")
    return applications.annotate(
        requested=requested_in_sql(),
        reviewers=Coalesce(Subquery(reviewers, output_field=IntegerField()), 0),
        declared=Coalesce(Subquery(declared, output_field=IntegerField()), 0),
    )


def _sent_reviews() -> QuerySet[ReviewAssignment]:
    """The sent impartial reviews, each with its weighted score stored when it was sent."""
    return ReviewAssignment.objects.filter(submitted_at__isnull=False, impartial=True)


# ``_sent_reviews`` seen from an application (through its ``assignments``).
SENT_REVIEW = Q(assignments__submitted_at__isnull=False, assignments__impartial=True)


def review_scores(applications: list[Application]) -> dict[int, scoring.ApplicationScore]:
    """Each application's score over its sent reviews' stored scores (one query; for a page
    of rows — the ranking's order over a whole round is :func:`score_in_sql`)."""
    rows = _sent_reviews().filter(application__in=applications).values_list("application", "score")
    per_application: dict[int, list[float | None]] = defaultdict(list)
    for application, score in rows:
        per_application[application].append(score)
    return {
        application.pk: scoring.application_score(per_application.get(application.pk, []))
        for application in applications
    }


def _of_reviews(aggregate: Aggregate | CombinedExpression, output_field: Field) -> Subquery:
    """An aggregate over the outer application's sent reviews' stored scores (a review that
    scored nothing has none and is left out, as in ``scoring.application_score``)."""
    return Subquery(
        _sent_reviews()
        .filter(application=OuterRef("pk"))
        .order_by()
        .values("application")
        .annotate(x=aggregate)
        .values("x"),
        output_field=output_field,
    )


def score_in_sql() -> Avg:
    """The application's score (``scoring.application_score``'s mean) as an aggregate over
    its sent reviews, so a round is ordered by score in the database: one number per
    application, no scores read. One join grouped by application (a subquery per application
    took longer over a round of 2 000)."""
    return Avg("assignments__score", filter=SENT_REVIEW)


def _decided_in(round_: Round) -> dict[int, int]:
    """The amount of the decision in force of each decided application of the round (one
    plain read; what counts is this amount, else the proposal, else 0)."""
    return dict(
        Decision.objects.in_force()
        .filter(application__round=round_)
        .order_by()
        .values_list("application", "amount")
    )


@dataclass(frozen=True)
class RankRow:
    application: Application
    score: scoring.ApplicationScore
    amount: int  # decided, else proposed (0 for none)
    decided: bool
    small: bool
    running_total: int
    over_budget: bool
    place: int = 0  # 1 for the best score
    crosses_budget: bool = False  # the first row whose running total is over the budget


@dataclass(frozen=True)
class Ranking:
    rows: list[RankRow]  # the page's rows (all of them without a page)
    budget: int
    total: int
    reserved_for_small: int
    small_total: int
    page: Page | None = None

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


# ``?page=budget``: the ranking's page where the budget runs out.
BUDGET_PAGE = "budget"


def rank_round(round_: Round, *, page: str | int | None = 1, per_page: int = 50) -> Ranking:
    """One page of the round's applications in review and after, best score first, with the
    running total of the amounts against the budget over the whole ranking. Two plain reads
    of the round: the order with each score (from the database), and the decisions in force;
    the amounts, running total and totals are summed here over a few numbers per application
    (a decision's amount as a correlated subquery would be looked up once per application and
    per use). Only the page's rows are then read in full."""
    decided = _decided_in(round_)
    order = (
        Application.objects.filter(round=round_, status__in=RANKED)
        .annotate(score=score_in_sql())
        .order_by(F("score").desc(nulls_last=True), F("number").asc(nulls_first=True), "pk")
        .values_list("pk", "score", "proposed_amount", "municipality__population")
    )
    ranked = [
        (pk, score, decided.get(pk, proposed or 0), population)
        for pk, score, proposed, population in order
    ]
    running_totals = list(itertools.accumulate(amount for _pk, _score, amount, _pop in ranked))
    if page == BUDGET_PAGE:
        # The page of the first application over the budget (the last page if none is).
        within = bisect.bisect_right(running_totals, round_.budget)  # they never decrease
        page = within // per_page + 1
    shown = Paginator(ranked, per_page).get_page(page)
    details = {
        a.pk: a
        for a in Application.objects.filter(pk__in=[pk for pk, *_ in shown.object_list])
        .select_related("municipality", "organisation", "round")
        .only(*SHOWN)
        .order_by()
        .annotate(
            requested=requested_in_sql(),
            reviews=_of_reviews(Count("score"), IntegerField()),
            spread=_of_reviews(Max("score") - Min("score"), FloatField()),
        )
    }
    rows = []
    for index, (pk, score, amount, _population) in enumerate(
        shown.object_list, start=shown.start_index() - 1
    ):
        application = details[pk]
        running_total = running_totals[index]
        over_budget = running_total > round_.budget
        rows.append(
            RankRow(
                application=application,
                score=scoring.ApplicationScore(
                    score=score, reviews=application.reviews or 0, spread=application.spread
                ),
                amount=amount,
                decided=pk in decided,
                small=fairness.size_class(application.municipality.population) == fairness.SMALL,
                running_total=running_total,
                over_budget=over_budget,
                place=index + 1,
                crosses_budget=over_budget and running_total - amount <= round_.budget,
            )
        )
    return Ranking(
        rows=rows,
        budget=round_.budget,
        total=running_totals[-1] if running_totals else 0,
        reserved_for_small=round_.reserved_for_small,
        small_total=sum(
            amount
            for _pk, _score, amount, population in ranked
            if population < fairness.SMALL_BELOW
        ),
        page=shown,
    )


# The columns the ranking shows of an application (its reference, title and applicant).
SHOWN = (
    "number",
    "title",
    "status",
    "proposed_amount",
    "round__name",
    "municipality__name",
    "municipality__official_name",
    "municipality__population",
    "organisation__name",
)


def fairness_of(round_: Round) -> fairness.Fairness:
    """The fairness check of a round's submitted applications (withdrawn ones left out): the
    five numbers it needs of each, read as three plain lists, each one scan of the round (no
    subquery per application): the applications, their grant lines summed per application in
    the database, and the decisions in force."""
    rows = (
        Application.objects.submitted()
        .filter(round=round_)
        .exclude(status=Status.WITHDRAWN)
        .order_by()
        .values_list(
            "pk",
            "municipality_id",
            "municipality__population",
            "organisation__kind",
            "proposed_amount",
        )
    )
    requested = dict(
        BudgetLine.objects.filter(application__round=round_, source=BudgetLine.Source.GRANT)
        .order_by()
        .values("application")
        .annotate(total=Sum("amount"))
        .values_list("application", "total")
    )
    decided = _decided_in(round_)
    entries = [
        fairness.Entry(
            municipality=municipality,
            population=population,
            applicant_type=kind or MUNICIPALITY_APPLIES,
            requested=requested.get(pk, 0),
            awarded=decided.get(pk, proposed or 0),
        )
        for pk, municipality, population, kind, proposed in rows
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
