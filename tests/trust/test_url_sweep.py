"""The authorization sweep: every URL pattern of the project, as every persona, GET and POST,
against the declared table in tests/trust/access/. One test per URL pattern, named by its URL
name (``test_every_url_as_every_persona[coordination:partner_detail]``), so a failure names its
URL; the personas and Lom's objects are made once for the module. Also checks, on every HTML
page, the security headers that must hold everywhere: CSP without inline scripts, nosniff, a
same-origin referrer policy, and no-store for logged-in people."""

import re
from dataclasses import dataclass

import pytest
from django.core.cache import cache
from django.db import transaction
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from coordination.models import Membership
from tests.trust import world
from tests.trust.access import (
    ACCESS,
    NAMESPACE_ACCESS,
    PERSONAS,
    PK_OBJECT,
    Login,
    LoginStep,
    Owner,
    Public,
    Roles,
    Staff,
    Token,
)

# A sample value for each URL argument. ``pk`` is replaced by a Lom object in the test.
SAMPLES = {
    "municipality": "3434",
    "object_id": "1",
    "id": "1",
    "content_type_id": "1",
    "app_label": "coordination",
    "key": "x",
    "uidb36": "1",
    "url": "x",
    "document": "responsibility-map",  # a printed document's name (issue 14)
    "token": "x" * 32,  # a public link's secret (issue 14)
    "grant_maker": "1",  # a grant-maker's id (issue 16); the sweep names the world's own
}
LOGIN_URL = "/accounts/login/"


@dataclass
class Route:
    key: str  # URL name, or the route itself for an unnamed pattern
    namespace: str
    pattern: URLPattern
    route: str

    def url(self, pk: int, **known) -> str:
        """The URL with ``pk`` and the ``known`` arguments (the world's grant-maker), the rest
        from SAMPLES."""
        arguments = set(self.pattern.pattern.converters) | set(
            self.pattern.pattern.regex.groupindex
        )
        values = {
            name: (pk if name == "pk" else known.get(name, SAMPLES[name])) for name in arguments
        }
        if self.pattern.name:
            return reverse(self.key, kwargs=values)
        path = re.sub(r"<(?:\w+:)?(\w+)>", lambda m: str(values[m.group(1)]), self.route)
        path = re.sub(r"\(\?P<(\w+)>[^)]*\)", lambda m: str(values[m.group(1)]), path)
        return "/" + path.lstrip("^").rstrip("$")


def all_routes() -> list[Route]:
    found = []

    def walk(patterns, namespace, prefix):
        for entry in patterns:
            if isinstance(entry, URLResolver):
                inner = ":".join(n for n in (namespace, entry.namespace) if n)
                walk(entry.url_patterns, inner, prefix + str(entry.pattern))
            else:
                route = prefix + str(entry.pattern)
                name = f"{namespace}:{entry.name}" if namespace and entry.name else entry.name
                found.append(Route(name or route, namespace, entry, route))

    walk(get_resolver().url_patterns, "", "")
    return found


def rule_for(route: Route):
    top = route.namespace.split(":")[0]
    return ACCESS.get(route.key) or NAMESPACE_ACCESS.get(top)


def test_urls_carry_ids_and_tokens_only_never_personal_data():
    """Every URL argument is a number, an id or a secret token (listed in SAMPLES); a new
    argument name, such as an email or a name, fails here."""
    unknown = {
        (route.key, argument)
        for route in all_routes()
        for argument in set(route.pattern.pattern.converters)
        | set(route.pattern.pattern.regex.groupindex)
        if argument not in SAMPLES and argument != "pk"
    }
    assert unknown == set()


ROUTES = all_routes()


def test_every_url_pattern_has_a_declared_rule():
    routes = all_routes()
    missing = [r.key for r in routes if rule_for(r) is None]
    assert missing == [], f"URLs with no rule in tests/trust/access/: {missing}"
    stale = set(ACCESS) - {r.key for r in routes}
    assert stale == set(), f"rules for URLs that no longer exist: {stale}"


def _problem(rule, persona: str, response) -> str | None:
    """What is wrong with this response under the declared rule, if anything."""
    status = response.status_code
    location = response.get("Location", "") if status in (301, 302) else ""
    to_login = location.startswith(LOGIN_URL)
    anonymous = persona == "anonymous"
    if status >= 500:
        return f"server error {status}"
    match rule:
        case Public() | Token():
            if to_login:
                return "a public page sent the visitor to login"
            if status == 403 or (status == 404 and isinstance(rule, Public)):
                return f"a public page answered {status}"
        case LoginStep():
            if status == 403:
                return "a login step answered 403"
        case Login() | Owner():
            if anonymous and not to_login:
                return f"anonymous not sent to login ({status} {location})"
            if not anonymous and (status == 403 or to_login):
                return f"logged-in person refused ({status} {location})"
            if not anonymous and status == 404 and isinstance(rule, Login):
                return "logged-in person got 404 on a page for everyone logged in"
        case Roles(allowed=allowed):
            if anonymous and not to_login:
                return f"anonymous not sent to login ({status} {location})"
            if persona in allowed and status in (403, 404):
                return f"the role's holder was refused with {status}"
            if not anonymous and persona not in allowed and status != 404:
                return f"expected 404 for a persona without the role, got {status}"
        case Staff():
            if status == 200:
                return "a non-staff person reached the admin"
            if anonymous and status != 302:
                return f"anonymous not redirected away from the admin ({status})"
    return None


def _header_problem(persona: str, response) -> str | None:
    if not response.get("Content-Type", "").startswith("text/html") or response.status_code >= 300:
        return None
    policy = response.get("Content-Security-Policy", "")
    script_src = re.search(r"script-src ([^;]*)", policy)
    if not script_src or "'unsafe-inline'" in script_src.group(1):
        return f"CSP missing or allows inline scripts: {policy!r}"
    if persona != "anonymous" and "no-store" not in response.get("Cache-Control", ""):
        return "page for a logged-in person may be stored (no Cache-Control: no-store)"
    if response.get("X-Content-Type-Options") != "nosniff":
        return "X-Content-Type-Options: nosniff missing"
    if response.get("Referrer-Policy") != "same-origin":
        return "Referrer-Policy: same-origin missing"
    return None


@pytest.fixture(scope="module")
def sweep_media(tmp_path_factory):
    return tmp_path_factory.mktemp("sweep-media")


@pytest.fixture(autouse=True)
def _private_media(settings, sweep_media):
    """As in tests/conftest.py, but one folder for the module: Lom's files are stored once."""
    settings.MEDIA_ROOT = sweep_media


@pytest.fixture(scope="module")
def sweep_world(django_db_setup, django_db_blocker, sweep_media):
    """The personas and Lom's objects, made once for every URL's test and removed after the
    last: each test runs inside this transaction and rolls back its own changes."""
    with world.made_once(django_db_blocker, sweep_media) as made:
        yield made


@pytest.fixture(scope="module")
def tally(request):
    """URL patterns and requests swept, shown at the end of the run (tests/conftest.py)."""
    counts = {"routes": 0, "requests": 0}
    yield counts
    if counts["routes"]:
        share = round(100 * counts["routes"] / len(ROUTES))
        summary = f"URL sweep: {counts['routes']} of {len(ROUTES)} URL patterns ({share} %), "
        summary += f"{len(PERSONAS)} personas, GET and POST: {counts['requests']} requests"
        config = request.config
        config.samspill_summary = [*getattr(config, "samspill_summary", []), summary]


@pytest.mark.django_db
@pytest.mark.parametrize("route", ROUTES, ids=[route.key for route in ROUTES])
def test_every_url_as_every_persona(route, sweep_world, tally):
    personas, lom_object, lom_objects = sweep_world
    rule = rule_for(route)
    url = route.url(
        lom_objects[PK_OBJECT.get(route.key, "membership")].pk,
        grant_maker=lom_objects["grant_maker"].pk,
    )
    problems = []
    for persona in PERSONAS:
        for method in ("get", "post"):
            cache.clear()  # rate limits would otherwise mask outcomes
            client = Client()
            if persona != "anonymous":
                client.force_login(personas[persona])
            with transaction.atomic():
                response = getattr(client, method)(url)
                transaction.set_rollback(True)  # every request starts from the same data
            tally["requests"] += 1
            for found in (
                _problem(rule, persona, response),
                _header_problem(persona, response),
            ):
                if found:
                    problems.append(f"{method.upper()} {url} as {persona}: {found}")
    tally["routes"] += 1
    assert problems == [], "\n".join(problems)
    assert Membership.objects.filter(pk=lom_object.pk).exists()
