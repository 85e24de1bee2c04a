"""The client's address, for rate limits (allauth's and the portal's own, which go through
allauth's adapter): behind proxies every request comes from the proxy, so each trusted proxy's
entry in X-Forwarded-For is read, exactly as far as ``TRUSTED_PROXY_COUNT`` says and no further
(an address the client wrote into the header itself is never trusted)."""

from __future__ import annotations

import ipaddress
import logging

from allauth.account.adapter import DefaultAccountAdapter
from django.conf import settings
from django.contrib.sites.shortcuts import get_current_site
from django.core.exceptions import PermissionDenied
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


class AccountAdapter(DefaultAccountAdapter):
    """allauth's adapter, with the client address read as above and failed logins counted per
    account *and* address, so a stranger cannot lock someone else out by guessing."""

    def get_client_ip(self, request: HttpRequest) -> str:
        found = client_ip(request)
        if not found:
            raise PermissionDenied("Unable to determine client IP address")
        return found

    def _get_login_attempts_cache_key(self, request: HttpRequest, **credentials) -> str:
        # allauth's key is the site and the login; with the address, five wrong passwords lock
        # the account for that address only (its own per-address limit still applies).
        site = get_current_site(request)
        login = credentials.get("email", credentials.get("username", "")).lower()
        return f"{site.domain}:{login}:{self.get_client_ip(request)}"
