"""The reviewer's writes: the impartiality declaration (before the application is shown) and
the scores with the overall recommendation, saved as a draft or sent."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from coordination.kernel.models import GrantRole, User
from coordination.kernel.permissions import has_grant_role
from grants.applications.permissions import own_municipality_conflict
from grants.review import scoring
from grants.review.models import SCORE_MAX, Recommendation, ReviewAssignment, Score
from grants.review.permissions import can_open_review, can_score


def weighted_score(assignment: ReviewAssignment) -> float | None:
    """The review's weighted score (``scoring.review_score``) from its saved scores: what is
    stored on the review when it is sent. A sent review cannot be changed, reopened or taken
    off the application, and the round's criteria are locked once anyone has scored, so the
    stored number stays true."""
    return scoring.review_score(
        Score.objects.filter(assignment=assignment).values_list("criterion__weight", "value")
    )


@transaction.atomic
def declare_impartiality(
    *, by: User, assignment: ReviewAssignment, impartial: bool, conflict: str = ""
) -> ReviewAssignment:
    """The reviewer says whether they are impartial (Public Administration Act § 6). Not
    impartial, with the tie named, is final: the officer assigns someone else."""
    if assignment.reviewer_id != by.pk or not has_grant_role(
        by, assignment.grant_maker_id, GrantRole.REVIEWER
    ):
        raise PermissionDenied(_("This review is not assigned to you."))
    verdict = own_municipality_conflict(assignment.application)
    if not verdict:
        raise PermissionDenied(verdict.reason)
    if assignment.impartial is False:
        raise ValidationError(
            _("You have declared yourself not impartial. The grant officer assigns someone else.")
        )
    if assignment.is_submitted:
        raise ValidationError(_("You have sent this review."))
    conflict = conflict.strip()
    if not impartial and not conflict:
        raise ValidationError(
            {"conflict": _("Say what ties you to the application, in a few words.")}
        )
    assignment.impartial = impartial
    assignment.conflict = "" if impartial else conflict
    assignment.declared_at = timezone.now()
    assignment.save(update_fields=["impartial", "conflict", "declared_at"])
    if not impartial:
        # What they may have scored before the tie came to light no longer counts.
        Score.objects.filter(assignment=assignment).delete()
    return assignment


@transaction.atomic
def score_application(
    *,
    by: User,
    assignment: ReviewAssignment,
    scores: dict[int, tuple[int | None, str]],
    recommendation: str,
    comment: str,
    submit: bool = False,
) -> ReviewAssignment:
    """Save the reviewer's scores (criterion id → (0–5 or None for «not applicable»,
    comment)), recommendation and comment; ``submit`` sends the review, which then needs every
    criterion answered and a recommendation."""
    opened = can_open_review(by, assignment)
    if not opened:
        raise PermissionDenied(opened.reason)
    allowed = can_score(by, assignment)
    if not allowed:
        raise ValidationError(allowed.reason)
    criteria = {c.pk: c for c in assignment.application.round.criteria.all()}
    if set(scores) - set(criteria):
        raise ValidationError(_("Some of the criteria are not this round's."))
    for value, _comment in scores.values():
        if value is not None and not 0 <= value <= SCORE_MAX:
            raise ValidationError(_("A score is a whole number from 0 to 5."))
    if recommendation and recommendation not in Recommendation.values:
        raise ValidationError({"recommendation": _("Choose a recommendation.")})
    for criterion_id, (value, note) in scores.items():
        Score.objects.update_or_create(
            assignment=assignment,
            criterion_id=criterion_id,
            defaults={"value": value, "comment": note.strip()},
        )
    assignment.recommendation = recommendation
    assignment.comment = comment.strip()
    fields = ["recommendation", "comment"]
    if submit:
        answered = set(
            Score.objects.filter(assignment=assignment).values_list("criterion_id", flat=True)
        )
        missing = [c.name for pk, c in criteria.items() if pk not in answered]
        if missing:
            raise ValidationError(
                _("Score every criterion, or mark it «not applicable», before you send: %s.")
                % ", ".join(f"«{name}»" for name in missing)
            )
        if not recommendation:
            raise ValidationError(
                {"recommendation": _("Choose a recommendation before you send the review.")}
            )
        assignment.submitted_at = timezone.now()
        assignment.score = weighted_score(assignment)
        fields += ["submitted_at", "score"]
    assignment.save(update_fields=fields)
    return assignment
