"""The audit log: one line in any view or service records who viewed or changed sensitive data.

    audit.record(request.user, "viewed", volunteer, municipality=..., summary="police certificate")

Events are readable by the coordinators of the municipality (``view_audit_log``).
"""

from __future__ import annotations

from django.db import models

from .models import AuditEvent, Municipality


def record(
    actor,
    verb: str,
    obj: models.Model | None = None,
    *,
    municipality: Municipality | str | None = None,
    summary: str = "",
    object_type: str = "",
) -> AuditEvent:
    """Record one event. ``municipality`` defaults to the object's own (``obj.municipality``).

    ``summary`` is shown to coordinators: name the data, not its content (write "police
    certificate checked", never what the certificate said).
    """
    if verb not in AuditEvent.Verb.values:
        raise ValueError(f"Unknown audit verb {verb!r}")
    if municipality is None:
        municipality = obj if isinstance(obj, Municipality) else obj.municipality_id
    number = municipality.pk if isinstance(municipality, Municipality) else municipality
    actor_ok = actor is not None and getattr(actor, "is_authenticated", False)
    return AuditEvent.objects.create(
        actor=actor if actor_ok else None,
        actor_name=(actor.full_name or actor.email) if actor_ok else "",
        municipality_id=number,
        verb=verb,
        object_type=object_type or (obj._meta.label_lower if obj is not None else ""),
        object_id=str(obj.pk) if obj is not None and obj.pk is not None else "",
        summary=summary[:300],
    )
