"""Samspill's starter routines: a set a municipality copies into its own binder and adapts.

Written for this product, one file per routine and language: ``starters/<language>/<key>.md``,
a first line ``# Title`` and then the body. Not gettext: once copied, the text is the
municipality's own and is edited there. A language without its own file gets the bokmål one.
Plain text (numbered steps, blank lines between paragraphs), so that a printed routine binder can
use it as it is. They keep to the ground rules: volunteers never give health care or replace
staff, and only the fact that a police certificate was seen is recorded, never the certificate.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from coordination.kernel.languages import read_in_language

FOLDER = Path(__file__).resolve().parent / "starters"


@dataclass(frozen=True)
class Starter:
    key: str
    step: int
    topic: str

    def text(self, language: str) -> tuple[str, str]:
        """(title, body) in ``language``, or in bokmål when it has no file of its own."""
        heading, _blank, body = read_in_language(FOLDER, f"{self.key}.md", language).partition(
            "\n\n"
        )
        return heading.removeprefix("# ").strip(), body.strip()

    def title(self, language: str) -> str:
        return self.text(language)[0]


STARTER_ROUTINES: list[Starter] = [
    Starter("welcome", step=6, topic="welcoming"),
    Starter("confidentiality", step=5, topic="confidentiality"),
    Starter("police_certificate", step=1, topic="police_certificate"),
    Starter("worried", step=6, topic="worried"),
    Starter("ending", step=6, topic="ending"),
    Starter("follow_up", step=4, topic="follow_up"),
    Starter("transport", step=6, topic="transport"),
    Starter("partner_agreement", step=3, topic="partners"),
    Starter("complaint", step=7, topic="other"),
    Starter("infection", step=5, topic="other"),
    Starter("accident", step=7, topic="other"),
    Starter("mapping", step=2, topic="other"),
    Starter("agenda", step=8, topic="other"),
]


def starter_by_key(key: str) -> Starter | None:
    return next((starter for starter in STARTER_ROUTINES if starter.key == key), None)
