"""The routine binder (rutineperm) as a printed document: a cover with the municipality's name,
a table of contents with page numbers, one part per step of the 8 (each on a new page) with
every approved routine in its approved version, the appendices other areas contribute
(``contribute.binder_sections``: the responsibility map, the annual wheel, the contact list,
the partners, the confidentiality declaration) and an alphabetical index with page numbers.

Page numbers are WeasyPrint's: each entry links to an anchor and the print stylesheet writes
``target-counter(attr(href), page)`` after it, so they are right however the pages fall.

An index term points at the section it belongs to; a section's template may mark the exact
place with ``data-index-term="{{ term }}"`` on an element (a unit's row in the contact list),
and the entry then points there instead. An appendix whose context has ``"wide": True`` (the
responsibility map's grid) is printed on A4 landscape pages."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from django.template.loader import render_to_string
from django.utils import translation
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from coordination.kernel import contributions
from coordination.kernel.contributions import BinderSection
from coordination.kernel.documents import Composed, compose
from coordination.kernel.models import Municipality
from coordination.kernel.steps import STEP_DESCRIPTIONS, Step
from coordination.routines.models import Routine

DOCUMENT = "binder"
TEMPLATE = "documents/binder.html"
ROUTINE_TEMPLATE = "coordination/routines/_binder_routine.html"

_NUMBERED = re.compile(r"^(\d{1,3})[.)]\s+(.*)$")
_BULLET = re.compile(r"^[-–•*]\s+(.*)$")
_PARAGRAPHS = re.compile(r"\n[ \t]*\n")
_NOT_IN_AN_ID = re.compile(r"[^A-Za-z0-9_-]+")
# The binder's own anchors (binder.html): a section's key never takes one.
_RESERVED = frozenset({"contents", "contents-title", "index", *(f"step-{n}" for n in Step.values)})


def binder_title(municipality: Municipality) -> str:
    """The document's title in the active language."""
    return _("Routine binder – %(name)s") % {"name": municipality.name}


# --- A routine's text ----------------------------------------------------------------------


def text_blocks(body: str) -> list[dict]:
    """A routine's plain text as blocks to print: paragraphs are separated by a blank line; a
    paragraph whose every line is numbered ("1. …") is a numbered list, one whose every line
    starts with a dash a bullet list; any other keeps its line breaks. Nothing is markup."""
    blocks: list[dict] = []
    for paragraph in _PARAGRAPHS.split(body.replace("\r\n", "\n").strip()):
        lines = [line.strip() for line in paragraph.split("\n") if line.strip()]
        if not lines:
            continue
        numbered = [_NUMBERED.match(line) for line in lines]
        bullets = [_BULLET.match(line) for line in lines]
        if all(numbered):
            items = [(int(m.group(1)), m.group(2)) for m in numbered if m]
            blocks.append({"kind": "ol", "items": items})
        elif all(bullets):
            blocks.append({"kind": "ul", "items": [m.group(1) for m in bullets if m]})
        else:
            blocks.append({"kind": "p", "lines": lines})
    return blocks


def routine_sections(municipality: Municipality) -> list[BinderSection]:
    """One section per routine in the binder (approved, not archived), under its step, in its
    approved version: a newer draft is not printed until it is approved."""
    routines = (
        Routine.objects.readable()
        .in_municipality(municipality)
        .select_related("approved_version", "owner")
    )
    sections = []
    for routine, version in sorted(
        ((routine, routine.approved_version) for routine in routines),
        key=lambda pair: (pair[0].step, sort_key(pair[1].title if pair[1] else ""), pair[0].pk),
    ):
        assert version is not None  # readable() has an approved version
        sections.append(
            BinderSection(
                key=f"routine-{routine.pk}",
                title=version.title,
                template=ROUTINE_TEMPLATE,
                context={
                    "routine": routine,
                    "version": version,
                    "owner": routine.owner.full_name or "",
                    "topic": routine.get_topic_display(),
                    "blocks": text_blocks(version.body),
                },
                step=routine.step,
                index_terms=(version.title,),
            )
        )
    return sections


# --- The binder ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Part:
    """A section rendered for the binder: its anchor, title, HTML and index entries."""

    key: str
    title: str
    step: int | None
    html: SafeString
    terms: list[tuple[str, str]] = field(default_factory=list)  # (term, anchor)
    wide: bool = False


def _anchor(key: str, taken: set[str]) -> str:
    """``key`` as an id that is safe in HTML and not used yet."""
    anchor = _NOT_IN_AN_ID.sub("-", key).strip("-") or "section"
    candidate, number = anchor, 1
    while candidate in taken or candidate in _RESERVED or candidate[0].isdigit():
        number += 1
        candidate = f"s-{anchor}-{number}"
    taken.add(candidate)
    return candidate


def _render(section: BinderSection, municipality: Municipality, taken: set[str]) -> Part:
    """The section's template rendered (autoescaped), with an id added on the first element
    its template marked for each index term."""
    key = _anchor(section.key, taken)
    html = str(
        render_to_string(
            section.template, {**section.context, "municipality": municipality, "section_key": key}
        )
    )
    terms = []
    unique = dict.fromkeys(term.strip() for term in section.index_terms if term and term.strip())
    for number, term in enumerate(unique, start=1):
        marker = f'data-index-term="{escape(term)}"'
        anchor = f"{key}-term-{number}"
        if marker in html:
            html = html.replace(marker, f'id="{anchor}" {marker}', 1)
        else:
            anchor = key
        terms.append((term, anchor))
    # The template's own output, autoescaped; only ids made of [A-Za-z0-9_-] were added.
    return Part(
        key=key,
        title=section.title,
        step=section.step,
        html=mark_safe(html),  # noqa: S308
        terms=terms,
        wide=bool(section.context.get("wide")),
    )


_LETTERS_AFTER_Z = {"æ": "{", "ä": "{", "ø": "|", "ö": "|", "å": "}"}


def sort_key(term: str) -> tuple[str, str]:
    """Norwegian alphabetical order: æ, ø, å after z; other accents as their letter."""
    letters = []
    for char in term.casefold():
        if char in _LETTERS_AFTER_Z:
            letters.append(_LETTERS_AFTER_Z[char])
        else:
            letters.append(unicodedata.normalize("NFD", char)[0])
    return "".join(letters), term


def _letter(term: str) -> str:
    first = term[:1].upper()
    if first in "ÆØÅ":
        return first
    base = unicodedata.normalize("NFD", first)[:1]
    return base if base.isalpha() else "#"


def build_index(parts: list[Part]) -> list[dict]:
    """The index: letters, each with its terms in Norwegian order and the anchors each term
    is found at (one page number each)."""
    entries: dict[str, dict] = {}
    for part in parts:
        for term, anchor in part.terms:
            entry = entries.setdefault(term.casefold(), {"term": term, "anchors": []})
            if anchor not in entry["anchors"]:
                entry["anchors"].append(anchor)
    letters: dict[str, list[dict]] = {}
    for entry in sorted(entries.values(), key=lambda entry: sort_key(entry["term"])):
        letters.setdefault(_letter(entry["term"]), []).append(entry)
    return [{"letter": letter, "entries": found} for letter, found in letters.items()]


def compose_binder(municipality: Municipality, language: str) -> Composed:
    """The municipality's routine binder in ``language``, ready to typeset."""
    with translation.override(language):
        title = binder_title(municipality)
        taken: set[str] = set()
        parts = [
            _render(section, municipality, taken)
            for section in contributions.binder_sections(municipality)
        ]
        steps = [
            {
                "number": step.value,
                "name": str(step.label),
                "description": str(STEP_DESCRIPTIONS[step]),
                "key": f"step-{step.value}",
                "parts": [part for part in parts if part.step == step.value],
            }
            for step in Step
        ]
        appendices = [part for part in parts if part.step not in Step.values]
        routines = sum(
            1 for part in parts if part.step is not None and part.key.startswith("routine-")
        )
        index = build_index(parts)
    return compose(
        template=TEMPLATE,
        context={
            "municipality": municipality,
            "steps": steps,
            "appendices": appendices,
            "index": index,
            "routine_count": routines,
        },
        title=title,
        language=language,
        header=municipality.name,
    )
