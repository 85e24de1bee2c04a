"""Samspill's starter roles: a visiting friend and a driver in elder care, each saying in
plain words what the volunteer does and does not do. A coordinator starts from one on the role
list and adapts it; the demo uses them too.

Written for this product, one file per role and language: ``starters/<language>/<key>.md`` holds
``# Name``, then what you do and then what you do not do, one thing a line, the three blocks
separated by a blank line. A language without its own file gets the bokmål one. Not gettext: once
saved, the text is the municipality's own and is edited there. They keep to the ground rules:
volunteers never give health care, never replace staff in statutory tasks, never handle money
or keys. Whether a role requires a police certificate, which kinds and why is deliberately
left out: the coordinator decides and writes the legal basis."""

from __future__ import annotations

from pathlib import Path

from coordination.kernel.languages import read_in_language

FOLDER = Path(__file__).resolve().parent / "starters"

# key -> the interest a volunteer ticks for this kind of role
STARTER_ROLES = {"visiting_friend": "visiting_friend", "driver": "transport"}


def starter_role(key: str, language: str) -> dict | None:
    """The starter role ``key`` in ``language``, as the fields of a role: name, interest,
    what_you_do, what_you_do_not_do."""
    if key not in STARTER_ROLES:
        return None
    name, what_you_do, what_you_do_not_do = (
        read_in_language(FOLDER, f"{key}.md", language).strip().split("\n\n")
    )
    return {
        "name": name.removeprefix("# ").strip(),
        "interest": STARTER_ROLES[key],
        "what_you_do": what_you_do.strip(),
        "what_you_do_not_do": what_you_do_not_do.strip(),
    }


def starter_choices(language: str) -> list[tuple[str, str]]:
    return [(key, starter_role(key, language)["name"]) for key in STARTER_ROLES]  # type: ignore[index]
