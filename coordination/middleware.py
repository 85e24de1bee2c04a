from django.conf import settings
from django.middleware.locale import LocaleMiddleware
from django.utils import translation
from django.utils.cache import patch_cache_control


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


class PrivatePagesMiddleware:
    """Every response to a logged-in person may hold personal data: never let a browser or a
    proxy store it (shared computers at libraries and day centres are common)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            patch_cache_control(response, no_store=True, no_cache=True, private=True, max_age=0)
        return response


class MalformedSessionCookieMiddleware:
    """Ignore a session cookie that cannot be a session key (Django's keys are lowercase
    letters and digits). A forged one with a NUL byte would otherwise reach PostgreSQL, which
    refuses it with a server error. Must come before SessionMiddleware."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        name = settings.SESSION_COOKIE_NAME
        value = request.COOKIES.get(name)
        if value is not None and not (value.isascii() and value.isalnum()):
            del request.COOKIES[name]
        return self.get_response(request)
