"""What a view's request holds, for the type checker: the decorators in ``permissions`` and the
middleware guarantee it (a logged-in person, the municipality of the URL, htmx's details)."""

from __future__ import annotations

from django.http import HttpRequest
from django_htmx.middleware import HtmxDetails

from coordination.kernel.models import Municipality, User


class Request(HttpRequest):
    """Any request: HtmxMiddleware adds whether htmx sent it."""

    htmx: HtmxDetails


class AuthenticatedRequest(Request):
    """A request to a view behind ``login_required`` or ``municipality_view``."""

    user: User


class MunicipalityRequest(AuthenticatedRequest):
    """A request to a ``municipality_view``: the municipality of the URL, checked."""

    municipality: Municipality
