import pytest
from django.utils import translation


@pytest.fixture(autouse=True)
def _english():
    """Assertions on the area's sentences are made in English (the msgids)."""
    with translation.override("en"):
        yield


@pytest.fixture
def client_of(client_of):
    """The shared ``client_of``, in English unless a test names another language (the page's
    sentences are asserted in English)."""

    def log_in(user, language: str = "en"):
        return client_of(user, language=language)

    return log_in
