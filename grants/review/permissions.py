"""A reviewer sees only what is assigned to them, and opens an application only after
declaring themselves impartial; a declared conflict shuts them out for good."""

from __future__ import annotations

from django.utils.translation import gettext as _

from coordination.kernel.models import GrantRole
from coordination.kernel.permissions import Verdict, has_grant_role
from grants.applications.permissions import own_municipality_conflict
from grants.applications.workflow import Status
from grants.review.models import ReviewAssignment


def can_open_review(user, assignment: ReviewAssignment) -> Verdict:
    """May ``user`` read the application and score it through this assignment?"""
    if assignment.reviewer_id != user.pk or not has_grant_role(
        user, assignment.grant_maker_id, GrantRole.REVIEWER
    ):
        return Verdict(False, _("This review is not assigned to you."))
    if assignment.impartial is None:
        return Verdict(False, _("Declare your impartiality before you open the application."))
    if assignment.impartial is False:
        return Verdict(False, _("You have declared yourself not impartial."))
    return own_municipality_conflict(assignment.application)


def can_score(user, assignment: ReviewAssignment) -> Verdict:
    """Scores can be given and changed until the review is sent and while the application is
    in review."""
    verdict = can_open_review(user, assignment)
    if not verdict:
        return verdict
    if assignment.is_submitted:
        return Verdict(False, _("You have sent this review."))
    if assignment.application.status != Status.IN_REVIEW:
        return Verdict(False, _("The application is no longer in review."))
    return Verdict(True)
