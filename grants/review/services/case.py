"""The grant officer's case handling up to the decision: screening against the round's
eligibility conditions, asking the applicant for more information, reviewers (one by one or
many at once), the proposed award and closing the review. Every status change goes through
``transitions.transition`` as the officer."""

from __future__ import annotations

from functools import partial

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import QuerySet
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from coordination.kernel import mail
from coordination.kernel.models import GrantRole, User
from grants.applications.models import Application
from grants.applications.people import applicant_users
from grants.applications.permissions import can_handle_application
from grants.applications.services.transitions import transition
from grants.applications.workflow import Actor, Status
from grants.review.models import ReviewAssignment, Score

# Reviewers can be added while the application is waiting for, or in, the review.
ASSIGNABLE = frozenset({Status.SUBMITTED, Status.SCREENING, Status.IN_REVIEW})
# An award can be proposed while the review runs and until the decision.
PROPOSABLE = frozenset({Status.IN_REVIEW, Status.READY_FOR_DECISION})


def require_handling(user: User, application: Application) -> None:
    """Refuse (PermissionDenied, with the reason) unless ``user`` may handle the case."""
    verdict = can_handle_application(user, application)
    if not verdict:
        raise PermissionDenied(verdict.reason)


def reviewers_of(grant_maker_id: int) -> QuerySet[User]:
    """The grant-maker's reviewers, by name."""
    return User.objects.filter(
        grant_roles__grant_maker_id=grant_maker_id,
        grant_roles__role=GrantRole.REVIEWER,
        is_active=True,
    ).order_by("full_name", "pk")


def _absolute(name: str, *args: object) -> str:
    """A link to a page of the site for an email."""
    return settings.SITE_URL + reverse(name, args=args)


@transaction.atomic
def start_screening(*, by: User, application: Application) -> Application:
    """The officer starts checking a submitted application against the eligibility
    conditions."""
    require_handling(by, application)
    transition(application=application, name="start_screening", by=by, actor=Actor.OFFICER)
    return application


@transaction.atomic
def screen_application(
    *,
    by: User,
    application: Application,
    eligible: bool,
    reason: str = "",
    conditions_met: list[int] | None = None,
) -> Application:
    """Eligible: the application goes to review. Not eligible (the reason is required): it goes
    straight to a decision. From «submitted» the screening is started first."""
    require_handling(by, application)
    reason = reason.strip()
    if not eligible and not reason:
        raise ValidationError(
            {"reason": _("Write why the application is not eligible: the applicant is told.")}
        )
    conditions = list(application.round.conditions.all())
    met = set(conditions_met or [])
    unknown = met - {condition.pk for condition in conditions}
    if unknown:
        raise ValidationError(_("Some of the conditions are not this round's."))
    if application.status == Status.SUBMITTED:
        transition(application=application, name="start_screening", by=by, actor=Actor.OFFICER)
    not_met = [condition.text for condition in conditions if condition.pk not in met]
    note = reason
    if conditions_met is not None and not_met:
        listed = "; ".join(f"«{text}»" for text in not_met)
        note = "\n".join(filter(None, [reason, _("Conditions not met: %s") % listed]))
    transition(
        application=application,
        name="send_to_review" if eligible else "screen_out",
        by=by,
        actor=Actor.OFFICER,
        note=note,
    )
    application.eligible = eligible
    application.screening_reason = reason
    application.screened_at = timezone.now()
    application.screened_by = by
    application.save(
        update_fields=["eligible", "screening_reason", "screened_at", "screened_by", "updated_at"]
    )
    return application


@transaction.atomic
def request_information(*, by: User, application: Application, request: str) -> Application:
    """Ask the applicant for more: the application opens for them again, and they are told by
    email what is asked."""
    require_handling(by, application)
    request = request.strip()
    if not request:
        raise ValidationError({"request": _("Write what the applicant should send.")})
    transition(
        application=application,
        name="request_information",
        by=by,
        actor=Actor.OFFICER,
        note=request,
    )
    application.information_request = request
    application.save(update_fields=["information_request", "updated_at"])
    context = {
        "application": application,
        "request": request,
        "grant_maker": application.grant_maker,
        "url": _absolute("grants:application_detail", application.pk),
    }
    for user in applicant_users(application):
        transaction.on_commit(
            partial(
                mail.send_email,
                to=user,
                template="grants/review/email/information_requested",
                context=context,
                municipality=application.municipality,
            )
        )
    return application


@transaction.atomic
def assign_reviewers(
    *, by: User, applications: list[Application], reviewers: list[User]
) -> list[ReviewAssignment]:
    """Give each application each reviewer (the grant-maker's own); an existing assignment is
    left as it is — also one where the reviewer declared a conflict. Each reviewer with new
    work is told by email."""
    if not applications or not reviewers:
        raise ValidationError(_("Choose at least one application and one reviewer."))
    for application in applications:
        require_handling(by, application)
        if application.status not in ASSIGNABLE:
            raise ValidationError(
                _("«%(title)s» cannot get reviewers now: it is «%(status)s».")
                % {"title": application.title, "status": application.get_status_display()}
            )
    for grant_maker_id in {application.grant_maker_id for application in applications}:
        allowed = set(reviewers_of(grant_maker_id).values_list("pk", flat=True))
        strangers = [reviewer for reviewer in reviewers if reviewer.pk not in allowed]
        if strangers:
            raise ValidationError(
                _("%(name)s is not a reviewer of this grant-maker.")
                % {"name": strangers[0].full_name}
            )
    existing = set(
        ReviewAssignment.objects.filter(
            application__in=applications, reviewer__in=reviewers
        ).values_list("application_id", "reviewer_id")
    )
    created = ReviewAssignment.objects.bulk_create(
        ReviewAssignment(
            grant_maker_id=application.grant_maker_id,
            application=application,
            reviewer=reviewer,
            assigned_by=by,
        )
        for application in applications
        for reviewer in reviewers
        if (application.pk, reviewer.pk) not in existing
    )
    for reviewer in {assignment.reviewer for assignment in created}:
        own = [a.application for a in created if a.reviewer_id == reviewer.pk]
        context = {
            "applications": own,
            "grant_maker": own[0].grant_maker,
            "url": _absolute("grants:review_list", own[0].grant_maker_id),
        }
        transaction.on_commit(
            partial(
                mail.send_email,
                to=reviewer,
                template="grants/review/email/reviews_assigned",
                context=context,
            )
        )
    return created


@transaction.atomic
def unassign_reviewer(*, by: User, assignment: ReviewAssignment) -> None:
    """Take a reviewer off an application, before they have scored anything."""
    require_handling(by, assignment.application)
    if assignment.is_submitted or Score.objects.filter(assignment=assignment).exists():
        raise ValidationError(
            _("%(name)s has already scored this application and stays on it.")
            % {"name": assignment.reviewer.full_name}
        )
    assignment.delete()


@transaction.atomic
def propose_award(*, by: User, application: Application, amount: int | None) -> Application:
    """The amount the officer proposes to award (None: no proposal); the decision fixes it."""
    require_handling(by, application)
    if application.status not in PROPOSABLE:
        raise ValidationError(
            _("An award can be proposed while the application is in review or ready for decision.")
        )
    if amount is not None and amount < 0:
        raise ValidationError({"amount": _("The amount cannot be negative.")})
    application.proposed_amount = amount
    application.save(update_fields=["proposed_amount", "updated_at"])
    return application


@transaction.atomic
def close_review(*, by: User, application: Application) -> Application:
    """The review is done: the application is ready for decision. Reviews not sent by now are
    no longer counted."""
    require_handling(by, application)
    transition(application=application, name="close_review", by=by, actor=Actor.OFFICER)
    return application
