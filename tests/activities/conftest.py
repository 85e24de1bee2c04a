import pytest
from django.utils import translation


@pytest.fixture(autouse=True)
def messages_in_english():
    """Services' messages are read in English here (what a person reads in Norwegian is the
    catalogues', checked by tests/test_translations.py and the browser tests). Pages choose
    their own language per request."""
    with translation.override("en"):
        yield
