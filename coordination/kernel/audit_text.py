"""The sentence of an audit event, made in the reader's language when the log is read: the
registry of sentences by code and how one event is said. Below the models (which say their own
events with it) and below ``audit``, which records events and takes the apps' sentences."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from django.utils.translation import gettext as _

if TYPE_CHECKING:
    from coordination.kernel.models import AuditEvent

# Stored in place of a person's name once that person is anonymised; shown in words when read.
ANONYMISED = "[anonymised]"

Message = Callable[[dict], str]
MESSAGES: dict[str, Message] = {}


def shown(value: object) -> object:
    """A stored parameter as the reader sees it (an anonymised name in words)."""
    return _("an anonymised person") if value == ANONYMISED else value


def message_for(event: AuditEvent) -> str:
    """The event's details in the active language."""
    make = MESSAGES.get(event.code)
    if make is None:
        return event.summary.replace(ANONYMISED, _("an anonymised person"))
    params = {key: shown(value) for key, value in (event.params or {}).items()}
    try:
        return make(params)
    except (KeyError, ValueError, TypeError):
        return event.summary or event.code
