"""Which of a person's volunteer memberships their own pages show.

A person who helps in neighbouring municipalities has one login and one membership in each
(``Volunteer`` rows). Their own pages (My page, profile, declaration, consent, hours, leaving)
show one membership at a time: the one named by ``?in=<municipality number>`` (links in emails
carry it), else the one they chose last in this session, else their first active one."""

from __future__ import annotations

from django.db.models import Count, F
from django.http import HttpRequest
from django.urls import reverse

from volunteers.models import Invitation, InvitationStatus, Volunteer

PARAMETER = "in"
SESSION_KEY = "volunteer_municipality"


def own_memberships(user) -> list[Volunteer]:
    """The person's memberships, active ones first, then in the order they joined."""
    return list(
        Volunteer.objects.filter(user=user)
        .select_related("municipality")
        .prefetch_related("interests")
        .order_by(F("left_at").asc(nulls_first=True), "created_at", "pk")
    )


def own_volunteer(request: HttpRequest) -> Volunteer | None:
    """The membership the person's own pages show now (None: they are not a volunteer)."""
    memberships = own_memberships(request.user)
    request.volunteer_memberships = memberships  # type: ignore[attr-defined]
    if not memberships:
        return None
    asked = request.GET.get(PARAMETER)
    wanted = asked or request.session.get(SESSION_KEY)
    chosen = next((m for m in memberships if m.municipality_id == wanted), memberships[0])
    if asked and chosen.municipality_id == asked:
        request.session[SESSION_KEY] = asked
    return chosen


def own_url(name: str, municipality_id: str, *args) -> str:
    """A link to one of the volunteer's own pages that shows their membership in this
    municipality (for emails and readiness steps)."""
    return f"{reverse(name, args=args)}?{PARAMETER}={municipality_id}"


def with_waiting_invitations(memberships: list[Volunteer]) -> list[Volunteer]:
    """The memberships, each with ``waiting``: how many invitations wait for an answer there
    (so that the switcher shows where something waits). One query."""
    counts = dict(
        Invitation.objects.filter(volunteer__in=memberships, status=InvitationStatus.PENDING)
        .values("volunteer_id")
        .annotate(n=Count("pk"))
        .values_list("volunteer_id", "n")
    )
    for membership in memberships:
        membership.waiting = counts.get(membership.pk, 0)  # type: ignore[attr-defined]
    return memberships
