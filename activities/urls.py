"""The activities app's URLs, under the ``activities`` namespace: each area's own, in this
order (the first pattern that matches wins)."""

from activities.catalogue import urls as catalogue
from activities.evaluation import urls as evaluation
from activities.rides import urls as rides
from activities.schedule import urls as schedule
from activities.shifts import urls as shifts
from activities.signups import urls as signups

app_name = "activities"

urlpatterns = [
    *schedule.urlpatterns,
    *signups.urlpatterns,
    *evaluation.urlpatterns,
    *catalogue.urlpatterns,
    *rides.urlpatterns,
    *shifts.urlpatterns,
]
