"""The area's URLs, included in its app's namespace by the app's urls.py."""

from django.urls import path

from coordination.kernel.converters import COORDINATION
from volunteers.units import views as units

urlpatterns = [
    # --- the units where a volunteer helps (their contacts see them) ---
    path(
        f"{COORDINATION}volunteers/<int:pk>/units/", units.volunteer_units, name="volunteer_units"
    ),
]
