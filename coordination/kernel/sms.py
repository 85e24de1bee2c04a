"""Text messages (SMS) to people who chose them: one small interface whatever the provider.

    sms.send_sms(to=volunteer.user, text=text, municipality=m, purpose="needs.invitation")

``send_sms`` checks and normalises the number (Norwegian mobiles only: ``+47`` and eight digits
starting with 4 or 9; anything else is refused with a ``ValidationError`` a person understands),
stores the message as an ``SmsMessage`` in the current transaction and sends it through the
outbox (``kernel.outbox``) to a Celery task, ``tasks.send_sms_message``. Nothing is lost when
the provider fails or does not answer: the message stays pending, is tried again by
``tasks.resend_due_sms`` (every minute) after a growing pause (``BACKOFF``), and is given up
after ``MAX_ATTEMPTS``; then ``sms_given_up`` is sent, and the volunteers app puts the person on
the coordinator's call list. A message is claimed before each attempt, so two deliveries of the
same task send it once.

The backend is chosen by settings (environment variables, ``coordination/settings.py``):

- ``SMS_BACKEND=console`` (the default): the message is written to the log, nothing is sent.
- ``SMS_BACKEND=http``: the message is posted to a provider's JSON API::

      POST {SMS_HTTP_URL}
      Authorization: Bearer {SMS_HTTP_TOKEN}
      Content-Type: application/json
      Idempotency-Key: samspill-sms-<id>

      {"to": "+4791234567", "from": "{SMS_SENDER}", "text": "…", "reference": "samspill-sms-<id>"}

  Any 2xx answer means the provider took the message (an ``id`` in a JSON answer is kept as
  the provider's reference); any other status, a connection error or no answer within
  ``SMS_TIMEOUT_SECONDS`` is a failed attempt. The same reference is sent on every attempt, so
  a provider that honours it never delivers a message twice when only its answer was lost.

The person's text goes only into the message body (JSON-encoded): never into a header or URL.
"""

from __future__ import annotations

import json
import logging
import re
import urllib.error
import urllib.request
from datetime import timedelta
from typing import Any, Protocol

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.dispatch import Signal
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from coordination.kernel import languages, outbox
from coordination.kernel.models import Municipality, SmsMessage, User

logger = logging.getLogger(__name__)

# Three SMS segments: a message longer than this is a letter, and belongs in an email.
MAX_LENGTH = 480
# Attempts before a message is given up and the person is phoned instead.
MAX_ATTEMPTS = 5
# The pause after the n-th failed attempt (the last one repeats).
BACKOFF = [timedelta(minutes=1), timedelta(minutes=5), timedelta(minutes=30), timedelta(hours=2)]
# A claimed message is left alone this long by other deliveries (longer than any time-out).
CLAIM = timedelta(minutes=5)
# A new message's own task is given this long before the resend job sends it again.
FIRST_GRACE = timedelta(minutes=2)
SEND_TASK = "coordination.kernel.tasks.send_sms_message"

# Sent with ``message`` (an SmsMessage) when a message is given up for good.
sms_given_up = Signal()


class SmsError(Exception):
    """The provider did not take the message (the reason, for the coordinator)."""


def normalise_phone(value: str) -> str:
    """``value`` as ``+47XXXXXXXX``, for any Norwegian number written the usual ways
    (``912 34 567``, ``+47 912 34 567``, ``0047 91234567``); ValidationError otherwise."""
    digits = re.sub(r"[\s\-.()]", "", value or "")
    if not digits:
        raise ValidationError(_("There is no phone number."), code="missing")
    if digits.startswith("+"):
        digits = "00" + digits[1:]
    if not digits.isdigit():
        raise ValidationError(
            _("«%(value)s» is not a phone number: use digits only, e.g. 912 34 567.")
            % {"value": value},
            code="invalid",
        )
    if digits.startswith("0047"):
        digits = digits[4:]
    elif digits.startswith("00"):
        raise ValidationError(_("Only Norwegian phone numbers (+47) can be used."), code="foreign")
    elif len(digits) == 10 and digits.startswith("47"):
        digits = digits[2:]
    if len(digits) != 8:
        raise ValidationError(
            _("«%(value)s» is not a Norwegian phone number: it has eight digits, e.g. 912 34 567.")
            % {"value": value},
            code="invalid",
        )
    return "+47" + digits


def normalise_mobile(value: str) -> str:
    """A number that can receive text messages: a Norwegian mobile (starting with 4 or 9)."""
    number = normalise_phone(value)
    if number[3] not in "49":
        raise ValidationError(
            _("%(number)s is not a mobile number, so it cannot receive text messages.")
            % {"number": number},
            code="not_mobile",
        )
    return number


def can_receive_sms(to: User | str | None) -> bool:
    """Whether the person (or the number) is a mobile number a text message can go to."""
    number = to.phone if isinstance(to, User) else to
    if not number:
        return False
    try:
        normalise_mobile(number)
    except ValidationError:
        return False
    return True


def send_sms(
    *,
    to: User | str,
    text: str,
    municipality: Municipality | str,
    purpose: str = "",
) -> SmsMessage:
    """Store the message and send it after the current transaction commits (a rolled-back
    change sends nothing). ``to`` is a person (their phone) or a number. ValidationError for a
    number that cannot receive it or a text that is empty or too long."""
    recipient = to if isinstance(to, User) else None
    number = normalise_mobile(recipient.phone if recipient is not None else str(to))
    text = text.strip()
    if not text:
        raise ValidationError(_("The text message is empty."), code="empty")
    if len(text) > MAX_LENGTH:
        raise ValidationError(
            _("A text message has at most %(max)d characters.") % {"max": MAX_LENGTH},
            code="too_long",
        )
    message = SmsMessage.objects.create(
        municipality_id=getattr(municipality, "pk", municipality),
        recipient=recipient,
        to=number,
        text=text,
        purpose=purpose,
    )
    outbox.send(SEND_TASK, message=message.pk)
    return message


def send_text(
    *,
    to: User | str,
    template: str,
    context: dict[str, Any] | None = None,
    municipality: Municipality | str,
    purpose: str = "",
) -> SmsMessage:
    """``template`` (a ``.txt``, short) rendered in ``to``'s language and sent to their phone,
    as ``mail.send_email`` does for emails; to a bare number (someone without a login) in the
    municipality's written standard."""
    context = {"recipient": to, **(context or {})}
    language = (
        languages.language_of_person(to, municipality)
        if isinstance(to, User)
        else languages.language_of_municipality(municipality)
    )
    with translation.override(language):
        text = render_to_string(template, context)
    return send_sms(to=to, text=" ".join(text.split()), municipality=municipality, purpose=purpose)


# --- backends -------------------------------------------------------------------------------


class Backend(Protocol):
    def send(self, *, to: str, sender: str, text: str, reference: str) -> str:
        """Hand the message over; the provider's id (or ""). SmsError when it was not taken."""
        ...


class ConsoleBackend:
    """Writes the message to the log: development and demos."""

    def send(self, *, to: str, sender: str, text: str, reference: str) -> str:
        logger.info("SMS %s from %s to %s:\n%s", reference, sender, to, text)
        return ""


class HttpBackend:
    """Posts the message to a provider's JSON API (the request shape is in the docstring)."""

    def __init__(self, url: str, token: str, timeout: float) -> None:
        if not url.startswith(("https://", "http://")):
            raise SmsError("SMS_HTTP_URL is not an http(s) address")
        self.url, self.token, self.timeout = url, token, timeout

    def send(self, *, to: str, sender: str, text: str, reference: str) -> str:
        body = json.dumps({"to": to, "from": sender, "text": text, "reference": reference})
        request = urllib.request.Request(  # noqa: S310 (the scheme is checked above)
            self.url,
            data=body.encode(),
            method="POST",
            headers={
                "Authorization": f"Bearer {self.token}",
                "Content-Type": "application/json",
                "Accept": "application/json",
                "Idempotency-Key": reference,
            },
        )
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:  # noqa: S310
                answer = response.read(10_000)
        except urllib.error.HTTPError as error:
            raise SmsError(f"the provider answered {error.code}") from None
        except TimeoutError:
            raise SmsError(f"no answer from the provider in {self.timeout:g} s") from None
        except (urllib.error.URLError, OSError) as error:
            reason = getattr(error, "reason", error)
            if isinstance(reason, TimeoutError):
                raise SmsError(f"no answer from the provider in {self.timeout:g} s") from None
            raise SmsError(f"the provider could not be reached: {reason}") from None
        try:
            return str(json.loads(answer).get("id", ""))[:100]
        except (ValueError, AttributeError):
            return ""


def backend() -> Backend:
    """The backend the settings choose."""
    if settings.SMS_BACKEND == "http":
        return HttpBackend(
            settings.SMS_HTTP_URL, settings.SMS_HTTP_TOKEN, settings.SMS_TIMEOUT_SECONDS
        )
    if settings.SMS_BACKEND == "console":
        return ConsoleBackend()
    raise SmsError(f"unknown SMS_BACKEND {settings.SMS_BACKEND!r}")


# --- sending, once, and again -----------------------------------------------------------------


def reference_of(message: SmsMessage) -> str:
    return f"samspill-sms-{message.pk}"


def attempt(message_id: int) -> str:
    """Try to send one message, if it is still pending and due: claimed first, so that two
    deliveries of the same task send it once. Returns its status afterwards ("" if unknown)."""
    now = timezone.now()
    claimed = SmsMessage.objects.filter(
        pk=message_id, status=SmsMessage.Status.PENDING, next_attempt_at__lte=now
    ).update(next_attempt_at=now + CLAIM)
    message = SmsMessage.objects.filter(pk=message_id).first()
    if message is None:
        return ""
    if not claimed:
        return message.status
    message.attempts += 1
    try:
        message.provider_id = backend().send(
            to=message.to, sender=settings.SMS_SENDER, text=message.text,
            reference=reference_of(message),
        )  # fmt: skip
    except SmsError as error:
        message.last_error = str(error)[:500]
        if message.attempts >= MAX_ATTEMPTS:
            message.status = SmsMessage.Status.FAILED
        else:
            pause = BACKOFF[min(message.attempts, len(BACKOFF)) - 1]
            message.next_attempt_at = timezone.now() + pause
        logger.warning("SMS %s attempt %s failed: %s", message.pk, message.attempts, error)
    else:
        message.status = SmsMessage.Status.SENT
        message.sent_at = timezone.now()
        message.last_error = ""
    message.save(
        update_fields=[
            "attempts", "last_error", "status", "next_attempt_at", "sent_at", "provider_id",
        ]
    )  # fmt: skip
    if message.status == SmsMessage.Status.FAILED:
        sms_given_up.send(sender=SmsMessage, message=message)
    return message.status


def due(now=None):
    """Pending messages whose pause is over: a failed attempt, or a first task the queue lost
    (given ``FIRST_GRACE`` to run before it is sent again)."""
    now = now or timezone.now()
    return SmsMessage.objects.filter(
        Q(attempts__gt=0) | Q(created_at__lt=now - FIRST_GRACE),
        status=SmsMessage.Status.PENDING,
        next_attempt_at__lte=now,
    )


def resend_due(now=None) -> int:
    """Send each due message's task again through the outbox; how many."""
    ids = list(due(now).order_by("next_attempt_at", "pk").values_list("pk", flat=True)[:500])
    for pk in ids:
        outbox.send(SEND_TASK, message=pk)
    return len(ids)
