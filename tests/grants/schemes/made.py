"""The grants factories, run in bokmål: a translated field set by its plain name (``name=``)
is stored in the active language, and these tests run in English (conftest.py)."""

from django.utils import translation

from tests.grants import factories

# The translated fields (grants/schemes/translation.py): a plain ``name=`` is the bokmål one.
TRANSLATED = {
    "Scheme": ("name", "purpose"),
    "Criterion": ("name", "description"),
    "EligibilityCondition": ("text",),
}


def _in_bokmal(factory):
    def make(**kwargs):
        for field in TRANSLATED.get(factory._meta.model.__name__, ()):
            if field in kwargs:
                kwargs[f"{field}_nb"] = kwargs.pop(field)
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
