"""What the portal's own data shows about the staircase's indicators (the providers are
registered with ``contribute.evidence`` by the areas that hold the data), asked once per key and
kept with an answer in every language."""

from __future__ import annotations

from collections.abc import Iterable

from django.utils import translation

from coordination.kernel import contributions, languages
from coordination.kernel.models import Municipality
from coordination.staircase.models import Indicator


def evidence_by_key(
    municipality: Municipality, indicators: Iterable[Indicator]
) -> dict[str, contributions.Evidence]:
    """The portal's evidence for each key these indicators name, asked once per key."""
    found = {}
    for key in {indicator.evidence_key for indicator in indicators if indicator.evidence_key}:
        evidence = contributions.evidence_for(municipality, key)
        if evidence is not None:
            found[key] = evidence
    return found


# language -> evidence key -> what the portal shows, said in that language
EvidenceInLanguages = dict[str, dict[str, contributions.Evidence]]


def evidence_in_every_language(
    municipality: Municipality, indicators: Iterable[Indicator]
) -> EvidenceInLanguages:
    """The evidence said in every language: an answer keeps it as it was that day, and each
    reader later reads it in their own language (the data it came from will have changed)."""
    indicators = list(indicators)
    found = {}
    for code in languages.language_codes():
        with translation.override(code):
            found[code] = evidence_by_key(municipality, indicators)
    return found


def evidence_fields(evidence: EvidenceInLanguages, key: str) -> dict[str, str | bool | None]:
    """An answer's evidence columns: the summary in each language (staircase/translation.py)
    and whether it was met; none where the portal shows nothing for ``key``."""
    seen = {code: by_key[key] for code, by_key in evidence.items() if key in by_key}
    if not seen:
        return {"evidence_met": None}
    fields: dict[str, str | bool | None] = {
        f"evidence_summary_{code}": shown.summary[:300] for code, shown in seen.items()
    }
    fields["evidence_met"] = next(iter(seen.values())).met
    return fields
