"""Email to a person in their language: the one they chose, else the written standard of the
municipality the email is about (or that they belong to), else bokmål (``kernel.languages``).

Each email is two templates beside each other: ``<name>_subject.txt`` (one line) and
``<name>.txt`` (the body); ``recipient`` is in the context of both."""

from __future__ import annotations

from typing import Any

from django.core.mail import send_mail
from django.template.loader import render_to_string
from django.utils import translation

from coordination.kernel import languages
from coordination.kernel.models import Membership, Municipality, Role, User
from coordination.kernel.text import render_subject


def send_email(
    *,
    to: User,
    template: str,
    context: dict[str, Any] | None = None,
    municipality: Municipality | str | None = None,
) -> str:
    """Render ``template`` in ``to``'s language and send it; returns the address written to.
    ``municipality`` is the one the email is about (its written standard is the fallback)."""
    context = {"recipient": to, **(context or {})}
    if municipality is None and isinstance(context.get("municipality"), Municipality):
        municipality = context["municipality"]
    with translation.override(languages.language_of_person(to, municipality)):
        subject = render_subject(f"{template}_subject.txt", context)
        body = render_to_string(f"{template}.txt", context)
    send_mail(subject, body, None, [to.email])
    return to.email


def send_email_to_address(
    *,
    address: str,
    template: str,
    context: dict[str, Any] | None = None,
    municipality: Municipality | str | None = None,
) -> str:
    """As ``send_email``, to someone who has no account (an invitation, a request to start
    Samspill): written in the municipality's written standard, else bokmål."""
    context = {"recipient_email": address, **(context or {})}
    with translation.override(languages.language_of_municipality(municipality)):
        subject = render_subject(f"{template}_subject.txt", context)
        body = render_to_string(f"{template}.txt", context)
    send_mail(subject, body, None, [address])
    return address


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
        send_email(
            to=membership.user, template=template, context=context, municipality=municipality
        )
        for membership in coordinators
    ]
