"""The declared access rule of every URL in the project. The sweep (test_url_sweep.py) requests
every URL pattern as every persona and checks the outcome against this table; a URL that is not
in it fails the sweep. To add a view: give it one of the decorators in
coordination.kernel.permissions, then add its URL name here with who may use it.

Objects in the sweep belong to Lom (3434); ``coordinator_drammen`` is the coordinator of another
municipality and must get 404 everywhere in Lom.
"""

from dataclasses import dataclass

PERSONAS = (
    "anonymous",
    "volunteer",
    "applicant",  # partner representative
    "reviewer",
    "officer",  # grant officer
    "volunteer_contact_lom",
    "coordinator_lom",
    "coordinator_drammen",
)
LOGGED_IN = frozenset(PERSONAS) - {"anonymous"}


@dataclass(frozen=True)
class Public:
    """Anyone; never sends a visitor to the login page."""


@dataclass(frozen=True)
class Login:
    """Any logged-in person (the page shows only their own data); others go to login."""


@dataclass(frozen=True)
class Owner:
    """Any logged-in person, on their own record only (e.g. their two-factor settings); 404
    when they have no such record; anonymous visitors go to login."""


@dataclass(frozen=True)
class Token:
    """A link carrying a secret token (email confirmation, password reset): anyone; an unknown
    token gives an error page or 404, never someone else's data."""


@dataclass(frozen=True)
class LoginStep:
    """A step inside a login in progress (a code, a second factor): anyone; without a login in
    progress it sends the visitor back to the login page."""


@dataclass(frozen=True)
class Roles:
    """Only these personas (by their role in the owning municipality); everyone else logged in
    gets 404, as if the object did not exist; anonymous visitors go to login."""

    allowed: frozenset[str]


@dataclass(frozen=True)
class Staff:
    """The technical admin: staff accounts only; none of the personas is staff."""


PUBLIC, LOGIN, OWNER, TOKEN, LOGIN_STEP, STAFF = (
    Public(),
    Login(),
    Owner(),
    Token(),
    LoginStep(),
    Staff(),
)
COORDINATORS = Roles(frozenset({"coordinator_lom"}))
REGISTRY_READERS = Roles(frozenset({"coordinator_lom", "volunteer_contact_lom"}))
MUNICIPAL_STAFF = Roles(frozenset({"coordinator_lom", "volunteer_contact_lom", "officer"}))
# Everyone with a role in the municipality (the routine binder, the annual wheel).
ALL_ROLES = Roles(
    frozenset({"coordinator_lom", "volunteer_contact_lom", "officer", "reviewer", "applicant"})
)
# visibility (issue 10): the routine binder and the annual wheel are for the municipality's
# volunteers too (seed 001: "easy to reach for staff and volunteers"); earlier versions are not.
ROLES_AND_VOLUNTEERS = Roles(ALL_ROLES.allowed | {"volunteer"})
# partners: staff, and the representative of the partner itself
PARTNER_READERS = Roles(
    frozenset({"coordinator_lom", "volunteer_contact_lom", "officer", "applicant"})
)

ACCESS = {
    # coordination
    "home": PUBLIC,
    "healthz": PUBLIC,
    "set_language": PUBLIC,
    "coordination:municipality_directory": PUBLIC,
    "coordination:municipality_detail": PUBLIC,
    "coordination:my_page": LOGIN,  # a volunteer is sent on to volunteers:own_page (issue 10)
    "coordination:profile_edit": LOGIN,
    "coordination:my_data_download": LOGIN,
    "coordination:account_delete": LOGIN,
    "coordination:accessibility": PUBLIC,
    "coordination:privacy": PUBLIC,
    "coordination:overview": MUNICIPAL_STAFF,
    "coordination:membership_add": COORDINATORS,
    "coordination:membership_remove": COORDINATORS,
    "coordination:audit_log": COORDINATORS,
    "coordination:file_list": MUNICIPAL_STAFF,  # each sees only their own files
    "coordination:my_data_page": LOGIN,
    "coordination:file_download": COORDINATORS,  # only the coordinator who asked for it
    # resilience (issue 10): a stuck or failed job started again, by the person who asked
    "coordination:file_start_again": COORDINATORS,
    # coordination: routines (the routine binder) and the annual wheel
    "coordination:routine_list": ROLES_AND_VOLUNTEERS,  # visibility: volunteers read it
    "coordination:routine_create": COORDINATORS,
    "coordination:routine_starters": COORDINATORS,
    # approved routines (volunteers too); drafts to their editors
    "coordination:routine_detail": ROLES_AND_VOLUNTEERS,
    "coordination:routine_edit": REGISTRY_READERS,  # the sweep's routine names the contact
    "coordination:routine_approve": COORDINATORS,
    "coordination:routine_people": COORDINATORS,
    "coordination:routine_archive": COORDINATORS,
    "coordination:routine_versions": ALL_ROLES,
    "coordination:routine_version_detail": ALL_ROLES,
    "coordination:wheel_detail": ROLES_AND_VOLUNTEERS,  # visibility: volunteers read it
    "coordination:wheel_event_list": COORDINATORS,
    "coordination:wheel_event_edit": COORDINATORS,
    "coordination:wheel_event_delete": COORDINATORS,
    # coordination: staircase
    "coordination:assessment_list": MUNICIPAL_STAFF,
    "coordination:assessment_answer": COORDINATORS,
    "coordination:assessment_detail": MUNICIPAL_STAFF,  # completed assessments only
    "coordination:assessment_compare": MUNICIPAL_STAFF,
    "coordination:staircase_sharing_edit": COORDINATORS,
    # volunteers
    "volunteers:own_page": LOGIN,  # a volunteer's one home ("My page"): their own data only
    "volunteers:register": LOGIN,
    "volunteers:profile_edit": LOGIN,
    "volunteers:declaration": LOGIN,
    "volunteers:leave": LOGIN,
    "volunteers:volunteer_leave": COORDINATORS,
    "volunteers:volunteer_anonymise": COORDINATORS,
    "volunteers:declaration_manage": COORDINATORS,
    "volunteers:registry_export": COORDINATORS,
    "volunteers:registry": Roles(frozenset({"coordinator_lom", "volunteer_contact_lom"})),
    # a volunteer contact: only volunteers of their units (the sweep's volunteer is linked to
    # the contact's unit; tests/volunteers/test_unit_scoping.py covers the others)
    "volunteers:volunteer_detail": Roles(frozenset({"coordinator_lom", "volunteer_contact_lom"})),
    # volunteers: import
    "volunteers:volunteer_import": COORDINATORS,
    "volunteers:volunteer_import_confirm": COORDINATORS,  # only the coordinator's own upload
    "volunteers:volunteer_notes": REGISTRY_READERS,
    "volunteers:consent": LOGIN,  # the person's own volunteer profile only
    # visibility: a coordinator links a volunteer to the units where they help
    "volunteers:volunteer_units": COORDINATORS,
    # volunteers: screening
    "volunteers:role_list": COORDINATORS,
    "volunteers:role_edit": COORDINATORS,
    "volunteers:course_list": COORDINATORS,
    "volunteers:course_detail": COORDINATORS,
    "volunteers:course_edit": COORDINATORS,
    "volunteers:session_edit": COORDINATORS,
    "volunteers:session_completions": COORDINATORS,
    "volunteers:role_give": COORDINATORS,
    "volunteers:completion_add": COORDINATORS,
    "volunteers:certificate_record": COORDINATORS,
    "volunteers:role_take_away": COORDINATORS,
    # volunteers: needs and matching
    "volunteers:help_form": PUBLIC,  # a citizen or relative asks for help
    "volunteers:help_thanks": PUBLIC,
    "volunteers:invitation": OWNER,  # the invited volunteer only
    "volunteers:own_assignment": OWNER,  # the assigned volunteer only
    "volunteers:need_list": REGISTRY_READERS,  # never the person's details
    "volunteers:need_report": REGISTRY_READERS,
    "volunteers:need_detail": REGISTRY_READERS,  # the person's details: coordinators only
    "volunteers:need_edit": COORDINATORS,
    "volunteers:need_step": COORDINATORS,
    "volunteers:need_invite": COORDINATORS,
    "volunteers:follow_up_plan": COORDINATORS,
    "volunteers:invitation_withdraw": COORDINATORS,
    "volunteers:follow_up_record": COORDINATORS,
    "volunteers:assignment_detail": COORDINATORS,
    "volunteers:assignment_pairing": COORDINATORS,
    "volunteers:assignment_pause": COORDINATORS,
    "volunteers:assignment_resume": COORDINATORS,
    "volunteers:assignment_end": COORDINATORS,
    # s10-needs: safeguards before inviting, and insurance for volunteers
    "volunteers:need_service_clarified": COORDINATORS,
    "volunteers:need_extra_check": COORDINATORS,
    "volunteers:insurance_edit": COORDINATORS,
    # volunteers: hours
    "volunteers:own_hours": LOGIN,  # the person's own hours only
    "volunteers:own_hours_edit": OWNER,
    "volunteers:own_hours_withdraw": OWNER,
    "volunteers:hours_manage": COORDINATORS,
    "volunteers:hours_log_for": COORDINATORS,
    "volunteers:hours_totals": COORDINATORS,
    "volunteers:hours_rate": COORDINATORS,
    # coordination: units, volunteer contacts and their forum
    "coordination:unit_list": REGISTRY_READERS,  # "who do I call": contacts see it too
    "coordination:unit_add": COORDINATORS,
    "coordination:unit_edit": COORDINATORS,
    "coordination:unit_delete": COORDINATORS,
    "coordination:unit_contact_add": COORDINATORS,
    "coordination:unit_contact_remove": COORDINATORS,
    "coordination:forum_meeting_list": REGISTRY_READERS,
    "coordination:forum_meeting_add": COORDINATORS,
    "coordination:forum_meeting_detail": REGISTRY_READERS,
    "coordination:forum_meeting_edit": COORDINATORS,
    "coordination:forum_meeting_minutes": COORDINATORS,
    "coordination:forum_meeting_delete": COORDINATORS,
    # coordination: the responsibility map (read-only for contacts and partner representatives)
    "coordination:responsibility_map_detail": Roles(
        frozenset({"coordinator_lom", "volunteer_contact_lom", "applicant"})
    ),
    "coordination:responsibility_map_edit": COORDINATORS,
    "coordination:responsibility_task_add": COORDINATORS,
    "coordination:responsibility_task_edit": COORDINATORS,
    "coordination:responsibility_task_move": COORDINATORS,
    "coordination:responsibility_task_delete": COORDINATORS,
    "coordination:responsibility_party_add": COORDINATORS,
    "coordination:responsibility_party_edit": COORDINATORS,
    "coordination:responsibility_party_move": COORDINATORS,
    "coordination:responsibility_party_delete": COORDINATORS,
    # partners and agreements
    "coordination:partner_list": MUNICIPAL_STAFF,
    "coordination:partner_map": MUNICIPAL_STAFF,
    "coordination:partner_add": COORDINATORS,
    # the applicant persona represents the sweep's partner (see _lom_objects)
    "coordination:partner_detail": PARTNER_READERS,
    # s10-forms: the organisation's own representative changes its shared details too
    "coordination:partner_edit": Roles(frozenset({"coordinator_lom", "applicant"})),
    "coordination:partner_contact_add": COORDINATORS,
    "coordination:partner_contact_remove": COORDINATORS,
    "coordination:partner_contact_edit": COORDINATORS,
    "coordination:partner_offer_edit": COORDINATORS,
    "coordination:partner_offer_add": COORDINATORS,
    "coordination:partner_offer_remove": COORDINATORS,
    "coordination:agreement_list": MUNICIPAL_STAFF,
    "coordination:agreement_add": COORDINATORS,
    "coordination:agreement_detail": PARTNER_READERS,  # the applicant's organisation is a party
    "coordination:agreement_edit": COORDINATORS,
    "coordination:agreement_status": COORDINATORS,
    "coordination:agreement_document": PARTNER_READERS,
    # s10-forms: ending and reopening an agreement ask first
    "coordination:agreement_end": COORDINATORS,
    "coordination:agreement_reopen": COORDINATORS,
    # accounts (django-allauth)
    "account_login": PUBLIC,
    "account_logout": PUBLIC,
    "account_inactive": PUBLIC,
    "account_signup": PUBLIC,
    "account_email_verification_sent": PUBLIC,
    "account_confirm_email": TOKEN,
    "account_reset_password": PUBLIC,
    "account_reset_password_done": PUBLIC,
    "account_reset_password_from_key": TOKEN,
    "account_reset_password_from_key_done": PUBLIC,
    "account_confirm_login_code": LOGIN_STEP,
    "mfa_authenticate": LOGIN_STEP,
    "account_reauthenticate": LOGIN,
    "account_email": LOGIN,
    "account_change_password": LOGIN,
    "account_set_password": LOGIN,
    "mfa_index": LOGIN,
    "mfa_reauthenticate": LOGIN,
    "mfa_activate_totp": LOGIN,
    "mfa_deactivate_totp": OWNER,
    "mfa_view_recovery_codes": OWNER,
    "mfa_generate_recovery_codes": OWNER,
    "mfa_download_recovery_codes": OWNER,
}
# The admin site guards all of its URLs itself (and its login goes through allauth).
NAMESPACE_ACCESS = {"admin": STAFF}

# Which Lom object a URL's ``pk`` names (default: a role, i.e. a Membership).
PK_OBJECT = {
    "volunteers:volunteer_detail": "volunteer",
    "volunteers:volunteer_leave": "volunteer",
    "volunteers:volunteer_anonymise": "volunteer",
    # needs: the invitation and assignment belong to the ``volunteer`` persona
    "volunteers:invitation": "invitation",
    "volunteers:own_assignment": "assignment",
    "volunteers:need_detail": "need",
    "volunteers:need_edit": "need",
    "volunteers:need_step": "need",
    "volunteers:need_invite": "need",
    "volunteers:follow_up_plan": "need",
    # s10-needs
    "volunteers:need_service_clarified": "need",
    "volunteers:need_extra_check": "need",
    "volunteers:invitation_withdraw": "invitation",
    "volunteers:follow_up_record": "follow_up",
    "volunteers:assignment_detail": "assignment",
    "volunteers:assignment_pairing": "assignment",
    "volunteers:assignment_pause": "assignment",
    "volunteers:assignment_resume": "assignment",
    "volunteers:assignment_end": "assignment",
    "coordination:file_download": "generated_file",  # made for coordinator_lom
    "coordination:file_start_again": "generated_file",  # resilience (issue 10)
    "coordination:assessment_detail": "assessment",  # a completed one in Lom
    "volunteers:own_hours_edit": "hours_entry",  # the volunteer persona's own, pending
    "volunteers:own_hours_withdraw": "hours_entry",
    "volunteers:volunteer_notes": "volunteer",
    "volunteers:volunteer_units": "volunteer",  # visibility
    # coordination: routines and the annual wheel
    "coordination:routine_detail": "routine",  # approved; volunteer_contact_lom co-authors
    "coordination:routine_edit": "routine",
    "coordination:routine_approve": "routine",
    "coordination:routine_people": "routine",
    "coordination:routine_archive": "routine",
    "coordination:routine_versions": "routine",
    "coordination:routine_version_detail": "routine_version",
    "coordination:wheel_event_edit": "wheel_event",
    "coordination:wheel_event_delete": "wheel_event",
    # volunteers: screening
    "volunteers:role_edit": "volunteer_role",
    "volunteers:course_detail": "course",
    "volunteers:course_edit": "course",
    "volunteers:session_edit": "course_session",
    "volunteers:session_completions": "course_session",
    "volunteers:role_give": "volunteer",
    "volunteers:completion_add": "volunteer",
    "volunteers:certificate_record": "role_holder",
    "volunteers:role_take_away": "role_holder",
    # coordination: units and the forum
    "coordination:unit_edit": "unit",
    "coordination:unit_delete": "unit",
    "coordination:unit_contact_add": "unit",
    "coordination:unit_contact_remove": "unit_contact",
    "coordination:forum_meeting_detail": "forum_meeting",
    "coordination:forum_meeting_edit": "forum_meeting",
    "coordination:forum_meeting_minutes": "forum_meeting",
    "coordination:forum_meeting_delete": "forum_meeting",
    # coordination: the responsibility map
    "coordination:responsibility_task_edit": "responsibility_task",
    "coordination:responsibility_task_move": "responsibility_task",
    "coordination:responsibility_task_delete": "responsibility_task",
    "coordination:responsibility_party_edit": "responsibility_party",
    "coordination:responsibility_party_move": "responsibility_party",
    "coordination:responsibility_party_delete": "responsibility_party",
    # partners
    "coordination:partner_detail": "partner",
    "coordination:partner_edit": "partner",
    "coordination:partner_contact_add": "partner",
    "coordination:partner_offer_add": "partner",
    "coordination:partner_contact_remove": "partner_contact",
    "coordination:partner_contact_edit": "partner_contact",
    "coordination:partner_offer_edit": "partner_offer",
    "coordination:partner_offer_remove": "partner_offer",
    "coordination:agreement_detail": "agreement",
    "coordination:agreement_edit": "agreement",
    "coordination:agreement_status": "agreement",
    "coordination:agreement_document": "agreement",
    # s10-forms
    "coordination:agreement_end": "agreement",
    "coordination:agreement_reopen": "agreement",
}
