"""Activity types' names in every language of ``settings.LANGUAGES`` (django-modeltranslation),
falling back to bokmål: the shipped types come translated; a municipality's own type may be
named in its written standard only."""

from modeltranslation.translator import TranslationOptions, register

from activities.catalogue.models import ActivityType


@register(ActivityType)
class ActivityTypeTranslation(TranslationOptions):
    fields = ("name",)
    required_languages = ("nb",)
