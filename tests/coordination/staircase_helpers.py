"""Helpers for the staircase tests: answer the default indicator set by level, and register fake
evidence providers for keys other parts of the portal will provide."""

from contextlib import contextmanager

from coordination import contributions
from coordination.models import Indicator
from coordination.services import staircase
from coordination.services.staircase import Given

LETTERS = {"y": "yes", "p": "partly", "n": "no", "-": ""}


def indicators() -> list[Indicator]:
    return list(Indicator.objects.active().in_order())


def given(pattern: dict[int, str] | str = "n", comment: str = "") -> dict[int, Given]:
    """Answers for every active indicator: ``{1: "yyyy", 2: "yyyyp"}`` gives each level's
    indicators these answers in order (the last letter repeats); a plain letter for all."""
    if isinstance(pattern, str):
        pattern = dict.fromkeys(range(1, 6), pattern)
    position: dict[int, int] = {}
    found = {}
    for indicator in indicators():
        number = indicator.level.number
        index = position.get(number, 0)
        position[number] = index + 1
        codes = pattern.get(number, "n")
        found[indicator.pk] = Given(LETTERS[codes[min(index, len(codes) - 1)]], comment)
    return found


def complete(municipality, by, pattern: dict[int, str] | str = "n"):
    return staircase.save_assessment(
        municipality=municipality, by=by, answers=given(pattern), complete=True
    )


LEVEL_TWO_GOING_ON_THREE = {1: "yyyy", 2: "yyyyp", 3: "yyyppnyp", 4: "pnnnpnnnn", 5: "n"}


@contextmanager
def fake_evidence(**providers: contributions.Evidence):
    """Register these keys as evidence while the block runs, then put back what was there."""
    before = {key: contributions.EVIDENCE.get(key) for key in providers}
    for key, evidence in providers.items():
        contributions.EVIDENCE[key] = lambda municipality, evidence=evidence: evidence
    try:
        yield
    finally:
        for key, old in before.items():
            if old is None:
                contributions.EVIDENCE.pop(key, None)
            else:
                contributions.EVIDENCE[key] = old
