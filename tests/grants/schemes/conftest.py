import pytest
from django.utils import translation


@pytest.fixture(autouse=True)
def _english():
    """Assertions on the area's sentences are made in English (the msgids)."""
    with translation.override("en"):
        yield
