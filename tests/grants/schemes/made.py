"""The grants factories, run in bokmål: a translated field set by its plain name (``name=``)
is stored in the active language, and these tests run in English (conftest.py)."""

from django.utils import translation

from tests.grants import factories


def _in_bokmal(factory):
    def make(**kwargs):
        with translation.override("nb"):
            return factory(**kwargs)

    return make


scheme = _in_bokmal(factories.SchemeFactory)
round_ = _in_bokmal(factories.RoundFactory)
criterion = _in_bokmal(factories.CriterionFactory)
condition = _in_bokmal(factories.EligibilityConditionFactory)
question = _in_bokmal(factories.QuestionFactory)
application = _in_bokmal(factories.ApplicationFactory)
assignment = _in_bokmal(factories.ReviewAssignmentFactory)
