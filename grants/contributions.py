"""What the grants app as a whole gives the rest of the portal: its permission rules. Each
area adds its own panels and demo in its ``contributions.py`` / ``demo.py``."""

from __future__ import annotations

from coordination.kernel.contributions import contribute
from coordination.kernel.models import GrantRole, Role
from coordination.kernel.permissions import Rule

contribute.rules(
    {
        # A grant-maker's own pages: its schemes and rounds, and each person's own work there.
        "view_grant_maker": Rule(
            frozenset({GrantRole.OFFICER, GrantRole.REVIEWER}), grant_maker=True
        ),
        # Run the grant-maker's schemes: rounds, screening, reviewers, ranking, the fairness
        # check, decisions, appeals, reports, exports, and who holds which role there.
        "run_grants": Rule(frozenset({GrantRole.OFFICER}), grant_maker=True),
        # Review the applications assigned to oneself (after declaring impartiality).
        "review_grants": Rule(frozenset({GrantRole.REVIEWER}), grant_maker=True),
        # Apply for grants for the municipality (coordinators) or for one's own organisation
        # (partner representatives), and confirm taking part in others' joint applications.
        "apply_for_grants": Rule(
            frozenset({Role.COORDINATOR, Role.PARTNER_REPRESENTATIVE}), personal_data=False
        ),
    }
)
