"""Who may use each URL of the activities app, by area. Each URL with a ``pk`` names the Lom
object it points to in PK_OBJECT (the objects are made in tests/trust/world_activities.py)."""

from tests.trust.access import (  # noqa: F401 (the areas' rules use these)
    ALL_ROLES,
    COORDINATORS,
    LOGIN,
    PUBLIC,
    TOKEN,
    Roles,
)

# Those who run activities: the coordinator, and the representative of the organiser (the
# sweep's activity is run by the ``applicant`` persona's organisation).
ORGANISERS = Roles(frozenset({"coordinator_lom", "applicant"}))

ACCESS = {
    # --- catalogue ---
    # --- schedule and calendars ---
    # --- sign-ups ---
    # --- rides and shifts ---
    # --- attendance and evaluation ---
    "activities:session_attendance": ORGANISERS,
    "activities:session_feedback": PUBLIC,
    "activities:activity_evaluation": ORGANISERS,
    "activities:municipality_evaluation": COORDINATORS,
}

PK_OBJECT = {
    # --- catalogue ---
    # --- schedule and calendars ---
    # --- sign-ups ---
    # --- rides and shifts ---
    # --- attendance and evaluation ---
    "activities:session_attendance": "held_session",
    "activities:session_feedback": "held_session",
    "activities:activity_evaluation": "activity",
}
