"""The audit log: one line in any view or service records who viewed or changed sensitive data.

    audit.record(request.user, "viewed", volunteer, code="volunteer.viewed", params={"name": ...})

An event stores a ``code`` and its ``params``, never a sentence: the sentence is made in the
reader's language when the log is read (``audit_text.message_for``). Other apps register the
sentences of their codes with ``contribute.audit_messages({...})`` in their contributions.py;
the kernel's own are below. Old events from before codes keep their ``summary`` text.
Events are readable by the coordinators of the municipality (``view_audit_log``).
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal, InvalidOperation

from django.db import models
from django.db.models import Q
from django.utils.formats import number_format
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, gettext_noop, ngettext_lazy

from coordination.kernel.audit_text import ANONYMISED, MESSAGES, Message
from coordination.kernel.models import AuditEvent, Membership, Municipality, Role
from coordination.kernel.permissions import municipality_of


def _formatter(text: str | Promise) -> Message:
    def format_text(params: dict) -> str:
        # A plural made with ngettext_lazy(singular, plural, "count") picks its form from params.
        return str(text % params) if params else str(text)

    return format_text


def register_messages(messages: dict[str, str | Promise | Message]) -> None:
    """``code → sentence`` (a lazy string with ``%(param)s`` places, or
    ``ngettext_lazy(singular, plural, "count")``) or ``code → function of the params`` for
    sentences that need a translated choice."""
    for code, text in messages.items():
        MESSAGES[code] = _formatter(text) if isinstance(text, str | Promise) else text


def record(
    actor,
    verb: str,
    obj: models.Model | None = None,
    *,
    municipality: Municipality | str | None = None,
    code: str = "",
    params: dict | None = None,
    summary: str = "",
    object_type: str = "",
) -> AuditEvent:
    """Record one event. ``municipality`` defaults to the object's own (``obj.municipality``).

    ``code`` and ``params`` say what happened; the sentence is registered for the code. Name
    the data, not its content (``police certificate checked``, never what the certificate said).
    """
    if verb not in AuditEvent.Verb.values:
        raise ValueError(f"Unknown audit verb {verb!r}")
    if code and code not in MESSAGES:
        raise ValueError(f"Unknown audit code {code!r}")
    if municipality is None:
        if obj is None:
            raise TypeError("An event about no object names its municipality.")
        municipality = municipality_of(obj)
    number = municipality.pk if isinstance(municipality, Municipality) else municipality
    actor_ok = actor is not None and getattr(actor, "is_authenticated", False)
    return AuditEvent.objects.create(
        actor=actor if actor_ok else None,
        actor_name=(actor.full_name or actor.email) if actor_ok else "",
        municipality_id=number,
        verb=verb,
        object_type=object_type or (obj._meta.label_lower if obj is not None else ""),
        object_id=str(obj.pk) if obj is not None and obj.pk is not None else "",
        code=code,
        params=params or {},
        summary=summary[:300],
    )


def forget_person(*, user, municipality_id: str, object_type: str = "", object_id: str = "") -> int:
    """Take a person's name out of a municipality's audit log (they were anonymised): as the
    one who acted, where the event is about them, and wherever their name was written down.
    Their actions stay in the log, made by "an anonymised person". Returns events changed."""
    names = [n for n in {user.full_name.strip(), user.email.strip()} if len(n) >= 3]
    about = Q(pk__in=[])
    if object_type and object_id:
        about = Q(object_type=object_type, object_id=object_id)
    for name in names:
        about |= Q(summary__icontains=name) | Q(params__icontains=name)
        escaped = name.encode("ascii", "backslashreplace").decode().replace("\\x", "\\u00")
        if escaped != name:  # JSON on SQLite is stored with \uXXXX escapes
            about |= Q(params__icontains=escaped)
    holds_role = Membership.objects.filter(user=user, municipality_id=municipality_id).exists()
    acted = Q(pk__in=[]) if holds_role else Q(actor=user)
    changed = 0
    for event in AuditEvent.objects.filter(Q(municipality_id=municipality_id) & (about | acted)):
        if not holds_role and event.actor_id == user.pk:
            event.actor, event.actor_name = None, ANONYMISED
        event.params = {key: _forget(value, names) for key, value in event.params.items()}
        event.summary = _forget(event.summary, names)
        event.save(update_fields=["actor", "actor_name", "params", "summary"])
        changed += 1
    return changed


def _forget(value, names: Iterable[str]):
    if not isinstance(value, str):
        return value
    for name in names:
        if value.strip().casefold() == name.casefold():
            return ANONYMISED
        if name.casefold() in value.casefold():
            start = value.casefold().index(name.casefold())
            value = value[:start] + ANONYMISED + value[start + len(name) :]
    return value


# --- The sentences of coordination's codes -----------------------------------------------------


def _role(params: dict) -> str:
    role = Role(params["role"]).label if params["role"] in Role.values else params["role"]
    return _("%(role)s: %(name)s") % {"role": role, "name": params["name"]}


def _invitation(text: str):
    def sentence(params: dict) -> str:
        role = Role(params["role"]).label if params["role"] in Role.values else params["role"]
        return _(text) % {"role": role, "who": params.get("email") or params.get("name", "")}

    return sentence


def _public_contact(params: dict) -> str:
    shown = ", ".join(value for value in (params.get("name"), params.get("phone")) if value)
    return _("Public contact: %(shown)s") % {"shown": shown or _("nothing personal shown")}


def amount(value) -> str:
    """A stored decimal (``"3.50"``) in the reader's number format."""
    try:
        return number_format(Decimal(str(value)), 2)
    except (InvalidOperation, ValueError):
        return str(value)


register_messages(
    {
        "partner.linked": gettext_lazy("Partner linked from another municipality: %(name)s"),
        "partner.saved": gettext_lazy("Partner: %(name)s"),
        "partner.linked_by": gettext_lazy("Partner %(name)s linked by %(by)s"),
        "partner.changed_by": gettext_lazy("Partner: %(name)s (changed by %(by)s)"),
        "partner.contact": gettext_lazy("Contact person at %(partner)s"),
        "partner.offer": gettext_lazy("Offer from %(partner)s"),
        "agreement.saved": gettext_lazy("Agreement: %(title)s"),
        "agreement.reopened": gettext_lazy("Agreement reopened: %(title)s"),
        # issue 13: a party's own screening of its volunteers (police certificate) accepted
        "agreement.screening_accepted": gettext_lazy(
            "%(title)s: the screening %(name)s does of its own volunteers is accepted"
        ),
        "agreement.screening_withdrawn": gettext_lazy(
            "%(title)s: the screening %(name)s does of its own volunteers is no longer accepted"
        ),
        "agreement.document_downloaded": gettext_lazy("Signed agreement downloaded"),
        "unit.saved": gettext_lazy("Unit: %(name)s"),
        "unit.contact": gettext_lazy("%(unit)s: %(name)s"),
        "forum.meeting": gettext_lazy("Forum meeting"),
        "forum.minutes": gettext_lazy("Minutes of a forum meeting"),
        "membership.role": _role,
        # issue 13: a role given to an address before its owner has an account
        "invitation.created": _invitation(gettext_noop("Invitation to the role %(role)s: %(who)s")),
        "invitation.withdrawn": _invitation(
            gettext_noop("Invitation withdrawn, %(role)s: %(who)s")
        ),
        "invitation.accepted": _invitation(gettext_noop("Invitation accepted, %(role)s: %(who)s")),
        "public_contact.saved": _public_contact,
        "wheel.event": gettext_lazy("Annual wheel event"),
        "responsibility.cells": ngettext_lazy("%(count)s cell", "%(count)s cells", "count"),
        "responsibility.row": gettext_lazy("%(name)s"),
        "staircase.assessed": gettext_lazy(
            "Staircase assessment completed: level %(level)s, score %(score)s"
        ),
        "staircase.named": gettext_lazy("Named in staircase comparisons"),
        "staircase.not_taking_part": gettext_lazy("Does not take part in staircase comparisons"),
        "staircase.anonymous": gettext_lazy("Anonymous in staircase comparisons"),
        "routine.created": gettext_lazy("Routine"),
        "routine.version": gettext_lazy("Routine, version %(number)s"),
        "routine.approved": gettext_lazy("Routine approved, version %(number)s"),
        "routine.archived": gettext_lazy("Routine archived"),
        "routine.people": gettext_lazy("Routine owner and co-authors"),
        "job.refused": gettext_lazy(
            "A background job was stopped: the person who started it may no longer do this"
        ),
        "file.downloaded": gettext_lazy("%(title)s"),
    }
)
