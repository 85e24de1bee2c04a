"""The default staircase indicators and the portal's evidence providers fit together: every
evidence key an indicator names is provided by some part of the portal, and every provider
answers for a real municipality with a plain sentence."""

import pytest

from coordination.kernel import contributions
from coordination.models import Indicator

pytestmark = pytest.mark.django_db


def test_every_indicator_evidence_key_has_a_provider():
    named = set(Indicator.objects.exclude(evidence_key="").values_list("evidence_key", flat=True))
    assert len(named) >= 10
    assert named - set(contributions.EVIDENCE) == set()


def test_every_provider_answers_for_an_empty_municipality(lom):
    for key in sorted(contributions.EVIDENCE):
        evidence = contributions.evidence_for(lom, key)
        assert evidence is not None and evidence.summary.strip(), key
        assert evidence.met is False, f"{key} is met with no data at all"
