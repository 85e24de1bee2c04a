"""The access rules of the grants review area's URLs (see tests/trust/access/__init__.py):
the officer's round and case pages, and the reviewer's own assignments."""

from tests.trust.access import GRANT_OFFICERS, GRANT_REVIEWERS

ACCESS: dict = {
    "grants:round_applications": GRANT_OFFICERS,
    "grants:round_ranking": GRANT_OFFICERS,
    "grants:round_fairness": GRANT_OFFICERS,
    "grants:case": GRANT_OFFICERS,
    "grants:case_start_screening": GRANT_OFFICERS,
    "grants:case_screen": GRANT_OFFICERS,
    "grants:case_assign": GRANT_OFFICERS,
    "grants:case_unassign": GRANT_OFFICERS,
    "grants:case_request_information": GRANT_OFFICERS,
    "grants:case_propose": GRANT_OFFICERS,
    "grants:case_close_review": GRANT_OFFICERS,
    "grants:review_list": GRANT_REVIEWERS,
    "grants:review_declare": GRANT_REVIEWERS,
    "grants:review_score": GRANT_REVIEWERS,
}
# Which world object (tests/trust/world_grants.py) a URL's ``pk`` names.
PK_OBJECT: dict = {
    "grants:round_applications": "round",
    "grants:round_ranking": "round",
    "grants:round_fairness": "round",
    "grants:case": "submitted_application",
    "grants:case_start_screening": "submitted_application",
    "grants:case_screen": "submitted_application",
    "grants:case_assign": "submitted_application",
    "grants:case_unassign": "review_assignment",
    "grants:case_request_information": "submitted_application",
    "grants:case_propose": "submitted_application",
    "grants:case_close_review": "submitted_application",
    "grants:review_declare": "review_assignment",
    "grants:review_score": "review_assignment",
}
