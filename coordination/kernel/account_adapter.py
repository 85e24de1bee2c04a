"""allauth's account adapter: where a person lands after logging in, the client's address
behind trusted proxies, failed logins counted per account and address, and allauth's emails
signed "Samspill" rather than with the host name."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit

from allauth.account.adapter import DefaultAccountAdapter
from django.conf import settings
from django.contrib.sites.shortcuts import get_current_site
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest
from django.urls import reverse

from coordination.kernel.client_ip import client_ip
from coordination.kernel.permissions import municipalities_for


def landing_url(user) -> str:
    """Where this person's work is: the coordination overview when they work in exactly one
    municipality (coordinators, volunteer contacts, grant officers); otherwise My page, which lets
    someone with several municipalities choose, and is a volunteer's home (waiting invitations
    first)."""
    coordinated = municipalities_for(user, "view_municipality")
    if len(coordinated) == 1:
        return reverse("coordination:overview", args=[coordinated[0]])
    return reverse("coordination:my_page")


PRODUCT_NAME = "Samspill"


@dataclass(frozen=True)
class NamedSite:
    """What allauth's email templates read as ``current_site``: the product's name, and the
    domain people reach it at (without django.contrib.sites the name would be the host)."""

    name: str
    domain: str


class AccountAdapter(DefaultAccountAdapter):
    """Landing after login; the client address read as ``client_ip`` says; failed logins
    counted per account *and* address, so a stranger cannot lock someone else out by guessing."""

    def get_login_redirect_url(self, request) -> str:
        # A safe ?next= is followed before allauth asks the adapter.
        return landing_url(request.user)

    def send_mail(self, template_prefix: str, email: str, context: dict) -> None:
        # "Hello from Samspill!", not "Hello from samspill.no!" (allauth's templates, in each
        # language through allauth's catalogue and ours for nynorsk).
        named = NamedSite(name=PRODUCT_NAME, domain=urlsplit(settings.SITE_URL).netloc)
        super().send_mail(template_prefix, email, {**context, "current_site": named})

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
