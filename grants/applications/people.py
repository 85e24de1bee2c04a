"""The people of an application and of a grant-maker, looked up in one place: who speaks for
the applicant, and who runs the grant-maker's grants."""

from __future__ import annotations

from django.db.models import QuerySet

from coordination.kernel.models import GrantMaker, GrantRole, Membership, Role, User
from grants.applications.models import Application


def speakers_for(*, organisation_id: int | None, municipality_id: str | None) -> QuerySet:
    """The memberships that speak for a party to an application (the applicant or a partner):
    the organisation's representatives, or, when no organisation is named, the municipality's
    coordinators."""
    if organisation_id:
        return Membership.objects.filter(
            role=Role.PARTNER_REPRESENTATIVE, organisation_id=organisation_id
        )
    return Membership.objects.filter(role=Role.COORDINATOR, municipality_id=municipality_id)


def applicant_users(application: Application) -> list[User]:
    """Who speaks for the applicant: the applying organisation's partner representatives, or
    the municipality's coordinators when the municipality applies itself (active, by pk)."""
    members = speakers_for(
        organisation_id=application.organisation_id, municipality_id=application.municipality_id
    )
    return list(User.objects.filter(pk__in=members.values("user"), is_active=True).order_by("pk"))


def officers_of(grant_maker: GrantMaker) -> list[User]:
    """The grant-maker's active grant officers, each once (by pk)."""
    return list(
        User.objects.filter(
            grant_roles__grant_maker=grant_maker,
            grant_roles__role=GrantRole.OFFICER,
            is_active=True,
        )
        .distinct()
        .order_by("pk")
    )
