"""The volunteers app's URLs, under the ``volunteers`` namespace: each area's own, in this
order (the first pattern that matches wins)."""

from volunteers.calls import urls as calls
from volunteers.hours import urls as hours
from volunteers.importing import urls as importing
from volunteers.insurance import urls as insurance
from volunteers.leaving import urls as leaving
from volunteers.needs import urls as needs
from volunteers.notes import urls as notes
from volunteers.profile import urls as profile
from volunteers.registry import urls as registry
from volunteers.screening import urls as screening
from volunteers.units import urls as units

app_name = "volunteers"

urlpatterns = [
    *profile.urlpatterns,
    *leaving.urlpatterns,
    *registry.urlpatterns,
    *importing.urlpatterns,
    *notes.urlpatterns,
    *units.urlpatterns,
    *screening.urlpatterns,
    *insurance.urlpatterns,
    *needs.urlpatterns,
    *hours.urlpatterns,
    *calls.urlpatterns,
]
