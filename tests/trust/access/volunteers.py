"""Who may use each URL of the volunteers app."""

from tests.trust.access import (
    COORDINATORS,
    LOGIN,
    OWNER,
    PUBLIC,
    REGISTRY_READERS,
    Roles,
)

ACCESS = {
    # volunteers: profile, registry, notes
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
    # the contact's unit; tests/volunteers/units/test_unit_scoping.py covers the others)
    "volunteers:volunteer_detail": Roles(frozenset({"coordinator_lom", "volunteer_contact_lom"})),
    # volunteers without a login: registered by phone, details changed, invited to a login
    "volunteers:volunteer_add": COORDINATORS,
    "volunteers:volunteer_edit": COORDINATORS,
    "volunteers:volunteer_login_invite": COORDINATORS,
    "volunteers:volunteer_consent_by_phone": COORDINATORS,
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
    "volunteers:need_left_out": COORDINATORS,  # matching's counts, loaded after the need page
    "volunteers:follow_up_plan": COORDINATORS,
    "volunteers:invitation_withdraw": COORDINATORS,
    "volunteers:invitation_answer": COORDINATORS,  # a JA/NEI given by SMS or phone
    # the call list (issue 13)
    "volunteers:call_list": COORDINATORS,
    "volunteers:call_done": COORDINATORS,
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
}

# Which Lom object a URL's ``pk`` names (default: a role, i.e. a Membership).
PK_OBJECT = {
    # volunteers: registry
    "volunteers:volunteer_detail": "volunteer",
    "volunteers:volunteer_leave": "volunteer",
    "volunteers:volunteer_anonymise": "volunteer",
    "volunteers:volunteer_edit": "volunteer",
    "volunteers:volunteer_login_invite": "volunteer",
    "volunteers:volunteer_consent_by_phone": "volunteer",
    # needs: the invitation and assignment belong to the ``volunteer`` persona
    "volunteers:invitation": "invitation",
    "volunteers:own_assignment": "assignment",
    "volunteers:need_detail": "need",
    "volunteers:need_edit": "need",
    "volunteers:need_step": "need",
    "volunteers:need_invite": "need",
    "volunteers:need_left_out": "need",
    "volunteers:follow_up_plan": "need",
    # s10-needs
    "volunteers:need_service_clarified": "need",
    "volunteers:need_extra_check": "need",
    "volunteers:invitation_withdraw": "invitation",
    "volunteers:invitation_answer": "invitation",
    "volunteers:call_done": "phone_call",
    "volunteers:follow_up_record": "follow_up",
    "volunteers:assignment_detail": "assignment",
    "volunteers:assignment_pairing": "assignment",
    "volunteers:assignment_pause": "assignment",
    "volunteers:assignment_resume": "assignment",
    "volunteers:assignment_end": "assignment",
    "volunteers:own_hours_edit": "hours_entry",  # the volunteer persona's own, pending
    "volunteers:own_hours_withdraw": "hours_entry",
    "volunteers:volunteer_notes": "volunteer",
    "volunteers:volunteer_units": "volunteer",  # visibility
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
}
