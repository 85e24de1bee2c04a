"""Email to a person, always in the language they chose (``User.preferred_language``).

Each email is two templates beside each other: ``<name>_subject.txt`` (one line) and
``<name>.txt`` (the body); ``recipient`` is in the context of both."""

from __future__ import annotations

from typing import Any

from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.utils import translation

from coordination.kernel.models import Membership, Municipality, Role, User
from coordination.kernel.text import render_subject


def send_email(*, to: User, template: str, context: dict[str, Any] | None = None) -> str:
    """Render ``template`` in ``to``'s language and send it; returns the address written to."""
    context = {"recipient": to, **(context or {})}
    with translation.override(to.preferred_language):
        subject = render_subject(f"{template}_subject.txt", context)
        body = render_to_string(f"{template}.txt", context)
    send_mail(subject, body, None, [to.email])
    return to.email


def email_coordinators(
    *, municipality: Municipality, template: str, context: dict[str, Any] | None = None
) -> list[str]:
    """The same email to each active coordinator of the municipality, each in their language;
    returns the addresses written to."""
    coordinators = (
        Membership.objects.in_municipality(municipality)
        .filter(role=Role.COORDINATOR, user__is_active=True)
        .select_related("user")
    )
    return [
        send_email(to=membership.user, template=template, context=context)
        for membership in coordinators
    ]
