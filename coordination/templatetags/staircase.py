"""Filters for the involvement staircase pages."""

from django import template

from coordination.kernel import permissions

register = template.Library()


@register.filter
def sentence(text) -> str:
    """The text ending as a sentence: a full stop is added unless it ends with one (or ! ? …).
    The evidence summaries come from several parts of the portal, written with and without."""
    text = str(text or "").strip()
    if text and text[-1] not in ".!?…":
        text += "."
    return text


@register.filter
def may_open(user, url: str) -> bool:
    """``{% if request.user|may_open:url %}``: show a link only to those who may follow it."""
    return bool(url) and permissions.may_open(user, url)
