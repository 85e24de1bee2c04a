"""The review's arithmetic, pure: a reviewer's weighted score of an application (0–100), the
application's score over the sent reviews, and the spread between reviewers. A criterion marked
«not applicable» is left out and the other weights count for the whole."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

SCORE_MAX = 5
# Reviewers this far apart (points of 100) should talk before the officer proposes an award.
DISAGREEMENT = 25


def review_score(scores: Iterable[tuple[int, int | None]]) -> float | None:
    """One reviewer's score, 0–100, from ``(weight, value)`` pairs; ``value`` None is «not
    applicable». None when nothing was scored."""
    scored = [(weight, value) for weight, value in scores if value is not None and weight > 0]
    total_weight = sum(weight for weight, _ in scored)
    if not total_weight:
        return None
    mean = sum(weight * value for weight, value in scored) / total_weight
    return mean / SCORE_MAX * 100


@dataclass(frozen=True)
class ApplicationScore:
    """An application's score: the mean of its reviewers' scores (None: no sent review with a
    score), how many reviews count, and how far apart the reviewers are."""

    score: float | None
    reviews: int
    spread: float | None

    @property
    def disagreement(self) -> bool:
        return self.spread is not None and self.spread >= DISAGREEMENT


def application_score(reviews: Iterable[float | None]) -> ApplicationScore:
    """The score over the sent reviews' scores (a review that scored nothing is left out)."""
    found = [score for score in reviews if score is not None]
    if not found:
        return ApplicationScore(score=None, reviews=0, spread=None)
    return ApplicationScore(
        score=sum(found) / len(found), reviews=len(found), spread=max(found) - min(found)
    )
