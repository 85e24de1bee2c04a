"""The review's arithmetic on known numbers: weights, «not applicable», the mean over reviews
and the spread that flags disagreement."""

import pytest

from grants.review.scoring import DISAGREEMENT, application_score, review_score


def test_review_score_is_the_weighted_mean_scaled_to_100():
    # (2*5 + 1*2) / 3 = 4 of 5 = 80
    assert review_score([(2, 5), (1, 2)]) == pytest.approx(80)


def test_not_applicable_is_left_out_and_the_weights_renormalised():
    # The n/a criterion (weight 3) is dropped: (1*4 + 1*2) / 2 = 3 of 5 = 60
    assert review_score([(1, 4), (3, None), (1, 2)]) == pytest.approx(60)


def test_zero_counts_as_a_score_not_as_missing():
    assert review_score([(1, 0), (1, 5)]) == pytest.approx(50)


def test_a_review_with_nothing_scored_has_no_score():
    assert review_score([(2, None)]) is None
    assert review_score([]) is None


def test_application_score_is_the_mean_over_reviews_with_the_spread():
    found = application_score([80.0, 60.0, None])
    assert found.score == pytest.approx(70)
    assert found.reviews == 2
    assert found.spread == pytest.approx(20)
    assert not found.disagreement


def test_a_spread_of_25_points_or_more_flags_disagreement():
    assert DISAGREEMENT == 25
    assert application_score([90.0, 65.0]).disagreement
    assert not application_score([90.0, 65.1]).disagreement


def test_no_reviews_no_score():
    found = application_score([])
    assert (found.score, found.reviews, found.spread, found.disagreement) == (None, 0, None, False)
