"""allauth's account adapter: where a person lands after logging in."""

from __future__ import annotations

from allauth.account.adapter import DefaultAccountAdapter
from django.urls import reverse

from .permissions import municipalities_for


def landing_url(user) -> str:
    """Where this person's work is: the coordination overview when they work in exactly one
    municipality (coordinators, volunteer contacts, grant officers); otherwise My page, which lets
    someone with several municipalities choose, and is a volunteer's home (waiting invitations
    first)."""
    coordinated = municipalities_for(user, "view_municipality")
    if len(coordinated) == 1:
        return reverse("coordination:overview", args=[coordinated[0]])
    return reverse("coordination:my_page")


class AccountAdapter(DefaultAccountAdapter):
    def get_login_redirect_url(self, request) -> str:
        # A safe ?next= is followed before allauth asks the adapter.
        return landing_url(request.user)
