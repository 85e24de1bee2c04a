"""Who may run an activity: the municipality's coordinators run every activity of it; a
partner representative runs the activities of the organisation they speak for (as organiser
or co-organiser) without asking the municipality — "a volunteer centre runs its own offer"."""

from __future__ import annotations

from django.utils.translation import gettext as _

from activities.catalogue.models import Activity
from coordination.kernel import permissions
from coordination.kernel.models import Membership, Municipality, Role, User
from coordination.kernel.permissions import Verdict


def organisations_spoken_for(user: User, municipality: Municipality | str) -> list[int]:
    """The partner organisations ``user`` represents in the municipality (may be empty)."""
    if not user.is_authenticated or not user.is_active:
        return []
    number = getattr(municipality, "pk", municipality)
    return list(
        Membership.objects.filter(
            user=user, municipality_id=number, role=Role.PARTNER_REPRESENTATIVE
        )
        .exclude(organisation=None)
        .values_list("organisation_id", flat=True)
    )


def can_manage_activity(user: User, activity: Activity) -> Verdict:
    """Edit the activity, its schedules and sessions, its shifts; see its participants and
    rides. Coordinators: every activity of the municipality; representatives: their own."""
    if not permissions.can(user, "manage_activities", activity):
        return Verdict(False, _("You do not have access to this page"))
    if permissions.has_role(user, activity.municipality_id, Role.COORDINATOR):
        return Verdict(True)
    own = set(organisations_spoken_for(user, activity.municipality_id))
    organisers = {activity.organiser_id, *activity.co_organisers.values_list("pk", flat=True)}
    if own & organisers:
        return Verdict(True)
    return Verdict(False, _("Only the organisers of this activity and the coordinator run it."))
