"""Helpers for the staircase tests: answer the default indicator set by level, put fake evidence
providers in place of the ones other parts of the portal register, and count how often the
providers are asked."""

from collections import Counter
from contextlib import contextmanager

import pytest

from coordination.kernel import contributions
from coordination.models import Indicator
from coordination.staircase import services as staircase
from coordination.staircase.services import Given

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
    """While the block runs, the portal's evidence is the staircase's own (``named_coordinator``)
    and these fakes only, whatever the other parts of the portal register; afterwards the
    registry is the one that was there."""
    registry = {"named_coordinator": contributions.EVIDENCE["named_coordinator"]}
    for key, evidence in providers.items():
        registry[key] = lambda municipality, evidence=evidence: evidence
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(contributions, "EVIDENCE", registry)
        yield


@contextmanager
def counted_evidence():
    """Every registered provider, counting how often each is asked (a Counter by key)."""
    calls: Counter[str] = Counter()

    def counting(key, provider):
        def ask(municipality):
            calls[key] += 1
            return provider(municipality)

        return ask

    registry = {key: counting(key, provider) for key, provider in contributions.EVIDENCE.items()}
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(contributions, "EVIDENCE", registry)
        yield calls
