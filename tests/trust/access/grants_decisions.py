"""The access rules of the grants decisions area's URLs (see tests/trust/access/__init__.py)."""

from tests.trust.access import GRANT_OFFICERS, Roles

# The applicant (Lom frivilligsentral's representative) and the grant-maker's officers.
APPLICANT_AND_OFFICERS = Roles(frozenset({"applicant", "officer"}))
APPLICANT = Roles(frozenset({"applicant"}))

ACCESS: dict = {
    "grants:case_decide": GRANT_OFFICERS,
    "grants:appeal_handle": GRANT_OFFICERS,
    "grants:decision_letter": APPLICANT_AND_OFFICERS,
    "grants:application_appeal": APPLICANT,
    "grants:application_accept": APPLICANT,
}
# Which world object (tests/trust/world_grants.py) a URL's ``pk`` names.
PK_OBJECT: dict = {
    "grants:case_decide": "submitted_application",
    "grants:appeal_handle": "appeal",
    "grants:decision_letter": "decision",
    "grants:application_appeal": "granted_application",
    "grants:application_accept": "granted_application",
}
