"""The client's address, for rate limits (allauth's and the portal's own, which go through
allauth's adapter in account_adapter.py): behind proxies every request comes from the proxy, so
each trusted proxy's entry in X-Forwarded-For is read, exactly as far as ``TRUSTED_PROXY_COUNT``
says and no further (an address the client wrote into the header itself is never trusted)."""

from __future__ import annotations

import ipaddress
import logging

from django.conf import settings
from django.http import HttpRequest

logger = logging.getLogger(__name__)


def _clean(address: str) -> str | None:
    address = address.strip()
    if address.startswith("[") and "]" in address:  # [::1]:443
        address = address[1 : address.index("]")]
    elif address.count(":") == 1:  # 203.0.113.5:1234
        address = address.split(":", 1)[0]
    try:
        return str(ipaddress.ip_address(address))
    except ValueError:
        return None


def client_ip(request: HttpRequest) -> str | None:
    """With N trusted proxies, the Nth address from the right of X-Forwarded-For is the one
    the outermost trusted proxy saw; with none, the connection's own address."""
    count = settings.TRUSTED_PROXY_COUNT
    if count > 0:
        header = request.headers.get("x-forwarded-for", "")
        forwarded = [part.strip() for part in header.split(",") if part.strip()]
        if len(forwarded) >= count:
            found = _clean(forwarded[-count])
            if found:
                return found
        # Fewer entries than trusted proxies: the request did not come through them all (or
        # they are set up differently); fall back to the connection, never to the header.
        if forwarded:
            logger.warning(
                "X-Forwarded-For has %s entries, TRUSTED_PROXY_COUNT is %s", len(forwarded), count
            )
    return _clean(request.META.get("REMOTE_ADDR", ""))
