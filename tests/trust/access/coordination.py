"""Who may use each URL of coordination, the project package: its own pages (the kernel's and
every area's), the landing pages, and the accounts pages (django-allauth) it mounts."""

from tests.trust.access import (
    ALL_ROLES,
    COORDINATORS,
    LOGIN,
    LOGIN_STEP,
    MUNICIPAL_STAFF,
    NATIONAL_ADMINISTRATOR,
    OWNER,
    PARTNER_READERS,
    PUBLIC,
    REGISTRY_READERS,
    ROLES_AND_VOLUNTEERS,
    TOKEN,
    Roles,
)

# issue 13: a partner's own contacts and offers: coordinators and its representative
PARTNER_KEEPERS = Roles(frozenset({"coordinator_lom", "applicant"}))

ACCESS = {
    # landing pages, the kernel's own pages
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
    "coordination:invitation_withdraw": COORDINATORS,  # issue 13: a pending role invitation
    "coordination:audit_log": COORDINATORS,
    # someone to call (issue 13): what the public page shows about whom to phone
    "coordination:public_contact_edit": COORDINATORS,
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
    # issue 14: printed documents. The page for everyone with a role (each document asks its
    # own permission: the map's readers print the map); a job's progress only for whoever
    # asked; publishing for coordinators; the public link for anyone with its token.
    "coordination:document_list": ALL_ROLES,
    "coordination:document_print": Roles(
        frozenset({"coordinator_lom", "volunteer_contact_lom", "applicant"})
    ),
    "coordination:print_job_status": COORDINATORS,
    "coordination:printed_document_download": Roles(
        frozenset({"coordinator_lom", "volunteer_contact_lom", "applicant"})
    ),
    "coordination:document_publish": COORDINATORS,
    "coordination:document_withdraw": COORDINATORS,
    "coordination:published_document": TOKEN,
    "coordination:responsibility_task_add": COORDINATORS,
    "coordination:responsibility_task_edit": COORDINATORS,
    "coordination:responsibility_task_move": COORDINATORS,
    "coordination:responsibility_task_delete": COORDINATORS,
    "coordination:responsibility_party_add": COORDINATORS,
    "coordination:responsibility_party_edit": COORDINATORS,
    "coordination:responsibility_party_move": COORDINATORS,
    "coordination:responsibility_party_delete": COORDINATORS,
    # coordination: partners and agreements
    "coordination:partner_list": MUNICIPAL_STAFF,
    "coordination:partner_map": MUNICIPAL_STAFF,
    "coordination:partner_add": COORDINATORS,
    # the applicant persona represents the sweep's partner (see tests/trust/world.py)
    "coordination:partner_detail": PARTNER_READERS,
    # s10-forms: the organisation's own representative changes its shared details too
    "coordination:partner_edit": Roles(frozenset({"coordinator_lom", "applicant"})),
    # issue 13: the representative keeps their own organisation's contacts and offers
    "coordination:partner_contact_add": PARTNER_KEEPERS,
    "coordination:partner_contact_remove": PARTNER_KEEPERS,
    "coordination:partner_contact_edit": PARTNER_KEEPERS,
    "coordination:partner_offer_edit": PARTNER_KEEPERS,
    "coordination:partner_offer_add": PARTNER_KEEPERS,
    "coordination:partner_offer_remove": PARTNER_KEEPERS,
    # issue 13: the sweep's partner has a representative, so Lom's coordinator proposes a
    # correction to its shared details (the page), and only the representative answers one
    "coordination:partner_correction_propose": COORDINATORS,
    "coordination:partner_correction_decide": Roles(frozenset({"applicant"})),
    "coordination:agreement_list": MUNICIPAL_STAFF,
    "coordination:agreement_add": COORDINATORS,
    "coordination:agreement_detail": PARTNER_READERS,  # the applicant's organisation is a party
    "coordination:agreement_edit": COORDINATORS,
    "coordination:agreement_status": COORDINATORS,
    "coordination:agreement_document": PARTNER_READERS,
    # s10-forms: ending and reopening an agreement ask first
    "coordination:agreement_end": COORDINATORS,
    "coordination:agreement_reopen": COORDINATORS,
    # issue 13: a municipality that starts by itself (coordination/starting)
    "coordination:start_request": PUBLIC,  # Lom uses Samspill: sent back to its page
    "coordination:start_request_thanks": PUBLIC,
    "coordination:start_request_list": NATIONAL_ADMINISTRATOR,
    "coordination:start_request_detail": NATIONAL_ADMINISTRATOR,
    "coordination:start_request_approve": NATIONAL_ADMINISTRATOR,
    "coordination:start_request_decline": NATIONAL_ADMINISTRATOR,
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

# Which Lom object a URL's ``pk`` names (default: a role, i.e. a Membership).
PK_OBJECT = {
    # the kernel's own pages
    "coordination:file_download": "generated_file",  # made for coordinator_lom
    "coordination:file_start_again": "generated_file",  # resilience (issue 10)
    "coordination:invitation_withdraw": "role_invitation",  # issue 13
    "coordination:start_request_detail": "start_request",
    "coordination:start_request_approve": "start_request",
    "coordination:start_request_decline": "start_request",
    "coordination:assessment_detail": "assessment",  # a completed one in Lom
    # issue 14: printed documents (the responsibility map, printed for coordinator_lom)
    "coordination:print_job_status": "print_job",
    "coordination:printed_document_download": "printed_document",
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
    # coordination: partners and agreements
    "coordination:partner_detail": "partner",
    "coordination:partner_edit": "partner",
    "coordination:partner_contact_add": "partner",
    "coordination:partner_offer_add": "partner",
    "coordination:partner_contact_remove": "partner_contact",
    "coordination:partner_contact_edit": "partner_contact",
    "coordination:partner_offer_edit": "partner_offer",
    "coordination:partner_offer_remove": "partner_offer",
    "coordination:partner_correction_propose": "partner",
    "coordination:partner_correction_decide": "partner_correction",
    "coordination:agreement_detail": "agreement",
    "coordination:agreement_edit": "agreement",
    "coordination:agreement_status": "agreement",
    "coordination:agreement_document": "agreement",
    # s10-forms
    "coordination:agreement_end": "agreement",
    "coordination:agreement_reopen": "agreement",
}
