"""Filters for showing a person's exported data (nested dicts and lists) as readable HTML."""

from collections.abc import Mapping, Sequence

from django import template

register = template.Library()


@register.filter
def is_mapping(value) -> bool:
    return isinstance(value, Mapping)


@register.filter
def is_sequence(value) -> bool:
    return isinstance(value, Sequence) and not isinstance(value, str)


@register.filter
def humanise_key(key) -> str:
    """``preferred_language`` → ``Preferred language``."""
    return str(key).replace("_", " ").capitalize()
