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
    "activities:session_sign_up": PUBLIC,  # anyone signs up, themself or for someone else
    "activities:activity_sign_up": PUBLIC,  # the sweep's activity is per session: a redirect
    "activities:signup_receipt": TOKEN,  # the receipt's secret link
    "activities:signup_cancel": TOKEN,
    "activities:session_participants": ORGANISERS,
    # sign up by phone: the organisers, and the volunteer contacts (home-care visits)
    "activities:participant_add": Roles(ORGANISERS.allowed | {"volunteer_contact_lom"}),
    "activities:signup_cancel_by_organiser": ORGANISERS,
    "activities:session_cancel": ORGANISERS,
    "activities:reminder_calls": ORGANISERS,
    # --- rides and shifts ---
    # --- attendance and evaluation ---
}

PK_OBJECT = {
    # --- catalogue ---
    # --- schedule and calendars ---
    # --- sign-ups ---
    "activities:session_sign_up": "session",
    "activities:activity_sign_up": "activity",
    "activities:session_participants": "session",
    "activities:participant_add": "session",
    "activities:session_cancel": "session",
    "activities:signup_cancel_by_organiser": "signup",
    # --- rides and shifts ---
    # --- attendance and evaluation ---
}
