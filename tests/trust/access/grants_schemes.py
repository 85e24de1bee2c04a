"""The access rules of the grants schemes area's URLs (see tests/trust/access/__init__.py)."""

from tests.trust.access import GRANT_OFFICERS, GRANT_STAFF, NATIONAL_ADMINISTRATOR, PUBLIC

ACCESS: dict = {
    # public: the rounds that take applications, and each round's page
    "grants:round_list": PUBLIC,
    "grants:round_public": PUBLIC,
    # the national administrator's grant-makers
    "grants:grant_maker_list": NATIONAL_ADMINISTRATOR,
    "grants:grant_maker_create": NATIONAL_ADMINISTRATOR,
    "grants:grant_maker_officer_add": NATIONAL_ADMINISTRATOR,
    # a grant-maker's home: its officers and reviewers
    "grants:grant_maker_home": GRANT_STAFF,
    # its officers: people and roles, schemes, rounds and what a round asks and scores
    "grants:grant_maker_roles": GRANT_OFFICERS,
    "grants:grant_role_remove": GRANT_OFFICERS,
    "grants:scheme_create": GRANT_OFFICERS,
    "grants:scheme_edit": GRANT_OFFICERS,
    "grants:round_create": GRANT_OFFICERS,
    "grants:round_edit": GRANT_OFFICERS,
    "grants:round_criteria": GRANT_OFFICERS,
    "grants:round_conditions": GRANT_OFFICERS,
    "grants:round_questions": GRANT_OFFICERS,
}
# Which world object (tests/trust/world_grants.py) a URL's ``pk`` names.
PK_OBJECT: dict = {
    "grants:round_public": "round",
    "grants:grant_role_remove": "grant_role",
    "grants:scheme_edit": "scheme",
    "grants:round_create": "scheme",
    "grants:round_edit": "round",
    "grants:round_criteria": "round",
    "grants:round_conditions": "round",
    "grants:round_questions": "round",
}
