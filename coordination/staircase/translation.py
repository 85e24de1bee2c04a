"""The staircase's texts in every language of ``settings.LANGUAGES`` (django-modeltranslation):
``level.name`` reads the active language's column and falls back to bokmål when it is empty;
the admin shows one field per language."""

from modeltranslation.translator import TranslationOptions, register

from coordination.staircase.models import Answer, Indicator, StaircaseLevel


@register(StaircaseLevel)
class StaircaseLevelTranslation(TranslationOptions):
    fields = ("name", "description")
    required_languages = ("nb",)


@register(Indicator)
class IndicatorTranslation(TranslationOptions):
    fields = ("text", "next_step")
    required_languages = ("nb",)


@register(Answer)
class AnswerTranslation(TranslationOptions):
    """What the portal's data showed when the answer was given, said in every language then
    (staircase.evidence.evidence_in_every_language)."""

    fields = ("evidence_summary",)
