"""The access rules of the grants reports area's URLs (see tests/trust/access/__init__.py)."""

from tests.trust.access import GRANT_OFFICERS, Roles

ACCESS: dict = {
    # The applicant alone (login, then 404 unless they speak for the applicant).
    "grants:report_edit": Roles(frozenset({"applicant"})),
    "grants:report_list": GRANT_OFFICERS,
    "grants:report_review": GRANT_OFFICERS,
    "grants:round_export": GRANT_OFFICERS,
    "grants:case_dossier": GRANT_OFFICERS,
    # Only the officer who asked for the file.
    "grants:export_download": GRANT_OFFICERS,
}
# Which world object (tests/trust/world_grants.py) a URL's ``pk`` names.
PK_OBJECT: dict = {
    "grants:report_edit": "report",
    "grants:report_review": "report",
    "grants:round_export": "round",
    "grants:case_dossier": "granted_application",
    "grants:export_download": "grant_file",
}
