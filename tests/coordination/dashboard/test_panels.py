"""The dashboard's panels are rendered inside the page's context (``{% panel %}``): the context
processors run once for the page, not once more for every panel."""

import copy

import pytest
from django.conf import settings
from django.test import override_settings

pytestmark = pytest.mark.django_db

ASKED: list[str] = []


def counting(request) -> dict:
    """A context processor that notes each time it runs."""
    ASKED.append(request.path)
    return {}


def _templates_with_counting() -> list[dict]:
    templates = copy.deepcopy(settings.TEMPLATES)
    templates[0]["OPTIONS"]["context_processors"].append(f"{__name__}.counting")
    return templates


def test_the_context_processors_run_once_for_the_whole_dashboard(client_of, coordinator_lom):
    ASKED.clear()
    with override_settings(TEMPLATES=_templates_with_counting()):
        page = client_of(coordinator_lom).get("/coordination/3434/")
    assert page.status_code == 200 and "dashboard-cell" in page.content.decode()
    assert ASKED == ["/coordination/3434/"]
