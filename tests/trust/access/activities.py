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
    "activities:catalogue": PUBLIC,
    "activities:activity_propose": PUBLIC,
    "activities:activity_detail": PUBLIC,  # published activities only
    "activities:activity_list": ORGANISERS,  # a representative: their organisation's only
    "activities:activity_create": ORGANISERS,
    "activities:activity_manage": ORGANISERS,  # can_manage_activity: others get 404
    "activities:activity_edit": ORGANISERS,
    "activities:activity_archive": ORGANISERS,
    "activities:activity_republish": ORGANISERS,
    "activities:proposal_list": COORDINATORS,
    "activities:proposal_decide": COORDINATORS,
    "activities:activity_type_list": COORDINATORS,
    "activities:place_list": COORDINATORS,
    "activities:place_create": COORDINATORS,
    "activities:place_edit": COORDINATORS,
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
    "activities:session_rides": ORGANISERS,  # participants' names, phones and addresses
    "activities:ride_drivers": ORGANISERS,
    "activities:session_shifts": ORGANISERS,
    "activities:open_shifts": LOGIN,  # the person's own open shifts only
    "activities:own_shift": OWNER,  # the volunteer holding the shift only (a driver's list)
    # --- attendance and evaluation ---
    "activities:session_attendance": ORGANISERS,
    "activities:session_feedback": PUBLIC,
    "activities:activity_evaluation": ORGANISERS,
    "activities:municipality_evaluation": COORDINATORS,
}

PK_OBJECT = {
    # --- catalogue ---
    "activities:activity_detail": "activity",
    "activities:activity_manage": "activity",
    "activities:activity_edit": "activity",
    "activities:activity_archive": "activity",
    "activities:activity_republish": "activity",
    "activities:proposal_decide": "proposed_activity",
    "activities:place_edit": "place",
    # --- schedule and calendars ---
    "activities:activity_feed": "activity",
    "activities:schedule_create": "activity",
    "activities:schedule_edit": "schedule",
    "activities:session_create": "activity",
    "activities:session_detail": "session",
    "activities:session_edit": "session",
    # --- sign-ups ---
    "activities:session_sign_up": "session",
    "activities:activity_sign_up": "activity",
    "activities:session_participants": "session",
    "activities:participant_add": "session",
    "activities:session_cancel": "session",
    "activities:signup_cancel_by_organiser": "signup",
    # --- rides and shifts ---
    "activities:session_rides": "session",
    "activities:ride_drivers": "session",
    "activities:session_shifts": "session",
    "activities:own_shift": "shift",
    # --- attendance and evaluation ---
    "activities:session_attendance": "held_session",
    "activities:session_feedback": "held_session",
    "activities:activity_evaluation": "activity",
}
