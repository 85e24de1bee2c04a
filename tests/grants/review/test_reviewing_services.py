"""The reviewer's services: the declaration (a conflict is final) and the scores (only after
declaring impartial, only while in review; sending needs every criterion and a
recommendation)."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from grants.models import ReviewAssignment, Score
from grants.review import services
from tests.grants.factories import ReviewAssignmentFactory
from tests.grants.review.helpers import round_with_criteria, submitted

pytestmark = pytest.mark.django_db


@pytest.fixture
def assignment(reviewer):
    application = submitted(round_with_criteria(), status="in_review")
    return ReviewAssignmentFactory(application=application, reviewer=reviewer)


def _all_scores(assignment) -> dict:
    first, second = assignment.application.round.criteria.all()
    return {first.pk: (4, "Good partnership."), second.pk: (None, "")}


def test_declaring_impartial_opens_the_application(reviewer, assignment):
    services.declare_impartiality(by=reviewer, assignment=assignment, impartial=True)
    assignment.refresh_from_db()
    assert assignment.impartial is True and assignment.declared_at is not None


def test_not_impartial_needs_the_tie_and_is_final(reviewer, assignment):
    with pytest.raises(ValidationError):
        services.declare_impartiality(by=reviewer, assignment=assignment, impartial=False)
    services.declare_impartiality(
        by=reviewer, assignment=assignment, impartial=False, conflict="My aunt leads it."
    )
    with pytest.raises(ValidationError, match="not impartial"):
        services.declare_impartiality(by=reviewer, assignment=assignment, impartial=True)
    assignment.refresh_from_db()
    assert (assignment.impartial, assignment.conflict) == (False, "My aunt leads it.")


def test_someone_elses_assignment_cannot_be_declared(assignment, officer):
    with pytest.raises(PermissionDenied):
        services.declare_impartiality(by=officer, assignment=assignment, impartial=True)


def test_undeclared_cannot_score(reviewer, assignment):
    with pytest.raises(PermissionDenied, match="Declare your impartiality"):
        services.score_application(
            by=reviewer, assignment=assignment, scores=_all_scores(assignment),
            recommendation="grant", comment="",
        )  # fmt: skip
    assert not Score.objects.exists()


def test_not_impartial_cannot_score(reviewer, assignment):
    services.declare_impartiality(
        by=reviewer, assignment=assignment, impartial=False, conflict="Board member."
    )
    with pytest.raises(PermissionDenied, match="not impartial"):
        services.score_application(
            by=reviewer, assignment=assignment, scores=_all_scores(assignment),
            recommendation="grant", comment="", submit=True,
        )  # fmt: skip
    assert not Score.objects.exists()


def test_save_then_send(reviewer, assignment):
    services.declare_impartiality(by=reviewer, assignment=assignment, impartial=True)
    first, second = assignment.application.round.criteria.all()
    services.score_application(
        by=reviewer, assignment=assignment, scores={first.pk: (4, "Good.")},
        recommendation="", comment="Draft",
    )  # fmt: skip
    assert Score.objects.get(criterion=first).value == 4
    with pytest.raises(ValidationError, match="Inclusion"):
        services.score_application(
            by=reviewer, assignment=assignment, scores={}, recommendation="grant",
            comment="", submit=True,
        )  # fmt: skip
    with pytest.raises(ValidationError):
        services.score_application(
            by=reviewer, assignment=assignment, scores=_all_scores(assignment),
            recommendation="", comment="", submit=True,
        )  # fmt: skip
    services.score_application(
        by=reviewer, assignment=assignment, scores=_all_scores(assignment),
        recommendation="grant_partly", comment="Fine.", submit=True,
    )  # fmt: skip
    assignment.refresh_from_db()
    assert assignment.is_submitted and assignment.recommendation == "grant_partly"
    assert Score.objects.get(criterion=second).value is None
    with pytest.raises(ValidationError, match="sent"):
        services.score_application(
            by=reviewer, assignment=assignment, scores={}, recommendation="reject", comment=""
        )


def test_scores_out_of_range_or_of_another_round_are_refused(reviewer, assignment):
    services.declare_impartiality(by=reviewer, assignment=assignment, impartial=True)
    first = assignment.application.round.criteria.first()
    other = round_with_criteria().criteria.first()
    for scores in ({first.pk: (6, "")}, {other.pk: (3, "")}):
        with pytest.raises(ValidationError):
            services.score_application(
                by=reviewer, assignment=assignment, scores=scores, recommendation="",
                comment="",
            )  # fmt: skip
    assert not Score.objects.exists()


def test_no_scoring_once_the_review_is_closed(reviewer, assignment, officer):
    services.declare_impartiality(by=reviewer, assignment=assignment, impartial=True)
    services.close_review(by=officer, application=assignment.application)
    assignment = ReviewAssignment.objects.get(pk=assignment.pk)
    with pytest.raises(ValidationError, match="no longer in review"):
        services.score_application(
            by=reviewer, assignment=assignment, scores=_all_scores(assignment),
            recommendation="grant", comment="",
        )  # fmt: skip
