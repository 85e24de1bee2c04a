"""The grants app's URL access rules, one table per area (each area's file is its own)."""

from tests.trust.access import (
    grants_applications,
    grants_decisions,
    grants_reports,
    grants_review,
    grants_schemes,
)

_AREAS = (grants_schemes, grants_applications, grants_review, grants_decisions, grants_reports)
ACCESS = {key: rule for area in _AREAS for key, rule in area.ACCESS.items()}
PK_OBJECT = {key: name for area in _AREAS for key, name in area.PK_OBJECT.items()}
