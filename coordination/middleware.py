from django.conf import settings
from django.utils import translation


class PreferredLanguageMiddleware:
    """Show a logged-in person the site in their preferred language, unless they have just
    chosen another with the language switcher (which sets the language cookie)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = request.user
        languages = dict(settings.LANGUAGES)
        chosen_in_browser = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME) in languages
        if user.is_authenticated and not chosen_in_browser and user.preferred_language in languages:
            translation.activate(user.preferred_language)
            request.LANGUAGE_CODE = user.preferred_language
        return self.get_response(request)
