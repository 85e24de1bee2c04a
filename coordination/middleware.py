from django.conf import settings
from django.middleware.locale import LocaleMiddleware
from django.utils import translation


class LanguageMiddleware(LocaleMiddleware):
    """Bokmål unless the person has chosen otherwise: first the language switcher's cookie,
    then the preferred language on their account. The browser's Accept-Language is not used:
    many Norwegians run English browsers but expect their municipality's portal in Norwegian.
    Must come after AuthenticationMiddleware."""

    def process_request(self, request):
        languages = dict(settings.LANGUAGES)
        language = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        if language not in languages:
            user = getattr(request, "user", None)
            preferred = getattr(user, "preferred_language", None) if user else None
            language = preferred if preferred in languages else settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = translation.get_language()
