"""The review area's pages: the officer's case and round pages, and the reviewer's."""

from grants.review.views.case import (
    case,
    case_assign,
    case_close_review,
    case_propose,
    case_request_information,
    case_screen,
    case_start_screening,
    case_unassign,
)
from grants.review.views.reviewer import review_declare, review_list, review_score
from grants.review.views.rounds import round_applications, round_fairness, round_ranking

__all__ = [
    "case",
    "case_assign",
    "case_close_review",
    "case_propose",
    "case_request_information",
    "case_screen",
    "case_start_screening",
    "case_unassign",
    "review_declare",
    "review_list",
    "review_score",
    "round_applications",
    "round_fairness",
    "round_ranking",
]
