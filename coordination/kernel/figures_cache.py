"""Figures the dashboard may show up to a minute old: counts over a whole municipality (its
100 000 volunteers) kept in the cache per municipality, so a busy overview counts them once a
minute rather than on every request (issue 17: the overview was half the workers' time).

Only numbers go in: no text (so no language in the key) and nothing that depends on who is
looking, since the panels check permissions on every request and take from the cache only what
is the same for everyone allowed to see it. A write a person makes on one of the
municipality's pages forgets its figures (``ForgetFiguresOnWriteMiddleware``), so their own
change shows at once; other changes (a volunteer signing at home) show within the minute, and
the page says so (a panel built from them is ``Panel(..., may_be_old=True)``).

The key carries the code's version (a fingerprint of the project's own modules): after a
deploy that changes what a panel counts, or the shape it keeps, no process reads figures that
older code kept (a rolling deploy runs both for a while; the cache outlives them)."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from functools import cache as once
from functools import wraps
from pathlib import Path
from typing import Any

from django.apps import apps
from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse

FRESH_FOR = 60  # seconds

# Every name in use, so that one write forgets them all. Names are given at import (the
# decorator below, in the contributions modules every process imports), never at first use.
NAMES: set[str] = set()


@once
def code_version() -> str:
    """A fingerprint of the source of the project's apps (not of the libraries): the same in
    every process of one deploy, different after any change to the code. Read once per
    process (some 470 files, tens of milliseconds)."""
    digest = hashlib.blake2b(digest_size=8)
    base = Path(settings.BASE_DIR).resolve()
    for config in sorted(apps.get_app_configs(), key=lambda config: config.name):
        path = Path(config.path).resolve()
        if path.is_relative_to(base) and "site-packages" not in path.parts:
            for module in sorted(path.rglob("*.py")):
                digest.update(str(module.relative_to(base)).encode())
                digest.update(module.read_bytes())
    return digest.hexdigest()


def _key(name: str, number: str) -> str:
    return f"figures:{code_version()}:{number}:{name}"


def per_municipality[T](
    name: str, *, seconds: int = FRESH_FOR
) -> Callable[[Callable[[Any], T]], Callable[[Any], T]]:
    """Decorates ``count(municipality) -> numbers`` so that it counts at most once in
    ``seconds`` per municipality; ``name`` tells one panel's figures from another's. The
    undecorated function stays at ``__wrapped__``."""
    NAMES.add(name)

    def decorate(count: Callable[[Any], T]) -> Callable[[Any], T]:
        @wraps(count)
        def cached(municipality) -> T:
            key = _key(name, getattr(municipality, "pk", municipality))
            found = cache.get(key)
            if found is None:
                found = count(municipality)
                cache.set(key, found, seconds)
            return found

        return cached

    return decorate


def forget_for_municipality(municipality) -> None:
    """Count ``municipality``'s figures anew at the next request."""
    number = getattr(municipality, "pk", municipality)
    cache.delete_many([_key(name, number) for name in NAMES])


class ForgetFiguresOnWriteMiddleware:
    """After a write on a municipality's page (a POST that did not fail, by someone the page's
    permission let in: ``municipality_view`` set ``request.municipality``), forget that
    municipality's figures, so the coordinator's own change is on the dashboard at once."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        municipality = getattr(request, "municipality", None)
        if (
            municipality is not None
            and request.method not in ("GET", "HEAD", "OPTIONS", "TRACE")
            and response.status_code < 400
        ):
            forget_for_municipality(municipality)
        return response
