"""Review's writes: the officer's case handling up to the decision (``case``) and the
reviewers' declarations and scores (``reviewing``); the round's ranking and fairness figures
(``rounds``) are read here too, in a few queries each."""

from grants.review.services.case import (
    assign_reviewers,
    close_review,
    propose_award,
    request_information,
    require_handling,
    reviewers_of,
    screen_application,
    start_screening,
    unassign_reviewer,
)
from grants.review.services.reviewing import (
    declare_impartiality,
    score_application,
    weighted_score,
)

__all__ = [
    "assign_reviewers",
    "close_review",
    "declare_impartiality",
    "propose_award",
    "request_information",
    "require_handling",
    "reviewers_of",
    "score_application",
    "weighted_score",
    "screen_application",
    "start_screening",
    "unassign_reviewer",
]
