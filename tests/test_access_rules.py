"""Every view of the project goes through the permission module: each carries the access rule
set by one of its decorators (public, login_required, municipality_view)."""

from django.urls import URLPattern, URLResolver, get_resolver

PROJECT_APPS = ("coordination.", "volunteers.", "activities.", "grants.")


def _project_views():
    def walk(patterns):
        for entry in patterns:
            if isinstance(entry, URLResolver):
                yield from walk(entry.url_patterns)
            elif isinstance(entry, URLPattern):
                yield str(entry.pattern), entry.callback

    for route, view in walk(get_resolver().url_patterns):
        if view.__module__.startswith(PROJECT_APPS):
            yield route, view


def test_every_project_view_declares_its_access_rule():
    views = list(_project_views())
    assert len(views) >= 8
    missing = [route for route, view in views if not hasattr(view, "access_rule")]
    assert missing == [], f"views without an access rule: {missing}"
