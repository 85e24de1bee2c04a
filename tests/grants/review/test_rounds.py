"""The round's figures on a known data set: the ranking's scores and running total against
the budget and the small municipalities' reserve, and the fairness check by size class (from
the municipality register's population) and applicant type."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from coordination.models import PartnerOrganisation
from grants.models import Decision, Score
from grants.review import fairness
from grants.review.services import rounds
from tests.factories import PartnerOrganisationFactory, municipality
from tests.grants.factories import (
    DecisionFactory,
    ReviewAssignmentFactory,
    RoundFactory,
    store_score,
)
from tests.grants.review.helpers import round_with_criteria, submitted

pytestmark = pytest.mark.django_db


def _sent_review(application, values):
    """A sent review with these scores, in the order of the round's criteria."""
    assignment = ReviewAssignmentFactory(
        application=application, impartial=True, submitted_at=timezone.now(),
        recommendation="grant",
    )  # fmt: skip
    for criterion, value in zip(application.round.criteria.all(), values, strict=True):
        Score.objects.create(assignment=assignment, criterion=criterion, value=value)
    return store_score(assignment)


def test_ranking_orders_by_score_and_adds_up_against_the_budget():
    round_ = round_with_criteria(budget=300_000, small_municipality_share=50)
    # Criteria: weight 2 and weight 1.
    best = submitted(round_, status="in_review", amount=200_000, proposed_amount=200_000)
    _sent_review(best, [5, 5])  # 100
    _sent_review(best, [3, 3])  # 60 → mean 80, spread 40
    middle = submitted(
        round_, status="ready_for_decision", amount=150_000, proposed_amount=150_000,
        municipality=municipality("3301"), organisation=PartnerOrganisationFactory(
            municipalities=["3301"]),
    )  # fmt: skip
    _sent_review(middle, [3, None])  # «not applicable» left out: 3 of 5 = 60
    unscored = submitted(round_, status="in_review", amount=50_000)
    submitted(round_, status="screening")  # not ranked yet
    ranking = rounds.rank_round(round_)
    assert [row.application for row in ranking.rows] == [best, middle, unscored]
    top = ranking.rows[0]
    assert top.score.score == pytest.approx(80)
    assert top.score.disagreement and top.score.reviews == 2
    assert ranking.rows[1].score.score == pytest.approx(60)
    assert [row.running_total for row in ranking.rows] == [200_000, 350_000, 350_000]
    assert [row.over_budget for row in ranking.rows] == [False, True, True]
    assert ranking.over_budget and ranking.over_by == 50_000
    # Lom is small (Drammen is not): 200 000 of the reserved 150 000.
    assert ranking.reserved_for_small == 150_000
    assert ranking.small_total == 200_000 and not ranking.small_below_reserve
    assert top.application.requested == 200_000


def test_a_decision_counts_instead_of_the_proposal():
    round_ = RoundFactory(budget=1_000_000)
    application = submitted(round_, status="granted", proposed_amount=300_000)
    DecisionFactory(application=application, amount=250_000)
    ranking = rounds.rank_round(round_)
    assert ranking.total == 250_000 and ranking.rows[0].decided


def _queries(call):
    with CaptureQueriesContext(connection) as queries:
        call()
    return len(queries)


def test_the_ranking_and_fairness_take_as_many_queries_for_many_applications_as_for_few():
    round_ = round_with_criteria()
    lom_own = submitted(round_, status="granted", organisation=None, proposed_amount=10_000)
    DecisionFactory(application=lom_own, amount=10_000)
    _sent_review(submitted(round_, status="in_review", proposed_amount=5_000), [3, 4])
    few = (
        _queries(lambda: rounds.rank_round(round_)),
        _queries(lambda: rounds.fairness_of(round_)),
    )
    for _ in range(6):
        application = submitted(round_, status="ready_for_decision", proposed_amount=5_000)
        _sent_review(application, [3, 4])
        _sent_review(application, [5, None])
    many = (
        _queries(lambda: rounds.rank_round(round_)),
        _queries(lambda: rounds.fairness_of(round_)),
    )
    assert few == many
    # The ranking: the decisions in force, the order with each score, the page's rows in full
    # (no subquery per application for the amounts and totals).
    assert many[0] == 3
    # The fairness check reads its numbers in three plain lists: the applications, their
    # grant lines summed, the decisions in force.
    assert many[1] == 3


def test_ties_go_by_case_number_and_the_unscored_come_last():
    round_ = round_with_criteria(budget=1_000_000)
    unscored = submitted(round_, status="in_review", proposed_amount=1_000)
    earlier = submitted(round_, status="in_review", proposed_amount=3_000)
    later = submitted(round_, status="in_review", proposed_amount=2_000)
    # The same score reached two ways: 3 and 3 (weights 2 and 1), and 3 with «not
    # applicable»: 60 in the database as in Python, so the case number decides.
    _sent_review(later, [3, 3])
    _sent_review(earlier, [3, None])
    ranking = rounds.rank_round(round_)
    assert later.number > earlier.number
    assert [row.application for row in ranking.rows] == [earlier, later, unscored]
    assert [row.place for row in ranking.rows] == [1, 2, 3]
    assert [row.score.score for row in ranking.rows] == [
        pytest.approx(60), pytest.approx(60), None
    ]  # fmt: skip
    assert ranking.rows[2].score.reviews == 0


def test_the_running_total_counts_the_pages_before():
    round_ = round_with_criteria(budget=25_000)
    applications = []
    for value in (5, 4, 3, 2, 1):  # best first
        application = submitted(round_, status="in_review", proposed_amount=10_000)
        _sent_review(application, [value, value])
        applications.append(application)
    DecisionFactory(application=applications[4], amount=1_000)  # a decision counts instead
    first = rounds.rank_round(round_, page=1, per_page=2)
    second = rounds.rank_round(round_, page=2, per_page=2)
    last = rounds.rank_round(round_, page=3, per_page=2)
    assert [row.application for row in first.rows + second.rows + last.rows] == applications
    assert [row.place for row in second.rows] == [3, 4]
    assert [row.running_total for row in second.rows] == [30_000, 40_000]
    assert [row.over_budget for row in first.rows + second.rows] == [False, False, True, True]
    assert (last.rows[0].running_total, last.rows[0].amount, last.rows[0].decided) == (
        41_000, 1_000, True
    )  # fmt: skip
    # The totals are the round's, whichever page is shown.
    assert first.total == second.total == last.total == 41_000
    assert second.over_by == 16_000
    assert second.page.paginator.num_pages == 3
    # Where the budget runs out: the third place (30 000 of 25 000), on the second page.
    at_the_line = rounds.rank_round(round_, page=rounds.BUDGET_PAGE, per_page=2)
    assert at_the_line.page.number == 2
    assert [row.crosses_budget for row in at_the_line.rows] == [True, False]


def test_within_the_budget_the_budget_page_is_the_last():
    round_ = round_with_criteria(budget=1_000_000)
    for _ in range(3):
        submitted(round_, status="in_review", proposed_amount=10_000)
    ranking = rounds.rank_round(round_, page=rounds.BUDGET_PAGE, per_page=2)
    assert ranking.page.number == 2
    assert not any(row.crosses_budget or row.over_budget for row in ranking.rows)


def test_the_page_shows_the_reviews_count_and_the_spread():
    round_ = round_with_criteria()
    application = submitted(round_, status="in_review")
    _sent_review(application, [5, 5])  # 100
    _sent_review(application, [2, 2])  # 40
    unsent = ReviewAssignmentFactory(application=application, impartial=True)
    Score.objects.create(
        assignment=unsent, criterion=round_.criteria.first(), value=0
    )  # not sent: not counted
    [row] = rounds.rank_round(round_).rows
    assert row.score == rounds.scoring.application_score([100.0, 40.0])
    assert str(row.score.reviews) == "2"  # the page shows a count, not «2.0»
    assert row.score.disagreement


def test_size_classes():
    assert [fairness.size_class(n) for n in (0, 4_999, 5_000, 19_999, 20_000)] == [
        "small", "small", "medium", "medium", "large",
    ]  # fmt: skip


def test_fairness_on_a_known_data_set():
    lom, vaaga, drammen = (municipality(n) for n in ("3434", "3435", "3301"))
    assert lom.population < 5_000 and vaaga.population < 5_000 and drammen.population >= 20_000
    round_ = RoundFactory(budget=1_000_000, small_municipality_share=30)
    centre = PartnerOrganisationFactory(
        kind=PartnerOrganisation.Kind.VOLUNTEER_CENTRE, municipalities=["3435"]
    )
    drammen_org = PartnerOrganisationFactory(municipalities=["3301"])
    # Lom applies itself: granted 100 000 by decision (it proposed 120 000).
    lom_own = submitted(round_, status="granted", organisation=None, amount=150_000,
                        proposed_amount=120_000)  # fmt: skip
    DecisionFactory(application=lom_own, amount=100_000)
    # A Lom association: proposed 50 000.
    submitted(round_, status="ready_for_decision", amount=80_000, proposed_amount=50_000)
    # Vågå's volunteer centre: rejected.
    vaaga_app = submitted(round_, status="rejected", municipality=vaaga, organisation=centre,
                          amount=60_000)  # fmt: skip
    Decision.objects.create(
        grant_maker=round_.grant_maker, application=vaaga_app, outcome="rejected", amount=0,
        grounds="Outside the goal.", appeal_deadline=timezone.localdate(),
    )  # fmt: skip
    # Drammen: two association applications, one proposed 400 000.
    submitted(round_, status="in_review", municipality=drammen, organisation=drammen_org,
              amount=500_000, proposed_amount=400_000)  # fmt: skip
    submitted(round_, status="in_review", municipality=drammen, organisation=drammen_org,
              amount=100_000)  # fmt: skip
    # Left out: a withdrawn one and a draft.
    submitted(round_, status="withdrawn", amount=999_000, proposed_amount=None)
    submitted(round_, status="draft", amount=999_000)

    figures = rounds.fairness_of(round_)
    small, medium, large = figures.by_size
    assert (small.key, small.applications, small.awarded_count) == ("small", 3, 2)
    assert small.requested == 150_000 + 80_000 + 60_000
    assert small.awarded == 150_000
    assert small.population == lom.population + vaaga.population
    assert small.award_rate == pytest.approx(200 / 3)
    assert small.per_inhabitant == pytest.approx(150_000 / (lom.population + vaaga.population))
    assert (medium.applications, medium.award_rate, medium.per_inhabitant) == (0, None, None)
    assert (large.applications, large.awarded_count, large.awarded) == (2, 1, 400_000)
    assert large.population == drammen.population  # counted once for two applications
    assert large.award_rate == pytest.approx(50)

    # Each type once (the municipality applying itself is not a partner of the kind
    # «another municipality»).
    assert [group.key for group in figures.by_type] == [
        "municipality_itself", "volunteer_centre", "association"
    ]  # fmt: skip
    by_type = {group.key: group for group in figures.by_type}
    itself = by_type["municipality_itself"]
    assert (itself.applications, itself.awarded) == (1, 100_000)
    assert by_type["volunteer_centre"].award_rate == 0
    assert by_type["association"].applications == 3
    assert by_type["association"].awarded == 450_000

    assert figures.small_awarded == 150_000 and figures.reserved == 300_000
    assert figures.small_share == pytest.approx(15)
    assert figures.below_reserve
    assert figures.total_awarded == 550_000


def test_no_warning_without_a_reserve():
    figures = fairness.check_fairness([], budget=100, reserve_share=0, types=["municipality"])
    assert not figures.below_reserve and figures.by_type == []
