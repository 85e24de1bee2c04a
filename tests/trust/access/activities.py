"""Who may use each URL of the activities app, by area. Each URL with a ``pk`` names the Lom
object it points to in PK_OBJECT (the objects are made in tests/trust/world_activities.py)."""

from tests.trust.access import (  # noqa: F401 (the areas' rules use these)
    ALL_ROLES,
    COORDINATORS,
    LOGIN,
    OWNER,
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
    "activities:session_rides": ORGANISERS,  # participants' names, phones and addresses
    "activities:ride_drivers": ORGANISERS,
    "activities:session_shifts": ORGANISERS,
    "activities:open_shifts": LOGIN,  # the person's own open shifts only
    "activities:own_shift": OWNER,  # the volunteer holding the shift only (a driver's list)
    # --- attendance and evaluation ---
}

PK_OBJECT = {
    # --- catalogue ---
    # --- schedule and calendars ---
    # --- sign-ups ---
    # --- rides and shifts ---
    "activities:session_rides": "session",
    "activities:ride_drivers": "session",
    "activities:session_shifts": "session",
    "activities:own_shift": "shift",
    # --- attendance and evaluation ---
}
