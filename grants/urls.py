"""The grants app's URLs, under the ``grants`` namespace: each area's own, in this order (the
first pattern that matches wins)."""

from grants.applications import urls as applications
from grants.decisions import urls as decisions
from grants.reports import urls as reports
from grants.review import urls as review
from grants.schemes import urls as schemes

app_name = "grants"

urlpatterns = [
    *schemes.urlpatterns,
    *applications.urlpatterns,
    *review.urlpatterns,
    *decisions.urlpatterns,
    *reports.urlpatterns,
]
