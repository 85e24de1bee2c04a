"""The area's URLs, included in the app's namespace by activities/urls.py."""

from django.urls import path

from activities.shifts import views
from coordination.kernel.converters import COORDINATION

urlpatterns = [
    path(f"{COORDINATION}sessions/<int:pk>/shifts/", views.session_shifts, name="session_shifts"),
    path("volunteer/shifts/", views.open_shifts, name="open_shifts"),
    path("volunteer/shifts/<int:pk>/", views.own_shift, name="own_shift"),
]
