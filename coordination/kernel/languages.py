"""Which language a person sees, and texts kept as one file per language.

The order (issue 12, README "Languages"): the person's own choice when logged in; otherwise the
language switcher's cookie; otherwise, on a municipality's pages, the municipality's written
standard (målform); otherwise, for a logged-in person, the written standard of the municipality
they belong to; otherwise bokmål. The browser's Accept-Language is not used: many Norwegians run
English browsers but expect their municipality's portal in Norwegian.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import TypeGuard

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest
from django.utils.translation import pgettext_lazy

from coordination.kernel import permissions
from coordination.kernel.models import Municipality, User

# A municipality's written standard -> the language its pages and letters use. A "neutral"
# municipality (it has chosen neither) gets the default, bokmål.
LANGUAGE_OF_STANDARD: dict[str, str] = {
    Municipality.LanguageForm.BOKMAL: "nb",
    Municipality.LanguageForm.NYNORSK: "nn",
}
_STANDARDS_CACHE_KEY = "samspill:municipality-languages"

# A language named inside a sentence ("copied in nynorsk"), lowercase in Norwegian; the
# switcher's names (settings.LANGUAGES) are each in their own language instead.
NAME_IN_A_SENTENCE = {
    "nb": pgettext_lazy("language named in a sentence", "bokmål"),
    "nn": pgettext_lazy("language named in a sentence", "nynorsk"),
    "en": pgettext_lazy("language named in a sentence", "English"),
}


def language_codes() -> list[str]:
    """Every language the portal speaks, from ``settings.LANGUAGES`` (the one list)."""
    return [code for code, _name in settings.LANGUAGES]


def is_language(code: object) -> TypeGuard[str]:
    return isinstance(code, str) and code in language_codes()


def _languages_of_municipalities() -> dict[str, str]:
    """Number -> language for every municipality whose written standard is not bokmål's
    default. 357 rows that change once in years: cached for an hour, not queried per request."""
    found = cache.get(_STANDARDS_CACHE_KEY)
    if found is None:
        found = {
            number: LANGUAGE_OF_STANDARD[standard]
            for number, standard in Municipality.objects.values_list("number", "language_form")
            if LANGUAGE_OF_STANDARD.get(standard, settings.LANGUAGE_CODE) != settings.LANGUAGE_CODE
        }
        cache.set(_STANDARDS_CACHE_KEY, found, 3600)
    return found


def forget_municipality_languages() -> None:
    """Call after changing a municipality's written standard."""
    cache.delete(_STANDARDS_CACHE_KEY)


def language_of_municipality(municipality: Municipality | str | None) -> str:
    if municipality is None:
        return settings.LANGUAGE_CODE
    number = municipality.pk if isinstance(municipality, Municipality) else municipality
    return _languages_of_municipalities().get(number, settings.LANGUAGE_CODE)


def _home_municipalities(user: User) -> Iterable[str]:
    """The municipalities a person belongs to: their roles first, then where they volunteer
    (both cached on the user object for the request, so the permission checks reuse them)."""
    yield from sorted(permissions.roles_by_municipality(user))
    yield from sorted(permissions.volunteer_places(user))


def language_of_person(user: User, municipality: Municipality | str | None = None) -> str:
    """The language to write to ``user`` in (emails, files made for them): their own choice,
    else the written standard of ``municipality`` (what the message is about) or of the first
    municipality they belong to, else bokmål."""
    if is_language(user.preferred_language):
        return user.preferred_language
    if municipality is None and user.is_authenticated:
        municipality = next(iter(_home_municipalities(user)), None)
    return language_of_municipality(municipality)


def language_for_request(request: HttpRequest, municipality: str | None = None) -> str:
    """``municipality``: the number in the page's URL, when the page is a municipality's."""
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated and is_language(user.preferred_language):
        return user.preferred_language
    chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
    if is_language(chosen):
        return chosen
    if municipality is not None:
        return language_of_municipality(municipality)
    if user is not None and user.is_authenticated:
        return language_of_person(user)
    return settings.LANGUAGE_CODE


def read_in_language(folder: Path, name: str, language: str) -> str:
    """``folder/<language>/<name>``, or the bokmål file when that language has none: texts
    written per language as files (starter routines, the declaration), not as gettext."""
    for code in (language, settings.LANGUAGE_CODE):
        path = folder / code / name
        if path.is_file():
            return path.read_text(encoding="utf-8")
    raise FileNotFoundError(folder / settings.LANGUAGE_CODE / name)
