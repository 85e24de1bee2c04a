"""The area's URLs, included in the app's namespace by activities/urls.py."""

from django.urls import path

from activities.rides import views
from coordination.kernel.converters import COORDINATION

urlpatterns = [
    path(f"{COORDINATION}sessions/<int:pk>/rides/", views.session_rides, name="session_rides"),
    path(
        f"{COORDINATION}sessions/<int:pk>/rides/drivers/", views.ride_drivers, name="ride_drivers"
    ),
]
