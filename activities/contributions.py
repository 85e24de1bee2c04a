"""What the activities app as a whole gives the rest of the portal: its permission rules.
Each area adds its own panels, wheel entries, evidence and documents in its
``contributions.py`` (coordination never imports this app: ``CoordinationConfig.ready()``
finds these modules)."""

from __future__ import annotations

from coordination.kernel.contributions import contribute
from coordination.kernel.models import Role
from coordination.kernel.permissions import VOLUNTEER, Rule

contribute.rules(
    {
        # Publish and run activities: their sessions, sign-ups, rides, shifts and attendance.
        # Coordinators run every activity of the municipality; a partner representative only
        # the activities of their own organisation (catalogue.permissions.can_manage_activity).
        "manage_activities": Rule(
            frozenset({Role.COORDINATOR, Role.PARTNER_REPRESENTATIVE}), personal_data=True
        ),
        # Approve or decline proposed activities, add the municipality's own activity types,
        # keep the list of places (village halls), read the gaps view and the evaluation.
        "coordinate_activities": Rule(frozenset({Role.COORDINATOR}), personal_data=False),
        # Sign up a participant on their behalf from the staff pages (a phone call, a home-care
        # visit): coordinators, the volunteer contacts in the units and organisers.
        "sign_up_participants": Rule(
            frozenset({Role.COORDINATOR, Role.VOLUNTEER_CONTACT, Role.PARTNER_REPRESENTATIVE})
        ),
        # Take and confirm volunteer shifts, drive rides: the municipality's volunteers (each
        # shift's role decides who is ready).
        "take_shifts": Rule(frozenset({VOLUNTEER}), personal_data=False),
    }
)
