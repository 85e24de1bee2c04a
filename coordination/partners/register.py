"""The lookup in the Central Coordinating Register for Legal Entities (Brønnøysundregistrene):
the name an organisation is registered under and whether it is in the Register of Non-Profit
Organisations. Run by a background job after a partner's number is saved, never in a request;
its own module so that the job (``tasks.py``) and the services that enqueue it import it
without importing each other."""

from __future__ import annotations

import json
import logging
import urllib.error
import urllib.request
from typing import Any

from django.conf import settings
from django.utils import timezone

from coordination.partners.models import PartnerOrganisation

logger = logging.getLogger(__name__)

# How long the register lookup may take before it gives up (the worker is not held up).
REGISTER_TIMEOUT_SECONDS = 5


def _lookup_url(number: str) -> str | None:
    """The address to ask about ``number`` (BRREG_LOOKUP_URL filled in), or None (logged)
    when the setting cannot give one."""
    try:
        url = settings.BRREG_LOOKUP_URL.format(number=number)
    except (KeyError, IndexError, ValueError) as error:
        logger.warning(
            "Register lookup of %s failed: BRREG_LOOKUP_URL is malformed (%s)", number, error
        )
        return None
    if not url.startswith(("https://", "http://")):
        logger.warning("Register lookup of %s failed: BRREG_LOOKUP_URL is not http(s)", number)
        return None
    return url


def _ask(url: str, number: str) -> tuple[bool, dict[str, Any]] | None:
    """What the register answered: (found, its data), ``(False, {})`` when it does not know
    the number (404 or 410), None (logged) when it did not answer."""
    request = urllib.request.Request(url, headers={"Accept": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=REGISTER_TIMEOUT_SECONDS) as response:  # noqa: S310
            data = json.loads(response.read(1_000_000).decode("utf-8"))
        if not isinstance(data, dict):
            raise ValueError("not a JSON object")
    except urllib.error.HTTPError as error:
        if error.code not in (404, 410):
            logger.warning("Register lookup of %s failed: HTTP %s", number, error.code)
            return None
        return False, {}
    except (OSError, ValueError) as error:  # network, timeout, not JSON
        logger.warning("Register lookup of %s failed: %s", number, error)
        return None
    return True, data


def look_up_in_register(*, organisation: PartnerOrganisation) -> bool:
    """Ask the register about the organisation and store what it says. A failure is logged
    and leaves what was stored as it was. True when the register answered."""
    number = organisation.organisation_number
    if not settings.BRREG_LOOKUP_URL or not number:
        return False
    url = _lookup_url(number)
    answer = _ask(url, number) if url else None
    if answer is None:
        return False
    organisation.register_found, data = answer
    organisation.register_name = str(data.get("navn") or "")[:200]
    voluntary = data.get("registrertIFrivillighetsregisteret")
    organisation.in_voluntary_register = voluntary if isinstance(voluntary, bool) else None
    organisation.register_checked_at = timezone.now()
    organisation.save(
        update_fields=[
            "register_found",
            "register_name",
            "in_voluntary_register",
            "register_checked_at",
        ]
    )
    return True
