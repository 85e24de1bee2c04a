"""What a round's public page shows, in the reader's language (django-modeltranslation),
falling back to bokmål: the scheme's name and purpose, its criteria and eligibility conditions.
The shipped criteria come translated; an officer may write in one language only."""

from modeltranslation.translator import TranslationOptions, register

from grants.schemes.models import Criterion, EligibilityCondition, Scheme


@register(Scheme)
class SchemeTranslation(TranslationOptions):
    fields = ("name", "purpose")
    required_languages = ("nb",)


@register(Criterion)
class CriterionTranslation(TranslationOptions):
    fields = ("name", "description")
    required_languages = ("nb",)


@register(EligibilityCondition)
class EligibilityConditionTranslation(TranslationOptions):
    fields = ("text",)
    required_languages = ("nb",)
