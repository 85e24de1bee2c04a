"""CI is deterministic: with CI set, hypothesis tries the same examples on every run."""

import os

from hypothesis import settings

from tests.conftest import hypothesis_profile
from tests.trust.hostile import few, hostile


def test_ci_chooses_the_derandomized_profile_and_a_developer_the_exploring_one():
    assert hypothesis_profile({"CI": "true"}) == "ci"
    assert hypothesis_profile({"CI": "1"}) == "ci"
    assert hypothesis_profile({}) == "dev"
    assert hypothesis_profile({"CI": "false"}) == "dev"
    assert hypothesis_profile({"CI": "true", "HYPOTHESIS_PROFILE": "dev"}) == "dev"


def test_the_ci_profile_is_derandomized_without_an_example_database():
    ci = settings.get_profile("ci")
    assert ci.derandomize is True
    assert ci.database is None
    assert 10 <= ci.max_examples <= 100
    dev = settings.get_profile("dev")
    assert dev.derandomize is False and dev.database is None


def test_the_hostile_input_settings_inherit_the_loaded_profile():
    """They are built on the default when their module is imported, after conftest chose."""
    derandomized = hypothesis_profile(os.environ) == "ci"
    assert settings.default.derandomize is derandomized
    assert hostile.derandomize is derandomized and few.derandomize is derandomized
