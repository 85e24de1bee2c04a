"""One-line text: names, areas and titles end up in email subjects, where a line break makes
the mail library refuse the whole message (and a notification is silently lost). Such fields
are cleaned on input (``OneLineCharField``), and subjects are rendered as plain text on one
line (``render_subject``)."""

from __future__ import annotations

import re
import unicodedata

from django import forms
from django.template import Context, Engine

# Line and paragraph separators count as line breaks in mail headers and editors alike.
_BREAKS = {"\u2028", "\u2029", "\u0085"}
_SPACES = re.compile(r"\s+")


def one_line(value: str) -> str:
    """CR, LF, tabs and every other control character become spaces; runs of spaces become
    one; no spaces at either end."""
    if not value:
        return value
    cleaned = "".join(
        " " if ch in _BREAKS or unicodedata.category(ch) == "Cc" else ch for ch in value
    )
    return _SPACES.sub(" ", cleaned).strip()


class OneLineCharField(forms.CharField):
    """A CharField for a one-line value (a name, an area, a title): what was pasted with line
    breaks is kept, on one line. Use it for every such field that can reach an email, e.g.
    ``Meta.field_classes = {"area": OneLineCharField}`` in a ModelForm."""

    def to_python(self, value):
        value = super().to_python(value)
        return one_line(value) if isinstance(value, str) else value


def render_subject(template_name: str, context: dict) -> str:
    """An email subject from a template: plain text (no HTML escaping: «O'Brien», never
    «O&#x27;Brien») on one line."""
    template = Engine.get_default().get_template(template_name)  # not the backend's wrapper
    return one_line(template.render(Context(context, autoescape=False)))


def plural_count(quantity) -> int:
    """The number ``ngettext`` chooses the form by, for a quantity that may have decimals (1.5
    hours): only exactly one takes the singular. gettext wants a whole number."""
    return 1 if quantity == 1 else 2
