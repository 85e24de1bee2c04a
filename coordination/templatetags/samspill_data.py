"""Filters for showing a person's exported data (nested dicts and lists) as readable HTML."""

from collections.abc import Mapping, Sequence

from django import template

from coordination.kernel.account_data import Shown, label_for

register = template.Library()


@register.filter
def is_mapping(value) -> bool:
    return isinstance(value, Mapping)


@register.filter
def is_sequence(value) -> bool:
    return isinstance(value, Sequence) and not isinstance(value, str)


@register.filter
def humanise_key(key) -> str:
    """``preferred_language`` → ``Språk``: the label the section registered for the key."""
    return label_for(key)


@register.filter
def shown(value) -> str:
    """A code, date or number as the reader says it (``2026-12-04`` → ``4. desember 2026``)."""
    return value.display() if isinstance(value, Shown) else value
