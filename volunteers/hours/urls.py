"""The area's URLs, included in its app's namespace by the app's urls.py."""

from django.urls import path

from coordination.kernel.converters import COORDINATION
from volunteers.hours import views as hours

urlpatterns = [
    # --- hours ---
    path("volunteer/hours/", hours.own_hours, name="own_hours"),
    path("volunteer/hours/<int:pk>/edit/", hours.own_hours_edit, name="own_hours_edit"),
    path("volunteer/hours/<int:pk>/withdraw/", hours.own_hours_withdraw, name="own_hours_withdraw"),
    path(f"{COORDINATION}hours/", hours.hours_manage, name="hours_manage"),
    path(f"{COORDINATION}hours/log/", hours.hours_log_for, name="hours_log_for"),
    path(f"{COORDINATION}hours/volunteers/", hours.hours_totals_view, name="hours_totals"),
    path(f"{COORDINATION}hours/rate/", hours.hours_rate, name="hours_rate"),
]
