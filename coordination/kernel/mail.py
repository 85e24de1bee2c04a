"""Email to a person in their language: the one they chose, else the written standard of the
municipality the email is about (or that they belong to), else bokmål (``kernel.languages``).

Each email is two templates beside each other: ``<name>_subject.txt`` (one line) and
``<name>.txt`` (the body); ``recipient`` is in the context of both, and ``sender`` (who signs
for the municipality, ``kernel.contact.sender_for``) in the body: every body ends with the one
signature partial, ``partials/email/_signature.txt``. The email comes from Samspill
(``DEFAULT_FROM_EMAIL``); replies go to the municipality's coordinator (Reply-To)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django.core.mail import EmailMessage, mailers
from django.template.loader import render_to_string
from django.utils import translation

from coordination.kernel import languages
from coordination.kernel.contact import Sender, sender_for
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
    language = languages.language_of_person(to, municipality)
    return _send(to.email, template, context, language, municipality)


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
    language = languages.language_of_municipality(municipality)
    return _send(address, template, context, language, municipality)


def _send(
    address: str,
    template: str,
    context: dict[str, Any],
    language: str,
    municipality: Municipality | str | None,
) -> str:
    _compose(address, template, context, language, sender_for(municipality)).send()
    return address


def _compose(
    address: str, template: str, context: dict[str, Any], language: str, sender: Sender | None
) -> EmailMessage:
    context.setdefault("sender", sender)
    with translation.override(language):
        subject = render_subject(f"{template}_subject.txt", context)
        body = render_to_string(f"{template}.txt", context)
    reply_to = [sender.reply_to] if sender and sender.reply_to else []
    return EmailMessage(subject, body, None, [address], reply_to=reply_to)


def compose_email(
    *,
    to: User,
    template: str,
    context: dict[str, Any] | None = None,
    municipality: Municipality,
    sender: Sender | None,
    language: str | None = None,
) -> EmailMessage:
    """The email ``send_email`` would send, not sent: a job that writes to many people composes
    them with the municipality's ``sender_for`` (and the recipient's ``language_of_person``, when
    it knows it) looked up once per municipality, and hands them to ``send_emails``."""
    context = {"recipient": to, **(context or {})}
    language = language or languages.language_of_person(to, municipality)
    return _compose(to.email, template, context, language, sender)


def send_emails(messages: Sequence[EmailMessage]) -> int:
    """Send composed emails over one connection to the mail server (not one each)."""
    if not messages:
        return 0
    return mailers.default.send_messages(list(messages))


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
