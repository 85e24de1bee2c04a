"""A submitted application in a round with criteria and conditions, and reviewers of the
national grant-maker, for the review area's tests."""

from django.utils import timezone

from coordination.models import GrantRole
from tests.factories import GrantMakerRoleFactory, UserFactory, national_grant_maker
from tests.grants.factories import (
    ApplicationFactory,
    BudgetLineFactory,
    CriterionFactory,
    EligibilityConditionFactory,
    RoundFactory,
)

_numbers = iter(range(1, 10_000))


def submitted(round_=None, *, status="submitted", amount=100_000, **fields):
    """A submitted application (in ``status``) asking for ``amount`` NOK."""
    round_ = round_ or RoundFactory()
    application = ApplicationFactory(
        round=round_, status=status, number=next(_numbers), submitted_at=timezone.now(), **fields
    )
    if amount:
        BudgetLineFactory(application=application, amount=amount)
    return application


def round_with_criteria(**fields):
    round_ = RoundFactory(**fields)
    CriterionFactory(round=round_, name="Partnership", weight=2, order=1)
    CriterionFactory(round=round_, name="Inclusion", weight=1, order=2)
    EligibilityConditionFactory(round=round_, text="Within the goal", order=1)
    EligibilityConditionFactory(round=round_, text="Low-threshold", order=2)
    return round_


def a_reviewer(grant_maker=None, **fields):
    user = UserFactory(**fields)
    GrantMakerRoleFactory(
        user=user, grant_maker=grant_maker or national_grant_maker(), role=GrantRole.REVIEWER
    )
    return user
