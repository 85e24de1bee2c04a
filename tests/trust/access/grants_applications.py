"""The access rules of the grants applications area's URLs (see tests/trust/access/__init__.py).

The world's draft is Lom frivilligsentral's (the ``applicant`` persona's organisation) with Lom
municipality (``coordinator_lom``) as a partner still to confirm; its attachment belongs to the
application in review, which the national grant-maker's officer handles and the reviewer
persona reviews (declared impartial)."""

from tests.trust.access import LOGIN, Roles

APPLICANT = Roles(frozenset({"applicant"}))
# The applicant and the partner (the application's page; a partner reads it too).
APPLICANT_AND_PARTNER = Roles(frozenset({"applicant", "coordinator_lom"}))
PARTNER = Roles(frozenset({"coordinator_lom"}))
# The file of the application in review: its applicant, the officer, the assigned reviewer.
ATTACHMENT_READERS = Roles(frozenset({"applicant", "officer", "reviewer"}))

ACCESS: dict = {
    # Anyone logged in: those who may apply get the form, others are told who may apply.
    "grants:application_start": LOGIN,
    "grants:my_applications": LOGIN,
    "grants:application_detail": APPLICANT_AND_PARTNER,
    "grants:application_edit": APPLICANT,
    "grants:application_budget": APPLICANT,
    "grants:application_partners": APPLICANT,
    "grants:application_partner_remove": APPLICANT,
    "grants:partner_confirm": PARTNER,
    "grants:application_attachments": APPLICANT,
    "grants:attachment_remove": APPLICANT,
    "grants:attachment_download": ATTACHMENT_READERS,
    "grants:application_submit": APPLICANT,
    "grants:application_withdraw": APPLICANT,
    "grants:application_provide_information": APPLICANT,
}
# Which world object (tests/trust/world_grants.py) a URL's ``pk`` names.
PK_OBJECT: dict = {
    "grants:application_start": "round",
    "grants:application_detail": "application",
    "grants:application_edit": "application",
    "grants:application_budget": "application",
    "grants:application_partners": "application",
    "grants:application_partner_remove": "application_partner",
    "grants:partner_confirm": "application_partner",
    "grants:application_attachments": "application",
    "grants:attachment_remove": "attachment",
    "grants:attachment_download": "attachment",
    "grants:application_submit": "application",
    "grants:application_withdraw": "application",
    "grants:application_provide_information": "application",
}
