"""Each sent review stores its weighted score: what ``scoring.review_score`` makes of the scores
it was sent with, for any weights and «not applicable» answers; the sent reviews already there
get theirs from the migration, and the ranking shows the mean of the stored scores."""

import importlib

import pytest
from django.apps import apps as django_apps
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from grants.models import ReviewAssignment
from grants.review import scoring, services
from grants.review.services import rounds
from tests.grants.factories import CriterionFactory, ReviewAssignmentFactory, RoundFactory
from tests.grants.review.helpers import submitted

pytestmark = pytest.mark.django_db

# (weight, value) of each criterion: value None is «not applicable».
CRITERIA = st.lists(
    st.tuples(st.integers(0, 5), st.one_of(st.none(), st.integers(0, scoring.SCORE_MAX))),
    min_size=1,
    max_size=6,
)


def _declared(reviewer, pairs):
    """An application in review in a round with a criterion of each weight, and ``reviewer``
    assigned and impartial; returns the assignment and the criteria."""
    round_ = RoundFactory()
    criteria = [
        CriterionFactory(round=round_, name=f"Criterion {i}", weight=weight, order=i)
        for i, (weight, _value) in enumerate(pairs)
    ]
    assignment = ReviewAssignmentFactory(
        application=submitted(round_, status="in_review"), reviewer=reviewer
    )
    services.declare_impartiality(by=reviewer, assignment=assignment, impartial=True)
    return assignment, criteria


def _send(reviewer, assignment, criteria, values, *, submit=True):
    services.score_application(
        by=reviewer,
        assignment=assignment,
        scores={c.pk: (v, "") for c, v in zip(criteria, values, strict=True)},
        recommendation="grant",
        comment="",
        submit=submit,
    )
    return ReviewAssignment.objects.get(pk=assignment.pk)


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(pairs=CRITERIA)
def test_sending_stores_the_weighted_score_of_any_scores(reviewer, pairs):
    assignment, criteria = _declared(reviewer, pairs)
    sent = _send(reviewer, assignment, criteria, [value for _weight, value in pairs])
    expected = scoring.review_score(pairs)
    if expected is None:  # nothing scored (all «not applicable» or weight 0)
        assert sent.score is None
    else:
        assert sent.score == pytest.approx(expected, abs=1e-9)
        assert 0 <= sent.score <= 100
    [row] = rounds.rank_round(assignment.application.round).rows
    assert row.score == rounds.scoring.application_score([sent.score])


def test_a_draft_has_no_score_and_the_sent_scores_count(reviewer):
    assignment, criteria = _declared(reviewer, [(2, None), (1, None)])
    draft = _send(reviewer, assignment, criteria, [5, 5], submit=False)
    assert draft.score is None
    [row] = rounds.rank_round(assignment.application.round).rows
    assert row.score.score is None  # a draft does not count in the ranking
    # Changed before sending: the score is the one sent, 2×1 + 1×4 over 3 → 2/5 → 40.
    sent = _send(reviewer, assignment, criteria, [1, 4])
    assert sent.score == pytest.approx(40)
    [row] = rounds.rank_round(assignment.application.round).rows
    assert row.score.score == pytest.approx(40)


def test_the_migration_fills_the_sent_reviews_with_the_same_score(reviewer):
    assignment, criteria = _declared(reviewer, [(3, None), (1, None), (2, None)])
    _send(reviewer, assignment, criteria, [4, None, 1])
    unsent, unsent_criteria = _declared(reviewer, [(1, None)])
    _send(reviewer, unsent, unsent_criteria, [5], submit=False)
    ReviewAssignment.objects.update(score=None)  # as before the migration
    migration = importlib.import_module("grants.migrations.0003_review_stored_score")
    migration.fill_scores(django_apps, None)
    scores = dict(ReviewAssignment.objects.values_list("pk", "score"))
    assert scores[assignment.pk] == pytest.approx(scoring.review_score([(3, 4), (2, 1)]))
    assert scores[unsent.pk] is None
