import logging
import sys

from django.conf import settings
from django.http import HttpResponse
from django.middleware.locale import LocaleMiddleware
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.cache import patch_cache_control
from django.views import defaults
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

from coordination.kernel.languages import language_for_request

logger = logging.getLogger(__name__)


class LanguageMiddleware(LocaleMiddleware):
    """Activates the language ``kernel.languages.language_for_request`` picks (the person's
    choice, the switcher's cookie, the municipality's written standard, bokmål). Must come
    after AuthenticationMiddleware. A municipality's page is known once its URL is resolved
    (``process_view``), from the URL's own arguments: no second resolving of the path."""

    def process_request(self, request):
        self._activate(request, language_for_request(request))

    def process_view(self, request, view_func, view_args, view_kwargs):
        number = view_kwargs.get("municipality")
        if isinstance(number, str):
            self._activate(request, language_for_request(request, number))

    @staticmethod
    def _activate(request, language: str) -> None:
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


def _cache_unavailable(error: BaseException) -> bool:
    """True for a cache (or broker) that does not answer: Redis refused or timed out."""
    return isinstance(error, RedisConnectionError | RedisTimeoutError)


def service_unavailable(request) -> HttpResponse:
    """A page in plain words for an outage of the cache, which rate limits need: the person is
    told to try again in a minute. Rendered without the site's context (which may need what is
    down), in bokmål and English like the 500 page; never stored."""
    response = HttpResponse(render_to_string("503.html"), status=503)
    response["Retry-After"] = "60"
    patch_cache_control(response, no_store=True, no_cache=True, private=True, max_age=0)
    return response


class ServiceUnavailableMiddleware:
    """Turn a cache that does not answer (Redis down: logins' rate limits need it) into a 503
    page instead of a server error. The cache's short timeouts (settings) make it quick."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not _cache_unavailable(exception):
            return None
        logger.warning("cache unavailable on %s: %s", request.path, exception)
        return service_unavailable(request)


def server_error(request) -> HttpResponse:
    """handler500: a cache outage met outside a view (in a middleware) is a 503 page too."""
    error = sys.exc_info()[1]
    if error is not None and _cache_unavailable(error):
        return service_unavailable(request)
    return defaults.server_error(request)
