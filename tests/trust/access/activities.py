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
    "activities:calendar_month": PUBLIC,
    "activities:calendar_week": PUBLIC,
    "activities:calendar_feed": PUBLIC,
    "activities:activity_feed": PUBLIC,  # a published activity; others 404
    "activities:schedule_create": ORGANISERS,
    "activities:schedule_edit": ORGANISERS,
    "activities:session_create": ORGANISERS,
    "activities:session_detail": ORGANISERS,
    "activities:session_edit": ORGANISERS,
    "activities:gaps": COORDINATORS,
    # --- sign-ups ---
    # --- rides and shifts ---
    # --- attendance and evaluation ---
}

PK_OBJECT = {
    # --- catalogue ---
    # --- schedule and calendars ---
    "activities:activity_feed": "activity",
    "activities:schedule_create": "activity",
    "activities:schedule_edit": "schedule",
    "activities:session_create": "activity",
    "activities:session_detail": "session",
    "activities:session_edit": "session",
    # --- sign-ups ---
    # --- rides and shifts ---
    # --- attendance and evaluation ---
}
